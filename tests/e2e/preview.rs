//! Preview mode as a designer uses it (issue 37), with no back end: a state set in the panel
//! is in the address, survives a reload and the app's own links, and opens from its copied
//! link in a new browser; an error on «Сохранить» alone meets a filled form and keeps what
//! was typed; the fixed clock, the language and the token's answer; held loading; the panel
//! covers no control of the page at 390 and 1 440 px, folded or open; the gallery shows
//! every account at both widths, each frame a live page without the panel.

use serde_json::json;

use crate::support::controls::*;
use crate::support::{eventually, E2e, Options, Page, PATIENCE};

async fn preview() -> E2e {
    E2e::start_with(Options { serve_api: false, ..Options::default() }).await
}

/// Opens the panel if it is folded.
async fn open_panel(page: &Page) {
    if page.is_present(".preview__toggle[aria-expanded=false]").await {
        page.click(".preview__toggle").await;
    }
    page.find(".preview__toggle[aria-expanded=true]").await;
}

/// The address's query, as the browser holds it.
async fn query(e2e: &E2e) -> String {
    e2e.js("return location.search;").await.as_str().unwrap_or_default().to_owned()
}

/// The panel's choices as the page shows them.
async fn choices(page: &Page) -> Vec<String> {
    let script = "return ['data','on','fault','token'].map(id => document.getElementById('preview-' + id).value)\
                  .concat([document.getElementById('preview-once').checked ? 'once' : 'always']);";
    page.strings(script).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_set_in_the_panel_survives_a_reload_and_opens_from_its_link() {
    let e2e = preview().await;
    e2e.open("/channels/max?demo").await;
    e2e.wait_for_text("h1", "О канале MAX").await;
    open_panel(&e2e).await;
    e2e.select("#preview-data", "connected").await;
    e2e.wait_for_text("a.button--primary", "Изменить настройки").await;
    e2e.select("#preview-on", "putMaxSettings").await;
    e2e.select("#preview-fault", "500").await;
    e2e.select("#preview-token", "refused").await;
    let wanted = "demo=connected&fault=500&on=putMaxSettings&token_check=refused";
    eventually(PATIENCE, "the address holds the state", || async { query(&e2e).await == format!("?{wanted}") }).await;
    let summary = e2e.wait_for_text("#preview-summary", "500 — ошибка сервера при сохранении").await;
    assert!(summary.contains("Канал подключён") && summary.contains("Токен отклонён"), "{summary}");

    // The app's own link carries no query: the state goes with it all the same.
    e2e.click("a.button--primary").await;
    e2e.wait_for_path("/channels/max/settings").await;
    e2e.find(".token-stored").await;
    eventually(PATIENCE, "the state follows the app's link", || async { query(&e2e).await == format!("?{wanted}") })
        .await;

    // A reload opens the same state.
    e2e.browser.refresh().await.unwrap();
    e2e.find(".token-stored").await;
    open_panel(&e2e).await;
    let expected = ["connected", "putMaxSettings", "500", "refused", "always"].map(String::from).to_vec();
    assert_eq!(choices(&e2e).await, expected);

    // «Скопировать ссылку на это состояние»: the link, opened in a new browser, is the state.
    e2e.click("#preview-copy").await;
    e2e.find(".preview__share [role=status]:not(:empty)").await;
    let link = e2e.value_of("#preview-link").await;
    assert!(link.ends_with(&format!("/channels/max/settings?{wanted}")), "{link}");
    let other = e2e.second_browser().await;
    other.browser.goto(&link).await.unwrap();
    other.find(".token-stored").await;
    other.wait_for_text("#preview-summary", "500 — ошибка сервера при сохранении").await;
    open_panel(&other).await;
    assert_eq!(choices(&other).await, expected);
    other.close().await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_on_save_meets_a_filled_form_and_keeps_the_text() {
    let e2e = preview().await;
    e2e.open("/channels/max/settings?demo=connected").await;
    e2e.find(".token-stored").await;
    let text = "Спасибо, что написали! Ответим в течение часа.";
    e2e.type_into(&control(FieldPath::ClosingText), text).await;
    open_panel(&e2e).await;
    // «Когда» first, then the error: nothing loads again, the text stays.
    e2e.select("#preview-on", "putMaxSettings").await;
    e2e.select("#preview-fault", "500").await;
    e2e.click("#preview-once").await;
    e2e.wait_for_text("#preview-summary", "при сохранении, один раз").await;
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, text, "choosing the error kept the form");

    e2e.find_centered("button[type=submit]").await.click().await.unwrap();
    e2e.wait_for_text(".save-outcome [role=alert]", "Сервер временно недоступен (ошибка 500)").await;
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, text, "nothing typed is lost");
    // Met once: the panel says so, and the next save goes through.
    eventually(PATIENCE, "the error met once is switched off", || async {
        e2e.value_of("#preview-fault").await.is_empty() && !query(&e2e).await.contains("fault=")
    })
    .await;
    e2e.find_centered("button[type=submit]").await.click().await.unwrap();
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;

    // «Ответ MAX на любой токен»: any token typed, «Проверить» → refused.
    e2e.open("/channels/max/settings?demo=not_connected&token_check=refused").await;
    e2e.type_into(&control(FieldPath::Token), "a-perfectly-good-token-0001").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text("#token-check-error", "MAX не принял токен").await;
    e2e.assert_console_clean("an error on save").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fixed_clock_the_language_and_held_loading() {
    let e2e = preview().await;
    // Monday 10:00 in Moscow is working time, Sunday 10:00 is not, whatever the real time.
    for (clock, now) in [("mon-10:00", "Сейчас рабочее время"), ("sun-10:00", "Сейчас нерабочее время")]
    {
        e2e.open(&format!("/channels/max/settings?demo=connected&clock={clock}")).await;
        e2e.wait_for_text(".schedule", now).await;
    }
    // Set in the panel (the day; the time stays 10:00): the pages load again on the moved clock.
    open_panel(&e2e).await;
    e2e.select("#preview-clock-day", "0").await;
    e2e.wait_for_text(".schedule", "Сейчас рабочее время").await;
    e2e.wait_for_text("#preview-clock-note", "Пн 10:00").await;
    assert!(query(&e2e).await.contains("clock=mon-10:00"));

    // English: the page loads again in the same state.
    e2e.click("#preview-lang-en").await;
    e2e.wait_for_text("h1", "MAX channel connection and settings").await;
    assert!(query(&e2e).await.contains("lang=en"));
    e2e.wait_for_text(".schedule", "Working time now").await;
    e2e.find(".token-stored").await;

    // «Держать загрузку»: the loading state stays until let go.
    e2e.open("/channels/max?demo=connected").await;
    e2e.wait_for_text("h1", "О канале MAX").await;
    open_panel(&e2e).await;
    e2e.click("#preview-hold").await;
    e2e.find("main [aria-busy=true]").await;
    assert!(!e2e.is_present("main h1").await || e2e.is_present("main [aria-busy=true]").await);
    e2e.click("#preview-hold").await;
    e2e.wait_for_text("h1", "О канале MAX").await;
    eventually(PATIENCE, "nothing is held", || async { !e2e.is_present("main [aria-busy=true]").await }).await;
    e2e.assert_console_clean("clock, language, hold").await;
    e2e.finish().await;
}

/// Every control of the page whose middle lies in the window is itself at that point,
/// not under the panel.
const COVERED: &str = "const panel = document.querySelector('aside.preview'); \
    return [...document.querySelectorAll('main a, main button, main input, main select, main textarea, .action-bar button')]\
      .filter(e => { const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2; \
        return r.width > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight \
          && panel.contains(document.elementFromPoint(x, y)); })\
      .map(e => e.id || e.textContent.trim().slice(0, 40));";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panel_covers_no_control_folded_or_open() {
    let e2e = preview().await;
    for (width, height) in [(390, 844), (1440, 900)] {
        if !e2e.try_viewport(width, height).await {
            continue;
        }
        for path in ["/channels/max/settings?demo=connected", "/channels/max?demo=sources"] {
            e2e.open(path).await;
            e2e.find("main h1").await;
            for open in [false, true] {
                if open {
                    open_panel(&e2e).await;
                }
                for scroll in ["window.scrollTo(0, 0);", "window.scrollTo(0, document.body.scrollHeight);"] {
                    e2e.js(scroll).await;
                    let covered = e2e.strings(COVERED).await;
                    assert!(covered.is_empty(), "{path} at {width} px, open {open}: the panel covers {covered:?}");
                }
                assert_eq!(e2e.horizontal_overflow().await, None, "{path} at {width} px, open {open}");
            }
        }
        // The boxes: docked beside the page from 64rem (the page makes room), above it below.
        e2e.js("window.scrollTo(0, 0);").await;
        let apart = "const p = document.querySelector('aside.preview').getBoundingClientRect(); \
                     const m = document.querySelector('main').getBoundingClientRect(); \
                     return innerWidth >= 1024 ? p.left >= m.right : p.bottom <= m.top;";
        assert_eq!(e2e.js(apart).await, json!(true), "the open panel and the page overlap at {width} px");
    }
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gallery_shows_every_account_at_both_widths() {
    let e2e = preview().await;
    e2e.open("/gallery?demo").await;
    e2e.wait_for_text("h1", "Все состояния предпросмотра").await;
    let frames = e2e
        .strings("return [...document.querySelectorAll('iframe.gallery__frame')].map(f => f.dataset.width + ' ' + f.getAttribute('src'));")
        .await;
    for preset in max_channel_fake::Preset::ALL {
        for width in [390, 1440] {
            let shown = frames.iter().any(|f| {
                f.starts_with(&format!("{width} "))
                    && f.contains("/channels/max?")
                    && f.ends_with(&format!("demo={}&chrome=0", preset.name()))
            });
            assert!(shown, "{} at {width} px is not in the gallery: {frames:?}", preset.name());
        }
    }
    // Every frame a titled state, lazily loaded, its name a heading with a link to open it.
    let states = e2e.js("return document.querySelectorAll('li.gallery__state').length;").await;
    assert_eq!(json!(frames.len() / 2), states);
    let lazy =
        e2e.js("return [...document.querySelectorAll('iframe')].every(f => f.loading === 'lazy' && f.title);").await;
    assert_eq!(lazy, json!(true));
    // The first frame is a live page, without the panel.
    let inside = "const d = document.querySelector('iframe.gallery__frame').contentDocument; \
                  return d && d.querySelector('main h1') ? [d.querySelector('main h1').textContent, String(!!d.querySelector('aside.preview'))] : [];";
    eventually(3 * PATIENCE, "the first frame shows its page", || async { !e2e.strings(inside).await.is_empty() })
        .await;
    assert_eq!(e2e.strings(inside).await, ["О канале MAX", "false"]);
    // `open=check`: «Проверка связи» opens by itself, the received message on its way.
    let check = "iframe.gallery__frame[src*='demo=delivery_received'][src*='open=check'][data-width='1440']";
    e2e.js(&format!("document.querySelector(\"{check}\").scrollIntoView();")).await;
    let opened = format!(
        "const d = document.querySelector(\"{check}\").contentDocument; \
         const dialog = d && d.getElementById('health-delivery-check-dialog'); return !!(dialog && dialog.open);"
    );
    eventually(3 * PATIENCE, "the check opens in its frame", || async { e2e.js(&opened).await == json!(true) }).await;
    e2e.js("window.scrollTo(0, 0);").await;
    // «Открыть» loads the state with the panel.
    let open = e2e.js("return document.querySelector('a.gallery__open').getAttribute('href');").await;
    assert_eq!(open, json!("/channels/max?demo=not_connected"));
    e2e.click("a.gallery__open").await;
    e2e.wait_for_text("#preview-summary", "Канал не подключён").await;
    e2e.assert_console_clean("the gallery").await;
    e2e.finish().await;
}
