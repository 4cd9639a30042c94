//! End to end, concurrency: two people saving the same settings at the same moment, and
//! double submits of «Сохранить», «Проверить» and «Отключить канал» — exactly the expected
//! requests reach the back end, and no update is lost.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::{Client, Locator};
use max_channel_fake::samples;
use serde_json::json;
use support::{eventually, fault, E2e, PATIENCE};

/// Saved settings and a connected channel.
fn connect(e2e: &E2e) {
    e2e.save_settings(samples::settings(), Some("stored-token-0001"));
}

/// The statuses of one operation's calls that reached the back end.
fn statuses(e2e: &E2e, operation: &str) -> Vec<u16> {
    e2e.requests_of(operation).iter().map(|r| r.status).collect()
}

/// Clicks twice within one task of the page, the fastest double submit there is.
async fn double_click(e2e: &E2e, css: &str) {
    let script = format!("const b = document.querySelector({css:?}); b.scrollIntoView({{block: 'center'}}); b.click(); b.click(); return true;");
    e2e.js(&script).await;
}

async fn type_in(browser: &Client, css: &str, text: &str) {
    let el = browser.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.unwrap();
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap();
}

async fn text_of(browser: &Client, css: &str) -> String {
    match browser.find(Locator::Css(css)).await {
        Ok(el) => el.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn value_in(browser: &Client, css: &str) -> String {
    let el = browser.find(Locator::Css(css)).await.unwrap();
    el.prop("value").await.unwrap().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_people_saving_at_once_lose_no_update() {
    let e2e = E2e::start().await;
    connect(&e2e);
    let other = e2e.second_browser().await;
    let url = e2e.url("/channels/max/settings");
    e2e.browser.goto(&url).await.unwrap();
    other.goto(&url).await.unwrap();
    let people = [(&e2e.browser, "Прощание Анны"), (&other, "Прощание Бориса")];
    for (browser, text) in people {
        type_in(browser, "#f-closing_message-text", text).await;
    }
    // Both saves are in flight together: each waits a moment at the back end.
    e2e.server().state.controls().add_fault(fault(json!({"operation": "putMaxSettings", "delay_ms": 400, "count": 2})));
    let submit = "document.querySelector('button[type=submit]').click(); return true;";
    let (a, b) = tokio::join!(e2e.browser.execute(submit, vec![]), other.execute(submit, vec![]));
    a.unwrap();
    b.unwrap();

    // Exactly one wins; the other is told, with nothing of theirs lost.
    eventually(PATIENCE, "both saves answered", || async { statuses(&e2e, "putMaxSettings").len() == 2 }).await;
    let mut answers = statuses(&e2e, "putMaxSettings");
    answers.sort_unstable();
    assert_eq!(answers, [200, 412], "one save wins, the other meets the new version");
    let saved = e2e.server().state.fake().account().settings.clone().unwrap().settings.closing_message.text;
    let (winner, loser) = if saved == people[0].1 { (people[0], people[1]) } else { (people[1], people[0]) };
    assert_eq!(saved, winner.1);
    eventually(PATIENCE, "the winner is told it saved", || async {
        text_of(winner.0, ".action-bar [role=status]").await.contains("Настройки сохранены")
    })
    .await;
    eventually(PATIENCE, "the loser is told someone else saved", || async {
        text_of(loser.0, ".action-bar [role=alert]").await.contains("настройки сохранил другой пользователь")
    })
    .await;
    assert_eq!(value_in(loser.0, "#f-closing_message-text").await, loser.1, "nothing typed is lost");

    // The loser looks at the winner's version: it is what they see now.
    loser.0.find(Locator::Css("#conflict-load")).await.unwrap().click().await.unwrap();
    eventually(PATIENCE, "their version is loaded", || async {
        value_in(loser.0, "#f-closing_message-text").await == winner.1
    })
    .await;
    assert_eq!(statuses(&e2e, "putMaxSettings").len(), 2, "loading their version sends no save");
    let _ = other.close().await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_submits_send_one_request_each() {
    let e2e = E2e::start().await;
    connect(&e2e);
    e2e.open("/channels/max/settings").await;
    e2e.find("#token-replace").await.click().await.unwrap();
    let token = e2e.find("#f-token").await;
    token.send_keys("double-token-1234").await.unwrap();
    let controls = || e2e.server().state.controls();

    // «Проверить» twice while the first check runs.
    controls().add_fault(fault(json!({"operation": "verifyMaxToken", "delay_ms": 400})));
    double_click(&e2e, "#token-check").await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;
    assert_eq!(statuses(&e2e, "verifyMaxToken"), [200]);

    // «Сохранить» twice.
    controls().add_fault(fault(json!({"operation": "putMaxSettings", "delay_ms": 400})));
    double_click(&e2e, "button[type=submit]").await;
    e2e.wait_for_text(".action-bar [role=status]", "Настройки сохранены").await;
    assert_eq!(statuses(&e2e, "putMaxSettings"), [200]);

    // The confirmation of «Отключить канал» twice.
    e2e.find(".button--danger-outline").await.click().await.unwrap();
    e2e.wait_for_text("#disconnect-dialog", "перестанут поступать").await;
    controls().add_fault(fault(json!({"operation": "disconnectMax", "delay_ms": 400})));
    double_click(&e2e, "#disconnect-dialog .button--danger").await;
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;
    assert_eq!(statuses(&e2e, "disconnectMax"), [204]);
    e2e.finish().await;
}
