//! «Работа канала» against the dev back end: the card's words for a healthy channel and
//! for one whose subscription MAX removed after 8 hours of failures (the tile and «О канале»
//! too), the one-click repair, the token's replacement, «Проверить сейчас» refused with 429,
//! and the minute's refresh that stops when the page is hidden or left. axe in every state.

use std::time::{Duration, Instant};

use max_channel_fake::{samples, MaxCondition};
use serde_json::json;

use crate::a11y::Audit;
use crate::support::controls::*;
use crate::support::{eventually, fault, waits, E2e, Options, PATIENCE};

const TOKEN: &str = "health-token-Zq8Xw3Rt";

/// The card's first line while no customer has written yet, and once one has.
const READY: &str = "Канал готов принимать обращения";
const ARRIVE: &str = "Обращения из MAX поступают";

/// A connected channel whose fake MAX is in `condition`, `hours` later.
fn connected(e2e: &E2e, condition: MaxCondition, hours: i64) {
    e2e.save_settings(samples::settings(), Some(TOKEN));
    let state = &e2e.server().state;
    let mut fake = state.fake();
    fake.set_max_condition(condition);
    fake.advance(hours * 3600);
    state.persist(&fake).expect("persisted");
}

/// The card's rows as «label: text» lines.
async fn rows(e2e: &E2e) -> Vec<String> {
    e2e.strings("return [...document.querySelectorAll('.health__row')].map(r => r.querySelector('dt').textContent + ': ' + r.querySelector('dd').textContent.trim());")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_hours_of_failed_deliveries_show_everywhere_and_one_click_repairs_them() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::Healthy, 0);
    e2e.open("/channels/max").await;
    // Nobody has written yet: the card claims only what it knows, and a test of one's own
    // is the next step.
    e2e.wait_for_text(".health__overall", READY).await;
    e2e.wait_for_text(".health__checked", "Проверено только что").await;
    let healthy = rows(&e2e).await;
    assert_eq!(healthy[0], "Токен: действует");
    assert!(healthy[1].starts_with("Подписка на события: активна с "), "{healthy:?}");
    assert_eq!(healthy[2], "Последнее обращение: пока не было");
    assert!(!e2e.is_present("#health-repair").await, "nothing to repair");
    assert!(!healthy.iter().any(|row| row.starts_with("Перерыв в доставке")), "no outage, no row: {healthy:?}");
    assert!(e2e.is_present("#health-delivery-check.button--primary").await, "«Проверить связь» leads");
    audit.check(&e2e, "ready, nobody wrote yet").await;
    // The first customer writes: now requests do arrive.
    e2e.server().state.fake().deliver_inbound();
    e2e.click("#health-check").await;
    e2e.wait_for_text(".health__overall", ARRIVE).await;
    assert_eq!(rows(&e2e).await[2], "Последнее обращение: только что");
    assert!(e2e.is_present("#health-delivery-check.button--secondary").await);
    audit.check(&e2e, "healthy").await;

    // Deliveries fail; eight hours later MAX has removed the subscription, telling nobody.
    connected(&e2e, MaxCondition::DeliveriesFailing, 8);
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Требует внимания").await;
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text(".about__state .badge", "Требует внимания").await;
    e2e.wait_for_text(".about__header .alert", "MAX удалил подписку на события").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;
    // Since deliveries began to fail, customers' messages are lost: said right away.
    let ongoing = e2e.wait_for_text(".health__rows", "Сообщения клиентов не доходят до Манго Диалогов с ").await;
    assert!(ongoing.contains("Перерыв в доставке"), "{ongoing}");
    let failing = rows(&e2e).await;
    assert_eq!(failing[1], "Подписка на события: отсутствует — MAX удалил её");
    assert!(
        failing[3].starts_with("Доставка: ошибки с ") && failing[3].ends_with(max_channel_fake::max::REMOVED_MESSAGE),
        "{failing:?}"
    );
    // The back end's clock is 8 hours on: «только что» is counted from its `Date`.
    e2e.wait_for_text(".health__checked", "Проверено только что").await;
    audit.check(&e2e, "subscription lost").await;
    // Back on the tiles, the badge gives the reason the card learnt.
    e2e.click("a.back-link").await;
    e2e.wait_for_text("[data-kind=max] .tile__reason", "Обращения из MAX не поступают").await;
    audit.check(&e2e, "subscription lost, tiles").await;
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;

    // «Восстановить подписку»: one request, and healthy again everywhere.
    let before = e2e.requests_of("repairMaxHealth").len();
    e2e.click("#health-repair").await;
    e2e.wait_for_text(".health__overall", READY).await;
    e2e.wait_for_text(".health__status", "Подписка восстановлена.").await;
    // Repaired, and still honest about the hours that were lost.
    let ended = e2e.wait_for_text(".health__rows", "не дошли до Манго Диалогов.").await;
    assert!(ended.contains("Сообщения клиентов с ") && ended.contains(" до "), "{ended}");
    e2e.wait_for_text(".about__state .badge", "Подключён").await;
    let repairs = e2e.requests_of("repairMaxHealth");
    assert_eq!(repairs.len() - before, 1, "one repair request");
    assert!(repairs.iter().all(|r| r.csrf && r.method == "POST"));
    assert!(!e2e.is_present("#health-repair").await);
    assert!(!e2e.is_present(".about__header .alert").await, "no reason once repaired");
    audit.check(&e2e, "repaired").await;
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Подключён").await;
    // A week after the repair it is still told; a moment later it is not.
    let repaired_at = e2e.server().state.fake().now();
    for (days, told) in [(7 * 86_400 - 60, true), (7 * 86_400 + 60, false)] {
        {
            let mut fake = e2e.server().state.fake();
            let step = repaired_at + days - fake.now();
            fake.advance(step);
            fake.deliver_inbound();
        }
        e2e.open("/channels/max").await;
        e2e.wait_for_text(".health__overall", ARRIVE).await;
        let rows = rows(&e2e).await;
        assert_eq!(
            rows.iter().any(|row| row.starts_with("Перерыв в доставке: Сообщения клиентов с ")),
            told,
            "{days} s after the repair: {rows:?}"
        );
    }
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_offers_its_replacement_which_focuses_the_token_field() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::TokenRevoked, 0);
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;
    assert_eq!(rows(&e2e).await[0], "Токен: MAX не принимает токен");
    e2e.wait_for_text(".about__state .badge", "Требует внимания").await;
    audit.check(&e2e, "token revoked, settings").await;
    e2e.click("#health-replace-token").await;
    e2e.wait_for_focus(&control(FieldPath::Token)).await;
    assert!(!e2e.is_present("#health-replace-token:focus").await);

    // From «О канале» it opens the settings with the field ready.
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;
    e2e.click("#health-replace-token").await;
    e2e.wait_for_path("/channels/max/settings").await;
    assert_eq!(e2e.js("return location.search;").await, "?token=replace");
    e2e.wait_for_focus(&control(FieldPath::Token)).await;
    audit.check(&e2e, "token revoked, replacing").await;

    // A repair cannot cure a refused token: 422 `token_invalid` says so, with the cure.
    let state = &e2e.server().state;
    state.controls().add_fault(fault(json!({"operation": "repairMaxHealth", "status": 422, "body": {"error": {"code": "token_invalid", "message": "x"}}})));
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;
    e2e.click("#health-repair").await;
    e2e.wait_for_text(".health__failure", "MAX не принимает токен канала, поэтому подписку восстановить нельзя").await;
    e2e.find("#health-failure-replace-token").await;
    assert!(e2e.is_present(".health__rows").await, "the last known health stays");
    audit.check(&e2e, "repair refused for the token").await;
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_now_refused_with_429_counts_down_and_blocks_a_second_press() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::Healthy, 0);
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".health__overall", READY).await;
    e2e.click("#health-check").await;
    e2e.wait_for_text("#health-check", "Проверить сейчас").await;
    assert_eq!(e2e.requests_of("checkMaxHealth").len(), 1);
    // Within ten seconds of the last check the back end answers 429 with the wait.
    e2e.click("#health-check").await;
    e2e.wait_for_text(".health__failure", "MAX можно спрашивать не так часто. Повторите через").await;
    let label = e2e.wait_for_text("#health-check", "Проверить через").await;
    assert_eq!(e2e.find("#health-check").await.attr("aria-disabled").await.unwrap().as_deref(), Some("true"));
    // A press during the wait sends nothing, and the countdown goes on. A press that did
    // send would show «Проверяю…» until its answer came (and the back end logged it), so
    // a lower count shown after the press is the moment the log is complete.
    let seconds = |text: &str| text.split_whitespace().filter_map(|w| w.parse::<u32>().ok()).next();
    let first = seconds(&label).expect("the countdown's seconds");
    e2e.click("#health-check").await;
    eventually(PATIENCE, "the countdown never moved on after the press", || async {
        let now = e2e.text_content("#health-check").await;
        now.contains("Проверить через") && seconds(&now).is_some_and(|n| n < first)
    })
    .await;
    assert_eq!(e2e.requests_of("checkMaxHealth").len(), 2, "a press during the wait sends nothing");
    assert!(e2e.is_present(".health__rows").await, "the last known health stays");
    audit.check(&e2e, "check refused with 429").await;

    // MAX not answering, and the session ending, have their own words; the health stays.
    e2e.server().state.fake().advance(11);
    for (status, text) in [(502, "MAX не ответил"), (401, "Сессия истекла")] {
        e2e.server().state.controls().add_fault(fault(json!({"operation": "checkMaxHealth", "status": status})));
        e2e.open("/channels/max").await;
        e2e.wait_for_text(".health__overall", READY).await;
        e2e.click("#health-check").await;
        e2e.wait_for_text(".health__failure", text).await;
        assert!(e2e.is_present(".health__rows").await, "{status}: the last known health stays");
        audit.check(&e2e, &format!("check answered {status}")).await;
    }
    audit.assert_clean();
    e2e.finish().await;
}

/// The refresh period of the refresh test.
const PERIOD_MS: u64 = 1_000;

/// The health calls that arrived after `since` (an arrival number).
fn health_calls_after(e2e: &E2e, since: u64) -> usize {
    e2e.requests_of("getMaxHealth").iter().filter(|r| r.arrival > since).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_refresh_runs_while_visible_pauses_while_hidden_and_stops_on_leaving() {
    let e2e = E2e::start_with(Options { health_refresh_ms: Some(PERIOD_MS as u32), ..Options::default() }).await;
    connected(&e2e, MaxCondition::Healthy, 0);
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".health__overall", READY).await;
    // Three refreshes come on their own, and no sooner than the period each: two periods
    // at least from the first to the third (a slow machine only spaces them more).
    let start = e2e.server().state.controls().arrivals();
    let since = Instant::now();
    eventually(PATIENCE, "three refreshes while visible", || async { health_calls_after(&e2e, start) >= 3 }).await;
    let took = since.elapsed();
    assert!(took >= Duration::from_millis(2 * PERIOD_MS - 200), "refreshes faster than one a second: 3 in {took:?}");
    let log = e2e.requests_of("getMaxHealth");
    assert!(log.iter().all(|r| r.status == 200), "one at a time, none aborted: {log:?}");

    // Hidden: nothing. Shown again: one at once (the period has passed).
    e2e.js("Object.defineProperty(document, 'hidden', {value: true, configurable: true}); document.dispatchEvent(new Event('visibilitychange')); return true;").await;
    // A refresh on its way as the page hid has come back: every call sent before is counted.
    let idle = || async { e2e.text_content("#health-check").await.trim() == "Проверить сейчас" };
    eventually(PATIENCE, "the refresh in flight as the page hid never came back", idle).await;
    let hidden_from = e2e.server().state.controls().arrivals();
    // Two of the page's own periods: a refresh still planned would have fired, and shown
    // «Проверяю…» until its answer.
    waits::page_clock(&e2e, 2 * PERIOD_MS).await;
    eventually(PATIENCE, "a refresh while hidden never came back", idle).await;
    assert_eq!(health_calls_after(&e2e, hidden_from), 0, "no refresh while hidden");
    e2e.js("delete document.hidden; document.dispatchEvent(new Event('visibilitychange')); return true;").await;
    eventually(PATIENCE, "a refresh as the page shows", || async { health_calls_after(&e2e, hidden_from) >= 1 }).await;

    // Left by a link: no health call after it.
    e2e.click("a.back-link").await;
    e2e.wait_for_path("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    let left = e2e.server().state.controls().arrivals();
    // Two of the page's own periods, then the page's own next request: a refresh the gone
    // card still planned would have fired, and reached the back end before that request.
    waits::page_clock(&e2e, 2 * PERIOD_MS).await;
    waits::round_trip(&e2e).await;
    assert_eq!(health_calls_after(&e2e, left), 0, "the refresh stopped with the page");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_health_is_told_to_the_host_cabinet_as_a_state_change() {
    // The back end still says «connected» (a subscription pointing elsewhere is not one of
    // its error reasons); the health says dialogs do not arrive.
    let e2e = E2e::start().await;
    connected(&e2e, MaxCondition::WrongUrl, 0);
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.expect("the demo host page");
    let states = || async {
        let script =
            "return Array.from(document.querySelectorAll('#messages li[data-type=state]')).map(li => li.textContent);";
        let found: Vec<String> = serde_json::from_value(e2e.js(script).await).unwrap_or_default();
        found
    };
    eventually(Duration::from_secs(10), "the first state message", || async {
        states().await.iter().any(|m| m.contains("\"state\":\"connected\""))
    })
    .await;
    e2e.browser.enter_frame(0).await.expect("into the app's iframe");
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_text(".health__overall", "Обращения из MAX не поступают").await;
    e2e.wait_for_text(".about__state .badge", "Требует внимания").await;
    e2e.wait_for_text(".about__header .alert", "Подписка на события указывает на другой адрес").await;
    e2e.browser.enter_parent_frame().await.expect("back to the host page");
    eventually(Duration::from_secs(10), "a state message saying error", || async {
        states().await.iter().any(|m| m.contains("\"state\":\"error\""))
    })
    .await;
    e2e.finish().await;
}
