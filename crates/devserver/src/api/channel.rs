//! Contract 1.0's operations — the catalogue, the channel, the token, the settings, the
//! directory — and `getSchedule`.

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use max_channel_contract::{EmployeeQuery, SettingsWrite, TokenVerifyRequest, VersionedSettings};
use max_channel_fake::{names_version, Precondition};

use super::{decode, ok, persist, query, Answer, Failure};
use crate::max::ask_about_token;
use crate::Shared;

pub async fn list_channel_groups(State(state): State<Shared>) -> Answer {
    let mut fake = state.fake();
    // With the fake MAX this may re-check a stale health, which moves the tile's state.
    let groups = fake.channel_groups();
    persist(&state, &fake)?;
    Ok(ok(groups))
}

pub async fn get_max_channel(State(state): State<Shared>) -> Answer {
    let mut fake = state.fake();
    let channel = fake.max_channel();
    persist(&state, &fake)?;
    Ok(ok(channel))
}

pub async fn verify_max_token(State(state): State<Shared>, body: Bytes) -> Answer {
    let request: TokenVerifyRequest = decode(&body)?;
    let token = state.fake().prepare_verify(&request)?;
    // The account is not locked while MAX is asked.
    let me = ask_about_token(&state, &token).await;
    let mut fake = state.fake();
    let verified = fake.commit_verify(me)?;
    persist(&state, &fake)?;
    Ok(ok(verified))
}

/// `ETag` for a version: the version, quoted as HTTP wants.
fn etag(version: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

fn with_etag(versioned: VersionedSettings) -> Response {
    let tag = etag(&versioned.version);
    let mut response = ok(versioned);
    response.headers_mut().insert(header::ETAG, tag);
    response
}

/// A header's text; a value that is not visible ASCII is a bad request, not an absent one.
fn header_text(headers: &HeaderMap, name: HeaderName) -> Result<Option<&str>, Failure> {
    match headers.get(&name) {
        None => Ok(None),
        Some(value) => {
            value.to_str().map(Some).map_err(|_| super::bad_request(&format!("Заголовок {name} — не ASCII.")).into())
        }
    }
}

pub async fn get_max_settings(State(state): State<Shared>, headers: HeaderMap) -> Answer {
    let saved = state.fake().settings()?;
    // A value that is not ASCII names no version: the settings are sent (a 400 here is not
    // an answer the contract documents for this operation).
    let if_none_match = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
    if if_none_match.is_some_and(|tags| names_version(tags, &saved.version)) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response.headers_mut().insert(header::ETAG, etag(&saved.version));
        return Ok(response);
    }
    Ok(with_etag(saved))
}

/// `putMaxSettings`: the precondition (428 without one, 400 for an `If-None-Match` other
/// than `*`), the body, then the fake's checks; a carried token is put to MAX with the
/// account unlocked, and the fake checks the version again when it commits.
pub async fn put_max_settings(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Answer {
    let if_match = header_text(&headers, header::IF_MATCH)?;
    let if_none_match = header_text(&headers, header::IF_NONE_MATCH)?;
    let precondition = Precondition::from_headers(if_match, if_none_match)?;
    let write: SettingsWrite = decode(&body)?;
    let pending = state.fake().prepare_save(&precondition, &write)?;
    let me = match pending.token() {
        Some(token) => Some(ask_about_token(&state, token).await),
        None => None,
    };
    let mut fake = state.fake();
    let saved = fake.commit_save(pending, me)?;
    persist(&state, &fake)?;
    Ok(with_etag(saved))
}

pub async fn disconnect_max(State(state): State<Shared>) -> Answer {
    let mut fake = state.fake();
    fake.disconnect();
    persist(&state, &fake)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn list_employees(
    State(state): State<Shared>,
    params: Result<Query<EmployeeQuery>, QueryRejection>,
) -> Answer {
    let params = query(params)?;
    let page = state.fake().employees(&params)?;
    Ok(ok(page))
}

pub async fn list_groups(State(state): State<Shared>) -> Response {
    ok(state.fake().groups())
}

pub async fn list_chat_bots(State(state): State<Shared>) -> Response {
    ok(state.fake().chat_bots())
}

pub async fn get_schedule(State(state): State<Shared>) -> Response {
    ok(state.fake().schedule())
}
