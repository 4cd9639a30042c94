//! `/__dev/*`: the fake MAX's condition, a customer's message, the clock, the actor, the
//! schedule, presets, reset — each through HTTP, as the end-to-end tests and demos use them.

use max_channel_contract::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::*;

async fn health(api: &Api) -> Value {
    api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await
}

async fn now(api: &Api) -> i64 {
    let clock: Value = api.client.get(api.url("/__dev/clock")).send().await.unwrap().json().await.unwrap();
    clock["unix_seconds"].as_i64().unwrap()
}

async fn schedule(api: &Api) -> Value {
    api.ok_json(Operation::GetSchedule, api.get("/schedule").await).await
}

async fn refused(api: &Api, path: &str, body: Value) -> Value {
    let r = api.dev(path, body.clone()).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "/__dev/{path} {body}");
    let answer: Value = r.json().await.unwrap();
    assert_eq!(answer["error"]["code"], "bad_request", "{answer}");
    answer
}

#[tokio::test]
async fn the_fake_max_takes_every_condition_and_the_health_follows() {
    let api = Api::start(|_| {}).await;
    api.connect("condition-token-1").await;
    // (condition, overall, token status, subscription status)
    let cases = [
        ("healthy", "ok", "ok", "active"),
        ("deliveries_failing", "warning", "ok", "active"),
        ("subscription_lost", "failing", "ok", "missing"),
        ("wrong_url", "failing", "ok", "wrong_url"),
        ("missing_types", "warning", "ok", "missing_types"),
        ("token_revoked", "failing", "failing", "unknown"),
        ("bot_blocked", "failing", "failing", "unknown"),
        ("max_down", "unknown", "unknown", "unknown"),
        ("rate_limited", "unknown", "unknown", "unknown"),
    ];
    assert_eq!(cases.len(), max_channel_fake::MaxCondition::ALL.len());
    for (condition, overall, token, subscription) in cases {
        api.dev_ok("max-condition", json!({ "condition": condition })).await;
        let h = health(&api).await;
        let seen = (h["overall"].as_str(), h["token"]["status"].as_str(), h["subscription"]["status"].as_str());
        assert_eq!(seen, (Some(overall), Some(token), Some(subscription)), "{condition}: {h}");
    }
    refused(&api, "max-condition", json!({ "condition": "on_fire" })).await;
    refused(&api, "max-condition", json!({})).await;
}

#[tokio::test]
async fn a_customer_writes_and_the_clock_moves() {
    let api = Api::start(|_| {}).await;
    api.connect("inbound-token-1").await;
    assert!(health(&api).await["delivery"]["last_inbound_at"].is_null());
    api.dev_ok("inbound", Value::Null).await;
    let at = health(&api).await["delivery"]["last_inbound_at"].clone();
    assert!(at.as_str().is_some_and(|t| t.ends_with("+03:00")), "{at}");

    let before = now(&api).await;
    let r = api.dev("clock", json!({ "advance_hours": 2, "advance_minutes": 30 })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let moved: Value = r.json().await.unwrap();
    let after = moved["unix_seconds"].as_i64().unwrap();
    assert!((9000..9003).contains(&(after - before)), "{before} → {after}");
    assert!(moved["now"].as_str().unwrap().ends_with("+03:00"));
    for bad in [
        json!({}),
        json!({ "advance_hours": -1 }),
        json!({ "advance_days": 1 }),
        json!({ "advance_hours": i64::MAX }),
        json!({ "advance_seconds": "1" }),
    ] {
        refused(&api, "clock", bad).await;
    }
    // Reset brings back the real time.
    api.dev_ok("reset", Value::Null).await;
    assert!(now(&api).await - before < 5);
}

#[tokio::test]
async fn another_administrator_saves() {
    let api = Api::start(|_| {}).await;
    refused(&api, "actor", json!({ "id": "e-nobody" })).await;
    refused(&api, "actor", json!({ "name": "Кто-то" })).await;
    api.dev_ok("actor", json!({ "id": "e-5000" })).await;
    api.connect("actor-token-1").await;
    let history: Value = api.get("/channels/max/settings/history").await.json().await.unwrap();
    assert_eq!(history["items"][0]["actor"]["id"], "e-5000");
    // A reset makes the session's administrator e-101 again.
    api.dev_ok("reset", Value::Null).await;
    api.connect("actor-token-2").await;
    let history: Value = api.get("/channels/max/settings/history").await.json().await.unwrap();
    assert_eq!(history["items"][0]["actor"]["id"], "e-101");
}

#[tokio::test]
async fn the_schedule_is_replaced_whole_or_by_name_and_only_when_it_keeps_the_rules() {
    let api = Api::start(|_| {}).await;
    assert_eq!(schedule(&api).await["timezone"], "Europe/Moscow");
    api.dev_ok("schedule", json!({ "preset": "vladivostok" })).await;
    assert_eq!(schedule(&api).await["timezone"], "Asia/Vladivostok");
    api.dev_ok("schedule", json!({ "preset": "always_open" })).await;
    assert_eq!(schedule(&api).await["week"][6], json!([{ "from": "00:00", "to": "24:00" }]));

    let mine = json!({
        "timezone": "Asia/Yekaterinburg",
        "week": [[{ "from": "10:00", "to": "19:00" }], [], [], [], [], [], []],
        "exceptions": [{ "date": "2027-03-08", "title": "8 Марта", "intervals": [] }],
        "settings_url": null
    });
    api.dev_ok("schedule", mine.clone()).await;
    let got = schedule(&api).await;
    assert_eq!(got["timezone"], mine["timezone"]);
    assert_eq!(got["week"], mine["week"]);
    assert_eq!(got["exceptions"][0]["date"], "2027-03-08");

    let broken = json!({
        "timezone": "Asia/Yekaterinburg",
        "week": [[{ "from": "19:00", "to": "10:00" }], [], [], [], [], []],
        "exceptions": [],
        "settings_url": null
    });
    let answer = refused(&api, "schedule", broken).await;
    let problems = answer["problems"].as_array().unwrap();
    assert!(problems.len() >= 2, "{answer}");
    assert!(problems.iter().any(|p| p.as_str().unwrap().starts_with("week:")), "{answer}");
    assert!(problems.iter().any(|p| p.as_str().unwrap().starts_with("week[0][0]")), "{answer}");
    refused(&api, "schedule", json!({ "preset": "mars" })).await;
    refused(&api, "schedule", json!({ "timezone": 3 })).await;
    assert_eq!(got, schedule(&api).await, "nothing changed by a refusal");
}

#[tokio::test]
async fn presets_build_whole_accounts() {
    let api = Api::start(|_| {}).await;
    for preset in max_channel_fake::Preset::ALL {
        let id = preset.name();
        api.dev_ok("preset", json!({ "id": id })).await;
        let channel = api.ok_json(Operation::GetMaxChannel, api.get("/channels/max").await).await;
        let connected = !matches!(id, "not_connected" | "no_chat_bots");
        assert_eq!(channel["token_hint"].is_string(), connected, "{id}: {channel}");
        assert_eq!(channel["features"]["chat_bots_service"], id != "no_chat_bots", "{id}");
        let r = api.get("/channels/max/health").await;
        let history = api
            .ok_json(Operation::ListMaxSettingsHistory, api.get("/channels/max/settings/history?limit=100").await)
            .await;
        if !connected {
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{id}");
            continue;
        }
        let health = api.ok_json(Operation::GetMaxHealth, r).await;
        let expected = match id {
            "error" => ("error", "failing"),
            "health_warning" => ("connected", "warning"),
            "health_failing" => ("connected", "failing"),
            "health_unknown" => ("connected", "unknown"),
            "subscription_lost" => ("error", "failing"),
            _ => ("connected", "ok"),
        };
        assert_eq!(
            (channel["state"].as_str(), health["overall"].as_str()),
            (Some(expected.0), Some(expected.1)),
            "{id}"
        );
        let entries = history["items"].as_array().unwrap().len();
        let least = match id {
            "long_history" => 40,
            "no_dialogs" => 1,
            "sources" => 2,
            _ => 3,
        };
        assert!(entries >= least, "{id}: {entries}");
    }
    api.dev_ok("preset", json!({ "id": "other_zone" })).await;
    let schedule: Value = api.get("/schedule").await.json().await.unwrap();
    assert_eq!(schedule["timezone"], "Asia/Vladivostok");
    let answer = refused(&api, "preset", json!({ "id": "chaos" })).await;
    assert!(answer["error"]["message"].as_str().unwrap().contains("long_history"), "{answer}");
    // A preset is a fresh account, then a reset is an empty one again.
    api.dev_ok("reset", Value::Null).await;
    assert_eq!(api.get("/channels/max/settings").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn new_controls_need_the_test_controls_too() {
    let api = Api::start(|c| c.test_controls = false).await;
    for path in ["max-condition", "inbound", "clock", "actor", "schedule", "preset", "updates", "dialogs"] {
        let r = api.dev(path, json!({})).await;
        assert!(!r.status().is_success(), "{path}: {}", r.status());
    }
}

#[tokio::test]
async fn the_channel_state_is_forced_and_every_answer_delayed() {
    let api = Api::start(|_| {}).await;
    api.dev_ok("channel-state", json!({ "state": "error", "state_reason": "token_revoked" })).await;
    let channel = api.channel().await;
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Error, Some(StateReason::TokenRevoked)));
    refused(&api, "channel-state", json!({ "state_reason": "token_revoked" })).await;

    api.dev_ok("latency", json!({ "ms": 250 })).await;
    let started = std::time::Instant::now();
    assert_eq!(api.get("/groups").await.status(), StatusCode::OK);
    assert!(started.elapsed() >= std::time::Duration::from_millis(250));
    refused(&api, "latency", json!({ "ms": "soon" })).await;
    // A reset: no latency, and the channel as new.
    api.dev_ok("reset", json!({ "chat_bots_service": false })).await;
    let started = std::time::Instant::now();
    let channel = api.channel().await;
    assert!(started.elapsed() < std::time::Duration::from_millis(250));
    assert_eq!(channel.state, ChannelState::NotConnected);
    assert!(!channel.features.chat_bots_service);
}
