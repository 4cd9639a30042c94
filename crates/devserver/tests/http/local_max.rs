//! A stand-in for the MAX Bot API on 127.0.0.1: `GET /me`, `GET` and `POST /subscriptions`,
//! `POST /messages`, answering by the token and by a mode the test sets, and recording what
//! it was asked.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::RawQuery;
use axum::http::{HeaderMap, Method, StatusCode as S};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

/// How MAX answers tokens that start with `good` (the others answer by the table in `me`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Ok,
    /// 401 `verify.token`.
    Unauthorized,
    /// 403 `verify.token`: a refused token too.
    ForbiddenVerify,
    /// 403 for another reason: not about the token.
    ForbiddenOther,
    /// 429 with `Retry-After: 12`.
    TooMany,
    /// 500.
    Broken,
    /// 200 with HTML.
    Garbage,
    /// Longer than any test's time-out.
    Sleepy,
    /// `POST /subscriptions` answers `{"success": false}`; the rest is fine.
    RefuseSubscribe,
    /// `POST /messages` answers 403 `chat.denied` (MAX's own example of a 403 there: the
    /// bot may not write to that chat); the rest is fine.
    RefuseMessages,
}

/// When the stand-in says a subscription was made: 2025-12-01T09:30:00+03:00.
pub const SUBSCRIBED_AT_MS: i64 = 1_764_570_600_000;

#[derive(Debug, Default)]
pub struct MaxState {
    pub mode: Mode,
    /// `(method path, Authorization)` of every call.
    pub seen: Vec<(String, String)>,
    /// What `GET /subscriptions` lists.
    pub subscriptions: Vec<Value>,
    /// The bodies of `POST /subscriptions`.
    pub posted: Vec<Value>,
    /// `(query, body)` of every `POST /messages` with a token MAX knows.
    pub messages: Vec<(String, Value)>,
}

pub struct LocalMax {
    pub url: String,
    state: Arc<Mutex<MaxState>>,
}

impl LocalMax {
    pub async fn start() -> LocalMax {
        let state = Arc::new(Mutex::new(MaxState::default()));
        let shared = state.clone();
        let app = Router::new()
            .route("/me", get(me))
            .route("/subscriptions", get(subscriptions).post(subscribe))
            .route("/messages", post(send_message))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        LocalMax { url, state }
    }

    pub fn state(&self) -> MutexGuard<'_, MaxState> {
        self.state.lock().unwrap()
    }

    pub fn set_mode(&self, mode: Mode) {
        self.state().mode = mode;
    }
}

type Shared = axum::extract::State<Arc<Mutex<MaxState>>>;

/// Records the call; the token and the mode.
fn note(state: &Mutex<MaxState>, what: &str, headers: &HeaderMap) -> (String, Mode) {
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut state = state.lock().unwrap();
    state.seen.push((what.to_owned(), auth.clone()));
    (auth, state.mode)
}

fn verify_token() -> Json<Value> {
    Json(json!({"code": "verify.token", "message": "Invalid access_token"}))
}

/// What a mode answers instead of the call's own answer, if anything.
async fn trouble(mode: Mode, method: &Method) -> Option<Response> {
    Some(match mode {
        Mode::Ok => return None,
        Mode::RefuseSubscribe if method == Method::POST => {
            Json(json!({"success": false, "message": "url must be https"})).into_response()
        }
        Mode::RefuseSubscribe => return None,
        Mode::RefuseMessages => return None,
        Mode::Unauthorized => (S::UNAUTHORIZED, verify_token()).into_response(),
        Mode::ForbiddenVerify => (S::FORBIDDEN, verify_token()).into_response(),
        Mode::ForbiddenOther => (S::FORBIDDEN, Json(json!({"code": "access.denied"}))).into_response(),
        Mode::TooMany => (S::TOO_MANY_REQUESTS, [("retry-after", "12")], "slow down").into_response(),
        Mode::Broken => (S::INTERNAL_SERVER_ERROR, "oops").into_response(),
        Mode::Garbage => "<html>maintenance</html>".into_response(),
        Mode::Sleepy => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            "late".into_response()
        }
    })
}

async fn me(axum::extract::State(state): Shared, headers: HeaderMap) -> Response {
    let (auth, mode) = note(&state, "GET /me", &headers);
    if auth.starts_with("good") {
        if let Some(answer) = trouble(mode, &Method::GET).await {
            return answer;
        }
        let bot = json!({"user_id": 42, "first_name": "Бот магазина", "username": "shop_bot", "is_bot": true, "last_activity_time": 1});
        return Json(bot).into_response();
    }
    // Tokens with a fixed answer, for the token check.
    match auth.as_str() {
        "wrong401" => (S::UNAUTHORIZED, verify_token()).into_response(),
        "wrong403" => (S::FORBIDDEN, verify_token()).into_response(),
        "many" => (S::TOO_MANY_REQUESTS, [("retry-after", "12")], "slow down").into_response(),
        "broken" => (S::INTERNAL_SERVER_ERROR, "oops").into_response(),
        "sleepy" => trouble(Mode::Sleepy, &Method::GET).await.unwrap_or_default(),
        _ => (S::BAD_REQUEST, "?").into_response(),
    }
}

async fn subscriptions(axum::extract::State(state): Shared, headers: HeaderMap) -> Response {
    let (auth, mode) = note(&state, "GET /subscriptions", &headers);
    if !auth.starts_with("good") {
        return (S::UNAUTHORIZED, verify_token()).into_response();
    }
    if let Some(answer) = trouble(mode, &Method::GET).await {
        return answer;
    }
    let list = state.lock().unwrap().subscriptions.clone();
    Json(json!({ "subscriptions": list })).into_response()
}

async fn subscribe(axum::extract::State(state): Shared, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let (auth, mode) = note(&state, "POST /subscriptions", &headers);
    if !auth.starts_with("good") {
        return (S::UNAUTHORIZED, verify_token()).into_response();
    }
    state.lock().unwrap().posted.push(body.clone());
    if let Some(answer) = trouble(mode, &Method::POST).await {
        return answer;
    }
    let subscription = json!({
        "url": body["url"],
        "time": SUBSCRIBED_AT_MS,
        "update_types": body["update_types"],
        "version": "0.1.0",
    });
    let mut state = state.lock().unwrap();
    // MAX keeps one subscription per URL.
    state.subscriptions.retain(|s| s["url"] != body["url"]);
    state.subscriptions.push(subscription);
    Json(json!({ "success": true })).into_response()
}

/// `POST /messages?user_id=…`: a message MAX takes (`SendMessageResult`), or the mode's
/// trouble; `RefuseMessages` fails only this call.
async fn send_message(
    axum::extract::State(state): Shared,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Json(body): Json<Value>,
) -> Response {
    let (auth, mode) = note(&state, "POST /messages", &headers);
    if !auth.starts_with("good") {
        return (S::UNAUTHORIZED, verify_token()).into_response();
    }
    state.lock().unwrap().messages.push((query.clone().unwrap_or_default(), body.clone()));
    match mode {
        Mode::RefuseMessages => {
            let denied = json!({"code": "chat.denied", "message": "chat.denied"});
            return (S::FORBIDDEN, Json(denied)).into_response();
        }
        // Only `POST /subscriptions` is refused then.
        Mode::RefuseSubscribe => {}
        _ => {
            if let Some(answer) = trouble(mode, &Method::POST).await {
                return answer;
            }
        }
    }
    let user_id = query.as_deref().and_then(|q| q.strip_prefix("user_id=")).and_then(|id| id.parse::<i64>().ok());
    Json(json!({ "message": {
        "sender": { "user_id": 42, "first_name": "Бот магазина", "is_bot": true },
        "recipient": { "chat_type": "dialog", "user_id": user_id },
        "timestamp": SUBSCRIBED_AT_MS,
        "body": { "mid": "mid.0000000000000001", "seq": 1, "text": body["text"] },
    }}))
    .into_response()
}
