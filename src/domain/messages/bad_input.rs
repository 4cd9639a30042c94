//! Bad input → the Russian message exactly as the person sees it under the control.

use max_channel_contract::{check_token, check_write_token, FieldError};
use max_channel_fake::samples;

use max_channel_contract::FieldErrorCode;

use super::{field_message, token_message};
use crate::domain::SettingsForm;
use crate::i18n::{Locale, Msg};

fn ru(e: &FieldError) -> &'static str {
    field_message(&e.path, &e.code).text(Locale::Ru)
}

const TOKEN_EMPTY: &str = "Вставьте токен из MAX.";
const TOKEN_SPACE: &str = "Уберите пробелы внутри токена — он пишется без пробелов.";
const TOKEN_LINE: &str = "Уберите из токена табуляцию и переводы строки — токен пишется одной строкой.";
const TOKEN_CONTROL: &str = "В токене невидимые управляющие символы — скопируйте его из MAX заново.";
const TOKEN_CYRILLIC: &str = "В токене русские буквы — проверьте раскладку: токен пишется латиницей.";
const TOKEN_SYMBOLS: &str =
    "В токене символы, которых в токенах MAX не бывает (например, эмодзи): только латинские буквы, цифры и знаки.";
const TOKEN_LONG: &str = "Токен — не длиннее 512 символов.";

/// «Проверить» (ui/settings/token.rs): `check_token`, its code, and what the token holds.
fn token_says(raw: &str) -> Option<&'static str> {
    check_token(raw).err().map(|code| token_message(raw, &code).text(Locale::Ru))
}

#[test]
fn tokens() {
    let cases: Vec<(String, Option<&str>)> = vec![
        ("".into(), Some(TOKEN_EMPTY)),
        ("   ".into(), Some(TOKEN_EMPTY)),
        ("\t\n".into(), Some(TOKEN_EMPTY)),
        ("  f9LHodD0cOIv2yHfW2Qv-x7Qa  ".into(), None),
        ("f9LHodD0 cOIv2yHf".into(), Some(TOKEN_SPACE)),
        ("f9LHodD0\tcOIv2yHf".into(), Some(TOKEN_LINE)),
        ("f9LHodD0\ncOIv2yHf".into(), Some(TOKEN_LINE)),
        ("f9LHodD0\u{a0}cOIv2yHf".into(), Some(TOKEN_SPACE)),
        ("токенМАКС".into(), Some(TOKEN_CYRILLIC)),
        ("f9LHodD0👍".into(), Some(TOKEN_SYMBOLS)),
        ("f9LHodD0\u{0}".into(), Some(TOKEN_CONTROL)),
        ("f9LHodD0\u{1b}cOIv".into(), Some(TOKEN_CONTROL)),
        ("f9LHodD0\u{7f}cOIv".into(), Some(TOKEN_CONTROL)),
        ("a".repeat(512), None),
        ("a".repeat(513), Some(TOKEN_LONG)),
        ("a".repeat(10_000), Some(TOKEN_LONG)),
        ("ж".repeat(600), Some(TOKEN_CYRILLIC)),
    ];
    for (input, expected) in cases {
        assert_eq!(token_says(&input), expected, "token {:?}", input.chars().take(30).collect::<String>());
    }
    // «Сохранить» (ui/settings/mod.rs): a blank field keeps a stored token; with none
    // stored the token is required.
    let save = |raw: &str, stored: bool| {
        let typed = Some(raw).filter(|t| !t.trim().is_empty());
        check_write_token(typed, stored).err().map(|e| token_message(raw, &e.code).text(Locale::Ru))
    };
    assert_eq!(save("", false), Some(TOKEN_EMPTY));
    assert_eq!(save("  ", true), None);
    assert_eq!(save("a b", true), Some(TOKEN_SPACE));
}

const TEXT_EMPTY: &str = "Введите текст сообщения.";
const TEXT_LONG: &str = "Не больше 250 символов.";
const TEXT_CHARS: &str = "Уберите управляющие символы (например, табуляцию): допустимы только переводы строки.";

/// «Сохранить» with `text` in the first auto-reply, the closing message, and a
/// non-working-hours auto-reply; all three controls must say the same.
fn text_says(text: &str) -> Option<&'static str> {
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.replies[0].text = text.into();
    form.closing_text = text.into();
    form.non_working.replies[0].text = text.into();
    let errors = form.to_settings(true).err().unwrap_or_default();
    let at = |path: &str| errors.iter().find(|e| e.path == path).map(ru);
    let reply = at("auto_replies[0].text");
    assert_eq!(at("closing_message.text"), reply, "{text:?}");
    assert_eq!(at("non_working_hours.auto_replies[0].text"), reply, "{text:?}");
    reply
}

#[test]
fn texts() {
    let family3 = "👨‍👩‍👧"; // 5 code points
    let family4 = "👨‍👩‍👧‍👦"; // 7 code points
    let cases: Vec<(String, Option<&str>)> = vec![
        ("".into(), Some(TEXT_EMPTY)),
        (" \n\t ".into(), Some(TEXT_EMPTY)),
        ("a".repeat(250), None),
        ("я".repeat(250), None),
        (format!("{}👍", "я".repeat(249)), None),
        (format!("{}{family3}", "я".repeat(245)), None),
        (format!("{}{family3}", "я".repeat(246)), Some(TEXT_LONG)),
        (format!("{}{family4}", "я".repeat(243)), None),
        (format!("{}{family4}", "я".repeat(244)), Some(TEXT_LONG)),
        ("a".repeat(251), Some(TEXT_LONG)),
        (format!("  {}  \n", "a".repeat(250)), None),
        ("Здравствуйте!\nМы ответим\n\nв течение часа.".into(), None),
        ("Здравствуйте!\tМы ответим".into(), Some(TEXT_CHARS)),
        ("Здравствуйте!\r\nМы ответим".into(), Some(TEXT_CHARS)),
        ("Звонок\u{7}".into(), Some(TEXT_CHARS)),
        ("Нуль\u{0}внутри".into(), Some(TEXT_CHARS)),
        ("Escape\u{1b}[31m".into(), Some(TEXT_CHARS)),
    ];
    for (input, expected) in cases {
        assert_eq!(text_says(&input), expected, "text {:?}", input.chars().take(30).collect::<String>());
    }
    // A switched-off closing message may be empty; its kept text still has the rules.
    let mut form = SettingsForm::from_settings(&samples::settings());
    form.closing_enabled = false;
    form.closing_text = String::new();
    assert!(form.to_settings(true).is_ok());
    form.closing_text = "a".repeat(251);
    let errors = form.to_settings(true).unwrap_err();
    assert_eq!(errors.iter().map(ru).collect::<Vec<_>>(), [TEXT_LONG]);
}

/// Each cause its own message at each control; causes the contract gives one code share
/// it (inner space, control character and non-ASCII in a token are all `bad_characters`).
#[test]
fn distinct_causes_read_differently() {
    let token = [token_says(""), token_says(&"a".repeat(513)), token_says("a b")];
    let text = [text_says(""), text_says(&"a".repeat(251)), text_says("a\tb")];
    for messages in [&token[..], &text[..]] {
        for (i, a) in messages.iter().enumerate() {
            assert!(a.is_some());
            assert!(!messages[..i].contains(a), "{a:?} twice in {messages:?}");
        }
    }
}

#[test]
fn each_kind_of_bad_token_character_has_its_own_message() {
    let bad = FieldErrorCode::BadCharacters;
    let table = [
        ("inner space", Msg::ErrTokenSpace),
        ("no\u{a0}break", Msg::ErrTokenSpace),
        ("tab\there", Msg::ErrTokenLineBreak),
        ("new\nline", Msg::ErrTokenLineBreak),
        ("nul\u{0}char", Msg::ErrTokenControl),
        ("del\u{7f}char", Msg::ErrTokenControl),
        ("токен", Msg::ErrTokenCyrillic),
        ("tokеn-with-one-cyrillic-e", Msg::ErrTokenCyrillic),
        ("emoji-😀-token", Msg::ErrTokenSymbols),
        ("plain-ascii", Msg::ErrTokenChars),
    ];
    for (token, want) in table {
        assert_eq!(token_message(token, &bad), want, "{token:?}");
        // The contract agrees that each of them is bad (the fallback excepted).
        if want != Msg::ErrTokenChars {
            assert_eq!(max_channel_contract::check_token(token), Err(bad.clone()), "{token:?}");
        }
    }
    // Other codes keep their one message.
    assert_eq!(token_message("", &FieldErrorCode::Required), Msg::ErrTokenRequired);
    let distinct: std::collections::HashSet<_> = table.iter().map(|(_, m)| m).collect();
    assert_eq!(distinct.len(), 6);
}
