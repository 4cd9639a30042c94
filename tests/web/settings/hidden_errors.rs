//! Errors the back end or the rules put at a control that is hidden now: each shows at a
//! visible anchor.

use std::sync::Mutex;

use max_channel_admin::api::{ApiError, ApiFuture, Backend, Loaded, Precondition, SharedBackend};
use max_channel_admin::domain::{error_anchor, shown_controls, FallbackKind, FieldPath, RoutingKind, SettingsForm};
use max_channel_admin::i18n::{Locale, Msg};
use max_channel_admin::ui::settings::{error_id, field_id};
use max_channel_contract::{
    field_error, BotInfo, ChannelGroups, ChannelHealth, ChatBotList, EmployeePage, EmployeeQuery, FieldError,
    FieldErrorCode, GroupList, HistoryPage, HistoryQuery, MaxChannel, SettingsWrite, WorkSchedule,
};

use super::*;

/// The demo back end, except that every save is refused with a 422 of `fields`.
struct Refusing {
    demo: Arc<DemoBackend>,
    fields: Mutex<Vec<FieldError>>,
}

impl Refusing {
    fn refuse_with(&self, fields: Vec<FieldError>) {
        *self.fields.lock().unwrap() = fields;
    }
}

impl Backend for Refusing {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        self.demo.channel_groups()
    }
    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        self.demo.max_channel()
    }
    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        self.demo.settings()
    }
    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        self.demo.verify_token(token)
    }
    fn save_settings<'a>(&'a self, _: &'a SettingsWrite, _: &'a Precondition) -> ApiFuture<'a, Loaded> {
        let fields = self.fields.lock().unwrap().clone();
        Box::pin(async move { Err(ApiError::Validation(fields)) })
    }
    fn disconnect(&self) -> ApiFuture<'_, ()> {
        self.demo.disconnect()
    }
    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage> {
        self.demo.employees(query)
    }
    fn groups(&self) -> ApiFuture<'_, GroupList> {
        self.demo.groups()
    }
    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        self.demo.chat_bots()
    }
    fn health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.demo.health()
    }
    fn check_health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.demo.check_health()
    }
    fn repair_health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.demo.repair_health()
    }
    fn schedule(&self) -> ApiFuture<'_, WorkSchedule> {
        self.demo.schedule()
    }
    fn history<'a>(&'a self, query: &'a HistoryQuery) -> ApiFuture<'a, HistoryPage> {
        self.demo.history(query)
    }
}

struct Mounted {
    host: web_sys::HtmlElement,
    api: Arc<Refusing>,
    /// The form as loaded (connected: a stored token, group routing, every switch on).
    loaded: SettingsForm,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// The form of a connected account whose saves are refused with `fields`.
fn mount_refusing(fields: Vec<FieldError>) -> Mounted {
    let window = web_sys::window().unwrap();
    // A draft another test left would only offer itself, but keep the page plain.
    if let Some(storage) = window.session_storage().unwrap() {
        storage.remove_item("max-channel:draft").unwrap();
    }
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let demo = Arc::new(DemoBackend::new(Scenario { data: Preset::Connected, ..Scenario::default() }));
    let saved = demo.settings_now().unwrap();
    let loaded = SettingsForm::from_settings(&saved.as_ref().unwrap().settings);
    let api = Arc::new(Refusing { demo: demo.clone(), fields: Mutex::new(fields) });
    let shared: SharedBackend = api.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(AppContext::with_backend(RuntimeConfig::default(), shared.clone()));
        let data = SettingsData {
            channel: demo.max_channel_now(),
            saved: saved.clone(),
            groups: demo.groups_now().items,
            chat_bots: demo.chat_bots_now().items,
        };
        view! {
            <Router>
                <SettingsEditor loaded=data api=shared.clone() />
            </Router>
        }
    });
    Mounted { host, api, loaded, _handle: Box::new(handle) }
}

fn input(host: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlInputElement {
    el(host, css).unwrap_or_else(|| panic!("{css}")).unchecked_into()
}

fn by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window().unwrap().document().unwrap().get_element_by_id(id).map(|e| e.unchecked_into())
}

fn active_id() -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    document.active_element().map(|e| e.id()).unwrap_or_default()
}

/// Shown: in the page and not inside a `hidden` container.
fn visible(element: &web_sys::HtmlElement) -> bool {
    element.is_connected() && element.offset_height() > 0
}

/// Waits (up to 2 s) for `ready`; the focus moves on the next animation frame.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        tick().await;
    }
    panic!("never happened: {what}");
}

async fn save(host: &web_sys::HtmlElement) {
    el(host, "button[type=submit]").unwrap().click();
    until("the refusal is shown", || el(host, ".save-outcome .alert--danger").is_some()).await;
}

fn banner(host: &web_sys::HtmlElement) -> String {
    el(host, ".save-outcome .alert--danger").unwrap().text_content().unwrap()
}

/// The error text a control points at through `aria-describedby`, and `aria-invalid`.
fn error_of(control: &web_sys::Element) -> (Option<String>, Option<String>) {
    let text = control
        .get_attribute("aria-describedby")
        .into_iter()
        .flat_map(|ids| ids.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .filter_map(|id| by_id(&id))
        .filter(|e| e.class_name().contains("field__error"))
        .map(|e| e.text_content().unwrap_or_default())
        .next();
    (control.get_attribute("aria-invalid"), text)
}

#[wasm_bindgen_test]
async fn a_422_for_the_switched_off_closing_text_shows_at_the_switch_then_under_the_text() {
    let _console = ConsoleWatch::start();
    let page = mount_refusing(vec![field_error("closing_message.text", FieldErrorCode::TooLong)]);
    let host = &page.host;
    tick().await;
    let switch = input(host, "#closing-enabled");
    assert!(switch.checked(), "the connected account shows its closing message");
    switch.click();
    tick().await;
    let text = el(host, "#f-closing_message-text").unwrap();
    assert!(!visible(&text), "switched off, the text is hidden");

    save(host).await;
    assert_eq!(banner(host), "Исправьте 1 поле.");
    assert_eq!(
        error_of(&switch),
        (Some("true".into()), Some("Поле «Текст сообщения при закрытии»: Не больше 250 символов.".into())),
        "the switch shows the hidden text's error, naming it"
    );
    assert!(visible(&by_id("f-closing_message-enabled-error").unwrap()));
    until("the focus is on the switch", || active_id() == "closing-enabled").await;

    // On again: the error is under the text it is about, in its own words.
    switch.click();
    tick().await;
    assert!(visible(&text));
    assert_eq!(error_of(&text), (Some("true".into()), Some("Не больше 250 символов.".into())));
    assert_eq!(error_of(&switch), (None, None), "the switch no longer shows it");
    assert_eq!(banner(host), "Исправьте 1 поле.");

    // Editing the text clears its error, as ever.
    type_text(&text, "Спасибо!");
    tick().await;
    assert_eq!(error_of(&text), (None, None));
}

#[wasm_bindgen_test]
async fn a_text_too_long_says_how_much_to_cut() {
    let _console = ConsoleWatch::start();
    let page = mount_refusing(Vec::new());
    let host = &page.host;
    tick().await;
    let text = el(host, "#f-closing_message-text").unwrap();
    // 271 characters as the contract counts them: code points, after trimming.
    type_text(&text, &format!("  {}  ", "ё".repeat(271)));
    tick().await;
    save(host).await;
    assert_eq!(banner(host), "Исправьте 1 поле.");
    assert_eq!(
        error_of(&text),
        (Some("true".into()), Some("Сократите на 21 символ: можно не больше 250.".into())),
        "the person is told what to do, not left to count"
    );
    assert!(page.api.demo.settings_now().unwrap().unwrap().settings.closing_message.text.chars().count() < 250);
}

#[wasm_bindgen_test]
async fn a_422_for_the_switched_off_auto_close_period_shows_at_its_switch() {
    let _console = ConsoleWatch::start();
    let page = mount_refusing(vec![field_error("auto_close.after_minutes", FieldErrorCode::OutOfRange)]);
    let host = &page.host;
    tick().await;
    let switch = input(host, "#auto-close-enabled");
    assert!(switch.checked());
    switch.click();
    tick().await;

    save(host).await;
    assert_eq!(banner(host), "Исправьте 1 поле.");
    assert_eq!(error_of(&switch), (Some("true".into()), Some("Поле «Через»: От 5 минут до 30 дней.".into())));
    until("the focus is on the switch", || active_id() == "auto-close-enabled").await;

    switch.click();
    tick().await;
    let under = by_id("f-auto_close-after_minutes-error").expect("the error under the period");
    assert!(visible(&under));
    assert_eq!(under.text_content().unwrap(), "От 5 минут до 30 дней.");
    assert_eq!(error_of(&el(host, "#auto-close-preset").unwrap()).1.as_deref(), Some("От 5 минут до 30 дней."));
    assert_eq!(error_of(&switch), (None, None));
}

#[wasm_bindgen_test]
async fn a_422_at_a_path_the_form_does_not_know_shows_in_the_action_bar_in_the_back_ends_words() {
    let _console = ConsoleWatch::start();
    let unknown = FieldError {
        path: "schedule.time_zone".into(),
        code: FieldErrorCode::Other("unsupported".into()),
        message: "Часовой пояс не поддерживается.".into(),
    };
    let page = mount_refusing(vec![unknown]);
    let host = &page.host;
    tick().await;
    let anchor = el(host, ".save-outcome #f-form").expect("the whole form's anchor");
    assert_eq!(error_of(&anchor), (None, None), "nothing before a refusal");

    save(host).await;
    assert_eq!(banner(host), "Исправьте 1 поле.");
    assert_eq!(error_of(&anchor), (Some("true".into()), Some("Часовой пояс не поддерживается.".into())));
    assert!(visible(&by_id("f-form-error").unwrap()));
    until("the focus is on the form's anchor", || active_id() == "f-form").await;
}

#[wasm_bindgen_test]
async fn a_422_for_the_stored_token_opens_the_token_field() {
    let _console = ConsoleWatch::start();
    let page = mount_refusing(vec![field_error("token", FieldErrorCode::TokenInvalid)]);
    let host = &page.host;
    tick().await;
    assert!(el(host, "#f-token").is_none(), "a connected channel keeps its token field closed");

    save(host).await;
    let token = el(host, "#f-token").expect("the field opens for its error");
    assert_eq!(error_of(&token).0.as_deref(), Some("true"));
    assert!(error_of(&token).1.unwrap().starts_with("MAX не принял токен"));
    assert_eq!(el(host, "#token-replace").unwrap().get_attribute("aria-expanded").as_deref(), Some("true"));
    until("the focus is on the token", || active_id() == "f-token").await;
}

#[wasm_bindgen_test]
async fn errors_of_another_routing_and_of_a_missing_row_follow_the_choice() {
    let _console = ConsoleWatch::start();
    let page = mount_refusing(vec![
        field_error("routing.employee_id", FieldErrorCode::Required),
        field_error("auto_replies[5].text", FieldErrorCode::Required),
    ]);
    let host = &page.host;
    tick().await;
    assert!(input(host, "#routing-group").checked());

    save(host).await;
    assert_eq!(banner(host), "Исправьте 2 поля.");
    let routing = el(host, "#f-routing-type").unwrap();
    assert_eq!(error_of(&routing), (Some("true".into()), Some("Поле «Сотрудник»: Выберите сотрудника.".into())));
    until("the focus is on the routing choice", || active_id() == "f-routing-type").await;
    let list = by_id(&error_id("auto_replies")).expect("the list shows its missing row's error");
    assert_eq!(list.text_content().unwrap(), "Поле «Автоответ 6 — Текст сообщения»: Введите текст сообщения.");

    input(host, "#routing-employee").click();
    tick().await;
    let picker = el(host, "#f-routing-employee_id").unwrap();
    assert_eq!(error_of(&picker), (Some("true".into()), Some("Выберите сотрудника.".into())));
    assert_eq!(error_of(&routing), (None, None));
}

/// Every path the form knows (rows 0, 1 and 7), and one it does not, refused at once:
/// each error is visible at the control `domain::error_anchor` names, with the form as
/// loaded and with every switch and choice turned the other way.
#[wasm_bindgen_test]
async fn every_path_shows_at_a_visible_anchor_however_the_form_is_switched() {
    let _console = ConsoleWatch::start();
    let mut paths: Vec<String> = FieldPath::rendered()
        .flat_map(|p| ["0", "1", "7"].map(|i| p.to_string().replace("[0]", &format!("[{i}]"))))
        .collect();
    paths.dedup();
    paths.push("schedule.time_zone".into());
    let refusal: Vec<FieldError> = paths.iter().map(|p| field_error(p.as_str(), FieldErrorCode::Required)).collect();
    let page = mount_refusing(refusal);
    let host = &page.host;
    tick().await;
    let mut form = page.loaded.clone();
    check_every_anchor(host, &form, &paths).await;

    // Every switch and choice the other way; the refusal stays the same.
    input(host, "#closing-enabled").click();
    input(host, "#auto-close-enabled").click();
    input(host, "#nwh-chat-bot").click();
    input(host, "#routing-chat_bot").click();
    tick().await;
    input(host, "#fallback-group").click();
    input(host, "input[name=f-auto_replies-1-repeat]").click();
    tick().await;
    // What the chat-bots need chosen, or the form itself refuses before sending.
    for select in ["#f-routing-chat_bot_id", "#f-routing-fallback-group_id", "#f-non_working_hours-chat_bot_id"] {
        pick_first(host, select);
    }
    tick().await;
    form.closing_enabled = false;
    form.auto_close.enabled = false;
    form.set_non_working_chat_bot(true);
    form.routing.kind = RoutingKind::ChatBot;
    form.routing.fallback = Some(FallbackKind::Group);
    form.replies[1].repeat_every = false;
    page.api.refuse_with(paths.iter().map(|p| field_error(p.as_str(), FieldErrorCode::Required)).collect());
    check_every_anchor(host, &form, &paths).await;
}

/// Chooses the first real option of a select, as a person would.
fn pick_first(host: &web_sys::HtmlElement, css: &str) {
    let select: web_sys::HtmlSelectElement = el(host, css).unwrap_or_else(|| panic!("{css}")).unchecked_into();
    select.set_selected_index(1);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

async fn check_every_anchor(host: &web_sys::HtmlElement, form: &SettingsForm, paths: &[String]) {
    save(host).await;
    tick().await;
    let fields = max_channel_admin::i18n::count(Locale::Ru, Msg::UnitField, paths.len() as u64);
    assert_eq!(banner(host), format!("Исправьте {fields}."));
    for anchor in shown_controls(form) {
        let control = by_id(&field_id(&anchor))
            .or_else(|| el(host, &format!("[data-error-anchor=\"{anchor}\"]")))
            .unwrap_or_else(|| panic!("{anchor} is rendered"));
        assert!(visible(&control), "{anchor} is visible");
    }
    for path in paths {
        let anchor = error_anchor(path, form);
        let text = by_id(&error_id(&anchor)).unwrap_or_else(|| panic!("{path}: no error text at {anchor}"));
        assert!(visible(&text), "{path}: the error text at {anchor} is visible");
    }
    until("the focus is on the first error's control", || active_id() == "f-token").await;
}
