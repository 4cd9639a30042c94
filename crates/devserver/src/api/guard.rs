//! What stands before every operation: test faults and latency, the CSRF check of
//! state-changing calls, and the request log (also of calls whose client gave up).

use std::time::Duration;

use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use max_channel_contract::{ErrorCode, Operation, CSRF_HEADER};

use super::error;
use crate::faults::{redact_token, FaultSpec, LoggedRequest};
use crate::Shared;

/// The contract's `ErrorBody` for a status, for faults that name only a status. A 502 is
/// `max_unavailable` where the call is MAX's answer relayed (a token check, a health check
/// or repair); elsewhere it is a gateway's, `internal`.
pub fn default_error_for(status: StatusCode, operation: Option<Operation>) -> (ErrorCode, &'static str) {
    let behind_max =
        matches!(operation, Some(Operation::VerifyMaxToken | Operation::CheckMaxHealth | Operation::RepairMaxHealth));
    match status.as_u16() {
        400 => (ErrorCode::BadRequest, "Некорректный запрос."),
        401 => (ErrorCode::Unauthorized, "Сессия истекла. Войдите снова."),
        403 => (ErrorCode::Forbidden, "Недостаточно прав."),
        404 => (ErrorCode::NotFound, "Не найдено."),
        412 => (ErrorCode::VersionConflict, "Настройки изменил другой пользователь."),
        422 => (ErrorCode::ValidationFailed, "Проверьте выделенные поля."),
        428 => (ErrorCode::PreconditionRequired, "Нужен заголовок If-Match или If-None-Match: *."),
        429 => (ErrorCode::RateLimited, "Слишком много запросов."),
        502 if behind_max => (ErrorCode::MaxUnavailable, "Сервис MAX сейчас недоступен."),
        _ => (ErrorCode::Internal, "Внутренняя ошибка сервера."),
    }
}

pub fn operation_of(method: &Method, path: &str) -> Option<Operation> {
    Operation::of_request(method.as_str(), path)
}

/// Applies test faults and latency, checks CSRF on state-changing calls, and logs the call.
pub async fn guard(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let operation = operation_of(request.method(), request.uri().path());
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
    let headers = &parts.headers;
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let csrf = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
    let entry = LoggedRequest {
        seq: 0,
        arrival: state.controls().arrive(),
        method: parts.method.to_string(),
        path: parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned()),
        query: parts.uri.query().map(str::to_owned),
        operation: operation.map(|op| op.name().to_owned()),
        status: 0,
        if_match: text(header::IF_MATCH),
        if_none_match: text(header::IF_NONE_MATCH),
        csrf: !csrf.is_empty(),
        body: serde_json::from_slice(&bytes).ok().map(|mut v| {
            redact_token(&mut v);
            v
        }),
    };
    let csrf_ok = match state.controls().renewed_csrf_token() {
        Some(renewed) => csrf == renewed,
        None => csrf == state.config.csrf_token,
    };
    let mut pending = PendingLog { state: state.clone(), entry: Some(entry) };

    let (latency, fault, gate) = {
        let mut controls = state.controls();
        let fault = operation.and_then(|op| controls.take_fault(op));
        (controls.latency, fault, controls.gate(operation))
    };
    if let Some(mut gate) = gate {
        // Nothing is ever sent: this ends when the gate's sender is dropped (released).
        let _ = gate.changed().await;
    }
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let response = match fault {
        Some(fault) => apply_fault(fault, operation).await,
        None => None,
    };
    let response = match response {
        Some(response) => response,
        None if operation.is_some_and(Operation::needs_csrf) && !csrf_ok => {
            error(StatusCode::FORBIDDEN, ErrorCode::Forbidden, "Нет CSRF-токена или он неверен. Обновите страницу.")
        }
        None => {
            let request = Request::from_parts(parts, Body::from(bytes));
            next.run(request).await
        }
    };
    pending.finish(response.status().as_u16());
    let mut response = response;
    stamp_date(&state, &mut response);
    response
}

/// Dates an answer by the fake's clock, not the machine's: moved 8 hours on (dev
/// controls), the back end must look 8 hours on to the app too, which reads the server's
/// time from `Date` to say «Проверено 5 минут назад» right whatever the PC's clock says.
fn stamp_date(state: &Shared, response: &mut Response) {
    let now = state.fake().now();
    let moment = std::time::UNIX_EPOCH + std::time::Duration::from_secs(now.max(0).unsigned_abs());
    if let Ok(value) = header::HeaderValue::from_str(&httpdate::fmt_http_date(moment)) {
        response.headers_mut().insert(header::DATE, value);
    }
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
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        return Some(response);
    }
    let status = StatusCode::from_u16(fault.status?).ok()?;
    let mut response = if let Some(raw) = fault.raw {
        let content_type = fault.content_type.unwrap_or_else(|| "text/html; charset=utf-8".into());
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
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(fault.retry_after.unwrap_or(5)));
    }
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_502_is_max_unavailable_only_where_max_answers() {
        let bad_gateway = StatusCode::BAD_GATEWAY;
        for op in Operation::ALL {
            let (code, _) = default_error_for(bad_gateway, Some(op));
            let behind_max =
                matches!(op, Operation::VerifyMaxToken | Operation::CheckMaxHealth | Operation::RepairMaxHealth);
            let expected = if behind_max { ErrorCode::MaxUnavailable } else { ErrorCode::Internal };
            assert_eq!(code, expected, "{}", op.name());
        }
        assert_eq!(default_error_for(bad_gateway, None).0, ErrorCode::Internal);
        let (code, _) = default_error_for(StatusCode::PRECONDITION_REQUIRED, Some(Operation::PutMaxSettings));
        assert_eq!(code, ErrorCode::PreconditionRequired);
    }

    #[test]
    fn every_operation_is_found_by_method_and_path() {
        for op in Operation::ALL {
            let method = Method::from_bytes(op.method().as_bytes()).unwrap();
            assert_eq!(operation_of(&method, &op.path_for("dt-1")), Some(op), "{}", op.name());
        }
        assert_eq!(operation_of(&Method::POST, "/channels/max/health"), None);
    }
}
