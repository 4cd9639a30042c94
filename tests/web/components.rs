//! Components in a real browser (wasm-bindgen-test, headless Chromium).

use leptos::prelude::*;
use max_channel_admin::api::ApiError;
use max_channel_admin::i18n::{Locale, Tr};
use max_channel_admin::ui::{ErrorPanel, StateBadge};
use max_channel_contract::ChannelState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::{host, ConsoleWatch};

#[wasm_bindgen_test]
fn the_state_badge_reads_each_state() {
    let _console = ConsoleWatch::start();
    let cases = [
        (ChannelState::NotConnected, "Не подключён", "badge--neutral"),
        (ChannelState::TokenAuthorized, "Токен авторизован", "badge--info"),
        (ChannelState::Connected, "Подключён", "badge--success"),
        (ChannelState::Error, "Требует внимания", "badge--danger"),
    ];
    for (state, label, class) in cases {
        let el = host();
        let _handle = leptos::mount::mount_to(el.clone(), move || {
            view! { <StateBadge state=state.clone() tr=Tr(Locale::Ru) /> }
        });
        let badge = el.query_selector(".badge").unwrap().expect("a badge");
        assert_eq!(badge.text_content().unwrap().trim(), label);
        assert!(badge.class_list().contains(class), "{label}: {}", badge.class_name());
    }
}

#[wasm_bindgen_test]
fn the_error_panel_retries_only_what_can_succeed_again() {
    let _console = ConsoleWatch::start();
    let el = host();
    let retries = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <ErrorPanel error=ApiError::Network tr=Tr(Locale::Ru) on_retry=move |_| retries.update(|n| *n += 1) /> }
    });
    let alert = el.query_selector("[role=alert]").unwrap().expect("an alert");
    assert!(alert.text_content().unwrap().contains("Нет связи с сервером"));
    let button: web_sys::HtmlElement = el.query_selector("button").unwrap().expect("«Повторить»").unchecked_into();
    assert_eq!(button.text_content().unwrap().trim(), "Повторить");
    button.click();
    button.click();
    assert_eq!(retries.get_untracked(), 2);

    let el = host();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <ErrorPanel error=ApiError::BadRequest("bad".into()) tr=Tr(Locale::Ru) on_retry=|_| () /> }
    });
    assert!(el.text_content().unwrap().contains("Сервер не принял запрос"));
    assert!(el.query_selector("button").unwrap().is_none(), "the same malformed request cannot succeed again");
}

#[wasm_bindgen_test]
fn a_broken_configuration_explains_itself_instead_of_a_blank_page() {
    let _console = ConsoleWatch::start();
    let document = web_sys::window().unwrap().document().unwrap();
    let script = document.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_id(max_channel_admin::config::CONFIG_ELEMENT_ID);
    script.set_text_content(Some(r#"{"api_base": "/api/v1", "request_timeout_ms": 0}"#));
    document.head().unwrap().append_child(&script).unwrap();
    let el = host();
    let _handle = leptos::mount::mount_to(el.clone(), max_channel_admin::ui::Root);
    let alert = el.query_selector("[role=alert]").unwrap().expect("an explanation");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Приложение не может запуститься"), "{text}");
    assert!(text.contains("request_timeout_ms"), "{text}");
    script.remove();
}

/// The oracle itself: what it must catch, each named, and what it lets pass.
#[wasm_bindgen_test]
async fn the_console_watch_names_what_went_wrong() {
    let console = ConsoleWatch::start();
    let window = web_sys::window().unwrap();
    let _unhandled = js_sys::Promise::reject(&js_sys::Error::new("nobody caught me").into());
    let error = js_sys::Function::new_no_args("window.dispatchEvent(new ErrorEvent('error', { message: 'kaboom' }))");
    error.call0(&window).unwrap();
    web_sys::console::error_1(&"panicked at src/ui/x.rs:1:1: disposed".into());
    web_sys::console::error_1(&"max-channel: unexpected answer of getMaxChannel: HTTP 502".into());
    let csp = js_sys::Function::new_no_args(
        "const e = new Event('securitypolicyviolation'); e.violatedDirective = 'script-src'; e.blockedURI = 'eval'; window.dispatchEvent(e)",
    );
    csp.call0(&window).unwrap();
    sleep_ms(100).await;
    let seen = console.take();
    let said = |part: &str| seen.iter().any(|s| s.contains(part));
    assert!(said("Unhandled Promise Rejection: nobody caught me"), "{seen:?}");
    assert!(said("Uncaught error: kaboom"), "{seen:?}");
    assert!(said("console.error: panicked at src/ui/x.rs"), "{seen:?}");
    assert!(said("Content Security Policy violation: script-src blocked eval"), "{seen:?}");
    assert_eq!(seen.len(), 4, "a failed request's own log line is allowed: {seen:?}");
    console.finish().await;
}

async fn sleep_ms(ms: i32) {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
}

/// The HTTP client sends the CSRF header on exactly the calls the contract says change
/// state (`Operation::needs_csrf`), each with its method — the fetch is caught in the page.
#[wasm_bindgen_test]
async fn every_operation_sends_csrf_exactly_when_the_contract_says() {
    use max_channel_admin::api::{Backend, ChannelInsights, HttpClient, Precondition};
    use max_channel_admin::config::RuntimeConfig;
    use max_channel_contract::{EmployeeQuery, HistoryQuery, Operation, SettingsWrite, SourceDays, CSRF_HEADER};
    // An id with what a path must not hold raw: it arrives percent-encoded.
    const TEST_ID: &str = "dt-7f3k/2q 9";

    let console = ConsoleWatch::start();
    let window = web_sys::window().unwrap();
    let fetch = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
    let catch = js_sys::Function::new_no_args(&format!(
        "window.__seen = []; return function (request) {{ \
           window.__seen.push([request.method, new URL(request.url).pathname, request.headers.get('{CSRF_HEADER}')]); \
           return Promise.resolve(new Response('{{}}', {{ status: 503 }})); }}"
    ));
    let stub = catch.call0(&window).unwrap();
    js_sys::Reflect::set(&window, &"fetch".into(), &stub).unwrap();
    let config = RuntimeConfig::parse(None, Some("csrf-7Qa1".into())).unwrap();
    let client = HttpClient::new(&config);
    let write = SettingsWrite { token: None, settings: max_channel_fake::samples::settings(), restored_from: None };
    for operation in Operation::ALL {
        // Exhaustive: a new operation does not compile until it is listed here.
        let _ = match operation {
            Operation::ListChannelGroups => client.channel_groups().await.map(drop),
            Operation::GetMaxChannel => client.max_channel().await.map(drop),
            Operation::GetMaxSettings => client.settings().await.map(drop),
            Operation::VerifyMaxToken => client.verify_token("token-7Qa1").await.map(drop),
            Operation::PutMaxSettings => client.save_settings(&write, &Precondition::Create).await.map(drop),
            Operation::DisconnectMax => client.disconnect().await,
            Operation::ListEmployees => client.employees(&EmployeeQuery::default()).await.map(drop),
            Operation::ListGroups => client.groups().await.map(drop),
            Operation::ListChatBots => client.chat_bots().await.map(drop),
            Operation::GetMaxHealth => client.health().await.map(drop),
            Operation::CheckMaxHealth => client.check_health().await.map(drop),
            Operation::RepairMaxHealth => client.repair_health().await.map(drop),
            Operation::GetSchedule => client.schedule().await.map(drop),
            Operation::ListMaxSettingsHistory => client.history(&HistoryQuery::default()).await.map(drop),
            Operation::StartMaxDeliveryTest => client.start_delivery_test().await.map(drop),
            Operation::GetMaxDeliveryTest => client.delivery_test(TEST_ID).await.map(drop),
            Operation::GetMaxSources => client.sources(SourceDays::Week).await.map(drop),
        };
    }
    js_sys::Reflect::set(&window, &"fetch".into(), &fetch).unwrap();
    let seen = js_sys::Reflect::get(&window, &"__seen".into()).unwrap();
    let seen: js_sys::Array = seen.unchecked_into();
    assert_eq!(seen.length() as usize, Operation::ALL.len(), "one request per operation");
    for (operation, request) in Operation::ALL.into_iter().zip(seen.iter()) {
        let request: js_sys::Array = request.unchecked_into();
        let method = request.get(0).as_string().unwrap();
        let path = request.get(1).as_string().unwrap();
        let csrf = request.get(2).as_string();
        assert_eq!(method, operation.method(), "{}", operation.name());
        assert!(path.ends_with(&operation.path_for(TEST_ID)), "{}: {path}", operation.name());
        assert_eq!(csrf.is_some(), operation.needs_csrf(), "{}: CSRF header {csrf:?}", operation.name());
        if let Some(csrf) = csrf {
            assert_eq!(csrf, config.csrf_token, "{}", operation.name());
        }
    }
    console.finish().await;
}
