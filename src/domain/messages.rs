//! Which catalogue message a field error shows: by its code and the control its path names.

use max_channel_contract::FieldErrorCode;

use crate::i18n::Msg;

/// The last name of a path: `auto_replies[1].text` → `text`.
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The message under a control for `code` at `path`.
pub fn field_message(path: &str, code: &FieldErrorCode) -> Msg {
    let leaf = leaf(path);
    let is_token = path == "token";
    let is_number = matches!(leaf, "delay_seconds" | "interval_seconds" | "after_minutes");
    match code {
        FieldErrorCode::Required if is_token => Msg::ErrTokenRequired,
        FieldErrorCode::Required if is_number => Msg::ErrNumberRequired,
        FieldErrorCode::Required => match leaf {
            "fallback" => Msg::ErrFallback,
            "employee_id" => Msg::ErrChooseEmployee,
            "group_id" => Msg::ErrChooseGroup,
            "chat_bot_id" => Msg::ErrChooseChatBot,
            "text" => Msg::ErrTextRequired,
            _ if path.ends_with("auto_replies") => Msg::ErrRepliesRequired,
            _ => Msg::ErrRequired,
        },
        FieldErrorCode::TooLong if is_token => Msg::ErrTokenTooLong,
        FieldErrorCode::TooLong | FieldErrorCode::TooShort => Msg::ErrTextTooLong,
        FieldErrorCode::BadCharacters if is_token => Msg::ErrTokenChars,
        FieldErrorCode::BadCharacters => Msg::ErrTextChars,
        FieldErrorCode::OutOfRange => match leaf {
            "delay_seconds" => Msg::ErrDelayRange,
            "interval_seconds" => Msg::ErrIntervalRange,
            "after_minutes" => Msg::ErrAutoCloseRange,
            _ => Msg::ErrOutOfRange,
        },
        FieldErrorCode::TooMany => Msg::ErrTooMany,
        FieldErrorCode::DuplicateDelay => Msg::ErrDuplicateDelay,
        FieldErrorCode::TokenInvalid => Msg::ErrTokenInvalid,
        FieldErrorCode::ServiceNotConnected => Msg::ErrServiceOff,
        FieldErrorCode::UnknownReference => Msg::ErrUnknownReference,
        FieldErrorCode::Other(other) => match other.as_str() {
            "not_a_number" => Msg::ErrNotANumber,
            "not_whole" => Msg::ErrNotWhole,
            "has_spaces" => Msg::ErrHasSpaces,
            "required" => Msg::ErrNumberRequired,
            "out_of_range" => Msg::ErrOutOfRange,
            _ => Msg::ErrFieldOther,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NumberError;

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
        ];
        for (error, msg) in numbers {
            assert_eq!(field_message("auto_replies[0].delay_seconds", &error.code()), msg, "{error:?}");
        }
    }
}
