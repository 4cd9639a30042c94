//! Values encoded by the Rust types match the spec's JSON schemas, and validation is total.

mod common;

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
    let cell = match name {
        "Settings" => &SETTINGS,
        "SettingsWrite" => &WRITE,
        other => panic!("no cell for {other}"),
    };
    cell.get_or_init(|| common::validator(spec(), &format!("/components/schemas/{name}")))
}

/// 10 000 cases each (about 13 s each in a debug build on the 2-core CI machine).
fn cases() -> u32 {
    common::cases_at_least(10_000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Whatever the contract's rules accept, the contract's schema accepts.
    #[test]
    fn valid_settings_match_the_schema(settings in valid_settings(true)) {
        prop_assert!(validate_settings(&settings, true).is_empty(),
            "strategy made invalid settings: {:?}", validate_settings(&settings, true));
        let json = serde_json::to_value(&settings).unwrap();
        common::assert_valid(schema("Settings"), &json, "valid settings");
        let write = SettingsWrite { token: Some("abc_DEF-123".into()), settings: settings.clone(), restored_from: None };
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
