//! The contract's operations, and the test-only controls.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use max_channel_contract::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::faults::{redact_token, FaultSpec, LoggedRequest};
use crate::max::MaxOutcome;
use crate::Shared;

/// The routes below `/api/v1`, behind the guard (faults, CSRF, log).
pub fn routes(state: Shared) -> Router<Shared> {
    Router::new()
        .route("/channel-groups", get(list_channel_groups))
        .route("/channels/max", get(get_max_channel))
        .route("/channels/max/token/verify", post(verify_max_token))
        .route(
            "/channels/max/settings",
            get(get_max_settings).put(put_max_settings),
        )
        .route("/channels/max/connection", delete(disconnect_max))
        .route("/employees", get(list_employees))
        .route("/groups", get(list_groups))
        .route("/chat-bots", get(list_chat_bots))
        .fallback(|| async { error(StatusCode::NOT_FOUND, ErrorCode::NotFound, "Нет такого адреса API.") })
        .layer(middleware::from_fn_with_state(state, guard))
}

/// A contract error answer.
pub fn error(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    (status, Json(ErrorBody::new(code, message))).into_response()
}

fn validation_failed(fields: Vec<FieldError>) -> Response {
    let body = ErrorBody {
        error: ApiErrorDetail {
            code: ErrorCode::ValidationFailed,
            message: "Проверьте выделенные поля.".into(),
            fields,
        },
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

fn rate_limited(retry_after: u64) -> Response {
    let mut response = error(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        "Слишком много запросов. Повторите попытку позже.",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
    response
}

/// The contract's `ErrorBody` for a status, for faults that name only a status. A 502 is
/// `max_unavailable` only where MAX is behind the call (token check); elsewhere a gateway.
fn default_error_for(status: StatusCode, operation: Option<Operation>) -> (ErrorCode, &'static str) {
    match status.as_u16() {
        400 => (ErrorCode::BadRequest, "Некорректный запрос."),
        401 => (ErrorCode::Unauthorized, "Сессия истекла. Войдите снова."),
        403 => (ErrorCode::Forbidden, "Недостаточно прав."),
        404 => (ErrorCode::NotFound, "Не найдено."),
        412 => (ErrorCode::VersionConflict, "Настройки изменил другой пользователь."),
        422 => (ErrorCode::ValidationFailed, "Проверьте выделенные поля."),
        429 => (ErrorCode::RateLimited, "Слишком много запросов."),
        502 if operation == Some(Operation::VerifyMaxToken) => {
            (ErrorCode::MaxUnavailable, "Сервис MAX сейчас недоступен.")
        }
        _ => (ErrorCode::Internal, "Внутренняя ошибка сервера."),
    }
}

/// Decodes a JSON body, answering 400 `bad_request` when it is not the contract's shape.
fn decode<T: DeserializeOwned>(body: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| {
        error(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            &format!("Тело запроса не соответствует контракту: {e}"),
        )
    })
}

fn operation_of(method: &Method, path: &str) -> Option<Operation> {
    Operation::ALL
        .into_iter()
        .find(|op| op.path() == path && op.method() == method.as_str())
}

/// Applies test faults and latency, checks CSRF on state-changing calls, and logs the call.
async fn guard(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let operation = operation_of(request.method(), request.uri().path());
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
    let headers = &parts.headers;
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let csrf = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let entry = LoggedRequest {
        seq: 0,
        method: parts.method.to_string(),
        path: parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned()),
        query: parts.uri.query().map(str::to_owned),
        operation: operation.map(|op| op.id().to_owned()),
        status: 0,
        if_match: text(header::IF_MATCH),
        if_none_match: text(header::IF_NONE_MATCH),
        csrf: !csrf.is_empty(),
        body: serde_json::from_slice(&bytes).ok().map(|mut v| {
            redact_token(&mut v);
            v
        }),
    };
    let csrf_ok = csrf == state.config.csrf_token;
    let mut pending = PendingLog {
        state: state.clone(),
        entry: Some(entry),
    };

    let (latency, fault) = {
        let mut controls = state.controls();
        let fault = operation.and_then(|op| controls.take_fault(op));
        (controls.latency, fault)
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let response = match fault {
        Some(fault) => apply_fault(fault, operation).await,
        None => None,
    };
    let response = match response {
        Some(response) => response,
        None if operation.is_some_and(Operation::needs_csrf) && !csrf_ok => error(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "Нет CSRF-токена или он неверен. Обновите страницу.",
        ),
        None => {
            let request = Request::from_parts(parts, Body::from(bytes));
            next.run(request).await
        }
    };
    pending.finish(response.status().as_u16());
    response
}

/// Status logged for a call whose client went away before the answer (nginx's 499).
pub const CLIENT_CLOSED: u16 = 499;

/// Logs a call when it ends — also when the client aborts it, which drops the handler's
/// future before any answer: that is logged as [`CLIENT_CLOSED`].
struct PendingLog {
    state: Shared,
    entry: Option<LoggedRequest>,
}

impl PendingLog {
    fn finish(&mut self, status: u16) {
        if let Some(mut entry) = self.entry.take() {
            entry.status = status;
            self.state.controls().log(entry);
        }
    }
}

impl Drop for PendingLog {
    fn drop(&mut self) {
        self.finish(CLIENT_CLOSED);
    }
}

/// The answer a fault dictates, or `None` to let the real handler answer (delay only).
async fn apply_fault(fault: FaultSpec, operation: Option<Operation>) -> Option<Response> {
    if fault.stall {
        // Hold the connection open; the client's time-out has to end it.
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
    tokio::time::sleep(fault.delay()).await;
    if fault.malformed {
        let mut response = (StatusCode::OK, "{\"groups\": [{\"id\": ").into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        return Some(response);
    }
    let status = StatusCode::from_u16(fault.status?).ok()?;
    let mut response = if let Some(raw) = fault.raw {
        let content_type = fault
            .content_type
            .unwrap_or_else(|| "text/html; charset=utf-8".into());
        let mut r = (status, raw).into_response();
        if let Ok(v) = HeaderValue::from_str(&content_type) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r
    } else if let Some(body) = fault.body {
        (status, Json(body)).into_response()
    } else {
        let (code, message) = default_error_for(status, operation);
        error(status, code, message)
    };
    if status == StatusCode::TOO_MANY_REQUESTS {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(fault.retry_after.unwrap_or(5)),
        );
    }
    Some(response)
}

async fn list_channel_groups(State(state): State<Shared>) -> Json<ChannelGroups> {
    let max_state = state.store().connection.state.clone();
    Json(samples::channel_groups(max_state))
}

async fn get_max_channel(State(state): State<Shared>) -> Json<MaxChannel> {
    let urls = crate::seed::channel_urls(state.config.seed);
    let store = state.store();
    Json(MaxChannel {
        kind: ChannelKind::Max,
        title: "Max".into(),
        state: store.connection.state.clone(),
        state_reason: store.connection.state_reason.clone(),
        pricing: Pricing {
            monthly_fee: Money {
                amount_minor: 50_000,
                currency: "RUB".into(),
            },
        },
        guide_url: urls.guide_url.into(),
        distribution_settings_url: Some(urls.distribution_settings_url.into()),
        non_working_hours_rules_url: Some(urls.non_working_hours_rules_url.into()),
        bot: store.connection.bot.clone(),
        token_hint: store.token_hint(),
        features: Features {
            chat_bots_service: store.chat_bots_service,
        },
    })
}

/// The answer for what MAX said about a token, on a verify or a save.
fn max_refusal(outcome: &MaxOutcome, on_save: bool) -> Option<Response> {
    match outcome {
        MaxOutcome::Valid(_) => None,
        MaxOutcome::Invalid if on_save => Some(validation_failed(vec![field_error(
            "token",
            FieldErrorCode::TokenInvalid,
        )])),
        MaxOutcome::Invalid => Some(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::TokenInvalid,
            "MAX не принял токен. Проверьте, что он скопирован полностью.",
        )),
        MaxOutcome::Unavailable => Some(error(
            StatusCode::BAD_GATEWAY,
            ErrorCode::MaxUnavailable,
            "Сервис MAX сейчас недоступен. Повторите попытку позже.",
        )),
        MaxOutcome::RateLimited { retry_after } => Some(rate_limited(*retry_after)),
    }
}

async fn verify_max_token(State(state): State<Shared>, body: Bytes) -> Response {
    let request: TokenVerifyRequest = match decode(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    let token = match check_token(&request.token) {
        Ok(token) => token,
        Err(code) => return validation_failed(vec![field_error("token", code)]),
    };
    let outcome = state.config.max.check(token).await;
    if let Some(refusal) = max_refusal(&outcome, false) {
        return refusal;
    }
    let MaxOutcome::Valid(bot) = outcome else {
        unreachable!("refusals returned above")
    };
    let mut store = state.store();
    store.note_verified();
    if let Err(e) = state.persist(&store) {
        return error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e);
    }
    Json(TokenVerifyResponse { bot }).into_response()
}

/// `ETag` for a version: the version, quoted as HTTP wants.
fn etag(version: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// Whether an `If-Match` / `If-None-Match` value names `version` (quoted or bare, W/ too).
fn names_version(header: &str, version: &str) -> bool {
    header.split(',').any(|tag| {
        let tag = tag.trim().trim_start_matches("W/").trim_matches('"');
        tag == "*" || tag == version
    })
}

fn with_etag(versioned: VersionedSettings) -> Response {
    let tag = etag(&versioned.version);
    let mut response = Json(versioned).into_response();
    response.headers_mut().insert(header::ETAG, tag);
    response
}

async fn get_max_settings(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let Some(saved) = state.store().settings.clone() else {
        return error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "Канал ещё не настраивался.",
        );
    };
    let if_none_match = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
    if if_none_match.is_some_and(|h| names_version(h, &saved.version)) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response.headers_mut().insert(header::ETAG, etag(&saved.version));
        return response;
    }
    with_etag(saved)
}

fn conflict(current: VersionedSettings) -> Response {
    let body = ConflictBody {
        error: ApiErrorDetail {
            code: ErrorCode::VersionConflict,
            message: "Настройки уже изменил другой пользователь.".into(),
            fields: vec![],
        },
        current,
    };
    (StatusCode::PRECONDITION_FAILED, Json(body)).into_response()
}

/// The optimistic-concurrency check of a save against what is stored.
fn precondition(headers: &HeaderMap, stored: Option<&VersionedSettings>) -> Result<(), Response> {
    let value = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    match (value(header::IF_MATCH), value(header::IF_NONE_MATCH), stored) {
        (Some(tag), _, Some(current)) if names_version(tag, &current.version) => Ok(()),
        (Some(_), _, Some(current)) => Err(conflict(current.clone())),
        (Some(_), _, None) => Err(error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "Настроек с такой версией нет: канал ещё не настраивался.",
        )),
        (None, Some(tag), None) if tag.trim() == "*" => Ok(()),
        (None, Some(tag), Some(current)) if tag.trim() == "*" => Err(conflict(current.clone())),
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            "Нужен заголовок If-Match с версией настроек или If-None-Match: *.",
        )),
    }
}

async fn put_max_settings(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let write: SettingsWrite = match decode(&body) {
        Ok(w) => w,
        Err(response) => return response,
    };
    let (base_version, ctx) = {
        let store = state.store();
        if let Err(response) = precondition(&headers, store.settings.as_ref()) {
            return response;
        }
        let ctx = WriteContext {
            chat_bots_service: store.chat_bots_service,
            token_stored: store.connection.token.is_some(),
        };
        (store.settings.as_ref().map(|s| s.version.clone()), ctx)
    };
    let mut fields = validate_write(&write, ctx);
    fields.extend(validate_references(&write.settings, &state.directory));
    if !fields.is_empty() {
        return validation_failed(fields);
    }
    // A carried token is checked with MAX before anything is stored.
    let new_token = match write.token.as_deref().map(check_token) {
        Some(Ok(token)) => {
            let outcome = state.config.max.check(token).await;
            if let Some(refusal) = max_refusal(&outcome, true) {
                return refusal;
            }
            let MaxOutcome::Valid(bot) = outcome else {
                unreachable!("refusals returned above")
            };
            Some((token.to_owned(), bot))
        }
        _ => None,
    };
    let mut store = state.store();
    // Someone may have saved while MAX was being asked: check the version again.
    let current = store.settings.as_ref().map(|s| s.version.clone());
    if current != base_version {
        return conflict(store.settings.clone().expect("a version implies settings"));
    }
    let saved = store.save(normalized(&write.settings), new_token);
    if let Err(e) = state.persist(&store) {
        return error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e);
    }
    with_etag(saved)
}

async fn disconnect_max(State(state): State<Shared>) -> Response {
    let mut store = state.store();
    store.disconnect();
    if let Err(e) = state.persist(&store) {
        return error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e);
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn list_employees(
    State(state): State<Shared>,
    query: Result<axum::extract::Query<EmployeeQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let bad = |message: &str| error(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message);
    let Ok(axum::extract::Query(query)) = query else {
        return bad("Некорректные параметры запроса.");
    };
    if let Some(ids) = &query.ids {
        let items = ids
            .split(',')
            .filter_map(|id| state.directory.employee(id.trim()).cloned())
            .collect();
        return Json(EmployeePage {
            items,
            next_cursor: None,
        })
        .into_response();
    }
    let limit = query.limit.unwrap_or(EmployeeQuery::DEFAULT_LIMIT);
    if !(1..=EmployeeQuery::MAX_LIMIT).contains(&limit) {
        return bad("limit — от 1 до 100.");
    }
    let text = query.query.unwrap_or_default();
    if text.chars().count() > EmployeeQuery::MAX_QUERY_CHARS {
        return bad("Строка поиска — не длиннее 100 символов.");
    }
    let offset = match query.cursor.as_deref().map(str::parse::<usize>) {
        None => 0,
        Some(Ok(offset)) => offset,
        Some(Err(_)) => return bad("Некорректный cursor."),
    };
    let mut matches = state.directory.search(&text).skip(offset);
    let items: Vec<Employee> = matches.by_ref().take(limit as usize).cloned().collect();
    let next_cursor = matches
        .next()
        .map(|_| (offset + items.len()).to_string());
    Json(EmployeePage { items, next_cursor }).into_response()
}

async fn list_groups(State(state): State<Shared>) -> Json<GroupList> {
    Json(GroupList {
        items: state.directory.groups.clone(),
    })
}

async fn list_chat_bots(State(state): State<Shared>) -> Json<ChatBotList> {
    let service = state.store().chat_bots_service;
    Json(ChatBotList {
        items: if service {
            state.directory.chat_bots.clone()
        } else {
            vec![]
        },
    })
}

// ---- test controls -------------------------------------------------------------------

/// `/__dev/*`, mounted only with `--test-controls`.
pub fn dev_routes() -> Router<Shared> {
    Router::new()
        .route("/faults", post(add_faults).get(list_faults).delete(clear_faults))
        .route("/latency", post(set_latency))
        .route("/requests", get(list_requests).delete(clear_requests))
        .route("/reset", post(reset))
        .route("/channel-state", post(set_channel_state))
        .route("/csp-reports", post(add_csp_reports).get(list_csp_reports).delete(clear_csp_reports))
}

/// The browser's violation reports (`report-uri`): `application/csp-report`, or the
/// Reporting API's `application/reports+json`.
async fn add_csp_reports(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match crate::csp::parse_reports(content_type, &body) {
        Ok(reports) => {
            let mut controls = state.controls();
            for report in reports {
                eprintln!("CSP violation: {report}");
                controls.add_csp_report(report);
            }
            StatusCode::NO_CONTENT.into_response()
        }
        Err(crate::csp::ReportError::MediaType) => error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadRequest,
            "expected application/csp-report or application/reports+json",
        ),
        Err(crate::csp::ReportError::Malformed(why)) => {
            error(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, &format!("not a CSP report: {why}"))
        }
    }
}

async fn list_csp_reports(State(state): State<Shared>) -> Json<Vec<crate::csp::CspReport>> {
    Json(state.controls().csp_reports())
}

async fn clear_csp_reports(State(state): State<Shared>) -> StatusCode {
    state.controls().clear_csp_reports();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(FaultSpec),
    Many(Vec<FaultSpec>),
}

async fn add_faults(State(state): State<Shared>, body: Bytes) -> Response {
    let faults = match decode::<OneOrMany>(&body) {
        Ok(OneOrMany::One(f)) => vec![f],
        Ok(OneOrMany::Many(fs)) => fs,
        Err(response) => return response,
    };
    for fault in &faults {
        if fault.operation != "*" && Operation::from_id(&fault.operation).is_none() {
            return error(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadRequest,
                &format!("unknown operation {}", fault.operation),
            );
        }
    }
    let mut controls = state.controls();
    for fault in faults {
        controls.add_fault(fault);
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn list_faults(State(state): State<Shared>) -> Json<Vec<FaultSpec>> {
    Json(state.controls().pending_faults().to_vec())
}

async fn clear_faults(State(state): State<Shared>) -> StatusCode {
    state.controls().clear_faults();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Latency {
    ms: u64,
}

async fn set_latency(State(state): State<Shared>, Json(latency): Json<Latency>) -> StatusCode {
    state.controls().latency = Duration::from_millis(latency.ms);
    StatusCode::NO_CONTENT
}

async fn list_requests(State(state): State<Shared>) -> Json<Vec<LoggedRequest>> {
    Json(state.controls().requests())
}

async fn clear_requests(State(state): State<Shared>) -> StatusCode {
    state.controls().clear_log();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize, Default)]
struct ResetBody {
    #[serde(default)]
    chat_bots_service: Option<bool>,
}

/// A fresh account: no settings, not connected, no faults, empty log, no latency, no
/// CSP reports.
async fn reset(State(state): State<Shared>, body: Bytes) -> Response {
    let options: ResetBody = if body.is_empty() {
        ResetBody::default()
    } else {
        match decode(&body) {
            Ok(o) => o,
            Err(response) => return response,
        }
    };
    let service = options
        .chat_bots_service
        .unwrap_or(state.config.chat_bots_service);
    if let Err(e) = state.reset(service) {
        return error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e);
    }
    let mut controls = state.controls();
    controls.clear_faults();
    controls.clear_log();
    controls.clear_csp_reports();
    controls.latency = Duration::ZERO;
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct ForcedState {
    state: ChannelState,
    #[serde(default)]
    state_reason: Option<StateReason>,
}

/// Forces the channel's state, e.g. `error` with `token_revoked`, which only MAX causes.
async fn set_channel_state(State(state): State<Shared>, Json(forced): Json<ForcedState>) -> Response {
    let mut store = state.store();
    store.connection.state = forced.state;
    store.connection.state_reason = forced.state_reason;
    match state.persist(&store) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_tags_match_quoted_bare_and_weak() {
        assert!(names_version("\"7\"", "7"));
        assert!(names_version("7", "7"));
        assert!(names_version("W/\"7\"", "7"));
        assert!(names_version("\"6\", \"7\"", "7"));
        assert!(!names_version("\"6\"", "7"));
        assert!(!names_version("77", "7"));
    }
}
