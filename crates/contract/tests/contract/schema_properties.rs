//! Values encoded by the Rust types match the spec's JSON schemas, and validation is total.

use crate::common;

use std::sync::OnceLock;

use max_channel_contract::arbitrary::*;
use max_channel_contract::*;
use proptest::prelude::*;
use serde_json::Value;

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(common::spec)
}

fn schema(name: &str) -> &'static jsonschema::Validator {
    static SETTINGS: OnceLock<jsonschema::Validator> = OnceLock::new();
    static WRITE: OnceLock<jsonschema::Validator> = OnceLock::new();
    static DELIVERY_TEST: OnceLock<jsonschema::Validator> = OnceLock::new();
    static SOURCE_STATS: OnceLock<jsonschema::Validator> = OnceLock::new();
    let cell = match name {
        "Settings" => &SETTINGS,
        "SettingsWrite" => &WRITE,
        "DeliveryTest" => &DELIVERY_TEST,
        "SourceStats" => &SOURCE_STATS,
        other => panic!("no cell for {other}"),
    };
    cell.get_or_init(|| common::validator(spec(), &format!("/components/schemas/{name}")))
}

/// 10 000 cases each (about 13 s each in a debug build on the 2-core CI machine).
fn cases() -> u32 {
    common::cases_at_least(10_000)
}

/// The 1.2 answers: 1 000 cases each (a few seconds).
fn answer_cases() -> u32 {
    common::cases_at_least(1_000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Whatever the contract's rules accept, the contract's schema accepts.
    #[test]
    fn valid_settings_match_the_schema(
        settings in valid_settings(true),
        restored_from in proptest::option::of(regex("[0-9]{1,6}|[a-z0-9-]{1,12}")),
    ) {
        prop_assert!(validate_settings(&settings, true).is_empty(),
            "strategy made invalid settings: {:?}", validate_settings(&settings, true));
        let json = serde_json::to_value(&settings).unwrap();
        common::assert_valid(schema("Settings"), &json, "valid settings");
        let write = SettingsWrite { token: Some("abc_DEF-123".into()), settings: settings.clone(), restored_from };
        let ctx = WriteContext { chat_bots_service: true, token_stored: false };
        prop_assert!(validate_write(&write, ctx).is_empty(), "{:?}", validate_write(&write, ctx));
        common::assert_valid(schema("SettingsWrite"), &serde_json::to_value(&write).unwrap(), "write");
        // And it decodes back to the same value.
        let back: Settings = serde_json::from_value(json).unwrap();
        prop_assert_eq!(back, settings);
    }

    /// Validation is total and agrees with the schema where the schema can tell: settings
    /// the schema refuses are refused by validation too.
    #[test]
    fn validation_refuses_what_the_schema_refuses(settings in any_settings(), chat_bots in any::<bool>()) {
        let found = validate_settings(&settings, chat_bots);
        let json = serde_json::to_value(&settings).unwrap();
        if !schema("Settings").is_valid(&json) {
            prop_assert!(!found.is_empty(), "schema refuses {json}, validation accepts it");
        }
        for error in &found {
            prop_assert!(!error.path.is_empty() && !error.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(answer_cases()))]

    /// Delivery tests as a back end gives them match the schema, keep what the contract says
    /// beyond it, and decode back to themselves.
    #[test]
    fn delivery_tests_match_the_schema(test in delivery_test()) {
        let json = serde_json::to_value(&test).unwrap();
        common::assert_valid(schema("DeliveryTest"), &json, "delivery test");
        prop_assert_eq!(check_start_label(&test.code), Ok(test.code.as_str()));
        prop_assert!(test.link.ends_with(&format!("?start={}", test.code)), "{}", test.link);
        let seconds = |text: &str| time::Moment::parse(text).map(|m| m.unix_seconds);
        let created = seconds(&test.created_at).expect("created_at parses");
        prop_assert_eq!(seconds(&test.expires_at), Some(created + DELIVERY_TEST_SECONDS));
        prop_assert_eq!(test.received.is_some(), test.state == DeliveryTestState::Received);
        if let Some(reply) = &test.reply {
            prop_assert_eq!(reply.error.is_some(), reply.state == ReplyState::Failed);
            let received = test.received.as_ref().expect("a reply answers what was received");
            prop_assert!(seconds(&received.at) <= seconds(&reply.at));
        }
        let back: DeliveryTest = serde_json::from_value(json).unwrap();
        prop_assert_eq!(back, test);
    }

    /// Source counts built to keep the rules match the schema and have no `problems()`; one
    /// rule broken (a total off by one, a day dropped, two rows swapped) is named, though the
    /// schema, which cannot add up, still takes it.
    #[test]
    fn source_stats_keep_the_rules_and_match_the_schema(
        (days, stats) in source_days().prop_flat_map(|days| (Just(days), source_stats(days))),
        which in any::<proptest::sample::Index>(),
    ) {
        let json = serde_json::to_value(&stats).unwrap();
        common::assert_valid(schema("SourceStats"), &json, "source stats");
        prop_assert_eq!(stats.problems(days), Vec::<String>::new());
        prop_assert_eq!(&serde_json::from_value::<SourceStats>(json).unwrap(), &stats);
        let other = SourceDays::ALL.into_iter().find(|d| *d != days).unwrap();
        prop_assert!(!stats.problems(other).is_empty(), "{:?} counts pass as {:?}", days, other);

        let mut off = stats.clone();
        off.total += 1;
        prop_assert!(!off.problems(days).is_empty());
        common::assert_valid(schema("SourceStats"), &serde_json::to_value(&off).unwrap(), "total off by one");
        if !stats.items.is_empty() {
            let i = which.index(stats.items.len());
            let mut short = stats.clone();
            short.items[i].by_day.pop();
            prop_assert!(!short.problems(days).is_empty(), "item {} lost a day", i);
            let mut first = stats.clone();
            first.items[i].label = Some("site!".into());
            prop_assert!(!first.problems(days).is_empty(), "a label breaking the rule");
            prop_assert!(!schema("SourceStats").is_valid(&serde_json::to_value(&first).unwrap()));
        }
        if let Some(pos) = stats.items.windows(2).position(|w| w[0].dialogs > w[1].dialogs) {
            let mut swapped = stats.clone();
            swapped.items.swap(pos, pos + 1);
            prop_assert!(!swapped.problems(days).is_empty(), "rows {} and {} swapped", pos, pos + 1);
        }
    }
}

/// «Вернуть эту версию» with an empty version: refused by the contract's rules with the
/// field's own path and message, and by the schema (`minLength: 1`); a version, or none,
/// passes both.
#[test]
fn an_empty_restored_from_is_refused_by_the_rules_and_the_schema() {
    let settings: VersionedSettings = serde_json::from_value(
        spec()["paths"]["/channels/max/settings"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
            .clone(),
    )
    .unwrap();
    let write = |restored_from: Option<&str>| SettingsWrite {
        token: None,
        settings: settings.settings.clone(),
        restored_from: restored_from.map(str::to_owned),
    };
    let ctx = WriteContext { chat_bots_service: true, token_stored: true };
    let errors = validate_write(&write(Some("")), ctx);
    let paths: Vec<_> = errors.iter().map(|e| (e.path.as_str(), e.code.clone())).collect();
    assert_eq!(paths, [(RESTORED_FROM_PATH, FieldErrorCode::UnknownReference)]);
    assert_eq!(RESTORED_FROM_PATH, "restored_from");
    assert_eq!(errors[0].message, default_message_ru("restored_from", &FieldErrorCode::UnknownReference));
    assert_ne!(errors[0].message, default_message_ru("routing.group_id", &FieldErrorCode::UnknownReference));
    let json = serde_json::to_value(write(Some(""))).unwrap();
    assert_eq!(json["restored_from"], "");
    assert!(!schema("SettingsWrite").is_valid(&json), "the schema takes an empty restored_from");

    for fine in [Some("7"), None] {
        assert_eq!(validate_write(&write(fine), ctx), vec![], "{fine:?}");
        let json = serde_json::to_value(write(fine)).unwrap();
        common::assert_valid(schema("SettingsWrite"), &json, "a restore");
        assert_eq!(json.get("restored_from").is_some(), fine.is_some(), "omitted when none");
    }
    let mut null = serde_json::to_value(write(None)).unwrap();
    null["restored_from"] = serde_json::Value::Null;
    common::assert_valid(schema("SettingsWrite"), &null, "restored_from: null");
    assert_eq!(serde_json::from_value::<SettingsWrite>(null).unwrap(), write(None));
}

#[test]
fn the_schema_accepts_the_values_the_dev_data_uses() {
    // Each error body and list the back end writes, encoded by the Rust types.
    let body = ErrorBody {
        error: ApiErrorDetail {
            code: ErrorCode::ValidationFailed,
            message: "Проверьте выделенные поля.".into(),
            fields: vec![field_error("auto_replies[1].text", FieldErrorCode::TooLong)],
        },
    };
    let v = common::validator(spec(), "/components/schemas/ErrorBody");
    common::assert_valid(&v, &serde_json::to_value(&body).unwrap(), "error body");
    let channel = MaxChannel {
        kind: ChannelKind::Max,
        title: "Max".into(),
        state: ChannelState::NotConnected,
        state_reason: None,
        pricing: Pricing { monthly_fee: Money { amount_minor: 150_000, currency: "RUB".into() } },
        guide_url: "https://example.com/guide".into(),
        distribution_settings_url: None,
        non_working_hours_rules_url: None,
        bot: None,
        token_hint: None,
        features: Features { chat_bots_service: false },
    };
    let v = common::validator(spec(), "/components/schemas/MaxChannel");
    common::assert_valid(&v, &serde_json::to_value(&channel).unwrap(), "channel");
    // A wrong value is refused, so the validator is really checking.
    let mut bad = serde_json::to_value(&channel).unwrap();
    bad["kind"] = "telegram".into();
    assert!(!v.is_valid(&bad));
}

/// The 1.2 schemas really check: the spec's own examples pass, one broken field fails.
#[test]
fn the_answer_schemas_refuse_what_breaks_them() {
    let example = |path: &str, status: &str| {
        spec()["paths"][path][if status == "201" { "post" } else { "get" }]["responses"][status]["content"]
            ["application/json"]["example"]
            .clone()
    };
    let test = example("/channels/max/delivery-tests/{id}", "200");
    common::assert_valid(schema("DeliveryTest"), &test, "the example");
    let broken: [(&str, serde_json::Value); 6] = [
        ("/state", "pending".into()),
        ("/code", "check 7F3K2Q".into()),
        ("/id", "".into()),
        ("/received/via", "sms".into()),
        ("/reply/state", "received".into()),
        ("/received/from_name", 5.into()),
    ];
    for (at, value) in broken {
        let mut bad = test.clone();
        *bad.pointer_mut(at).unwrap() = value;
        assert!(!schema("DeliveryTest").is_valid(&bad), "{at}: {bad}");
    }
    let mut no_reply = test.clone();
    no_reply.as_object_mut().unwrap().remove("reply");
    assert!(!schema("DeliveryTest").is_valid(&no_reply), "reply is required, if null");

    let stats = example("/channels/max/sources", "200");
    common::assert_valid(schema("SourceStats"), &stats, "the example");
    let broken: [(&str, serde_json::Value); 5] = [
        ("/items/0/label", "сайт".into()),
        ("/items/0/label", "".into()),
        ("/items/0/dialogs", 0.into()),
        ("/items/0/by_day/0", (-1).into()),
        ("/total", (-1).into()),
    ];
    for (at, value) in broken {
        let mut bad = stats.clone();
        *bad.pointer_mut(at).unwrap() = value;
        assert!(!schema("SourceStats").is_valid(&bad), "{at}: {bad}");
    }
}
