//! The one error type of every API call.

use max_channel_contract::json::from_json_str;
use max_channel_contract::{ErrorBody, ErrorCode, FieldError, VersionedSettings};

use crate::i18n::{Msg, Tr};

/// What went wrong with a call: one variant per contract error code, plus the failures
/// that never reach the contract (network, time-out, a body that is not its JSON).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    #[error("bad_request: {0}")]
    BadRequest(String),
    /// The cabinet session expired; the host must log in again.
    #[error("unauthorized")]
    Unauthorized,
    /// CSRF or rights.
    #[error("forbidden")]
    Forbidden,
    #[error("not_found")]
    NotFound,
    /// Someone saved in between; their settings, when the answer carried them.
    #[error("version_conflict")]
    VersionConflict(Option<Box<VersionedSettings>>),
    /// One entry per bad field.
    #[error("validation_failed ({} fields)", .0.len())]
    Validation(Vec<FieldError>),
    #[error("token_invalid")]
    TokenInvalid,
    #[error("max_unavailable")]
    MaxUnavailable,
    /// Wait this many seconds (`Retry-After`), when the answer said.
    #[error("rate_limited")]
    RateLimited { retry_after: Option<u32> },
    #[error("internal (HTTP {status})")]
    Internal { status: u16 },
    /// A contract-shaped error with a code this version does not know.
    #[error("HTTP {status}: {code}")]
    Other { status: u16, code: String },
    /// The request never got an answer (offline, server down, CORS, connection reset).
    #[error("network")]
    Network,
    /// No answer within the configured time-out.
    #[error("timeout")]
    Timeout,
    /// An answer that is not the contract's JSON (an HTML error page, a cut body).
    #[error("unexpected response: {0}")]
    Unexpected(String),
}

impl ApiError {
    /// The error an HTTP status and body stand for. `retry_after` is the header's value.
    pub fn from_response(status: u16, body: &str, retry_after: Option<u32>) -> ApiError {
        if status == 412 {
            // A 412 carries the current settings (`ConflictBody`).
            let current = from_json_str::<max_channel_contract::ConflictBody>(body).ok().map(|c| Box::new(c.current));
            return ApiError::VersionConflict(current);
        }
        match from_json_str::<ErrorBody>(body) {
            Ok(parsed) => ApiError::from_body(status, parsed, retry_after),
            Err(_) => match status {
                401 => ApiError::Unauthorized,
                403 => ApiError::Forbidden,
                _ => ApiError::Unexpected(format!("HTTP {status}, not an ErrorBody: {}", excerpt(body))),
            },
        }
    }

    /// What a contract error body stands for, once read (any status but 412, which
    /// [`ApiError::from_response`] reads as a conflict). Preview mode hands it the fake's
    /// body as is, so it reads errors as the HTTP client does without writing the JSON out
    /// and parsing it back.
    pub fn from_body(status: u16, body: ErrorBody, retry_after: Option<u32>) -> ApiError {
        let error = body.error;
        match error.code {
            ErrorCode::BadRequest => ApiError::BadRequest(error.message),
            ErrorCode::Unauthorized => ApiError::Unauthorized,
            ErrorCode::Forbidden => ApiError::Forbidden,
            ErrorCode::NotFound => ApiError::NotFound,
            ErrorCode::VersionConflict => ApiError::VersionConflict(None),
            // The app always sends a precondition, so a 428 is a defect: «Сервер ответил
            // неожиданно», with the details for the console.
            ErrorCode::PreconditionRequired => {
                ApiError::Unexpected(format!("HTTP {status} precondition_required: {}", error.message))
            }
            ErrorCode::ValidationFailed => ApiError::Validation(error.fields),
            ErrorCode::TokenInvalid => ApiError::TokenInvalid,
            ErrorCode::MaxUnavailable => ApiError::MaxUnavailable,
            ErrorCode::RateLimited => ApiError::RateLimited { retry_after },
            ErrorCode::Internal => ApiError::Internal { status },
            ErrorCode::Other(code) => ApiError::Other { status, code },
        }
    }

    /// Whether trying the same call again may succeed («Повторить» makes sense): after the
    /// fault clears, a new login in the cabinet, or rights granted. Not when the request
    /// itself must change first (the fields, the token, the version).
    pub fn is_retryable(&self) -> bool {
        !matches!(
            self,
            ApiError::BadRequest(_) | ApiError::VersionConflict(_) | ApiError::Validation(_) | ApiError::TokenInvalid
        )
    }

    /// The message while a 429's wait counts down (`seconds_left`, from
    /// `ui::use_retry_wait`): the seconds still to wait, and once they are over, that trying
    /// again is fine. Any other failure reads as [`ApiError::message`].
    pub fn message_waiting(&self, tr: Tr, seconds_left: u32) -> String {
        match self {
            ApiError::RateLimited { retry_after: Some(_) } if seconds_left == 0 => tr.t(Msg::ErrRateLimitedOver).into(),
            ApiError::RateLimited { retry_after: Some(_) } => {
                ApiError::RateLimited { retry_after: Some(seconds_left) }.message(tr)
            }
            other => other.message(tr),
        }
    }

    /// The message for the person, from the catalogue.
    pub fn message(&self, tr: Tr) -> String {
        match self {
            ApiError::BadRequest(_) => tr.t(Msg::ErrBadRequest).into(),
            ApiError::Unauthorized => tr.t(Msg::ErrUnauthorized).into(),
            ApiError::Forbidden => tr.t(Msg::ErrForbidden).into(),
            ApiError::NotFound => tr.t(Msg::ErrNotFound).into(),
            ApiError::VersionConflict(_) => tr.t(Msg::ErrVersionConflict).into(),
            ApiError::Validation(_) => tr.t(Msg::ErrValidation).into(),
            ApiError::TokenInvalid => tr.t(Msg::ErrTokenInvalid).into(),
            ApiError::MaxUnavailable => tr.t(Msg::ErrMaxUnavailable).into(),
            ApiError::RateLimited { retry_after: Some(s) } => {
                let wait = crate::i18n::count(tr.0, Msg::UnitSecondAfter, u64::from(*s));
                tr.f(Msg::ErrRateLimited, &[("seconds", &wait)])
            }
            ApiError::RateLimited { retry_after: None } => tr.t(Msg::ErrRateLimitedNoWait).into(),
            ApiError::Internal { status } | ApiError::Other { status, .. } if *status >= 500 => {
                tr.f(Msg::ErrServer, &[("status", &status.to_string())])
            }
            ApiError::Internal { .. } => tr.t(Msg::ErrInternal).into(),
            ApiError::Other { .. } => tr.t(Msg::ErrUnexpected).into(),
            ApiError::Network => tr.t(Msg::ErrNetwork).into(),
            ApiError::Timeout => tr.t(Msg::ErrTimeout).into(),
            ApiError::Unexpected(_) => tr.t(Msg::ErrUnexpected).into(),
        }
    }
}

/// The first characters of a body, for the console (never shown to the person).
fn excerpt(body: &str) -> String {
    let mut text: String = body.chars().take(120).collect();
    if body.chars().count() > 120 {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn body(code: &str) -> String {
        format!(r#"{{"error":{{"code":"{code}","message":"x"}}}}"#)
    }

    #[test]
    fn every_contract_code_has_its_variant() {
        let cases = [
            (400, "bad_request", ApiError::BadRequest("x".into())),
            (401, "unauthorized", ApiError::Unauthorized),
            (403, "forbidden", ApiError::Forbidden),
            (404, "not_found", ApiError::NotFound),
            (422, "validation_failed", ApiError::Validation(vec![])),
            (422, "token_invalid", ApiError::TokenInvalid),
            (502, "max_unavailable", ApiError::MaxUnavailable),
            (429, "rate_limited", ApiError::RateLimited { retry_after: Some(7) }),
            (500, "internal", ApiError::Internal { status: 500 }),
            (418, "teapot", ApiError::Other { status: 418, code: "teapot".into() }),
        ];
        for (status, code, expected) in cases {
            assert_eq!(ApiError::from_response(status, &body(code), Some(7).filter(|_| status == 429)), expected);
        }
        assert_eq!(ApiError::from_response(412, "{}", None), ApiError::VersionConflict(None));
        let missing = ApiError::from_response(428, &body("precondition_required"), None);
        assert_eq!(missing, ApiError::Unexpected("HTTP 428 precondition_required: x".into()));
        assert_eq!(missing.message(Tr(Locale::Ru)), "Сервер ответил неожиданно");
    }

    #[test]
    fn a_wait_reads_as_it_counts_down() {
        let tr = Tr(Locale::Ru);
        let limited = ApiError::RateLimited { retry_after: Some(30) };
        assert_eq!(limited.message_waiting(tr, 30), "Слишком много попыток. Повторите через 30 секунд.");
        assert_eq!(limited.message_waiting(tr, 21), "Слишком много попыток. Повторите через 21 секунду.");
        assert_eq!(limited.message_waiting(tr, 0), "Слишком много попыток. Теперь можно повторить.");
        let no_wait = ApiError::RateLimited { retry_after: None };
        assert_eq!(no_wait.message_waiting(tr, 0), no_wait.message(tr), "no number to count");
        assert_eq!(ApiError::Network.message_waiting(tr, 0), ApiError::Network.message(tr));
    }

    #[test]
    fn a_body_that_is_not_the_contracts_json() {
        let e = ApiError::from_response(502, "<html><body>Bad Gateway</body></html>", None);
        assert!(matches!(e, ApiError::Unexpected(_)));
        assert_eq!(e.message(Tr(Locale::Ru)), "Сервер ответил неожиданно");
        assert_eq!(ApiError::from_response(401, "", None), ApiError::Unauthorized);
    }

    #[test]
    fn every_variant_has_a_message_in_both_languages() {
        let all = [
            ApiError::BadRequest("x".into()),
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::VersionConflict(None),
            ApiError::Validation(vec![]),
            ApiError::TokenInvalid,
            ApiError::MaxUnavailable,
            ApiError::RateLimited { retry_after: Some(21) },
            ApiError::RateLimited { retry_after: None },
            ApiError::Internal { status: 500 },
            ApiError::Internal { status: 418 },
            ApiError::Other { status: 503, code: "x".into() },
            ApiError::Other { status: 409, code: "x".into() },
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Unexpected("x".into()),
        ];
        for locale in Locale::ALL {
            let mut seen = std::collections::HashSet::new();
            for e in &all {
                let m = e.message(Tr(locale));
                assert!(!m.is_empty() && !m.contains('{'), "{e:?}: {m}");
                seen.insert(m);
            }
            assert!(seen.len() >= 14, "messages are distinct");
        }
        assert_eq!(
            ApiError::RateLimited { retry_after: Some(21) }.message(Tr(Locale::Ru)),
            "Слишком много попыток. Повторите через 21 секунду."
        );
        assert_eq!(ApiError::Unauthorized.message(Tr(Locale::Ru)), "Сессия истекла — войдите снова");
    }

    #[test]
    fn retry_is_offered_unless_the_request_itself_must_change() {
        let retry = [
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::MaxUnavailable,
            ApiError::RateLimited { retry_after: Some(5) },
            ApiError::Internal { status: 500 },
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Unexpected("x".into()),
        ];
        assert!(retry.iter().all(ApiError::is_retryable));
        let fix_first = [
            ApiError::BadRequest("x".into()),
            ApiError::VersionConflict(None),
            ApiError::Validation(vec![]),
            ApiError::TokenInvalid,
        ];
        assert!(!fix_first.iter().any(ApiError::is_retryable));
    }
}
