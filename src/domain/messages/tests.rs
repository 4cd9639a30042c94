//! The messages' texts and counts, as the person reads them.

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
