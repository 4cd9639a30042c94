//! A table of cases per contract rule, with the boundaries on both sides.

use max_channel_contract::*;
use FieldErrorCode::*;

fn base() -> Settings {
    Settings {
        routing: Routing::Employee {
            employee_id: "e-101".into(),
        },
        auto_replies: vec![],
        closing_message: ClosingMessage {
            enabled: false,
            text: String::new(),
        },
        non_working_hours: NonWorkingHours::Off,
        auto_close: AutoClose {
            enabled: false,
            after_minutes: 60,
        },
    }
}

fn reply(delay_seconds: i64, text: &str) -> AutoReply {
    AutoReply {
        delay_seconds,
        text: text.into(),
        repeat: Repeat::Once,
    }
}

/// The errors as `(path, code)` pairs.
fn errors(settings: &Settings, chat_bots: bool) -> Vec<(String, FieldErrorCode)> {
    validate_settings(settings, chat_bots)
        .into_iter()
        .map(|e| (e.path, e.code))
        .collect()
}

fn one(path: &str, code: FieldErrorCode) -> Vec<(String, FieldErrorCode)> {
    vec![(path.to_owned(), code)]
}

#[test]
fn token_rules() {
    let cases: Vec<(String, Result<&str, FieldErrorCode>)> = vec![
        ("".into(), Err(Required)),
        ("   ".into(), Err(Required)),
        ("\t\n".into(), Err(Required)),
        ("  abc-DEF_123  ".into(), Ok("abc-DEF_123")),
        ("abc def".into(), Err(BadCharacters)),
        ("abc\tdef".into(), Err(BadCharacters)),
        ("abc\ndef".into(), Err(BadCharacters)),
        ("токен".into(), Err(BadCharacters)),
        ("abc👍".into(), Err(BadCharacters)),
        ("abc\u{0}def".into(), Err(BadCharacters)),
        ("abc\u{7f}def".into(), Err(BadCharacters)),
        ("!~".into(), Ok("!~")),
    ];
    for (input, expected) in cases {
        assert_eq!(check_token(&input), expected, "token {input:?}");
    }
    let ok = "a".repeat(512);
    assert_eq!(check_token(&ok), Ok(ok.as_str()), "512 characters");
    assert_eq!(check_token(&"a".repeat(513)), Err(TooLong), "513 characters");
    assert_eq!(check_token(&format!("  {}  ", "a".repeat(512))).map(str::len), Ok(512));
    assert_eq!(check_token(&"a".repeat(10_000)), Err(TooLong));
}

#[test]
fn token_hints_show_the_last_four_characters() {
    assert_eq!(token_hint("f9LHodD0cOIv2yHfW2Qv-x7Qa"), "…x7Qa");
    assert_eq!(token_hint("abc"), "…abc");
    assert_eq!(token_hint(""), "…");
}

#[test]
fn text_length_counts_code_points_after_trimming() {
    let cases = [
        ("Привет", 6),
        ("👍", 1),
        ("👨‍👩‍👧", 5),
        ("  пробелы  ", 7),
        ("\n строка\nвторая \n", 13),
        ("", 0),
    ];
    for (text, len) in cases {
        assert_eq!(text_len(text), len, "{text:?}");
    }
}

#[test]
fn message_text_rules() {
    let cases: Vec<(String, bool, Option<FieldErrorCode>)> = vec![
        ("".into(), true, Some(Required)),
        ("   \n ".into(), true, Some(Required)),
        ("".into(), false, None),
        ("a".repeat(250), true, None),
        ("я".repeat(250), true, None),
        (format!("{}👍", "я".repeat(249)), true, None),
        ("a".repeat(251), true, Some(TooLong)),
        ("я".repeat(251), false, Some(TooLong)),
        (format!("  {}  ", "a".repeat(250)), true, None),
        (format!("{}👨‍👩‍👧", "a".repeat(245)), true, None),
        (format!("{}👨‍👩‍👧", "a".repeat(246)), true, Some(TooLong)),
        ("строка\nвторая".into(), true, None),
        ("таб\tвнутри".into(), true, Some(BadCharacters)),
        ("звонок\u{7}".into(), true, Some(BadCharacters)),
        ("возврат\rкаретки".into(), true, Some(BadCharacters)),
        ("нуль\u{0}".into(), true, Some(BadCharacters)),
    ];
    for (text, required, expected) in cases {
        assert_eq!(check_text(&text, required), expected, "text {text:?} required={required}");
    }
}

#[test]
fn auto_reply_ranges_and_count() {
    let delay = |d: i64| {
        let mut s = base();
        s.auto_replies = vec![reply(d, "Здравствуйте!")];
        errors(&s, true)
    };
    assert_eq!(delay(0), vec![]);
    assert_eq!(delay(86_400), vec![]);
    assert_eq!(delay(-1), one("auto_replies[0].delay_seconds", OutOfRange));
    assert_eq!(delay(86_401), one("auto_replies[0].delay_seconds", OutOfRange));

    let interval = |i: i64| {
        let mut s = base();
        s.auto_replies = vec![AutoReply {
            repeat: Repeat::Every { interval_seconds: i },
            ..reply(0, "Ждём ответа")
        }];
        errors(&s, true)
    };
    assert_eq!(interval(59), one("auto_replies[0].repeat.interval_seconds", OutOfRange));
    assert_eq!(interval(60), vec![]);
    assert_eq!(interval(86_400), vec![]);
    assert_eq!(interval(86_401), one("auto_replies[0].repeat.interval_seconds", OutOfRange));

    let count = |n: i64| {
        let mut s = base();
        s.auto_replies = (0..n).map(|i| reply(i * 60, "Текст")).collect();
        errors(&s, true)
    };
    assert_eq!(count(10), vec![]);
    assert_eq!(count(11), one("auto_replies", TooMany));
}

#[test]
fn duplicate_delay_is_reported_on_the_later_row() {
    let mut s = base();
    s.auto_replies = vec![reply(0, "a"), reply(60, "b"), reply(0, "c"), reply(60, "d")];
    assert_eq!(
        errors(&s, true),
        vec![
            ("auto_replies[2].delay_seconds".into(), DuplicateDelay),
            ("auto_replies[3].delay_seconds".into(), DuplicateDelay),
        ]
    );
    let mut s = base();
    s.non_working_hours = NonWorkingHours::AutoReplies {
        auto_replies: vec![reply(30, "a"), reply(30, "b")],
    };
    assert_eq!(
        errors(&s, true),
        one("non_working_hours.auto_replies[1].delay_seconds", DuplicateDelay)
    );
}

#[test]
fn closing_text_is_required_only_while_enabled() {
    let closing = |enabled: bool, text: &str| {
        let mut s = base();
        s.closing_message = ClosingMessage {
            enabled,
            text: text.into(),
        };
        errors(&s, true)
    };
    assert_eq!(closing(true, ""), one("closing_message.text", Required));
    assert_eq!(closing(true, "  "), one("closing_message.text", Required));
    assert_eq!(closing(false, ""), vec![]);
    assert_eq!(closing(false, "Сохранённый текст"), vec![]);
    assert_eq!(closing(true, "Спасибо!"), vec![]);
    assert_eq!(closing(false, &"a".repeat(251)), one("closing_message.text", TooLong));
}

#[test]
fn auto_close_range() {
    let after = |m: i64, enabled: bool| {
        let mut s = base();
        s.auto_close = AutoClose {
            enabled,
            after_minutes: m,
        };
        errors(&s, true)
    };
    assert_eq!(after(4, true), one("auto_close.after_minutes", OutOfRange));
    assert_eq!(after(5, true), vec![]);
    assert_eq!(after(43_200, true), vec![]);
    assert_eq!(after(43_201, true), one("auto_close.after_minutes", OutOfRange));
    // The schema bounds the period whether or not the switch is on.
    assert_eq!(after(0, false), one("auto_close.after_minutes", OutOfRange));
}

#[test]
fn routing_rules() {
    let routing = |r: Routing, chat_bots: bool| {
        let mut s = base();
        s.routing = r;
        errors(&s, chat_bots)
    };
    assert_eq!(
        routing(Routing::Employee { employee_id: "".into() }, true),
        one("routing.employee_id", Required)
    );
    assert_eq!(
        routing(Routing::Group { group_id: " ".into() }, true),
        one("routing.group_id", Required)
    );
    let bot = |fallback: Option<Target>| Routing::ChatBot {
        chat_bot_id: "b-faq".into(),
        fallback,
    };
    assert_eq!(routing(bot(None), true), one("routing.fallback", Required));
    assert_eq!(
        routing(bot(Some(Target::Group { group_id: "".into() })), true),
        one("routing.fallback.group_id", Required)
    );
    assert_eq!(
        routing(bot(Some(Target::Employee { employee_id: "e-1".into() })), true),
        vec![]
    );
    assert_eq!(
        routing(bot(Some(Target::Employee { employee_id: "e-1".into() })), false),
        one("routing.type", ServiceNotConnected)
    );
}

#[test]
fn non_working_hours_rules() {
    let nwh = |n: NonWorkingHours, chat_bots: bool| {
        let mut s = base();
        s.non_working_hours = n;
        errors(&s, chat_bots)
    };
    assert_eq!(
        nwh(NonWorkingHours::ChatBot { chat_bot_id: "b-night".into() }, true),
        vec![]
    );
    assert_eq!(
        nwh(NonWorkingHours::ChatBot { chat_bot_id: "b-night".into() }, false),
        one("non_working_hours.mode", ServiceNotConnected)
    );
    assert_eq!(
        nwh(NonWorkingHours::AutoReplies { auto_replies: vec![] }, true),
        one("non_working_hours.auto_replies", Required)
    );
    assert_eq!(
        nwh(
            NonWorkingHours::AutoReplies {
                auto_replies: (0..11).map(|i| reply(i, "Мы не работаем")).collect()
            },
            true
        ),
        one("non_working_hours.auto_replies", TooMany)
    );
    assert_eq!(
        nwh(
            NonWorkingHours::AutoReplies {
                auto_replies: vec![reply(0, ""), reply(5, &"ж".repeat(251))]
            },
            true
        ),
        vec![
            ("non_working_hours.auto_replies[0].text".into(), Required),
            ("non_working_hours.auto_replies[1].text".into(), TooLong),
        ]
    );
    // "Never both" is the type itself: the JSON cannot say both.
    let both = serde_json::json!({"mode": "chat_bot", "chat_bot_id": "b", "auto_replies": []});
    let decoded: NonWorkingHours = serde_json::from_value(both).unwrap();
    assert_eq!(decoded, NonWorkingHours::ChatBot { chat_bot_id: "b".into() });
}

#[test]
fn the_token_is_required_on_a_write_only_while_none_is_stored() {
    let write = |token: Option<&str>| SettingsWrite {
        token: token.map(Into::into),
        settings: base(),
    };
    let ctx = |stored| WriteContext {
        chat_bots_service: true,
        token_stored: stored,
    };
    let paths = |w: &SettingsWrite, c| {
        validate_write(w, c)
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&write(None), ctx(false)), one("token", Required));
    assert_eq!(paths(&write(None), ctx(true)), vec![]);
    assert_eq!(paths(&write(Some(" ")), ctx(true)), one("token", Required));
    assert_eq!(paths(&write(Some("a b")), ctx(true)), one("token", BadCharacters));
    assert_eq!(paths(&write(Some("abc")), ctx(false)), vec![]);
}

struct Dir;
impl Directory for Dir {
    fn has_employee(&self, id: &str) -> bool {
        id == "e-1"
    }
    fn has_group(&self, id: &str) -> bool {
        id == "g-1"
    }
    fn has_chat_bot(&self, id: &str) -> bool {
        id == "b-1"
    }
}

#[test]
fn unknown_references() {
    let mut s = base();
    s.routing = Routing::ChatBot {
        chat_bot_id: "b-2".into(),
        fallback: Some(Target::Group { group_id: "g-2".into() }),
    };
    s.non_working_hours = NonWorkingHours::ChatBot {
        chat_bot_id: "b-1".into(),
    };
    let found: Vec<_> = validate_references(&s, &Dir).into_iter().map(|e| (e.path, e.code)).collect();
    assert_eq!(
        found,
        vec![
            ("routing.chat_bot_id".into(), UnknownReference),
            ("routing.fallback.group_id".into(), UnknownReference),
        ]
    );
    s.routing = Routing::Employee { employee_id: "e-1".into() };
    assert!(validate_references(&s, &Dir).is_empty());
}

#[test]
fn every_error_carries_russian_prose() {
    let mut s = base();
    s.auto_replies = vec![reply(-5, ""), reply(-5, &"x".repeat(300))];
    s.closing_message.enabled = true;
    for e in validate_settings(&s, false) {
        assert!(!e.message.is_empty(), "{e:?}");
        assert!(e.message.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())), "{e:?}");
    }
}

#[test]
fn normalized_trims_texts() {
    let mut s = base();
    s.auto_replies = vec![reply(0, "  Здравствуйте!\n")];
    s.closing_message.text = " Спасибо ".into();
    let n = normalized(&s);
    assert_eq!(n.auto_replies[0].text, "Здравствуйте!");
    assert_eq!(n.closing_message.text, "Спасибо");
}
