//! A release the cabinet can ship (issue 35), as a tab of the old build meets a deploy: the
//! bundle names its build in `<meta name="max-channel-build">`, a file the server no longer
//! has is a 404, and a module of the old build that is gone reads «Вышла новая версия —
//! обновите страницу», never a network error; the reload brings the new build.

use crate::app_shell::host_messages;
use crate::split_routes::{copy_bundle, production};
use crate::support::controls::*;
use crate::support::engine::{gap, Engine};
use crate::support::scratch::Scratch;
use crate::support::waits::{self, settled};
use crate::support::{production_dist, E2e, Options, PATIENCE};

/// The build id the page at hand names.
const OWN_BUILD: &str = "return document.querySelector('meta[name=max-channel-build]')?.content ?? null";

/// A deploy into `bundle`: another build's page (its id changed), and none of the old
/// build's split modules left.
fn deploy_another_build(bundle: &Scratch) {
    for entry in std::fs::read_dir(bundle.path()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("split_") || name.starts_with("chunk_") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let index = bundle.path().join("index.html");
    let page = std::fs::read_to_string(&index).unwrap();
    let newer = page.replace(&build_of(bundle.path()), "0ddba11c0ffee000");
    std::fs::write(&index, newer).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tab_of_the_old_build_is_told_a_new_version_is_out_and_the_reload_brings_it() {
    let bundle = Scratch::new("deploy");
    copy_bundle(&production_dist(), bundle.path(), &|_| true);
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("deploy-token-Rt5Wq9"));
    e2e.open("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    let old = e2e.js(OWN_BUILD).await;
    assert!(old.as_str().is_some_and(|id| id.len() == 16), "the page names its build: {old}");

    // A file of no build is a 404 (the back end as docs/embedding.md asks of a host).
    let status = "const done = arguments[arguments.length - 1]; \
        fetch('/chunk_0-0000000000000000.wasm').then(r => done(r.status), e => done(String(e)))";
    let missing = e2e.browser.execute_async(status, Vec::new()).await.expect("a fetch");
    assert_eq!(missing, serde_json::json!(404));

    deploy_another_build(&bundle);
    // «О канале»: both cards are modules of the old build, now gone.
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text("main h1", "О канале").await;
    for card in [".health", ".link-kit"] {
        let failed = format!("{card} [data-split-failed=new-version]");
        e2e.wait_for_text(&failed, "Вышла новая версия — обновите страницу.").await;
        assert!(!e2e.is_present(&format!("{card} .retry")).await, "{card}: a retry cannot bring the old files");
    }
    // The history, a page of its own: the same words, «Обновить страницу» its one action.
    e2e.click("#history-link").await;
    e2e.wait_for_text("main[data-split-failed=new-version] [role=alert]", "Вышла новая версия").await;
    assert_eq!(e2e.text_content("main h1").await, "История изменений");
    assert!(!e2e.is_present("main .retry").await, "no «Повторить»");
    assert_eq!(e2e.text_content("#reload-page").await, "Обновить страницу");

    // The new build (here: the real files under the new page) comes with the reload.
    copy_bundle(&production_dist(), bundle.path(), &|name| name != "index.html");
    e2e.click("#reload-page").await;
    e2e.find("#history, #history-empty").await;
    assert!(!e2e.is_present("[data-split-failed]").await, "the failure stayed after the reload");
    assert_eq!(e2e.js(OWN_BUILD).await, serde_json::json!("0ddba11c0ffee000"), "the page of the new build");
    e2e.finish().await;
}

/// The build id `bundle`'s page names.
fn build_of(bundle: &std::path::Path) -> String {
    let page = std::fs::read_to_string(bundle.join("index.html")).unwrap();
    let at = page.find("name=\"max-channel-build\" content=\"").expect("the build's meta") + 34;
    page[at..at + 16].to_owned()
}

/// `bundle`'s file whose name starts with `prefix`, one byte changed (the last): what a
/// proxy or a broken upload could leave.
fn tamper(bundle: &Scratch, prefix: &str, extension: &str) -> String {
    let entry = std::fs::read_dir(bundle.path())
        .unwrap()
        .flatten()
        .find(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(extension)
        })
        .expect("the file to tamper with");
    let mut bytes = std::fs::read(entry.path()).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    std::fs::write(entry.path(), bytes).unwrap();
    // Its precompressed siblings would still carry the build's bytes: gone, as after an edit.
    for sibling in ["br", "gz"] {
        let _ = std::fs::remove_file(format!("{}.{sibling}", entry.path().display()));
    }
    entry.file_name().to_string_lossy().into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_hears_ready_with_the_build_and_a_refused_module_is_said_at_its_card() {
    let bundle = Scratch::new("tampered-module");
    copy_bundle(&production_dist(), bundle.path(), &|_| true);
    let build = build_of(bundle.path());
    tamper(&bundle, "split_about_cards-", ".wasm");
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("tamper-token-Hq3Lm8"));
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    host_messages(&e2e, "ready", &format!("\"build\":\"{build}\"")).await;

    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text(".link-kit [data-split-failed=refused]", "Файл приложения пришёл изменённым").await;
    assert!(!e2e.is_present(".link-kit .retry").await, "a retry fetches the same bytes");
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    let errors = host_messages(&e2e, "error", "\"kind\":\"refused\"").await;
    let error: serde_json::Value = serde_json::from_str(&errors[0]).unwrap();
    assert_eq!(error["key"], "link-kit", "{error}");
    assert_eq!(error["build"], serde_json::json!(build), "{error}");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_main_wasm_is_said_on_the_page_and_to_the_host() {
    refused_at_start("tampered-main", ".wasm").await;
}

/// The glue's own `modulepreload` fetches it with its integrity before the boot script's
/// import would fetch it without. WebKitGTK imports it regardless (docs/browsers.md).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_glue_is_said_on_the_page_and_to_the_host() {
    if crate::support::engine::current() == Engine::WebKit {
        gap("a changed glue: WebKitGTK runs the module its modulepreload's integrity refuses");
        return;
    }
    refused_at_start("tampered-glue", ".js").await;
}

/// The app's main file of `extension` changed by a byte: the page and the host are told.
async fn refused_at_start(scratch: &str, extension: &str) {
    let bundle = Scratch::new(scratch);
    copy_bundle(&production_dist(), bundle.path(), &|_| true);
    let build = build_of(bundle.path());
    let file = tamper(&bundle, "max-channel-admin-", extension);
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    let errors = host_messages(&e2e, "error", "\"kind\":\"refused\"").await;
    let error: serde_json::Value = serde_json::from_str(&errors[0]).unwrap();
    assert_eq!((&error["key"], &error["build"]), (&serde_json::json!(file), &serde_json::json!(build)), "{error}");
    assert!(!e2e.is_present("#messages li[data-type=ready]").await, "an app that did not start is not ready");

    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.wait_for_text("#max-channel-boot-failed", "Не удалось запустить приложение. Обновите страницу").await;
    assert_eq!(
        e2e.js("return document.getElementById('max-channel-boot-failed').hidden").await,
        serde_json::json!(false)
    );
    assert!(!e2e.is_present("main").await, "no app ran");
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configuration_error_reaches_the_host_with_its_key() {
    let e2e = E2e::start_with(Options { request_timeout_ms: Some(0), ..production(None) }).await;
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    let errors = host_messages(&e2e, "error", "\"kind\":\"config\"").await;
    let error: serde_json::Value = serde_json::from_str(&errors[0]).unwrap();
    assert_eq!(error["key"], "request_timeout_ms", "{error}");
    assert_eq!(error["build"], serde_json::json!(build_of(&production_dist())), "{error}");
    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.wait_for_text("main [role=alert]", "ошибка в настройках встраивания").await;
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    e2e.finish().await;
}

/// The rectangle of `css` inside the frame's own viewport: [top, bottom, viewport height].
fn in_view(css: &str) -> String {
    format!(
        "const r = document.querySelector('{css}').getBoundingClientRect(); \
         return [r.top, r.bottom, window.innerHeight];"
    )
}

async fn assert_in_view(e2e: &E2e, css: &str) {
    let rect: Vec<f64> = serde_json::from_value(e2e.js(&in_view(css)).await).unwrap();
    assert!(
        rect[0] >= 0.0 && rect[1] <= rect[2] + 0.5 && rect[1] > rect[0],
        "{css} is outside the frame's view: {rect:?}"
    );
}

/// The heights the host heard so far, oldest first.
async fn heights(e2e: &E2e) -> Vec<u64> {
    let script = "return Array.from(document.querySelectorAll('#messages li[data-type=height]'))\
        .map(li => JSON.parse(li.textContent).height)";
    serde_json::from_value(e2e.js(script).await).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frame_fills_the_host_and_the_bar_and_dialogs_stay_in_view() {
    let e2e = E2e::start().await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("frame-token-Jw4Pk7"));
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    host_messages(&e2e, "ready", "\"type\":\"ready\"").await;
    let frame: Vec<f64> = serde_json::from_value(
        e2e.js(
            "const r = document.getElementById('app').getBoundingClientRect(); return [r.bottom, window.innerHeight];",
        )
        .await,
    )
    .unwrap();
    assert!(frame[0] <= frame[1] + 0.5, "the frame ends within the host's window: {frame:?}");

    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.click("a.tile[data-kind=max]").await;
    e2e.click("a.button--primary").await;
    e2e.find(&control(FieldPath::ClosingText)).await;
    settled(&e2e).await;
    // The settings are taller than the frame: the bar sticks to the frame's bottom.
    let tall: f64 =
        serde_json::from_value(e2e.js("return document.documentElement.scrollHeight / innerHeight").await).unwrap();
    assert!(tall > 1.2, "the settings scroll inside the frame: {tall}");
    assert_in_view(&e2e, ".action-bar").await;
    e2e.type_into(&control(FieldPath::ClosingText), "Правка в рамке").await;
    e2e.click("#cancel").await;
    e2e.wait_for_dialog("cancel-dialog", true).await;
    assert_in_view(&e2e, "#cancel-dialog").await;
    e2e.click("#cancel-dialog .button--danger").await;
    e2e.wait_for_text("main h1", "О канале").await;
    e2e.click("a.back-link").await;
    e2e.find("a.tile[data-kind=max]").await;
    settled(&e2e).await;
    let content: f64 = serde_json::from_value(
        e2e.js("return Math.ceil(document.documentElement.getBoundingClientRect().height)").await,
    )
    .unwrap();

    // The content's height followed the settings up and came down with the groups.
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    let came_down = waits::until(PATIENCE, || async {
        let seen = heights(&e2e).await;
        let highest = seen.iter().copied().max().unwrap_or(0) as f64;
        highest > content * 1.5 && seen.last().is_some_and(|&last| last as f64 == content)
    })
    .await;
    assert!(came_down, "heights: {:?}, the groups' content {content}", heights(&e2e).await);
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_login_reaches_the_app_from_the_host_and_the_draft_is_the_accounts() {
    let e2e = E2e::start_with(Options { account_id: Some("lk-4021"), ..Options::default() }).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("renew-token-Vb6Nc2"));
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    host_messages(&e2e, "ready", "\"type\":\"ready\"").await;
    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.click("a.tile[data-kind=max]").await;
    e2e.click("a.button--primary").await;
    e2e.find(&control(FieldPath::ClosingText)).await;
    settled(&e2e).await;
    e2e.type_into(&control(FieldPath::ClosingText), "Спасибо, что написали!").await;
    // The unsaved draft is kept under this account's key only.
    let keys = "return Object.keys(sessionStorage).filter(k => k.startsWith('max-channel:'))";
    waits::until(PATIENCE, || async { e2e.js(keys).await == serde_json::json!(["max-channel:draft:lk-4021"]) }).await;
    assert_eq!(e2e.js(keys).await, serde_json::json!(["max-channel:draft:lk-4021"]));

    // The person logged in again in the cabinet: the old token is refused, nothing typed is lost.
    e2e.server().state.controls().renew_csrf_token("csrf-after-login");
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome", "Недостаточно прав").await;
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Спасибо, что написали!");

    // The cabinet passes the new token; the same save goes through without a reload.
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    e2e.js(
        "document.getElementById('app').contentWindow.postMessage(\
         {source: 'max-channel', type: 'session-renewed', csrf_token: 'csrf-after-login'}, location.origin); return true;",
    )
    .await;
    host_messages(&e2e, "session-renewed", "session-renewed").await;
    e2e.browser.enter_frame(0).await.expect("into the app's frame");
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    assert_eq!(e2e.requests_of("putMaxSettings").last().map(|r| r.status), Some(200));
    e2e.browser.enter_parent_frame().await.expect("back to the host");
    e2e.finish().await;
}
