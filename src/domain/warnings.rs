//! «Проверьте настройки»: settings that are valid but cannot work as the administrator
//! probably means. Each names the control it concerns (to focus it); none blocks a save.

use max_channel_contract::time::Date;

use crate::domain::schedule::LocalMoment;
use crate::domain::schedule_text::stretch_text;
use crate::domain::timeline::{auto_close_seconds, planned, sendings_before, PlannedReply, HORIZON_SECONDS};
use crate::domain::when::{after_text, duration_text};
use crate::domain::{FieldPath, HiddenControl, ReplyField, ReplyList, SettingsForm, Within};
use crate::i18n::{count, Msg, Tr};

/// More messages than this from one repeating reply before the dialog closes is a warning.
pub const TOO_MANY_SENDINGS: u64 = 20;

/// What is wrong, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The reply is due at or after the auto-close: it never arrives.
    ReplyAfterAutoClose,
    /// A repeat sends this many messages before the dialog closes.
    TooManyRepeats { sendings: u64 },
    /// A repeat with no auto-close: it goes on until an operator answers.
    RepeatsWithoutAutoClose,
    /// Non-working time exists, and nobody answers in it.
    NonWorkingUnanswered,
    /// Auto-close is on, and the customer is not told.
    AutoCloseWithoutClosingMessage,
    /// Auto-close closes a dialog started as the longest non-working stretch begins before
    /// working time comes back: nobody ever answers it.
    ClosesBeforeWorkingTime { night: NightStretch },
}

/// A non-working stretch of the schedule, in its local time, read on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NightStretch {
    pub from: LocalMoment,
    pub to: LocalMoment,
    pub today: Date,
}

impl NightStretch {
    /// Its length in the schedule's local minutes.
    pub fn minutes(&self) -> i64 {
        let days = self.to.date.days_since_epoch() - self.from.date.days_since_epoch();
        days * 1440 + i64::from(self.to.minute) - i64::from(self.from.minute)
    }
}

/// What the warnings need of the work schedule; the default (unknown) says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScheduleFacts {
    /// The schedule is not round the clock.
    pub has_non_working_time: bool,
    /// The longest non-working stretch of the next 60 days between working times.
    pub longest_night: Option<NightStretch>,
}

/// A warning at its control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub at: FieldPath,
    pub warning: Warning,
}

fn reply_warnings(list: ReplyList, replies: &[PlannedReply], close: Option<i64>, out: &mut Vec<Placed>) {
    for reply in replies {
        let at = |field| FieldPath::Reply { list, index: reply.row, field };
        match (close, reply.every_seconds) {
            (Some(close), _) if reply.delay_seconds >= close => {
                out.push(Placed { at: at(ReplyField::Delay), warning: Warning::ReplyAfterAutoClose });
            }
            (Some(close), Some(_)) => {
                let sendings = sendings_before(reply, close.min(HORIZON_SECONDS));
                if sendings > TOO_MANY_SENDINGS {
                    out.push(Placed {
                        at: at(ReplyField::RepeatInterval),
                        warning: Warning::TooManyRepeats { sendings },
                    });
                }
            }
            (None, Some(_)) => {
                out.push(Placed { at: at(ReplyField::RepeatInterval), warning: Warning::RepeatsWithoutAutoClose });
            }
            _ => {}
        }
    }
}

/// The warnings of the form as it is now, top to bottom, with what is known of the
/// schedule (unknown: the default, and nothing is said of it).
pub fn warnings(form: &SettingsForm, schedule: ScheduleFacts) -> Vec<Placed> {
    let has_non_working_time = schedule.has_non_working_time;
    let close = auto_close_seconds(form);
    let mut out = Vec::new();
    // While the chat-bot takes the dialog, the working-time replies are not sent.
    if form.routing.kind != crate::domain::RoutingKind::ChatBot {
        reply_warnings(ReplyList::Working, &planned(&form.replies), close, &mut out);
    }
    if !form.closing_enabled && close.is_some() {
        out.push(Placed { at: FieldPath::ClosingEnabled, warning: Warning::AutoCloseWithoutClosingMessage });
    }
    let non_working = &form.non_working;
    if non_working.replies_on && !non_working.chat_bot_on {
        reply_warnings(ReplyList::NonWorking, &planned(&non_working.replies), close, &mut out);
    }
    if has_non_working_time && !non_working.replies_on && !non_working.chat_bot_on {
        out.push(Placed { at: FieldPath::NonWorkingMode, warning: Warning::NonWorkingUnanswered });
    }
    // The chat-bot answers at night; else an operator is the first to, in working time.
    let night = schedule.longest_night.filter(|_| has_non_working_time && !non_working.chat_bot_on);
    if let (Some(close), Some(night)) = (close, night) {
        if close < night.minutes() * 60 {
            out.push(Placed { at: FieldPath::AutoCloseAfter, warning: Warning::ClosesBeforeWorkingTime { night } });
        }
    }
    out
}

/// The control a warning concerns, by its name: «Автоответ 2 — Периодичность».
fn control_name(tr: Tr, at: FieldPath) -> String {
    match at {
        FieldPath::Reply { list, index, field } => {
            let label = match field {
                ReplyField::Delay => Msg::ReplyDelay,
                _ => Msg::ReplyRepeat,
            };
            let name = HiddenControl { label, within: Some(Within::Reply(index)) }.name(tr);
            match list {
                ReplyList::Working => name,
                ReplyList::NonWorking => tr.f(Msg::NonWorkingControl, &[("field", &name)]),
            }
        }
        FieldPath::ClosingEnabled => tr.t(Msg::SecClosing).to_owned(),
        FieldPath::AutoCloseAfter => tr.t(Msg::SecAutoClose).to_owned(),
        _ => tr.t(Msg::SecNonWorking).to_owned(),
    }
}

/// A warning in words, naming its control first. `close_seconds`: when auto-close comes.
pub fn warning_text(tr: Tr, placed: &Placed, close_seconds: Option<i64>) -> String {
    let control = control_name(tr, placed.at);
    let close = close_seconds.map(|s| after_text(tr.0, s)).unwrap_or_default();
    let text = match &placed.warning {
        Warning::ReplyAfterAutoClose => tr.f(Msg::WarnReplyAfterAutoClose, &[("close", &close)]),
        Warning::TooManyRepeats { sendings } => {
            tr.f(Msg::WarnTooManyRepeats, &[("count", &count(tr.0, Msg::UnitMessage, *sendings))])
        }
        Warning::RepeatsWithoutAutoClose => tr.t(Msg::WarnRepeatsWithoutAutoClose).to_owned(),
        Warning::NonWorkingUnanswered => tr.t(Msg::WarnNonWorkingUnanswered).to_owned(),
        Warning::AutoCloseWithoutClosingMessage => tr.t(Msg::WarnAutoCloseWithoutClosing).to_owned(),
        Warning::ClosesBeforeWorkingTime { night } => {
            let stretch = stretch_text(tr.0, night.from, night.to, night.today);
            let length = duration_text(tr.0, night.minutes() * 60);
            tr.f(Msg::WarnClosesBeforeWorkingTime, &[("close", &close), ("stretch", &stretch), ("length", &length)])
        }
    };
    format!("«{control}»: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DurationInput, ReplyForm, Unit};

    fn reply(delay_minutes: &str, every_minutes: Option<&str>) -> ReplyForm {
        ReplyForm {
            delay: DurationInput { text: delay_minutes.into(), unit: Unit::Minutes },
            text: "x".into(),
            repeat_every: every_minutes.is_some(),
            interval: DurationInput { text: every_minutes.unwrap_or("5").into(), unit: Unit::Minutes },
        }
    }

    fn form(replies: Vec<ReplyForm>, auto_close_minutes: Option<i64>, closing: bool) -> SettingsForm {
        let mut form = SettingsForm { replies, closing_enabled: closing, ..SettingsForm::default() };
        form.auto_close.enabled = auto_close_minutes.is_some();
        form.auto_close.preset = auto_close_minutes.or(Some(1_440));
        form
    }

    fn working(index: usize, field: ReplyField) -> FieldPath {
        FieldPath::Reply { list: ReplyList::Working, index, field }
    }

    #[test]
    fn each_case_of_the_spec_at_its_control() {
        use Warning as W;
        let cases: Vec<(SettingsForm, bool, Vec<Placed>)> = vec![
            (form(vec![reply("5", None)], Some(60), true), false, vec![]),
            // An auto-reply at 2 hours with auto-close after 1 hour never arrives.
            (
                form(vec![reply("120", None)], Some(60), true),
                false,
                vec![Placed { at: working(0, ReplyField::Delay), warning: W::ReplyAfterAutoClose }],
            ),
            // Every minute with auto-close after 3 days: 1 440 messages in the first 24 hours.
            (
                form(vec![reply("0", Some("1"))], Some(4_320), true),
                false,
                vec![Placed {
                    at: working(0, ReplyField::RepeatInterval),
                    warning: W::TooManyRepeats { sendings: 1_440 },
                }],
            ),
            (form(vec![reply("0", Some("3"))], Some(60), true), false, vec![]),
            (
                form(vec![reply("0", Some("10"))], None, true),
                false,
                vec![Placed { at: working(0, ReplyField::RepeatInterval), warning: W::RepeatsWithoutAutoClose }],
            ),
            (
                form(vec![], Some(60), false),
                false,
                vec![Placed { at: FieldPath::ClosingEnabled, warning: W::AutoCloseWithoutClosingMessage }],
            ),
            (
                form(vec![], None, false),
                true,
                vec![Placed { at: FieldPath::NonWorkingMode, warning: W::NonWorkingUnanswered }],
            ),
        ];
        for (i, (form, non_working_time, expected)) in cases.into_iter().enumerate() {
            let facts = ScheduleFacts { has_non_working_time: non_working_time, longest_night: None };
            assert_eq!(warnings(&form, facts), expected, "case {i}");
        }
    }

    #[test]
    fn each_warning_in_words_naming_its_control() {
        use crate::i18n::Locale;
        let tr = Tr(Locale::Ru);
        let nwh = FieldPath::Reply { list: ReplyList::NonWorking, index: 1, field: ReplyField::RepeatInterval };
        let cases = [
            (
                working(0, ReplyField::Delay),
                Warning::ReplyAfterAutoClose,
                "«Автоответ 1 — Через какое время отправить»: автоответ не придёт — обращение завершится раньше, через 1 час.",
            ),
            (
                working(2, ReplyField::RepeatInterval),
                Warning::TooManyRepeats { sendings: 21 },
                "«Автоответ 3 — Периодичность»: до завершения обращения клиент получит 21 сообщение.",
            ),
            (
                nwh,
                Warning::TooManyRepeats { sendings: 1_440 },
                "«Автоответ 2 — Периодичность (нерабочее время)»: до завершения обращения клиент получит 1440 сообщений.",
            ),
            (
                working(0, ReplyField::RepeatInterval),
                Warning::RepeatsWithoutAutoClose,
                "«Автоответ 1 — Периодичность»: автозавершение выключено — повторы не прекратятся, пока оператор не ответит.",
            ),
            (
                FieldPath::NonWorkingMode,
                Warning::NonWorkingUnanswered,
                "«Нерабочее время»: автоответы и чат-бот выключены, а по расписанию есть нерабочее время — клиенты не получат ответа.",
            ),
            (
                FieldPath::ClosingEnabled,
                Warning::AutoCloseWithoutClosingMessage,
                "«Показывать сообщение при закрытии обращения»: выключено — при автозавершении клиент не узнает, что обращение закрыто.",
            ),
        ];
        for (at, warning, expected) in cases {
            assert_eq!(warning_text(tr, &Placed { at, warning }, Some(3600)), expected);
        }
        let en = warning_text(
            Tr(Locale::En),
            &Placed { at: working(0, ReplyField::Delay), warning: Warning::ReplyAfterAutoClose },
            Some(3600),
        );
        assert!(en.contains("in 1 hour"), "{en}");
    }

    #[test]
    fn non_working_replies_are_checked_only_when_they_are_the_mode() {
        let mut f = form(vec![], Some(60), true);
        f.non_working.replies = vec![reply("90", None)];
        assert!(warnings(&f, ScheduleFacts { has_non_working_time: true, longest_night: None })
            .iter()
            .all(|p| p.warning == Warning::NonWorkingUnanswered));
        f.non_working.replies_on = true;
        assert_eq!(
            warnings(&f, ScheduleFacts { has_non_working_time: true, longest_night: None }),
            [Placed {
                at: FieldPath::Reply { list: ReplyList::NonWorking, index: 0, field: ReplyField::Delay },
                warning: Warning::ReplyAfterAutoClose
            }]
        );
    }
}
