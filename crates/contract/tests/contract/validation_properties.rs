//! Validation is total: every rule, on any input (any Unicode, control characters, any
//! integer), returns instead of panicking, and every error it reports names a control that
//! exists in the settings, by a well-formed path (`auto_replies[3].text`), with a code that
//! control can have and the back end's prose for it. The per-rule functions are checked
//! against a restatement of the contract's text (trim; 1–512 printable ASCII; 1–250 code
//! points, `\n` the only control character), and the whole against its parts.

use crate::common;

use max_channel_contract::arbitrary::*;
use max_channel_contract::*;
use proptest::prelude::*;
use FieldErrorCode::*;

fn cases() -> u32 {
    common::cases_at_least(10_000)
}

/// One list of auto-replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Working,
    NonWorking,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReplyField {
    Delay,
    Text,
    Interval,
}

/// A control of the form, as a `FieldError.path` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Token,
    RoutingType,
    RoutingEmployee,
    RoutingGroup,
    RoutingChatBot,
    Fallback,
    FallbackEmployee,
    FallbackGroup,
    Replies(List),
    Reply(List, usize, ReplyField),
    ClosingText,
    NonWorkingMode,
    NonWorkingChatBot,
    AutoClose,
}

/// `name` or `name[index]`; an index is decimal digits without a sign or leading zeros.
fn segment(seg: &str) -> Result<(&str, Option<usize>), String> {
    let Some((name, rest)) = seg.split_once('[') else {
        return Ok((seg, None));
    };
    let digits = rest.strip_suffix(']').ok_or_else(|| format!("unclosed index in {seg:?}"))?;
    let well_formed =
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'));
    if !well_formed {
        return Err(format!("bad index in {seg:?}"));
    }
    Ok((name, Some(digits.parse().map_err(|e| format!("{seg:?}: {e}"))?)))
}

/// The grammar of the paths validation may report:
///
/// ```text
/// path    = "token" | routing | replies("auto_replies") | "closing_message.text"
///         | "non_working_hours." ("mode" | "chat_bot_id" | replies("auto_replies"))
///         | "auto_close.after_minutes"
/// routing = "routing." ("type" | "employee_id" | "group_id" | "chat_bot_id"
///                       | "fallback" ["." ("employee_id" | "group_id")])
/// replies(p) = p | p "[" index "]." ("delay_seconds" | "text" | "repeat.interval_seconds")
/// ```
fn parse(path: &str) -> Result<Field, String> {
    let segs = path.split('.').map(segment).collect::<Result<Vec<_>, _>>()?;
    let replies = |list: List, rest: &[(&str, Option<usize>)]| -> Result<Field, String> {
        match rest {
            [("auto_replies", None)] => Ok(Field::Replies(list)),
            [("auto_replies", Some(i)), ("delay_seconds", None)] => Ok(Field::Reply(list, *i, ReplyField::Delay)),
            [("auto_replies", Some(i)), ("text", None)] => Ok(Field::Reply(list, *i, ReplyField::Text)),
            [("auto_replies", Some(i)), ("repeat", None), ("interval_seconds", None)] => {
                Ok(Field::Reply(list, *i, ReplyField::Interval))
            }
            _ => Err(format!("not a path of auto-replies: {path:?}")),
        }
    };
    Ok(match segs.as_slice() {
        [("token", None)] => Field::Token,
        [("routing", None), ("type", None)] => Field::RoutingType,
        [("routing", None), ("employee_id", None)] => Field::RoutingEmployee,
        [("routing", None), ("group_id", None)] => Field::RoutingGroup,
        [("routing", None), ("chat_bot_id", None)] => Field::RoutingChatBot,
        [("routing", None), ("fallback", None)] => Field::Fallback,
        [("routing", None), ("fallback", None), ("employee_id", None)] => Field::FallbackEmployee,
        [("routing", None), ("fallback", None), ("group_id", None)] => Field::FallbackGroup,
        [("auto_replies", _), ..] => replies(List::Working, &segs)?,
        [("closing_message", None), ("text", None)] => Field::ClosingText,
        [("non_working_hours", None), ("mode", None)] => Field::NonWorkingMode,
        [("non_working_hours", None), ("chat_bot_id", None)] => Field::NonWorkingChatBot,
        [("non_working_hours", None), rest @ ..] => replies(List::NonWorking, rest)?,
        [("auto_close", None), ("after_minutes", None)] => Field::AutoClose,
        _ => return Err(format!("not a path of the settings: {path:?}")),
    })
}

#[test]
fn the_path_parser_knows_good_paths_from_bad() {
    let good = [
        ("token", Field::Token),
        ("routing.fallback.group_id", Field::FallbackGroup),
        ("auto_replies", Field::Replies(List::Working)),
        ("auto_replies[3].text", Field::Reply(List::Working, 3, ReplyField::Text)),
        ("auto_replies[10].repeat.interval_seconds", Field::Reply(List::Working, 10, ReplyField::Interval)),
        ("non_working_hours.auto_replies[0].delay_seconds", Field::Reply(List::NonWorking, 0, ReplyField::Delay)),
        ("auto_close.after_minutes", Field::AutoClose),
    ];
    for (path, field) in good {
        assert_eq!(parse(path), Ok(field), "{path}");
    }
    for bad in [
        "",
        "settings.token",
        "auto_replies[].text",
        "auto_replies[01].text",
        "auto_replies[-1].text",
        "auto_replies[1]",
        "auto_replies[1.text",
        "auto_replies[1].repeat",
        "auto_replies.text",
        "routing",
        "routing.fallback.chat_bot_id",
        "closing_message",
        "token[0]",
        "auto_close.after_minutes ",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} parsed as {:?}", parse(bad));
    }
}

fn list(settings: &Settings, which: List) -> Option<&[AutoReply]> {
    match (which, &settings.non_working_hours) {
        (List::Working, _) => Some(&settings.auto_replies),
        (List::NonWorking, NonWorkingHours::AutoReplies { auto_replies }) => Some(auto_replies),
        (List::NonWorking, _) => None,
    }
}

/// Whether `field` names a control these settings have, and may carry `code`.
fn fits(field: Field, code: &FieldErrorCode, write: &SettingsWrite) -> Result<(), String> {
    let s = &write.settings;
    let (exists, codes): (bool, &[FieldErrorCode]) = match field {
        Field::Token => (true, &[Required, TooLong, BadCharacters]),
        Field::RoutingType => (matches!(s.routing, Routing::ChatBot { .. }), &[ServiceNotConnected]),
        Field::RoutingEmployee => (matches!(s.routing, Routing::Employee { .. }), &[Required, UnknownReference]),
        Field::RoutingGroup => (matches!(s.routing, Routing::Group { .. }), &[Required, UnknownReference]),
        Field::RoutingChatBot => (matches!(s.routing, Routing::ChatBot { .. }), &[Required, UnknownReference]),
        Field::Fallback => (matches!(s.routing, Routing::ChatBot { fallback: None, .. }), &[Required]),
        Field::FallbackEmployee => (
            matches!(s.routing, Routing::ChatBot { fallback: Some(Target::Employee { .. }), .. }),
            &[Required, UnknownReference],
        ),
        Field::FallbackGroup => (
            matches!(s.routing, Routing::ChatBot { fallback: Some(Target::Group { .. }), .. }),
            &[Required, UnknownReference],
        ),
        Field::Replies(which) => (
            list(s, which).is_some(),
            match which {
                List::Working => &[TooMany],
                List::NonWorking => &[TooMany, Required],
            },
        ),
        Field::Reply(which, i, part) => {
            let row = list(s, which).and_then(|l| l.get(i));
            match part {
                ReplyField::Delay => (row.is_some(), &[OutOfRange, DuplicateDelay]),
                ReplyField::Text => (row.is_some(), &[Required, TooLong, BadCharacters]),
                ReplyField::Interval => (row.is_some_and(|r| matches!(r.repeat, Repeat::Every { .. })), &[OutOfRange]),
            }
        }
        Field::ClosingText => (true, &[Required, TooLong, BadCharacters]),
        Field::NonWorkingMode => {
            (matches!(s.non_working_hours, NonWorkingHours::ChatBot { .. }), &[ServiceNotConnected])
        }
        Field::NonWorkingChatBot => {
            (matches!(s.non_working_hours, NonWorkingHours::ChatBot { .. }), &[Required, UnknownReference])
        }
        Field::AutoClose => (true, &[OutOfRange]),
    };
    if !exists {
        return Err(format!("{field:?} is not a control of these settings"));
    }
    if !codes.contains(code) {
        return Err(format!("{field:?} cannot be {code}"));
    }
    Ok(())
}

/// Where a field sits in document order: section, then row.
fn order(field: Field) -> (usize, usize) {
    match field {
        Field::Token => (0, 0),
        Field::RoutingType
        | Field::RoutingEmployee
        | Field::RoutingGroup
        | Field::RoutingChatBot
        | Field::Fallback
        | Field::FallbackEmployee
        | Field::FallbackGroup => (1, 0),
        Field::Replies(List::Working) => (2, 0),
        Field::Reply(List::Working, i, _) => (2, i + 1),
        Field::ClosingText => (3, 0),
        Field::NonWorkingMode | Field::NonWorkingChatBot | Field::Replies(List::NonWorking) => (4, 0),
        Field::Reply(List::NonWorking, i, _) => (4, i + 1),
        Field::AutoClose => (5, 0),
    }
}

fn is_russian(text: &str) -> bool {
    text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё'))
}

/// Every error: a well-formed path of a control these settings have, a code that control
/// can have, the back end's prose, in document order, no path twice with one code.
fn check_errors(errors: &[FieldError], write: &SettingsWrite) -> Result<(), TestCaseError> {
    let mut last = (0, 0);
    for (n, e) in errors.iter().enumerate() {
        let field = parse(&e.path).map_err(TestCaseError::fail)?;
        fits(field, &e.code, write).map_err(|m| TestCaseError::fail(format!("{}: {m}", e.path)))?;
        prop_assert!(e.code.is_known(), "{:?}", e);
        prop_assert_eq!(&e.message, &default_message_ru(&e.path, &e.code));
        prop_assert!(is_russian(&e.message), "{:?}", e);
        prop_assert!(order(field) >= last, "{} out of document order in {:?}", e.path, errors);
        last = order(field);
        prop_assert!(
            !errors[..n].iter().any(|earlier| earlier.path == e.path && earlier.code == e.code),
            "{:?} twice",
            e
        );
    }
    Ok(())
}

/// The contract's token rule, restated from `Token` in openapi.yaml.
fn token_oracle(raw: &str) -> Result<&str, FieldErrorCode> {
    let t = raw.trim();
    if t.is_empty() {
        Err(Required)
    } else if !t.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c)) {
        Err(BadCharacters)
    } else if t.chars().count() > 512 {
        Err(TooLong)
    } else {
        Ok(t)
    }
}

/// The contract's text rule, restated from `MessageText`.
fn text_oracle(raw: &str, required: bool) -> Option<FieldErrorCode> {
    let t = raw.trim();
    if t.is_empty() {
        required.then_some(Required)
    } else if t.chars().any(|c| c.is_control() && c != '\n') {
        Some(BadCharacters)
    } else if t.chars().count() > 250 {
        Some(TooLong)
    } else {
        None
    }
}

struct AnyDirectory {
    known: Vec<String>,
}

impl Directory for AnyDirectory {
    fn has_employee(&self, id: &str) -> bool {
        self.known.iter().any(|k| k == id)
    }
    fn has_group(&self, id: &str) -> bool {
        self.known.iter().any(|k| k == id)
    }
    fn has_chat_bot(&self, id: &str) -> bool {
        self.known.iter().any(|k| k == id)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// The single-value rules on any input: total, and as the contract's text states them.
    #[test]
    fn each_rule_is_total_and_says_what_the_contract_says(
        token in prop_oneof![any_token(), any::<String>(), any_string(64)],
        text in prop_oneof![any_text(), any::<String>()],
        required in any::<bool>(),
        value in any::<i64>(),
        (lo, hi) in (any::<i64>(), any::<i64>()),
        id in any_string(6),
    ) {
        prop_assert_eq!(check_token(&token), token_oracle(&token));
        let hint = token_hint(&token);
        prop_assert!(hint.starts_with('…') && hint.chars().count() <= 5);
        prop_assert!(token.ends_with(hint.trim_start_matches('…')));
        prop_assert_eq!(check_text(&text, required), text_oracle(&text, required));
        prop_assert_eq!(text_len(&text), text.trim().chars().count());
        prop_assert_eq!(check_range(value, &(lo..=hi)), (!(lo <= value && value <= hi)).then_some(OutOfRange));
        prop_assert_eq!(check_id(&id), id.trim().is_empty().then_some(Required));
        for code in FieldErrorCode::KNOWN.iter().chain([&FieldErrorCode::Other(id.clone())]) {
            let message = default_message_ru(&text, code);
            prop_assert!(is_russian(&message), "{:?} at {:?}", code, text);
        }
    }

    /// Whole writes: total, every error well-formed and in place, the whole agreeing with
    /// its parts; trimming (what the back end stores) never changes the verdict.
    #[test]
    fn validation_of_a_write_is_total_and_its_paths_are_well_formed(
        settings in any_settings(),
        token in proptest::option::of(any_token()),
        chat_bots_service in any::<bool>(),
        token_stored in any::<bool>(),
        known in proptest::collection::vec(prop_oneof![id(), any_string(4)], 0..4),
    ) {
        let write = SettingsWrite { token, settings, restored_from: None };
        let ctx = WriteContext { chat_bots_service, token_stored };
        let errors = validate_write(&write, ctx);
        check_errors(&errors, &write)?;
        let s = &write.settings;
        let at = |path: &str| -> Vec<FieldErrorCode> {
            errors.iter().filter(|e| e.path == path).map(|e| e.code.clone()).collect()
        };

        // The whole agrees with its parts.
        let token_error = match (&write.token, token_stored) {
            (Some(t), _) => check_token(t).err(),
            (None, true) => None,
            (None, false) => Some(Required),
        };
        prop_assert_eq!(at("token"), token_error.into_iter().collect::<Vec<_>>());
        prop_assert_eq!(
            at("closing_message.text"),
            check_text(&s.closing_message.text, s.closing_message.enabled).into_iter().collect::<Vec<_>>()
        );
        prop_assert_eq!(
            at("auto_close.after_minutes"),
            check_range(s.auto_close.after_minutes, &AUTO_CLOSE_MINUTES).into_iter().collect::<Vec<_>>()
        );
        for (prefix, rows) in [("auto_replies", Some(&s.auto_replies[..])), ("non_working_hours.auto_replies", list(s, List::NonWorking))] {
            let Some(rows) = rows else { continue };
            prop_assert_eq!(at(prefix).contains(&TooMany), rows.len() > MAX_AUTO_REPLIES);
            for (i, row) in rows.iter().enumerate() {
                prop_assert_eq!(
                    at(&format!("{prefix}[{i}].text")),
                    check_text(&row.text, true).into_iter().collect::<Vec<_>>()
                );
                let delay = at(&format!("{prefix}[{i}].delay_seconds"));
                let duplicate = rows[..i].iter().any(|r| r.delay_seconds == row.delay_seconds);
                let expected = check_range(row.delay_seconds, &DELAY_SECONDS)
                    .or(duplicate.then_some(DuplicateDelay));
                prop_assert_eq!(delay, expected.into_iter().collect::<Vec<_>>());
                if let Repeat::Every { interval_seconds } = row.repeat {
                    prop_assert_eq!(
                        at(&format!("{prefix}[{i}].repeat.interval_seconds")),
                        check_range(interval_seconds, &INTERVAL_SECONDS).into_iter().collect::<Vec<_>>()
                    );
                }
            }
        }
        let uses_chat_bot = !s.chat_bot_choices().is_empty();
        prop_assert_eq!(
            errors.iter().any(|e| e.code == ServiceNotConnected),
            uses_chat_bot && !chat_bots_service
        );

        // Settings-only validation is the write's without the token.
        let settings_only: Vec<_> = errors.iter().filter(|e| e.path != "token").cloned().collect();
        prop_assert_eq!(validate_settings(s, chat_bots_service), settings_only);

        // Trimming, as the back end stores, changes no verdict; and it is idempotent.
        let stored = normalized(s);
        prop_assert_eq!(validate_settings(&stored, chat_bots_service), validate_settings(s, chat_bots_service));
        prop_assert_eq!(normalized(&stored), stored.clone());

        // References: only non-empty ids the directory lacks, each at a well-formed path.
        let directory = AnyDirectory { known };
        let unknown = validate_references(s, &directory);
        check_errors(&unknown, &write)?;
        for e in &unknown {
            prop_assert_eq!(&e.code, &UnknownReference);
        }
        for (path, _, id) in references(s) {
            let flagged = unknown.iter().any(|e| e.path == path);
            prop_assert_eq!(flagged, !id.trim().is_empty() && !directory.known.iter().any(|k| k == id), "{}", path);
        }
    }
}
