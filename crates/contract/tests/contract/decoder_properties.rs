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

mod arbitrary;
mod dto;
mod examples;
mod json_paths;
mod mutations;
// Cases too big or too precise for the strategies.
mod edges;
use arbitrary::*;
use dto::*;
use examples::*;
use json_paths::*;
use mutations::*;

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
