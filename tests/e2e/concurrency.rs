//! End to end, concurrency: two people saving the same settings at the same moment, and
//! double submits of «Сохранить», «Проверить» and «Отключить канал» — exactly the expected
//! requests reach the back end, and no update is lost.

use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::{eventually, fault, E2e, Page, PATIENCE};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_people_saving_at_once_lose_no_update() {
    let e2e = E2e::start().await;
    connect(&e2e);
    let other = e2e.second_browser().await;
    let people: [(&Page, &str); 2] = [(&e2e, "Прощание Анны"), (&other, "Прощание Бориса")];
    for (page, _) in people {
        page.open("/channels/max/settings").await;
    }
    for (page, text) in people {
        page.type_into(&control(FieldPath::ClosingText), text).await;
    }
    // Both saves are in flight together: each waits a moment at the back end.
    e2e.server().state.controls().add_fault(fault(json!({"operation": "putMaxSettings", "delay_ms": 400, "count": 2})));
    let submit = "document.querySelector('button[type=submit]').click(); return true;";
    tokio::join!(e2e.js(submit), other.js(submit));

    // Exactly one wins; the other is told, with nothing of theirs lost.
    eventually(PATIENCE, "both saves answered", || async { statuses(&e2e, "putMaxSettings").len() == 2 }).await;
    let mut answers = statuses(&e2e, "putMaxSettings");
    answers.sort_unstable();
    assert_eq!(answers, [200, 412], "one save wins, the other meets the new version");
    let saved = e2e.server().state.fake().account().settings.clone().unwrap().settings.closing_message.text;
    let (winner, loser) = if saved == people[0].1 { (people[0], people[1]) } else { (people[1], people[0]) };
    assert_eq!(saved, winner.1);
    // The winner is told it saved; the loser, that someone else did.
    winner.0.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    loser.0.wait_for_text(".save-outcome [role=alert]", "настройки сохранил другой пользователь").await;
    assert_eq!(loser.0.value_of(&control(FieldPath::ClosingText)).await, loser.1, "nothing typed is lost");

    // The loser looks at the winner's version: it is what they see now.
    loser.0.click("#conflict-load").await;
    eventually(PATIENCE, "their version is loaded", || async {
        loser.0.value_of(&control(FieldPath::ClosingText)).await == winner.1
    })
    .await;
    assert_eq!(statuses(&e2e, "putMaxSettings").len(), 2, "loading their version sends no save");
    other.close().await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_submits_send_one_request_each() {
    let e2e = E2e::start().await;
    connect(&e2e);
    e2e.open("/channels/max/settings").await;
    // «Работа канала» arrives after the form, above the token's buttons, and moves them
    // down; WebKitWebDriver clicks where an element was, so the page settles first.
    e2e.find(".health__rows").await;
    e2e.click("#token-replace").await;
    let token = e2e.find(&control(FieldPath::Token)).await;
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
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    assert_eq!(statuses(&e2e, "putMaxSettings"), [200]);

    // The confirmation of «Отключить канал» twice.
    e2e.click(".button--danger-outline").await;
    e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
    controls().add_fault(fault(json!({"operation": "disconnectMax", "delay_ms": 400})));
    double_click(&e2e, "#disconnect-dialog .button--danger").await;
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;
    assert_eq!(statuses(&e2e, "disconnectMax"), [204]);
    e2e.finish().await;
}
