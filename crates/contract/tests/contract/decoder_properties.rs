//! The contract's decoders never panic, whatever the back end (or anyone) sends, and where
//! the outcome of a broken body is knowable it is the one the contract implies:
//!
//! - arbitrary JSON trees (deep, huge numbers, strings with control characters and any
//!   Unicode) and arbitrary bytes decode to `Ok` or `Err` as every type, through
//!   `from_value`, `from_str` and `from_slice` alike, and the three agree;
//! - the real examples, mutated one change at a time: a required field removed is `Err`, an
//!   optional one `Ok`; a value of another JSON type is `Err`; any string where a string
//!   goes, any in-range integer where an integer goes, and an unknown value of a string enum
//!   (decoded as `Other`) are `Ok` and re-encode to exactly the mutated JSON; an unknown tag
//!   of `Routing`/`Repeat`/`NonWorkingHours` is `Err`; an unknown field is ignored; text cut
//!   short or carrying a byte that is not UTF-8 is `Err`.
//!
//! Anything that decodes re-encodes to JSON that decodes to the same value. And the app's
//! own reader (`json::FromJson`, decision 65) reads every one of these inputs as serde
//! does: the same value, or an error wherever serde errs.

use crate::common;

use std::fmt::Debug;
use std::sync::OnceLock;

use max_channel_contract::arbitrary::any_string;
use max_channel_contract::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

fn cases() -> u32 {
    common::cases_at_least(10_000)
}

max_channel_kit::closed_enum! {
    /// Every body type the app decodes from the back end (the responses) and the dev back end
    /// decodes from the app (the requests).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Dto {
        ChannelGroups,
        MaxChannel,
        TokenVerifyResponse,
        VersionedSettings,
        EmployeePage,
        GroupList,
        ChatBotList,
        ErrorBody,
        ConflictBody,
        TokenVerifyRequest,
        SettingsWrite,
        ChannelHealth,
        WorkSchedule,
        HistoryPage,
        DeliveryTest,
        SourceStats,
    }
}

/// One way in to the decoder.
#[derive(Clone, Copy)]
enum Input<'a> {
    Value(&'a Value),
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// Decodes as `T`; on success re-encodes, checks that the re-encoding decodes to the same
/// value, and returns the re-encoded JSON. The app's own reader ([`json::FromJson`]) reads
/// the same input and must agree: the same value, or an error wherever serde errs.
fn decode_as<T>(input: Input<'_>) -> Result<Value, String>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug + json::FromJson,
{
    let decoded: Result<T, String> = match input {
        Input::Value(v) => serde_json::from_value(v.clone()),
        Input::Text(s) => serde_json::from_str(s),
        Input::Bytes(b) => serde_json::from_slice(b),
    }
    .map_err(|e| e.to_string());
    app_reader_agrees(input, decoded.as_ref());
    let decoded = decoded?;
    let encoded = serde_json::to_value(&decoded).expect("a decoded value encodes");
    let again: T = serde_json::from_value(encoded.clone()).unwrap_or_else(|e| {
        panic!("{} re-encodes to JSON it cannot decode: {e}\n{encoded}", std::any::type_name::<T>())
    });
    assert_eq!(again, decoded, "{} is not stable through encode/decode", std::any::type_name::<T>());
    Ok(encoded)
}

/// The app's reader on the same input: what serde reads it reads the same, what serde
/// refuses it refuses. It may refuse more only where serde is laxer than the contract: a
/// struct written as an array of its fields, an integer tag, nesting deeper than 100, bytes
/// that are not UTF-8 (the app reads text).
fn app_reader_agrees<T>(input: Input<'_>, serde: Result<&T, &String>)
where
    T: PartialEq + Debug + json::FromJson,
{
    let text = match input {
        Input::Value(v) => Some(v.to_string()),
        Input::Text(s) => Some(s.to_owned()),
        Input::Bytes(b) => String::from_utf8(b.to_vec()).ok(),
    };
    let Some(text) = text else { return };
    let name = std::any::type_name::<T>();
    match (serde, json::from_json_str::<T>(&text)) {
        (Ok(theirs), Ok(ours)) => assert_eq!(&ours, theirs, "{name}: the app's reader reads {text} otherwise"),
        (Err(e), Ok(ours)) => panic!("{name}: the app's reader takes {text} as {ours:?}; serde refuses it: {e}"),
        (Ok(theirs), Err(e)) => assert!(
            matches!(e, json::JsonError::Type(json::OBJECT | json::TAG) | json::JsonError::TooDeep),
            "{name}: the app's reader refuses {text} ({e}); serde reads {theirs:?}"
        ),
        (Err(_), Err(_)) => {}
    }
}

impl Dto {
    fn decode(self, input: Input<'_>) -> Result<Value, String> {
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
    fn removable(self) -> &'static [&'static str] {
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
    fn nullable(self, dotted: &str) -> bool {
        self.removable().contains(&dotted) && !dotted.ends_with("error.fields")
    }
}

/// The tag fields of the internally tagged enums, with every value the contract names.
const TAGS: [(&str, &[&str]); 2] =
    [("type", &["employee", "group", "chat_bot", "once", "every"]), ("mode", &["off", "chat_bot", "auto_replies"])];
fn is_tag(key: &str) -> bool {
    TAGS.iter().any(|(k, _)| *k == key)
}

/// The integer range of the Rust type behind an integer field, by the field's dotted path
/// (an array's items count as its field: `items.by_day`).
fn fits(dotted: &str, n: &serde_json::Number) -> bool {
    let u32_max = u64::from(u32::MAX);
    match dotted.rsplit('.').next().unwrap_or("") {
        "amount_minor" => n.is_u64(),
        "members" | "dialogs" | "total" | "by_day" => n.as_u64().is_some_and(|n| n <= u32_max),
        _ => n.is_i64(),
    }
}

/// The string enums that keep unknown values (`Other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StringEnum {
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
fn string_enum_at(dto: Dto, dotted: &str) -> Option<StringEnum> {
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
    fn is_other(self, text: &str) -> bool {
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
    fn known(self) -> Vec<String> {
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

// ---------------------------------------------------------------------------------------
// The real examples.

fn spec_example(pointer: &str) -> Value {
    let spec = common::spec();
    let at = format!("{pointer}/content/application~1json/example");
    spec.pointer(&at).unwrap_or_else(|| panic!("no example at {at}")).clone()
}

/// The spec's examples with their types, and a few more built from them and from the
/// samples written out here, so that every type and every variant of every enum has one.
fn examples() -> &'static [(Dto, Value)] {
    static EXAMPLES: OnceLock<Vec<(Dto, Value)>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let settings_get = spec_example("/paths/~1channels~1max~1settings/get/responses/200");
        let put_422 = spec_example("/paths/~1channels~1max~1settings/put/responses/422");
        let chat_bot_settings = json!({
            "routing": {"type": "chat_bot", "chat_bot_id": "b-faq", "fallback": {"type": "employee", "employee_id": "e-101"}},
            "auto_replies": [{"delay_seconds": 30, "text": "Ждите ответа 👍\nСкоро будем.", "repeat": {"type": "every", "interval_seconds": 600}}],
            "closing_message": {"enabled": false, "text": ""},
            "non_working_hours": {"mode": "chat_bot", "chat_bot_id": "b-night"},
            "auto_close": {"enabled": false, "after_minutes": 43200}
        });
        let off_settings = json!({
            "routing": {"type": "chat_bot", "chat_bot_id": "b-faq", "fallback": {"type": "group", "group_id": "g-sales"}},
            "auto_replies": [],
            "closing_message": {"enabled": true, "text": "Спасибо!"},
            "non_working_hours": {"mode": "off"},
            "auto_close": {"enabled": true, "after_minutes": 5}
        });
        let mut out = vec![
            (Dto::ChannelGroups, spec_example("/paths/~1channel-groups/get/responses/200")),
            (
                Dto::ChannelGroups,
                json!({"groups": [
                    {"id": "messengers", "title": "Мессенджеры", "channels": [
                        {"kind": "max", "title": "Max", "state": "error", "available": true, "state_reason": "bot_blocked"},
                        {"kind": "telegram", "title": "Telegram", "state": "not_connected", "available": false}
                    ]},
                    {"id": "social", "title": "Социальные сети", "channels": [
                        {"kind": "ok_ru", "title": "Одноклассники", "state": "token_authorized", "available": true, "icon_url": "/i.svg"}
                    ]}
                ]}),
            ),
            (
                Dto::ChannelGroups,
                json!({"groups": [{"id": "x", "title": "Иконки", "channels": [
                    {"kind": "max", "title": "Max", "state": "token_authorized", "available": true, "icon_url": "https://example.com/max.svg"}
                ]}]}),
            ),
            (Dto::MaxChannel, spec_example("/paths/~1channels~1max/get/responses/200")),
            (
                Dto::MaxChannel,
                json!({
                    "kind": "max", "title": "Max", "state": "error", "state_reason": "token_revoked",
                    "pricing": {"monthly_fee": {"amount_minor": 150000, "currency": "RUB"}},
                    "guide_url": "https://example.com/guide", "distribution_settings_url": null,
                    "non_working_hours_rules_url": null,
                    "bot": {"user_id": -1, "first_name": "Бот", "avatar_url": "https://example.com/a.png"},
                    "token_hint": "…x7Qa", "features": {"chat_bots_service": false}
                }),
            ),
            (
                Dto::TokenVerifyResponse,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/200"),
            ),
            (
                Dto::TokenVerifyRequest,
                spec_example("/paths/~1channels~1max~1token~1verify/post/requestBody"),
            ),
            (
                Dto::ErrorBody,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/422"),
            ),
            (
                Dto::ErrorBody,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/502"),
            ),
            (Dto::ErrorBody, put_422.clone()),
            (Dto::VersionedSettings, settings_get.clone()),
            (Dto::VersionedSettings, json!({"version": "8", "settings": chat_bot_settings})),
            (Dto::VersionedSettings, json!({"version": "", "settings": off_settings.clone()})),
            (Dto::EmployeePage, spec_example("/paths/~1employees/get/responses/200")),
            (
                Dto::EmployeePage,
                json!({"items": [{"id": "e-1", "name": "Без номера"}], "next_cursor": null}),
            ),
            (Dto::GroupList, spec_example("/paths/~1groups/get/responses/200")),
            (
                Dto::GroupList,
                json!({"items": [
                    {"id": "g-sales", "name": "Отдел продаж", "members": 12, "distribution": "round_robin"},
                    {"id": "g-support", "name": "Техподдержка", "members": 5, "distribution": "all_at_once"},
                    {"id": "g-logistics", "name": "Логистика", "members": 4, "distribution": "in_order"},
                    {"id": "g-callcenter", "name": "Контакт-центр", "members": 28, "distribution": "least_busy"},
                    {"id": "g-vip", "name": "VIP", "members": 3, "distribution": "skills_based"}
                ]}),
            ),
            (Dto::ChatBotList, spec_example("/paths/~1chat-bots/get/responses/200")),
            (
                Dto::ConflictBody,
                json!({
                    "error": {"code": "version_conflict", "message": "Настройки уже изменены."},
                    "current": settings_get.clone()
                }),
            ),
            (
                Dto::ConflictBody,
                json!({"error": put_422["error"].clone(), "current": {"version": "9", "settings": chat_bot_settings}}),
            ),
            (
                Dto::SettingsWrite,
                json!({"token": "f9LHodD0cOIv2yHfW2Qv-x7Qa", "settings": settings_get["settings"].clone()}),
            ),
            (Dto::SettingsWrite, json!({"settings": chat_bot_settings.clone()})),
            (Dto::SettingsWrite, json!({"settings": off_settings.clone(), "restored_from": "7"})),
            (Dto::ChannelHealth, spec_example("/paths/~1channels~1max~1health/get/responses/200")),
            (
                Dto::ChannelHealth,
                json!({
                    "checked_at": "2026-12-01T10:00:00+03:00", "overall": "failing",
                    "token": {"status": "failing", "reason": "bot_blocked"},
                    "subscription": {"status": "wrong_url", "url": "https://bots.example.com/h", "update_types": ["message_created"],
                        "missing_types": ["bot_started", "message_callback"], "since": "2026-11-01T09:00:00+03:00"},
                    "delivery": {"last_inbound_at": null, "failing_since": null, "last_error": null}
                }),
            ),
            (
                Dto::ChannelHealth,
                json!({
                    "checked_at": "2026-12-05T10:00:00+03:00", "overall": "ok",
                    "token": {"status": "ok"},
                    "subscription": {"status": "active", "url": "https://bots.example.com/h",
                        "update_types": ["message_created", "bot_started", "message_callback"],
                        "missing_types": [], "since": "2026-12-01T09:00:00+03:00"},
                    "delivery": {"last_inbound_at": "2026-12-05T09:58:00+03:00", "failing_since": null, "last_error": null,
                        "last_outage": {"from": "2026-11-30T22:20:00+03:00", "to": "2026-12-01T10:05:00+03:00"}}
                }),
            ),
            (Dto::WorkSchedule, spec_example("/paths/~1schedule/get/responses/200")),
            (
                Dto::WorkSchedule,
                json!({"timezone": "Asia/Vladivostok", "week": [[{"from": "00:00", "to": "24:00"}], [], [], [], [], [], []],
                    "exceptions": [{"date": "2027-01-07", "intervals": []}]}),
            ),
            (Dto::HistoryPage, spec_example("/paths/~1channels~1max~1settings~1history/get/responses/200")),
            (
                Dto::HistoryPage,
                json!({"items": [
                    {"version": "3", "at": "2026-12-01T10:02:11+03:00", "actor": null, "event": "reconnected",
                        "token_replaced": true, "settings": chat_bot_settings},
                    {"version": "2", "at": "2026-11-30T10:02:11+03:00", "actor": {"id": "e-9", "name": "Бот"}, "event": "saved",
                        "token_replaced": false, "settings": off_settings.clone()}
                ], "next_cursor": null}),
            ),
            (
                Dto::HistoryPage,
                json!({"items": [
                    {"version": "5", "at": "2026-12-05T11:00:00+03:00", "actor": {"id": "e-101", "name": "Иванова Мария"},
                        "event": "restored", "token_replaced": false, "settings": off_settings, "restored_from": "2"}
                ], "next_cursor": "c-2"}),
            ),
            (Dto::DeliveryTest, spec_example("/paths/~1channels~1max~1delivery-tests/post/responses/201")),
            (Dto::DeliveryTest, spec_example("/paths/~1channels~1max~1delivery-tests~1{id}/get/responses/200")),
            (
                Dto::DeliveryTest,
                json!({
                    "id": "dt-2", "state": "received", "code": "check_A-1",
                    "link": "https://max.ru/romashka_shop_bot?start=check_A-1",
                    "created_at": "2026-12-05T10:00:00+03:00", "expires_at": "2026-12-05T10:10:00+03:00",
                    "received": {"at": "2026-12-05T10:03:00+03:00", "via": "message", "from_name": null},
                    "reply": {"state": "failed", "at": "2026-12-05T10:03:01+03:00", "error": "MAX не принял токен бота."}
                }),
            ),
            (
                Dto::DeliveryTest,
                json!({
                    "id": "dt-3", "state": "expired", "code": "C", "link": "https://max.ru/b?start=C",
                    "created_at": "2026-12-05T09:00:00Z", "expires_at": "2026-12-05T09:10:00Z",
                    "received": null, "reply": null
                }),
            ),
            (Dto::SourceStats, spec_example("/paths/~1channels~1max~1sources/get/responses/200")),
            (
                Dto::SourceStats,
                json!({"timezone": "Asia/Vladivostok", "from": "2026-11-29", "to": "2026-12-05", "total": 3, "items": [
                    {"label": null, "dialogs": 2, "by_day": [0, 0, 0, 0, 0, 1, 1]},
                    {"label": "qr_A-1", "dialogs": 1, "by_day": [1, 0, 0, 0, 0, 0, 0]}
                ]}),
            ),
            (
                Dto::SourceStats,
                json!({"timezone": "Europe/Moscow", "from": "2026-11-06", "to": "2026-12-05", "total": 0, "items": []}),
            ),
        ];
        // Every example decodes and re-encodes to itself: the mutations below rely on it.
        for (dto, example) in &mut out {
            let encoded = dto.decode(Input::Value(example)).unwrap_or_else(|e| panic!("{dto:?}: {e}\n{example}"));
            assert_eq!(&encoded, example, "{dto:?} example does not re-encode to itself");
        }
        out
    })
}

#[test]
fn every_type_has_examples() {
    for dto in Dto::ALL {
        assert!(examples().iter().any(|(d, _)| *d == dto), "{dto:?}");
    }
    // Every variant of the 1.2 enums, and the 1.2 fields with a value.
    let texts: Vec<String> = examples().iter().map(|(_, e)| e.to_string()).collect();
    let has = |needle: &str| texts.iter().any(|t| t.contains(needle));
    for needle in [
        r#""state":"waiting""#,
        r#""state":"received""#,
        r#""state":"expired""#,
        r#""via":"bot_started""#,
        r#""via":"message""#,
        r#""state":"sent""#,
        r#""state":"failed""#,
        r#""from_name":null"#,
        r#""event":"restored""#,
        r#""label":null"#,
        r#""items":[]"#,
        r#""last_outage":{"#,
        r#""to":null"#,
        r#""restored_from":"#,
        r#""state_reason":"bot_blocked""#,
    ] {
        assert!(has(needle), "no example has {needle}");
    }
}

/// The enum dispatch is the types' own: every location it names holds, in the examples, a
/// value the contract names for that enum (a delivery test's `received` read as a
/// `ChannelState` would be `Other`) but for the unknown values put there on purpose, and
/// every enum is met somewhere.
#[test]
fn every_string_enum_location_holds_a_known_value() {
    let mut met = Vec::new();
    let mut unknown = Vec::new();
    for (dto, example) in examples() {
        for path in locations(example) {
            let here = dotted(&path);
            let (Some(string_enum), Value::String(text)) = (string_enum_at(*dto, &here), get(example, &path)) else {
                continue;
            };
            assert_eq!(string_enum.is_other(text), !string_enum.known().contains(text), "{dto:?} {here}: {text:?}");
            if string_enum.is_other(text) {
                unknown.push(format!("{dto:?} {here} = {text}"));
            } else if !met.contains(&string_enum) {
                met.push(string_enum);
            }
        }
    }
    assert_eq!(
        unknown,
        [
            "ChannelGroups groups.channels.kind = ok_ru",
            "GroupList items.distribution = skills_based",
            "HistoryPage items.event = reconnected"
        ]
    );
    assert_eq!(met.len(), 12, "enums met in the examples: {met:?}");
    // And the places a key alone would mistake.
    assert_eq!(string_enum_at(Dto::DeliveryTest, "code"), None);
    assert_eq!(string_enum_at(Dto::DeliveryTest, "reply.state"), Some(StringEnum::ReplyState));
    assert_eq!(string_enum_at(Dto::ChannelGroups, "groups.channels.state"), Some(StringEnum::ChannelState));
    assert_eq!(string_enum_at(Dto::ConflictBody, "error.fields.code"), Some(StringEnum::FieldErrorCode));
}

/// A 1.1 back end writes no `last_outage`, no `restored_from`, no tile `state_reason`: its
/// answers read as `None` through serde and the app's reader alike, and re-encode unchanged.
#[test]
fn answers_of_a_1_1_back_end_read_as_none() {
    let health = json!({
        "checked_at": "2026-12-01T10:00:00+03:00", "overall": "ok",
        "token": {"status": "ok"},
        "subscription": {"status": "active", "url": "https://bots.example.com/h",
            "update_types": ["message_created", "bot_started", "message_callback"], "missing_types": [], "since": null},
        "delivery": {"last_inbound_at": "2026-12-01T09:58:00+03:00", "failing_since": null, "last_error": null}
    });
    let ours: ChannelHealth = json::from_json_str(&health.to_string()).unwrap();
    let theirs: ChannelHealth = serde_json::from_value(health.clone()).unwrap();
    assert_eq!(ours.delivery.last_outage, None);
    assert_eq!(ours, theirs);
    assert_eq!(serde_json::to_value(&theirs).unwrap(), health);

    let page = json!({"items": [
        {"version": "2", "at": "2026-11-30T10:02:11+03:00", "actor": null, "event": "saved",
            "token_replaced": false, "settings": spec_example("/paths/~1channels~1max~1settings/get/responses/200")["settings"]}
    ], "next_cursor": null});
    let ours: HistoryPage = json::from_json_str(&page.to_string()).unwrap();
    let theirs: HistoryPage = serde_json::from_value(page.clone()).unwrap();
    assert_eq!(ours.items[0].restored_from, None);
    assert_eq!(ours, theirs);
    assert_eq!(serde_json::to_value(&theirs).unwrap(), page);

    let groups = spec_example("/paths/~1channel-groups/get/responses/200");
    let ours: ChannelGroups = json::from_json_str(&groups.to_string()).unwrap();
    assert!(ours.groups.iter().flat_map(|g| &g.channels).all(|t| t.state_reason.is_none()));
    assert_eq!(serde_json::to_value(&ours).unwrap(), groups);

    // And a 1.2 value where 1.1 had none is read, not dropped.
    let mut outage = health;
    outage["delivery"]["last_outage"] = json!({"from": "2026-11-30T22:20:00+03:00", "to": null});
    let ours: ChannelHealth = json::from_json_str(&outage.to_string()).unwrap();
    assert_eq!(ours.delivery.last_outage, Some(Outage { from: "2026-11-30T22:20:00+03:00".into(), to: None }));
    assert_eq!(ours, serde_json::from_value::<ChannelHealth>(outage).unwrap());
}

// ---------------------------------------------------------------------------------------
// Paths inside a JSON value.

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

type Path = Vec<Seg>;

/// Every location below the root, parents before children.
fn locations(value: &Value) -> Vec<Path> {
    fn walk(value: &Value, here: &mut Path, out: &mut Vec<Path>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    here.push(Seg::Key(k.clone()));
                    out.push(here.clone());
                    walk(v, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    here.push(Seg::Index(i));
                    out.push(here.clone());
                    walk(v, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn get<'a>(value: &'a Value, path: &[Seg]) -> &'a Value {
    path.iter().fold(value, |v, seg| match seg {
        Seg::Key(k) => &v[k.as_str()],
        Seg::Index(i) => &v[*i],
    })
}

fn get_mut<'a>(value: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(value, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()).unwrap(),
        Seg::Index(i) => v.get_mut(*i).unwrap(),
    })
}

/// `groups[0].channels[2].icon_url` → `groups.channels.icon_url`.
fn dotted(path: &[Seg]) -> String {
    path.iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn last_key(path: &[Seg]) -> Option<&str> {
    match path.last() {
        Some(Seg::Key(k)) => Some(k),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Bool,
    Integer,
    Float,
    String,
    Array,
    Object,
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Integer,
        Value::Number(_) => Kind::Float,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}

// ---------------------------------------------------------------------------------------
// Arbitrary JSON.

/// Field names of the contract, so that arbitrary objects often look like its bodies.
const KEYS: &[&str] = &[
    "groups",
    "id",
    "title",
    "channels",
    "kind",
    "state",
    "available",
    "icon_url",
    "state_reason",
    "pricing",
    "monthly_fee",
    "amount_minor",
    "currency",
    "guide_url",
    "distribution_settings_url",
    "non_working_hours_rules_url",
    "bot",
    "user_id",
    "first_name",
    "username",
    "avatar_url",
    "token_hint",
    "features",
    "chat_bots_service",
    "token",
    "version",
    "settings",
    "routing",
    "type",
    "employee_id",
    "group_id",
    "chat_bot_id",
    "fallback",
    "auto_replies",
    "delay_seconds",
    "text",
    "repeat",
    "interval_seconds",
    "closing_message",
    "enabled",
    "non_working_hours",
    "mode",
    "auto_close",
    "after_minutes",
    "items",
    "name",
    "extension",
    "next_cursor",
    "members",
    "distribution",
    "error",
    "code",
    "message",
    "fields",
    "path",
    "current",
    "checked_at",
    "overall",
    "status",
    "reason",
    "delivery",
    "last_error",
    "last_outage",
    "from",
    "to",
    "at",
    "event",
    "actor",
    "restored_from",
    "link",
    "created_at",
    "expires_at",
    "received",
    "via",
    "from_name",
    "reply",
    "timezone",
    "total",
    "label",
    "dialogs",
    "by_day",
];

/// Values of the contract's enums and tags, and near misses.
const WORDS: &[&str] = &[
    "max",
    "telegram",
    "connected",
    "not_connected",
    "token_authorized",
    "error",
    "employee",
    "group",
    "chat_bot",
    "once",
    "every",
    "off",
    "auto_replies",
    "round_robin",
    "least_busy",
    "validation_failed",
    "version_conflict",
    "too_long",
    "required",
    "token_revoked",
    "waiting",
    "received",
    "expired",
    "bot_started",
    "message",
    "sent",
    "failed",
    "restored",
    "check-7F3K2Q",
    "2026-12-05",
    "2026-12-05T10:00:00+03:00",
    "RUB",
    "Max",
    "CONNECTED",
    "chat-bot",
    "",
    " ",
    "null",
    "true",
    "0",
    "-1",
];

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(KEYS).prop_map(str::to_owned), 1 => any_string(8)]
}

const EDGE_INTEGERS: &[i64] =
    &[0, -1, 1, 59, 60, 86_400, 86_401, 43_200, 43_201, i64::MIN, i64::MAX, 9_007_199_254_740_993];
const EDGE_UNSIGNED: &[u64] = &[u64::MAX, 1 << 63, u32::MAX as u64, u32::MAX as u64 + 1];
const EDGE_FLOATS: &[f64] = &[1e308, -1e308, 5e-324, 0.5, -0.0, 1.0, 60.0, 1e20];

fn arb_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        select(EDGE_INTEGERS).prop_map(Value::from),
        select(EDGE_UNSIGNED).prop_map(Value::from),
        // Floats, huge and tiny; non-finite ones cannot be JSON (they become null).
        any::<f64>().prop_map(Value::from),
        select(EDGE_FLOATS).prop_map(Value::from),
    ]
}

fn arb_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        3 => arb_number(),
        2 => select(WORDS).prop_map(Value::from),
        3 => any_string(24).prop_map(Value::from),
    ]
}

/// Any JSON tree: up to 6 levels of arrays and objects (deeper nesting has its own test).
fn arb_json() -> impl Strategy<Value = Value> {
    arb_scalar().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((arb_key(), inner), 0..6).prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Decodes `value` as `dto` through all three entry points; they must agree.
fn decode_everywhere(dto: Dto, value: &Value) -> Result<Value, String> {
    let from_value = dto.decode(Input::Value(value));
    let text = serde_json::to_string(value).unwrap();
    let from_str = dto.decode(Input::Text(&text));
    let from_slice = dto.decode(Input::Bytes(text.as_bytes()));
    assert_eq!(from_str.is_ok(), from_slice.is_ok(), "{dto:?}: from_str and from_slice disagree on {text}");
    assert_eq!(
        from_value.as_ref().ok(),
        from_str.as_ref().ok(),
        "{dto:?}: from_value ({from_value:?}) and from_str ({from_str:?}) disagree on {text}"
    );
    let pretty = serde_json::to_string_pretty(value).unwrap();
    assert_eq!(dto.decode(Input::Text(&pretty)).ok().as_ref(), from_str.as_ref().ok(), "{dto:?}: pretty text");
    from_value
}

// ---------------------------------------------------------------------------------------
// Mutations of the real examples.

/// Which of the candidate locations (or bytes) a mutation hits: `n % len`, so that it
/// shrinks towards the first.
type Pick = usize;

#[derive(Debug, Clone)]
enum Mutation {
    /// Remove an object member.
    Remove(Pick),
    /// Replace a value by an arbitrary one.
    Replace(Pick, Value),
    /// Put a string at a string-enum field.
    EnumValue(Pick, String),
    /// Put a value no variant has at a tag (`type`, `mode`).
    UnknownTag(Pick, String),
    /// Add a member the contract does not name.
    AddField(Pick, String, Value),
    /// Cut the text short.
    Truncate(Pick),
    /// Insert a byte that is never UTF-8.
    InvalidUtf8(Pick, u8),
    /// Overwrite a byte with any byte.
    Overwrite(Pick, u8),
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Pick>().prop_map(Mutation::Remove),
        4 => (any::<Pick>(), arb_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => (any::<Pick>(), prop_oneof![select(WORDS).prop_map(str::to_owned), any_string(16)])
            .prop_map(|(i, s)| Mutation::EnumValue(i, s)),
        1 => (any::<Pick>(), prop_oneof![select(WORDS).prop_map(str::to_owned), any_string(10)])
            .prop_map(|(i, s)| Mutation::UnknownTag(i, s)),
        2 => (any::<Pick>(), any_string(10), arb_json()).prop_map(|(i, k, v)| Mutation::AddField(i, k, v)),
        1 => any::<Pick>().prop_map(Mutation::Truncate),
        1 => (any::<Pick>(), prop_oneof![Just(0xFFu8), Just(0xC0), Just(0x80), 0xF8u8..=0xFF])
            .prop_map(|(i, b)| Mutation::InvalidUtf8(i, b)),
        1 => (any::<Pick>(), any::<u8>()).prop_map(|(i, b)| Mutation::Overwrite(i, b)),
    ]
}

/// What a mutation must give.
#[derive(Debug, PartialEq)]
enum Expect {
    Err,
    /// Decodes, whatever the value.
    Ok,
    /// Decodes and re-encodes to exactly this JSON.
    OkAs(Value),
    /// Not knowable without redoing serde: only "no panic".
    Unknown,
}

/// Applies a JSON-level mutation and says what decoding must give. `None` when the example
/// has no location the mutation applies to.
fn mutate(dto: Dto, original: &Value, mutation: &Mutation) -> Option<(Value, Expect)> {
    let mut value = original.clone();
    // Every location, the root last (only `AddField` can use it: the others need a parent).
    let mut all = locations(original);
    all.push(Vec::new());
    let pick = |filter: &dyn Fn(&Path, &Value) -> bool, n: &Pick| -> Option<Path> {
        let candidates: Vec<&Path> = all.iter().filter(|p| filter(p, get(original, p))).collect();
        (!candidates.is_empty()).then(|| candidates[n % candidates.len()].clone())
    };
    let expect = match mutation {
        Mutation::Remove(i) => {
            let path = pick(&|p, _| last_key(p).is_some(), i)?;
            let key = last_key(&path).unwrap().to_owned();
            get_mut(&mut value, &path[..path.len() - 1]).as_object_mut().unwrap().remove(&key);
            if dto.removable().contains(&dotted(&path).as_str()) {
                Expect::Ok
            } else {
                Expect::Err
            }
        }
        Mutation::Replace(i, new) => {
            let path = pick(&|p, _| !p.is_empty(), i)?;
            let here = dotted(&path);
            let key = last_key(&path).unwrap_or("").to_owned();
            let slot = get_mut(&mut value, &path);
            let old = std::mem::replace(slot, new.clone());
            match (kind(&old), kind(new)) {
                (_, Kind::Null) if dto.nullable(&here) => Expect::Ok,
                (_, Kind::Null) => Expect::Err,
                // Only optional fields hold null; what else decodes there depends on the type.
                (Kind::Null, _) => Expect::Unknown,
                (Kind::String, Kind::String) if is_tag(&key) => Expect::Unknown,
                // Inside another tagged enum serde reads an integer tag as the variant's index:
                // a quirk pinned by `integer_tags_are_variant_indices_inside_buffered_enums`.
                (Kind::String, Kind::Integer) if is_tag(&key) => Expect::Unknown,
                (Kind::String, Kind::String) | (Kind::Bool, Kind::Bool) => Expect::OkAs(value.clone()),
                (Kind::Integer, Kind::Integer) => {
                    if fits(&here, new.as_number().unwrap()) {
                        Expect::OkAs(value.clone())
                    } else {
                        Expect::Err
                    }
                }
                // serde also accepts a struct written as an array of its fields.
                (Kind::Object, Kind::Array | Kind::Object) | (Kind::Array, Kind::Array) => Expect::Unknown,
                (a, b) if a != b => Expect::Err,
                _ => Expect::Unknown,
            }
        }
        Mutation::EnumValue(i, text) => {
            let path = pick(&|p, v| v.is_string() && string_enum_at(dto, &dotted(p)).is_some(), i)?;
            let here = dotted(&path);
            let string_enum = string_enum_at(dto, &here).unwrap();
            *get_mut(&mut value, &path) = Value::String(text.clone());
            // Decided here, checked after decoding: a value the contract does not name is
            // `Other`, a named one is not.
            let unknown = !string_enum.known().contains(text);
            assert_eq!(string_enum.is_other(text), unknown, "{dto:?} {here} ({string_enum:?}) = {text:?}");
            Expect::OkAs(value.clone())
        }
        Mutation::UnknownTag(i, text) => {
            let path = pick(&|p, v| v.is_string() && last_key(p).is_some_and(is_tag), i)?;
            let key = last_key(&path).unwrap();
            let known = TAGS.iter().find(|(k, _)| *k == key).unwrap().1;
            if known.contains(&text.as_str()) {
                return None;
            }
            *get_mut(&mut value, &path) = Value::String(text.clone());
            Expect::Err
        }
        Mutation::AddField(i, name, new) => {
            let path = pick(&|_, v| v.is_object(), i)?;
            let slot = get_mut(&mut value, &path).as_object_mut().unwrap();
            let name = format!("x_{name}");
            slot.insert(name, new.clone());
            Expect::OkAs(original.clone())
        }
        Mutation::Truncate(_) | Mutation::InvalidUtf8(..) | Mutation::Overwrite(..) => return None,
    };
    Some((value, expect))
}

/// Applies a text-level mutation to the compact text of `original`.
fn mutate_bytes(original: &Value, mutation: &Mutation) -> Option<(Vec<u8>, Expect)> {
    let mut bytes = serde_json::to_vec(original).unwrap();
    let expect = match mutation {
        Mutation::Truncate(i) => {
            // Any proper prefix of an object's compact text leaves it unclosed.
            bytes.truncate(i % bytes.len());
            Expect::Err
        }
        Mutation::InvalidUtf8(i, b) => {
            bytes.insert(i % (bytes.len() + 1), *b);
            Expect::Err
        }
        Mutation::Overwrite(i, b) => {
            let at = i % bytes.len();
            bytes[at] = *b;
            Expect::Unknown
        }
        _ => return None,
    };
    Some((bytes, expect))
}

fn check(dto: Dto, got: Result<Value, String>, expect: &Expect, what: &dyn Debug) -> Result<(), TestCaseError> {
    match (expect, &got) {
        (Expect::Unknown, _) => {}
        (Expect::Err, Err(_)) | (Expect::Ok, Ok(_)) => {}
        (Expect::OkAs(want), Ok(encoded)) => {
            prop_assert_eq!(encoded, want, "{:?} {:?}: decodes, but re-encodes differently", dto, what)
        }
        _ => prop_assert!(false, "{:?} {:?}: expected {:?}, got {:?}", dto, what, expect, got),
    }
    Ok(())
}

/// The bytes JSON is made of, for near-JSON noise.
const JSON_BYTES: &[u8] = b"{}[]\":,.-+0123456789eE truefalsn\\u\t\n\r";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// (i) Any JSON tree decodes to `Ok` or `Err` as every type, through every entry point,
    /// and whatever decodes is stable through encode/decode.
    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        for dto in Dto::ALL {
            let _ = decode_everywhere(dto, &value);
        }
    }

    /// (ii) The real examples, mutated: never a panic, and the knowable outcomes hold.
    #[test]
    fn mutated_examples_decode_as_the_contract_implies(
        example in any::<Index>(),
        mutations in vec(arb_mutation(), 1..=3),
    ) {
        let (dto, original) = &examples()[example.index(examples().len())];
        // The first mutation's outcome is asserted; later ones only stack more damage on it.
        let (first, rest) = mutations.split_first().unwrap();
        if let Some((value, expect)) = mutate(*dto, original, first) {
            let got = decode_everywhere(*dto, &value);
            check(*dto, got, &expect, &(first, &value))?;
            let mut value = value;
            for m in rest {
                if let Some((next, _)) = mutate(*dto, &value, m) {
                    value = next;
                }
            }
            let _ = decode_everywhere(*dto, &value);
        } else if let Some((bytes, expect)) = mutate_bytes(original, first) {
            let got = dto.decode(Input::Bytes(&bytes));
            if let Ok(text) = std::str::from_utf8(&bytes) {
                prop_assert_eq!(dto.decode(Input::Text(text)).ok(), got.as_ref().ok().cloned());
            }
            check(*dto, got, &expect, &String::from_utf8_lossy(&bytes))?;
        }
    }

    /// Any bytes, and any near-JSON text, decode to `Ok` or `Err` as every type.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop_oneof![
            vec(any::<u8>(), 0..256),
            vec(select(JSON_BYTES), 0..128),
        ],
    ) {
        for dto in Dto::ALL {
            let from_slice = dto.decode(Input::Bytes(&bytes));
            if let Ok(text) = std::str::from_utf8(&bytes) {
                prop_assert_eq!(dto.decode(Input::Text(text)).ok(), from_slice.ok());
            }
        }
    }
}

/// The same knowable outcomes, exhaustively: every location of every example, removed and
/// replaced by a value of each JSON type, every enum field and tag given an unknown value.
#[test]
fn every_location_of_every_example_mutated() {
    let replacements =
        [json!(null), json!(true), json!(0), json!(-1), json!(1.5), json!(""), json!("zz"), json!([]), json!({})];
    let mut counted = std::collections::BTreeMap::<&str, usize>::new();
    for (dto, example) in examples() {
        let mut mutations: Vec<Mutation> = Vec::new();
        let len = locations(example).len() + 1;
        for n in 0..len {
            let i = n;
            mutations.push(Mutation::Remove(i));
            mutations.extend(replacements.iter().map(|v| Mutation::Replace(i, v.clone())));
            mutations.push(Mutation::EnumValue(i, "zz_unknown".into()));
            mutations.push(Mutation::UnknownTag(i, "zz_unknown".into()));
            mutations.push(Mutation::AddField(i, "unknown".into(), json!({"deep": [1, {"a": null}]})));
        }
        for m in &mutations {
            if let Some((value, expect)) = mutate(*dto, example, m) {
                let got = decode_everywhere(*dto, &value);
                let name = match (&expect, got.is_ok()) {
                    (Expect::Err, _) => "err",
                    (Expect::Ok, _) => "ok",
                    (Expect::OkAs(_), _) => "ok_as",
                    (Expect::Unknown, true) => "unknown_ok",
                    (Expect::Unknown, false) => "unknown_err",
                };
                *counted.entry(name).or_default() += 1;
                check(*dto, got, &expect, &(m, &value)).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    eprintln!("{counted:?}");
    assert!(counted.values().all(|n| *n > 0), "{counted:?}");
}

// ---------------------------------------------------------------------------------------
// Cases too big or too precise for the strategies.

fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

/// Nesting far deeper than any body: serde_json refuses more than 127 levels where it builds
/// a value (recursion limit) and skips a field the types ignore without recursing, so no
/// depth overflows the stack. The one place an ignored field is still built is inside an
/// internally tagged enum (`routing`, `repeat`, `non_working_hours`), which serde buffers:
/// there the limit refuses it.
#[test]
fn deep_nesting_is_refused_or_skipped_never_a_stack_overflow() {
    let settings_with = |routing_extra: &str| {
        format!(
            r#"{{"version":"1","settings":{{"routing":{{"type":"employee","employee_id":"e","x":{routing_extra}}},"auto_replies":[],"closing_message":{{"enabled":false,"text":""}},"non_working_hours":{{"mode":"off"}},"auto_close":{{"enabled":false,"after_minutes":60}}}}}}"#
        )
    };
    for depth in [1, 10, 100] {
        let arrays = nested(depth, "[", "]", "");
        assert!(Dto::VersionedSettings.decode(Input::Text(&settings_with(&arrays))).is_ok(), "{depth}");
    }
    for depth in [128, 129, 1_000, 100_000] {
        let arrays = nested(depth, "[", "]", "");
        let objects = nested(depth, r#"{"a":"#, "}", "1");
        // Where a value is built: refused.
        let built = [
            arrays.clone(),
            objects.clone(),
            format!(r#"{{"groups":[{{"id":"x","title":"y","channels":{arrays}}}]}}"#),
            format!(r#"{{"version":"1","settings":{objects}}}"#),
            settings_with(&arrays),
        ];
        for text in &built {
            for dto in Dto::ALL {
                assert!(dto.decode(Input::Text(text)).is_err(), "{dto:?}, {depth} levels: {}", &text[..60]);
                assert!(dto.decode(Input::Bytes(text.as_bytes())).is_err(), "{dto:?}, {depth} levels");
            }
        }
        // In a field the type ignores: skipped.
        let ignored = [
            (Dto::ChatBotList, format!(r#"{{"items":[],"x":{arrays}}}"#)),
            (Dto::GroupList, format!(r#"{{"x":{objects},"items":[]}}"#)),
            (Dto::ErrorBody, format!(r#"{{"error":{{"code":"internal","message":"x","details":{objects}}}}}"#)),
        ];
        for (dto, text) in &ignored {
            assert!(dto.decode(Input::Text(text)).is_ok(), "{dto:?}, {depth} levels");
            for other in Dto::ALL {
                let _ = other.decode(Input::Text(text));
            }
        }
    }
    // A tree already in memory, deeper than text may be (the app decodes from text; the dev
    // back end's tests decode from values). `Value` itself clones and drops recursively, so
    // the test stays at a depth a debug build's 2 MiB test thread holds.
    let mut deep = json!(1);
    for _ in 0..500 {
        deep = json!([deep]);
    }
    let body = json!({"items": [], "x": deep});
    for dto in Dto::ALL {
        let _ = dto.decode(Input::Value(&body));
    }
    assert!(serde_json::from_value::<ChatBotList>(body).is_ok(), "an unknown field is ignored however deep");
}

/// A serde quirk, pinned so that a change to it is noticed. An internally tagged enum nested
/// inside another one (`non_working_hours.auto_replies[].repeat`, `routing.fallback`) is
/// decoded from serde's buffered content, where a tag may also be an integer: the index of
/// the variant in declaration order. At the top level (`auto_replies[].repeat`) an integer
/// tag is refused. The schema refuses both; the dev back end would read `"type": 0` as the
/// first variant and store it by name. Harmless (nothing sends it), but not the contract;
/// only `types.rs` could change it (a tag type that accepts strings alone).
#[test]
fn integer_tags_are_variant_indices_inside_buffered_enums() {
    let repeat = |tag: Value| {
        let nwh = json!({"mode": "auto_replies", "auto_replies": [
            {"delay_seconds": 0, "text": "т", "repeat": {"type": tag, "interval_seconds": 60}}
        ]});
        serde_json::from_value::<NonWorkingHours>(nwh).map(|n| match n {
            NonWorkingHours::AutoReplies { auto_replies } => auto_replies[0].repeat.clone(),
            other => panic!("{other:?}"),
        })
    };
    assert_eq!(repeat(json!(0)).unwrap(), Repeat::Once);
    assert_eq!(repeat(json!(1)).unwrap(), Repeat::Every { interval_seconds: 60 });
    assert!(repeat(json!(2)).is_err());
    assert!(repeat(json!(-1)).is_err());
    assert!(repeat(json!(true)).is_err());
    assert!(repeat(json!(1.0)).is_err());
    let routing: Routing =
        serde_json::from_str(r#"{"type":"chat_bot","chat_bot_id":"b","fallback":{"type":1,"group_id":"g"}}"#).unwrap();
    assert_eq!(
        routing,
        Routing::ChatBot { chat_bot_id: "b".into(), fallback: Some(Target::Group { group_id: "g".into() }) }
    );
    // Not at the top level.
    assert!(serde_json::from_value::<Repeat>(json!({"type": 0})).is_err());
    assert!(serde_json::from_str::<Routing>(r#"{"type":0,"employee_id":"e"}"#).is_err());
    assert!(serde_json::from_str::<NonWorkingHours>(r#"{"mode":0}"#).is_err());
}

/// Numbers at the edges of each integer type, in JSON text as a back end may write them.
#[test]
fn numbers_at_and_beyond_the_edges_of_their_types() {
    let group =
        |members: &str| format!(r#"{{"items":[{{"id":"g","name":"n","members":{members},"distribution":"x"}}]}}"#);
    let cases: &[(&str, Option<u32>)] = &[
        ("0", Some(0)),
        // serde_json reads `-0` as the float -0.0, not an integer.
        ("-0", None),
        ("4294967295", Some(u32::MAX)),
        ("4294967296", None),
        ("-1", None),
        ("1.0", None),
        ("1e2", None),
        ("1E400", None),
        ("123456789012345678901234567890", None),
        ("01", None),
        ("0x10", None),
        ("NaN", None),
        ("Infinity", None),
        ("\"5\"", None),
        ("null", None),
        ("true", None),
    ];
    for (members, want) in cases {
        let got = serde_json::from_str::<GroupList>(&group(members)).ok().map(|g| g.items[0].members);
        assert_eq!(got, *want, "members = {members}");
    }
    let delay = |d: &str| {
        let text = format!(
            r#"{{"version":"1","settings":{{"routing":{{"type":"employee","employee_id":"e"}},"auto_replies":[{{"delay_seconds":{d},"text":"т","repeat":{{"type":"once"}}}}],"closing_message":{{"enabled":false,"text":""}},"non_working_hours":{{"mode":"off"}},"auto_close":{{"enabled":false,"after_minutes":60}}}}}}"#
        );
        serde_json::from_str::<VersionedSettings>(&text).map(|v| v.settings)
    };
    assert_eq!(delay("9223372036854775807").unwrap().auto_replies[0].delay_seconds, i64::MAX);
    assert_eq!(delay("-9223372036854775808").unwrap().auto_replies[0].delay_seconds, i64::MIN);
    assert!(delay("9223372036854775808").is_err());
    assert!(delay("-9223372036854775809").is_err());
    assert!(delay("60.0").is_err());
    // Decoded leniently, refused by validation with the field's path (decision 1).
    let settings = delay("-9223372036854775808").unwrap();
    let paths: Vec<_> = validate_settings(&settings, true).into_iter().map(|e| (e.path, e.code)).collect();
    assert_eq!(paths, [("auto_replies[0].delay_seconds".to_owned(), FieldErrorCode::OutOfRange)]);
    let money = |amount: &str| {
        let mut channel = spec_example("/paths/~1channels~1max/get/responses/200").to_string();
        channel = channel.replace("50000", amount);
        serde_json::from_str::<MaxChannel>(&channel).map(|c| c.pricing.monthly_fee.amount_minor)
    };
    assert_eq!(money("18446744073709551615").unwrap(), u64::MAX);
    assert!(money("18446744073709551616").is_err());
    assert!(money("-1").is_err());
}

/// Strings as JSON text may write them.
#[test]
fn strings_with_escapes_control_characters_and_surrogates() {
    let bot = |name: &str| format!(r#"{{"items":[{{"id":"b","name":{name}}}]}}"#);
    let cases: &[(&str, Option<&str>)] = &[
        (r#""\u0000\u0007\u001b\t\n\r""#, Some("\u{0}\u{7}\u{1b}\t\n\r")),
        (r#""\ud83d\udc4d""#, Some("👍")),
        (r#""👨‍👩‍👧‍👦""#, Some("👨‍👩‍👧‍👦")),
        (r#""\u200d\ufeff\u2028""#, Some("\u{200d}\u{feff}\u{2028}")),
        // JSON forbids raw control characters inside strings.
        ("\"a\u{1}b\"", None),
        ("\"a\nb\"", None),
        // A lone surrogate is no character.
        (r#""\ud800""#, None),
        (r#""\udc4d\ud83d""#, None),
        (r#""\x41""#, None),
        (r#""unterminated"#, None),
    ];
    for (name, want) in cases {
        let got = serde_json::from_str::<ChatBotList>(&bot(name)).ok().map(|l| l.items[0].name.clone());
        assert_eq!(got.as_deref(), *want, "name = {name}");
    }
    // A byte-order mark before the body is not JSON.
    assert!(serde_json::from_str::<ChatBotList>("\u{feff}{\"items\":[]}").is_err());
    // Duplicate members are refused, not silently resolved.
    assert!(serde_json::from_str::<ChatBotList>(r#"{"items":[],"items":[]}"#).is_err());
    // Trailing content is refused, trailing white space is not.
    assert!(serde_json::from_str::<ChatBotList>(r#"{"items":[]} x"#).is_err());
    assert!(serde_json::from_str::<ChatBotList>("{\"items\":[]}\n\t ").is_ok());
}
