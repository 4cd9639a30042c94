//! Route-level code splitting (decision 68): «Группы каналов» and «О канале» load without
//! the settings' and the history's code; each route fetches its module the first time it
//! opens. A module that cannot be fetched (a network blip between «О канале» and the
//! settings) is a message at the route with «Повторить», never a panic, and the retry
//! fetches it afresh.

use std::path::Path;

use crate::support::controls::*;
use crate::support::scratch::Scratch;
use crate::support::{eventually, production_dist, E2e, Options, PATIENCE};

/// The names of the split modules this page has fetched so far.
const FETCHED_MODULES: &str = "return performance.getEntriesByType('resource')\
    .map(r => new URL(r.name).pathname.split('/').pop())\
    .filter(name => /^(split_|chunk_).*\\.wasm$/.test(name))";

async fn fetched(e2e: &E2e) -> Vec<String> {
    serde_json::from_value(e2e.js(FETCHED_MODULES).await).expect("a list of names")
}

pub(crate) fn production(root_dist: Option<std::path::PathBuf>) -> Options {
    Options { production_at_root: true, root_dist, ..Options::default() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_and_the_history_are_fetched_when_first_opened() {
    let e2e = E2e::start_with(production(None)).await;
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text("main h1", "О канале").await;
    // «О канале» of a channel not set up asks quietly whether it was connected before
    // (decision 84): the cards' module may come; the routes' modules never do.
    let first = fetched(&e2e).await;
    let routes = |n: &String| n.starts_with("split_settings-") || n.starts_with("split_history-");
    assert!(!first.iter().any(routes), "the first pages need no route's module: {first:?}");
    assert!(first.iter().all(|n| n.starts_with("chunk_") || n.starts_with("split_about_cards-")), "{first:?}");

    e2e.click("a.button--primary").await;
    e2e.wait_for_text("main h1", "Подключение и настройки канала MAX").await;
    e2e.find(&control(FieldPath::Token)).await;
    let settings = fetched(&e2e).await;
    assert!(settings.iter().any(|name| name.starts_with("split_settings-")), "{settings:?}");
    assert!(!settings.iter().any(|name| name.starts_with("split_history-")), "{settings:?}");

    e2e.click("#history-link").await;
    e2e.wait_for_text("#history-empty", "Изменений пока не было").await;
    let both = fetched(&e2e).await;
    assert!(both.iter().any(|name| name.starts_with("split_history-")), "{both:?}");

    // Back to the settings: the module is in, nothing is fetched again.
    e2e.browser.back().await.expect("back");
    e2e.find(&control(FieldPath::Token)).await;
    let again = fetched(&e2e).await;
    assert_eq!(again.len(), both.len(), "fetched again: {again:?}");
    e2e.finish().await;
}

/// How this page fetched a file of the bundle (by a pattern of its name): one resource
/// entry per fetch, with what started it (`link`: a preload).
fn fetches_of(pattern: &str) -> String {
    format!(
        "return performance.getEntriesByType('resource')\
         .filter(r => /\\/{pattern}$/.test(new URL(r.name).pathname)).map(r => r.initiatorType)"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_opened_straight_fetch_their_module_beside_the_main_wasm_once() {
    let e2e = E2e::start_with(production(None)).await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    e2e.wait_for_text("main h1", "Подключение и настройки канала MAX").await;
    // Started by the page's hint as it was parsed, before the main wasm was running, and
    // taken by the loader as the main wasm's preload is taken by the glue: Chromium and
    // Firefox list one fetch; WebKit lists the preload and the later fetch, for the main
    // wasm as for the module (the same way since the first build's Trunk preload).
    let module: Vec<String> =
        serde_json::from_value(e2e.js(&fetches_of("split_settings-[0-9a-f]+\\.wasm")).await).unwrap();
    let main: Vec<String> =
        serde_json::from_value(e2e.js(&fetches_of("max-channel-admin-[0-9a-f]+_bg\\.wasm")).await).unwrap();
    assert_eq!(module.first().map(String::as_str), Some("link"), "the settings' module fetches: {module:?}");
    assert_eq!(module, main, "the module fetched as the main wasm is");
    assert!(!fetched(&e2e).await.iter().any(|name| name.starts_with("split_history-")), "the history's module too");
    e2e.finish().await;
}

/// Copies a bundle (its files and `public/`), only the files `keep` accepts by name.
pub(crate) fn copy_bundle(from: &Path, to: &Path, keep: &dyn Fn(&str) -> bool) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_bundle(&entry.path(), &target, keep);
        } else if keep(&entry.file_name().to_string_lossy()) {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settings_module_that_cannot_be_fetched_is_a_message_and_a_retry() {
    let is_settings_module = |name: &str| name.starts_with("split_settings-");
    // Removed when the test ends, passed or not.
    let bundle = Scratch::new("no-settings-module");
    copy_bundle(&production_dist(), bundle.path(), &|name| !is_settings_module(name));
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.open("/channels/max").await;
    e2e.wait_for_text("main h1", "О канале").await;
    e2e.click("a.button--primary").await;

    // The route's heading, the reason and «Повторить» in place of the form; the app runs on.
    e2e.wait_for_text("main [role=alert]", "Не удалось загрузить эту страницу").await;
    assert_eq!(e2e.text_content("main h1").await, "Подключение и настройки канала MAX");
    assert_eq!(e2e.js("return document.title").await, "Подключение и настройки канала MAX · Канал MAX — Манго Диалоги");
    eventually(PATIENCE, "the focus on the route's heading", || async {
        e2e.js("return document.activeElement.tagName").await == "H1"
    })
    .await;

    // The connection is back: «Повторить» fetches the module afresh and the form opens.
    copy_bundle(&production_dist(), bundle.path(), &is_settings_module);
    e2e.click("main .retry").await;
    e2e.find(&control(FieldPath::Token)).await;
    e2e.wait_for_text("main h1", "Подключение и настройки канала MAX").await;
    assert!(!e2e.is_present("[data-split-failed]").await, "the failure stayed after the retry");
    e2e.finish().await;
}

/// A tab opened before a deploy asks for the old build's modules, which are gone: «Повторить»
/// cannot bring them back, «Обновить страницу» loads the new build. Here the history's
/// shared chunk is missing, then back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_history_without_its_shared_chunk_offers_a_reload_that_brings_the_page() {
    let is_chunk = |name: &str| name.starts_with("chunk_");
    let bundle = Scratch::new("no-shared-chunk");
    copy_bundle(&production_dist(), bundle.path(), &|name| !is_chunk(name));
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.open("/channels/max/history").await;
    e2e.wait_for_text("main [role=alert]", "обновите страницу").await;
    assert_eq!(e2e.text_content("main h1").await, "История изменений");
    assert_eq!(e2e.text_content("#reload-page").await, "Обновить страницу");
    assert!(e2e.is_present("main .retry").await, "«Повторить» beside it");

    copy_bundle(&production_dist(), bundle.path(), &is_chunk);
    e2e.click("#reload-page").await;
    e2e.wait_for_text("#history-empty", "Изменений пока не было").await;
    e2e.wait_for_path("/channels/max/history").await;
    assert!(!e2e.is_present("[data-split-failed]").await, "the failure stayed after the reload");
    e2e.finish().await;
}

/// «Работа канала» is a module of its own (decision 76): when it cannot be fetched, the
/// card says so with «Повторить» in its place, and the rest of «О канале» works on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_health_card_that_cannot_be_fetched_is_a_message_and_a_retry_in_its_place() {
    let is_health_module = |name: &str| name.starts_with("split_health-");
    let bundle = Scratch::new("no-health-module");
    copy_bundle(&production_dist(), bundle.path(), &|name| !is_health_module(name));
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("split-token-Zq8Xw3Rt"));
    e2e.open("/channels/max").await;
    e2e.wait_for_text("main h1", "О канале").await;
    e2e.wait_for_text(".health [role=alert]", "Не удалось загрузить проверку работы канала").await;
    assert_eq!(e2e.text_content("#health-title").await, "Работа канала");
    assert!(e2e.is_present("a.button--primary").await, "the page's own links stay");

    copy_bundle(&production_dist(), bundle.path(), &is_health_module);
    e2e.click(".health .retry").await;
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;
    assert!(!e2e.is_present("[data-split-failed]").await, "the failure stayed after the retry");
    e2e.finish().await;
}

/// The link kit is a module of its own (decision 79): when it cannot be fetched, its card
/// says so with «Повторить», and the rest of «О канале» — «Работа канала» included — works on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_kit_that_cannot_be_fetched_is_a_message_and_a_retry_in_its_place() {
    let is_kit_module = |name: &str| name.starts_with("split_about_cards-");
    let bundle = Scratch::new("no-link-kit-module");
    copy_bundle(&production_dist(), bundle.path(), &|name| !is_kit_module(name));
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("split-token-Kq8Xw3Rt"));
    e2e.open("/channels/max").await;
    e2e.wait_for_text("main h1", "О канале").await;
    e2e.wait_for_text(".link-kit [role=alert]", "Не удалось загрузить ссылку и QR-код").await;
    assert_eq!(e2e.text_content("#link-kit-title").await, "Как клиентам написать вам в MAX");
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;

    copy_bundle(&production_dist(), bundle.path(), &is_kit_module);
    e2e.click(".link-kit .retry").await;
    e2e.find("#link-kit-link").await;
    assert!(!e2e.is_present(".link-kit [data-split-failed]").await, "the failure stayed after the retry");
    e2e.finish().await;
}

/// «Откуда пишут клиенты» comes in the module of «О канале»'s cards (decision 84): on a
/// connected channel a failed fetch is a message and «Повторить» in its card (and in the
/// link kit's), the rest of «О канале» works on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sources_card_that_cannot_be_fetched_is_a_message_and_a_retry_in_its_place() {
    let is_sources_module = |name: &str| name.starts_with("split_about_cards-");
    let bundle = Scratch::new("no-sources-module");
    copy_bundle(&production_dist(), bundle.path(), &|name| !is_sources_module(name));
    let e2e = E2e::start_with(production(Some(bundle.path().to_owned()))).await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("split-token-Kq8Xw3Rt"));
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".sources [role=alert]", "Не удалось загрузить статистику").await;
    assert_eq!(e2e.text_content("#sources-title").await, "Откуда пишут клиенты");
    e2e.wait_for_text(".link-kit [role=alert]", "Не удалось загрузить ссылку и QR-код").await;
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;

    copy_bundle(&production_dist(), bundle.path(), &is_sources_module);
    e2e.click(".sources .retry").await;
    e2e.wait_for_text(".sources__empty", "За эти дни новых диалогов не было.").await;
    assert!(!e2e.is_present(".sources [data-split-failed]").await, "the failure stayed after the retry");
    e2e.finish().await;
}
