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
mod tests;

/// Bad input → the Russian message exactly as the person sees it under the control, by the
/// path the UI takes: the contract's rule gives a code, `field_message` picks the catalogue
/// entry. Literal strings on purpose: a catalogue change shows up here (and e2e tests match
/// on these texts). docs/bad-input.md lists the same rows.
#[cfg(test)]
mod bad_input;
