//! The dev back end answers only what the contract documents: every error case it can be
//! made to answer, operation by operation, is a status `Operation::documented_client_errors`
//! lists (or a 5xx), with a body of the documented schema and `Retry-After` on 429.

use max_channel_contract::*;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

/// Sends one provoked call and checks its answer against the contract, noting its status.
async fn provoke(op: Operation, request: RequestBuilder, wanted: u16, seen: &mut Vec<(Operation, u16)>) {
    let r = request.send().await.unwrap();
    let status = r.status().as_u16();
    let retry_after = r.headers().get("retry-after").cloned();
    let text = r.text().await.unwrap();
    assert_eq!(status, wanted, "{}: {text}", op.name());
    assert!(
        op.documented_client_errors().contains(&status) || status >= 500,
        "{} answered {status}, which the contract does not document for it: {text}",
        op.name()
    );
    let body: Value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("{} {status}: not JSON: {text}", op.name()));
    assert_matches_schema(op, status, &body);
    if status == 429 {
        assert!(retry_after.is_some(), "{} 429 without Retry-After", op.name());
    }
    seen.push((op, status));
}

#[tokio::test]
async fn every_provoked_error_is_a_documented_status() {
    let api = Api::start(|_| {}).await;
    let mut seen = Vec::new();
    let seen = &mut seen;
    let call = |method: Method, path: &str| api.request(method, path);
    let no_csrf = |method: Method, path: &str| api.client.request(method, api.url(&format!("/api/v1{path}")));
    let write = |token: &str| json!({ "token": token, "settings": settings() });

    // Nothing connected yet.
    provoke(Operation::GetMaxSettings, call(Method::GET, "/channels/max/settings"), 404, seen).await;
    for op in [Operation::GetMaxHealth, Operation::CheckMaxHealth, Operation::RepairMaxHealth] {
        provoke(op, call(Method::from_bytes(op.method().as_bytes()).unwrap(), op.path()), 404, seen).await;
    }
    let test_path = Operation::GetMaxDeliveryTest.path_for("dt-none");
    provoke(Operation::StartMaxDeliveryTest, call(Method::POST, "/channels/max/delivery-tests"), 404, seen).await;
    provoke(Operation::GetMaxDeliveryTest, call(Method::GET, &test_path), 404, seen).await;
    provoke(Operation::GetMaxSources, call(Method::GET, "/channels/max/sources"), 404, seen).await;
    // CSRF on every state-changing call.
    for op in Operation::ALL.into_iter().filter(|op| op.needs_csrf()) {
        let method = Method::from_bytes(op.method().as_bytes()).unwrap();
        provoke(op, no_csrf(method, op.path()).header("If-None-Match", "*").json(&write("t-1")), 403, seen).await;
    }
    // The token check.
    let verify = |body: Value| call(Method::POST, "/channels/max/token/verify").json(&body);
    provoke(Operation::VerifyMaxToken, call(Method::POST, "/channels/max/token/verify").body("{"), 400, seen).await;
    provoke(Operation::VerifyMaxToken, verify(json!({ "token": 5 })), 400, seen).await;
    provoke(Operation::VerifyMaxToken, verify(json!({ "token": "a b" })), 422, seen).await;
    provoke(Operation::VerifyMaxToken, verify(json!({ "token": "revoked-1" })), 422, seen).await;
    provoke(Operation::VerifyMaxToken, verify(json!({ "token": "busy-1" })), 429, seen).await;
    provoke(Operation::VerifyMaxToken, verify(json!({ "token": "down-1" })), 502, seen).await;
    // Saves.
    let put = || call(Method::PUT, "/channels/max/settings");
    provoke(Operation::PutMaxSettings, put().json(&write("t-1")), 428, seen).await;
    provoke(Operation::PutMaxSettings, put().header("If-None-Match", "\"1\"").json(&write("t-1")), 400, seen).await;
    provoke(Operation::PutMaxSettings, put().header("If-Match", "\"1\"").json(&write("t-1")), 400, seen).await;
    provoke(Operation::PutMaxSettings, put().header("If-None-Match", "*").body("[]"), 400, seen).await;
    provoke(
        Operation::PutMaxSettings,
        put().header("If-None-Match", "*").json(&json!({ "settings": settings() })),
        422,
        seen,
    )
    .await;
    provoke(Operation::PutMaxSettings, put().header("If-None-Match", "*").json(&write("busy-1")), 429, seen).await;
    provoke(Operation::PutMaxSettings, put().header("If-None-Match", "*").json(&write("down-1")), 502, seen).await;
    let saved = api.connect("statuses-token-1").await;
    provoke(Operation::PutMaxSettings, put().header("If-None-Match", "*").json(&write("t-1")), 412, seen).await;
    provoke(Operation::PutMaxSettings, put().header("If-Match", "\"999\"").json(&write("t-1")), 412, seen).await;
    assert_eq!(saved.version, "1");
    // Queries.
    for query in ["limit=0", "limit=x", "cursor=abc"] {
        provoke(Operation::ListEmployees, call(Method::GET, &format!("/employees?{query}")), 400, seen).await;
        provoke(
            Operation::ListMaxSettingsHistory,
            call(Method::GET, &format!("/channels/max/settings/history?{query}")),
            400,
            seen,
        )
        .await;
    }
    // Delivery tests and sources, connected.
    let r = call(Method::POST, "/channels/max/delivery-tests").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    provoke(Operation::StartMaxDeliveryTest, call(Method::POST, "/channels/max/delivery-tests"), 429, seen).await;
    provoke(Operation::GetMaxSources, call(Method::GET, "/channels/max/sources?days=8"), 400, seen).await;
    // The health, connected.
    api.dev_ok("max-condition", json!({ "condition": "token_revoked" })).await;
    provoke(Operation::RepairMaxHealth, call(Method::POST, "/channels/max/health/repair"), 422, seen).await;
    api.dev_ok("max-condition", json!({ "condition": "max_down" })).await;
    provoke(Operation::CheckMaxHealth, call(Method::POST, "/channels/max/health/check"), 502, seen).await;
    provoke(Operation::CheckMaxHealth, call(Method::POST, "/channels/max/health/check"), 429, seen).await;
    provoke(Operation::RepairMaxHealth, call(Method::POST, "/channels/max/health/repair"), 502, seen).await;
    api.dev_ok("max-condition", json!({ "condition": "rate_limited" })).await;
    provoke(Operation::RepairMaxHealth, call(Method::POST, "/channels/max/health/repair"), 429, seen).await;

    // Every operation's documented 4xx that a client can cause was caused (401 is the
    // cabinet's session, which the dev back end does not have).
    for op in Operation::ALL {
        for status in op.documented_client_errors().iter().filter(|s| **s != 401) {
            assert!(seen.contains(&(op, *status)), "{} {status} was never provoked", op.name());
        }
    }
}

#[tokio::test]
async fn every_operation_is_routed_and_its_success_matches_its_schema() {
    let api = Api::start(|_| {}).await;
    api.connect("routed-token-1").await;
    // The disconnect last: the health answers only a connected channel.
    let mut ops = Operation::ALL.to_vec();
    ops.sort_by_key(|op| *op == Operation::DisconnectMax);
    // `Operation::ALL` starts a delivery test before it reads one.
    let mut test_id = String::new();
    for op in ops {
        let method = Method::from_bytes(op.method().as_bytes()).unwrap();
        let mut request = api.request(method, &op.path_for(&test_id));
        if op == Operation::VerifyMaxToken {
            request = request.json(&json!({ "token": "routed-token-2" }));
        }
        if op == Operation::PutMaxSettings {
            request = request.header("If-Match", "\"1\"").json(&json!({ "settings": settings() }));
        }
        let r = request.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        match op {
            Operation::DisconnectMax => assert_eq!(status, StatusCode::NO_CONTENT, "{}", op.name()),
            Operation::StartMaxDeliveryTest => {
                assert_eq!(status, StatusCode::CREATED, "{}: {text}", op.name());
                let test: Value = serde_json::from_str(&text).unwrap();
                assert_matches_schema(op, 201, &test);
                test_id = test["id"].as_str().unwrap().to_owned();
            }
            _ => {
                assert_eq!(status, StatusCode::OK, "{}: {text}", op.name());
                assert_matches_schema(op, 200, &serde_json::from_str(&text).unwrap());
            }
        }
    }
    // A path the contract does not have: 404 with an ErrorBody, and no operation named.
    let r = api.get("/channels/max/nothing").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(r).await.code, ErrorCode::NotFound);
}
