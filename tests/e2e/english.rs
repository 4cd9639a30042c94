//! English (decision 66): a cabinet in English gets the whole app in English, the catalogue's
//! English column fetched as a file of the bundle before the app starts; a cabinet whose
//! English file cannot be had gets the app whole, in Russian, rather than a blank page.

use std::path::Path;

use crate::support::scratch::Scratch;
use crate::support::{production_dist, E2e, Options};

fn english(root_dist: Option<std::path::PathBuf>) -> Options {
    Options { locale: "en", production_at_root: true, root_dist, ..Options::default() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_cabinet_gets_every_page_in_english() {
    let e2e = E2e::start_with(english(None)).await;
    e2e.open("/channels").await;
    e2e.wait_for_text("main h1", "Channel groups").await;
    assert_eq!(e2e.js("return document.documentElement.lang").await, "en");
    e2e.wait_for_text("[data-kind=max] .badge", "Not connected").await;
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("main h1", "settings").await;
    e2e.wait_for_text("label[for=f-token]", "HTTP API token").await;
    // The back end's own data (the schedule's holiday names, in brackets) may be Russian.
    let russian = e2e
        .js("return document.querySelector('main').innerText.split('\\n').filter(l => /[а-яё]/i.test(l.replace(/\\(.*?\\)/g, '')))")
        .await;
    assert_eq!(russian, serde_json::json!([]), "Russian words on an English page");
    let fetched = e2e
        .js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/public/i18n/en-')).length")
        .await;
    assert_eq!(fetched, 1, "the English file, fetched once per page load");
    e2e.finish().await;
}

/// Copies a bundle, leaving out its English file.
fn without_english(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            without_english(&entry.path(), &target);
        } else if !entry.file_name().to_string_lossy().starts_with("en-") {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_its_english_file_the_app_starts_whole_in_russian() {
    // Removed when the test ends, passed or not.
    let bundle = Scratch::new("no-english");
    without_english(&production_dist(), bundle.path());
    let e2e = E2e::start_with(english(Some(bundle.path().to_owned()))).await;
    e2e.open("/channels").await;
    e2e.wait_for_text("main h1", "Группы каналов").await;
    assert_eq!(e2e.js("return document.documentElement.lang").await, "ru");
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    let said = e2e.console_messages().await;
    assert!(said.iter().any(|m| m.contains("English is not available")), "the console says why: {said:?}");
    e2e.finish().await;
}
