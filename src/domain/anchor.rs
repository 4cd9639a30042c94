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
#[path = "anchor_tests.rs"]
mod tests;
