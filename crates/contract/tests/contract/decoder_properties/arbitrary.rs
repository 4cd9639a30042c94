//! Arbitrary JSON: trees that look like the contract's bodies, with its keys, words and edge numbers.

use super::*;

/// Field names of the contract, so that arbitrary objects often look like its bodies.
pub(super) const KEYS: &[&str] = &[
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
pub(super) const WORDS: &[&str] = &[
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

pub(super) fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(KEYS).prop_map(str::to_owned), 1 => any_string(8)]
}

pub(super) const EDGE_INTEGERS: &[i64] =
    &[0, -1, 1, 59, 60, 86_400, 86_401, 43_200, 43_201, i64::MIN, i64::MAX, 9_007_199_254_740_993];
pub(super) const EDGE_UNSIGNED: &[u64] = &[u64::MAX, 1 << 63, u32::MAX as u64, u32::MAX as u64 + 1];
pub(super) const EDGE_FLOATS: &[f64] = &[1e308, -1e308, 5e-324, 0.5, -0.0, 1.0, 60.0, 1e20];

pub(super) fn arb_number() -> impl Strategy<Value = Value> {
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

pub(super) fn arb_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        3 => arb_number(),
        2 => select(WORDS).prop_map(Value::from),
        3 => any_string(24).prop_map(Value::from),
    ]
}

/// Any JSON tree: up to 6 levels of arrays and objects (deeper nesting has its own test).
pub(super) fn arb_json() -> impl Strategy<Value = Value> {
    arb_scalar().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((arb_key(), inner), 0..6).prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Decodes `value` as `dto` through all three entry points; they must agree.
pub(super) fn decode_everywhere(dto: Dto, value: &Value) -> Result<Value, String> {
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
