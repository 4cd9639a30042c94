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
mod tests {
    use super::*;

    /// Every path the form shows an error at, in the order its controls are rendered, with
    /// `[]` for a row's index: [`FieldPath::rendered`] as strings (a test holds them equal).
    const RENDER_ORDER: [&str; 29] = [
        "token",
        "routing.type",
        "routing.employee_id",
        "routing.group_id",
        "routing.chat_bot_id",
        "routing.fallback",
        "routing.fallback.type",
        "routing.fallback.employee_id",
        "routing.fallback.group_id",
        "auto_replies[].delay_seconds",
        "auto_replies[].text",
        "auto_replies[].repeat.type",
        "auto_replies[].repeat.interval_seconds",
        "auto_replies",
        "closing_message.enabled",
        "closing_message.text",
        "non_working_hours.mode",
        "non_working_hours.chat_bot_id",
        "non_working_hours.auto_replies[].delay_seconds",
        "non_working_hours.auto_replies[].text",
        "non_working_hours.auto_replies[].repeat.type",
        "non_working_hours.auto_replies[].repeat.interval_seconds",
        "non_working_hours.auto_replies",
        "auto_close.enabled",
        "auto_close.after_minutes",
        // Whole sections, for an error a back end reports on one.
        "routing",
        "closing_message",
        "non_working_hours",
        "auto_close",
    ];

    /// Every path with each row index of `indexes`.
    fn every(indexes: &[usize]) -> Vec<FieldPath> {
        let mut out: Vec<FieldPath> = FieldPath::named().collect();
        for list in ReplyList::ALL {
            for &index in indexes {
                for field in ReplyField::ALL {
                    out.push(list.row(index, field));
                }
            }
        }
        out
    }

    /// No variant is forgotten by the places' table: this match has no wildcard.
    fn is_named(path: FieldPath) -> bool {
        match path {
            FieldPath::Reply { .. } => false,
            FieldPath::Token
            | FieldPath::RoutingType
            | FieldPath::RoutingEmployee
            | FieldPath::RoutingGroup
            | FieldPath::RoutingChatBot
            | FieldPath::Fallback
            | FieldPath::FallbackType
            | FieldPath::FallbackEmployee
            | FieldPath::FallbackGroup
            | FieldPath::Replies(_)
            | FieldPath::ClosingEnabled
            | FieldPath::ClosingText
            | FieldPath::NonWorkingMode
            | FieldPath::NonWorkingChatBot
            | FieldPath::AutoCloseEnabled
            | FieldPath::AutoCloseAfter
            | FieldPath::Section(_)
            | FieldPath::Form => FieldPath::named().any(|named| named == path),
        }
    }

    #[test]
    fn the_contracts_strings_exactly() {
        use FieldPath::{
            AutoCloseAfter, AutoCloseEnabled, ClosingEnabled, ClosingText, Fallback, FallbackEmployee, FallbackGroup,
            FallbackType, Form, NonWorkingChatBot, NonWorkingMode, Replies, Reply, RoutingChatBot, RoutingEmployee,
            RoutingGroup, RoutingType, Token,
        };
        use ReplyField::*;
        use ReplyList::*;
        let table: &[(FieldPath, &str)] = &[
            (Token, "token"),
            (RoutingType, "routing.type"),
            (RoutingEmployee, "routing.employee_id"),
            (RoutingGroup, "routing.group_id"),
            (RoutingChatBot, "routing.chat_bot_id"),
            (Fallback, "routing.fallback"),
            (FallbackType, "routing.fallback.type"),
            (FallbackEmployee, "routing.fallback.employee_id"),
            (FallbackGroup, "routing.fallback.group_id"),
            (Reply { list: Working, index: 0, field: Delay }, "auto_replies[0].delay_seconds"),
            (Reply { list: Working, index: 3, field: Text }, "auto_replies[3].text"),
            (Reply { list: Working, index: 9, field: RepeatType }, "auto_replies[9].repeat.type"),
            (Reply { list: Working, index: 3, field: RepeatInterval }, "auto_replies[3].repeat.interval_seconds"),
            (Reply { list: NonWorking, index: 0, field: Text }, "non_working_hours.auto_replies[0].text"),
            (Reply { list: NonWorking, index: 12, field: Delay }, "non_working_hours.auto_replies[12].delay_seconds"),
            (
                Reply { list: NonWorking, index: 1, field: RepeatInterval },
                "non_working_hours.auto_replies[1].repeat.interval_seconds",
            ),
            (Replies(Working), "auto_replies"),
            (Replies(NonWorking), "non_working_hours.auto_replies"),
            (ClosingEnabled, "closing_message.enabled"),
            (ClosingText, "closing_message.text"),
            (NonWorkingMode, "non_working_hours.mode"),
            (NonWorkingChatBot, "non_working_hours.chat_bot_id"),
            (AutoCloseEnabled, "auto_close.enabled"),
            (AutoCloseAfter, "auto_close.after_minutes"),
            (FieldPath::Section(Section::Routing), "routing"),
            (FieldPath::Section(Section::ClosingMessage), "closing_message"),
            (FieldPath::Section(Section::NonWorkingHours), "non_working_hours"),
            (FieldPath::Section(Section::AutoClose), "auto_close"),
            (Form, "form"),
        ];
        for (path, text) in table {
            assert_eq!(path.to_string(), *text);
            assert_eq!(FieldPath::parse(text), Some(*path), "{text}");
        }
        assert_eq!(Form.to_string(), FORM_ANCHOR);
        // Every variant but a row's is in the table.
        for path in FieldPath::named() {
            assert!(table.iter().any(|(p, _)| *p == path), "{path:?}");
        }
    }

    #[test]
    fn every_path_round_trips_at_every_index() {
        let indexes = [0, 1, 2, 9, 10, 99, 12_345, usize::MAX - 1, usize::MAX];
        let paths = every(&indexes);
        for path in &paths {
            assert!(is_named(*path) || matches!(path, FieldPath::Reply { .. }));
            let text = path.to_string();
            assert_eq!(FieldPath::parse(&text), Some(*path), "{text}");
        }
        // Distinct paths print distinct strings (and so distinct control ids).
        let mut texts: Vec<String> = paths.iter().map(ToString::to_string).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), paths.len());
        let mut ids: Vec<String> = paths.iter().map(FieldPath::control_id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), texts.len());
    }

    #[test]
    fn unknown_strings_are_none_and_indexes_are_read_leniently() {
        for unknown in [
            "",
            "settings",
            "routing.zzz",
            "routing.",
            "tokens",
            "Token",
            " token",
            "auto_replies[0]",
            "auto_replies[0",
            "auto_replies[].text",
            "auto_replies[x].text",
            "auto_replies[+1].text",
            "auto_replies[-1].text",
            "auto_replies[1 ].text",
            "auto_replies[0].zzz",
            "auto_replies[0].repeat",
            "auto_replies[0]text",
            "auto_replies[0].text.x",
            "auto_replies.0.text",
            "non_working_hours.auto_replies[a].text",
            "non_working_hours.text",
            "закрытие",
        ] {
            assert_eq!(FieldPath::parse(unknown), None, "{unknown:?}");
        }
        let text = |index| Some(ReplyList::Working.row(index, ReplyField::Text));
        assert_eq!(FieldPath::parse("auto_replies[00].text"), text(0));
        assert_eq!(FieldPath::parse("auto_replies[007].text"), text(7));
        assert_eq!(FieldPath::parse("auto_replies[18446744073709551615].text"), text(usize::MAX));
        assert_eq!(FieldPath::parse("auto_replies[18446744073709551616].text"), text(usize::MAX));
        assert_eq!(FieldPath::parse("auto_replies[99999999999999999999999].text"), text(usize::MAX));
    }

    /// Exactly today's DOM ids (the browser and e2e tests find controls by them).
    #[test]
    fn control_ids() {
        let w = |index, field| ReplyList::Working.row(index, field);
        let n = |index, field| ReplyList::NonWorking.row(index, field);
        let table = [
            (FieldPath::Token, "f-token"),
            (FieldPath::RoutingType, "f-routing-type"),
            (FieldPath::FallbackEmployee, "f-routing-fallback-employee_id"),
            (w(3, ReplyField::Text), "f-auto_replies-3-text"),
            (w(0, ReplyField::RepeatType), "f-auto_replies-0-repeat-type"),
            (n(10, ReplyField::RepeatInterval), "f-non_working_hours-auto_replies-10-repeat-interval_seconds"),
            (FieldPath::Replies(ReplyList::NonWorking), "f-non_working_hours-auto_replies"),
            (FieldPath::ClosingEnabled, "f-closing_message-enabled"),
            (FieldPath::AutoCloseAfter, "f-auto_close-after_minutes"),
            (FieldPath::Section(Section::NonWorkingHours), "f-non_working_hours"),
            (FieldPath::Form, "f-form"),
        ];
        for (path, id) in table {
            assert_eq!(path.control_id(), id);
            assert_eq!(path.error_id(), format!("{id}-error"));
        }
        // The rule the view used on strings, for every path.
        let field_id = |path: &str| format!("f-{}", path.replace(['[', '.'], "-").replace(']', ""));
        for path in every(&[0, 1, 10, usize::MAX]) {
            assert_eq!(path.control_id(), field_id(&path.to_string()), "{path}");
        }
    }

    #[test]
    fn the_render_order_table_is_the_typed_one() {
        let typed: Vec<String> = FieldPath::rendered().map(|p| p.to_string().replace("[0]", "[]")).collect();
        assert_eq!(typed, RENDER_ORDER);
        for (place, path) in FieldPath::rendered().enumerate() {
            assert_eq!(path.render_order().place, place, "{path}");
        }
        // Every path but the form's has its place.
        for path in every(&[0, 5]) {
            assert_eq!(path.render_order().place < RENDER_ORDER.len(), path != FieldPath::Form, "{path}");
        }
    }

    #[test]
    fn reply_lists() {
        let mut form = SettingsForm::default();
        ReplyList::NonWorking.rows_mut(&mut form).push(ReplyForm::default());
        assert_eq!(ReplyList::NonWorking.rows(&form).len(), 1);
        assert!(ReplyList::Working.rows(&form).is_empty());
        assert_eq!(ReplyList::Working.path().to_string(), "auto_replies");
        assert_eq!(ReplyList::NonWorking.path().reply_list(), Some(ReplyList::NonWorking));
        assert_eq!(ReplyList::Working.row(2, ReplyField::Delay).reply_list(), Some(ReplyList::Working));
        assert_eq!(FieldPath::Token.reply_list(), None);
    }
}

// Proptest is a native dev-dependency: the property tests run natively, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_path() -> impl Strategy<Value = FieldPath> {
        let list = prop_oneof![Just(ReplyList::Working), Just(ReplyList::NonWorking)];
        let field = proptest::sample::select(ReplyField::ALL.to_vec());
        let index = prop_oneof![0..20usize, any::<usize>()];
        prop_oneof![
            proptest::sample::select(FieldPath::named().collect::<Vec<_>>()),
            (list, index, field).prop_map(|(list, index, field)| FieldPath::Reply { list, index, field }),
        ]
    }

    proptest! {
        /// Printed and read back, every path is itself; its id is the view's old rule.
        #[test]
        fn round_trip(path in any_path()) {
            let text = path.to_string();
            prop_assert_eq!(FieldPath::parse(&text), Some(path));
            prop_assert_eq!(field_order(&text).0, path.render_order());
            let id = format!("f-{}", text.replace(['[', '.'], "-").replace(']', ""));
            prop_assert_eq!(path.control_id(), id);
        }

        /// Whatever the string, parsing never panics, and what parses prints back the same
        /// but for leading zeros and an index too large.
        #[test]
        fn parse_any_string(text in "[a-z_.\\[\\]0-9]{0,40}") {
            if let Some(path) = FieldPath::parse(&text) {
                let back = path.to_string();
                prop_assert_eq!(FieldPath::parse(&back), Some(path));
                let normalised = text.contains("[0") || path.reply_list().is_some_and(|_| back.contains("18446744073709551615"));
                prop_assert!(back == text || normalised, "{} → {}", text, back);
            }
        }

        /// Rows sort by index, each row's controls together, the list's own error after all.
        #[test]
        fn rows_sort_by_index_then_control(
            (a, b) in (0..1_000usize, 0..1_000usize),
            (f, g) in (0..4usize, 0..4usize),
            list in prop_oneof![Just(ReplyList::Working), Just(ReplyList::NonWorking)],
        ) {
            let (fa, fb) = (ReplyField::ALL[f], ReplyField::ALL[g]);
            let (x, y) = (list.row(a, fa).render_order(), list.row(b, fb).render_order());
            prop_assert_eq!(x.cmp(&y), (a, f).cmp(&(b, g)));
            prop_assert!(x < list.path().render_order());
        }
    }
}
