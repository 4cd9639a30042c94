//! [`ToJson`] for the bodies the app sends (`putMaxSettings`, `verifyMaxToken`), member for
//! member as serde's derives write them: `#[skip]` where serde skips `None`, tags first.
//! `tests/encoder_properties.rs` compares the two on arbitrary settings.

use crate::json::{Members, ToJson};
use crate::to_json_struct;
use crate::*;

to_json_struct! {
    TokenVerifyRequest { token }
    SettingsWrite { #[skip] token, settings, #[skip] restored_from }
    Settings { routing, auto_replies, closing_message, non_working_hours, auto_close }
    AutoReply { delay_seconds, text, repeat }
    ClosingMessage { enabled, text }
    AutoClose { enabled, after_minutes }
}

/// An internally tagged unit variant: an object of the tag alone.
fn tag_only<'a>(out: &'a mut String, key: &str, tag: &str) -> Members<'a> {
    let mut members = Members::start(out);
    members.member(key, tag);
    members
}

/// An internally tagged variant: the tag first, then its first field (the caller adds any
/// others before `end`).
fn tagged<'a, T: ToJson + ?Sized>(out: &'a mut String, key: &str, tag: &str, field: &str, value: &T) -> Members<'a> {
    let mut members = tag_only(out, key, tag);
    members.member(field, value);
    members
}

impl ToJson for Target {
    fn write_json(&self, out: &mut String) {
        let members = match self {
            Target::Employee { employee_id } => tagged(out, "type", "employee", "employee_id", employee_id),
            Target::Group { group_id } => tagged(out, "type", "group", "group_id", group_id),
        };
        members.end();
    }
}

impl ToJson for Routing {
    fn write_json(&self, out: &mut String) {
        let members = match self {
            Routing::Employee { employee_id } => tagged(out, "type", "employee", "employee_id", employee_id),
            Routing::Group { group_id } => tagged(out, "type", "group", "group_id", group_id),
            Routing::ChatBot { chat_bot_id, fallback } => {
                let mut members = tagged(out, "type", "chat_bot", "chat_bot_id", chat_bot_id);
                members.member_unless_absent("fallback", fallback);
                members
            }
        };
        members.end();
    }
}

impl ToJson for Repeat {
    fn write_json(&self, out: &mut String) {
        let members = match self {
            Repeat::Once => tag_only(out, "type", "once"),
            Repeat::Every { interval_seconds } => tagged(out, "type", "every", "interval_seconds", interval_seconds),
        };
        members.end();
    }
}

impl ToJson for NonWorkingHours {
    fn write_json(&self, out: &mut String) {
        let members = match self {
            NonWorkingHours::Off => tag_only(out, "mode", "off"),
            NonWorkingHours::ChatBot { chat_bot_id } => tagged(out, "mode", "chat_bot", "chat_bot_id", chat_bot_id),
            NonWorkingHours::AutoReplies { auto_replies } => {
                tagged(out, "mode", "auto_replies", "auto_replies", auto_replies)
            }
        };
        members.end();
    }
}
