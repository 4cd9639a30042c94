//! Cases too big or too precise for the strategies: deep nesting, serde's integer tags,
//! numbers at the edges of their types, strings as JSON text may write them.

use super::*;

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
