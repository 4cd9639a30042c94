//! The dev back end answers every operation of the contract as the spec says, over real
//! HTTP on 127.0.0.1.

use std::time::Duration;

use max_channel_contract::*;
use max_channel_devserver::{Config, MaxApi, Server};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

const CSRF: &str = "test-csrf";

struct Api {
    server: Server,
    client: Client,
}

impl Api {
    async fn start(configure: impl FnOnce(&mut Config)) -> Api {
        let mut config = Config {
            port: 0,
            test_controls: true,
            csrf_token: CSRF.into(),
            ..Config::default()
        };
        configure(&mut config);
        let server = Server::start(config).await.expect("server starts");
        Api {
            server,
            client: Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.client.request(method.clone(), self.url(&format!("/api/v1{path}")));
        if method == Method::GET {
            builder
        } else {
            builder.header(CSRF_HEADER, CSRF)
        }
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.request(Method::GET, path).send().await.unwrap()
    }

    async fn verify(&self, token: &str) -> reqwest::Response {
        self.request(Method::POST, "/channels/max/token/verify")
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap()
    }

    async fn put(&self, write: &Value, precondition: (&str, &str)) -> reqwest::Response {
        self.request(Method::PUT, "/channels/max/settings")
            .header(precondition.0, precondition.1)
            .json(write)
            .send()
            .await
            .unwrap()
    }

    async fn channel(&self) -> MaxChannel {
        self.get("/channels/max").await.json().await.unwrap()
    }

    async fn fault(&self, fault: Value) {
        let r = self.client.post(self.url("/__dev/faults")).json(&fault).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }

    async fn requests(&self) -> Vec<Value> {
        self.client.get(self.url("/__dev/requests")).send().await.unwrap().json().await.unwrap()
    }
}

fn settings() -> Value {
    json!({
        "routing": { "type": "group", "group_id": "g-sales" },
        "auto_replies": [
            { "delay_seconds": 0, "text": "Здравствуйте! Мы получили ваше сообщение.", "repeat": { "type": "once" } },
            { "delay_seconds": 120, "text": "Все операторы заняты.", "repeat": { "type": "every", "interval_seconds": 300 } }
        ],
        "closing_message": { "enabled": true, "text": "Спасибо за обращение!" },
        "non_working_hours": { "mode": "auto_replies", "auto_replies": [
            { "delay_seconds": 0, "text": "Сейчас мы не работаем.", "repeat": { "type": "once" } } ] },
        "auto_close": { "enabled": true, "after_minutes": 1440 }
    })
}

async fn error_of(response: reqwest::Response) -> ApiErrorDetail {
    response.json::<ErrorBody>().await.expect("an ErrorBody").error
}

fn field_pairs(detail: &ApiErrorDetail) -> Vec<(String, String)> {
    detail
        .fields
        .iter()
        .map(|f| (f.path.clone(), f.code.to_string()))
        .collect()
}

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

    let page: EmployeePage = api.get("/employees?query=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86").await.json().await.unwrap();
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
    // No precondition at all is a bad request.
    let r = api.request(Method::PUT, "/channels/max/settings")
        .json(&json!({ "token": "good-token-1", "settings": settings() })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

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
    let r = api.put(&json!({ "token": "new-token-5678", "settings": kept.settings }), ("If-Match", &kept.version)).await;
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
    s["routing"] = json!({ "type": "chat_bot", "chat_bot_id": "b-faq", "fallback": { "type": "group", "group_id": "g-sales" } });
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

    api.fault(json!({ "operation": "listChatBots", "status": 502, "raw": "<html><body>Bad Gateway</body></html>" })).await;
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

    let r = api.client.post(api.url("/__dev/faults")).json(&json!({ "operation": "nope", "status": 500 })).send().await.unwrap();
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
    let r = api.client.post(api.url("/__dev/faults")).json(&json!({"operation": "*", "status": 500})).send().await.unwrap();
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

/// A stand-in for the MAX Bot API on 127.0.0.1 that answers by the token it is given and
/// records the Authorization headers it saw.
async fn fake_max() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::http::{HeaderMap, StatusCode as S};
    use axum::response::IntoResponse;
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let app = axum::Router::new().route(
        "/me",
        axum::routing::get(move |headers: HeaderMap| {
            let log = log.clone();
            async move {
                let auth = headers.get("authorization").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
                log.lock().unwrap().push(auth.clone());
                let verify = axum::Json(json!({"code": "verify.token", "message": "Invalid access_token"}));
                match auth.as_str() {
                    "good" => axum::Json(json!({"user_id": 42, "first_name": "Бот магазина", "username": "shop_bot", "is_bot": true, "last_activity_time": 1})).into_response(),
                    "wrong401" => (S::UNAUTHORIZED, verify).into_response(),
                    "wrong403" => (S::FORBIDDEN, verify).into_response(),
                    "many" => (S::TOO_MANY_REQUESTS, [("retry-after", "12")], "slow down").into_response(),
                    "broken" => (S::INTERNAL_SERVER_ERROR, "oops").into_response(),
                    "sleepy" => {
                        tokio::time::sleep(Duration::from_secs(5)).await;
                        "late".into_response()
                    }
                    _ => (S::BAD_REQUEST, "?").into_response(),
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn real_max_mode_against_a_local_max() {
    let (url, seen) = fake_max().await;
    let api = Api::start(|c| c.max = MaxApi::real_with_timeout(&url, Duration::from_millis(500))).await;
    let r = api.verify("good").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bot = r.json::<TokenVerifyResponse>().await.unwrap().bot;
    assert_eq!((bot.user_id, bot.first_name.as_str(), bot.username.as_deref()), (42, "Бот магазина", Some("shop_bot")));

    for token in ["wrong401", "wrong403"] {
        let r = api.verify(token).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{token}");
        assert_eq!(error_of(r).await.code, ErrorCode::TokenInvalid);
    }
    let r = api.verify("many").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "12");
    for token in ["broken", "sleepy"] {
        let r = api.verify(token).await;
        assert_eq!(r.status(), StatusCode::BAD_GATEWAY, "{token}");
        assert_eq!(error_of(r).await.code, ErrorCode::MaxUnavailable);
    }
    assert_eq!(seen.lock().unwrap()[0], "good", "the token is the whole header, no Bearer");

    // Nothing listens: a connection error is MAX unavailable too.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let api = Api::start(|c| c.max = MaxApi::real_with_timeout(&closed, Duration::from_millis(500))).await;
    let r = api.verify("good").await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
}

#[tokio::test]
async fn serves_the_app_with_deep_links_and_a_base_path() {
    let dist = std::env::temp_dir().join(format!("devserver-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html><head><title>App</title></head><body></body></html>").unwrap();
    std::fs::write(dist.join("app-123.wasm"), b"\0asm").unwrap();
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.clone());
            c.base_path = base.into();
        })
        .await;
        let prefix = base.trim_end_matches('/');
        let r = api.client.get(api.url(&format!("{prefix}/channels/max/settings"))).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        let config_at = html.find("id=\"max-channel-config\"").expect("runtime config");
        assert!(config_at < html.find("</head>").unwrap());
        assert!(html.contains(&format!("\"router_base\":\"{base}\"")));
        assert!(html.contains(&format!("\"csrf_token\":\"{CSRF}\"")));
        for asset in [format!("{prefix}/app-123.wasm"), "/app-123.wasm".to_owned()] {
            let r = api.client.get(api.url(&asset)).send().await.unwrap();
            assert_eq!(r.headers()["content-type"], "application/wasm", "{asset}");
            assert_eq!(r.bytes().await.unwrap().as_ref(), b"\0asm");
        }
        if base != "/" {
            let r = api.client.get(api.url("/elsewhere")).send().await.unwrap();
            assert_eq!(r.url().path(), "/dialogs/", "outside the base: redirected into it");
        }
    }
    std::fs::remove_dir_all(&dist).unwrap();
}

/// An `index.html` as Trunk 0.21 writes it with `create_nonce = true`.
const TRUNK_INDEX: &str = r#"<!DOCTYPE html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <title>App</title>
<script type="module" nonce="{{__TRUNK NONCE__}}">
import init, * as bindings from '/app-123.js';
const wasm = await init({ module_or_path: '/app-123_bg.wasm' });
</script>
    <link rel="stylesheet" nonce="{{__TRUNK NONCE__}}" href="/main-1.css" integrity="sha384-x"/>
  <link rel="modulepreload" nonce="{{__TRUNK NONCE__}}" href="/app-123.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" nonce="{{__TRUNK NONCE__}}" href="/app-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
  <body></body>
</html>"#;

/// A `dist/` with [`TRUNK_INDEX`], removed on drop.
struct Dist(std::path::PathBuf);

impl Dist {
    fn new(name: &str) -> Dist {
        let dir = std::env::temp_dir().join(format!("devserver-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), TRUNK_INDEX).unwrap();
        Dist(dir)
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The policy of an answer, and its `'nonce-…'` value.
fn policy_and_nonce(r: &reqwest::Response) -> (String, String) {
    let policy = r
        .headers()
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("no CSP on {}", r.url()))
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {policy}"))
        .to_owned();
    (policy, nonce)
}

/// Every `nonce="…"` attribute value in a page.
fn nonce_attributes(html: &str) -> Vec<String> {
    html.split("nonce=\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_app_is_served_under_a_strict_csp_with_a_fresh_nonce_per_answer() {
    let dist = Dist::new("csp");
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.0.clone());
            c.base_path = base.into();
            c.parent_origin = Some("https://lk.mango-office.ru".into());
        })
        .await;
        let prefix = base.trim_end_matches('/');
        let mut nonces = Vec::new();
        // The entry page, a deep link (SPA fallback), `index.html` by name, and twice the same.
        for path in ["/", "/channels/max/settings", "/index.html", "/channels", "/channels"] {
            let r = api.client.get(api.url(&format!("{prefix}{path}"))).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let (policy, nonce) = policy_and_nonce(&r);
            assert_eq!(
                policy,
                format!(
                    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; style-src 'self'; \
                     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                     frame-ancestors 'self' https://lk.mango-office.ru; report-uri /__dev/csp-reports"
                )
            );
            // 16 random bytes in base64.
            assert_eq!(nonce.len(), 24, "{nonce}");
            assert!(nonce.chars().all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)), "{nonce}");
            let html = r.text().await.unwrap();
            assert!(!html.contains("TRUNK NONCE") && !html.contains("{{"), "a placeholder remains:\n{html}");
            let attributes = nonce_attributes(&html);
            assert_eq!(attributes.len(), 4, "the boot script, the stylesheet and both preloads:\n{html}");
            assert!(attributes.iter().all(|a| *a == nonce), "{attributes:?} vs {nonce}");
            assert!(html.contains(&format!("<script type=\"module\" nonce=\"{nonce}\">")));
            // The runtime configuration is JSON, which is never executed: it needs no nonce.
            assert!(html.contains("<script type=\"application/json\" id=\"max-channel-config\">"));
            nonces.push(nonce);
        }
        let mut distinct = nonces.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), nonces.len(), "every answer has its own nonce: {nonces:?}");

        // Files of the bundle carry no policy of their own (it is the document's).
        std::fs::write(dist.0.join("app-123.js"), "export default 1;").unwrap();
        let r = api.client.get(api.url("/app-123.js")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers().get("content-security-policy").is_none());
    }
}

#[tokio::test]
async fn frame_ancestors_never_takes_a_wildcard_and_reports_need_the_test_controls() {
    let dist = Dist::new("csp-ancestors");
    let api = Api::start(|c| {
        c.dist = Some(dist.0.clone());
        c.parent_origin = Some("*".into());
        c.test_controls = false;
    })
    .await;
    let r = api.client.get(api.url("/channels")).send().await.unwrap();
    let (policy, _) = policy_and_nonce(&r);
    assert!(policy.ends_with("; frame-ancestors 'self'"), "{policy}");
    assert!(!policy.contains('*') && !policy.contains("report-uri"), "{policy}");
}

#[tokio::test]
async fn no_csp_sends_no_policy_and_no_nonce_attributes() {
    let dist = Dist::new("no-csp");
    let api = Api::start(|c| {
        c.dist = Some(dist.0.clone());
        c.csp = false;
    })
    .await;
    for path in ["/channels", "/__host"] {
        let r = api.client.get(api.url(path)).send().await.unwrap();
        assert!(r.headers().get("content-security-policy").is_none(), "{path}");
        let html = r.text().await.unwrap();
        assert!(!html.contains("nonce") && !html.contains("TRUNK"), "{html}");
    }
}

#[tokio::test]
async fn the_host_page_has_a_strict_policy_of_its_own() {
    let api = Api::start(|_| {}).await;
    let r = api.client.get(api.url("/__host")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert_eq!(
        policy,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         frame-src 'self'; child-src 'self'; form-action 'none'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; report-uri /__dev/csp-reports"
    );
    let html = r.text().await.unwrap();
    assert!(!html.contains("<script>") && !html.contains("style="), "nothing inline:\n{html}");
    assert!(html.contains("<script src=\"/__host.js\"></script>"));
}

#[tokio::test]
async fn violation_reports_are_collected_listed_and_cleared() {
    let api = Api::start(|_| {}).await;
    let post = |content_type: &'static str, body: &'static str| {
        api.client
            .post(api.url("/__dev/csp-reports"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // What Chromium posts for `report-uri`.
    let r = post(
        "application/csp-report",
        r#"{"csp-report":{"document-uri":"http://127.0.0.1/channels","referrer":"","violated-directive":"style-src-attr","effective-directive":"style-src-attr","original-policy":"default-src 'self'","disposition":"enforce","blocked-uri":"inline","line-number":7,"column-number":12,"source-file":"http://127.0.0.1/app.js","status-code":200,"script-sample":""}}"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    // The Reporting API's format (`report-to`).
    let r = post(
        "application/reports+json",
        r#"[{"type":"csp-violation","age":10,"url":"http://127.0.0.1/","user_agent":"x","body":{"documentURL":"http://127.0.0.1/","blockedURL":"eval","effectiveDirective":"script-src","originalPolicy":"","disposition":"enforce","statusCode":200,"sample":"alert(1)"}}]"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(post("text/plain", "{}").await.unwrap().status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(post("application/csp-report", "not json").await.unwrap().status(), StatusCode::BAD_REQUEST);

    let listed: Vec<Value> = api.client.get(api.url("/__dev/csp-reports")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0]["effective_directive"], "style-src-attr");
    assert_eq!(listed[0]["blocked_url"], "inline");
    assert_eq!(listed[0]["line_number"], 7);
    assert_eq!(listed[1]["effective_directive"], "script-src");
    assert_eq!(listed[1]["sample"], "alert(1)");
    // The same, in Rust, for the end-to-end tests.
    let reports = api.server.state.controls().csp_reports();
    assert_eq!(reports.len(), 2);
    assert!(reports[0].to_string().starts_with("style-src-attr blocked \"inline\" on http://127.0.0.1/channels"));

    let r = api.client.post(api.url("/__dev/reset")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(api.server.state.controls().csp_reports().is_empty(), "reset clears them");

    let off = Api::start(|c| c.test_controls = false).await;
    let r = off
        .client
        .post(off.url("/__dev/csp-reports"))
        .header("content-type", "application/csp-report")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), StatusCode::NO_CONTENT, "no collector without the test controls");
}

/// The bytes a client gets after undoing `Content-Encoding`.
fn decoded(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut out = Vec::new();
    match encoding {
        None => out.extend_from_slice(body),
        Some("br") => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut out).unwrap();
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut out).unwrap();
        }
        Some(other) => panic!("unexpected Content-Encoding {other}"),
    }
    out
}

#[tokio::test]
async fn precompressed_siblings_by_accept_encoding_with_vary_and_long_caching_of_hashed_files() {
    use max_channel_devserver::compress::{brotli, gzip};

    let dist = Dist::new("precompressed");
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..20_000u32 {
        wasm.extend_from_slice(&(i % 251).to_le_bytes());
    }
    let js = "export function f(x) { return document.getElementById(x); }\n".repeat(400);
    let css = ".max-channel { display: grid; gap: 8px; }\n".repeat(200);
    // What Trunk writes (`-<16 hex>` before the extension, or before `_bg.wasm`), with the
    // siblings `cargo xtask build` writes.
    let assets: [(&str, &[u8], &str); 3] = [
        ("app-0123456789abcdef_bg.wasm", &wasm, "application/wasm"),
        ("app-0123456789abcdef.js", js.as_bytes(), "text/javascript; charset=utf-8"),
        ("main-fedcba9876543210.css", css.as_bytes(), "text/css; charset=utf-8"),
    ];
    for (name, bytes, _) in &assets {
        std::fs::write(dist.0.join(name), bytes).unwrap();
        std::fs::write(dist.0.join(format!("{name}.br")), brotli(bytes)).unwrap();
        std::fs::write(dist.0.join(format!("{name}.gz")), gzip(bytes)).unwrap();
    }
    // A file Trunk copies unhashed, without siblings (someone ran trunk by hand).
    std::fs::create_dir_all(dist.0.join("public")).unwrap();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
    std::fs::write(dist.0.join("public/favicon.svg"), svg).unwrap();

    // (Accept-Encoding, the coding expected)
    let cases: &[(Option<&str>, Option<&str>)] = &[
        (None, None),
        (Some("identity"), None),
        (Some("gzip, deflate, br, zstd"), Some("br")), // Chromium
        (Some("br"), Some("br")),
        (Some("gzip, deflate"), Some("gzip")),
        (Some("br;q=0, gzip"), Some("gzip")),
        (Some("br;q=0, gzip;q=0"), None),
        (Some("*"), Some("br")),
        (Some("*;q=0, identity"), None),
        (Some("gzip;q=1.0, br;q=0.5"), Some("gzip")),
        (Some("deflate"), None),
    ];
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.0.clone());
            c.base_path = base.into();
        })
        .await;
        let prefix = base.trim_end_matches('/');
        for (name, bytes, content_type) in &assets {
            for (accept, expected) in cases {
                let path = format!("{prefix}/{name}");
                let mut request = api.client.get(api.url(&path));
                if let Some(accept) = accept {
                    request = request.header("accept-encoding", *accept);
                }
                let r = request.send().await.unwrap();
                let what = format!("{path} with {accept:?}");
                assert_eq!(r.status(), StatusCode::OK, "{what}");
                let headers = r.headers().clone();
                assert_eq!(headers["content-type"], *content_type, "{what}: the original's type");
                assert_eq!(headers["vary"], "accept-encoding", "{what}");
                assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable", "{what}");
                let encoding = headers.get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
                assert_eq!(encoding.as_deref(), *expected, "{what}");
                let body = r.bytes().await.unwrap();
                assert_eq!(headers["content-length"], body.len().to_string().as_str(), "{what}");
                if expected.is_some() {
                    assert!(body.len() < bytes.len() / 3, "{what}: {} of {} B", body.len(), bytes.len());
                }
                assert_eq!(decoded(encoding.as_deref(), &body), *bytes, "{what}: decodes to the file");
            }
        }

        // No siblings on disk: the file as it is, still varying, cached briefly (not hashed).
        let r = api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br, gzip").send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers().get("content-encoding").is_none());
        assert_eq!(r.headers()["content-type"], "image/svg+xml");
        assert_eq!(r.headers()["vary"], "accept-encoding");
        assert_eq!(r.headers()["cache-control"], "public, max-age=300");
        assert_eq!(r.bytes().await.unwrap().as_ref(), svg);

        // index.html — the entry page, by name and as a deep link — is never cached without
        // revalidation and never precompressed (it differs per answer: nonce, configuration).
        for path in ["/", "/index.html", "/channels/max/settings"] {
            let r = api
                .client
                .get(api.url(&format!("{prefix}{path}")))
                .header("accept-encoding", "gzip, deflate, br, zstd")
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(r.headers()["cache-control"], "no-cache", "{path}");
            assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8", "{path}");
            assert!(r.headers().get("content-encoding").is_none(), "{path}");
            let (_, nonce) = policy_and_nonce(&r);
            let html = r.text().await.unwrap();
            assert_eq!(nonce_attributes(&html), vec![nonce; 4], "{path}");
            assert!(html.contains("id=\"max-channel-config\""), "{path}");
        }
    }

    // A sibling older than its file is stale (the file was rebuilt without siblings): the
    // file is sent as it is.
    std::fs::write(dist.0.join("public/favicon.svg.br"), brotli(b"<svg>old</svg>")).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(dist.0.join("public/favicon.svg.br"))
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let api = Api::start(|c| c.dist = Some(dist.0.clone())).await;
    let r = api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br").send().await.unwrap();
    assert!(r.headers().get("content-encoding").is_none());
    assert_eq!(r.bytes().await.unwrap().as_ref(), svg);
    // Made fresh again, it is used.
    std::fs::write(dist.0.join("public/favicon.svg.br"), brotli(svg)).unwrap();
    let r = api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(r.headers()["content-encoding"], "br");
    assert_eq!(decoded(Some("br"), &r.bytes().await.unwrap()), svg);
}
