//! The parser against serde_json on the corners of JSON's grammar; the typed reading is
//! held to serde's derives by `tests/decoder_properties.rs`.

use super::*;

fn agree(text: &str) {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?} vs {theirs:?}");
}

#[test]
fn the_grammar_is_json_exactly() {
    for text in [
        "null",
        " true ",
        "false",
        "0",
        "-1",
        "01",
        "+1",
        "1.",
        ".5",
        "1.5",
        "1e5",
        "1E+5",
        "1e-",
        "-",
        "--1",
        "\"a\"",
        "\"\\u0041\"",
        "\"\\x\"",
        "\"\u{1}\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83dx\"",
        "\"\\u12\"",
        "[]",
        "[1,]",
        "[1 2]",
        "{}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":1}x",
        "[1]]",
        "nul",
        "truex",
        "\"\t\"",
        "\"",
        "\"\\",
        "",
        " ",
        "[\"a\",{\"b\":[null]}]",
        "\u{feff}1",
    ] {
        agree(text);
    }
}

#[test]
fn strings_unescape_as_serde_does() {
    for text in ["\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u0416\\ud83d\\ude00ё👍\"", "\"plain кириллица\""]
    {
        let theirs: String = serde_json::from_str(text).unwrap();
        assert_eq!(parse(text), Ok(Json::String(theirs)), "{text}");
    }
}

#[test]
fn integers_are_what_serde_reads_as_integers() {
    for text in [
        "0",
        "-0",
        "7",
        "-7",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "1.0",
        "1e0",
        "4294967296",
    ] {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let serde_int = value.as_i64().map(i128::from).or(value.as_u64().map(i128::from));
        let ours = match parse(text) {
            Ok(Json::Int(n)) => Some(n),
            Ok(Json::Float) => None,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(ours, serde_int, "{text}");
        assert_eq!(from_json_str::<i64>(text).ok(), serde_json::from_str::<i64>(text).ok(), "{text} as i64");
        assert_eq!(from_json_str::<u64>(text).ok(), serde_json::from_str::<u64>(text).ok(), "{text} as u64");
        assert_eq!(from_json_str::<u32>(text).ok(), serde_json::from_str::<u32>(text).ok(), "{text} as u32");
    }
}

#[test]
fn nesting_is_bounded_and_never_overflows_the_stack() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&deep(MAX_DEPTH + 1)).is_ok());
    assert_eq!(parse(&deep(MAX_DEPTH + 2)), Err(JsonError::TooDeep));
    assert_eq!(parse(&deep(100_000)), Err(JsonError::TooDeep));
}

#[derive(Debug, PartialEq, Default)]
struct Probe {
    name: String,
    count: Option<u32>,
    tags: Vec<String>,
}
from_json_struct! { Probe { name, count, #[default] tags } }

#[derive(Debug, PartialEq)]
enum Size {
    Small,
    Large,
}
from_json_unit_enum!(Size { Small, Large });

#[test]
fn structs_read_fields_as_serde_derives_do() {
    let probe = |text: &str| from_json_str::<Probe>(text);
    assert_eq!(probe(r#"{"name":"a","extra":[1,{"x":null}]}"#), Ok(Probe { name: "a".into(), ..Probe::default() }));
    assert_eq!(probe(r#"{"name":"a","count":null,"tags":["t"]}"#).map(|p| p.tags), Ok(vec!["t".to_owned()]));
    assert_eq!(probe(r#"{"count":1}"#), Err(JsonError::Missing("name")));
    assert_eq!(probe(r#"{"name":"a","name":"b"}"#), Err(JsonError::Duplicate("name")));
    assert_eq!(probe(r#"{"name":"a","tags":null}"#), Err(JsonError::Type("an array")));
    assert_eq!(probe(r#"{"name":"a","count":-1}"#), Err(JsonError::Type("u32")));
    assert_eq!(probe(r#"["a"]"#), Err(JsonError::Type("an object")));
    assert_eq!(from_json_str::<Size>("\"Large\""), Ok(Size::Large));
    assert_eq!(from_json_str::<Size>("\"large\""), Err(JsonError::Tag("large".into())));
    assert!(from_json_str::<Size>("\"Small\"").is_ok());
    let mut fields = Fields::of(parse(r#"{"name":"a","nmae":1}"#).unwrap()).unwrap();
    assert_eq!(fields.take::<String>("name"), Ok("a".into()));
    assert_eq!(fields.deny_unknown(), Err(JsonError::Unknown("nmae".into())));
}

#[test]
fn errors_say_what_went_wrong() {
    assert_eq!(JsonError::Missing("name").to_string(), "missing field `name`");
    assert_eq!(parse("[1,]").map_err(|e| e.to_string()), Err("not JSON at byte 3".to_owned()));
}
