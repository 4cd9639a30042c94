//! The form primitives (`ui::components`) in a real browser: what a press does, and the ids
//! that tie a control to its label, help and error.

use leptos::prelude::*;
use max_channel_admin::ui::{Answer, Button, ButtonKind, Choice, ChoiceAlert, Field, RadioGroup, Switch};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::{host, ConsoleWatch};

/// Lets Leptos's effects run: they are queued as microtasks, which all run before the next
/// task (a zero-delay timeout) — a turn of the event loop, not a wait for time.
async fn effects_ran() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn attr(host: &web_sys::HtmlElement, selector: &str, name: &str) -> Option<String> {
    find(host, selector).get_attribute(name)
}

#[wasm_bindgen_test]
async fn a_blocked_button_stays_focusable_says_so_and_ignores_presses() {
    let _console = ConsoleWatch::start();
    let el = host();
    let presses = RwSignal::new(0);
    let blocked = RwSignal::new(true);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Button
                kind=ButtonKind::Primary
                class="extra"
                id="b"
                blocked=blocked
                busy=blocked
                on_press=move |()| presses.update(|n| *n += 1)
                attr:aria-expanded="false"
            >
                "Сохранить"
            </Button>
        }
    });
    let button = find(&el, "#b");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(button.class_name(), "button button--primary extra");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"), "attr: lands on the button");
    assert!(!button.has_attribute("disabled"), "focusable while blocked");
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    button.click();
    assert_eq!(presses.get_untracked(), 0, "a blocked press does nothing");
    blocked.set(false);
    effects_ran().await;
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("false"));
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("false"));
    button.click();
    assert_eq!(presses.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn a_plain_button_has_no_state_attributes_and_a_submit_button_names_its_form() {
    let _console = ConsoleWatch::start();
    let el = host();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Button kind=ButtonKind::Link id="plain">
                "Удалить"
            </Button>
            <Button kind=ButtonKind::Primary id="save" submit="the-form">
                "Сохранить"
            </Button>
        }
    });
    assert_eq!(attr(&el, "#plain", "aria-disabled"), None);
    assert_eq!(attr(&el, "#plain", "aria-busy"), None);
    assert_eq!(attr(&el, "#plain", "class").as_deref(), Some("button button--link"));
    assert_eq!(attr(&el, "#save", "type").as_deref(), Some("submit"));
    assert_eq!(attr(&el, "#save", "form").as_deref(), Some("the-form"));
}

#[wasm_bindgen_test]
async fn a_field_ties_its_control_to_its_label_help_and_error() {
    let _console = ConsoleWatch::start();
    let el = host();
    let error = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Field
                id="text".to_owned()
                label="Текст"
                help=Some("До 250 символов".to_owned())
                error=error
                described=vec!["text-count".to_owned()]
                let:control
            >
                <input id=control.id aria-invalid=control.invalid aria-describedby=control.described_by />
            </Field>
        }
    });
    assert_eq!(attr(&el, "label", "for").as_deref(), Some("text"));
    assert_eq!(find(&el, "#text-help").text_content().as_deref(), Some("До 250 символов"));
    assert_eq!(attr(&el, "#text", "aria-invalid"), None);
    assert_eq!(attr(&el, "#text", "aria-describedby").as_deref(), Some("text-help text-count"));
    assert!(el.query_selector("#text-error").unwrap().is_none());

    error.set(Some("Введите текст".into()));
    effects_ran().await;
    assert_eq!(attr(&el, "#text", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(attr(&el, "#text", "aria-describedby").as_deref(), Some("text-help text-count text-error"));
    assert_eq!(find(&el, "#text-error").text_content().as_deref(), Some("Введите текст"));

    error.set(None);
    effects_ran().await;
    assert!(el.query_selector("#text-error").unwrap().is_none(), "a mended field says nothing");
}

#[wasm_bindgen_test]
async fn a_radio_group_checks_its_place_and_reports_the_choice() {
    let _console = ConsoleWatch::start();
    let el = host();
    let selected = RwSignal::new(1_usize);
    let error = RwSignal::new(Some("Выберите".to_owned()));
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <RadioGroup
                name="kind"
                legend="Кто принимает"
                choices=vec![
                    Choice::new("Сотрудник").id("k-0").form_value("e"),
                    Choice::new("Группа").disabled(true),
                ]
                selected=selected
                on_choose=Callback::new(move |place| selected.set(place))
                id="kinds".to_owned()
                error=error
            />
        }
    });
    let radios = el.query_selector_all("input[type=radio][name=kind]").unwrap();
    assert_eq!(radios.length(), 2);
    let first: web_sys::HtmlInputElement = radios.get(0).unwrap().unchecked_into();
    let second: web_sys::HtmlInputElement = radios.get(1).unwrap().unchecked_into();
    assert!(!first.checked() && second.checked());
    assert!(second.disabled());
    assert_eq!(first.value(), "e");
    assert_eq!(attr(&el, "#kinds", "tabindex").as_deref(), Some("-1"), "the anchor of its errors");
    assert_eq!(attr(&el, "#kinds", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(attr(&el, "#kinds", "aria-describedby").as_deref(), Some("kinds-error"));
    first.click();
    effects_ran().await;
    assert_eq!(selected.get_untracked(), 0);
    assert!(first.checked() && !second.checked());
}

#[wasm_bindgen_test]
async fn a_switch_flips_and_shows_the_errors_it_anchors() {
    let _console = ConsoleWatch::start();
    let el = host();
    let on = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Switch
                id="s"
                label="Закрывать диалог"
                on=on
                on_change=Callback::new(move |now| on.set(now))
                error=error
                error_id="f-s-error".to_owned()
                anchor="s_path".to_owned()
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#s").unchecked_into();
    assert_eq!(input.get_attribute("role").as_deref(), Some("switch"));
    assert_eq!(input.get_attribute("data-error-anchor").as_deref(), Some("s_path"));
    input.click();
    effects_ran().await;
    assert!(on.get_untracked() && input.checked());
    assert_eq!(input.get_attribute("aria-invalid"), None);
    error.set(Some("Введите текст".into()));
    effects_ran().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("f-s-error"));
    assert_eq!(find(&el, "#f-s-error").text_content().as_deref(), Some("Введите текст"));
}

#[wasm_bindgen_test]
fn a_choice_alert_asks_and_each_answer_does_its_own() {
    let _console = ConsoleWatch::start();
    let el = host();
    let said = RwSignal::new(Vec::<&'static str>::new());
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        let answer = |id: &'static str, label: &str| Answer {
            id,
            label: label.to_owned(),
            on_press: Callback::new(move |()| said.update(|s| s.push(id))),
        };
        view! {
            <ChoiceAlert
                id="offer"
                first=answer("one", "Восстановить")
                second=answer("two", "Не нужно")
            >
                "Есть несохранённые изменения."
            </ChoiceAlert>
        }
    });
    assert_eq!(attr(&el, "#offer", "role").as_deref(), Some("alert"));
    assert_eq!(find(&el, "#offer .alert__text").text_content().as_deref(), Some("Есть несохранённые изменения."));
    find(&el, "#two").click();
    find(&el, "#one").click();
    assert_eq!(said.get_untracked(), vec!["two", "one"]);
}
