//! Loading the OpenAPI document the contract implements.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// `../shared/contract/openapi.yaml` beside the workspace when it exists (the source of
/// truth), else the snapshot this crate keeps of it.
pub fn spec_path() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../../../shared/contract/openapi.yaml");
    if shared.exists() {
        shared
    } else {
        manifest.join("spec/openapi.yaml")
    }
}

pub fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec/openapi.yaml")
}

/// The document as JSON.
pub fn spec() -> Value {
    let text = std::fs::read_to_string(spec_path()).expect("read openapi.yaml");
    serde_norway::from_str(&text).expect("parse openapi.yaml")
}

/// A JSON-schema validator for the schema at `pointer` (e.g. `/components/schemas/Settings`),
/// with the whole document as the root so that `$ref`s resolve.
pub fn validator(spec: &Value, pointer: &str) -> jsonschema::Validator {
    let mut root = spec.clone();
    root.as_object_mut().unwrap().insert("$ref".into(), Value::String(format!("#{}", uri_fragment(pointer))));
    root.as_object_mut()
        .unwrap()
        .insert("$schema".into(), Value::String("https://json-schema.org/draft/2020-12/schema".into()));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema at {pointer}: {e}"))
}

/// A JSON pointer as a URI fragment (RFC 6901, section 6): what a fragment may not hold
/// percent-encoded, e.g. the braces of `/paths/~1channels~1max~1delivery-tests~1{id}`.
pub fn uri_fragment(pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len());
    for byte in pointer.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes a path segment for a JSON pointer.
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Panics with every schema error of `value` against `validator`.
pub fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match its schema:\n{}\n{value:#}", errors.join("\n"));
}

/// Cases per property test: `min` by default, `PROPTEST_CASES` may raise it (never lower
/// it, so `cargo test` alone always runs the minimum).
pub fn cases_at_least(min: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(min, |n: u32| n.max(min))
}
