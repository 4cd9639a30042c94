//! The contract's schemas as serde types. Field names, tags and nullability follow the
//! OpenAPI document exactly; unknown response fields are ignored (no `deny_unknown_fields`).
//!
//! Numbers the person types (delays, intervals, periods) are `i64` rather than unsigned:
//! a negative value then decodes and is refused by validation with a field path
//! (422 `out_of_range`) instead of failing the whole body.

use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

string_enum! {
    /// `ChannelState`.
    pub enum ChannelState {
        /// «Не подключён»: never connected, or disconnected.
        NotConnected = "not_connected",
        /// «Токен авторизован»: a token was verified, the settings are not saved yet.
        TokenAuthorized = "token_authorized",
        /// «Подключён»: saved and receiving dialogs.
        Connected = "connected",
        /// «Требует внимания»: connected, but MAX refuses the token, blocked the bot, or
        /// removed the webhook subscription.
        Error = "error",
    }
}

string_enum! {
    /// `ChannelKind`: a client must still show a tile of a kind it does not know.
    pub enum ChannelKind {
        Max = "max",
        Telegram = "telegram",
        Whatsapp = "whatsapp",
        Vk = "vk",
        WebWidget = "web_widget",
        MobileSdk = "mobile_sdk",
        Avito = "avito",
    }
}

string_enum! {
    /// `MaxChannel.state_reason` with state `error`.
    pub enum StateReason {
        TokenRevoked = "token_revoked",
        BotBlocked = "bot_blocked",
        MaxUnavailable = "max_unavailable",
        /// MAX removed the webhook subscription (after ~8 h of failed deliveries).
        SubscriptionLost = "subscription_lost",
    }
}

string_enum! {
    /// `Group.distribution`, set in the VATS cabinet and shown read-only.
    pub enum Distribution {
        RoundRobin = "round_robin",
        AllAtOnce = "all_at_once",
        InOrder = "in_order",
        LeastBusy = "least_busy",
    }
}

string_enum! {
    /// `Error.code`: stable, what clients branch on.
    pub enum ErrorCode {
        BadRequest = "bad_request",
        Unauthorized = "unauthorized",
        Forbidden = "forbidden",
        NotFound = "not_found",
        VersionConflict = "version_conflict",
        /// 428: a save without `If-Match` or `If-None-Match` (a client defect).
        PreconditionRequired = "precondition_required",
        ValidationFailed = "validation_failed",
        TokenInvalid = "token_invalid",
        MaxUnavailable = "max_unavailable",
        RateLimited = "rate_limited",
        Internal = "internal",
    }
}

string_enum! {
    /// `FieldError.code`.
    pub enum FieldErrorCode {
        Required = "required",
        TooLong = "too_long",
        TooShort = "too_short",
        OutOfRange = "out_of_range",
        TooMany = "too_many",
        DuplicateDelay = "duplicate_delay",
        BadCharacters = "bad_characters",
        TokenInvalid = "token_invalid",
        ServiceNotConnected = "service_not_connected",
        UnknownReference = "unknown_reference",
    }
}

/// `ChannelTile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelTile {
    pub kind: ChannelKind,
    pub title: String,
    pub state: ChannelState,
    pub available: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// 1.2: with state `error`, why (as `MaxChannel.state_reason`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_reason: Option<StateReason>,
}

/// One section of «Группы каналов».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelGroup {
    pub id: String,
    pub title: String,
    pub channels: Vec<ChannelTile>,
}

/// `ChannelGroups`: the answer of `listChannelGroups`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelGroups {
    pub groups: Vec<ChannelGroup>,
}

/// `Money`: minor units (kopecks for RUB) and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount_minor: u64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pricing {
    pub monthly_fee: Money,
}

/// `BotInfo`: the MAX bot a token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotInfo {
    pub user_id: i64,
    pub first_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Features {
    /// The VATS has the «Чат-боты» service; without it no chat-bot can be chosen anywhere.
    pub chat_bots_service: bool,
}

/// `MaxChannel`: the «О канале» page and the channel's current state.
/// The optional fields are always written (as `null` when absent), as the back end does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaxChannel {
    pub kind: ChannelKind,
    pub title: String,
    pub state: ChannelState,
    #[serde(default)]
    pub state_reason: Option<StateReason>,
    pub pricing: Pricing,
    pub guide_url: String,
    #[serde(default)]
    pub distribution_settings_url: Option<String>,
    #[serde(default)]
    pub non_working_hours_rules_url: Option<String>,
    #[serde(default)]
    pub bot: Option<BotInfo>,
    #[serde(default)]
    pub token_hint: Option<String>,
    pub features: Features,
}

/// `TokenVerifyRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenVerifyRequest {
    pub token: String,
}

/// `TokenVerifyResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenVerifyResponse {
    pub bot: BotInfo,
}

/// `Target`: who takes a dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    Employee { employee_id: String },
    Group { group_id: String },
}

/// `Routing`: «Кто будет принимать обращение».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Routing {
    Employee {
        employee_id: String,
    },
    Group {
        group_id: String,
    },
    ChatBot {
        chat_bot_id: String,
        /// Required by the schema. Decoded leniently so that a body without it is refused
        /// with the field error `routing.fallback` / `required`, not as a malformed body.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<Target>,
    },
}

/// `Repeat`: «Периодичность».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Repeat {
    Once,
    Every { interval_seconds: i64 },
}

/// `AutoReply`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoReply {
    /// «Через какое время отправить», from the client's message; 0 means at once.
    pub delay_seconds: i64,
    pub text: String,
    pub repeat: Repeat,
}

/// `ClosingMessage`: the text is required while enabled and kept while disabled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingMessage {
    pub enabled: bool,
    pub text: String,
}

/// `NonWorkingHours`: the chat-bot and the auto-replies can never both be on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum NonWorkingHours {
    Off,
    ChatBot { chat_bot_id: String },
    AutoReplies { auto_replies: Vec<AutoReply> },
}

/// `AutoClose`: close a dialog after this long without messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoClose {
    pub enabled: bool,
    pub after_minutes: i64,
}

/// `Settings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub routing: Routing,
    pub auto_replies: Vec<AutoReply>,
    pub closing_message: ClosingMessage,
    pub non_working_hours: NonWorkingHours,
    pub auto_close: AutoClose,
}

/// `SettingsWrite`: the body of `putMaxSettings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsWrite {
    /// Carried on the first save (and the first after a disconnect), or to replace the token;
    /// omitted to keep the stored one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    pub settings: Settings,
    /// 1.2: the version this save restores («Вернуть эту версию»): the history then says
    /// `restored`. Omitted by an ordinary save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from: Option<String>,
}

/// `VersionedSettings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionedSettings {
    pub version: String,
    pub settings: Settings,
}

/// `Employee`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
}

/// The answer of `listEmployees`: one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeePage {
    pub items: Vec<Employee>,
    pub next_cursor: Option<String>,
}

/// `Group`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub members: u32,
    pub distribution: Distribution,
}

/// The answer of `listGroups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupList {
    pub items: Vec<Group>,
}

/// `ChatBot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatBot {
    pub id: String,
    pub name: String,
}

/// The answer of `listChatBots`; empty when the service is not connected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatBotList {
    pub items: Vec<ChatBot>,
}

/// `FieldError`: one bad field, by its path inside `SettingsWrite` without `settings.`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub path: String,
    pub code: FieldErrorCode,
    pub message: String,
}

/// `Error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// `ErrorBody`: the body of every non-2xx answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiErrorDetail,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorBody { error: ApiErrorDetail { code, message: message.into(), fields: Vec::new() } }
    }
}

/// `ConflictBody`: the 412 answer, with the settings someone else saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictBody {
    pub error: ApiErrorDetail,
    pub current: VersionedSettings,
}

/// The query of `listEmployees`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Comma-separated ids to resolve (for showing a saved choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<String>,
}

impl EmployeeQuery {
    pub const DEFAULT_LIMIT: u32 = 50;
    pub const MAX_LIMIT: u32 = 100;
    pub const MAX_QUERY_CHARS: usize = 100;
}

impl Settings {
    /// Every chat-bot the settings refer to, with the path of the control that chose it.
    pub fn chat_bot_choices(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if let Routing::ChatBot { chat_bot_id, .. } = &self.routing {
            out.push(("routing.type", chat_bot_id.as_str()));
        }
        if let NonWorkingHours::ChatBot { chat_bot_id } = &self.non_working_hours {
            out.push(("non_working_hours.mode", chat_bot_id.as_str()));
        }
        out
    }
}
