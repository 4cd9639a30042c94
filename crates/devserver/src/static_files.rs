//! Serves the built app: its files by path, and its page ([`crate::page`]: `index.html` with
//! the runtime configuration and a fresh CSP nonce) for every other path below the base (deep
//! links); the whole server's fallback that picks among them is [`crate::fallback`].
//!
//! A file of the bundle is sent as its precompressed sibling (`<file>.br`, `<file>.gz`, written
//! by `cargo xtask build` with [`crate::compress`]) when the request's `Accept-Encoding`
//! allows that coding and the sibling is at least as new as the file; otherwise as it is.
//! Nothing is compressed at request time. Trunk's hashed files are cached for a year
//! (`immutable`), `index.html` is revalidated every time (`no-cache`), anything else briefly.

use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

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

/// Whether a URL path names a file rather than a route of the app: its last segment has an
/// extension (`main-1.css`, `chunk_3-….wasm`, `favicon.svg`), or it lies below `/public/`.
/// `index.html` is the page itself, not a file. The app's routes never do, so such a path that is not in the bundle answers 404 instead
/// of the app's page: a tab of an older build that asks for a file the new deploy no longer
/// has is told so plainly (docs/embedding.md «A release»), and a typo in a host's rule does
/// not come back as `200 text/html`.
pub fn is_asset_like(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    if last == "index.html" {
        return false;
    }
    let has_extension = last.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty());
    has_extension || path.split('/').any(|segment| segment == "public")
}

/// A relative file path inside `dist` for a URL path, refusing `..` and the like.
pub(crate) fn file_in(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative.as_os_str().is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
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

/// `Cache-Control` of a file named Trunk's way, `<name>-<16 hex digits>` before its
/// extension (or before `_bg.wasm`): its content never changes under that name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of `index.html`, whichever path it answers: always revalidated, so a new
/// build is picked up at once.
pub const NO_CACHE: &str = "no-cache";
/// `Cache-Control` of the other files (`public/favicon.svg`, …).
pub const SHORT_CACHE: &str = "public, max-age=300";

/// Whether a file name carries Trunk's content hash: `-` and 16 lowercase hex digits,
/// followed by `.` or `_` (`main-a70031b019ed6ea5.css`, `app-12ec65e3d0f65daf_bg.wasm`).
pub fn is_hashed(file_name: &str) -> bool {
    let b = file_name.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'-'
            && b.len() > i + 17
            && b[i + 1..i + 17].iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
            && matches!(b[i + 17], b'.' | b'_')
    })
}

/// The `Cache-Control` of a file of the bundle, by its name.
pub fn cache_control(file_name: &str) -> &'static str {
    if file_name == "index.html" {
        NO_CACHE
    } else if is_hashed(file_name) {
        IMMUTABLE
    } else {
        SHORT_CACHE
    }
}

/// Whether a file is worth compressing (text and wasm), by its extension: these are sent
/// with `Vary: Accept-Encoding` whether or not a sibling exists.
pub fn is_compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "html" | "js" | "mjs" | "wasm" | "css" | "svg" | "json" | "map" | "txt" | "xml" | "ico" | "webmanifest"
    )
}

pub use crate::compress::Encoding;

/// The `Accept-Encoding` names that ask for `encoding`.
fn names(encoding: Encoding) -> &'static [&'static str] {
    match encoding {
        Encoding::Brotli => &["br"],
        // RFC 9110 §8.4.1.3: a recipient should treat x-gzip as gzip.
        Encoding::Gzip => &["gzip", "x-gzip"],
    }
}

/// The codings of an `Accept-Encoding` value with their weights (lower-case names). An entry
/// whose `q` is not a number from 0 to 1 counts as `q=0`: sending the file as it is is always
/// safe.
fn weights(accept_encoding: &str) -> Vec<(String, f32)> {
    accept_encoding
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            if name.is_empty() {
                return None;
            }
            let mut q = 1.0;
            for param in parts {
                if let Some((key, value)) = param.split_once('=') {
                    if key.trim().eq_ignore_ascii_case("q") {
                        q = value.trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q)).unwrap_or(0.0);
                    }
                }
            }
            Some((name, q))
        })
        .collect()
}

/// Which of the `available` codings to send for this `Accept-Encoding` (all its values joined
/// by commas), or `None` for the file as it is. A coding is acceptable when named with
/// `q` > 0, or covered by `*` with `q` > 0 and not named; the highest `q` wins, ties go to the
/// order of `available` (brotli before gzip). `identity` named with a higher `q` than the best
/// coding wins over it. No header, an empty one or `identity` alone: the file as it is.
pub fn negotiate(accept_encoding: Option<&str>, available: &[Encoding]) -> Option<Encoding> {
    let weights = weights(accept_encoding?);
    let named = |names: &[&str]| weights.iter().find(|(n, _)| names.contains(&n.as_str())).map(|(_, q)| *q);
    let any = named(&["*"]);
    let mut best: Option<(Encoding, f32)> = None;
    for &encoding in available {
        let q = named(names(encoding)).or(any).unwrap_or(0.0);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((encoding, q));
        }
    }
    let (encoding, q) = best?;
    match named(&["identity"]) {
        Some(identity) if identity > q => None,
        _ => Some(encoding),
    }
}

/// The codings that have a sibling of `file` at least as new as the file itself (a sibling
/// older than its file is stale: someone rebuilt without writing siblings).
async fn siblings(file: &Path) -> Vec<Encoding> {
    let modified = |meta: std::fs::Metadata| meta.is_file().then(|| meta.modified().unwrap_or(SystemTime::UNIX_EPOCH));
    let Some(file_time) = tokio::fs::metadata(file).await.ok().and_then(modified) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for encoding in Encoding::ALL {
        let sibling_time = tokio::fs::metadata(encoding.sibling(file)).await.ok().and_then(modified);
        if sibling_time.is_some_and(|t| t >= file_time) {
            found.push(encoding);
        }
    }
    found
}

/// One file of the bundle: its precompressed sibling when the client accepts one, with the
/// original's Content-Type, `Vary: Accept-Encoding` and its `Cache-Control`.
pub(crate) async fn serve_file(file: &Path, request_headers: &HeaderMap) -> Response {
    let available = siblings(file).await;
    let accept_encoding =
        request_headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>();
    let accept_encoding = (!accept_encoding.is_empty()).then(|| accept_encoding.join(","));
    let mut encoding = negotiate(accept_encoding.as_deref(), &available);
    let mut bytes = match encoding {
        Some(e) => tokio::fs::read(e.sibling(file)).await.ok(),
        None => None,
    };
    if bytes.is_none() {
        // No sibling chosen, or it vanished between the two looks: the file as it is.
        encoding = None;
        bytes = tokio::fs::read(file).await.ok();
    }
    let Some(bytes) = bytes else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(file)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control(name)));
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding.name()));
    }
    if is_compressible(file) || !available.is_empty() {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_from_routes_by_their_last_segment() {
        for file in ["/main-1.css", "/dialogs/chunk_3-ab.wasm", "/public/favicon.svg", "/public/i18n", "/x/a.js.br"] {
            assert!(is_asset_like(file), "{file}");
        }
        let routes =
            ["/", "/channels", "/dialogs/channels/max/settings", "/channels/.", "/.well", "/publicity", "/index.html"];
        for route in routes {
            assert!(!is_asset_like(route), "{route}");
        }
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
    fn trunks_hashed_names() {
        for hashed in [
            "main-a70031b019ed6ea5.css",
            "max-channel-admin-12ec65e3d0f65daf.js",
            "max-channel-admin-12ec65e3d0f65daf_bg.wasm",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
            assert_eq!(cache_control(hashed), IMMUTABLE);
        }
        for plain in [
            "favicon.svg",
            "app-123.wasm",
            "main-a70031b019ed6ea.css",
            "main-a70031b019ed6ea5x.css",
            "main-A70031B019ED6EA5.css",
            "main-a70031b019ed6ea5",
            "a70031b019ed6ea5.css",
        ] {
            assert!(!is_hashed(plain), "{plain}");
            assert_eq!(cache_control(plain), SHORT_CACHE);
        }
        assert_eq!(cache_control("index.html"), NO_CACHE);
    }

    #[test]
    fn accept_encoding_negotiation() {
        use Encoding::*;
        let both = &[Brotli, Gzip];
        let cases: &[(Option<&str>, Option<Encoding>)] = &[
            (None, None),
            (Some(""), None),
            (Some("identity"), None),
            (Some("gzip, deflate, br, zstd"), Some(Brotli)),
            (Some("gzip, deflate"), Some(Gzip)),
            (Some("x-gzip"), Some(Gzip)),
            (Some("BR;Q=1"), Some(Brotli)),
            (Some("br;q=0, gzip"), Some(Gzip)),
            (Some("br;q=0.000, gzip;q=0"), None),
            (Some("gzip;q=1.0, br;q=0.5"), Some(Gzip)),
            (Some("gzip;q=0.5, br;q=0.5"), Some(Brotli)),
            (Some("*"), Some(Brotli)),
            (Some("*;q=0"), None),
            (Some("br;q=0, *"), Some(Gzip)),
            (Some("*;q=0, gzip"), Some(Gzip)),
            (Some("br;q=0.5, identity"), None),
            (Some("br, identity;q=0"), Some(Brotli)),
            (Some("br;q=nope, gzip"), Some(Gzip)),
            (Some("br;q=2"), None),
            (Some("deflate, zstd"), None),
            (Some(" , ;q=1, br ; q=0.8 "), Some(Brotli)),
        ];
        for (header, expected) in cases {
            assert_eq!(negotiate(*header, both), *expected, "{header:?}");
        }
        assert_eq!(negotiate(Some("gzip, br"), &[Gzip]), Some(Gzip));
        assert_eq!(negotiate(Some("br"), &[Gzip]), None);
        assert_eq!(negotiate(Some("gzip, br"), &[]), None);
    }

    #[test]
    fn no_escape_from_dist() {
        let dist = std::env::temp_dir();
        assert!(file_in(&dist, "/../etc/passwd").is_none());
        assert!(file_in(&dist, "/").is_none());
    }
}
