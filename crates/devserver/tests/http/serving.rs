//! The built app: deep links, the base path, the runtime configuration, the CSP with a
//! fresh nonce per answer, the host page, CSP violation reports.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::*;

#[tokio::test]
async fn serves_the_app_with_deep_links_and_a_base_path() {
    let dist = std::env::temp_dir().join(format!("devserver-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html><head><title>App</title></head><body></body></html>").unwrap();
    std::fs::write(dist.join("app-123.wasm"), b"\0asm").unwrap();
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.clone());
            c.base_path = base.into();
        })
        .await;
        let prefix = base.trim_end_matches('/');
        let r = api.client.get(api.url(&format!("{prefix}/channels/max/settings"))).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        let config_at = html.find("id=\"max-channel-config\"").expect("runtime config");
        assert!(config_at < html.find("</head>").unwrap());
        assert!(html.contains(&format!("\"router_base\":\"{base}\"")));
        assert!(html.contains(&format!("\"csrf_token\":\"{CSRF}\"")));
        for asset in [format!("{prefix}/app-123.wasm"), "/app-123.wasm".to_owned()] {
            let r = api.client.get(api.url(&asset)).send().await.unwrap();
            assert_eq!(r.headers()["content-type"], "application/wasm", "{asset}");
            assert_eq!(r.bytes().await.unwrap().as_ref(), b"\0asm");
        }
        // A file this build does not have is a 404, never the app's page (issue 35): below the
        // base, at the root, and below `public/`; a route is still the page.
        for missing in [format!("{prefix}/chunk_9-old.wasm"), "/main-old.css".to_owned(), "/public/gone.svg".to_owned()]
        {
            let r = api.client.get(api.url(&missing)).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{missing}");
            assert!(!r.text().await.unwrap().contains("max-channel-config"), "{missing}: not the page");
        }
        if base != "/" {
            let r = api.client.get(api.url("/elsewhere")).send().await.unwrap();
            assert_eq!(r.url().path(), "/dialogs/", "outside the base: redirected into it");
        }
    }
    // A bundle built for the base: its files below the base and nowhere else.
    let api = Api::start(|c| {
        c.dist = Some(dist.clone());
        c.base_path = "/dialogs".into();
        c.files_below_base_only = true;
    })
    .await;
    let below = api.client.get(api.url("/dialogs/app-123.wasm")).send().await.unwrap();
    assert_eq!(below.headers()["content-type"], "application/wasm");
    let root = api.client.get(api.url("/app-123.wasm")).send().await.unwrap();
    assert_eq!(root.status(), StatusCode::NOT_FOUND, "not at the root");
    std::fs::remove_dir_all(&dist).unwrap();
}

/// An `index.html` as Trunk 0.21 writes it with `create_nonce = true`.
const TRUNK_INDEX: &str = r#"<!DOCTYPE html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <title>App</title>
<script type="module" nonce="{{__TRUNK NONCE__}}">
import init, * as bindings from '/app-123.js';
const wasm = await init({ module_or_path: '/app-123_bg.wasm' });
</script>
    <link rel="stylesheet" nonce="{{__TRUNK NONCE__}}" href="/main-1.css" integrity="sha384-x"/>
  <link rel="modulepreload" nonce="{{__TRUNK NONCE__}}" href="/app-123.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" nonce="{{__TRUNK NONCE__}}" href="/app-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
  <body></body>
</html>"#;

/// A `dist/` with [`TRUNK_INDEX`], removed on drop.
pub struct Dist(pub std::path::PathBuf);

impl Dist {
    pub fn new(name: &str) -> Dist {
        let dir = std::env::temp_dir().join(format!("devserver-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), TRUNK_INDEX).unwrap();
        Dist(dir)
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The policy of an answer, and its `'nonce-…'` value.
pub fn policy_and_nonce(r: &reqwest::Response) -> (String, String) {
    let policy = r
        .headers()
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("no CSP on {}", r.url()))
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {policy}"))
        .to_owned();
    (policy, nonce)
}

/// Every `nonce="…"` attribute value in a page.
pub fn nonce_attributes(html: &str) -> Vec<String> {
    html.split("nonce=\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_app_is_served_under_a_strict_csp_with_a_fresh_nonce_per_answer() {
    let dist = Dist::new("csp");
    for base in ["/", "/dialogs"] {
        let api = Api::start(|c| {
            c.dist = Some(dist.0.clone());
            c.base_path = base.into();
            c.parent_origin = Some("https://lk.mango-office.ru".into());
        })
        .await;
        let prefix = base.trim_end_matches('/');
        let mut nonces = Vec::new();
        // The entry page, a deep link (SPA fallback), `index.html` by name, and twice the same.
        for path in ["/", "/channels/max/settings", "/index.html", "/channels", "/channels"] {
            let r = api.client.get(api.url(&format!("{prefix}{path}"))).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let (policy, nonce) = policy_and_nonce(&r);
            assert_eq!(
                policy,
                format!(
                    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; style-src 'self'; \
                     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                     frame-ancestors 'self' https://lk.mango-office.ru; report-uri /__dev/csp-reports"
                )
            );
            // 16 random bytes in base64.
            assert_eq!(nonce.len(), 24, "{nonce}");
            assert!(nonce.chars().all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)), "{nonce}");
            let html = r.text().await.unwrap();
            assert!(!html.contains("TRUNK NONCE") && !html.contains("{{"), "a placeholder remains:\n{html}");
            let attributes = nonce_attributes(&html);
            assert_eq!(attributes.len(), 4, "the boot script, the stylesheet and both preloads:\n{html}");
            assert!(attributes.iter().all(|a| *a == nonce), "{attributes:?} vs {nonce}");
            assert!(html.contains(&format!("<script type=\"module\" nonce=\"{nonce}\">")));
            // The runtime configuration is JSON, which is never executed: it needs no nonce.
            assert!(html.contains("<script type=\"application/json\" id=\"max-channel-config\">"));
            nonces.push(nonce);
        }
        let mut distinct = nonces.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), nonces.len(), "every answer has its own nonce: {nonces:?}");

        // Files of the bundle carry no policy of their own (it is the document's).
        std::fs::write(dist.0.join("app-123.js"), "export default 1;").unwrap();
        let r = api.client.get(api.url("/app-123.js")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers().get("content-security-policy").is_none());
    }
}

#[tokio::test]
async fn frame_ancestors_never_takes_a_wildcard_and_reports_need_the_test_controls() {
    let dist = Dist::new("csp-ancestors");
    let api = Api::start(|c| {
        c.dist = Some(dist.0.clone());
        c.parent_origin = Some("*".into());
        c.test_controls = false;
    })
    .await;
    let r = api.client.get(api.url("/channels")).send().await.unwrap();
    let (policy, _) = policy_and_nonce(&r);
    assert!(policy.ends_with("; frame-ancestors 'self'"), "{policy}");
    assert!(!policy.contains('*') && !policy.contains("report-uri"), "{policy}");
}

#[tokio::test]
async fn no_csp_sends_no_policy_and_no_nonce_attributes() {
    let dist = Dist::new("no-csp");
    let api = Api::start(|c| {
        c.dist = Some(dist.0.clone());
        c.csp = false;
    })
    .await;
    for path in ["/channels", "/__host"] {
        let r = api.client.get(api.url(path)).send().await.unwrap();
        assert!(r.headers().get("content-security-policy").is_none(), "{path}");
        let html = r.text().await.unwrap();
        assert!(!html.contains("nonce") && !html.contains("TRUNK"), "{html}");
    }
}

#[tokio::test]
async fn the_host_page_has_a_strict_policy_of_its_own() {
    let api = Api::start(|_| {}).await;
    let r = api.client.get(api.url("/__host")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert_eq!(
        policy,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         frame-src 'self'; child-src 'self'; form-action 'none'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; report-uri /__dev/csp-reports"
    );
    let html = r.text().await.unwrap();
    assert!(!html.contains("<script>") && !html.contains("style="), "nothing inline:\n{html}");
    assert!(html.contains("<script src=\"/__host.js\"></script>"));
}

#[tokio::test]
async fn violation_reports_are_collected_listed_and_cleared() {
    let api = Api::start(|_| {}).await;
    let post = |content_type: &'static str, body: &'static str| {
        api.client.post(api.url("/__dev/csp-reports")).header("content-type", content_type).body(body).send()
    };
    // What Chromium posts for `report-uri`.
    let r = post(
        "application/csp-report",
        r#"{"csp-report":{"document-uri":"http://127.0.0.1/channels","referrer":"","violated-directive":"style-src-attr","effective-directive":"style-src-attr","original-policy":"default-src 'self'","disposition":"enforce","blocked-uri":"inline","line-number":7,"column-number":12,"source-file":"http://127.0.0.1/app.js","status-code":200,"script-sample":""}}"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    // The Reporting API's format (`report-to`).
    let r = post(
        "application/reports+json",
        r#"[{"type":"csp-violation","age":10,"url":"http://127.0.0.1/","user_agent":"x","body":{"documentURL":"http://127.0.0.1/","blockedURL":"eval","effectiveDirective":"script-src","originalPolicy":"","disposition":"enforce","statusCode":200,"sample":"alert(1)"}}]"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(post("text/plain", "{}").await.unwrap().status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(post("application/csp-report", "not json").await.unwrap().status(), StatusCode::BAD_REQUEST);

    let listed: Vec<Value> = api.client.get(api.url("/__dev/csp-reports")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0]["effective_directive"], "style-src-attr");
    assert_eq!(listed[0]["blocked_url"], "inline");
    assert_eq!(listed[0]["line_number"], 7);
    assert_eq!(listed[1]["effective_directive"], "script-src");
    assert_eq!(listed[1]["sample"], "alert(1)");
    // The same, in Rust, for the end-to-end tests.
    let reports = api.server.state.controls().csp_reports();
    assert_eq!(reports.len(), 2);
    assert!(reports[0].to_string().starts_with("style-src-attr blocked \"inline\" on http://127.0.0.1/channels"));

    let r = api.client.post(api.url("/__dev/reset")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(api.server.state.controls().csp_reports().is_empty(), "reset clears them");

    let off = Api::start(|c| c.test_controls = false).await;
    let r = off
        .client
        .post(off.url("/__dev/csp-reports"))
        .header("content-type", "application/csp-report")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), StatusCode::NO_CONTENT, "no collector without the test controls");
}
