//! Which catalogue message a field error shows: by its code and the control its path names.

use max_channel_contract::{text_len, FieldErrorCode, TEXT_MAX_CHARS};

use crate::domain::{FieldPath, ReplyField, SettingsForm};
use crate::i18n::{count, Msg, Tr};

/// The message under a control for `code` at the raw `path`: [`message_at`] the path it names.
pub fn field_message(path: &str, code: &FieldErrorCode) -> Msg {
    message_at(FieldPath::parse(path), code)
}

/// The message under a control for `code` at `path` (`None`: a path the form does not know,
/// which gets the code's general message).
pub fn message_at(path: Option<FieldPath>, code: &FieldErrorCode) -> Msg {
    use FieldPath as P;
    let is_token = path == Some(P::Token);
    // A number control: its range's message.
    let range = match path {
        Some(P::Reply { field: ReplyField::Delay, .. }) => Some(Msg::ErrDelayRange),
        Some(P::Reply { field: ReplyField::RepeatInterval, .. }) => Some(Msg::ErrIntervalRange),
        Some(P::AutoCloseAfter) => Some(Msg::ErrAutoCloseRange),
        _ => None,
    };
    match code {
        FieldErrorCode::Required if is_token => Msg::ErrTokenRequired,
        FieldErrorCode::Required if range.is_some() => Msg::ErrNumberRequired,
        FieldErrorCode::Required => match path {
            Some(P::Fallback) => Msg::ErrFallback,
            Some(P::RoutingEmployee | P::FallbackEmployee) => Msg::ErrChooseEmployee,
            Some(P::RoutingGroup | P::FallbackGroup) => Msg::ErrChooseGroup,
            Some(P::RoutingChatBot | P::NonWorkingChatBot) => Msg::ErrChooseChatBot,
            Some(P::Reply { field: ReplyField::Text, .. } | P::ClosingText) => Msg::ErrTextRequired,
            Some(P::Replies(_)) => Msg::ErrRepliesRequired,
            _ => Msg::ErrRequired,
        },
        FieldErrorCode::TooLong if is_token => Msg::ErrTokenTooLong,
        FieldErrorCode::TooLong | FieldErrorCode::TooShort => Msg::ErrTextTooLong,
        FieldErrorCode::BadCharacters if is_token => Msg::ErrTokenChars,
        FieldErrorCode::BadCharacters => Msg::ErrTextChars,
        FieldErrorCode::OutOfRange => range.unwrap_or(Msg::ErrOutOfRange),
        FieldErrorCode::TooMany => Msg::ErrTooMany,
        FieldErrorCode::DuplicateDelay => Msg::ErrDuplicateDelay,
        FieldErrorCode::TokenInvalid => Msg::ErrTokenInvalid,
        FieldErrorCode::ServiceNotConnected => Msg::ErrServiceOff,
        FieldErrorCode::UnknownReference => Msg::ErrUnknownReference,
        FieldErrorCode::Other(other) => match other.as_str() {
            "not_a_number" => Msg::ErrNotANumber,
            "not_whole" => Msg::ErrNotWhole,
            "has_spaces" => Msg::ErrHasSpaces,
            _ => Msg::ErrFieldOther,
        },
    }
}

/// How many characters the text at `path` has beyond the limit, as the contract counts
/// them: «Сократите на 21 символ» says what to do where «Не больше 250» leaves the counting
/// to the person. `None` for a control that is no text, or a text that fits.
pub fn chars_over(form: &SettingsForm, path: FieldPath) -> Option<usize> {
    let text = match path {
        FieldPath::ClosingText => &form.closing_text,
        FieldPath::Reply { list, index, field: ReplyField::Text } => &list.rows(form).get(index)?.text,
        _ => return None,
    };
    text_len(text).checked_sub(TEXT_MAX_CHARS).filter(|over| *over > 0)
}

/// The words under a control for `code` at `path` in `form`: [`field_message`]'s, except
/// for a text over the limit, which says how much to cut.
pub fn field_text(tr: Tr, form: &SettingsForm, path: &str, code: &FieldErrorCode) -> String {
    let at = FieldPath::parse(path);
    match (message_at(at, code), at.and_then(|at| chars_over(form, at))) {
        (Msg::ErrTextTooLong, Some(over)) => {
            tr.f(Msg::ErrTextCut, &[("count", &count(tr.0, Msg::UnitChar, over as u64))])
        }
        (msg, _) => tr.t(msg).to_owned(),
    }
}

/// The message for a token error, naming what is wrong with `token` itself: the contract
/// has one code (`bad_characters`) for a space, a line break, Cyrillic or an emoji, but the
/// person fixes each differently.
pub fn token_message(token: &str, code: &FieldErrorCode) -> Msg {
    if *code != FieldErrorCode::BadCharacters {
        return message_at(Some(FieldPath::Token), code);
    }
    let inner = token.trim();
    let has = |test: fn(char) -> bool| inner.chars().any(test);
    if has(|c| matches!(c, '\t' | '\n' | '\r')) {
        Msg::ErrTokenLineBreak
    } else if has(char::is_control) {
        Msg::ErrTokenControl
    } else if has(char::is_whitespace) {
        Msg::ErrTokenSpace
    } else if has(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        Msg::ErrTokenCyrillic
    } else if has(|c| !c.is_ascii()) {
        Msg::ErrTokenSymbols
    } else {
        Msg::ErrTokenChars
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NumberError, ReplyForm, ReplyList};

    #[test]
    fn a_long_text_counts_what_to_cut_as_the_contract_counts() {
        let mut form = SettingsForm {
            closing_text: format!("  {}  ", "ж".repeat(271)),
            replies: vec![ReplyForm { text: "😀".repeat(250), ..ReplyForm::default() }],
            ..SettingsForm::default()
        };
        assert_eq!(chars_over(&form, FieldPath::ClosingText), Some(21), "trimmed, code points");
        let text = |index| ReplyList::Working.row(index, ReplyField::Text);
        assert_eq!(chars_over(&form, text(0)), None, "exactly 250 fits");
        form.replies[0].text.push('ё');
        assert_eq!(chars_over(&form, text(0)), Some(1));
        assert_eq!(chars_over(&form, text(5)), None, "a row the list does not have");
        assert_eq!(chars_over(&form, FieldPath::Token), None, "not a text of the form");
    }

    #[test]
    fn each_rule_has_its_own_message_at_its_control() {
        use FieldErrorCode::*;
        let cases = [
            ("token", Required, Msg::ErrTokenRequired),
            ("token", TooLong, Msg::ErrTokenTooLong),
            ("token", BadCharacters, Msg::ErrTokenChars),
            ("token", TokenInvalid, Msg::ErrTokenInvalid),
            ("routing.fallback", Required, Msg::ErrFallback),
            ("routing.fallback.group_id", Required, Msg::ErrChooseGroup),
            ("routing.employee_id", Required, Msg::ErrChooseEmployee),
            ("routing.type", ServiceNotConnected, Msg::ErrServiceOff),
            ("auto_replies", TooMany, Msg::ErrTooMany),
            ("auto_replies[3].text", Required, Msg::ErrTextRequired),
            ("auto_replies[3].text", TooLong, Msg::ErrTextTooLong),
            ("auto_replies[3].text", BadCharacters, Msg::ErrTextChars),
            ("auto_replies[3].delay_seconds", OutOfRange, Msg::ErrDelayRange),
            ("auto_replies[3].delay_seconds", DuplicateDelay, Msg::ErrDuplicateDelay),
            ("auto_replies[0].repeat.interval_seconds", OutOfRange, Msg::ErrIntervalRange),
            ("non_working_hours.auto_replies", Required, Msg::ErrRepliesRequired),
            ("auto_close.after_minutes", OutOfRange, Msg::ErrAutoCloseRange),
            ("routing.chat_bot_id", UnknownReference, Msg::ErrUnknownReference),
        ];
        for (path, code, msg) in cases {
            assert_eq!(field_message(path, &code), msg, "{path} {code}");
        }
        let numbers = [
            (NumberError::Empty, Msg::ErrNumberRequired),
            (NumberError::NotANumber, Msg::ErrNotANumber),
            (NumberError::Decimal, Msg::ErrNotWhole),
            (NumberError::Spaces, Msg::ErrHasSpaces),
            (NumberError::TooLarge, Msg::ErrDelayRange),
        ];
        for (error, msg) in numbers {
            assert_eq!(field_message("auto_replies[0].delay_seconds", &error.code()), msg, "{error:?}");
        }
    }

    /// A path the form does not know has the code's general message, whatever its last name.
    #[test]
    fn unknown_paths_have_the_general_messages() {
        use FieldErrorCode::*;
        for path in ["routing.zzz", "schedule.text", "auto_replies[0].zzz", "delay_seconds", ""] {
            assert_eq!(field_message(path, &Required), Msg::ErrRequired, "{path}");
            assert_eq!(field_message(path, &OutOfRange), Msg::ErrOutOfRange, "{path}");
            assert_eq!(field_message(path, &TooLong), Msg::ErrTextTooLong, "{path}");
        }
        assert_eq!(message_at(None, &BadCharacters), Msg::ErrTextChars);
        let interval = crate::domain::ReplyList::NonWorking.row(4, ReplyField::RepeatInterval);
        assert_eq!(message_at(Some(interval), &OutOfRange), Msg::ErrIntervalRange);
        assert_eq!(message_at(Some(FieldPath::Token), &Required), Msg::ErrTokenRequired);
    }
}

/// Bad input → the Russian message exactly as the person sees it under the control, by the
/// path the UI takes: the contract's rule gives a code, `field_message` picks the catalogue
/// entry. Literal strings on purpose: a catalogue change shows up here (and e2e tests match
/// on these texts). docs/bad-input.md lists the same rows.
#[cfg(test)]
mod bad_input {
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
}
