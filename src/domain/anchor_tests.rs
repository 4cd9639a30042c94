//! Tests of `anchor.rs`.

use super::*;
use crate::domain::{ReplyForm, FORM_ANCHOR};
use crate::i18n::Locale;

/// A form with every switch off, the employee routing and one reply row repeating once
/// in each list.
fn all_off() -> SettingsForm {
    let mut form = SettingsForm::default();
    form.replies.push(ReplyForm::default());
    form.non_working.replies.push(ReplyForm::default());
    form
}

fn place(path: &str, form: &SettingsForm) -> (String, Option<Msg>, Option<Within>) {
    let p = error_place(path, form);
    (p.anchor, p.hidden.map(|h| h.label), p.hidden.and_then(|h| h.within))
}

#[test]
fn hidden_controls_send_their_errors_to_what_governs_them() {
    use Msg::*;
    let off = all_off();
    let cases: &[(&str, &str, Option<Msg>, Option<Within>)] = &[
        ("closing_message.text", "closing_message.enabled", Some(ClosingText), None),
        ("auto_close.after_minutes", "auto_close.enabled", Some(AutoClosePeriod), None),
        ("non_working_hours.chat_bot_id", "non_working_hours.mode", Some(ChatBotLabel), None),
        ("non_working_hours.auto_replies", "non_working_hours.mode", Some(NonWorkingReplies), None),
        ("non_working_hours.auto_replies[0].text", "non_working_hours.mode", Some(ReplyText), Some(Within::Reply(0))),
        (
            "non_working_hours.auto_replies[3].delay_seconds",
            "non_working_hours.mode",
            Some(ReplyDelay),
            Some(Within::Reply(3)),
        ),
        // The employee routing is chosen: the other kinds' controls are not shown.
        ("routing.employee_id", "routing.employee_id", None, None),
        ("routing.group_id", "routing.type", Some(GroupLabel), None),
        ("routing.chat_bot_id", "routing.type", Some(ChatBotLabel), None),
        ("routing.fallback", "routing.type", Some(FallbackLabel), None),
        ("routing.fallback.type", "routing.type", Some(FallbackLabel), None),
        ("routing.fallback.employee_id", "routing.type", Some(EmployeeLabel), Some(Within::Fallback)),
        ("routing.fallback.group_id", "routing.type", Some(GroupLabel), Some(Within::Fallback)),
        // The row repeats once: no interval control, its choice shows the error.
        (
            "auto_replies[0].repeat.interval_seconds",
            "auto_replies[0].repeat.type",
            Some(RepeatInterval),
            Some(Within::Reply(0)),
        ),
        ("auto_replies[0].repeat.type", "auto_replies[0].repeat.type", None, None),
        ("auto_replies[0].text", "auto_replies[0].text", None, None),
        ("auto_replies[00].text", "auto_replies[0].text", None, None),
        // Rows that do not exist: the list.
        ("auto_replies[1].text", "auto_replies", Some(ReplyText), Some(Within::Reply(1))),
        ("auto_replies[7].repeat.type", "auto_replies", Some(ReplyRepeat), Some(Within::Reply(7))),
        ("auto_replies[99999999999999999999999].text", "auto_replies", Some(ReplyText), None),
        // Sections and switches: their first control, under the legend.
        ("routing", "routing.type", None, None),
        ("closing_message", "closing_message.enabled", None, None),
        ("closing_message.enabled", "closing_message.enabled", None, None),
        ("non_working_hours", "non_working_hours.mode", None, None),
        ("non_working_hours.mode", "non_working_hours.mode", None, None),
        ("auto_close", "auto_close.enabled", None, None),
        ("auto_close.enabled", "auto_close.enabled", None, None),
        ("auto_replies", "auto_replies", None, None),
        // Paths the form does not know: the whole form.
        ("settings", FORM_ANCHOR, None, None),
        ("routing.zzz", FORM_ANCHOR, None, None),
        ("auto_replies[0].zzz", FORM_ANCHOR, None, None),
        ("auto_replies[x].text", FORM_ANCHOR, None, None),
        ("auto_replies[].text", FORM_ANCHOR, None, None),
        ("auto_replies[0]", FORM_ANCHOR, None, None),
        ("auto_replies[0", FORM_ANCHOR, None, None),
        ("", FORM_ANCHOR, None, None),
        ("закрытие", FORM_ANCHOR, None, None),
        // The token is opened for its error, never relocated.
        ("token", "token", None, None),
    ];
    for (path, anchor, label, within) in cases {
        assert_eq!(place(path, &off), (anchor.to_string(), *label, *within), "{path}");
    }
}

#[test]
fn shown_controls_keep_their_errors() {
    let mut on = all_off();
    on.closing_enabled = true;
    on.auto_close.enabled = true;
    on.non_working.replies_on = true;
    on.replies[0].repeat_every = true;
    on.non_working.replies[0].repeat_every = true;
    on.routing.kind = RoutingKind::ChatBot;
    on.routing.fallback = Some(FallbackKind::Group);
    for path in [
        "closing_message.text",
        "auto_close.after_minutes",
        "non_working_hours.auto_replies",
        "non_working_hours.auto_replies[0].text",
        "non_working_hours.auto_replies[0].repeat.interval_seconds",
        "auto_replies[0].repeat.interval_seconds",
        "routing.chat_bot_id",
        "routing.fallback",
        "routing.fallback.group_id",
    ] {
        assert_eq!(place(path, &on), (path.to_string(), None, None), "{path}");
    }
    assert_eq!(place("routing.fallback.type", &on).0, "routing.fallback");
    // The other fallback is at the fallback's choice; no fallback chosen, the same.
    let employee = error_place("routing.fallback.employee_id", &on);
    assert_eq!(employee.anchor, "routing.fallback");
    on.routing.fallback = None;
    assert_eq!(error_anchor("routing.fallback.group_id", &on), "routing.fallback");
    // A missing row of shown non-working replies: their list.
    assert_eq!(error_anchor("non_working_hours.auto_replies[4].text", &on), "non_working_hours.auto_replies");
    // The chat-bot of non-working hours.
    on.non_working.chat_bot_on = true;
    assert_eq!(error_anchor("non_working_hours.chat_bot_id", &on), "non_working_hours.chat_bot_id");
}

#[test]
fn a_relocated_error_names_its_control() {
    let ru = Tr(Locale::Ru);
    let off = all_off();
    let text = |path: &str, error: &str| error_place(path, &off).hidden.map(|h| h.describe(ru, error));
    assert_eq!(
        text("closing_message.text", "Не больше 250 символов.").as_deref(),
        Some("Поле «Текст сообщения при закрытии»: Не больше 250 символов.")
    );
    assert_eq!(
        text("auto_replies[0].repeat.interval_seconds", "От 1 минуты до 24 часов.").as_deref(),
        Some("Поле «Автоответ 1 — Интервал повтора»: От 1 минуты до 24 часов.")
    );
    assert_eq!(
        text("routing.fallback.group_id", "Выберите группу.").as_deref(),
        Some("Поле «Если чат-бот недоступен — Группа»: Выберите группу.")
    );
    assert_eq!(text("auto_replies[0].text", "x"), None, "shown at its own control: no name");
    let en = error_place("auto_close.after_minutes", &off)
        .hidden
        .map(|h| h.describe(Tr(Locale::En), "From 5 minutes to 30 days."));
    assert_eq!(en.as_deref(), Some("Field «After»: From 5 minutes to 30 days."));
}

/// Every form the switches and choices can make: each kind, fallback, switch and
/// repeat, with 0–2 rows.
fn every_form() -> Vec<SettingsForm> {
    let mut forms = Vec::new();
    let kinds = [RoutingKind::Employee, RoutingKind::Group, RoutingKind::ChatBot];
    let fallbacks = [None, Some(FallbackKind::Employee), Some(FallbackKind::Group)];
    for bits in 0u32..(1 << 6) {
        for kind in kinds {
            for fallback in fallbacks {
                for rows in 0..3 {
                    let bit = |n: u32| bits & (1 << n) != 0;
                    let mut form = SettingsForm::default();
                    form.routing.kind = kind;
                    form.routing.fallback = fallback;
                    form.closing_enabled = bit(0);
                    form.auto_close.enabled = bit(1);
                    form.non_working.chat_bot_on = bit(2);
                    form.non_working.replies_on = bit(3);
                    let row = ReplyForm { repeat_every: bit(4), ..ReplyForm::default() };
                    form.replies = vec![row.clone(); rows];
                    form.non_working.replies = vec![ReplyForm { repeat_every: bit(5), ..row }; rows];
                    forms.push(form);
                }
            }
        }
    }
    forms
}

/// Whatever the form shows, every path it knows (rows 0, 1 and one far off), every
/// section, and paths it does not know all land on an anchor the view renders; a path
/// lands on itself exactly when its control is rendered; an error away from its
/// control names that control unless it is a section's, the fallback's type or unknown.
#[test]
fn every_path_lands_on_a_rendered_anchor_whatever_the_form_shows() {
    let mut paths: Vec<String> = Vec::new();
    for pattern in FieldPath::rendered().map(|p| p.to_string().replace("[0]", "[]")) {
        for index in ["0", "1", "9", "18446744073709551616"] {
            paths.push(pattern.replace("[]", &format!("[{index}]")));
        }
    }
    paths.extend(
        ["unknown", "routing.zzz", "auto_replies[0].zzz", "non_working_hours.auto_replies[a].text"].map(String::from),
    );
    paths.dedup();
    let sections = ["routing", "closing_message", "non_working_hours", "auto_close"];
    for form in every_form() {
        let shown = shown_controls(&form);
        for path in &paths {
            let place = error_place(path, &form);
            assert!(shown.contains(&place.anchor), "{path} → {} is not rendered for {form:?}", place.anchor);
            let own = shown.contains(path);
            assert_eq!(place.anchor == *path, own, "{path} shown at itself exactly when rendered ({form:?})");
            let named = place.hidden.is_some();
            let fallback_type = path == "routing.fallback.type" && place.anchor == "routing.fallback";
            let unnamed = own || fallback_type || sections.contains(&path.as_str()) || place.anchor == FORM_ANCHOR;
            assert_eq!(named, !unnamed, "{path} at {}: named {named}", place.anchor);
        }
        // Every rendered control is an anchor of its own path.
        for anchor in &shown {
            assert_eq!(&error_anchor(anchor, &form), anchor);
        }
    }
}

/// The same, typed: every path at rows 0, 1, 9 and the unreadable one lands on a shown
/// anchor, on itself exactly when shown; every shown anchor is its own.
#[test]
fn typed_paths_land_on_shown_anchors() {
    let mut paths: Vec<FieldPath> = FieldPath::named().collect();
    for list in ReplyList::ALL {
        for index in [0, 1, 9, usize::MAX] {
            paths.extend(ReplyField::ALL.map(|field| list.row(index, field)));
        }
    }
    for form in every_form() {
        let shown = shown_anchors(&form);
        assert_eq!(shown_controls(&form), shown.iter().map(ToString::to_string).collect::<Vec<_>>());
        for path in &paths {
            let place = path.placement(&form);
            assert!(shown.contains(&place.anchor), "{path} → {} for {form:?}", place.anchor);
            assert_eq!(place.anchor == *path, shown.contains(path), "{path}");
            assert_eq!(path.anchor(&form), place.anchor);
            assert_eq!(error_place(&path.to_string(), &form), ErrorPlace::from(place));
        }
    }
    let row = ReplyList::Working.row(usize::MAX, ReplyField::Text).placement(&all_off());
    assert_eq!(row.anchor, FieldPath::Replies(ReplyList::Working));
    assert_eq!(row.hidden, Some(HiddenControl { label: Msg::ReplyText, within: None }), "no row number");
}
