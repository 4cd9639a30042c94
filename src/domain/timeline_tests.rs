use super::*;
use crate::domain::{DurationInput, ReplyForm};

fn reply(delay: &str, unit: Unit, text: &str, every_minutes: Option<&str>) -> ReplyForm {
    ReplyForm {
        delay: DurationInput { text: delay.into(), unit },
        text: text.into(),
        repeat_every: every_minutes.is_some(),
        interval: DurationInput { text: every_minutes.unwrap_or("5").into(), unit: Unit::Minutes },
    }
}

fn form(replies: Vec<ReplyForm>, auto_close_minutes: Option<i64>) -> SettingsForm {
    let mut form = SettingsForm { replies, ..SettingsForm::default() };
    if let Some(minutes) = auto_close_minutes {
        form.auto_close.enabled = true;
        form.auto_close.preset = Some(minutes);
    }
    form
}

fn seconds_of(moments: &[Moment]) -> Vec<i64> {
    moments.iter().map(|m| m.at_seconds).collect()
}

#[test]
fn busy_operators_get_the_replies_in_delay_order_then_the_auto_close() {
    let mut f = form(
        vec![reply("7", Unit::Minutes, "Скоро ответим", None), reply("0", Unit::Seconds, "Здравствуйте!", None)],
        Some(60),
    );
    f.closing_enabled = true;
    f.closing_text = "Спасибо за обращение".into();
    let moments = timeline(&f, Situation::Busy, None);
    assert_eq!(seconds_of(&moments), [0, 0, 420, 3600, 3600]);
    assert_eq!(moments[1].event, Event::AutoReply { row: 1, text: "Здравствуйте!".into(), repeat: 0 });
    assert_eq!(moments[3].event, Event::ClosingMessage { text: "Спасибо за обращение".into() });
    assert_eq!(moments[4].event, Event::AutoClose);
}

#[test]
fn a_reply_after_the_auto_close_never_arrives() {
    let f = form(vec![reply("2", Unit::Hours, "Мы всё ещё здесь", None)], Some(60));
    let moments = timeline(&f, Situation::Busy, None);
    assert!(!moments.iter().any(|m| matches!(m.event, Event::AutoReply { .. })), "{moments:?}");
}

#[test]
fn many_repeats_fold_after_five() {
    // Every minute for 3 days would be 4 320 messages; the horizon is 24 hours.
    let f = form(vec![reply("0", Unit::Seconds, "Ждите", Some("1"))], Some(4_320));
    let moments = timeline(&f, Situation::Busy, None);
    let replies = moments.iter().filter(|m| matches!(m.event, Event::AutoReply { .. })).count();
    assert_eq!(replies, 6, "the first and five repeats");
    let folded = moments.iter().find_map(|m| match m.event {
        Event::MoreRepeats { count, .. } => Some((m.at_seconds, count)),
        _ => None,
    });
    assert_eq!(folded, Some((86_340, 1_440 - 6)));
}

#[test]
fn non_working_time_uses_its_own_mode_and_says_when_work_resumes() {
    let mut f = form(vec![reply("0", Unit::Seconds, "днём", None)], None);
    f.non_working.replies_on = true;
    f.non_working.replies = vec![reply("0", Unit::Seconds, "Сейчас ночь", Some("60"))];
    let moments = timeline(&f, Situation::NonWorking, Some(3 * 3600 + 1));
    assert_eq!(seconds_of(&moments), [0, 0, 3600, 7200, 10_800, 10_801]);
    assert_eq!(moments.last().map(|m| &m.event), Some(&Event::WorkingTimeResumes));
    f.non_working.replies_on = false;
    let silent = timeline(&f, Situation::NonWorking, None);
    assert_eq!(silent[1].event, Event::NoAnswer);
    f.non_working.chat_bot_on = true;
    assert_eq!(timeline(&f, Situation::NonWorking, None)[1].event, Event::ChatBotTakes { fallback: false });
}

#[test]
fn the_operator_situations() {
    let mut f = form(vec![], Some(30));
    f.closing_enabled = true;
    f.closing_text = "До свидания".into();
    let closed: Vec<Event> = timeline(&f, Situation::OperatorClosed, None).into_iter().map(|m| m.event).collect();
    assert_eq!(
        closed,
        [
            Event::CustomerWrites,
            Event::OperatorAnswers,
            Event::OperatorCloses,
            Event::ClosingMessage { text: "До свидания".into() }
        ]
    );
    let silent = timeline(&f, Situation::CustomerSilent, None);
    assert_eq!(seconds_of(&silent), [0, 0, 1800, 1800]);
    f.auto_close.enabled = false;
    assert_eq!(timeline(&f, Situation::CustomerSilent, None).len(), 2, "nothing closes it");
}

#[test]
fn rows_that_do_not_parse_are_left_out() {
    let f = form(vec![reply("абв", Unit::Seconds, "x", None), reply("5", Unit::Minutes, "y", Some("0"))], None);
    assert!(planned(&f.replies).is_empty());
    assert_eq!(timeline(&f, Situation::Busy, None).len(), 1);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn any_reply() -> impl Strategy<Value = ReplyForm> {
        (0i64..200_000, proptest::option::of(1i64..3_000)).prop_map(|(delay, every)| ReplyForm {
            delay: DurationInput { text: delay.to_string(), unit: Unit::Seconds },
            text: "t".into(),
            repeat_every: every.is_some(),
            interval: DurationInput { text: every.unwrap_or(5).to_string(), unit: Unit::Minutes },
        })
    }

    proptest! {
        #[test]
        fn in_time_order_nothing_after_auto_close_and_counts_as_the_arithmetic(
            replies in proptest::collection::vec(any_reply(), 0..10),
            close in proptest::option::of(5i64..43_200),
        ) {
            let f = form(replies, close);
            let moments = timeline(&f, Situation::Busy, None);
            let ordered = moments.windows(2).all(|w| w[0].at_seconds <= w[1].at_seconds);
            prop_assert!(ordered, "out of time order");
            let end = auto_close_seconds(&f).unwrap_or(HORIZON_SECONDS).min(HORIZON_SECONDS);
            for reply in planned(&f.replies) {
                let shown = moments.iter().filter(|m| matches!(&m.event, Event::AutoReply { row, .. } if *row == reply.row)).count() as u64;
                let folded: u64 = moments.iter().filter_map(|m| match &m.event {
                    Event::MoreRepeats { row, count } if *row == reply.row => Some(*count),
                    _ => None,
                }).sum();
                prop_assert_eq!(shown + folded, sendings_before(&reply, end));
                prop_assert!(shown <= SHOWN_REPEATS + 1);
            }
            if let Some(close) = auto_close_seconds(&f) {
                let within = moments.iter().all(|m| m.at_seconds <= close);
                prop_assert!(within, "something after the auto-close");
                let sent = |m: &&Moment| matches!(m.event, Event::AutoReply { .. } | Event::MoreRepeats { .. });
                let before_close = moments.iter().filter(sent).all(|m| m.at_seconds < close);
                prop_assert!(before_close, "a reply at or after the auto-close");
            }
        }
    }
}
