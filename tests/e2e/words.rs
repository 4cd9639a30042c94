//! Issue 34's words that act: a 429's «Повторите через N секунд» counts down while the
//! button beside it waits, and the time zone reads as a person says it.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::controls::*;
use crate::support::{eventually, fault, E2e, PATIENCE};

/// The message and its «Повторить», read in one script so that the second between two
/// reads can never tell them apart.
const READ_AND_PRESS: &str = "const text = document.querySelector('#token-check-error')?.textContent ?? '';
const retry = document.querySelector('.token-failed .retry');
const waiting = retry?.getAttribute('aria-disabled') === 'true';
if (text.includes('Повторите через') && retry) retry.click();
return [text, waiting];";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_counts_down_and_the_retry_waits_with_it() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.server().state.controls().add_fault(fault(serde_json::json!({
        "operation": "verifyMaxToken", "status": 429, "retry_after": 5
    })));
    e2e.type_into(&control(FieldPath::Token), "good-token-1").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text("#token-check-error", "Слишком много попыток. Повторите через").await;
    // It counts down to «Теперь можно повторить» (every second's words: the native tests).
    // While it counts, «Повторить» stays in its place and says no: pressing it sends nothing.
    let pressed_while_waiting = AtomicUsize::new(0);
    eventually(PATIENCE, "the wait never ended", || async {
        let read = e2e.js(READ_AND_PRESS).await;
        let text = read[0].as_str().unwrap_or_default().to_owned();
        if text.contains("Повторите через") {
            assert_eq!(read[1], true, "«Повторить» waits while the message counts: {text}");
            pressed_while_waiting.fetch_add(1, Ordering::Relaxed);
        }
        text == "Слишком много попыток. Теперь можно повторить."
    })
    .await;
    let presses = pressed_while_waiting.load(Ordering::Relaxed);
    assert!(presses > 0, "«Повторить» was pressed while the wait counted");
    assert_eq!(e2e.requests_of("verifyMaxToken").len(), 1, "{presses} presses while waiting sent nothing");
    assert_ne!(e2e.find(".token-failed .retry").await.attr("aria-disabled").await.unwrap().as_deref(), Some("true"));
    e2e.click(".token-failed .retry").await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;
    assert_eq!(e2e.requests_of("verifyMaxToken").len(), 2);
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_field_says_where_the_token_is_and_opens_that_when_max_refuses_one() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    let link = e2e.find("#token-help a").await;
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://business.max.ru/self"));
    assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"));
    assert!(link.text().await.unwrap().contains("Платформа MAX для бизнеса"));
    let open = || e2e.js("return document.querySelector('#token-guide').open");
    assert_eq!(open().await, false, "closed until it is wanted");
    let steps = e2e.text_content("#token-guide ol").await;
    assert!(steps.contains("В разделе «Чат-боты» выберите бота и нажмите ⋮ → «Настройки»."), "{steps}");
    assert!(steps.contains("Скопируйте токен"), "{steps}");

    // MAX refuses the token: the error, and the way to the right one opens beside it.
    e2e.type_into(&control(FieldPath::Token), "revoked-abc").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text("#token-check-error", "MAX не принял токен").await;
    eventually(PATIENCE, "the guide never opened", || async { open().await == true }).await;
    e2e.finish().await;
}
