//! The designers' build beside the production one (decision 63): with `--preview-dist DIR`
//! the dev back end serves DIR below [`PREVIEW_PATH`] — its files, and its page for every
//! other path there (SPA fallback) with `router_base` `/preview`. `cargo xtask build` builds
//! it with `trunk build --public-url /preview/`, so its `index.html` names its script, wasm
//! and style sheet below `/preview/`, apart from the production build's at the root.
//!
//! Its pages always open preview mode: the app reads the switch from the URL alone (`?demo`,
//! `src/ui`), so a page request without `demo` in its query is sent to the same URL with
//! `demo` added rather than the app learning another switch.

use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::static_files::{below_base, file_in, serve_file};
use crate::Config;

/// Where the preview build is mounted; `xtask/src/build.rs` builds it for `/preview/`.
pub const PREVIEW_PATH: &str = "/preview";

/// The answer below [`PREVIEW_PATH`] when a preview build is configured; `None` for any
/// other request (the production app's, the API's).
pub async fn serve(config: &Config, uri: &Uri, headers: &HeaderMap) -> Option<Response> {
    let dist = config.preview_dist.as_deref()?;
    let below = below_base(uri.path(), PREVIEW_PATH)?;
    if let Some(file) = file_in(dist, below).filter(|f| !f.ends_with("index.html")) {
        return Some(serve_file(&file, headers).await);
    }
    if crate::static_files::is_asset_like(below) {
        return Some(
            (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such file in this build")
                .into_response(),
        );
    }
    if !asks_for_preview(uri.query()) {
        let target = with_demo(uri.path(), uri.query());
        return Some((StatusCode::FOUND, [(header::LOCATION, target)]).into_response());
    }
    Some(crate::page::app_page(config, dist, PREVIEW_PATH).await)
}

/// Whether a query names `demo`, as the app's `URLSearchParams.has("demo")` would:
/// `demo`, `demo=connected`, `a=1&demo`.
pub fn asks_for_preview(query: Option<&str>) -> bool {
    query.is_some_and(|q| q.split('&').any(|pair| pair.split('=').next() == Some("demo")))
}

/// `path` with its query and `demo` added (the request's path and query are URI text
/// already, so the result is a valid `Location`).
pub fn with_demo(path: &str, query: Option<&str>) -> String {
    match query.filter(|q| !q.is_empty()) {
        Some(query) => format!("{path}?{query}&demo"),
        None => format!("{path}?demo"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_switch_in_a_query() {
        for yes in ["demo", "demo=", "demo=connected", "a=1&demo", "x&demo=error&y"] {
            assert!(asks_for_preview(Some(yes)), "{yes}");
        }
        for no in ["", "demos", "x=demo", "ademo=1", "de-mo"] {
            assert!(!asks_for_preview(Some(no)), "{no}");
        }
        assert!(!asks_for_preview(None));
        assert_eq!(with_demo("/preview/", None), "/preview/?demo");
        assert_eq!(with_demo("/preview/channels", Some("")), "/preview/channels?demo");
        assert_eq!(with_demo("/preview/channels", Some("lang=en")), "/preview/channels?lang=en&demo");
    }
}
