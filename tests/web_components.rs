//! Components in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use max_channel_admin::api::ApiError;
use max_channel_admin::i18n::{Locale, Tr};
use max_channel_admin::ui::{ErrorPanel, StateBadge};
use max_channel_contract::ChannelState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount into.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

#[wasm_bindgen_test]
fn the_state_badge_reads_each_state() {
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
