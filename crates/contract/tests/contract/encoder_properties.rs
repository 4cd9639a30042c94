//! The app writes its request bodies with `json::ToJson` (decision 65), not serde: the text
//! must be exactly what `serde_json::to_string` writes for the same value, on arbitrary
//! settings (valid or not: every routing, repeat and non-working-hours variant, any text)
//! and on strings made of every kind of character.

use crate::common;

use max_channel_contract::arbitrary::{any_settings, any_string, valid_settings, TRICKY_CHARS};
use max_channel_contract::json::{from_json_str, to_json_string, ToJson};
use max_channel_contract::*;
use proptest::prelude::*;
use serde::Serialize;

fn same_as_serde<T: ToJson + Serialize>(value: &T) -> Result<(), TestCaseError> {
    let ours = to_json_string(value);
    let theirs = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(ours, theirs);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases_at_least(2_000)))]

    #[test]
    fn settings_are_written_as_serde_writes_them(
        settings in any_settings(),
        token in proptest::option::of(any_string(40)),
        restored_from in proptest::option::of(any_string(8)),
    ) {
        same_as_serde(&settings)?;
        let write = SettingsWrite { token, settings, restored_from };
        same_as_serde(&write)?;
        // And read back by the app's reader to the same value.
        prop_assert_eq!(from_json_str::<SettingsWrite>(&to_json_string(&write)).ok(), Some(write));
    }

    #[test]
    fn valid_settings_with_chat_bots_too(settings in valid_settings(true)) {
        same_as_serde(&settings)?;
    }

    #[test]
    fn any_text_is_escaped_as_serde_escapes_it(token in any_string(64), code in any::<char>()) {
        same_as_serde(&TokenVerifyRequest { token: format!("{token}{code}") })?;
    }
}

#[test]
fn every_control_and_tricky_character_is_escaped_as_serde_does() {
    let all: String = ('\0'..='\u{7f}').chain(TRICKY_CHARS.iter().copied()).collect();
    assert_eq!(to_json_string(&all), serde_json::to_string(&all).unwrap());
    assert_eq!(to_json_string(&Some(7u32)), "7");
    assert_eq!(to_json_string(&None::<u32>), "null");
    assert_eq!(to_json_string(&vec![i64::MIN, 0, i64::MAX]), serde_json::to_string(&[i64::MIN, 0, i64::MAX]).unwrap());
}
