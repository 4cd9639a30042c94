//! End to end, the app shell: the flow to the settings at the root and under a base path,
//! embedding messages to a host page, preview mode with no back end, and a back end that
//! goes away mid-session.

use std::time::Duration;

use fantoccini::Locator;
use max_channel_contract::*;

use crate::support::controls::*;
use crate::support::{eventually, fault, waits, E2e, Options, PATIENCE};

/// Groups → Max tile → «О канале» → «Настроить и подключить», with back and forward.
async fn walk_to_the_settings(e2e: &E2e, prefix: &str) {
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    e2e.find("a.tile[data-kind=max]").await.click().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max")).await;
    e2e.wait_for_text("h1", "О канале MAX").await;

    // The four blocks, each with its heading.
    let mut headings = Vec::new();
    for h in e2e.browser.find_all(Locator::Css("main h2")).await.unwrap() {
        headings.push(h.text().await.unwrap());
    }
    assert_eq!(headings, ["О канале", "Стоимость подключения", "Подключение канала", "Справка"]);
    let main = e2e.text_content("main").await;
    assert!(main.contains("500\u{a0}₽ в месяц"), "the fee the Russian way: {main}");
    assert!(main.contains("модерация — до 2 рабочих дней") && main.contains("1 минута"));
    assert!(main.contains("Bitrix24"));
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;
    let guide = e2e.find("a.button--secondary[target=_blank]").await;
    assert!(guide.attr("rel").await.unwrap().unwrap().contains("noopener"));
    assert!(guide.attr("href").await.unwrap().unwrap().starts_with("https://www.mango-office.ru/"));

    let configure = e2e.find("a.button--primary").await;
    assert_eq!(configure.text().await.unwrap(), "Настроить и подключить");
    configure.click().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max/settings")).await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;

    e2e.browser.back().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max")).await;
    e2e.wait_for_text("h1", "О канале").await;
    e2e.browser.back().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels")).await;
    e2e.browser.forward().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max")).await;
    e2e.wait_for_text("h1", "О канале").await;

    // «История изменений»: its link, its title, the focus on its heading, a deep link,
    // back and forward.
    e2e.click("#history-link").await;
    e2e.wait_for_path(&format!("{prefix}/channels/max/history")).await;
    e2e.wait_for_text("h1", "История изменений").await;
    e2e.wait_for_text("#history-empty", "Изменений пока не было").await;
    assert_eq!(e2e.js("return document.title").await, "История изменений · Канал MAX — Манго Диалоги");
    eventually(PATIENCE, "the focus on the history's heading", || async {
        e2e.js("return document.activeElement.tagName").await == "H1"
    })
    .await;
    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text("h1", "История изменений").await;
    e2e.browser.back().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max")).await;
    e2e.browser.forward().await.unwrap();
    e2e.wait_for_path(&format!("{prefix}/channels/max/history")).await;
    e2e.wait_for_text("h1", "История изменений").await;
    e2e.click(".back-link").await;
    e2e.wait_for_path(&format!("{prefix}/channels/max")).await;
    e2e.wait_for_text("h1", "О канале").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_the_groups_to_the_settings_at_the_root() {
    let e2e = E2e::start().await;
    walk_to_the_settings(&e2e, "").await;
    // A deep link reloads into the same page.
    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text("h1", "О канале").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_the_groups_to_the_settings_under_a_base_path() {
    let e2e = E2e::start_with(Options { base_path: "/dialogs".into(), ..Options::default() }).await;
    walk_to_the_settings(&e2e, "/dialogs").await;
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;
    e2e.open("/").await;
    e2e.wait_for_path("/dialogs/channels").await;
    e2e.open("/nowhere").await;
    e2e.wait_for_text("h1", "Страница не найдена").await;
    e2e.find("a[href='/dialogs/channels']").await.click().await.unwrap();
    e2e.wait_for_path("/dialogs/channels").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connected_channel_offers_to_edit_its_settings() {
    let e2e = E2e::start().await;
    let settings = Settings {
        routing: Routing::Group { group_id: "g-sales".into() },
        auto_replies: vec![],
        closing_message: ClosingMessage { enabled: false, text: String::new() },
        non_working_hours: NonWorkingHours::Off,
        auto_close: AutoClose { enabled: false, after_minutes: 60 },
    };
    let bot = BotInfo {
        user_id: 1,
        first_name: "Магазин «Ромашка»".into(),
        username: Some("romashka_shop_bot".into()),
        avatar_url: None,
    };
    e2e.server().state.fake().store_directly(settings, Some(("token-x7Qa".into(), bot)));
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".about__state .badge", "Подключён").await;
    e2e.wait_for_text("a.button--primary", "Изменить настройки").await;
    e2e.wait_for_text(".about__bot", "@romashka_shop_bot").await;
    assert_eq!(e2e.browser.find_all(Locator::Css(".checklist__item[data-done=true]")).await.unwrap().len(), 4);
    e2e.finish().await;
}

/// The messages the demo host page received, as JSON texts.
pub(crate) async fn host_messages(e2e: &E2e, kind: &str, containing: &str) -> Vec<String> {
    let script = format!(
        "return Array.from(document.querySelectorAll('#messages li[data-type={kind}]')).map(li => li.textContent);"
    );
    let read = || async { serde_json::from_value::<Vec<String>>(e2e.js(&script).await).unwrap() };
    let came = waits::until(PATIENCE, || async { read().await.iter().any(|m| m.contains(containing)) }).await;
    let found = read().await;
    assert!(came, "the host never received a {kind} message with {containing}: {found:?}");
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_page_receives_height_state_and_session_messages() {
    let e2e = E2e::start().await;
    e2e.browser.goto(&format!("{}/__host", e2e.origin())).await.unwrap();
    let heights = host_messages(&e2e, "height", "\"source\":\"max-channel\"").await;
    let first: serde_json::Value = serde_json::from_str(&heights[0]).unwrap();
    assert!(first["height"].as_u64().unwrap() > 100, "{first}");
    host_messages(&e2e, "state", "\"state\":\"not_connected\"").await;
    // The host sized the iframe to the content.
    let frame_height = e2e.js("return document.getElementById('app').getBoundingClientRect().height;").await;
    assert!(frame_height.as_f64().unwrap() > 100.0);

    // A 401 tells the host.
    e2e.server()
        .state
        .controls()
        .add_fault(fault(serde_json::json!({"operation": "listChannelGroups", "status": 401})));
    e2e.browser.refresh().await.unwrap();
    host_messages(&e2e, "session-expired", "session-expired").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preview_mode_reaches_every_scenario_with_no_back_end() {
    let e2e = E2e::start_with(Options { serve_api: false, ..Options::default() }).await;
    e2e.open("/channels?demo").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    e2e.find("aside.preview").await;
    // At 1280 px the panel starts folded (it would cover the form); it stays open across
    // the app's own navigation.
    e2e.click(".preview__toggle[aria-expanded=false]").await;
    e2e.find(".preview__toggle[aria-expanded=true]").await;

    e2e.select("#preview-data", "connected").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Подключён").await;
    e2e.find("a.tile[data-kind=max]").await.click().await.unwrap();
    e2e.wait_for_text("a.button--primary", "Изменить настройки").await;
    e2e.wait_for_text(".about__bot", "Магазин «Ромашка»").await;

    e2e.select("#preview-data", "error").await;
    e2e.wait_for_text(".about__state .badge", "Требует внимания").await;
    e2e.wait_for_text(".about__header .alert", "MAX больше не принимает сохранённый токен").await;

    e2e.select("#preview-data", "no_chat_bots").await;
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;

    // The fake's presets beyond the first four: MAX dropped the webhook subscription.
    e2e.select("#preview-data", "subscription_lost").await;
    e2e.wait_for_text(".about__state .badge", "Требует внимания").await;
    e2e.wait_for_text(".about__header .alert", "MAX удалил подписку на события").await;

    // Each back-end error that a read can meet shows its own message.
    let reads = [
        ("401", "Сессия истекла — войдите снова"),
        ("403", "Недостаточно прав"),
        ("500", "Сервер временно недоступен (ошибка 500)"),
        ("502", "ошибка 502"),
        ("429", "Слишком много попыток. Повторите через"),
        ("network", "Нет связи с сервером"),
        ("timeout", "Сервер не ответил вовремя"),
        ("unexpected", "Сервер ответил неожиданно"),
    ];
    for (fault, message) in reads {
        e2e.select("#preview-fault", fault).await;
        e2e.wait_for_text("main [role=alert]", message).await;
    }
    e2e.select("#preview-fault", "").await;
    e2e.wait_for_text("h1", "О канале MAX").await;

    // A slow network shows the loading state first, at the next load (switching it on
    // leaves the page as it is).
    e2e.find("#preview-slow").await.click().await.unwrap();
    e2e.find("a.back-link").await.click().await.unwrap();
    e2e.find("main [aria-busy=true]").await;
    e2e.wait_for_text("h1", "Группы каналов").await;

    // Nothing went to a server.
    let api_calls =
        e2e.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length;").await;
    assert_eq!(api_calls, 0);
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_back_end_that_stops_mid_session_and_returns() {
    let mut e2e = E2e::start().await;
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    e2e.stop_server().await;
    e2e.find("a.tile[data-kind=max]").await.click().await.unwrap();
    e2e.wait_for_text("main [role=alert]", "Нет связи с сервером").await;
    let retry = e2e.find("main [role=alert] button").await;
    assert_eq!(retry.text().await.unwrap(), "Повторить");

    e2e.restart_server().await;
    retry.click().await.unwrap();
    e2e.wait_for_text("h1", "О канале MAX").await;
    assert!(e2e.browser.find(Locator::Css("main [role=alert]")).await.is_err());
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_answer_times_out_with_its_own_message() {
    let e2e = E2e::start_with(Options { request_timeout_ms: Some(1_500), ..Options::default() }).await;
    e2e.server().state.controls().add_fault(fault(serde_json::json!({"operation": "getMaxChannel", "stall": true})));
    let started = std::time::Instant::now();
    e2e.open("/channels/max").await;
    e2e.wait_for_text("main [role=alert]", "Сервер не ответил вовремя").await;
    assert!(started.elapsed() >= Duration::from_millis(1_400), "not before the configured time-out");
    // The fault is used up: «Повторить» loads the page.
    e2e.find("main [role=alert] button").await.click().await.unwrap();
    e2e.wait_for_text("h1", "О канале MAX").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_a_page_aborts_its_fetch() {
    let e2e = E2e::start().await;
    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    let stall = fault(serde_json::json!({"operation": "getMaxChannel", "stall": true}));
    e2e.server().state.controls().add_fault(stall.clone());
    e2e.find("a.tile[data-kind=max]").await.click().await.unwrap();
    e2e.find("main [aria-busy=true]").await;
    // Left once the call is at the back end (its stall used up), not merely sent.
    waits::arrived(&e2e, &stall, "the page's load").await;
    e2e.find("a.back-link").await.click().await.unwrap();
    e2e.wait_for_path("/channels").await;
    // The server sees the client give up at once, long before the 15 s time-out.
    eventually(PATIENCE, "the fetch was not aborted", || async {
        let log = e2e.server().state.controls().requests();
        log.iter().any(|r| r.operation.as_deref() == Some("getMaxChannel") && r.status == 499)
    })
    .await;
    e2e.finish().await;
}

/// Switching the preview's account on the settings page loads that account's form: the
/// next save is based on the new account's version (issue 13: the stale form met 400/412).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preview_switch_reloads_the_settings_form() {
    let e2e = E2e::start_with(Options { serve_api: false, ..Options::default() }).await;
    e2e.open("/channels/max/settings?demo=connected").await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;
    // The connected account: its stored token's hint, no token field.
    e2e.wait_for_text(".token-stored", "…x7Qa").await;
    if e2e.is_present(".preview__toggle[aria-expanded=false]").await {
        e2e.click(".preview__toggle[aria-expanded=false]").await;
    }
    e2e.select("#preview-data", "not_connected").await;
    // The new account was never set up: the form asks for a token.
    eventually(PATIENCE, "the form of the account switched to", || async {
        !e2e.is_present(".token-stored").await && e2e.is_present(&control(FieldPath::Token)).await
    })
    .await;
    e2e.type_into(&control(FieldPath::Token), "preview-token-0001").await;
    e2e.click("label:has(#routing-group)").await;
    e2e.select(&control(FieldPath::RoutingGroup), "g-sales").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status], .save-outcome [role=alert]", "Канал MAX успешно настроен").await;
    e2e.finish().await;
}
