//! The two builds side by side, as `cargo xtask dev` serves them: production at the root,
//! the preview build (`--preview-dist`, built for `/preview/`) below `/preview` with its own
//! SPA fallback, runtime configuration, nonce — and always in preview mode.

use reqwest::redirect::Policy;
use reqwest::StatusCode;

use crate::common::*;
use crate::serving::{nonce_attributes, policy_and_nonce, Dist};

/// A page as Trunk writes it for `--public-url /preview/`.
const PREVIEW_INDEX: &str = r#"<!DOCTYPE html><html><head><title>Preview</title>
<script type="module" nonce="{{__TRUNK NONCE__}}">import init from '/preview/app-456.js';</script>
<link rel="modulepreload" nonce="{{__TRUNK NONCE__}}" href="/preview/app-456.js" integrity="sha384-p"></head><body></body></html>"#;

#[tokio::test]
async fn the_preview_build_is_served_below_preview_beside_production() {
    let production = Dist::new("both-production");
    std::fs::write(production.0.join("app-123.js"), "export default 'production';").unwrap();
    let preview = Dist::new("both-preview");
    std::fs::write(preview.0.join("index.html"), PREVIEW_INDEX).unwrap();
    std::fs::write(preview.0.join("app-456.js"), "export default 'preview';").unwrap();
    std::fs::create_dir_all(preview.0.join("public")).unwrap();
    std::fs::write(preview.0.join("public/favicon.svg"), "<svg/>").unwrap();
    let api = Api::start(|c| {
        c.dist = Some(production.0.clone());
        c.preview_dist = Some(preview.0.clone());
    })
    .await;
    let no_redirects = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
    let get = |path: &str| no_redirects.get(api.url(path)).send();

    // Production at the root, untouched by `?demo`.
    let r = get("/channels?demo").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("/app-123.js") && html.contains("\"router_base\":\"/\""), "{html}");

    // A preview page without `demo` is sent to the same URL with it, the query kept.
    for (path, target) in [
        ("/preview", "/preview?demo"),
        ("/preview/", "/preview/?demo"),
        ("/preview/channels/max/settings", "/preview/channels/max/settings?demo"),
        ("/preview/channels?lang=en", "/preview/channels?lang=en&demo"),
    ] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), StatusCode::FOUND, "{path}");
        assert_eq!(r.headers()["location"], target, "{path}");
    }
    // With it: the preview build's page, mounted at /preview, under its own fresh nonce.
    for path in ["/preview/?demo", "/preview/channels/max/settings?demo=connected", "/preview/index.html?demo"] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let (_, nonce) = policy_and_nonce(&r);
        let html = r.text().await.unwrap();
        assert!(html.contains("import init from '/preview/app-456.js'"), "{html}");
        assert!(html.contains("\"router_base\":\"/preview\""), "{html}");
        assert_eq!(nonce_attributes(&html), [nonce.clone(), nonce], "{html}");
    }
    // Its files below /preview, the production build's at the root; never each other's.
    let body = |path: &'static str| async move { get(path).await.unwrap().text().await.unwrap() };
    assert_eq!(body("/preview/app-456.js").await, "export default 'preview';");
    assert_eq!(body("/app-123.js").await, "export default 'production';");
    // Each build's file asked of the other is a file that build lacks: a 404, not a page.
    assert_eq!(get("/app-456.js").await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(get("/preview/app-123.js").await.unwrap().status(), StatusCode::NOT_FOUND);

    // The preview build alone: the root leads to it, and its `public/` answers there too.
    let alone = Api::start(|c| c.preview_dist = Some(preview.0.clone())).await;
    let r = no_redirects.get(alone.url("/channels")).send().await.unwrap();
    assert_eq!((r.status(), r.headers()["location"].to_str().unwrap()), (StatusCode::FOUND, "/preview/"));
    let r = no_redirects.get(alone.url("/public/favicon.svg")).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "<svg/>");
}
