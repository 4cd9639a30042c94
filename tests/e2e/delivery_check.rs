//! «Проверка связи» against the dev back end: from «Работа канала» the panel's QR code
//! decodes to the test's link; the code delivered → «Сообщение дошло», the sender, «Бот
//! ответил», and no further question in the request log; a revoked token → «Бот не смог
//! ответить» and «Заменить токен» leads to the token's field; ten minutes later → «не
//! пришло» with «Восстановить подписку»; leaving, hiding and closing stop the asking; the
//! errors of both calls; the first save's banner. axe in every state.

use std::time::Duration;

use fantoccini::key::Key;
use max_channel_fake::{samples, InboundUpdate, MaxCondition, UpdateKind};
use serde_json::json;

use crate::a11y::Audit;
use crate::link_kit::decode_png;
use crate::support::controls::*;
use crate::support::{eventually, fault, waits, E2e, PATIENCE};

const TOKEN: &str = "delivery-token-Hq2Lm8";
const OPEN: &str = "#health-delivery-check";
const DIALOG: &str = "health-delivery-check-dialog";
/// How often the panel asks (the spec's 2 s).
const EVERY_MS: u64 = 2_000;

pub(crate) fn connected(e2e: &E2e, condition: MaxCondition) {
    e2e.save_settings(samples::settings(), Some(TOKEN));
    let state = &e2e.server().state;
    let mut fake = state.fake();
    fake.set_max_condition(condition);
    state.persist(&fake).expect("persisted");
}

pub(crate) fn change(e2e: &E2e, what: impl FnOnce(&mut max_channel_fake::Fake)) {
    let state = &e2e.server().state;
    let mut fake = state.fake();
    what(&mut fake);
    state.persist(&fake).expect("persisted");
}

/// The phone sends the code to the bot.
pub(crate) fn send_code(e2e: &E2e, code: &str) {
    change(e2e, |fake| {
        let update = InboundUpdate {
            user_id: 7_000_001,
            name: Some("Анна Петрова".into()),
            kind: UpdateKind::Message { text: code.into() },
        };
        let _ = fake.deliver_update(update);
    });
}

fn asked_after(e2e: &E2e, since: u64) -> usize {
    e2e.requests_of("getMaxDeliveryTest").iter().filter(|r| r.arrival > since).count()
}

fn arrivals(e2e: &E2e) -> u64 {
    e2e.server().state.controls().arrivals()
}

/// Opens the panel from «Работа канала» and waits for its test: returns the test's code.
pub(crate) async fn open_panel(e2e: &E2e) -> String {
    e2e.find(".health__overall").await;
    e2e.click(OPEN).await;
    wait_open(e2e, DIALOG).await;
    e2e.wait_for_focus("#health-delivery-check-title").await;
    e2e.wait_for_text("#delivery-left", "осталось").await;
    let code = e2e.text_content("#delivery-code").await;
    code.rsplit(' ').next().unwrap_or_default().trim().to_owned()
}

/// A page's two periods of asking, then its own next request: a question still planned
/// would have reached the back end before that request.
/// Waits until a screen reader has been told `text` (the polite region is visually hidden,
/// so its words are read from the DOM, not from what the driver renders).
async fn heard(e2e: &E2e, text: &str) {
    let what = format!("the screen reader never heard «{text}»");
    eventually(PATIENCE, &what, || async { e2e.text_content("#delivery-announce").await.contains(text) }).await;
}

/// Waits until the dialog `id` is open (the panel's module may still be on its way).
pub(crate) async fn wait_open(e2e: &E2e, id: &str) {
    e2e.find(&format!("#{id}[open]")).await;
}

/// Waits until the dialog `id` is gone (closing unmounts the panel).
pub(crate) async fn wait_closed(e2e: &E2e, id: &str) {
    let what = format!("#{id} never closed");
    eventually(PATIENCE, &what, || async { !e2e.is_present(&format!("#{id}")).await }).await;
}

async fn quiet_for_two_periods(e2e: &E2e) {
    waits::page_clock(e2e, 2 * EVERY_MS + 500).await;
    waits::round_trip(e2e).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_from_the_phone_arrives_and_the_bot_answers() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::Healthy);
    e2e.open("/channels/max").await;
    e2e.find(".health__overall").await;
    // The panel's module is fetched when the panel first opens, not with the page.
    let panel_fetched = || async {
        let script = "return performance.getEntriesByType('resource').some(r => /\\/split_delivery-[0-9a-f]+\\.wasm$/.test(r.name));";
        e2e.js(script).await == json!(true)
    };
    assert!(!panel_fetched().await, "the panel's module came with the page");
    let code = open_panel(&e2e).await;
    assert!(panel_fetched().await, "the panel's module was never fetched");
    assert!(!code.is_empty(), "the code is shown");

    // The QR code is the test's link, as a phone reads it; the link is there as text too.
    let link = e2e.value_of("#delivery-link").await;
    assert_eq!(link, format!("https://max.ru/shop_bot?start={code}"));
    e2e.find(".delivery__qr svg").await;
    let qr = e2e.find_centered(".delivery__qr").await;
    let size = qr.rectangle().await.expect("the code's box");
    assert!(size.2 >= 160.0 && size.3 >= 160.0, "big enough to scan from a screen: {size:?}");
    assert_eq!(decode_png(&qr.screenshot().await.expect("a screenshot of the QR code")), link);
    let left = e2e.text_content("#delivery-left").await;
    assert!(
        left.contains("осталось 9:") || left.contains("осталось 10:00"),
        "«{left}»; the panel says: {}",
        e2e.text_content(&format!("#{DIALOG}")).await
    );
    heard(&e2e, "Ждём сообщение ещё 10 минут.").await;
    audit.check(&e2e, "waiting").await;
    eventually(PATIENCE, "the panel asks about its test", || async { asked_after(&e2e, 0) >= 1 }).await;

    send_code(&e2e, &code);
    e2e.wait_for_text("#delivery-received", "Сообщение дошло до Манго Диалогов за").await;
    e2e.wait_for_text("#delivery-received", "(кодом)").await;
    e2e.wait_for_text(".delivery__from", "Отправитель: Анна Петрова").await;
    e2e.wait_for_text("#delivery-reply", "Бот ответил в MAX.").await;
    heard(&e2e, "Сообщение дошло").await;
    audit.check(&e2e, "received").await;
    let log = e2e.requests_of("getMaxDeliveryTest");
    assert!(log.iter().all(|r| r.status == 200), "one at a time, none aborted: {log:?}");
    let after = arrivals(&e2e);
    quiet_for_two_periods(&e2e).await;
    assert_eq!(asked_after(&e2e, after), 0, "no question after the outcome");

    // Escape closes; the focus returns to the button that opened the panel.
    e2e.press(Key::Escape).await;
    wait_closed(&e2e, DIALOG).await;
    e2e.wait_for_focus(OPEN).await;
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_is_named_and_replace_token_leads_to_its_field() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::Healthy);
    e2e.open("/channels/max").await;
    let code = open_panel(&e2e).await;
    change(&e2e, |fake| fake.set_max_condition(MaxCondition::TokenRevoked));
    send_code(&e2e, &code);
    e2e.wait_for_text("#delivery-reply", "Бот не смог ответить: MAX не принял токен бота").await;
    e2e.find("#delivery-replace-token").await;
    audit.check(&e2e, "reply failed").await;
    e2e.click("#delivery-replace-token").await;
    e2e.wait_for_path("/channels/max/settings").await;
    e2e.wait_for_focus(&control(FieldPath::Token)).await;
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_minutes_without_a_message_name_the_missing_subscription_and_repair_it() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    connected(&e2e, MaxCondition::Healthy);
    e2e.open("/channels/max").await;
    open_panel(&e2e).await;
    change(&e2e, |fake| {
        fake.set_max_condition(MaxCondition::SubscriptionLost);
        fake.advance(10 * 60 + 1);
    });
    e2e.wait_for_text("#delivery-expired", "Сообщение не пришло за 10 минут.").await;
    e2e.wait_for_text("#delivery-causes", "Что может мешать сейчас:").await;
    heard(&e2e, "Сообщение не пришло").await;
    audit.check(&e2e, "expired").await;
    e2e.click("#delivery-repair").await;
    e2e.wait_for_text("#delivery-causes", "Подписка восстановлена.").await;
    // «Проверить ещё раз» starts a new test with a new code.
    e2e.click("#delivery-again").await;
    e2e.wait_for_text("#delivery-left", "осталось").await;
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hiding_closing_and_leaving_stop_the_asking() {
    let e2e = E2e::start().await;
    connected(&e2e, MaxCondition::Healthy);
    e2e.open("/channels").await;
    e2e.click("a.tile[data-kind=max]").await;
    e2e.wait_for_path("/channels/max").await;
    open_panel(&e2e).await;

    // Hidden: nothing; shown again: a question at once.
    e2e.js("Object.defineProperty(document, 'hidden', {value: true, configurable: true}); document.dispatchEvent(new Event('visibilitychange')); return true;").await;
    // A question on its way as the page hid arrives before the page's next request.
    waits::round_trip(&e2e).await;
    let hidden_from = arrivals(&e2e);
    quiet_for_two_periods(&e2e).await;
    assert_eq!(asked_after(&e2e, hidden_from), 0, "no question while hidden");
    e2e.js("delete document.hidden; document.dispatchEvent(new Event('visibilitychange')); return true;").await;
    eventually(PATIENCE, "a question as the page shows", || async { asked_after(&e2e, hidden_from) >= 1 }).await;

    // Closed with «Закрыть»: the focus back on the button, and nothing asked after it.
    e2e.click("#delivery-close").await;
    wait_closed(&e2e, DIALOG).await;
    e2e.wait_for_focus(OPEN).await;
    let closed = arrivals(&e2e);
    quiet_for_two_periods(&e2e).await;
    assert_eq!(asked_after(&e2e, closed), 0, "no question after closing");

    // Ten seconds later (a new test may start no sooner), open again, then leave the
    // page by Back while it waits: nothing after it.
    e2e.server().state.fake().advance(11);
    open_panel(&e2e).await;
    eventually(PATIENCE, "the new test is asked about", || async { asked_after(&e2e, closed) >= 1 }).await;
    e2e.js("history.back(); return 0;").await;
    e2e.wait_for_path("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    let left = arrivals(&e2e);
    quiet_for_two_periods(&e2e).await;
    assert_eq!(asked_after(&e2e, left), 0, "the asking stopped with the page");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_error_of_the_two_calls_has_its_place() {
    let e2e = E2e::start().await;
    connected(&e2e, MaxCondition::Healthy);
    e2e.open("/channels/max").await;
    e2e.find(".health__overall").await;
    let controls = || e2e.server().state.controls();

    // 429 on the start: the wait, counted down on the button.
    controls().add_fault(fault(json!({"operation": "startMaxDeliveryTest", "status": 429, "retry_after": 5})));
    e2e.click(OPEN).await;
    e2e.wait_for_text(&format!("#{DIALOG} [role=alert]"), "Новую проверку можно начать через 5 секунд.").await;
    e2e.wait_for_text("#delivery-again", "Проверить через").await;
    assert_eq!(e2e.find("#delivery-again").await.attr("aria-disabled").await.unwrap().as_deref(), Some("true"));
    e2e.click("#delivery-close").await;
    wait_closed(&e2e, DIALOG).await;

    // 500 while asking: the panel stays, with «Повторить», which asks again.
    e2e.server().state.fake().advance(11);
    open_panel(&e2e).await;
    controls().add_fault(fault(json!({"operation": "getMaxDeliveryTest", "status": 500})));
    e2e.wait_for_text(".delivery__failure", "Повторить").await;
    let failed = arrivals(&e2e);
    e2e.click(".delivery__failure .retry").await;
    eventually(PATIENCE, "«Повторить» asks again", || async { asked_after(&e2e, failed) >= 1 }).await;
    e2e.wait_for_text("#delivery-left", "осталось").await;

    // 404 while asking (the channel was disconnected elsewhere): the panel closes, the
    // reason stays by the button.
    controls().add_fault(fault(json!({"operation": "getMaxDeliveryTest", "status": 404, "body": {"error": {"code": "not_found", "message": "x"}}})));
    wait_closed(&e2e, DIALOG).await;
    e2e.wait_for_text(".delivery__closed", "Канал отключён, поэтому проверка связи остановлена.").await;
    e2e.wait_for_focus(OPEN).await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_save_offers_the_test_in_its_message() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    crate::settings::fill_first_connection(&e2e).await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Проверьте связь: напишите боту со своего телефона.").await;
    e2e.click("#saved-delivery-check").await;
    wait_open(&e2e, "saved-delivery-check-dialog").await;
    e2e.wait_for_focus("#saved-delivery-check-title").await;
    e2e.wait_for_text("#delivery-left", "осталось").await;
    e2e.press(Key::Escape).await;
    wait_closed(&e2e, "saved-delivery-check-dialog").await;
    e2e.wait_for_focus("#saved-delivery-check").await;
    e2e.finish().await;
}

/// Preview mode's scenarios: the fake's own customer answers the test a few seconds after
/// it starts; with `delivery_reply_failed` MAX refuses the bot's answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preview_scenarios_play_the_test_with_no_back_end() {
    let e2e = E2e::start_with(crate::support::Options { serve_api: false, ..Default::default() }).await;
    for (scenario, reply) in
        [("delivery_received", "Бот ответил в MAX."), ("delivery_reply_failed", "Бот не смог ответить")]
    {
        e2e.open(&format!("/channels/max?demo={scenario}")).await;
        e2e.find(".health__overall").await;
        e2e.click(OPEN).await;
        wait_open(&e2e, DIALOG).await;
        // The fake's customer writes 5 s after the start (its own clock): a person waits that long too.
        let arrived = || async { e2e.text_content("#delivery-reply").await.contains(reply) };
        eventually(Duration::from_secs(30), &format!("{scenario}: «{reply}» never came"), arrived).await;
        e2e.wait_for_text("#delivery-received", "Сообщение дошло до Манго Диалогов").await;
    }
    e2e.finish().await;
}
