//! Serves the built app: its files by path, and `index.html` with the runtime
//! configuration for every other path below the base (deep links, SPA fallback), each time
//! with a fresh CSP nonce (see [`crate::csp`]).

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::{csp, Shared};

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
}

/// `index.html` with the runtime configuration placed before `</head>`. `<` is escaped
/// so that no value can close the script element.
pub fn inject_config(index_html: &str, config: &RuntimeConfig<'_>) -> String {
    let json = serde_json::to_string(config)
        .expect("config serialises")
        .replace('<', "\\u003c");
    let script = format!(
        "<script type=\"application/json\" id=\"max-channel-config\">{json}</script>\n"
    );
    match index_html.find("</head>") {
        Some(at) => format!("{}{script}{}", &index_html[..at], &index_html[at..]),
        None => format!("{script}{index_html}"),
    }
}

/// The part of `path` below `base` ("/" or "/dialogs"), or `None` when outside it.
pub fn below_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return Some(path);
    }
    match path.strip_prefix(base) {
        Some("") => Some("/"),
        Some(rest) if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// A relative file path inside `dist` for a URL path, refusing `..` and the like.
fn file_in(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative.as_os_str().is_empty()
        || !relative.components().all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dist.join(relative);
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The fallback of the whole server: files of the app, else its `index.html`.
pub async fn serve(State(state): State<Shared>, request: Request) -> Response {
    let config = &state.config;
    let Some(dist) = &config.dist else {
        return (StatusCode::NOT_FOUND, "no app: start with --dist DIR").into_response();
    };
    let path = request.uri().path();
    // Trunk's bundle refers to its files from the root (`public_url = "/"`), so files are
    // served at the root and below the base alike.
    let below = below_base(path, &config.base_path);
    let file = file_in(dist, path)
        .or_else(|| below.and_then(|b| file_in(dist, b)))
        .filter(|f| !f.ends_with("index.html"));
    if let Some(file) = file {
        return match tokio::fs::read(&file).await {
            Ok(bytes) => file_response(&file, bytes),
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        };
    }
    if below.is_none() {
        // Outside the base: send the browser to the app.
        let target = format!("{}/", config.base_path.trim_end_matches('/'));
        return (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
    }
    // Any other path is a route of the app (or its «Страница не найдена»).
    match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(index) => {
            let runtime = RuntimeConfig {
                api_base: "/api/v1",
                router_base: &config.base_path,
                csrf_token: &config.csrf_token,
                locale: "ru",
                parent_origin: config.parent_origin.as_deref(),
                request_timeout_ms: config.request_timeout_ms,
            };
            // The nonce goes in before the configuration, so no configured value can
            // carry a placeholder that would be turned into the nonce.
            let nonce = config.csp.then(csp::nonce);
            let html = inject_config(&csp::apply_nonce(&index, nonce.as_deref()), &runtime);
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
        Err(_) => (StatusCode::NOT_FOUND, "dist/index.html is missing: build the app first").into_response(),
    }
}

fn file_response(file: &Path, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(file)),
    );
    response
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
            },
        );
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(html.contains("id=\"max-channel-config\""));
        assert!(html.find("max-channel-config").unwrap() < html.find("</head>").unwrap());
    }

    #[test]
    fn paths_below_a_base() {
        assert_eq!(below_base("/channels", "/"), Some("/channels"));
        assert_eq!(below_base("/dialogs", "/dialogs"), Some("/"));
        assert_eq!(below_base("/dialogs/channels/max", "/dialogs/"), Some("/channels/max"));
        assert_eq!(below_base("/dialogsx", "/dialogs"), None);
        assert_eq!(below_base("/other", "/dialogs"), None);
    }

    #[test]
    fn no_escape_from_dist() {
        let dist = std::env::temp_dir();
        assert!(file_in(&dist, "/../etc/passwd").is_none());
        assert!(file_in(&dist, "/").is_none());
    }
}
