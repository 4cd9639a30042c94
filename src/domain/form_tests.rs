//! The settings form's tests: numbers as people type them, the round trip to the
//! contract's `Settings`, the errors' places and order.

use super::*;
use crate::domain::{parse_whole, NumberError};
use max_channel_fake::samples;

#[test]
fn numbers_as_people_type_them() {
    assert_eq!(parse_whole(" 42 "), Ok(42));
    assert_eq!(parse_whole("-5"), Ok(-5));
    assert_eq!(parse_whole("0"), Ok(0));
    assert_eq!(parse_whole(""), Err(NumberError::Empty));
    assert_eq!(parse_whole("   "), Err(NumberError::Empty));
    assert_eq!(parse_whole("abc"), Err(NumberError::NotANumber));
    assert_eq!(parse_whole("5 минут"), Err(NumberError::NotANumber));
    assert_eq!(parse_whole("1,5"), Err(NumberError::Decimal));
    assert_eq!(parse_whole("1.5"), Err(NumberError::Decimal));
    assert_eq!(parse_whole("1 000"), Err(NumberError::Spaces));
    assert_eq!(parse_whole("1\u{a0}000"), Err(NumberError::Spaces));
    assert_eq!(parse_whole("99999999999999999999"), Err(NumberError::TooLarge));
}

#[derive(Debug, Clone, Copy)]
enum NumberControl {
    /// «Через какое время отправить»: seconds, 0 – 24 h; units с / мин / ч.
    Delay,
    /// «Повторять каждые»: seconds, 1 min – 24 h; units мин / ч.
    Interval,
    /// «Своё значение» of auto-close: minutes, 5 min – 30 days; units мин / ч / дн.
    AutoClose,
}

/// «Сохранить» with `text` in `unit` typed into one number control of an otherwise valid
/// form: the value saved (in the contract's unit), or the message under the control,
/// exactly as the person reads it.
fn number_outcome(control: NumberControl, text: &str, unit: Unit) -> Result<i64, &'static str> {
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.replies.truncate(1);
    let (path, input) = match control {
        NumberControl::Delay => (ReplyList::Working.row(0, ReplyField::Delay), &mut form.replies[0].delay),
        NumberControl::Interval => {
            form.replies[0].repeat_every = true;
            (ReplyList::Working.row(0, ReplyField::RepeatInterval), &mut form.replies[0].interval)
        }
        NumberControl::AutoClose => {
            form.auto_close.preset = None;
            (FieldPath::AutoCloseAfter, &mut form.auto_close.custom)
        }
    };
    *input = DurationInput { text: text.into(), unit };
    match form.to_settings(true) {
        Ok(s) => Ok(match control {
            NumberControl::Delay => s.auto_replies[0].delay_seconds,
            NumberControl::Interval => match s.auto_replies[0].repeat {
                Repeat::Every { interval_seconds } => interval_seconds,
                Repeat::Once => unreachable!(),
            },
            NumberControl::AutoClose => s.auto_close.after_minutes,
        }),
        Err(errors) => {
            assert_eq!(errors.len(), 1, "{control:?} {text:?}: {errors:?}");
            assert_eq!(errors[0].path, path.to_string());
            Err(crate::domain::message_at(Some(path), &errors[0].code).text(crate::i18n::Locale::Ru))
        }
    }
}

/// Bad numbers → the message under the control (docs/bad-input.md lists the same rows).
/// «1 000» (spaces or no-break spaces between digit groups) is refused with its own
/// message rather than read as 1000: the field keeps exactly what was typed (decision 16).
#[test]
fn bad_numbers_and_their_messages() {
    use NumberControl::*;
    use Unit::*;
    const REQUIRED: &str = "Укажите число.";
    const DIGITS: &str = "Введите число цифрами.";
    const WHOLE: &str = "Введите целое число.";
    const SPACES: &str = "Введите число без пробелов: 1000, а не 1 000.";
    const DELAY: &str = "От 0 секунд до 24 часов.";
    const INTERVAL: &str = "От 1 минуты до 24 часов.";
    const PERIOD: &str = "От 5 минут до 30 дней.";
    let cases: &[(NumberControl, &str, Unit, Result<i64, &str>)] = &[
        // Accepted, as typed.
        (Delay, "0", Seconds, Ok(0)),
        (Delay, " 42 ", Seconds, Ok(42)),
        (Delay, "007", Seconds, Ok(7)),
        (Delay, "-0", Seconds, Ok(0)),
        (Delay, "86400", Seconds, Ok(86_400)),
        (Delay, "1440", Minutes, Ok(86_400)),
        (Delay, "24", Hours, Ok(86_400)),
        (Interval, "1", Minutes, Ok(60)),
        (Interval, "24", Hours, Ok(86_400)),
        (AutoClose, "5", Minutes, Ok(5)),
        (AutoClose, "720", Hours, Ok(43_200)),
        (AutoClose, "30", Days, Ok(43_200)),
        // Empty.
        (Delay, "", Seconds, Err(REQUIRED)),
        (Interval, "   ", Minutes, Err(REQUIRED)),
        (AutoClose, "", Days, Err(REQUIRED)),
        // Negative: the range says what is allowed.
        (Delay, "-5", Seconds, Err(DELAY)),
        (Delay, "−5", Minutes, Err(DELAY)),
        (Interval, "-1", Minutes, Err(INTERVAL)),
        (AutoClose, "-30", Minutes, Err(PERIOD)),
        // Zero where it is not allowed.
        (Interval, "0", Minutes, Err(INTERVAL)),
        (AutoClose, "0", Minutes, Err(PERIOD)),
        (AutoClose, "4", Minutes, Err(PERIOD)),
        // Above the maximum.
        (Delay, "86401", Seconds, Err(DELAY)),
        (Delay, "1441", Minutes, Err(DELAY)),
        (Delay, "25", Hours, Err(DELAY)),
        (Interval, "1441", Minutes, Err(INTERVAL)),
        (Interval, "25", Hours, Err(INTERVAL)),
        (AutoClose, "43201", Minutes, Err(PERIOD)),
        (AutoClose, "721", Hours, Err(PERIOD)),
        (AutoClose, "31", Days, Err(PERIOD)),
        // Too large for any unit: the same range message, not a vague one.
        (Delay, "99999999999999999999", Seconds, Err(DELAY)),
        (Delay, "9223372036854775807", Hours, Err(DELAY)),
        (AutoClose, "-9223372036854775808", Days, Err(PERIOD)),
        // Not a number.
        (Delay, "пять", Seconds, Err(DIGITS)),
        (Delay, "5 минут", Minutes, Err(DIGITS)),
        (Delay, "5мин", Minutes, Err(DIGITS)),
        (Delay, "+5", Seconds, Err(DIGITS)),
        (Delay, "1e3", Seconds, Err(DIGITS)),
        (Delay, "0x10", Seconds, Err(DIGITS)),
        (Delay, "１２", Seconds, Err(DIGITS)),
        (Delay, "1'000", Seconds, Err(DIGITS)),
        (Delay, "1.000.000", Seconds, Err(DIGITS)),
        (Interval, "--5", Minutes, Err(DIGITS)),
        (AutoClose, "1д", Days, Err(DIGITS)),
        // Digits grouped with spaces, as pasted from a document.
        (Delay, "1 000", Seconds, Err(SPACES)),
        (Delay, "1\u{a0}000", Seconds, Err(SPACES)),
        (Delay, "1\u{202f}000", Seconds, Err(SPACES)),
        (Interval, "1 440", Minutes, Err(SPACES)),
        (AutoClose, "10 080", Minutes, Err(SPACES)),
        // Decimals.
        (Delay, "1,5", Minutes, Err(WHOLE)),
        (Delay, "1.5", Minutes, Err(WHOLE)),
        (Delay, ",5", Hours, Err(WHOLE)),
        (Delay, "5.", Seconds, Err(WHOLE)),
        (Interval, "0,5", Hours, Err(WHOLE)),
        (AutoClose, "1,5", Days, Err(WHOLE)),
        (AutoClose, "-1,5", Days, Err(WHOLE)),
    ];
    for (control, text, unit, expected) in cases {
        assert_eq!(&number_outcome(*control, text, *unit), expected, "{control:?} {text:?} {unit:?}");
    }
    // Each cause its own message at each control.
    for (control, unit) in [(Delay, Seconds), (Interval, Minutes), (AutoClose, Minutes)] {
        let said: Vec<_> =
            ["", "пять", "1,5", "1 000", "-1"].iter().map(|t| number_outcome(control, t, unit).unwrap_err()).collect();
        for (i, a) in said.iter().enumerate() {
            assert!(!said[..i].contains(a), "{control:?}: {a} twice in {said:?}");
        }
    }
}

#[test]
fn durations_read_in_the_largest_even_unit() {
    let d = |s| DurationInput::from_amount(s, Unit::Seconds, &DELAY_UNITS);
    assert_eq!(d(0), DurationInput { text: "0".into(), unit: Unit::Seconds });
    assert_eq!(d(90), DurationInput { text: "90".into(), unit: Unit::Seconds });
    assert_eq!(d(120), DurationInput { text: "2".into(), unit: Unit::Minutes });
    assert_eq!(d(7_200), DurationInput { text: "2".into(), unit: Unit::Hours });
    let p = |m| DurationInput::from_amount(m, Unit::Minutes, &PERIOD_UNITS);
    assert_eq!(p(1_440), DurationInput { text: "1".into(), unit: Unit::Days });
    assert_eq!(p(90), DurationInput { text: "90".into(), unit: Unit::Minutes });
    assert_eq!(p(43_200).amount(Unit::Minutes), Ok(43_200));
    let i = DurationInput { text: "5".into(), unit: Unit::Minutes };
    assert_eq!(i.amount(Unit::Seconds), Ok(300));
}

#[test]
fn the_contract_example_round_trips() {
    let settings = samples::settings();
    let form = SettingsForm::from_settings(&settings);
    assert_eq!(form.replies[1].delay, DurationInput { text: "2".into(), unit: Unit::Minutes });
    assert_eq!(form.auto_close.preset, Some(1_440));
    assert_eq!(form.to_settings(true), Ok(settings));
}

#[test]
fn typed_numbers_report_on_the_contracts_paths() {
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.replies[1].delay.text = "1,5".into();
    form.replies[0].text = "ж".repeat(251);
    form.non_working.replies[0].delay.text = "-1".into();
    form.auto_close.preset = None;
    form.auto_close.custom = DurationInput { text: "4".into(), unit: Unit::Minutes };
    let errors: Vec<(String, String)> =
        form.to_settings(true).unwrap_err().into_iter().map(|e| (e.path, e.code.to_string())).collect();
    assert_eq!(
        errors,
        vec![
            ("auto_replies[0].text".to_owned(), "too_long".to_owned()),
            ("auto_replies[1].delay_seconds".into(), "not_whole".into()),
            ("non_working_hours.auto_replies[0].delay_seconds".into(), "out_of_range".into()),
            ("auto_close.after_minutes".into(), "out_of_range".into()),
        ]
    );
}

#[test]
fn a_number_that_does_not_parse_makes_no_other_row_a_duplicate() {
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.replies[1].delay.text = "abc".into();
    form.replies.push(ReplyForm { text: "Третий".into(), ..ReplyForm::default() });
    form.replies[0].delay.text = "xyz".into();
    let paths: Vec<String> = form.to_settings(true).unwrap_err().into_iter().map(|e| e.path).collect();
    assert_eq!(paths, ["auto_replies[0].delay_seconds", "auto_replies[1].delay_seconds"]);
}

#[test]
fn routing_choices_survive_switching_kinds() {
    let mut form = SettingsForm::default();
    form.routing.employee_id = "e-101".into();
    form.routing.kind = RoutingKind::ChatBot;
    form.routing.chat_bot_id = "b-faq".into();
    let errors = form.to_settings(true).unwrap_err();
    assert_eq!(errors[0].path, "routing.fallback");
    form.routing.fallback = Some(FallbackKind::Group);
    form.routing.fallback_group_id = "g-sales".into();
    assert!(form.to_settings(true).is_ok());
    assert_eq!(form.to_settings(false).unwrap_err()[0].path, "routing.type");
    form.routing.kind = RoutingKind::Employee;
    assert_eq!(form.to_settings(false).unwrap().routing, Routing::Employee { employee_id: "e-101".into() });
}

#[test]
fn non_working_hours_are_never_both_on() {
    let mut form = SettingsForm::default();
    assert_eq!(form.set_non_working_replies(true), None);
    assert_eq!(form.non_working.replies.len(), 1, "a first row to fill");
    assert_eq!(form.set_non_working_chat_bot(true), Some(ExclusionNotice::RepliesTurnedOff));
    assert!(form.non_working.chat_bot_on && !form.non_working.replies_on);
    assert_eq!(form.set_non_working_replies(true), Some(ExclusionNotice::ChatBotTurnedOff));
    assert!(!form.non_working.chat_bot_on && form.non_working.replies_on);
    assert_eq!(form.set_non_working_replies(false), None);
    assert_eq!(form.non_working.replies.len(), 1, "the rows are kept while off");
}

#[test]
fn the_closing_text_is_kept_while_switched_off() {
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.closing_enabled = false;
    let saved = form.to_settings(true).unwrap();
    assert_eq!(saved.closing_message.text, samples::settings().closing_message.text);
}

#[test]
fn dirty_tracking() {
    let loaded = SettingsForm::from_settings(&samples::settings());
    let mut form = loaded.clone();
    assert!(!form.is_dirty(&loaded));
    form.replies[0].text.push('!');
    assert!(form.is_dirty(&loaded));
    form.replies[0].text.pop();
    assert!(!form.is_dirty(&loaded));
}

#[test]
fn errors_come_in_the_forms_order() {
    use FieldPath as P;
    let text = |i| ReplyList::Working.row(i, ReplyField::Text);
    let mut paths = vec![P::AutoCloseAfter, text(10), text(2), P::Token, P::Fallback];
    paths.sort_by_key(FieldPath::render_order);
    assert_eq!(paths, [P::Token, P::Fallback, text(2), text(10), P::AutoCloseAfter]);
    // Their strings sort the same way.
    let mut raw: Vec<String> = paths.iter().rev().map(ToString::to_string).collect();
    raw.sort_by_key(|p| field_order(p));
    assert_eq!(raw, paths.iter().map(ToString::to_string).collect::<Vec<_>>());
}

/// The order the controls are rendered in, not the alphabet's (issue 13): a row's
/// interval comes after its text, the non-working mode before its replies.
#[test]
fn errors_come_in_render_order_within_a_row_and_a_section() {
    use FieldPath as P;
    use ReplyField::{Delay, RepeatInterval, Text};
    let (w, n) = (ReplyList::Working, ReplyList::NonWorking);
    let rendered = [
        P::Token,
        P::RoutingType,
        P::RoutingChatBot,
        P::Fallback,
        P::FallbackEmployee,
        w.row(0, Delay),
        w.row(0, Text),
        w.row(0, RepeatInterval),
        w.row(1, Delay),
        w.row(1, Text),
        w.path(),
        P::ClosingText,
        P::NonWorkingMode,
        P::NonWorkingChatBot,
        n.row(0, Text),
        n.row(0, RepeatInterval),
        n.path(),
        P::AutoCloseAfter,
    ];
    let mut shuffled: Vec<FieldPath> = rendered.iter().rev().copied().collect();
    shuffled.swap(2, 9);
    shuffled.sort_by_key(FieldPath::render_order);
    assert_eq!(shuffled, rendered);
    let mut raw: Vec<String> = shuffled.iter().rev().map(ToString::to_string).collect();
    raw.swap(3, 11);
    raw.sort_by_key(|p| field_order(p));
    assert_eq!(raw, rendered.map(|p| p.to_string()));
    // A path the form does not know: after its section's known ones, rows and list too.
    let mut unknown = vec![
        "routing.zzz",
        "auto_close.after_minutes",
        "non_working_hours.zzz",
        "routing.type",
        "non_working_hours.auto_replies",
        "non_working_hours.auto_replies[3].text",
        "zzz",
        "routing.fallback.group_id",
    ];
    unknown.sort_by_key(|p| field_order(p));
    assert_eq!(
        unknown,
        [
            "routing.type",
            "routing.fallback.group_id",
            "routing.zzz",
            "non_working_hours.auto_replies[3].text",
            "non_working_hours.auto_replies",
            "non_working_hours.zzz",
            "auto_close.after_minutes",
            "zzz",
        ],
        "unknown after its section's known"
    );
}
