//! Every `example` of the OpenAPI document decodes into its Rust type, re-encodes to equal
//! JSON, and matches its own schema; and the snapshot this crate keeps equals the spec.

use crate::common;

use max_channel_contract::*;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Decodes `example` as `T`, re-encodes it, and compares.
fn round_trip<T: DeserializeOwned + Serialize>(example: &Value, at: &str) {
    let decoded: T = serde_json::from_value(example.clone())
        .unwrap_or_else(|e| panic!("example at {at} does not decode as {}: {e}", std::any::type_name::<T>()));
    let encoded = serde_json::to_value(&decoded).unwrap();
    assert_eq!(&encoded, example, "example at {at} re-encodes differently");
}

/// Every `example` / `examples` in the document with its location.
fn collect_examples(value: &Value, at: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{}", common::escape(key));
                if key == "example" {
                    out.push((here.clone(), child.clone()));
                } else if key == "examples" && child.is_array() {
                    for (i, item) in child.as_array().unwrap().iter().enumerate() {
                        out.push((format!("{here}/{i}"), item.clone()));
                    }
                }
                collect_examples(child, here, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_examples(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The Rust type of the example at `location`, and round-trips it. Returns false when the
/// location is one this test does not know: a new example in the spec must be mapped here.
fn check_example(location: &str, example: &Value) -> bool {
    let op = |path: &str, rest: &str| location.starts_with(&format!("/paths/{}/{rest}", common::escape(path)));
    if location.starts_with("/components/schemas/ChannelKind/examples/") {
        round_trip::<ChannelKind>(example, location);
        assert!(ChannelKind::from(example.as_str().unwrap()).is_known(), "{location}");
    } else if location.contains("/responses/4") || location.contains("/responses/5") {
        round_trip::<ErrorBody>(example, location);
    } else if op("/channel-groups", "get/responses/200") {
        round_trip::<ChannelGroups>(example, location);
    } else if op("/channels/max", "get/responses/200") {
        round_trip::<MaxChannel>(example, location);
    } else if op("/channels/max/token/verify", "post/requestBody") {
        round_trip::<TokenVerifyRequest>(example, location);
    } else if op("/channels/max/token/verify", "post/responses/200") {
        round_trip::<TokenVerifyResponse>(example, location);
    } else if op("/channels/max/settings", "get/responses/200") {
        round_trip::<VersionedSettings>(example, location);
    } else if op("/employees", "get/responses/200") {
        round_trip::<EmployeePage>(example, location);
    } else if op("/groups", "get/responses/200") {
        round_trip::<GroupList>(example, location);
    } else if op("/chat-bots", "get/responses/200") {
        round_trip::<ChatBotList>(example, location);
    } else if op("/channels/max/health", "get/responses/200") {
        round_trip::<ChannelHealth>(example, location);
        let health: ChannelHealth = serde_json::from_value(example.clone()).unwrap();
        assert_eq!(
            health.overall,
            overall(&health.token.status, &health.subscription.status, health.delivery.failing_since.is_some()),
            "{location}: the example's overall is the worst of its checks"
        );
        assert_eq!(
            health.subscription.missing_types,
            SubscriptionHealth::missing_of(&health.subscription.update_types)
        );
        let outage = health.delivery.last_outage.as_ref();
        let moments = [Some(&health.checked_at), health.delivery.last_inbound_at.as_ref()]
            .into_iter()
            .chain([outage.map(|o| &o.from), outage.and_then(|o| o.to.as_ref())]);
        for moment in moments.flatten() {
            assert!(time::Moment::parse(moment).is_some(), "{location}: {moment}");
        }
        if let Some(outage) = outage {
            // The example's outage goes on: it began when the deliveries began to fail.
            assert_eq!(outage.to, None, "{location}");
            assert_eq!(Some(&outage.from), health.delivery.failing_since.as_ref(), "{location}");
        }
    } else if op("/schedule", "get/responses/200") {
        round_trip::<WorkSchedule>(example, location);
        let schedule: WorkSchedule = serde_json::from_value(example.clone()).unwrap();
        assert_eq!(check_schedule(&schedule), vec![], "{location}: the example keeps the schedule rules");
    } else if op("/channels/max/settings/history", "get/responses/200") {
        round_trip::<HistoryPage>(example, location);
        let page: HistoryPage = serde_json::from_value(example.clone()).unwrap();
        for entry in &page.items {
            assert!(time::Moment::parse(&entry.at).is_some(), "{location}: {}", entry.at);
            assert_eq!(entry.version.is_none(), entry.settings.is_none(), "{location}");
            assert!(entry.event.is_known(), "{location}");
            assert_eq!(entry.restored_from.is_some(), entry.event == HistoryEvent::Restored, "{location}");
        }
    } else if op("/channels/max/delivery-tests", "post/responses/201")
        || op("/channels/max/delivery-tests/{id}", "get/responses/200")
    {
        round_trip::<DeliveryTest>(example, location);
        let test: DeliveryTest = serde_json::from_value(example.clone()).unwrap();
        check_delivery_test(&test, location);
    } else if op("/channels/max/sources", "get/responses/200") {
        round_trip::<SourceStats>(example, location);
        let stats: SourceStats = serde_json::from_value(example.clone()).unwrap();
        assert_eq!(stats.problems(SourceDays::Week), Vec::<String>::new(), "{location}: the example keeps the rules");
        assert!(stats.items.iter().any(|i| i.label.is_none()), "{location}: the example shows the unlabelled row");
    } else {
        return false;
    }
    true
}

/// What the contract says of a delivery test beyond its schema: moments that parse, ten
/// minutes to wait, the code a `start` label and the link carrying it, and what arrived
/// matching the state.
fn check_delivery_test(test: &DeliveryTest, location: &str) {
    assert!(test.state.is_known(), "{location}: {}", test.state);
    assert!(!test.id.is_empty() && test.id.chars().count() <= DELIVERY_TEST_ID_MAX_CHARS, "{location}: {}", test.id);
    let moments = [Some(&test.created_at), Some(&test.expires_at)]
        .into_iter()
        .chain([test.received.as_ref().map(|r| &r.at), test.reply.as_ref().map(|r| &r.at)]);
    for moment in moments.flatten() {
        assert!(time::Moment::parse(moment).is_some(), "{location}: {moment}");
    }
    let seconds = |text: &str| time::Moment::parse(text).unwrap().unix_seconds;
    assert_eq!(seconds(&test.expires_at) - seconds(&test.created_at), DELIVERY_TEST_SECONDS, "{location}");
    assert_eq!(check_start_label(&test.code), Ok(test.code.as_str()), "{location}: the code is a start label");
    assert!(test.link.ends_with(&format!("?start={}", test.code)), "{location}: {}", test.link);
    assert!(test.link.starts_with("https://max.ru/"), "{location}: {}", test.link);
    match test.state {
        DeliveryTestState::Waiting => assert!(test.received.is_none() && test.reply.is_none(), "{location}"),
        DeliveryTestState::Received => {
            let received = test.received.as_ref().unwrap_or_else(|| panic!("{location}: received without `received`"));
            assert!(received.via.is_known(), "{location}");
            let reply = test.reply.as_ref().unwrap_or_else(|| panic!("{location}: received without `reply`"));
            assert!(reply.state.is_known(), "{location}");
            assert_eq!(reply.error.is_some(), reply.state == ReplyState::Failed, "{location}");
            assert!(seconds(&received.at) <= seconds(&reply.at), "{location}: the reply before what it answers");
        }
        _ => {}
    }
}

#[test]
fn every_example_round_trips() {
    let spec = common::spec();
    let mut examples = Vec::new();
    collect_examples(&spec, String::new(), &mut examples);
    assert!(examples.len() >= 24, "found only {} examples", examples.len());
    let unmapped: Vec<&str> =
        examples.iter().filter(|(at, example)| !check_example(at, example)).map(|(at, _)| at.as_str()).collect();
    assert!(unmapped.is_empty(), "examples without a Rust type: {unmapped:?}");
}

#[test]
fn every_example_matches_its_schema() {
    let spec = common::spec();
    let mut examples = Vec::new();
    collect_examples(&spec, String::new(), &mut examples);
    let mut checked = 0;
    for (at, example) in &examples {
        // `…/content/application~1json/example` sits beside its `schema`.
        if let Some(parent) = at.strip_suffix("/example") {
            if spec.pointer(&format!("{parent}/schema")).is_some() {
                let v = common::validator(&spec, &format!("{parent}/schema"));
                common::assert_valid(&v, example, at);
                checked += 1;
            }
        }
    }
    assert!(checked >= 17, "checked only {checked} examples against their schema");
}

#[test]
fn error_codes_of_the_spec_are_all_known() {
    let spec = common::spec();
    let described = |pointer: &str| -> Vec<String> {
        let text = spec.pointer(pointer).and_then(Value::as_str).unwrap();
        text.split(['|', '\n', ','])
            .filter_map(|part| part.split_whitespace().next())
            .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_').to_owned())
            .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    };
    let codes = described("/components/schemas/Error/properties/code/description");
    assert_eq!(codes.len(), ErrorCode::KNOWN.len(), "{codes:?}");
    for code in &codes {
        assert!(ErrorCode::from(code.as_str()).is_known(), "error code {code} not in ErrorCode");
    }
    let field_codes = described("/components/schemas/FieldError/properties/code/description");
    assert_eq!(field_codes.len(), FieldErrorCode::KNOWN.len(), "{field_codes:?}");
    for code in &field_codes {
        assert!(FieldErrorCode::from(code.as_str()).is_known(), "field code {code}");
    }
    let states = spec.pointer("/components/schemas/ChannelState/enum").unwrap().as_array().unwrap();
    assert_eq!(states.len(), ChannelState::KNOWN.len());
    for state in states {
        assert!(ChannelState::from(state.as_str().unwrap()).is_known());
    }
}

#[test]
fn every_operation_is_named_with_its_method_and_path() {
    let spec = common::spec();
    let paths = spec["paths"].as_object().unwrap();
    let mut found = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let operation = Operation::parse(id).unwrap_or_else(|| panic!("operation {id} unknown"));
            assert_eq!(operation.path(), path, "{id}");
            assert_eq!(operation.method(), method.to_uppercase(), "{id}");
            let has_csrf = op["parameters"]
                .as_array()
                .map(|ps| ps.iter().any(|p| p["$ref"] == "#/components/parameters/CsrfToken"))
                .unwrap_or(false);
            assert_eq!(operation.needs_csrf(), has_csrf, "{id}");
            found += 1;
        }
    }
    assert_eq!(found, Operation::ALL.len());
    assert_eq!(spec["servers"][0]["url"], API_PREFIX);
}

#[test]
fn unknown_values_and_fields_are_kept_or_ignored() {
    let tile: ChannelTile = serde_json::from_value(serde_json::json!({
        "kind": "instagram", "title": "Instagram", "state": "paused", "available": true,
        "badge_color": "#fff"
    }))
    .unwrap();
    assert_eq!(tile.kind, ChannelKind::Other("instagram".into()));
    assert_eq!(tile.state, ChannelState::Other("paused".into()));
    assert_eq!(serde_json::to_value(&tile).unwrap()["kind"], "instagram");
    let body: ErrorBody = serde_json::from_str(r#"{"error":{"code":"teapot","message":"x","trace":"1"}}"#).unwrap();
    assert_eq!(body.error.code, ErrorCode::Other("teapot".into()));
}

/// The snapshot is what the tests use on a machine without `../shared`; keep it equal.
#[test]
fn snapshot_equals_the_shared_spec() {
    let shared = common::spec_path();
    if shared != common::snapshot_path() {
        let a = std::fs::read_to_string(&shared).unwrap();
        let b = std::fs::read_to_string(common::snapshot_path()).unwrap();
        assert_eq!(a, b, "crates/contract/spec/openapi.yaml differs from {}", shared.display());
    }
}
