//! Contract 1.1's health operations with the fake MAX, and the scenario the work is done
//! when: deliveries fail, MAX removes the subscription after 8 hours, the channel shows
//! it, and «Восстановить подписку» brings it back.

use max_channel_contract::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

/// A token whose last characters are distinctive, so its absence from answers means
/// something.
const TOKEN: &str = "live-token-Zq8Xw3Rt";

const CHECK: &str = "/channels/max/health/check";
const REPAIR: &str = "/channels/max/health/repair";

/// Past «Проверить сейчас»'s ten seconds between checks.
async fn later(api: &Api) {
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
}

#[tokio::test]
async fn health_is_404_until_connected_and_its_writes_need_csrf() {
    let api = Api::start(|_| {}).await;
    for (method, path) in [(Method::GET, "/channels/max/health"), (Method::POST, CHECK), (Method::POST, REPAIR)] {
        let r = api.request(method.clone(), path).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(error_of(r).await.code, ErrorCode::NotFound);
    }
    // A verified token is not a connection yet.
    assert_eq!(api.verify("almost-there-1").await.status(), StatusCode::OK);
    assert_eq!(api.get("/channels/max/health").await.status(), StatusCode::NOT_FOUND);

    api.connect(TOKEN).await;
    for path in [CHECK, REPAIR] {
        for csrf in [None, Some("wrong")] {
            let mut request = api.client.post(api.url(&format!("/api/v1{path}")));
            if let Some(value) = csrf {
                request = request.header(CSRF_HEADER, value);
            }
            let r = request.send().await.unwrap();
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path} {csrf:?}");
            assert_eq!(error_of(r).await.code, ErrorCode::Forbidden);
        }
    }
    // Disconnected again: 404 again.
    api.request(Method::DELETE, "/channels/max/connection").send().await.unwrap();
    assert_eq!(api.get("/channels/max/health").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn eight_hours_of_failing_deliveries_lose_the_subscription_and_a_repair_restores_it() {
    let api = Api::start(|_| {}).await;
    let mut bodies = Vec::new();
    api.connect(TOKEN).await;
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(health["overall"], "ok");
    assert_eq!(health["subscription"]["status"], "active");
    assert_eq!(health["subscription"]["update_types"], json!(NEEDED_UPDATE_TYPES));
    assert_eq!(health["subscription"]["url"], max_channel_fake::DEFAULT_WEBHOOK_URL);
    bodies.push(health);

    // The webhook starts failing: MAX still retries, so the subscription is there.
    api.dev_ok("max-condition", json!({ "condition": "deliveries_failing" })).await;
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(health["subscription"]["status"], "active");
    assert!(health["delivery"]["failing_since"].is_string(), "{health}");
    assert_eq!(api.channel().await.state, ChannelState::Connected, "not yet lost");
    bodies.push(health);

    // Eight hours later MAX has removed it, and nobody was told — except this check.
    api.dev_ok("clock", json!({ "advance_hours": 8 })).await;
    let answer = api.get("/channels/max/health").await;
    let dated = date_of(&answer);
    let health = api.ok_json(Operation::GetMaxHealth, answer).await;
    // `Date` tells the app the back end's time: 8 hours on, like `checked_at`.
    let checked = max_channel_contract::time::Moment::parse(health["checked_at"].as_str().unwrap()).unwrap();
    assert!((dated - checked.unix_seconds).abs() <= 1, "Date {dated} vs checked_at {}", checked.unix_seconds);
    let machine = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((dated - machine - 8 * 3600).abs() <= 5, "Date is 8 h ahead of the machine");
    assert_eq!(health["subscription"]["status"], "missing");
    assert_eq!(health["overall"], "failing");
    assert_eq!(health["token"]["status"], "ok");
    assert_eq!(health["subscription"]["missing_types"], json!(NEEDED_UPDATE_TYPES));
    assert_eq!(health["delivery"]["last_error"]["message"], max_channel_fake::max::REMOVED_MESSAGE);
    bodies.push(health);
    let channel = api.get("/channels/max").await.json::<Value>().await.unwrap();
    assert_eq!(channel["state"], "error");
    assert_eq!(channel["state_reason"], "subscription_lost");
    let groups: ChannelGroups = api.get("/channel-groups").await.json().await.unwrap();
    assert_eq!(groups.groups[0].channels[0].state, ChannelState::Error, "the tile too");

    // Without CSRF nothing is repaired.
    let r = api.client.post(api.url(&format!("/api/v1{REPAIR}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(api.channel().await.state, ChannelState::Error);

    // «Восстановить подписку».
    let health = api.ok_json(Operation::RepairMaxHealth, api.post(REPAIR).await).await;
    assert_eq!(health["subscription"]["status"], "active");
    assert_eq!(health["overall"], "ok");
    assert!(health["delivery"]["failing_since"].is_null(), "{health}");
    bodies.push(health);
    let channel = api.channel().await;
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Connected, None));
    // And it stays so.
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(health["subscription"]["status"], "active");
    bodies.push(health);

    // No answer of health or history ever holds the token.
    let history = api.ok_json(Operation::ListMaxSettingsHistory, api.get("/channels/max/settings/history").await).await;
    bodies.push(history);
    let channel = api.get("/channels/max").await.text().await.unwrap();
    for body in bodies.iter().map(Value::to_string).chain([channel]) {
        assert!(!body.contains(TOKEN) && !body.contains("Zq8Xw3Rt"), "{body}");
    }
}

#[tokio::test]
async fn checks_are_rate_limited_and_answer_what_max_says() {
    let api = Api::start(|_| {}).await;
    api.connect(TOKEN).await;
    api.ok_json(Operation::CheckMaxHealth, api.post(CHECK).await).await;
    let r = api.post(CHECK).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "«Проверить сейчас» twice in ten seconds");
    let wait: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "{wait}");
    assert_eq!(error_of(r).await.code, ErrorCode::RateLimited);
    // A GET is never refused for that: it answers the health just checked.
    api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;

    // (condition, the check's answer, the repair's answer)
    let cases: [(&str, u16, u16); 8] = [
        ("healthy", 200, 200),
        ("wrong_url", 200, 200),
        ("missing_types", 200, 200),
        ("subscription_lost", 200, 200),
        ("token_revoked", 200, 422),
        ("bot_blocked", 200, 422),
        ("max_down", 502, 502),
        ("rate_limited", 429, 429),
    ];
    for (condition, check, repair) in cases {
        for (path, expected) in [(CHECK, check), (REPAIR, repair)] {
            api.dev_ok("max-condition", json!({ "condition": condition })).await;
            later(&api).await;
            let r = api.post(path).await;
            assert_eq!(r.status().as_u16(), expected, "{condition} {path}");
            match expected {
                200 => {
                    let op = if path == CHECK { Operation::CheckMaxHealth } else { Operation::RepairMaxHealth };
                    let health = api.ok_json(op, r).await;
                    let token = &health["token"];
                    match condition {
                        "token_revoked" => assert_eq!(token["reason"], "token_revoked"),
                        "bot_blocked" => assert_eq!(token["reason"], "bot_blocked"),
                        _ if path == REPAIR => assert_eq!(health["subscription"]["status"], "active", "{condition}"),
                        "healthy" => assert_eq!(health["subscription"]["status"], "active"),
                        other => {
                            assert_eq!(health["subscription"]["status"], other.replace("subscription_lost", "missing"))
                        }
                    }
                }
                429 => assert_eq!(r.headers()["retry-after"], "30", "{condition} {path}"),
                _ => {
                    let code = error_of(r).await.code;
                    let wanted = if expected == 422 { ErrorCode::TokenInvalid } else { ErrorCode::MaxUnavailable };
                    assert_eq!(code, wanted, "{condition} {path}");
                }
            }
        }
    }
    // MAX does not answer: a GET still answers, «unknown».
    api.dev_ok("max-condition", json!({ "condition": "max_down" })).await;
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(health["overall"], "unknown");
    assert_eq!(health["token"]["status"], "unknown");
}

/// The answer's `Date` as seconds since the epoch.
fn date_of(answer: &reqwest::Response) -> i64 {
    let text = answer.headers().get("date").and_then(|v| v.to_str().ok()).expect("a Date header");
    let at = httpdate::parse_http_date(text).expect("an HTTP date");
    at.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or_default()
}
