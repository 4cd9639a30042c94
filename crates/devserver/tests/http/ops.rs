//! Contract 1.0's operations: reads, the directory, CSRF, the token, saves with their
//! preconditions, validation, faults, the request log, the state file.

use std::time::Duration;

use max_channel_contract::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

#[tokio::test]
async fn reads_answer_in_the_contracts_shapes() {
    let api = Api::start(|_| {}).await;
    let groups: ChannelGroups = api.get("/channel-groups").await.json().await.unwrap();
    let max = &groups.groups[0].channels[0];
    assert_eq!((max.kind.clone(), max.available), (ChannelKind::Max, true));
    assert_eq!(max.state, ChannelState::NotConnected);
    assert!(groups.groups.iter().flat_map(|g| &g.channels).filter(|t| !t.available).count() >= 5);

    let channel = api.channel().await;
    assert_eq!(channel.pricing.monthly_fee, Money { amount_minor: 50_000, currency: "RUB".into() });
    assert!(channel.features.chat_bots_service);
    assert_eq!((channel.bot, channel.token_hint), (None, None));

    let groups: GroupList = api.get("/groups").await.json().await.unwrap();
    assert!(groups.items.len() >= 4);
    let bots: ChatBotList = api.get("/chat-bots").await.json().await.unwrap();
    assert!(bots.items.len() >= 2);

    let r = api.get("/channels/max/settings").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "404 before the first save");
    assert_eq!(error_of(r).await.code, ErrorCode::NotFound);
    let r = api.get("/nothing-here").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn employees_are_searched_and_paged_over_ten_thousand() {
    let api = Api::start(|_| {}).await;
    let mut seen = 0;
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/employees?limit=100&cursor={c}"),
            None => "/employees?limit=100".into(),
        };
        let page: EmployeePage = api.get(&path).await.json().await.unwrap();
        seen += page.items.len();
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    assert!(seen >= 10_000, "{seen}");

    let page: EmployeePage =
        api.get("/employees?query=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86").await.json().await.unwrap();
    assert_eq!(page.items.len(), 50, "default limit");
    assert!(page.items.iter().all(|e| e.name.to_lowercase().contains("кузнец")));
    assert!(page.next_cursor.is_some());

    let page: EmployeePage = api.get("/employees?ids=e-101,e-5000,e-nope").await.json().await.unwrap();
    let ids: Vec<_> = page.items.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e-101", "e-5000"]);

    for bad in ["limit=0", "limit=101", "limit=x", "cursor=abc"] {
        let r = api.get(&format!("/employees?{bad}")).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(error_of(r).await.code, ErrorCode::BadRequest);
    }
    let long = "а".repeat(101);
    let r = api.get(&format!("/employees?query={long}")).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn writes_need_the_csrf_header() {
    let api = Api::start(|_| {}).await;
    let calls = [
        (Method::POST, "/channels/max/token/verify", json!({"token": "abc"})),
        (Method::PUT, "/channels/max/settings", json!({"token": "abc", "settings": settings()})),
        (Method::DELETE, "/channels/max/connection", Value::Null),
        (Method::POST, "/channels/max/health/check", Value::Null),
        (Method::POST, "/channels/max/health/repair", Value::Null),
    ];
    for (method, path, body) in calls {
        for csrf in [None, Some("wrong")] {
            let mut b = api.client.request(method.clone(), api.url(&format!("/api/v1{path}")));
            if let Some(value) = csrf {
                b = b.header(CSRF_HEADER, value);
            }
            let r = b.header("If-None-Match", "*").json(&body).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{method} {path} {csrf:?}");
            assert_eq!(error_of(r).await.code, ErrorCode::Forbidden);
        }
    }
    assert_eq!(api.get("/channels/max/settings").await.status(), StatusCode::NOT_FOUND, "nothing saved");
}

#[tokio::test]
async fn every_fake_max_outcome_of_a_token_check() {
    let api = Api::start(|_| {}).await;
    let r = api.verify("  f9LHodD0cOIv2yHfW2QvLb6hKsJ4_x7Qa  ").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bot = r.json::<TokenVerifyResponse>().await.unwrap().bot;
    assert!(bot.username.unwrap().ends_with("_bot"));
    assert_eq!(api.channel().await.state, ChannelState::TokenAuthorized);

    let r = api.verify("revoked-abc").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(r).await.code, ErrorCode::TokenInvalid);

    let r = api.verify("down-abc").await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(error_of(r).await.code, ErrorCode::MaxUnavailable);

    let r = api.verify("busy-abc").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "30");
    assert_eq!(error_of(r).await.code, ErrorCode::RateLimited);

    for (token, code) in [("", "required"), ("a b", "bad_characters"), ("токен", "bad_characters")] {
        let r = api.verify(token).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let e = error_of(r).await;
        assert_eq!(e.code, ErrorCode::ValidationFailed);
        assert_eq!(field_pairs(&e), [("token".to_owned(), code.to_owned())], "{token:?}");
    }
    let long = "a".repeat(513);
    let e = error_of(api.verify(&long).await).await;
    assert_eq!(field_pairs(&e), [("token".to_owned(), "too_long".to_owned())]);

    let r = api.request(Method::POST, "/channels/max/token/verify").body("{").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(r).await.code, ErrorCode::BadRequest);
}

#[tokio::test]
async fn save_conditional_requests_and_disconnect() {
    let api = Api::start(|_| {}).await;
    // First save without a token: the token is required.
    let r = api.put(&json!({ "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_pairs(&error_of(r).await), [("token".into(), "required".into())]);
    // A token MAX refuses lands on the token field.
    let r = api.put(&json!({ "token": "revoked-1", "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_pairs(&error_of(r).await), [("token".into(), "token_invalid".into())]);
    // No precondition at all: 428, whatever the body.
    let r = api
        .request(Method::PUT, "/channels/max/settings")
        .json(&json!({ "token": "good-token-1", "settings": settings() }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(error_of(r).await.code, ErrorCode::PreconditionRequired);
    // An If-None-Match other than `*` is a bad request; so is an If-Match of a version
    // that never existed (nothing was ever saved, so a 412 would have no `current`).
    for precondition in [("If-None-Match", "\"1\""), ("If-Match", "\"1\"")] {
        let r = api.put(&json!({ "token": "good-token-1", "settings": settings() }), precondition).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{precondition:?}");
        assert_eq!(error_of(r).await.code, ErrorCode::BadRequest);
    }

    let r = api.put(&json!({ "token": " good-token-1234 ", "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let saved: VersionedSettings = r.json().await.unwrap();
    assert_eq!(etag, format!("\"{}\"", saved.version));
    let channel = api.channel().await;
    assert_eq!(channel.state, ChannelState::Connected);
    assert_eq!(channel.token_hint.as_deref(), Some("…1234"));
    assert!(channel.bot.is_some());

    // GET repeats the version in the ETag; If-None-Match answers 304.
    let r = api.get("/channels/max/settings").await;
    assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
    let loaded: VersionedSettings = r.json().await.unwrap();
    assert_eq!(loaded, saved);
    let r = api.request(Method::GET, "/channels/max/settings").header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);

    // Creating again while settings exist: 412 with the current ones.
    let r = api.put(&json!({ "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::PRECONDITION_FAILED);
    let conflict: ConflictBody = r.json().await.unwrap();
    assert_eq!(conflict.error.code, ErrorCode::VersionConflict);
    assert_eq!(conflict.current, saved);

    // Another user saves; the first one's version is now stale.
    let mut theirs = settings();
    theirs["auto_close"]["after_minutes"] = json!(60);
    let r = api.put(&json!({ "settings": theirs }), ("If-Match", &saved.version)).await;
    assert_eq!(r.status(), StatusCode::OK, "no token: the stored one is kept");
    let second: VersionedSettings = r.json().await.unwrap();
    assert_ne!(second.version, saved.version);
    let r = api.put(&json!({ "settings": settings() }), ("If-Match", &etag)).await;
    assert_eq!(r.status(), StatusCode::PRECONDITION_FAILED);
    let conflict: ConflictBody = r.json().await.unwrap();
    assert_eq!(conflict.current, second);
    assert_eq!(conflict.current.settings.auto_close.after_minutes, 60);

    // Disconnect keeps the settings and forgets the token.
    let r = api.request(Method::DELETE, "/channels/max/connection").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = api.request(Method::DELETE, "/channels/max/connection").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT, "idempotent");
    let channel = api.channel().await;
    assert_eq!((channel.state, channel.token_hint, channel.bot), (ChannelState::NotConnected, None, None));
    let kept: VersionedSettings = api.get("/channels/max/settings").await.json().await.unwrap();
    assert_eq!(kept, second);
    // Reconnecting needs only a new token.
    let r = api.put(&json!({ "settings": kept.settings }), ("If-Match", &kept.version)).await;
    assert_eq!(field_pairs(&error_of(r).await), [("token".into(), "required".into())]);
    let r =
        api.put(&json!({ "token": "new-token-5678", "settings": kept.settings }), ("If-Match", &kept.version)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(api.channel().await.token_hint.as_deref(), Some("…5678"));
    let groups: ChannelGroups = api.get("/channel-groups").await.json().await.unwrap();
    assert_eq!(groups.groups[0].channels[0].state, ChannelState::Connected);
}

#[tokio::test]
async fn server_side_validation_reports_field_paths() {
    let api = Api::start(|_| {}).await;
    let mut s = settings();
    s["auto_replies"][1]["text"] = json!("ж".repeat(251));
    s["routing"] = json!({ "type": "chat_bot", "chat_bot_id": "b-faq" });
    s["non_working_hours"]["auto_replies"][0]["delay_seconds"] = json!(-1);
    s["auto_close"]["after_minutes"] = json!(4);
    let r = api.put(&json!({ "token": "ok-token", "settings": s }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let e = error_of(r).await;
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert_eq!(
        field_pairs(&e),
        [
            ("routing.fallback".to_owned(), "required".to_owned()),
            ("auto_replies[1].text".into(), "too_long".into()),
            ("non_working_hours.auto_replies[0].delay_seconds".into(), "out_of_range".into()),
            ("auto_close.after_minutes".into(), "out_of_range".into()),
        ]
    );
    assert!(e.fields.iter().all(|f| !f.message.is_empty()));

    let mut s = settings();
    s["routing"] = json!({ "type": "employee", "employee_id": "e-999999" });
    let r = api.put(&json!({ "token": "ok-token", "settings": s }), ("If-None-Match", "*")).await;
    assert_eq!(field_pairs(&error_of(r).await), [("routing.employee_id".into(), "unknown_reference".into())]);

    let r = api.put(&json!({ "token": "ok-token", "settings": { "routing": {} } }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "not the contract's shape");
}

#[tokio::test]
async fn without_the_chat_bots_service() {
    let api = Api::start(|c| c.chat_bots_service = false).await;
    assert!(!api.channel().await.features.chat_bots_service);
    let bots: ChatBotList = api.get("/chat-bots").await.json().await.unwrap();
    assert!(bots.items.is_empty());
    let mut s = settings();
    s["routing"] =
        json!({ "type": "chat_bot", "chat_bot_id": "b-faq", "fallback": { "type": "group", "group_id": "g-sales" } });
    s["non_working_hours"] = json!({ "mode": "chat_bot", "chat_bot_id": "b-night" });
    let r = api.put(&json!({ "token": "ok-token", "settings": s }), ("If-None-Match", "*")).await;
    let pairs = field_pairs(&error_of(r).await);
    assert!(pairs.contains(&("routing.type".into(), "service_not_connected".into())), "{pairs:?}");
    assert!(pairs.contains(&("non_working_hours.mode".into(), "service_not_connected".into())), "{pairs:?}");
}

#[tokio::test]
async fn faults_latency_and_the_request_log() {
    let api = Api::start(|_| {}).await;
    api.fault(json!({ "operation": "getMaxChannel", "count": 2, "status": 500 })).await;
    for _ in 0..2 {
        let r = api.get("/channels/max").await;
        assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(error_of(r).await.code, ErrorCode::Internal);
    }
    assert_eq!(api.get("/channels/max").await.status(), StatusCode::OK, "the fault is used up");

    api.fault(json!({ "operation": "listGroups", "status": 429, "retry_after": 7 })).await;
    let r = api.get("/groups").await;
    assert_eq!(r.headers()["retry-after"], "7");

    api.fault(json!({ "operation": "listChannelGroups", "malformed": true })).await;
    let r = api.get("/channel-groups").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).is_err());

    api.fault(json!({ "operation": "listChatBots", "status": 502, "raw": "<html><body>Bad Gateway</body></html>" }))
        .await;
    let r = api.get("/chat-bots").await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));

    api.fault(json!({ "operation": "putMaxSettings", "status": 412, "body": { "error": { "code": "version_conflict", "message": "x" } } })).await;
    let r = api.put(&json!({ "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::PRECONDITION_FAILED);

    api.fault(json!({ "operation": "listEmployees", "stall": true })).await;
    let stalled = api.client.get(api.url("/api/v1/employees")).timeout(Duration::from_millis(300)).send().await;
    assert!(stalled.unwrap_err().is_timeout());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let log = api.requests().await;
    let aborted = log.iter().find(|e| e["operation"] == "listEmployees").expect("the stalled call is logged");
    assert_eq!(aborted["status"], 499, "a client that gives up is logged as 499");

    api.fault(json!({ "operation": "listGroups", "delay_ms": 300 })).await;
    let started = std::time::Instant::now();
    assert_eq!(api.get("/groups").await.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));

    let r = api
        .client
        .post(api.url("/__dev/faults"))
        .json(&json!({ "operation": "nope", "status": 500 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    api.verify("secret-token-ABCD").await;
    let log = api.requests().await;
    let verify = log.iter().rev().find(|e| e["operation"] == "verifyMaxToken").unwrap();
    assert_eq!(verify["body"]["token"], "…ABCD", "the log never holds a token");
    assert_eq!(verify["csrf"], true);
    assert!(log.iter().any(|e| e["operation"] == "getMaxChannel" && e["status"] == 500));
    assert!(!serde_json::to_string(&log).unwrap().contains("secret-token"));

    let r = api.client.post(api.url("/__dev/reset")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(api.requests().await.is_empty());
}

#[tokio::test]
async fn test_controls_are_off_by_default() {
    let api = Api::start(|c| c.test_controls = false).await;
    let r =
        api.client.post(api.url("/__dev/faults")).json(&json!({"operation": "*", "status": 500})).send().await.unwrap();
    assert_ne!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(api.get("/groups").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn state_persists_to_a_file_across_restarts() {
    let dir = std::env::temp_dir().join(format!("devserver-http-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);
    let api = Api::start(|c| c.state_file = Some(file.clone())).await;
    let r = api.put(&json!({ "token": "persist-me-9999", "settings": settings() }), ("If-None-Match", "*")).await;
    let saved: VersionedSettings = r.json().await.unwrap();
    api.server.stop().await;
    let on_disk: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(on_disk["settings"]["version"], saved.version.as_str());

    let api = Api::start(|c| c.state_file = Some(file.clone())).await;
    let loaded: VersionedSettings = api.get("/channels/max/settings").await.json().await.unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(api.channel().await.token_hint.as_deref(), Some("…9999"));
    std::fs::remove_dir_all(&dir).unwrap();
}
