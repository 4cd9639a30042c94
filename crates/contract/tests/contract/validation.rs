//! A table of cases per contract rule, with the boundaries on both sides.

use max_channel_contract::*;
use FieldErrorCode::*;

fn base() -> Settings {
    Settings {
        routing: Routing::Employee { employee_id: "e-101".into() },
        auto_replies: vec![],
        closing_message: ClosingMessage { enabled: false, text: String::new() },
        non_working_hours: NonWorkingHours::Off,
        auto_close: AutoClose { enabled: false, after_minutes: 60 },
    }
}

fn reply(delay_seconds: i64, text: &str) -> AutoReply {
    AutoReply { delay_seconds, text: text.into(), repeat: Repeat::Once }
}

/// The errors as `(path, code)` pairs.
fn errors(settings: &Settings, chat_bots: bool) -> Vec<(String, FieldErrorCode)> {
    validate_settings(settings, chat_bots).into_iter().map(|e| (e.path, e.code)).collect()
}

fn one(path: &str, code: FieldErrorCode) -> Vec<(String, FieldErrorCode)> {
    vec![(path.to_owned(), code)]
}

/// A refusal: the code and the back end's message.
type Refused = (FieldErrorCode, &'static str);

/// The back end's prose for the token's errors (`FieldError.message`); the app shows its
/// catalogue's wording instead (src/domain/messages.rs has that table).
const TOKEN_EMPTY: &str = "Введите токен.";
const TOKEN_CHARS: &str = "Токен состоит из латинских букв, цифр и знаков, без пробелов.";
const TOKEN_LONG: &str = "Токен не длиннее 512 символов.";

/// Token: input → the trimmed token, or the code and the back end's message. One code,
/// `bad_characters`, covers inner white space, control characters and anything outside
/// printable ASCII: the contract names no finer codes.
#[test]
fn token_rules() {
    let cases: Vec<(String, Result<String, Refused>)> = vec![
        // Empty after trimming.
        ("".into(), Err((Required, TOKEN_EMPTY))),
        ("   ".into(), Err((Required, TOKEN_EMPTY))),
        ("\t\n".into(), Err((Required, TOKEN_EMPTY))),
        ("\u{a0}\u{3000}\u{2028}".into(), Err((Required, TOKEN_EMPTY))),
        // Surrounding white space is trimmed, Unicode spaces too.
        ("  abc-DEF_123  ".into(), Ok("abc-DEF_123".into())),
        ("\tabc\r\n".into(), Ok("abc".into())),
        ("\u{a0}abc\u{feff}".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("\u{a0}abc\u{2009}".into(), Ok("abc".into())),
        ("!~".into(), Ok("!~".into())),
        // Inner white space.
        ("abc def".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\tdef".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\ndef".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\r\ndef".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{a0}def".into(), Err((BadCharacters, TOKEN_CHARS))),
        // Not ASCII.
        ("токен".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abcу".into(), Err((BadCharacters, TOKEN_CHARS))), // a Cyrillic «у» that looks Latin
        ("abc👍".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{200b}def".into(), Err((BadCharacters, TOKEN_CHARS))), // zero-width space
        ("abc\u{ad}def".into(), Err((BadCharacters, TOKEN_CHARS))),   // soft hyphen
        // Control characters.
        ("abc\u{0}def".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{1b}def".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{7f}def".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{85}def".into(), Err((BadCharacters, TOKEN_CHARS))),
        ("abc\u{0}".into(), Err((BadCharacters, TOKEN_CHARS))),
        // Length: 512 fits, 513 does not; a bad character is named before the length.
        ("a".repeat(512), Ok("a".repeat(512))),
        (format!("  {}  ", "a".repeat(512)), Ok("a".repeat(512))),
        ("a".repeat(513), Err((TooLong, TOKEN_LONG))),
        ("a".repeat(10_000), Err((TooLong, TOKEN_LONG))),
        (format!("{} b", "a".repeat(600)), Err((BadCharacters, TOKEN_CHARS))),
        ("ж".repeat(600), Err((BadCharacters, TOKEN_CHARS))),
    ];
    for (input, expected) in cases {
        let got = check_token(&input).map(str::to_owned).map_err(|code| {
            let message = field_error("token", code.clone()).message;
            (code, message)
        });
        let expected = expected.map_err(|(code, message)| (code, message.to_owned()));
        assert_eq!(got, expected, "token {:?}", input.chars().take(40).collect::<String>());
    }
}

#[test]
fn token_hints_show_the_last_four_characters() {
    assert_eq!(token_hint("f9LHodD0cOIv2yHfW2Qv-x7Qa"), "…x7Qa");
    assert_eq!(token_hint("abc"), "…abc");
    assert_eq!(token_hint(""), "…");
}

#[test]
fn text_length_counts_code_points_after_trimming() {
    let cases = [("Привет", 6), ("👍", 1), ("👨‍👩‍👧", 5), ("  пробелы  ", 7), ("\n строка\nвторая \n", 13), ("", 0)];
    for (text, len) in cases {
        assert_eq!(text_len(text), len, "{text:?}");
    }
}

const TEXT_EMPTY: &str = "Заполните поле.";
const TEXT_LONG: &str = "Не больше 250 символов.";
const TEXT_CHARS: &str = "Текст содержит недопустимые управляющие символы.";

/// `MessageText`: input → the code and the back end's message (`None`: accepted). Lengths
/// are code points after trimming, as openapi.yaml says: «👨‍👩‍👧» (three people, two ZWJ)
/// is 5, «👨‍👩‍👧‍👦» (four people, three ZWJ) is 7, «👍🏽» (with a skin tone) is 2.
#[test]
fn message_text_rules() {
    let family3 = "👨‍👩‍👧";
    let family4 = "👨‍👩‍👧‍👦";
    assert_eq!((text_len(family3), text_len(family4), text_len("👍🏽")), (5, 7, 2));
    let cases: Vec<(String, bool, Option<Refused>)> = vec![
        // Empty: required, except for a switched-off closing message.
        ("".into(), true, Some((Required, TEXT_EMPTY))),
        ("   \n ".into(), true, Some((Required, TEXT_EMPTY))),
        ("\u{a0}\u{2028}".into(), true, Some((Required, TEXT_EMPTY))),
        ("".into(), false, None),
        ("  ".into(), false, None),
        // Length.
        ("a".repeat(250), true, None),
        ("я".repeat(250), true, None),
        (format!("{}👍", "я".repeat(249)), true, None),
        (format!("  {}  ", "a".repeat(250)), true, None),
        (format!("{}{family3}", "a".repeat(245)), true, None),
        (format!("{}{family3}", "a".repeat(246)), true, Some((TooLong, TEXT_LONG))),
        (format!("{}{family4}", "a".repeat(243)), true, None),
        (format!("{}{family4}", "a".repeat(244)), true, Some((TooLong, TEXT_LONG))),
        (family4.repeat(35), true, None),
        (family4.repeat(36), true, Some((TooLong, TEXT_LONG))),
        ("a".repeat(251), true, Some((TooLong, TEXT_LONG))),
        ("я".repeat(251), false, Some((TooLong, TEXT_LONG))),
        ("я".repeat(10_000), true, Some((TooLong, TEXT_LONG))),
        // Line breaks are allowed; other control characters are not.
        ("строка\nвторая".into(), true, None),
        ("\n\nмного\n\n\nпустых строк\n".into(), true, None),
        ("разделитель\u{2028}строк".into(), true, None),
        ("таб\tвнутри".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("звонок\u{7}".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("возврат\rкаретки".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("строка\r\nвторая".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("нуль\u{0}".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("escape\u{1b}[31m".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("удаление\u{7f}".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("C1\u{85}внутри".into(), true, Some((BadCharacters, TEXT_CHARS))),
        ("таб\tвнутри".into(), false, Some((BadCharacters, TEXT_CHARS))),
        // A control character is named before the length.
        (format!("{}\t", "a".repeat(300)) + "b", true, Some((BadCharacters, TEXT_CHARS))),
        // Trimmed away, so allowed: surrounding tabs and carriage returns.
        ("\t Привет \r\n".into(), true, None),
        // Format characters are not control characters: ZWJ, ZWSP, BOM, soft hyphen.
        ("a\u{200d}b\u{200b}c\u{feff}d\u{ad}".into(), true, None),
    ];
    for (text, required, expected) in cases {
        let got = check_text(&text, required).map(|code| {
            let message = field_error("auto_replies[0].text", code.clone()).message;
            (code, message)
        });
        let expected = expected.map(|(code, message)| (code, message.to_owned()));
        assert_eq!(got, expected, "text {:?} required={required}", text.chars().take(40).collect::<String>());
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
        s.auto_replies =
            vec![AutoReply { repeat: Repeat::Every { interval_seconds: i }, ..reply(0, "Ждём ответа") }];
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
    s.non_working_hours = NonWorkingHours::AutoReplies { auto_replies: vec![reply(30, "a"), reply(30, "b")] };
    assert_eq!(errors(&s, true), one("non_working_hours.auto_replies[1].delay_seconds", DuplicateDelay));
}

#[test]
fn closing_text_is_required_only_while_enabled() {
    let closing = |enabled: bool, text: &str| {
        let mut s = base();
        s.closing_message = ClosingMessage { enabled, text: text.into() };
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
        s.auto_close = AutoClose { enabled, after_minutes: m };
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
    assert_eq!(routing(Routing::Employee { employee_id: "".into() }, true), one("routing.employee_id", Required));
    assert_eq!(routing(Routing::Group { group_id: " ".into() }, true), one("routing.group_id", Required));
    let bot = |fallback: Option<Target>| Routing::ChatBot { chat_bot_id: "b-faq".into(), fallback };
    assert_eq!(routing(bot(None), true), one("routing.fallback", Required));
    assert_eq!(
        routing(bot(Some(Target::Group { group_id: "".into() })), true),
        one("routing.fallback.group_id", Required)
    );
    assert_eq!(routing(bot(Some(Target::Employee { employee_id: "e-1".into() })), true), vec![]);
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
    assert_eq!(nwh(NonWorkingHours::ChatBot { chat_bot_id: "b-night".into() }, true), vec![]);
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
        nwh(NonWorkingHours::AutoReplies { auto_replies: vec![reply(0, ""), reply(5, &"ж".repeat(251))] }, true),
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
    let write =
        |token: Option<&str>| SettingsWrite { token: token.map(Into::into), settings: base(), restored_from: None };
    let ctx = |stored| WriteContext { chat_bots_service: true, token_stored: stored };
    let paths = |w: &SettingsWrite, c| validate_write(w, c).into_iter().map(|e| (e.path, e.code)).collect::<Vec<_>>();
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
    s.routing =
        Routing::ChatBot { chat_bot_id: "b-2".into(), fallback: Some(Target::Group { group_id: "g-2".into() }) };
    s.non_working_hours = NonWorkingHours::ChatBot { chat_bot_id: "b-1".into() };
    let found: Vec<_> = validate_references(&s, &Dir).into_iter().map(|e| (e.path, e.code)).collect();
    assert_eq!(
        found,
        vec![("routing.chat_bot_id".into(), UnknownReference), ("routing.fallback.group_id".into(), UnknownReference),]
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
