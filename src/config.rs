//! The runtime configuration the host page gives the app in
//! `<script type="application/json" id="max-channel-config">`, with same-origin defaults.

use max_channel_contract::json::{from_json_str, Fields, FromJson, Json, JsonError};

use crate::i18n::Locale;

/// The id of the configuration element.
pub const CONFIG_ELEMENT_ID: &str = "max-channel-config";

/// The contract's time-out for a call, in milliseconds (spec: 15 s).
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// How often «Работа канала» asks for the health while visible (spec: 60 s).
pub const DEFAULT_HEALTH_REFRESH_MS: u32 = 60_000;

/// The shortest refresh a host may ask for: the back end re-checks MAX at most every
/// minute anyway; tests use a couple of seconds.
pub const MIN_HEALTH_REFRESH_MS: u32 = 1_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeConfig {
    /// Where the API lives, without a trailing slash (default `/api/v1`).
    pub api_base: String,
    /// The router base path: `""` at the root, else e.g. `/dialogs` (no trailing slash).
    pub router_base: String,
    /// The `X-CSRF-Token` value for writes.
    pub csrf_token: String,
    pub locale: Locale,
    /// The origin of the embedding cabinet, for `postMessage`; `None`: not configured.
    pub parent_origin: Option<String>,
    pub request_timeout_ms: u32,
    /// «Работа канала» refreshes this often while the page is visible.
    pub health_refresh_ms: u32,
    /// The cabinet's account the person works in, when the host says: what is kept in the
    /// browser (the unsaved draft) is kept per account, so another account's administrator
    /// in the same browser is never offered it.
    pub account_id: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base: "/api/v1".into(),
            router_base: String::new(),
            csrf_token: String::new(),
            locale: Locale::Ru,
            parent_origin: None,
            request_timeout_ms: DEFAULT_TIMEOUT_MS,
            health_refresh_ms: DEFAULT_HEALTH_REFRESH_MS,
            account_id: None,
        }
    }
}

/// The JSON the host writes; every key optional.
#[derive(Debug, Default)]
struct RawConfig {
    api_base: Option<String>,
    router_base: Option<String>,
    csrf_token: Option<String>,
    locale: Option<String>,
    parent_origin: Option<String>,
    request_timeout_ms: Option<u32>,
    health_refresh_ms: Option<u32>,
    account_id: Option<String>,
}

/// Every key optional, no other key allowed (a misspelt key is a mistake to show, not to
/// ignore).
impl FromJson for RawConfig {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        let mut fields = Fields::of(json)?;
        let raw = RawConfig {
            api_base: fields.take("api_base")?,
            router_base: fields.take("router_base")?,
            csrf_token: fields.take("csrf_token")?,
            locale: fields.take("locale")?,
            parent_origin: fields.take("parent_origin")?,
            request_timeout_ms: fields.take("request_timeout_ms")?,
            health_refresh_ms: fields.take("health_refresh_ms")?,
            account_id: fields.take("account_id")?,
        };
        fields.deny_unknown()?;
        Ok(raw)
    }
}

/// Why the configuration cannot be used; shown on the page, never a blank screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("не JSON: {0}")]
    NotJson(String),
    #[error("{key}: {reason}")]
    BadValue { key: &'static str, reason: String },
}

impl ConfigError {
    /// The configuration's key at fault, for the host (`max-channel-config`: the whole text).
    pub fn key(&self) -> &'static str {
        match self {
            ConfigError::NotJson(_) => "max-channel-config",
            ConfigError::BadValue { key, .. } => key,
        }
    }
}

/// An account id the app can put in a storage key as it is: 1–64 of `A–Z a–z 0–9 . _ -`.
fn is_account_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// `"/"`, `""` → `""`; `"dialogs/"` → `"/dialogs"`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

impl RuntimeConfig {
    /// Reads the configuration text (absent: the defaults). `meta_csrf` is the host page's
    /// `<meta name="csrf-token">`, used when the configuration names no token.
    pub fn parse(text: Option<&str>, meta_csrf: Option<String>) -> Result<RuntimeConfig, ConfigError> {
        let raw: RawConfig = match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => from_json_str(text).map_err(|e| ConfigError::NotJson(e.to_string()))?,
            None => RawConfig::default(),
        };
        let defaults = RuntimeConfig::default();
        let api_base = match raw.api_base {
            Some(base) if base.trim().is_empty() => {
                return Err(ConfigError::BadValue { key: "api_base", reason: "пустое значение".into() })
            }
            Some(base) => base.trim().trim_end_matches('/').to_owned(),
            None => defaults.api_base,
        };
        let request_timeout_ms = match raw.request_timeout_ms {
            Some(0) => {
                return Err(ConfigError::BadValue {
                    key: "request_timeout_ms",
                    reason: "должно быть больше нуля".into(),
                })
            }
            Some(ms) => ms,
            None => defaults.request_timeout_ms,
        };
        let health_refresh_ms = match raw.health_refresh_ms {
            Some(ms) if ms < MIN_HEALTH_REFRESH_MS => {
                return Err(ConfigError::BadValue {
                    key: "health_refresh_ms",
                    reason: format!("не меньше {MIN_HEALTH_REFRESH_MS}"),
                })
            }
            Some(ms) => ms,
            None => defaults.health_refresh_ms,
        };
        let parent_origin = match raw.parent_origin.map(|o| o.trim().trim_end_matches('/').to_owned()) {
            Some(origin) if origin == "*" || !(origin.starts_with("https://") || origin.starts_with("http://")) => {
                return Err(ConfigError::BadValue {
                    key: "parent_origin",
                    reason: format!("ожидается адрес вида https://host, а не «{origin}»"),
                })
            }
            other => other.filter(|o| !o.is_empty()),
        };
        let account_id = match raw.account_id {
            Some(id) if !is_account_id(&id) => {
                return Err(ConfigError::BadValue {
                    key: "account_id",
                    reason: "от 1 до 64 латинских букв, цифр, «.», «_» или «-»".into(),
                })
            }
            other => other,
        };
        Ok(RuntimeConfig {
            account_id,
            api_base,
            router_base: raw.router_base.as_deref().map(normalize_base).unwrap_or_default(),
            csrf_token: raw.csrf_token.or(meta_csrf).unwrap_or_default(),
            locale: raw.locale.as_deref().map(Locale::from_tag).unwrap_or_default(),
            parent_origin,
            request_timeout_ms,
            health_refresh_ms,
        })
    }

    /// The href of an app route (`/channels/max`) below the router base: `<A href>` does
    /// not add the base in leptos_router 0.8, so every link goes through here.
    pub fn href(&self, route: &str) -> String {
        format!("{}{route}", self.router_base)
    }

    /// Reads the configuration from the page.
    #[cfg(target_arch = "wasm32")]
    pub fn from_document() -> Result<RuntimeConfig, ConfigError> {
        let document = web_sys::window().and_then(|w| w.document());
        let text =
            document.as_ref().and_then(|d| d.get_element_by_id(CONFIG_ELEMENT_ID)).and_then(|e| e.text_content());
        let meta = document
            .as_ref()
            .and_then(|d| d.query_selector("meta[name=\"csrf-token\"]").ok().flatten())
            .and_then(|m| m.get_attribute("content"));
        let config = RuntimeConfig::parse(text.as_deref(), meta);
        #[cfg(feature = "preview")]
        let config = config.map(with_preview_language);
        config
    }
}

/// Preview mode's `lang=en` (the panel's «Язык») over the page's own language.
#[cfg(all(feature = "preview", target_arch = "wasm32"))]
fn with_preview_language(mut config: RuntimeConfig) -> RuntimeConfig {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if crate::api::demo::Scenario::asked_in(&search) && crate::api::demo::Scenario::from_query(&search).english {
        config.locale = Locale::En;
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_for_same_origin() {
        let c = RuntimeConfig::parse(None, None).unwrap();
        assert_eq!(c, RuntimeConfig::default());
        assert_eq!(c.href("/channels"), "/channels");
    }

    #[test]
    fn a_full_configuration() {
        let c = RuntimeConfig::parse(
            Some(r#"{"api_base":"https://lk.example/api/v1/","router_base":"/dialogs/","csrf_token":"t","locale":"en","parent_origin":"https://lk.example","request_timeout_ms":2000}"#),
            Some("meta".into()),
        )
        .unwrap();
        assert_eq!(c.api_base, "https://lk.example/api/v1");
        assert_eq!(c.router_base, "/dialogs");
        assert_eq!(c.csrf_token, "t");
        assert_eq!(c.locale, Locale::En);
        assert_eq!(c.parent_origin.as_deref(), Some("https://lk.example"));
        assert_eq!(c.request_timeout_ms, 2000);
        assert_eq!(c.health_refresh_ms, DEFAULT_HEALTH_REFRESH_MS);
        let quick = RuntimeConfig::parse(Some(r#"{"health_refresh_ms":1500}"#), None).unwrap();
        assert_eq!(quick.health_refresh_ms, 1500);
        assert_eq!(c.href("/channels/max"), "/dialogs/channels/max");
    }

    #[test]
    fn the_meta_csrf_token_is_the_fallback() {
        let c = RuntimeConfig::parse(Some("{}"), Some("from-meta".into())).unwrap();
        assert_eq!(c.csrf_token, "from-meta");
    }

    #[test]
    fn broken_configurations_say_why() {
        for (text, key) in [
            ("{", None),
            (r#"{"api_base": ""}"#, Some("api_base")),
            (r#"{"request_timeout_ms": 0}"#, Some("request_timeout_ms")),
            (r#"{"health_refresh_ms": 999}"#, Some("health_refresh_ms")),
            (r#"{"parent_origin": "*"}"#, Some("parent_origin")),
            (r#"{"account_id": ""}"#, Some("account_id")),
            (r#"{"account_id": "a b"}"#, Some("account_id")),
            (r#"{"account_id": "ac:1"}"#, Some("account_id")),
            (r#"{"apibase": "/x"}"#, None),
            (r#"{"api_base": "/x", "api_base": "/y"}"#, None),
            (r#"{"locale": null, "extra": 1}"#, None),
            ("[]", None),
            (r#"{"request_timeout_ms": "fast"}"#, None),
        ] {
            let error = RuntimeConfig::parse(Some(text), None).unwrap_err();
            match (key, &error) {
                (Some(k), ConfigError::BadValue { key, .. }) => assert_eq!(k, *key),
                (None, ConfigError::NotJson(_)) => {}
                _ => panic!("{text}: {error:?}"),
            }
            assert!(!error.to_string().is_empty());
            let expected_key = key.unwrap_or("max-channel-config");
            assert_eq!(error.key(), expected_key, "the key the host is told: {text}");
        }
    }

    #[test]
    fn an_account_id_is_kept_as_the_host_gave_it() {
        let c = RuntimeConfig::parse(Some(r#"{"account_id":"lk-4021_7.a"}"#), None).unwrap();
        assert_eq!(c.account_id.as_deref(), Some("lk-4021_7.a"));
        let long = format!(r#"{{"account_id":"{}"}}"#, "a".repeat(65));
        assert!(RuntimeConfig::parse(Some(&long), None).is_err());
    }
}
