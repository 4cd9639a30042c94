//! End to end, hostile data and the token's secrecy: names and URLs from the back end that
//! carry markup stay text and never become links or scripts; the MAX token never leaves
//! its input — not to storage, cookies, the URL, history, the console or the page.

use fantoccini::Locator;
use max_channel_contract::{ClosingMessage, NonWorkingHours, Routing, Settings};
use max_channel_devserver::SeedKind;
use max_channel_fake::directory::HOSTILE_NAMES;
use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::{fault, E2e, Options};

/// Everything on the page that markup from the back end could have turned into code: event
/// handler attributes, scripts mentioning `alert`, links to anything but http(s), the
/// elements the hostile names would create. Empty when the page is clean.
const INJECTED: &str = r#"
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (a.name.startsWith('on')) found.push(el.tagName + '[' + a.name + ']');
            if (/^\s*(javascript|data|vbscript):/i.test(a.value) && a.name !== 'value') found.push(el.tagName + '[' + a.name + '=' + a.value + ']');
        }
    }
    for (const s of document.scripts) if (s.textContent.includes('alert')) found.push('script: ' + s.textContent.slice(0, 60));
    for (const a of document.querySelectorAll('a[href]')) if (!['http:', 'https:'].includes(a.protocol)) found.push('link: ' + a.href);
    for (const el of document.querySelectorAll('img[src="x"], svg, iframe, object, embed')) found.push('element: ' + el.outerHTML.slice(0, 60));
    return found;
"#;

async fn assert_clean(e2e: &E2e, page: &str) {
    let found = e2e.js(INJECTED).await;
    assert_eq!(found, json!([]), "{page}: markup from the back end became code");
    let dialog = e2e.browser.get_alert_text().await;
    assert!(dialog.is_err(), "{page}: a dialog opened: {dialog:?}");
}

/// Saved settings that show every hostile name: a hostile group, a hostile chat-bot at
/// night, and texts with markup of their own.
fn hostile_settings() -> Settings {
    Settings {
        routing: Routing::Group { group_id: samples::groups()[0].id.clone() },
        closing_message: ClosingMessage { enabled: true, text: HOSTILE_NAMES[1].into() },
        non_working_hours: NonWorkingHours::ChatBot { chat_bot_id: samples::chat_bots()[1].id.clone() },
        ..samples::settings()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_names_and_urls_stay_text_by_the_apps_own_escaping() {
    // Without the CSP, so what is proven is the app's own escaping.
    hostile_names_and_urls(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_names_and_urls_stay_text_under_the_csp() {
    hostile_names_and_urls(true).await;
}

async fn hostile_names_and_urls(csp: bool) {
    // Any dialog fails the next WebDriver command ("ignore" leaves it open).
    let e2e = E2e::start_with(Options { seed: SeedKind::Hostile, csp, prompts: "ignore", ..Default::default() }).await;
    e2e.save_settings(hostile_settings(), None);

    e2e.open("/channels").await;
    e2e.find("[data-kind=max]").await;
    assert_clean(&e2e, "Группы каналов").await;

    // «О канале»: the guide URL is `javascript:`; it is shown, never linked.
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".unsafe-link", "javascript:alert(1)").await;
    assert_clean(&e2e, "О канале").await;

    // The settings: hostile group, chat-bot and texts, the data: and JavaScript: URLs.
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#distribution", "data:text/html").await;
    let group_options = e2e.text_content(&control(FieldPath::RoutingGroup)).await;
    assert!(group_options.contains(HOSTILE_NAMES[0]) && group_options.contains(HOSTILE_NAMES[1]), "{group_options}");
    let closing = e2e.find(&control(FieldPath::ClosingText)).await.prop("value").await.unwrap();
    assert_eq!(closing.as_deref(), Some(HOSTILE_NAMES[1]), "a text with markup stays the text");
    let nwh = e2e.text_content("#section-non-working").await;
    assert!(nwh.contains(HOSTILE_NAMES[2]) && nwh.contains("JavaScript:alert(document.domain)"), "{nwh}");
    e2e.select(&control(FieldPath::RoutingGroup), &samples::groups()[2].id).await;
    e2e.wait_for_text("#distribution", "<b>bold</b>").await; // an unknown rule, as is
    assert_clean(&e2e, "settings").await;

    // Chat-bots and employees with markup in their names.
    e2e.click("label:has(#routing-chat_bot)").await;
    let bots = e2e.text_content(&control(FieldPath::RoutingChatBot)).await;
    assert!(bots.contains(HOSTILE_NAMES[1]), "{bots}");
    e2e.click("label:has(#routing-employee)").await;
    e2e.type_into(&control(FieldPath::RoutingEmployee), "alert(").await;
    for name in HOSTILE_NAMES {
        e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), name).await;
    }
    assert_clean(&e2e, "employee search").await;
    e2e.finish().await;
}

/// The token of this test; the middle part is what is searched for (the stored-token hint
/// shows the last four characters, on purpose).
const SECRET: &str = "Zq7W9xK2mP4vL8nR";

/// Every place the token must not reach, as `where: text`, read by a script in the page.
const PLACES: &str = r#"
    const places = [];
    for (const store of [localStorage, sessionStorage]) {
        for (let i = 0; i < store.length; i++) places.push('storage ' + store.key(i) + ': ' + store.getItem(store.key(i)));
    }
    places.push('cookies: ' + document.cookie);
    places.push('url: ' + location.href);
    places.push('history.state: ' + JSON.stringify(history.state));
    if (window.navigation) for (const e of navigation.entries()) places.push('history entry: ' + e.url + ' ' + JSON.stringify(e.getState()));
    places.push('referrer: ' + document.referrer);
    places.push('name: ' + window.name);
    const token = document.querySelector(arguments[0]);
    places.push('page: ' + document.documentElement.outerHTML);
    for (const field of document.querySelectorAll('input, textarea, select')) {
        if (field !== token) places.push('field ' + field.id + ': ' + field.value);
    }
    return places;
"#;

/// Returns the console messages it scanned.
async fn assert_nowhere(e2e: &E2e, moment: &str) -> Vec<String> {
    let token_field = serde_json::json!(control(FieldPath::Token));
    let places = e2e.browser.execute(PLACES, vec![token_field]).await.expect("the places script");
    let leaks: Vec<&str> = places
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.contains(SECRET))
        .map(|p| p.get(..80).unwrap_or(p))
        .collect();
    assert!(leaks.is_empty(), "{moment}: the token is in {leaks:?}");
    // The token field keeps it while the person works (the one place it belongs).
    let console = e2e.console_messages().await;
    assert!(!console.iter().any(|m| m.contains(SECRET)), "{moment}: the token is in the console: {console:?}");
    console
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_leaves_its_input() {
    let e2e = E2e::start().await;
    let token = format!("tok-{SECRET}-end1");
    let controls = || e2e.server().state.controls();
    e2e.open("/channels/max/settings").await;

    // Typed and checked.
    e2e.type_into(&control(FieldPath::Token), &token).await;
    e2e.click("#token-check").await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;
    let _ = assert_nowhere(&e2e, "after the check").await;

    // The check fails in every way the console might be told about.
    for spec in [
        json!({"operation": "verifyMaxToken", "status": 422, "body": {"error": {"code": "token_invalid", "message": "MAX не принял токен."}}}),
        json!({"operation": "verifyMaxToken", "status": 500, "raw": "<html>oops</html>"}),
        json!({"operation": "verifyMaxToken", "malformed": true}),
        json!({"operation": "verifyMaxToken", "status": 401}),
    ] {
        controls().add_fault(fault(spec));
        e2e.click("#token-check").await;
        e2e.find("#token-check-error").await;
    }
    let console = assert_nowhere(&e2e, "after failed checks").await;
    // The scan does see the console: the unexpected answers were logged there.
    assert!(console.iter().any(|m| m.contains("max-channel: HTTP")), "{console:?}");

    // A save that fails (the server, then an unexpected answer), then a reload: the draft
    // comes back without the token.
    e2e.click("label:has(#routing-group)").await;
    e2e.select(&control(FieldPath::RoutingGroup), "g-sales").await;
    controls().add_fault(fault(json!({"operation": "putMaxSettings", "status": 500})));
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=alert]", "ошибка 500").await;
    controls().add_fault(fault(
        json!({"operation": "putMaxSettings", "status": 200, "raw": "{not json", "content_type": "application/json"}),
    ));
    e2e.click(".save-outcome .retry").await;
    e2e.wait_for_text(".save-outcome [role=alert]", "Сервер ответил неожиданно").await;
    let _ = assert_nowhere(&e2e, "after failed saves").await;
    e2e.browser.refresh().await.unwrap();
    e2e.find("#draft-offer").await;
    let _ = assert_nowhere(&e2e, "after a reload").await;
    e2e.click("#draft-restore").await;

    // Saved for real: the page shows the hint, never the token.
    e2e.type_into(&control(FieldPath::Token), &token).await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    e2e.wait_for_text(".token-stored", "…end1").await;
    let _ = assert_nowhere(&e2e, "after the save").await;
    assert!(
        e2e.browser.find(Locator::Css(&control(FieldPath::Token))).await.is_err(),
        "the stored token is not put back in a field"
    );

    // The session expires mid-work: nothing of it lands anywhere either.
    controls().add_fault(fault(json!({"operation": "getMaxChannel", "status": 401})));
    e2e.open("/channels/max").await;
    e2e.wait_for_text("main [role=alert]", "Сессия истекла").await;
    let _ = assert_nowhere(&e2e, "after the session expired").await;
    e2e.finish().await;
}
