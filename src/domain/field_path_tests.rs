//! Tests of `field_path.rs`.

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
