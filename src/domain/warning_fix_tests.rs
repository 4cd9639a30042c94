use max_channel_contract::time::Date;

use super::*;
use crate::domain::schedule::LocalMoment;
use crate::domain::warnings::{warnings, NightStretch, ScheduleFacts};
use crate::domain::ReplyForm;
use crate::i18n::Locale;

fn at(date: &str, minute: u16) -> LocalMoment {
    LocalMoment { date: Date::parse(date).expect("a date"), minute }
}

fn night(from: LocalMoment, to: LocalMoment) -> ScheduleFacts {
    let today = Date::parse("2026-12-01").expect("a date");
    ScheduleFacts { has_non_working_time: true, longest_night: Some(NightStretch { from, to, today }) }
}

/// Auto-close after `minutes`, the closing message on, replies in non-working time on.
fn form(minutes: i64) -> SettingsForm {
    let mut form = SettingsForm { closing_enabled: true, ..SettingsForm::default() };
    form.auto_close.enabled = true;
    form.auto_close.preset = Some(minutes);
    form.non_working.replies_on = true;
    form
}

/// Applies the first warning's fix; returns its label, the control focused, and the
/// warnings left.
fn fixed(mut form: SettingsForm, facts: ScheduleFacts) -> Option<(String, FieldPath, SettingsForm, usize)> {
    let first = warnings(&form, facts).into_iter().next()?;
    let fix = fix_of(&form, &first)?;
    let focus = apply_fix(&mut form, fix);
    let left = warnings(&form, facts).len();
    Some((fix_label(Tr(Locale::Ru), fix), focus, form, left))
}

#[test]
fn the_night_fix_closes_after_the_longest_stretch_in_whole_hours_or_days() {
    // The weekend: Friday 17:00 to Monday 09:00 is 64 hours → 3 days, a preset.
    let weekend = night(at("2026-12-04", 17 * 60), at("2026-12-07", 9 * 60));
    let (label, focus, form_after, left) = fixed(form(1_440), weekend).expect("a fix");
    assert_eq!((label.as_str(), focus, left), ("Закрывать через 3 дня", FieldPath::AutoCloseAfter, 0));
    assert_eq!(form_after.auto_close.preset, Some(4_320));
    // A night of 15 hours: «через 15 часов», a custom period.
    let weeknight = night(at("2026-12-01", 18 * 60), at("2026-12-02", 9 * 60));
    let (label, _, form_after, left) = fixed(form(60), weeknight).expect("a fix");
    assert_eq!((label.as_str(), left), ("Закрывать через 15 часов", 0));
    assert_eq!(form_after.auto_close.preset, None);
    assert_eq!(form_after.auto_close.custom, DurationInput { text: "15".into(), unit: Unit::Hours });
    // Longer than auto-close can be (30 days): the warning stays, with no fix.
    let closed_for_long = night(at("2026-12-01", 18 * 60), at("2027-01-05", 9 * 60));
    assert_eq!(warnings(&form(60), closed_for_long).len(), 1);
    assert_eq!(fixed(form(60), closed_for_long), None);
    // Long enough already, or the chat-bot answers at night: no warning at all.
    assert!(warnings(&form(4_320), weekend).is_empty());
    let mut with_bot = form(60);
    with_bot.non_working.chat_bot_on = true;
    assert!(warnings(&with_bot, weekend).is_empty());
}

#[test]
fn too_many_repeats_are_fixed_by_the_first_round_interval_that_sends_twenty_at_most() {
    let mut f = form(1_440);
    let mut reply =
        ReplyForm { text: "Мы скоро ответим".into(), repeat_every: true, ..ReplyForm::default() };
    reply.interval = DurationInput { text: "5".into(), unit: Unit::Minutes };
    f.replies = vec![ReplyForm { text: "Здравствуйте".into(), ..ReplyForm::default() }, reply];
    // Every 5 minutes for a day: 288 messages; every 2 hours: 12 (30 min: 48, 1 hour: 24).
    let (label, focus, after, left) = fixed(f, ScheduleFacts::default()).expect("a fix");
    assert_eq!(label, "Повторять раз в 2 часа");
    assert_eq!(focus, FieldPath::Reply { list: ReplyList::Working, index: 1, field: ReplyField::RepeatInterval });
    assert_eq!(after.replies[1].interval, DurationInput { text: "2".into(), unit: Unit::Hours });
    assert_eq!(left, 0);
}

#[test]
fn the_closing_message_is_switched_on_and_warnings_without_one_fix_offer_none() {
    let mut f = form(60);
    f.closing_enabled = false;
    let (label, focus, after, left) = fixed(f, ScheduleFacts::default()).expect("a fix");
    assert_eq!(
        (label.as_str(), focus, after.closing_enabled, left),
        ("Включить сообщение при закрытии", FieldPath::ClosingEnabled, true, 0)
    );
    // An auto-reply after the auto-close: shorten the reply or lengthen the close? Not obvious.
    let mut late = form(60);
    late.replies = vec![ReplyForm {
        text: "x".into(),
        delay: DurationInput { text: "2".into(), unit: Unit::Hours },
        ..ReplyForm::default()
    }];
    let placed = warnings(&late, ScheduleFacts::default());
    assert_eq!(placed.len(), 1);
    assert_eq!(fix_of(&late, &placed[0]), None);
}

#[test]
fn a_new_repeat_starts_at_thirty_minutes() {
    assert_eq!(ReplyForm::default().interval, DurationInput { text: "30".into(), unit: Unit::Minutes });
}

#[test]
fn the_night_warning_names_the_hours_and_their_length() {
    let weekend = night(at("2026-12-04", 17 * 60), at("2026-12-07", 9 * 60));
    let placed = warnings(&form(1_440), weekend);
    let text = crate::domain::warnings::warning_text(Tr(Locale::Ru), &placed[0], Some(86_400));
    assert_eq!(
        text,
        "«Автоматическое завершение диалогов»: обращение из нерабочего времени закроется через 1 день, а дольше всего никто не отвечает 2 дня 16 часов: с 17:00 пятницы до 09:00 понедельника."
    );
    // Beyond the week, dates.
    let holidays = night(at("2026-12-31", 15 * 60), at("2027-01-04", 9 * 60));
    let placed = warnings(&form(1_440), holidays);
    let text = crate::domain::warnings::warning_text(Tr(Locale::Ru), &placed[0], Some(86_400));
    assert!(text.ends_with("3 дня 18 часов: с 15:00 31 декабря до 09:00 4 января 2027."), "{text}");
}
