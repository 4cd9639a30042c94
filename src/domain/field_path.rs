//! Field paths, typed: every control and error place the settings form knows. The contract's
//! `FieldError.path` stays a string on the wire; here it becomes a [`FieldPath`], and this
//! file is the one place its strings are written (`routing.fallback.employee_id`,
//! `auto_replies[3].repeat.interval_seconds`, …), with the form's own anchors (`form`, the
//! switches, the non-working mode, a row's repeat choice) that the contract never names.
//!
//! A string the form does not know parses to `None`: the caller keeps the raw string (its
//! error then shows at the whole form, in the back end's words).

use std::fmt;

use crate::domain::{ReplyForm, SettingsForm};

/// The anchor of the whole form («Сохранить»'s bar), as [`FieldPath::Form`] prints.
pub const FORM_ANCHOR: &str = "form";

max_channel_kit::closed_enum! {
    /// The two auto-reply lists: working hours' and non-working hours'.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ReplyList {
        Working = "auto_replies",
        NonWorking = "non_working_hours.auto_replies",
    }
}

impl ReplyList {
    /// The list's own path (its errors: too many rows, none).
    pub fn path(self) -> FieldPath {
        FieldPath::Replies(self)
    }

    /// The path of `field` in row `index` of this list.
    pub fn row(self, index: usize, field: ReplyField) -> FieldPath {
        FieldPath::Reply { list: self, index, field }
    }

    pub fn rows(self, form: &SettingsForm) -> &Vec<ReplyForm> {
        match self {
            ReplyList::Working => &form.replies,
            ReplyList::NonWorking => &form.non_working.replies,
        }
    }

    pub fn rows_mut(self, form: &mut SettingsForm) -> &mut Vec<ReplyForm> {
        match self {
            ReplyList::Working => &mut form.replies,
            ReplyList::NonWorking => &mut form.non_working.replies,
        }
    }
}

max_channel_kit::closed_enum! {
    /// A control of an auto-reply row.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ReplyField {
        /// «Через какое время отправить» (`delay_seconds`).
        Delay = "delay_seconds",
        Text = "text",
        /// «Однократно / Повторять каждые»: the form's own anchor, no contract field.
        RepeatType = "repeat.type",
        /// «Повторять каждые» (`repeat.interval_seconds`).
        RepeatInterval = "repeat.interval_seconds",
    }
}

max_channel_kit::closed_enum! {
    /// A whole section, for an error a back end reports on one.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Section {
        Routing = "routing",
        ClosingMessage = "closing_message",
        NonWorkingHours = "non_working_hours",
        AutoClose = "auto_close",
    }
}

/// A place of the settings form an error can be at: a contract path or one of the form's
/// own anchors. Prints the contract's exact string; [`FieldPath::parse`] reads it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// `token`.
    Token,
    /// `routing.type`: the choice of who takes dialogs.
    RoutingType,
    /// `routing.employee_id`.
    RoutingEmployee,
    /// `routing.group_id`.
    RoutingGroup,
    /// `routing.chat_bot_id`.
    RoutingChatBot,
    /// `routing.fallback`: the choice of the chat-bot's fallback.
    Fallback,
    /// `routing.fallback.type`.
    FallbackType,
    /// `routing.fallback.employee_id`.
    FallbackEmployee,
    /// `routing.fallback.group_id`.
    FallbackGroup,
    /// A row's control: `auto_replies[3].text`. An index too large for a `usize` reads as
    /// `usize::MAX`, a row no list has.
    Reply { list: ReplyList, index: usize, field: ReplyField },
    /// A list itself: `auto_replies`, `non_working_hours.auto_replies`.
    Replies(ReplyList),
    /// `closing_message.enabled`: the form's switch.
    ClosingEnabled,
    /// `closing_message.text`.
    ClosingText,
    /// `non_working_hours.mode`: the form's choice of chat-bot or auto-replies.
    NonWorkingMode,
    /// `non_working_hours.chat_bot_id`.
    NonWorkingChatBot,
    /// `auto_close.enabled`: the form's switch.
    AutoCloseEnabled,
    /// `auto_close.after_minutes`.
    AutoCloseAfter,
    /// A whole section: `routing`, `closing_message`, `non_working_hours`, `auto_close`.
    Section(Section),
    /// The whole form: where an error at a path the form does not know shows.
    Form,
}

/// Where a path's control sits in the form, top to bottom: its section, its row (rows in
/// order, each row's controls together, a list's own error below its rows), then its place
/// in [`FieldPath::rendered`]. Compare them; the fields are the order's own business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RenderOrder {
    block: usize,
    row: Option<usize>,
    place: usize,
}

/// The blocks of the form, top to bottom: token, routing, working-hours replies, closing
/// message, non-working hours, auto-close; then the whole form's.
const BLOCKS: usize = 6;

/// A place of the form: its path (a row's as row 0), the whole string (`""` for a row's,
/// which is written from its list and field), the block it is in.
#[derive(Debug, Clone, Copy)]
struct Place {
    path: FieldPath,
    name: &'static str,
    block: usize,
}

const fn place(path: FieldPath, name: &'static str, block: usize) -> Place {
    Place { path, name, block }
}

const fn row(list: ReplyList, field: ReplyField) -> Place {
    let block = match list {
        ReplyList::Working => 2,
        ReplyList::NonWorking => 4,
    };
    place(FieldPath::Reply { list, index: 0, field }, "", block)
}

/// The one table of the form's places, in the order their controls render, the whole
/// sections' and the form's anchors last: what a path is called, where it sorts, which
/// paths [`FieldPath::parse`] knows. A variant missing here fails the tests' exhaustive match.
const PLACES: [Place; RENDERED + 1] = {
    use FieldPath as P;
    use ReplyField::{Delay, RepeatInterval, RepeatType, Text};
    use ReplyList::{NonWorking, Working};
    [
        place(P::Token, "token", 0),
        place(P::RoutingType, "routing.type", 1),
        place(P::RoutingEmployee, "routing.employee_id", 1),
        place(P::RoutingGroup, "routing.group_id", 1),
        place(P::RoutingChatBot, "routing.chat_bot_id", 1),
        place(P::Fallback, "routing.fallback", 1),
        place(P::FallbackType, "routing.fallback.type", 1),
        place(P::FallbackEmployee, "routing.fallback.employee_id", 1),
        place(P::FallbackGroup, "routing.fallback.group_id", 1),
        row(Working, Delay),
        row(Working, Text),
        row(Working, RepeatType),
        row(Working, RepeatInterval),
        place(P::Replies(Working), Working.name(), 2),
        place(P::ClosingEnabled, "closing_message.enabled", 3),
        place(P::ClosingText, "closing_message.text", 3),
        place(P::NonWorkingMode, "non_working_hours.mode", 4),
        place(P::NonWorkingChatBot, "non_working_hours.chat_bot_id", 4),
        row(NonWorking, Delay),
        row(NonWorking, Text),
        row(NonWorking, RepeatType),
        row(NonWorking, RepeatInterval),
        place(P::Replies(NonWorking), NonWorking.name(), 4),
        place(P::AutoCloseEnabled, "auto_close.enabled", 5),
        place(P::AutoCloseAfter, "auto_close.after_minutes", 5),
        // Whole sections, for an error a back end reports on one.
        place(P::Section(Section::Routing), Section::Routing.name(), 1),
        place(P::Section(Section::ClosingMessage), Section::ClosingMessage.name(), 3),
        place(P::Section(Section::NonWorkingHours), Section::NonWorkingHours.name(), 4),
        place(P::Section(Section::AutoClose), Section::AutoClose.name(), 5),
        place(P::Form, FORM_ANCHOR, BLOCKS),
    ]
};

/// How many places render a control (all but the whole form's).
const RENDERED: usize = 29;

impl FieldPath {
    /// Every path but a row's: what [`FieldPath::parse`] knows besides rows.
    pub fn named() -> impl Iterator<Item = FieldPath> {
        PLACES.iter().map(|place| place.path).filter(|path| !matches!(path, FieldPath::Reply { .. }))
    }

    /// Every path the form shows an error at, in the order its controls are rendered, rows
    /// as row 0. The first error of a refused save is the topmost control.
    pub fn rendered() -> impl Iterator<Item = FieldPath> {
        PLACES.iter().map(|place| place.path).filter(|path| *path != FieldPath::Form)
    }

    /// The path a string names: the contract's paths and the form's anchors, exactly as
    /// [`Display`](fmt::Display) prints them; a row's index may have leading zeros. `None`
    /// for a string the form does not know.
    pub fn parse(path: &str) -> Option<FieldPath> {
        if let Some(named) = FieldPath::named().find(|p| p.name() == Some(path)) {
            return Some(named);
        }
        ReplyList::ALL.into_iter().find_map(|list| {
            let rest = path.strip_prefix(list.name())?.strip_prefix('[')?;
            let (digits, rest) = rest.split_once(']')?;
            let name = rest.strip_prefix('.')?;
            let field = ReplyField::parse(name)?;
            Some(FieldPath::Reply { list, index: parse_index(digits)?, field })
        })
    }

    /// The DOM id of the path's control: `auto_replies[3].text` → `f-auto_replies-3-text`.
    /// A 422's `fields[].path` finds its control through this.
    pub fn control_id(&self) -> String {
        control_id_of(&self.to_string())
    }

    /// The id of the control's error text: `f-auto_replies-3-text-error`.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.control_id())
    }

    /// Where the path's control sits in the form, top to bottom.
    pub fn render_order(&self) -> RenderOrder {
        let row = match *self {
            FieldPath::Reply { index, .. } => Some(index),
            // A list's own error comes after all of its rows: below them, at the add button.
            FieldPath::Replies(_) => Some(usize::MAX),
            _ => None,
        };
        let pattern = self.pattern();
        let place = FieldPath::rendered().position(|p| p == pattern).unwrap_or(RENDERED);
        RenderOrder { block: self.block(), row, place }
    }

    /// Where a path the form does not know sorts: after every known one of the section its
    /// first name is (`routing.zzz` after the routing's controls), else at the very end.
    pub fn unknown_order(path: &str) -> RenderOrder {
        let first = path.split(['.', '[']).next().unwrap_or(path);
        let block = FieldPath::parse(first).map_or(BLOCKS, |p| p.block());
        RenderOrder { block, row: Some(usize::MAX), place: RENDERED }
    }

    /// The row's list, for a row's control or a list.
    pub fn reply_list(&self) -> Option<ReplyList> {
        match *self {
            FieldPath::Reply { list, .. } | FieldPath::Replies(list) => Some(list),
            _ => None,
        }
    }

    /// The same control in row 0: what [`FieldPath::rendered`] holds.
    fn pattern(self) -> FieldPath {
        match self {
            FieldPath::Reply { list, field, .. } => FieldPath::Reply { list, index: 0, field },
            other => other,
        }
    }

    /// The block of the form the path is in (see [`BLOCKS`]).
    fn block(&self) -> usize {
        let pattern = self.pattern();
        PLACES.iter().find(|place| place.path == pattern).map_or(BLOCKS, |place| place.block)
    }

    /// The whole string of every path but a row's.
    fn name(&self) -> Option<&'static str> {
        match *self {
            FieldPath::Reply { .. } => None,
            named => PLACES.iter().find(|place| place.path == named).map(|place| place.name),
        }
    }
}

/// A row's index: digits only, leading zeros allowed; too many digits for a `usize` read
/// as `usize::MAX`.
fn parse_index(digits: &str) -> Option<usize> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().fold(0usize, |n, b| n.saturating_mul(10).saturating_add(usize::from(b - b'0'))))
}

/// The DOM id for any path string, known or not (the rule [`FieldPath::control_id`] uses).
pub fn control_id_of(path: &str) -> String {
    let mut id = String::with_capacity(path.len().saturating_add(2));
    id.push_str("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            other => id.push(other),
        }
    }
    id
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Reply { list, index, field } => write!(f, "{}[{index}].{}", list.name(), field.name()),
            named => f.write_str(named.name().unwrap_or_default()),
        }
    }
}

/// The order of a raw `FieldError.path` in the form, for sorting errors: a known path's
/// [`FieldPath::render_order`], an unknown one's [`FieldPath::unknown_order`]; then the raw
/// string, so that unknown paths of a section sort among themselves by it.
pub fn field_order(path: &str) -> (RenderOrder, String) {
    let order = FieldPath::parse(path).map_or_else(|| FieldPath::unknown_order(path), |p| p.render_order());
    (order, path.to_owned())
}

#[cfg(test)]
#[path = "field_path_tests.rs"]
mod tests;

// Proptest is a native dev-dependency: the property tests run natively, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "field_path_properties.rs"]
mod properties;
