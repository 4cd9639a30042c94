//! Precompressed siblings of the bundle, chosen by `Accept-Encoding`, and caching.

use std::time::Duration;

use reqwest::StatusCode;

use crate::common::*;
use crate::serving::{nonce_attributes, policy_and_nonce, Dist};

/// The bytes a client gets after undoing `Content-Encoding`.
fn decoded(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut out = Vec::new();
    match encoding {
        None => out.extend_from_slice(body),
        Some("br") => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut out).unwrap();
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut out).unwrap();
        }
        Some(other) => panic!("unexpected Content-Encoding {other}"),
    }
    out
}

#[tokio::test]
async fn precompressed_siblings_by_accept_encoding_with_vary_and_long_caching_of_hashed_files() {
    use max_channel_devserver::compress::{brotli, gzip};

    let dist = Dist::new("precompressed");
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..20_000u32 {
        wasm.extend_from_slice(&(i % 251).to_le_bytes());
    }
    let js = "export function f(x) { return document.getElementById(x); }\n".repeat(400);
    let css = ".max-channel { display: grid; gap: 8px; }\n".repeat(200);
    // What Trunk writes (`-<16 hex>` before the extension, or before `_bg.wasm`), with the
    // siblings `cargo xtask build` writes.
    let assets: [(&str, &[u8], &str); 3] = [
        ("app-0123456789abcdef_bg.wasm", &wasm, "application/wasm"),
        ("app-0123456789abcdef.js", js.as_bytes(), "text/javascript; charset=utf-8"),
        ("main-fedcba9876543210.css", css.as_bytes(), "text/css; charset=utf-8"),
    ];
    for (name, bytes, _) in &assets {
        std::fs::write(dist.0.join(name), bytes).unwrap();
        std::fs::write(dist.0.join(format!("{name}.br")), brotli(bytes)).unwrap();
        std::fs::write(dist.0.join(format!("{name}.gz")), gzip(bytes)).unwrap();
    }
    // A file Trunk copies unhashed, without siblings (someone ran trunk by hand).
    std::fs::create_dir_all(dist.0.join("public")).unwrap();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
    std::fs::write(dist.0.join("public/favicon.svg"), svg).unwrap();

    // (Accept-Encoding, the coding expected)
    let cases: &[(Option<&str>, Option<&str>)] = &[
        (None, None),
        (Some("identity"), None),
        (Some("gzip, deflate, br, zstd"), Some("br")), // Chromium
        (Some("br"), Some("br")),
        (Some("gzip, deflate"), Some("gzip")),
        (Some("br;q=0, gzip"), Some("gzip")),
        (Some("br;q=0, gzip;q=0"), None),
        (Some("*"), Some("br")),
        (Some("*;q=0, identity"), None),
        (Some("gzip;q=1.0, br;q=0.5"), Some("gzip")),
        (Some("deflate"), None),
    ];
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.0.clone());
            c.base_path = base.into();
        })
        .await;
        let prefix = base.trim_end_matches('/');
        for (name, bytes, content_type) in &assets {
            for (accept, expected) in cases {
                let path = format!("{prefix}/{name}");
                let mut request = api.client.get(api.url(&path));
                if let Some(accept) = accept {
                    request = request.header("accept-encoding", *accept);
                }
                let r = request.send().await.unwrap();
                let what = format!("{path} with {accept:?}");
                assert_eq!(r.status(), StatusCode::OK, "{what}");
                let headers = r.headers().clone();
                assert_eq!(headers["content-type"], *content_type, "{what}: the original's type");
                assert_eq!(headers["vary"], "accept-encoding", "{what}");
                assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable", "{what}");
                let encoding = headers.get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
                assert_eq!(encoding.as_deref(), *expected, "{what}");
                let body = r.bytes().await.unwrap();
                assert_eq!(headers["content-length"], body.len().to_string().as_str(), "{what}");
                if expected.is_some() {
                    assert!(body.len() < bytes.len() / 3, "{what}: {} of {} B", body.len(), bytes.len());
                }
                assert_eq!(decoded(encoding.as_deref(), &body), *bytes, "{what}: decodes to the file");
            }
        }

        // No siblings on disk: the file as it is, still varying, cached briefly (not hashed).
        let r =
            api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br, gzip").send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers().get("content-encoding").is_none());
        assert_eq!(r.headers()["content-type"], "image/svg+xml");
        assert_eq!(r.headers()["vary"], "accept-encoding");
        assert_eq!(r.headers()["cache-control"], "public, max-age=300");
        assert_eq!(r.bytes().await.unwrap().as_ref(), svg);

        // index.html — the entry page, by name and as a deep link — is never cached without
        // revalidation and never precompressed (it differs per answer: nonce, configuration).
        for path in ["/", "/index.html", "/channels/max/settings"] {
            let r = api
                .client
                .get(api.url(&format!("{prefix}{path}")))
                .header("accept-encoding", "gzip, deflate, br, zstd")
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(r.headers()["cache-control"], "no-cache", "{path}");
            assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8", "{path}");
            assert!(r.headers().get("content-encoding").is_none(), "{path}");
            let (_, nonce) = policy_and_nonce(&r);
            let html = r.text().await.unwrap();
            assert_eq!(nonce_attributes(&html), vec![nonce; 4], "{path}");
            assert!(html.contains("id=\"max-channel-config\""), "{path}");
        }
    }

    // A sibling older than its file is stale (the file was rebuilt without siblings): the
    // file is sent as it is.
    std::fs::write(dist.0.join("public/favicon.svg.br"), brotli(b"<svg>old</svg>")).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(dist.0.join("public/favicon.svg.br"))
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let api = Api::start(|c| c.dist = Some(dist.0.clone())).await;
    let r = api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br").send().await.unwrap();
    assert!(r.headers().get("content-encoding").is_none());
    assert_eq!(r.bytes().await.unwrap().as_ref(), svg);
    // Made fresh again, it is used.
    std::fs::write(dist.0.join("public/favicon.svg.br"), brotli(svg)).unwrap();
    let r = api.client.get(api.url("/public/favicon.svg")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(r.headers()["content-encoding"], "br");
    assert_eq!(decoded(Some("br"), &r.bytes().await.unwrap()), svg);
}
