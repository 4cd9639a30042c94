//! What the fake's tests share: a fake at a fixed moment, saving helpers, and the
//! contract's JSON schemas to check every answer against.

#![allow(dead_code)]

use max_channel_contract::*;
use max_channel_fake::{samples, Fake, ManualClock, Precondition, SeedKind};
use serde_json::Value;

/// Today, as the tests see it.
pub const NOW: &str = "2026-12-01T09:30:00+03:00";

/// A fresh account on the standard seed, and the clock that moves it.
pub fn fake() -> (Fake, ManualClock) {
    let clock = ManualClock::at(NOW);
    (Fake::new(SeedKind::Standard, true, Box::new(clock.clone())), clock)
}

/// The precondition the app would send for what is stored.
pub fn precondition(fake: &Fake) -> Precondition {
    match &fake.account().settings {
        Some(current) => Precondition::IfMatch(format!("\"{}\"", current.version)),
        None => Precondition::CreateOnly,
    }
}

/// Saves `settings` (with `token` when given) as the app would.
pub fn save(fake: &mut Fake, settings: Settings, token: Option<&str>) -> VersionedSettings {
    let write = SettingsWrite { token: token.map(str::to_owned), settings, restored_from: None };
    let precondition = precondition(fake);
    fake.save(&precondition, &write).unwrap_or_else(|r| panic!("save refused: {} {}", r.status, r.json()))
}

/// Connects the channel with a good token.
pub fn connect(fake: &mut Fake) -> VersionedSettings {
    save(fake, samples::settings(), Some("good-token-0001"))
}

/// The settings with the closing message's text set to `text`: one visible change.
pub fn with_closing(text: &str) -> Settings {
    let mut settings = samples::settings();
    settings.closing_message.text = text.to_owned();
    settings
}

fn spec() -> &'static Value {
    static SPEC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| {
        serde_norway::from_str(include_str!("../../../../contract/spec/openapi.yaml")).expect("the spec parses")
    })
}

/// Panics unless `value` matches the schema at `pointer` (e.g.
/// `/components/schemas/ChannelHealth`).
pub fn assert_schema(pointer: &str, value: &Value) {
    let mut root = spec().clone();
    let object = root.as_object_mut().expect("the spec is an object");
    object.insert("$ref".into(), Value::String(format!("#{pointer}")));
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema at {pointer}: {e}"));
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{pointer}:\n{}\n{value:#}", errors.join("\n"));
}

/// The 200 schema of an operation's response.
pub fn response_schema(path: &str, method: &str) -> String {
    format!("/paths/{}/{method}/responses/200/content/application~1json/schema", path.replace('/', "~1"))
}
