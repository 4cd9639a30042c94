//! The settings on a phone (issue 34, item 7): the sticky bar is one row — «Сохранить»,
//! «Отмена», one line of status, «N предупреждений» — at most 72 px high at 360 px; the
//! save's full words stand above it; «Сохранено» leaves the bar after a few seconds and
//! stays above; «Отключить канал» is at the end of the page; a way to «Как это увидит
//! клиент» near the top when that view is below the form.

use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::{eventually, E2e, PATIENCE};

/// The most the sticky bar may take of a phone's 740 px.
const BAR_MOST: f64 = 72.0;

async fn bar_height(e2e: &E2e) -> f64 {
    e2e.js("return document.querySelector('.action-bar').getBoundingClientRect().height;")
        .await
        .as_f64()
        .unwrap_or(f64::MAX)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_bar_is_one_row_and_the_rest_is_where_it_belongs() {
    let e2e = E2e::start().await;
    e2e.save_settings(samples::settings(), Some("phone-bar-token-4242"));
    // Chromium emulates 360 px; the other engines' windows stop wider (a gap is recorded).
    let phone = e2e.try_viewport(360, 740).await;
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#customer-chat", "Все операторы заняты").await;
    let width = e2e.js("return window.innerWidth;").await.as_u64().unwrap_or(0);
    assert!(!phone || width == 360, "{width}");

    // Below 1280 px the customer's view is under the form: a way to it near the top. From
    // 1280 px on, the view is beside the form and the way is not shown.
    let jump = e2e
        .js("const a = document.querySelector('.jump-to-view'); \
             return [getComputedStyle(a).display !== 'none', a.getBoundingClientRect().top < window.innerHeight];")
        .await;
    if width < 1280 {
        assert_eq!(jump, json!([true, true]), "at {width} px");
        e2e.click(".jump-to-view").await;
        eventually(PATIENCE, "the jump focuses the customer's view", || async {
            e2e.js("return document.activeElement.id").await == "customer-view"
        })
        .await;
    } else {
        assert_eq!(jump[0], json!(false), "at {width} px the view is beside the form");
    }

    // «Отключить канал» is not under the thumb: at the end of the page.
    assert!(!e2e.is_present(".action-bar .button--danger-outline").await);
    let last = e2e.js("return document.querySelector('.danger-zone').compareDocumentPosition(document.getElementById('customer-view')) & Node.DOCUMENT_POSITION_PRECEDING;").await;
    assert_ne!(last, json!(0), "after the customer's view");

    // Two replies after the auto-close: the bar counts the warnings and takes the focus to them.
    e2e.select("#auto-close-preset", "60").await;
    for (row, hours) in [(0, "2"), (1, "3")] {
        e2e.type_into(&control(reply(row, ReplyField::Delay)), hours).await;
        e2e.select(&part(reply(row, ReplyField::Delay), "unit"), "h").await;
    }
    // However many the schedule adds (a night longer than an hour), the bar says as many.
    e2e.wait_for_text("#checks", "Автоответ 2").await;
    let listed = e2e.js("return document.querySelectorAll('#checks li').length;").await.as_u64().unwrap_or(0);
    assert!(listed >= 2, "{listed}");
    let words = max_channel_admin::i18n::count(
        max_channel_admin::i18n::Locale::Ru,
        max_channel_admin::i18n::Msg::UnitWarning,
        listed,
    );
    // What the bar shows, drawn: its words, in a box with room for them.
    let shown = format!(
        "const b = document.getElementById('bar-warnings'); \
         return !!b && b.textContent === {words:?} && b.getBoundingClientRect().width > 0;"
    );
    eventually(PATIENCE, "the bar shows its warnings' count", || async { e2e.js(&shown).await == json!(true) }).await;
    let height = bar_height(&e2e).await;
    assert!(height <= BAR_MOST, "the bar with its warnings is {height} px at {width} px");
    e2e.click("#bar-warnings").await;
    eventually(PATIENCE, "«N предупреждений» focuses them", || async {
        e2e.js("return document.activeElement.id").await == "checks"
    })
    .await;

    // A save: «Настройки сохранены» in the bar, then only above it (and announced there).
    e2e.click("button[type=submit]").await;
    // Read as drawn (WebKitGTK's element text is empty for this cut line).
    let status = "const s = document.querySelector('.action-bar__status'); \
         return !!s && s.textContent === 'Настройки сохранены' && s.getBoundingClientRect().width > 0;";
    eventually(PATIENCE, "the bar says the settings were saved", || async { e2e.js(status).await == json!(true) })
        .await;
    let height = bar_height(&e2e).await;
    assert!(height <= BAR_MOST, "the bar with its status is {height} px at {width} px");
    assert_eq!(e2e.find(".action-bar__status").await.attr("aria-hidden").await.unwrap().as_deref(), Some("true"));
    eventually(PATIENCE, "«Настройки сохранены» never left the bar", || async {
        !e2e.is_present(".action-bar__status").await
    })
    .await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    e2e.finish().await;
}
