//! [`FromJson`] for every body the app reads, field for field as serde's derives read
//! them: an `Option` may be absent, a `#[serde(default)]` field is marked `#[default]`,
//! unknown fields are ignored. `tests/decoder_properties.rs` holds the two to each other.

use crate::from_json_struct;
use crate::json::{Fields, FromJson, Json, JsonError};
use crate::*;

from_json_struct! {
    ChannelTile { kind, title, state, available, icon_url, state_reason }
    ChannelGroup { id, title, channels }
    ChannelGroups { groups }
    Money { amount_minor, currency }
    Pricing { monthly_fee }
    BotInfo { user_id, first_name, username, avatar_url }
    Features { chat_bots_service }
    MaxChannel {
        kind, title, state, state_reason, pricing, guide_url, distribution_settings_url,
        non_working_hours_rules_url, bot, token_hint, features,
    }
    TokenVerifyRequest { token }
    TokenVerifyResponse { bot }
    AutoReply { delay_seconds, text, repeat }
    ClosingMessage { enabled, text }
    AutoClose { enabled, after_minutes }
    Settings { routing, auto_replies, closing_message, non_working_hours, auto_close }
    SettingsWrite { token, settings, restored_from }
    VersionedSettings { version, settings }
    Employee { id, name, extension }
    EmployeePage { items, next_cursor }
    Group { id, name, members, distribution }
    GroupList { items }
    ChatBot { id, name }
    ChatBotList { items }
    FieldError { path, code, message }
    ApiErrorDetail { code, message, #[default] fields }
    ErrorBody { error }
    ConflictBody { error, current }
    TokenHealth { status, reason }
    SubscriptionHealth { status, url, update_types, missing_types, since }
    DeliveryError { at, message }
    Outage { from, to }
    DeliveryHealth { last_inbound_at, failing_since, last_error, last_outage }
    ChannelHealth { checked_at, overall, token, subscription, delivery }
    Actor { id, name }
    HistoryEntry { version, at, actor, event, token_replaced, settings, restored_from }
    HistoryPage { items, next_cursor }
    TimeInterval { from, to }
    ScheduleException { date, title, intervals }
    WorkSchedule { timezone, week, exceptions, settings_url }
    DeliveryReceived { at, via, from_name }
    DeliveryReply { state, at, error }
    DeliveryTest { id, state, code, link, created_at, expires_at, received, reply }
    SourceItem { label, dialogs, by_day }
    SourceStats { timezone, from, to, total, items }
}

/// serde's `#[serde(tag = "…", rename_all = "snake_case")]`: the tag and the variant's
/// fields in one object.
impl FromJson for Target {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        let mut f = Fields::of(json)?;
        let tag = f.tag("type")?;
        match tag.as_str() {
            "employee" => Ok(Target::Employee { employee_id: f.take("employee_id")? }),
            "group" => Ok(Target::Group { group_id: f.take("group_id")? }),
            _ => Err(JsonError::Tag(tag)),
        }
    }
}

impl FromJson for Routing {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        let mut f = Fields::of(json)?;
        let tag = f.tag("type")?;
        match tag.as_str() {
            "employee" => Ok(Routing::Employee { employee_id: f.take("employee_id")? }),
            "group" => Ok(Routing::Group { group_id: f.take("group_id")? }),
            "chat_bot" => Ok(Routing::ChatBot { chat_bot_id: f.take("chat_bot_id")?, fallback: f.take("fallback")? }),
            _ => Err(JsonError::Tag(tag)),
        }
    }
}

impl FromJson for Repeat {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        let mut f = Fields::of(json)?;
        let tag = f.tag("type")?;
        match tag.as_str() {
            "once" => Ok(Repeat::Once),
            "every" => Ok(Repeat::Every { interval_seconds: f.take("interval_seconds")? }),
            _ => Err(JsonError::Tag(tag)),
        }
    }
}

impl FromJson for NonWorkingHours {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        let mut f = Fields::of(json)?;
        let tag = f.tag("mode")?;
        match tag.as_str() {
            "off" => Ok(NonWorkingHours::Off),
            "chat_bot" => Ok(NonWorkingHours::ChatBot { chat_bot_id: f.take("chat_bot_id")? }),
            "auto_replies" => Ok(NonWorkingHours::AutoReplies { auto_replies: f.take("auto_replies")? }),
            _ => Err(JsonError::Tag(tag)),
        }
    }
}
