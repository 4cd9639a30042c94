//! The contract's operations below `/api/v1`, and the test-only controls below `/__dev`.
//!
//! Each handler is a thin HTTP adapter over the fake back end: decode the request (400
//! when it is not the contract's shape), call the fake, and write its `Ok` as JSON or its
//! `Refusal` as the status, `refusal.json()` and `Retry-After`. What is allowed, stored or
//! refused is the fake's to say, never this module's. [`guard`] wraps them all: faults,
//! latency, CSRF, the request log.

pub mod channel;
pub mod customers;
pub mod delivery;
pub mod dev;
pub mod guard;
pub mod health;
pub mod scenario;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use max_channel_contract::{ErrorBody, ErrorCode};
use max_channel_fake::{Fake, Refusal};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::Shared;

/// What a handler answers: a success, or an error answer.
pub type Answer = Result<Response, Failure>;

/// An error answer, already written. Boxed so that every `Result` of the handlers stays
/// small; `?` makes one from a written `Response` or from the fake's `Refusal`.
#[derive(Debug)]
pub struct Failure(Box<Response>);

impl From<Response> for Failure {
    fn from(response: Response) -> Failure {
        Failure(Box::new(response))
    }
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Failure {
        refused(refusal).into()
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// The routes below `/api/v1`, behind the guard (faults, CSRF, log).
pub fn routes(state: Shared) -> Router<Shared> {
    Router::new()
        .route("/channel-groups", get(channel::list_channel_groups))
        .route("/channels/max", get(channel::get_max_channel))
        .route("/channels/max/token/verify", post(channel::verify_max_token))
        .route("/channels/max/settings", get(channel::get_max_settings).put(channel::put_max_settings))
        .route("/channels/max/connection", delete(channel::disconnect_max))
        .route("/channels/max/health", get(health::get_max_health))
        .route("/channels/max/health/check", post(health::check_max_health))
        .route("/channels/max/health/repair", post(health::repair_max_health))
        .route("/channels/max/settings/history", get(health::list_max_settings_history))
        .route("/channels/max/delivery-tests", post(delivery::start_max_delivery_test))
        .route("/channels/max/delivery-tests/{id}", get(delivery::get_max_delivery_test))
        .route("/channels/max/sources", get(delivery::get_max_sources))
        .route("/employees", get(channel::list_employees))
        .route("/groups", get(channel::list_groups))
        .route("/chat-bots", get(channel::list_chat_bots))
        .route("/schedule", get(channel::get_schedule))
        .fallback(|| async {
            error(StatusCode::NOT_FOUND, ErrorCode::NotFound, "Нет такого адреса API.")
        })
        .layer(middleware::from_fn_with_state(state, guard::guard))
}

/// A contract error answer.
pub fn error(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    (status, Json(ErrorBody::new(code, message))).into_response()
}

/// 204: done, nothing to say.
pub fn done() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

pub fn bad_request(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message)
}

/// 500 for what went wrong on this side (the state file could not be written).
pub fn internal(message: String) -> Response {
    error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &message)
}

/// The fake's refusal as HTTP: its status, its body, and `Retry-After` when it has one.
pub fn refused(refusal: Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], refusal.json()).into_response();
    if let Some(seconds) = refusal.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// 200 with `value` as JSON.
pub fn ok<T: Serialize>(value: T) -> Response {
    Json(value).into_response()
}

/// Decodes a JSON body, answering 400 `bad_request` when it is not the contract's shape.
pub fn decode<T: DeserializeOwned>(body: &Bytes) -> Result<T, Failure> {
    serde_json::from_slice(body)
        .map_err(|e| bad_request(&format!("Тело запроса не соответствует контракту: {e}")).into())
}

/// A query string in the contract's shape, else 400 (a limit that is not a number, a
/// repeated parameter).
pub fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, Failure> {
    query.map(|Query(q)| q).map_err(|_| bad_request("Некорректные параметры запроса.").into())
}

/// Keeps the account after a call that may have changed it; a disk that refuses is a 500.
pub fn persist(state: &Shared, fake: &Fake) -> Result<(), Failure> {
    state.persist(fake).map_err(|e| internal(e).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_refusal_is_written_with_its_status_its_body_and_its_wait() {
        let response = refused(Refusal::rate_limited(12));
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "12");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let text = body(response).await;
        let parsed: ErrorBody = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed.error.code, ErrorCode::RateLimited);

        let response = Failure::from(Refusal::not_connected()).into_response();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(response.headers().get(header::RETRY_AFTER).is_none());
        assert!(body(response).await.contains("not_found"));
    }

    #[tokio::test]
    async fn a_body_or_query_not_in_the_contracts_shape_is_400() {
        let failure = decode::<max_channel_contract::TokenVerifyRequest>(&Bytes::from_static(b"{\"token\": 1}"))
            .unwrap_err()
            .into_response();
        assert_eq!(failure.status(), StatusCode::BAD_REQUEST);
        assert!(body(failure).await.contains("bad_request"));
        let ok = decode::<max_channel_contract::TokenVerifyRequest>(&Bytes::from_static(b"{\"token\": \"abc\"}"));
        assert_eq!(ok.unwrap().token, "abc");
    }
}
