//! The fix a warning offers where one is obvious, applied as an ordinary unsaved change:
//! «Закрывать через 3 дня», «Повторять раз в 1 час», «Включить сообщение при закрытии».

use crate::domain::timeline::{auto_close_seconds, planned, sendings_before, HORIZON_SECONDS};
use crate::domain::warnings::{Placed, Warning, TOO_MANY_SENDINGS};
use crate::domain::when::duration_text;
use crate::domain::{
    DurationInput, FieldPath, ReplyField, ReplyList, SettingsForm, Unit, AUTO_CLOSE_PRESETS, INTERVAL_UNITS,
    PERIOD_UNITS,
};
use crate::i18n::{Msg, Tr};
use max_channel_contract::validation::{AUTO_CLOSE_MINUTES, INTERVAL_SECONDS};

/// One change to the form that makes a warning go away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Auto-close after this many minutes.
    CloseAfter { minutes: i64 },
    /// The reply of `list`, row `row`, repeats every this many seconds.
    RepeatEvery { list: ReplyList, row: usize, seconds: i64 },
    /// The closing message switched on.
    ClosingOn,
}

/// The repeat intervals a fix offers, in minutes: round ones a person would choose.
const ROUND_INTERVALS: [i64; 7] = [30, 60, 120, 180, 360, 720, 1_440];

/// The fix of a warning on `form`, when one is obvious.
pub fn fix_of(form: &SettingsForm, placed: &Placed) -> Option<Fix> {
    match &placed.warning {
        Warning::ClosesBeforeWorkingTime { night } => {
            let minutes = night.minutes();
            // Whole hours within a day, whole days beyond: «через 16 часов», «через 4 дня».
            let unit = if minutes <= 1_440 { 60 } else { 1_440 };
            let minutes = (minutes + unit - 1) / unit * unit;
            AUTO_CLOSE_MINUTES.contains(&minutes).then_some(Fix::CloseAfter { minutes })
        }
        Warning::TooManyRepeats { .. } => {
            let FieldPath::Reply { list, index, .. } = placed.at else { return None };
            let rows = match list {
                ReplyList::Working => &form.replies,
                ReplyList::NonWorking => &form.non_working.replies,
            };
            let reply = planned(rows).into_iter().find(|r| r.row == index)?;
            let end = auto_close_seconds(form)?.min(HORIZON_SECONDS);
            let now_every = reply.every_seconds?;
            ROUND_INTERVALS.iter().map(|m| m * 60).filter(|s| *s > now_every && INTERVAL_SECONDS.contains(s)).find_map(
                |seconds| {
                    let slower =
                        crate::domain::timeline::PlannedReply { every_seconds: Some(seconds), ..reply.clone() };
                    (sendings_before(&slower, end) <= TOO_MANY_SENDINGS).then_some(Fix::RepeatEvery {
                        list,
                        row: index,
                        seconds,
                    })
                },
            )
        }
        Warning::AutoCloseWithoutClosingMessage => Some(Fix::ClosingOn),
        Warning::ReplyAfterAutoClose | Warning::RepeatsWithoutAutoClose | Warning::NonWorkingUnanswered => None,
    }
}

/// The fix's button: what it will set.
pub fn fix_label(tr: Tr, fix: Fix) -> String {
    match fix {
        Fix::CloseAfter { minutes } => tr.f(Msg::FixCloseAfter, &[("duration", &duration_text(tr.0, minutes * 60))]),
        Fix::RepeatEvery { seconds, .. } => tr.f(Msg::FixRepeatEvery, &[("duration", &duration_text(tr.0, seconds))]),
        Fix::ClosingOn => tr.t(Msg::FixClosingOn).to_owned(),
    }
}

/// Applies the fix to the form; returns the control it changed, to take the focus.
pub fn apply_fix(form: &mut SettingsForm, fix: Fix) -> FieldPath {
    match fix {
        Fix::CloseAfter { minutes } => {
            form.auto_close.enabled = true;
            form.auto_close.preset = AUTO_CLOSE_PRESETS.contains(&minutes).then_some(minutes);
            form.auto_close.custom = DurationInput::from_amount(minutes, Unit::Minutes, &PERIOD_UNITS);
            FieldPath::AutoCloseAfter
        }
        Fix::RepeatEvery { list, row, seconds } => {
            let rows = match list {
                ReplyList::Working => &mut form.replies,
                ReplyList::NonWorking => &mut form.non_working.replies,
            };
            if let Some(reply) = rows.get_mut(row) {
                reply.interval = DurationInput::from_amount(seconds, Unit::Seconds, &INTERVAL_UNITS);
            }
            FieldPath::Reply { list, index: row, field: ReplyField::RepeatInterval }
        }
        Fix::ClosingOn => {
            form.closing_enabled = true;
            FieldPath::ClosingEnabled
        }
    }
}

#[cfg(test)]
#[path = "warning_fix_tests.rs"]
mod tests;
