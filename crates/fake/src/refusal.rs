//! A contract error answer: the status, the body and `Retry-After`, ready to be written
//! over HTTP (the dev back end) or read back as the app's error (preview mode).

use max_channel_contract::*;

/// The body of an error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalBody {
    Error(ErrorBody),
    /// 412, with the settings someone else saved (boxed: it is ten times the others).
    Conflict(Box<ConflictBody>),
}

/// A refused call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub body: RefusalBody,
    /// Seconds, with 429.
    pub retry_after: Option<u64>,
}

impl Refusal {
    pub fn new(status: u16, code: ErrorCode, message: &str) -> Refusal {
        Refusal { status, body: RefusalBody::Error(ErrorBody::new(code, message)), retry_after: None }
    }

    pub fn bad_request(message: &str) -> Refusal {
        Refusal::new(400, ErrorCode::BadRequest, message)
    }

    pub fn not_connected() -> Refusal {
        Refusal::new(404, ErrorCode::NotFound, "Канал не подключён.")
    }

    pub fn validation(fields: Vec<FieldError>) -> Refusal {
        Refusal {
            status: 422,
            body: RefusalBody::Error(ErrorBody {
                error: ApiErrorDetail {
                    code: ErrorCode::ValidationFailed,
                    message: "Проверьте выделенные поля.".into(),
                    fields,
                },
            }),
            retry_after: None,
        }
    }

    pub fn conflict(current: VersionedSettings) -> Refusal {
        Refusal {
            status: 412,
            body: RefusalBody::Conflict(Box::new(ConflictBody {
                error: ApiErrorDetail {
                    code: ErrorCode::VersionConflict,
                    message: "Настройки уже изменил другой пользователь.".into(),
                    fields: vec![],
                },
                current,
            })),
            retry_after: None,
        }
    }

    pub fn rate_limited(retry_after: u64) -> Refusal {
        Refusal {
            retry_after: Some(retry_after.max(1)),
            ..Refusal::new(429, ErrorCode::RateLimited, "Слишком много запросов. Повторите попытку позже.")
        }
    }

    pub fn max_unavailable() -> Refusal {
        Refusal::new(502, ErrorCode::MaxUnavailable, "Сервис MAX сейчас недоступен. Повторите попытку позже.")
    }

    pub fn token_invalid() -> Refusal {
        Refusal::new(422, ErrorCode::TokenInvalid, "MAX не принял токен. Проверьте, что он скопирован полностью.")
    }

    pub fn code(&self) -> &ErrorCode {
        match &self.body {
            RefusalBody::Error(body) => &body.error.code,
            RefusalBody::Conflict(body) => &body.error.code,
        }
    }

    /// The body as the contract's JSON.
    pub fn json(&self) -> String {
        let text = match &self.body {
            RefusalBody::Error(body) => serde_json::to_string(body),
            RefusalBody::Conflict(body) => serde_json::to_string(body),
        };
        // These types hold only strings, numbers and lists: serialising cannot fail.
        text.unwrap_or_default()
    }
}

/// How a save says what it is based on (`If-Match` / `If-None-Match`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// `If-Match`: one or more entity tags, quoted or bare, weak or strong, or `*`.
    IfMatch(String),
    /// `If-None-Match: *`: only when nothing is stored yet.
    CreateOnly,
}

impl Precondition {
    /// From the two headers: neither is 428; an `If-None-Match` other than `*` is 400.
    /// With both, `If-Match` decides (RFC 9110 § 13.2.2), once the other is well-formed.
    pub fn from_headers(if_match: Option<&str>, if_none_match: Option<&str>) -> Result<Precondition, Refusal> {
        if if_none_match.is_some_and(|tag| tag.trim() != "*") {
            return Err(Refusal::bad_request("If-None-Match допускает только «*»."));
        }
        match (if_match, if_none_match) {
            (Some(tags), _) => Ok(Precondition::IfMatch(tags.to_owned())),
            (None, Some(_)) => Ok(Precondition::CreateOnly),
            (None, None) => Err(Refusal::new(
                428,
                ErrorCode::PreconditionRequired,
                "Нужен заголовок If-Match с версией настроек или If-None-Match: *.",
            )),
        }
    }
}

/// Whether an `If-Match` / `If-None-Match` value names `version` (quoted or bare, `W/`
/// too, or `*`).
pub fn names_version(header: &str, version: &str) -> bool {
    header.split(',').any(|tag| {
        let tag = tag.trim().trim_start_matches("W/").trim_matches('"');
        tag == "*" || tag == version
    })
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

    #[test]
    fn preconditions_from_headers() {
        let status = |m: Option<&str>, n: Option<&str>| Precondition::from_headers(m, n).map_err(|r| r.status);
        assert_eq!(status(None, None), Err(428));
        assert_eq!(status(None, Some("*")), Ok(Precondition::CreateOnly));
        assert_eq!(status(None, Some(" * ")), Ok(Precondition::CreateOnly));
        assert_eq!(status(None, Some("\"3\"")), Err(400));
        assert_eq!(status(Some("\"3\""), None), Ok(Precondition::IfMatch("\"3\"".into())));
        assert_eq!(status(Some("\"3\""), Some("*")), Ok(Precondition::IfMatch("\"3\"".into())));
        assert_eq!(status(Some("\"3\""), Some("\"4\"")), Err(400));
        let refusal = Precondition::from_headers(None, None).unwrap_err();
        assert_eq!(refusal.code(), &ErrorCode::PreconditionRequired);
        assert!(refusal.json().contains("precondition_required"));
    }
}
