//! Where a field error shows. A 422 may name a control the form does not show right now
//! (switched off, another routing kind chosen, a row that is gone) or one it never shows;
//! the error must still reach a control the person can see, or the banner counts an error
//! nobody can find (issue 13). Pure: the view only renders what this decides.

use crate::domain::{FallbackKind, FieldPath, ReplyField, ReplyList, RoutingKind, Section, SettingsForm};
use crate::i18n::{Msg, Tr};

/// Where an error at a path shows, the anchor by its string (for the view's ids and
/// lookups); [`Placement`] is the same, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorPlace {
    /// The path of the visible control that shows it (or [`FORM_ANCHOR`](crate::domain::FORM_ANCHOR)).
    pub anchor: String,
    /// The control the error is about, when the anchor is another one: its message then
    /// names it, or «Выберите группу.» under «Сотрудник» would make no sense.
    pub hidden: Option<HiddenControl>,
}

/// Where an error at a path shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The visible control that shows it (or [`FieldPath::Form`]).
    pub anchor: FieldPath,
    /// The control the error is about, when the anchor is another one.
    pub hidden: Option<HiddenControl>,
}

impl From<Placement> for ErrorPlace {
    fn from(place: Placement) -> ErrorPlace {
        ErrorPlace { anchor: place.anchor.to_string(), hidden: place.hidden }
    }
}

/// A control that is not shown, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HiddenControl {
    pub label: Msg,
    pub within: Option<Within>,
}

/// What a hidden control's label needs to be told apart from its namesakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// A row of an auto-reply list, by index (shown from 1).
    Reply(usize),
    /// «Если чат-бот недоступен».
    Fallback,
}

impl HiddenControl {
    fn new(label: Msg, within: Option<Within>) -> HiddenControl {
        HiddenControl { label, within }
    }

    /// The control's name as the person reads it: «Автоответ 2 — Текст сообщения».
    pub fn name(self, tr: Tr) -> String {
        let field = tr.t(self.label);
        match self.within {
            None => field.to_owned(),
            Some(Within::Reply(index)) => {
                let n = index.saturating_add(1).to_string();
                tr.f(Msg::ReplyControl, &[("n", &n), ("field", field)])
            }
            Some(Within::Fallback) => tr.f(Msg::FallbackControl, &[("field", field)]),
        }
    }

    /// The error as shown at another control: «Поле «Текст сообщения при закрытии»: …».
    pub fn describe(self, tr: Tr, error: &str) -> String {
        tr.f(Msg::ErrHiddenField, &[("field", &self.name(tr)), ("error", error)])
    }
}

/// The path of the visible control that shows an error at `path`, given what the form shows.
pub fn error_anchor(path: &str, form: &SettingsForm) -> String {
    error_place(path, form).anchor
}

/// Where an error at the raw `path` shows: [`FieldPath::placement`] of the path it names,
/// or the whole form for a path the form does not know.
pub fn error_place(path: &str, form: &SettingsForm) -> ErrorPlace {
    FieldPath::parse(path).map_or(at(FieldPath::Form), |path| path.placement(form)).into()
}

impl FieldPath {
    /// Where an error at this path shows: its own control when the form shows it, else the
    /// nearest visible control that governs it (the switch, the choice, the list). The token
    /// field counts as shown: the view opens it for its error.
    pub fn placement(self, form: &SettingsForm) -> Placement {
        use FieldPath as P;
        let kind = form.routing.kind;
        let nw = &form.non_working;
        match self {
            P::Token
            | P::RoutingType
            | P::Replies(ReplyList::Working)
            | P::ClosingEnabled
            | P::NonWorkingMode
            | P::AutoCloseEnabled
            | P::Form => at(self),
            // A section's own error shows at its first control, under its legend.
            P::Section(Section::Routing) => at(P::RoutingType),
            P::Section(Section::ClosingMessage) => at(P::ClosingEnabled),
            P::Section(Section::NonWorkingHours) => at(P::NonWorkingMode),
            P::Section(Section::AutoClose) => at(P::AutoCloseEnabled),
            P::ClosingText => shown_or(form.closing_enabled, self, P::ClosingEnabled, Msg::ClosingText),
            P::AutoCloseAfter => shown_or(form.auto_close.enabled, self, P::AutoCloseEnabled, Msg::AutoClosePeriod),
            P::NonWorkingChatBot => shown_or(nw.chat_bot_on, self, P::NonWorkingMode, Msg::ChatBotLabel),
            P::Replies(ReplyList::NonWorking) => {
                shown_or(nw.replies_on, self, P::NonWorkingMode, Msg::NonWorkingReplies)
            }
            P::RoutingEmployee => shown_or(kind == RoutingKind::Employee, self, P::RoutingType, Msg::EmployeeLabel),
            P::RoutingGroup => shown_or(kind == RoutingKind::Group, self, P::RoutingType, Msg::GroupLabel),
            P::RoutingChatBot => shown_or(kind == RoutingKind::ChatBot, self, P::RoutingType, Msg::ChatBotLabel),
            // The fallback's fieldset is the choice of its type: both show there.
            P::Fallback | P::FallbackType => {
                shown_or(kind == RoutingKind::ChatBot, P::Fallback, P::RoutingType, Msg::FallbackLabel)
            }
            P::FallbackEmployee => fallback_place(form, FallbackKind::Employee, self, Msg::EmployeeLabel),
            P::FallbackGroup => fallback_place(form, FallbackKind::Group, self, Msg::GroupLabel),
            P::Reply { list, index, field } => row_place(form, list, index, field),
        }
    }

    /// The visible control that shows an error at this path.
    pub fn anchor(self, form: &SettingsForm) -> FieldPath {
        self.placement(form).anchor
    }
}

/// Every anchor the form renders for `form`, top to bottom, by its string: see
/// [`shown_anchors`].
pub fn shown_controls(form: &SettingsForm) -> Vec<String> {
    shown_anchors(form).iter().map(ToString::to_string).collect()
}

/// Every anchor the form renders for `form`, top to bottom: the controls it shows (their
/// errors show at themselves) and the whole form's. The browser test holds the view to it.
pub fn shown_anchors(form: &SettingsForm) -> Vec<FieldPath> {
    let mut shown = vec![FieldPath::Token, FieldPath::RoutingType];
    let r = &form.routing;
    match r.kind {
        RoutingKind::Employee => shown.push(FieldPath::RoutingEmployee),
        RoutingKind::Group => shown.push(FieldPath::RoutingGroup),
        RoutingKind::ChatBot => {
            shown.push(FieldPath::RoutingChatBot);
            shown.push(FieldPath::Fallback);
            match r.fallback {
                Some(FallbackKind::Employee) => shown.push(FieldPath::FallbackEmployee),
                Some(FallbackKind::Group) => shown.push(FieldPath::FallbackGroup),
                None => {}
            }
        }
    }
    push_rows(&mut shown, ReplyList::Working, form);
    shown.push(FieldPath::ClosingEnabled);
    if form.closing_enabled {
        shown.push(FieldPath::ClosingText);
    }
    shown.push(FieldPath::NonWorkingMode);
    if form.non_working.chat_bot_on {
        shown.push(FieldPath::NonWorkingChatBot);
    }
    if form.non_working.replies_on {
        push_rows(&mut shown, ReplyList::NonWorking, form);
    }
    shown.push(FieldPath::AutoCloseEnabled);
    if form.auto_close.enabled {
        shown.push(FieldPath::AutoCloseAfter);
    }
    shown.push(FieldPath::Form);
    shown
}

fn push_rows(shown: &mut Vec<FieldPath>, list: ReplyList, form: &SettingsForm) {
    for (i, row) in list.rows(form).iter().enumerate() {
        shown.push(list.row(i, ReplyField::Delay));
        shown.push(list.row(i, ReplyField::Text));
        shown.push(list.row(i, ReplyField::RepeatType));
        if row.repeat_every {
            shown.push(list.row(i, ReplyField::RepeatInterval));
        }
    }
    shown.push(list.path());
}

fn at(anchor: FieldPath) -> Placement {
    Placement { anchor, hidden: None }
}

fn moved(anchor: FieldPath, hidden: HiddenControl) -> Placement {
    Placement { anchor, hidden: Some(hidden) }
}

/// `path` itself when shown, else `governor`, naming the hidden control.
fn shown_or(shown: bool, path: FieldPath, governor: FieldPath, label: Msg) -> Placement {
    if shown {
        at(path)
    } else {
        moved(governor, HiddenControl::new(label, None))
    }
}

/// The fallback's employee or group: shown when the chat-bot routes and that fallback is
/// chosen; else at the fallback's choice, or at the routing's when the chat-bot does not.
fn fallback_place(form: &SettingsForm, kind: FallbackKind, path: FieldPath, label: Msg) -> Placement {
    let hidden = HiddenControl::new(label, Some(Within::Fallback));
    match (form.routing.kind, form.routing.fallback) {
        (RoutingKind::ChatBot, Some(chosen)) if chosen == kind => at(path),
        (RoutingKind::ChatBot, _) => moved(FieldPath::Fallback, hidden),
        _ => moved(FieldPath::RoutingType, hidden),
    }
}

/// A row's control (`auto_replies[2].text`): itself; the row's repeat choice for an interval
/// while the row repeats once; the list when the row does not exist; the non-working mode
/// when those replies are off. An index too large to read (`usize::MAX`) names no row.
fn row_place(form: &SettingsForm, list: ReplyList, index: usize, field: ReplyField) -> Placement {
    let label = match field {
        ReplyField::Delay => Msg::ReplyDelay,
        ReplyField::Text => Msg::ReplyText,
        ReplyField::RepeatType => Msg::ReplyRepeat,
        ReplyField::RepeatInterval => Msg::RepeatInterval,
    };
    let hidden = HiddenControl::new(label, (index != usize::MAX).then_some(Within::Reply(index)));
    let list_shown = match list {
        ReplyList::Working => true,
        ReplyList::NonWorking => form.non_working.replies_on,
    };
    if !list_shown {
        return moved(FieldPath::NonWorkingMode, hidden);
    }
    let Some(row) = list.rows(form).get(index) else {
        return moved(list.path(), hidden);
    };
    if field == ReplyField::RepeatInterval && !row.repeat_every {
        return moved(list.row(index, ReplyField::RepeatType), hidden);
    }
    at(list.row(index, field))
}

#[cfg(test)]
mod tests {
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
            (
                "non_working_hours.auto_replies[0].text",
                "non_working_hours.mode",
                Some(ReplyText),
                Some(Within::Reply(0)),
            ),
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
            ["unknown", "routing.zzz", "auto_replies[0].zzz", "non_working_hours.auto_replies[a].text"]
                .map(String::from),
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
}
