//! The settings form's list editor and the non-working-hours exclusion, in a real browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use max_channel_admin::api::demo::{DemoBackend, Preset, Scenario};
use max_channel_admin::config::RuntimeConfig;
use max_channel_admin::ui::settings::{SettingsData, SettingsEditor};
use max_channel_admin::ui::AppContext;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::ConsoleWatch;

/// Lets the reactive system and the DOM catch up.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The form for a not-connected account, mounted in a fresh element.
fn mount_form() -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let demo = Arc::new(DemoBackend::new(Scenario { data: Preset::NotConnected, ..Scenario::default() }));
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let app = AppContext::with_backend(RuntimeConfig::default(), demo.clone());
        provide_context(app);
        let loaded = SettingsData {
            channel: demo.max_channel_now(),
            saved: None,
            groups: demo.groups_now().items,
            chat_bots: demo.chat_bots_now().items,
        };
        view! {
            <Router>
                <SettingsEditor loaded=loaded api=demo.clone() />
            </Router>
        }
    });
    (host, handle)
}

fn el(host: &web_sys::HtmlElement, css: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(css).unwrap().map(|e| e.unchecked_into())
}

fn count(host: &web_sys::HtmlElement, css: &str) -> u32 {
    host.query_selector_all(css).unwrap().length()
}

fn type_text(area: &web_sys::HtmlElement, text: &str) {
    let area: web_sys::HtmlTextAreaElement = area.clone().unchecked_into();
    area.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_list_editor_adds_counts_and_removes_rows_up_to_ten() {
    // Fails the test on a panic, an uncaught error or a CSP violation in the page.
    let _console = ConsoleWatch::start();
    let (host, _handle) = mount_form();
    tick().await;
    let add = el(&host, "#f-auto_replies-add").expect("«Добавить автоответ»");
    for _ in 0..12 {
        add.click();
        tick().await;
    }
    assert_eq!(count(&host, "#section-replies .reply"), 10, "at most 10 rows");
    assert_eq!(add.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(host.text_content().unwrap().contains("Можно добавить не больше 10 автоответов."));

    // The counter counts code points after trimming, live.
    let third = el(&host, "#f-auto_replies-2-text").unwrap();
    type_text(&third, "  Привет, 👨‍👩‍👧!  ");
    tick().await;
    assert_eq!(el(&host, "#f-auto_replies-2-text-count").unwrap().text_content().unwrap(), "14 / 250");

    // Removing the second row moves the third up, text and all.
    let remove = host.query_selector_all("#section-replies .reply .button--link").unwrap().item(1).unwrap();
    remove.unchecked_into::<web_sys::HtmlElement>().click();
    tick().await;
    assert_eq!(count(&host, "#section-replies .reply"), 9);
    let moved: web_sys::HtmlTextAreaElement = el(&host, "#f-auto_replies-1-text").unwrap().unchecked_into();
    assert_eq!(moved.value(), "  Привет, 👨‍👩‍👧!  ");
    assert_eq!(el(&host, "#f-auto_replies-add").unwrap().get_attribute("aria-disabled").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn non_working_hours_never_keep_both_switches_on_and_say_so() {
    let _console = ConsoleWatch::start();
    let (host, _handle) = mount_form();
    tick().await;
    let chat_bot: web_sys::HtmlInputElement = el(&host, "#nwh-chat-bot").unwrap().unchecked_into();
    let replies: web_sys::HtmlInputElement = el(&host, "#nwh-replies").unwrap().unchecked_into();

    replies.click();
    tick().await;
    assert!(replies.checked());
    assert_eq!(count(&host, "#section-non-working .reply"), 1, "a first row to fill");

    chat_bot.click();
    tick().await;
    assert!(chat_bot.checked() && !replies.checked(), "turning the chat-bot on turns the replies off");
    assert!(el(&host, "#nwh-notice")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Автоответы в нерабочее время выключены"));
    assert!(el(&host, "#f-non_working_hours-chat_bot_id").is_some(), "the chat-bot select shows");

    replies.click();
    tick().await;
    assert!(replies.checked() && !chat_bot.checked(), "and the other way round");
    assert!(el(&host, "#nwh-notice").unwrap().text_content().unwrap().contains("Чат-бот в нерабочее время выключен"));
    assert_eq!(count(&host, "#section-non-working .reply"), 1, "the rows were kept while off");
}

/// Issue 13: a server field error always reaches a visible control, whatever the form
/// shows — the switch of a hidden section, the choice of a hidden routing, the list of a
/// missing row, the action bar for a path the form does not know.
mod hidden_errors;
