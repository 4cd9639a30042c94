//! Each body type decoded by serde and by the app's reader; the tags, integer ranges and string enums the outcomes depend on.

use super::*;

impl Dto {
    pub(super) fn decode(self, input: Input<'_>) -> Result<Value, String> {
        match self {
            Dto::ChannelGroups => decode_as::<ChannelGroups>(input),
            Dto::MaxChannel => decode_as::<MaxChannel>(input),
            Dto::TokenVerifyResponse => decode_as::<TokenVerifyResponse>(input),
            Dto::VersionedSettings => decode_as::<VersionedSettings>(input),
            Dto::EmployeePage => decode_as::<EmployeePage>(input),
            Dto::GroupList => decode_as::<GroupList>(input),
            Dto::ChatBotList => decode_as::<ChatBotList>(input),
            Dto::ErrorBody => decode_as::<ErrorBody>(input),
            Dto::ConflictBody => decode_as::<ConflictBody>(input),
            Dto::TokenVerifyRequest => decode_as::<TokenVerifyRequest>(input),
            Dto::SettingsWrite => decode_as::<SettingsWrite>(input),
            Dto::ChannelHealth => decode_as::<ChannelHealth>(input),
            Dto::WorkSchedule => decode_as::<WorkSchedule>(input),
            Dto::HistoryPage => decode_as::<HistoryPage>(input),
            Dto::DeliveryTest => decode_as::<DeliveryTest>(input),
            Dto::SourceStats => decode_as::<SourceStats>(input),
        }
    }

    /// Fields that may be absent (`Option` or `#[serde(default)]`), as dotted paths without
    /// array indices. Every other field is required.
    pub(super) fn removable(self) -> &'static [&'static str] {
        match self {
            Dto::ChannelGroups => &["groups.channels.icon_url", "groups.channels.state_reason"],
            Dto::MaxChannel => &[
                "state_reason",
                "distribution_settings_url",
                "non_working_hours_rules_url",
                "bot",
                "bot.username",
                "bot.avatar_url",
                "token_hint",
            ],
            Dto::TokenVerifyResponse => &["bot.username", "bot.avatar_url"],
            Dto::VersionedSettings => &["settings.routing.fallback"],
            Dto::EmployeePage => &["items.extension", "next_cursor"],
            Dto::GroupList | Dto::ChatBotList | Dto::TokenVerifyRequest => &[],
            Dto::ErrorBody => &["error.fields"],
            Dto::ConflictBody => &["error.fields", "current.settings.routing.fallback"],
            Dto::SettingsWrite => &["token", "settings.routing.fallback", "restored_from"],
            Dto::ChannelHealth => &[
                "token.reason",
                "subscription.url",
                "subscription.since",
                "delivery.last_inbound_at",
                "delivery.failing_since",
                "delivery.last_error",
                "delivery.last_outage",
                // Required by the schema, but an `Option`: serde reads an absent one as `None`.
                "delivery.last_outage.to",
            ],
            Dto::WorkSchedule => &["exceptions.title", "settings_url"],
            Dto::HistoryPage => &[
                "next_cursor",
                "items.version",
                "items.actor",
                "items.settings",
                "items.settings.routing.fallback",
                "items.restored_from",
            ],
            // Required by the schema, all of them, but `Option`s.
            Dto::DeliveryTest => &["received", "received.from_name", "reply", "reply.error"],
            Dto::SourceStats => &["items.label"],
        }
    }

    /// Fields that may be `null`: the `Option`s. (`error.fields` may be absent, not null.)
    pub(super) fn nullable(self, dotted: &str) -> bool {
        self.removable().contains(&dotted) && !dotted.ends_with("error.fields")
    }
}

/// The tag fields of the internally tagged enums, with every value the contract names.
pub(super) const TAGS: [(&str, &[&str]); 2] =
    [("type", &["employee", "group", "chat_bot", "once", "every"]), ("mode", &["off", "chat_bot", "auto_replies"])];
pub(super) fn is_tag(key: &str) -> bool {
    TAGS.iter().any(|(k, _)| *k == key)
}

/// The integer range of the Rust type behind an integer field, by the field's dotted path
/// (an array's items count as its field: `items.by_day`).
pub(super) fn fits(dotted: &str, n: &serde_json::Number) -> bool {
    let u32_max = u64::from(u32::MAX);
    match dotted.rsplit('.').next().unwrap_or("") {
        "amount_minor" => n.is_u64(),
        "members" | "dialogs" | "total" | "by_day" => n.as_u64().is_some_and(|n| n <= u32_max),
        _ => n.is_i64(),
    }
}

/// The string enums that keep unknown values (`Other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StringEnum {
    ChannelKind,
    ChannelState,
    StateReason,
    Distribution,
    ErrorCode,
    FieldErrorCode,
    HealthStatus,
    SubscriptionStatus,
    HistoryEvent,
    DeliveryTestState,
    ReceivedVia,
    ReplyState,
}

/// The string enum at a location, by the body's type and the dotted path: one key holds
/// different enums in different places (`state` is a `ChannelState` in a tile, a
/// `DeliveryTestState` at the top of a `DeliveryTest`, a `ReplyState` in its `reply`;
/// `code` is an `ErrorCode`, a `FieldErrorCode` in `fields`, and no enum at all in a
/// `DeliveryTest`).
pub(super) fn string_enum_at(dto: Dto, dotted: &str) -> Option<StringEnum> {
    use StringEnum as E;
    let error = |dotted: &str| match dotted {
        "error.code" => Some(E::ErrorCode),
        "error.fields.code" => Some(E::FieldErrorCode),
        _ => None,
    };
    match (dto, dotted) {
        (Dto::ChannelGroups, "groups.channels.kind") | (Dto::MaxChannel, "kind") => Some(E::ChannelKind),
        (Dto::ChannelGroups, "groups.channels.state") | (Dto::MaxChannel, "state") => Some(E::ChannelState),
        (Dto::ChannelGroups, "groups.channels.state_reason")
        | (Dto::MaxChannel, "state_reason")
        | (Dto::ChannelHealth, "token.reason") => Some(E::StateReason),
        (Dto::GroupList, "items.distribution") => Some(E::Distribution),
        (Dto::ErrorBody | Dto::ConflictBody, _) => error(dotted),
        (Dto::ChannelHealth, "overall" | "token.status") => Some(E::HealthStatus),
        (Dto::ChannelHealth, "subscription.status") => Some(E::SubscriptionStatus),
        (Dto::HistoryPage, "items.event") => Some(E::HistoryEvent),
        (Dto::DeliveryTest, "state") => Some(E::DeliveryTestState),
        (Dto::DeliveryTest, "received.via") => Some(E::ReceivedVia),
        (Dto::DeliveryTest, "reply.state") => Some(E::ReplyState),
        _ => None,
    }
}

impl StringEnum {
    /// Whether `text` decodes as this enum to `Other` (unknown) rather than a known value.
    pub(super) fn is_other(self, text: &str) -> bool {
        fn other<T: DeserializeOwned>(text: &str) -> T {
            serde_json::from_value(Value::String(text.to_owned())).expect("any string decodes as a string enum")
        }
        match self {
            StringEnum::ChannelKind => !other::<ChannelKind>(text).is_known(),
            StringEnum::ChannelState => !other::<ChannelState>(text).is_known(),
            StringEnum::StateReason => !other::<StateReason>(text).is_known(),
            StringEnum::Distribution => !other::<Distribution>(text).is_known(),
            StringEnum::ErrorCode => !other::<ErrorCode>(text).is_known(),
            StringEnum::FieldErrorCode => !other::<FieldErrorCode>(text).is_known(),
            StringEnum::HealthStatus => !other::<HealthStatus>(text).is_known(),
            StringEnum::SubscriptionStatus => !other::<SubscriptionStatus>(text).is_known(),
            StringEnum::HistoryEvent => !other::<HistoryEvent>(text).is_known(),
            StringEnum::DeliveryTestState => !other::<DeliveryTestState>(text).is_known(),
            StringEnum::ReceivedVia => !other::<ReceivedVia>(text).is_known(),
            StringEnum::ReplyState => !other::<ReplyState>(text).is_known(),
        }
    }

    /// Every value the contract names.
    pub(super) fn known(self) -> Vec<String> {
        fn names<T: ToString>(known: &[T]) -> Vec<String> {
            known.iter().map(ToString::to_string).collect()
        }
        match self {
            StringEnum::ChannelKind => names(ChannelKind::KNOWN),
            StringEnum::ChannelState => names(ChannelState::KNOWN),
            StringEnum::StateReason => names(StateReason::KNOWN),
            StringEnum::Distribution => names(Distribution::KNOWN),
            StringEnum::ErrorCode => names(ErrorCode::KNOWN),
            StringEnum::FieldErrorCode => names(FieldErrorCode::KNOWN),
            StringEnum::HealthStatus => names(HealthStatus::KNOWN),
            StringEnum::SubscriptionStatus => names(SubscriptionStatus::KNOWN),
            StringEnum::HistoryEvent => names(HistoryEvent::KNOWN),
            StringEnum::DeliveryTestState => names(DeliveryTestState::KNOWN),
            StringEnum::ReceivedVia => names(ReceivedVia::KNOWN),
            StringEnum::ReplyState => names(ReplyState::KNOWN),
        }
    }
}
