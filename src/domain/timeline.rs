//! «Как это увидит клиент»: what a customer receives, and when, from the form's values as
//! they are now (saved or not), in one of four situations. Pure: moments are seconds after
//! the customer's first message; when working time resumes is the caller's (the schedule's).

use crate::domain::{RoutingKind, SettingsForm, Unit};

/// How far the timeline looks when no auto-close ends the dialog first.
pub const HORIZON_SECONDS: i64 = 24 * 3600;

/// More repeats of one auto-reply than this fold into «…и ещё N повторов».
pub const SHOWN_REPEATS: u64 = 5;

max_channel_kit::closed_enum! {
    /// The four situations of the switch.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Situation {
        /// «Рабочее время, операторы заняты».
        Busy,
        /// «Нерабочее время».
        NonWorking,
        /// «Оператор закрыл обращение».
        OperatorClosed,
        /// «Клиент не отвечает»: an operator answered, the customer went quiet.
        CustomerSilent,
    }
}

impl Situation {}

/// An auto-reply as the timeline needs it: a row whose numbers parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedReply {
    /// The row in its list (for naming and focusing the control).
    pub row: usize,
    pub delay_seconds: i64,
    pub text: String,
    pub every_seconds: Option<i64>,
}

/// What the customer sees happen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Event {
    /// The customer's first message, at 0.
    CustomerWrites,
    /// An auto-reply (`repeat` 0 is the first sending).
    AutoReply { row: usize, text: String, repeat: u64 },
    /// «…и ещё N повторов» of the row's reply, up to the moment of this event.
    MoreRepeats { row: usize, count: u64 },
    /// The chat-bot takes the dialog (routing, or the non-working mode).
    ChatBotTakes { fallback: bool },
    /// Non-working time with the mode off: nobody answers until working time.
    NoAnswer,
    /// Working time starts again (from the schedule).
    WorkingTimeResumes,
    /// An operator answers (the two operator situations).
    OperatorAnswers,
    /// An operator closes the dialog.
    OperatorCloses,
    /// The closing message.
    ClosingMessage { text: String },
    /// Auto-close ends the dialog.
    AutoClose,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Moment {
    pub at_seconds: i64,
    pub event: Event,
}

/// The form's rows that the timeline can place; a row whose numbers do not parse is left
/// out (the form already says what is wrong with it).
pub fn planned(rows: &[crate::domain::ReplyForm]) -> Vec<PlannedReply> {
    let mut planned: Vec<PlannedReply> = rows
        .iter()
        .enumerate()
        .filter_map(|(row, reply)| {
            let delay_seconds = reply.delay.amount(Unit::Seconds).ok().filter(|d| *d >= 0)?;
            let every_seconds = match reply.repeat_every {
                true => Some(reply.interval.amount(Unit::Seconds).ok().filter(|s| *s > 0)?),
                false => None,
            };
            Some(PlannedReply { row, delay_seconds, text: reply.text.clone(), every_seconds })
        })
        .collect();
    planned.sort_by_key(|r| (r.delay_seconds, r.row));
    planned
}

/// When the dialog closes by itself, in seconds, if auto-close is on and its period parses.
pub fn auto_close_seconds(form: &SettingsForm) -> Option<i64> {
    let auto_close = &form.auto_close;
    if !auto_close.enabled {
        return None;
    }
    let minutes = match auto_close.preset {
        Some(minutes) => minutes,
        None => auto_close.custom.amount(Unit::Minutes).ok()?,
    };
    (minutes > 0).then(|| minutes.saturating_mul(60))
}

/// How many times a reply is sent before `end` (exclusive): the arithmetic the timeline
/// must agree with.
pub fn sendings_before(reply: &PlannedReply, end: i64) -> u64 {
    if reply.delay_seconds >= end {
        return 0;
    }
    match reply.every_seconds {
        None => 1,
        Some(every) => 1 + ((end - 1 - reply.delay_seconds) / every) as u64,
    }
}

/// The replies' moments before `end`, each row's repeats folded after [`SHOWN_REPEATS`].
fn reply_moments(replies: &[PlannedReply], end: i64) -> Vec<Moment> {
    let mut moments = Vec::new();
    for reply in replies {
        let total = sendings_before(reply, end);
        let shown = total.min(SHOWN_REPEATS + 1);
        for repeat in 0..shown {
            let at = reply.delay_seconds + repeat as i64 * reply.every_seconds.unwrap_or(0);
            moments.push(Moment {
                at_seconds: at,
                event: Event::AutoReply { row: reply.row, text: reply.text.clone(), repeat },
            });
        }
        if total > shown {
            let every = reply.every_seconds.unwrap_or(0);
            let last = reply.delay_seconds + (total as i64 - 1) * every;
            moments
                .push(Moment { at_seconds: last, event: Event::MoreRepeats { row: reply.row, count: total - shown } });
        }
    }
    moments
}

/// The customer's timeline in `situation`. `resumes_in` is how long until working time
/// starts again (non-working situation; `None`: not within the horizon or no schedule).
pub fn timeline(form: &SettingsForm, situation: Situation, resumes_in: Option<i64>) -> Vec<Moment> {
    let auto_close = auto_close_seconds(form);
    let end = auto_close.unwrap_or(HORIZON_SECONDS).min(HORIZON_SECONDS);
    let mut moments = vec![Moment { at_seconds: 0, event: Event::CustomerWrites }];
    let closing = || form.closing_enabled.then(|| Event::ClosingMessage { text: form.closing_text.clone() });
    match situation {
        Situation::Busy if form.routing.kind == RoutingKind::ChatBot => {
            moments.push(Moment {
                at_seconds: 0,
                event: Event::ChatBotTakes { fallback: form.routing.fallback.is_some() },
            });
        }
        Situation::Busy => moments.extend(reply_moments(&planned(&form.replies), end)),
        Situation::NonWorking => {
            let non_working = &form.non_working;
            let until = resumes_in.filter(|r| *r > 0).map_or(end, |r| r.min(end));
            if non_working.chat_bot_on {
                moments.push(Moment { at_seconds: 0, event: Event::ChatBotTakes { fallback: false } });
            } else if non_working.replies_on {
                moments.extend(reply_moments(&planned(&non_working.replies), until));
            } else {
                moments.push(Moment { at_seconds: 0, event: Event::NoAnswer });
            }
            if let Some(resume) = resumes_in.filter(|r| *r > 0 && *r < end) {
                moments.push(Moment { at_seconds: resume, event: Event::WorkingTimeResumes });
            }
        }
        Situation::OperatorClosed => {
            moments.push(Moment { at_seconds: 0, event: Event::OperatorAnswers });
            moments.push(Moment { at_seconds: 0, event: Event::OperatorCloses });
            moments.extend(closing().map(|event| Moment { at_seconds: 0, event }));
            return moments;
        }
        Situation::CustomerSilent => {
            moments.push(Moment { at_seconds: 0, event: Event::OperatorAnswers });
        }
    }
    if let Some(close) = auto_close.filter(|c| *c <= HORIZON_SECONDS) {
        moments.extend(closing().map(|event| Moment { at_seconds: close, event }));
        moments.push(Moment { at_seconds: close, event: Event::AutoClose });
    }
    // Stable: equal moments keep the order they were told in.
    moments.sort_by_key(|m| m.at_seconds);
    moments
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
