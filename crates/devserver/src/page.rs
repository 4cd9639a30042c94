//! The app's page: `index.html` of a bundle as the answer for every route of the app, each
//! time with a fresh CSP nonce (see [`crate::csp`]), the runtime configuration the app reads
//! at start, and — with the test controls — the console capture script.

use std::path::Path;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::{csp, Config};

/// The configuration the app reads from `<script type="application/json" id="max-channel-config">`.
#[derive(Debug, Serialize)]
pub struct RuntimeConfig<'a> {
    pub api_base: &'a str,
    pub router_base: &'a str,
    pub csrf_token: &'a str,
    pub locale: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_origin: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout_ms: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_refresh_ms: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<&'a str>,
}

/// `index.html` with the runtime configuration placed before `</head>`. `<` is escaped
/// so that no value can close the script element.
pub fn inject_config(index_html: &str, config: &RuntimeConfig<'_>) -> String {
    let json = serde_json::to_string(config).expect("config serialises").replace('<', "\\u003c");
    let script = format!("<script type=\"application/json\" id=\"max-channel-config\">{json}</script>\n");
    match index_html.find("</head>") {
        Some(at) => format!("{}{script}{}", &index_html[..at], &index_html[at..]),
        None => format!("{script}{index_html}"),
    }
}

/// `dist/index.html` as the answer for a route of the app mounted at `router_base`: a fresh
/// nonce, the runtime configuration, and (test controls) the console capture.
pub(crate) async fn app_page(config: &Config, dist: &Path, router_base: &str) -> Response {
    match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(index) => {
            let runtime = RuntimeConfig {
                api_base: "/api/v1",
                router_base,
                csrf_token: &config.csrf_token,
                locale: &config.locale,
                parent_origin: config.parent_origin.as_deref(),
                request_timeout_ms: config.request_timeout_ms,
                health_refresh_ms: config.health_refresh_ms,
                account_id: config.account_id.as_deref(),
            };
            // The nonce goes in before the configuration, so no configured value can
            // carry a placeholder that would be turned into the nonce.
            let nonce = config.csp.then(csp::nonce);
            let mut html = inject_config(&csp::apply_nonce(&index, nonce.as_deref()), &runtime);
            if config.test_controls && config.console_capture {
                html = crate::console::inject(&html);
            }
            let mut response = Response::new(Body::from(html));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            if let Some(nonce) = nonce {
                match HeaderValue::from_str(&csp::app_policy(config, &nonce)) {
                    Ok(policy) => {
                        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
                    }
                    Err(_) => {
                        return (StatusCode::INTERNAL_SERVER_ERROR, "the CSP is not a header value").into_response()
                    }
                }
            }
            response
        }
        Err(_) => (StatusCode::NOT_FOUND, "index.html is missing: build the app first").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_cannot_break_out_of_its_script() {
        let html = inject_config(
            "<html><head><title>x</title></head><body></body></html>",
            &RuntimeConfig {
                api_base: "/api/v1",
                router_base: "/",
                csrf_token: "</script><script>alert(1)</script>",
                locale: "ru",
                parent_origin: None,
                request_timeout_ms: None,
                health_refresh_ms: None,
                account_id: None,
            },
        );
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(html.contains("id=\"max-channel-config\""));
        assert!(html.find("max-channel-config").unwrap() < html.find("</head>").unwrap());
    }
}
