//! The two builds as `cargo xtask dev` serves them (decision 63): the production build at
//! `/`, the designers' preview build at `/preview/`, in preview mode without `?demo`; each
//! page's minified JS glue and style sheet match the `integrity` their page names.

use serde_json::{json, Value};

use crate::support::controls::*;
use crate::support::{E2e, Options};

/// Whether the page's `modulepreload` of the JS glue carries the glue's SHA-384, as the
/// browser checks it (the glue is minified after Trunk wrote that value), and its href.
const GLUE_INTEGRITY: &str = r#"
    const done = arguments[arguments.length - 1];
    const matches = (link) => fetch(link.href)
        .then(r => r.arrayBuffer())
        .then(bytes => crypto.subtle.digest('SHA-384', bytes))
        .then(digest => 'sha384-' + btoa(String.fromCharCode(...new Uint8Array(digest))) === link.getAttribute('integrity'));
    const glue = document.querySelector('link[rel=modulepreload]');
    const style = document.querySelector('link[rel=stylesheet]');
    Promise.all([matches(glue), matches(style)])
        .then(([glueMatches, styleMatches]) => done({ href: glue.getAttribute('href'), matches: glueMatches, style_matches: styleMatches }))
        .catch(e => done({ error: String(e) }));
"#;

async fn glue(e2e: &E2e) -> Value {
    e2e.browser.execute_async(GLUE_INTEGRITY, vec![]).await.expect("the integrity script runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preview_mode_at_preview_and_production_at_the_root() {
    let e2e = E2e::start_with(Options { production_at_root: true, ..Options::default() }).await;

    // /preview/ opens preview mode on its own: the panel, the fake's account, no API call.
    e2e.browser.goto(&format!("{}/preview/", e2e.origin())).await.expect("navigate");
    e2e.wait_for_path("/preview/channels").await;
    e2e.find("aside.preview").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    let preview_glue = glue(&e2e).await;
    assert_eq!(preview_glue["matches"], json!(true), "{preview_glue}");
    assert_eq!(preview_glue["style_matches"], json!(true), "the minified style sheet's integrity: {preview_glue}");
    assert!(preview_glue["href"].as_str().is_some_and(|h| h.starts_with("/preview/")), "{preview_glue}");
    // The router's base is /preview: in-app links and a reloaded deep link stay below it.
    e2e.find("a.tile[data-kind=max]").await.click().await.expect("click");
    e2e.wait_for_path("/preview/channels/max").await;
    e2e.wait_for_text("h1", "О канале").await;
    e2e.browser.refresh().await.expect("reload");
    e2e.wait_for_text("h1", "О канале").await;
    e2e.find("aside.preview").await;
    assert!(e2e.server().state.controls().requests().is_empty(), "preview mode called the back end");

    // The root is the production build: `?demo` is an ordinary load against the back end.
    e2e.open("/channels?demo").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    assert!(!e2e.is_present("aside.preview").await, "the production build shows the preview panel");
    assert!(!e2e.server().state.controls().requests().is_empty(), "the production build asked no back end");
    let production_glue = glue(&e2e).await;
    assert_eq!(production_glue["matches"], json!(true), "{production_glue}");
    assert_eq!(
        production_glue["style_matches"],
        json!(true),
        "the minified style sheet's integrity: {production_glue}"
    );
    assert_ne!(production_glue["href"], preview_glue["href"], "the two builds' glue is not the same file");
    e2e.finish().await;
}

/// The paths of every file the page has fetched (`performance`'s resources) that lie outside
/// `/dialogs/`, the API and the test's own `/__dev/`: what a bundle built for `/dialogs/`
/// still asked from the site root.
const OUTSIDE_DIALOGS: &str = "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname) \
    .filter(p => !['/dialogs/', '/api/', '/__dev/'].some(prefix => p.startsWith(prefix)));";

/// Each channel icon's `src` and the status its fetch answers.
const ICONS: &str = "const done = arguments[arguments.length - 1]; \
    Promise.all([...document.querySelectorAll('img.tile__icon')].map(i => fetch(i.src).then(r => `${new URL(i.src).pathname} ${r.status}`))) \
    .then(done, e => done([String(e)]));";

/// Issue 35, item 5: the production bundle built for `/dialogs/` (`cargo xtask build
/// --public-url /dialogs/`) runs there with the documented CSP while the server has none of
/// its files at the root: the page, the glue, the main wasm, the style sheet, the split
/// modules of the settings and the history, the favicon, the channel icons and the English
/// catalogue all come from below `/dialogs/`, on its own and in the demo host's frame.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_production_build_for_dialogs_needs_nothing_from_the_root() {
    for locale in ["ru", "en"] {
        let e2e = E2e::start_with(Options {
            root_dist: Some(crate::support::dialogs_dist()),
            base_path: "/dialogs".into(),
            files_below_base_only: true,
            locale,
            ..Options::default()
        })
        .await;
        e2e.open("/channels").await;
        let title = if locale == "ru" { "Группы каналов" } else { "Channel groups" };
        e2e.wait_for_text("h1", title).await;
        e2e.find("a.tile[data-kind=max]").await;
        let icons = e2e.browser.execute_async(ICONS, vec![]).await.expect("the icons' script");
        let icons: Vec<String> = serde_json::from_value(icons).expect("a list");
        assert!(
            !icons.is_empty() && icons.iter().all(|i| i.starts_with("/dialogs/public/icons/") && i.ends_with(" 200")),
            "{icons:?}"
        );
        let favicon = e2e.js("return document.querySelector('link[rel=icon]').getAttribute('href')").await;
        assert_eq!(favicon, json!("/dialogs/public/favicon.svg"));
        assert_eq!(e2e.strings(OUTSIDE_DIALOGS).await, Vec::<String>::new(), "{locale}: the groups");
        if locale == "en" {
            e2e.finish().await;
            continue;
        }
        // The split routes: their modules come from beside the loader, below /dialogs/ too.
        e2e.open("/channels/max/settings").await;
        e2e.find(&control(FieldPath::Token)).await;
        assert_eq!(e2e.strings(OUTSIDE_DIALOGS).await, Vec::<String>::new(), "the settings");
        e2e.open("/channels/max/history").await;
        e2e.wait_for_text("h1", "История изменений").await;
        e2e.find("#history, #history-empty").await;
        assert_eq!(e2e.strings(OUTSIDE_DIALOGS).await, Vec::<String>::new(), "the history");
        // Framed as docs/embedding.md's example frames it: `/dialogs/channels` on the host.
        e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.expect("the host page");
        crate::app_shell::host_messages(&e2e, "ready", "\"build\"").await;
        e2e.browser.enter_frame(0).await.expect("into the app's frame");
        e2e.wait_for_text("h1", "Группы каналов").await;
        assert_eq!(e2e.strings(OUTSIDE_DIALOGS).await, Vec::<String>::new(), "framed");
        e2e.browser.enter_parent_frame().await.expect("back to the host");
        e2e.finish().await;
    }
}
