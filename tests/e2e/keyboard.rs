//! A whole first connection with the keyboard only: Tab, Shift+Tab, Enter, Space, arrows
//! and Esc, never a click. Every Tab stop must show its focus; after each navigation the
//! focus is on the new page's heading; dialogs keep the focus inside and give it back to
//! the button that opened them.

use fantoccini::key::Key;
use max_channel_contract::Routing;

use crate::support::controls::*;
use crate::support::{eventually, fault, E2e, PATIENCE};

/// Tab stops to try before a target counts as unreachable.
const FAR: usize = 60;

/// Tabs (and Shift+Tabs) around an open dialog: the focus never leaves it.
async fn assert_focus_trapped(e2e: &E2e, dialog: &str) {
    // The dialog itself counts: WebKit moves Shift+Tab from its first control onto it.
    let inside = format!("#{dialog}, #{dialog} *");
    for back in [false, true] {
        for _ in 0..5 {
            if back {
                e2e.chord(&[Key::Shift], Key::Tab).await;
            } else {
                e2e.press(Key::Tab).await;
            }
            assert!(
                e2e.focus_is(&inside).await,
                "{} left the open #{dialog}: focus is on {}",
                if back { "Shift+Tab" } else { "Tab" },
                e2e.focused().await
            );
        }
    }
}

/// Enter on the focused button opens `dialog`.
async fn enter_opens(e2e: &E2e, dialog: &str) {
    e2e.press(Key::Enter).await;
    let what = format!("Enter never opened #{dialog}");
    eventually(PATIENCE, &what, || e2e.dialog_open(dialog)).await;
}

/// The open dialog keeps the focus; Esc closes it and gives the focus back to `opener`.
async fn trapped_until_escape(e2e: &E2e, dialog: &str, opener: &str) {
    assert_focus_trapped(e2e, dialog).await;
    e2e.press(Key::Escape).await;
    assert!(!e2e.dialog_open(dialog).await, "Esc closes #{dialog}");
    e2e.wait_for_focus(opener).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_connection_with_the_keyboard_only() {
    first_connection(1280, 800).await;
}

/// The same on a phone-sized window, where the action bar takes more of the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_connection_with_the_keyboard_only_at_360_px() {
    first_connection(360, 740).await;
}

async fn first_connection(width: u32, height: u32) {
    let e2e = E2e::start().await;
    if !e2e.try_viewport(width, height).await {
        return e2e.finish().await;
    }

    // «Группы каналов» → the Max tile.
    e2e.open("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    e2e.tab_to("a.tile[data-kind=max]", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_path("/channels/max").await;
    e2e.wait_for_focus("main h1").await;
    e2e.assert_focus_visible().await;
    assert_eq!(e2e.js("return document.title").await, "О канале · Канал MAX — Манго Диалоги", "the tab names the page");

    // «О канале» → «Настроить и подключить».
    e2e.tab_to("main a.button--primary", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_path("/channels/max/settings").await;
    e2e.wait_for_focus("main h1").await;
    e2e.assert_focus_visible().await;
    assert_eq!(e2e.js("return document.title").await, "Подключение и настройки канала MAX · Канал MAX — Манго Диалоги");
    e2e.find(&control(FieldPath::Token)).await;

    // The token: typed, shown and hidden again (Shift+Tab back to the toggle), checked.
    e2e.tab_to(&control(FieldPath::Token), false, FAR).await;
    e2e.type_keys("keyboard-token-2024").await;
    e2e.tab_to("#token-check", false, 5).await;
    e2e.tab_to("#section-token button[aria-pressed]", true, 5).await;
    e2e.press(Key::Space).await;
    assert_eq!(
        e2e.js(&format!("return document.querySelector('{}').type", control(FieldPath::Token))).await,
        "text",
        "Space on the toggle shows the token"
    );
    e2e.press(Key::Space).await;
    assert_eq!(
        e2e.js(&format!("return document.querySelector('{}').type", control(FieldPath::Token))).await,
        "password"
    );
    e2e.tab_to("#token-check", false, 5).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;

    // Who takes the dialogs: arrows move along the radio group and back.
    e2e.tab_to("input[name=routing-kind]:checked", false, FAR).await;
    assert!(e2e.focus_is("#routing-employee").await, "the employee is the default");
    e2e.press(Key::Right).await;
    assert!(e2e.focus_is("#routing-group:checked").await, "Right arrow picks «Группа»: {}", e2e.focused().await);
    e2e.find(&control(FieldPath::RoutingGroup)).await;
    e2e.press(Key::Left).await;
    assert!(e2e.focus_is("#routing-employee:checked").await, "Left arrow picks «Сотрудник» again");

    // The employee picker: type, Down to the second result, Enter.
    let picker = control(FieldPath::RoutingEmployee);
    e2e.tab_to(&picker, false, 5).await;
    e2e.type_keys("ова").await;
    e2e.find(&employee_options()).await;
    e2e.press(Key::Escape).await;
    assert_eq!(
        e2e.js(&format!("return document.querySelector('{picker}').getAttribute('aria-expanded')")).await,
        "false",
        "Esc closes the list"
    );
    let expanded = format!("return document.querySelector('{picker}').getAttribute('aria-expanded') === 'true'");
    e2e.press(Key::Down).await;
    eventually(PATIENCE, "Down never opened the list again", || async { e2e.js(&expanded).await == true }).await;
    e2e.press(Key::Down).await;
    e2e.press(Key::Down).await;
    // The option Down highlighted (aria-activedescendant) is the one Enter picks.
    let active = format!(
        "const id = document.querySelector('{picker}').getAttribute('aria-activedescendant'); \
         return id ? document.getElementById(id).textContent : null;"
    );
    let highlighted = e2e.js(&active).await.as_str().expect("an option highlighted by Down").to_owned();
    e2e.press(Key::Enter).await;
    let chosen = e2e.value_of(&control(FieldPath::RoutingEmployee)).await;
    assert!(
        !chosen.is_empty() && highlighted.contains(chosen.trim()),
        "Enter picks the highlighted «{highlighted}», the input reads «{chosen}»"
    );
    assert_eq!(e2e.js(&expanded).await, false, "Enter closes the list");

    // The closing message: Space on the switch, then the text.
    e2e.tab_to("#closing-enabled", false, FAR).await;
    e2e.press(Key::Space).await;
    assert_eq!(e2e.js("return document.getElementById('closing-enabled').checked").await, true);
    e2e.tab_to(&control(FieldPath::ClosingText), false, 5).await;
    e2e.type_keys("Спасибо, что написали!").await;

    // An auto-reply: Enter on «Добавить автоответ», then its text.
    e2e.tab_to(&part(FieldPath::Replies(ReplyList::Working), "add"), true, FAR).await;
    e2e.press(Key::Enter).await;
    // The new row's text has the focus already.
    e2e.wait_for_focus(&control(reply(0, ReplyField::Text))).await;
    e2e.assert_focus_visible().await;
    e2e.type_keys("Мы ответим в течение минуты.").await;

    // Auto-close: Space on the switch, Down arrow on the period.
    e2e.tab_to("#auto-close-enabled", false, FAR).await;
    e2e.press(Key::Space).await;
    e2e.tab_to("#auto-close-preset", false, 5).await;
    let before = e2e.value_of("#auto-close-preset").await;
    e2e.press(Key::Down).await;
    let after = e2e.value_of("#auto-close-preset").await;
    assert_ne!(before, after, "Down arrow changes the period");

    // «Сохранить» with Enter.
    e2e.tab_to("button[type=submit]", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    let saved = e2e.server().state.fake().account().settings.clone().expect("saved").settings;
    let Routing::Employee { employee_id } = &saved.routing else { panic!("routing: {:?}", saved.routing) };
    let picked = e2e.server().state.fake().directory.employee(employee_id).expect("a real employee").name.clone();
    assert!(chosen.contains(&picked), "the saved employee «{picked}» is the one picked with Enter («{chosen}»)");
    assert_eq!(saved.closing_message.text, "Спасибо, что написали!");
    assert_eq!(saved.auto_replies[0].text, "Мы ответим в течение минуты.");
    assert!(saved.auto_close.enabled);
    assert_eq!(
        e2e.server().state.fake().account().token.as_deref(),
        Some("keyboard-token-2024"),
        "connected with the typed token"
    );

    // «Отключить канал»: the dialog keeps the focus; Esc closes it and gives it back.
    e2e.tab_to(".button--danger-outline", false, FAR).await;
    enter_opens(&e2e, "disconnect-dialog").await;
    assert!(e2e.focus_is("#disconnect-dialog *").await, "the open dialog has the focus: {}", e2e.focused().await);
    trapped_until_escape(&e2e, "disconnect-dialog", ".button--danger-outline").await;
    // Its «Не отключать» (focused when it opens) gives the focus back the same way.
    enter_opens(&e2e, "disconnect-dialog").await;
    e2e.wait_for_focus("#disconnect-dialog .button--secondary").await;
    e2e.press(Key::Enter).await;
    assert!(!e2e.dialog_open("disconnect-dialog").await, "«Не отключать» closes the dialog");
    e2e.wait_for_focus(".button--danger-outline").await;
    assert!(e2e.server().state.fake().account().token.is_some(), "Esc and «Не отключать» disconnected nothing");

    // «Отмена» with a change: its dialog too; then confirm with Enter and land on «О канале».
    e2e.tab_to(&control(FieldPath::ClosingText), true, FAR).await;
    // To the end of the text first, as a person does: where Tab leaves the caret in a
    // textarea differs by engine (WebKit: at the start).
    e2e.chord(&[Key::Control], Key::End).await;
    e2e.type_keys(" До встречи.").await;
    e2e.tab_to("#cancel", false, FAR).await;
    enter_opens(&e2e, "cancel-dialog").await;
    trapped_until_escape(&e2e, "cancel-dialog", "#cancel").await;
    assert_eq!(
        e2e.value_of(&control(FieldPath::ClosingText)).await,
        "Спасибо, что написали! До встречи.",
        "Esc keeps the change"
    );
    enter_opens(&e2e, "cancel-dialog").await;
    e2e.tab_to("#cancel-dialog .button--danger", false, 5).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_path("/channels/max").await;
    e2e.wait_for_text(".about__state .badge", "Подключён").await;
    e2e.wait_for_focus("main h1").await;

    // The leave dialog: changes, then the back link by keyboard; trapped; Esc stays.
    e2e.tab_to("main a.button--primary", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_path("/channels/max/settings").await;
    e2e.wait_for_focus("main h1").await;
    e2e.tab_to(&control(FieldPath::ClosingText), false, FAR).await;
    e2e.type_keys(" Ещё.").await;
    e2e.tab_to(".back-link", true, FAR).await;
    enter_opens(&e2e, "leave-dialog").await;
    trapped_until_escape(&e2e, "leave-dialog", ".back-link").await;
    e2e.wait_for_path("/channels/max/settings").await;

    // Browser back and forward land on the heading too (a clean form asks nothing).
    e2e.open("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    e2e.tab_to("a.tile[data-kind=max]", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_focus("main h1").await;
    e2e.browser.back().await.unwrap();
    e2e.wait_for_path("/channels").await;
    e2e.wait_for_focus("main h1").await;
    e2e.browser.forward().await.unwrap();
    e2e.wait_for_path("/channels/max").await;
    e2e.wait_for_focus("main h1").await;
    e2e.finish().await;
}

/// Confirming «Отключить канал» removes the button that opened the dialog: the focus goes
/// on to the token field, where reconnecting starts, not back to the top of the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_disconnecting_the_focus_is_on_the_token_field() {
    let e2e = E2e::start().await;
    e2e.save_settings(max_channel_fake::samples::settings(), Some("keyboard-saved-token-7777"));
    e2e.open("/channels/max/settings").await;
    e2e.find(".token-stored").await;
    e2e.tab_to(".button--danger-outline", false, FAR).await;
    enter_opens(&e2e, "disconnect-dialog").await;
    e2e.tab_to("#disconnect-dialog .button--danger", false, 3).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;
    e2e.wait_for_focus(&control(FieldPath::Token)).await;
    assert!(e2e.server().state.fake().account().token.is_none());
    e2e.finish().await;
}

/// Buttons that go away with what they acted on hand the focus to the next sensible
/// control, never to the top of the document.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_focus_follows_when_its_control_goes_away() {
    let e2e = E2e::start().await;

    // «Повторить» gives way to the list: the heading.
    e2e.server()
        .state
        .controls()
        .add_fault(fault(serde_json::json!({"operation": "listChannelGroups", "status": 500})));
    e2e.open("/channels").await;
    e2e.find("main [role=alert] .retry").await;
    e2e.tab_to("main [role=alert] .retry", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.find("a.tile[data-kind=max]").await;
    e2e.wait_for_focus("main h1").await;

    // «Заменить токен»: straight into the new token's field.
    e2e.save_settings(max_channel_fake::samples::settings(), Some("keyboard-saved-token-7777"));
    e2e.open("/channels/max/settings").await;
    e2e.find(".token-stored").await;
    e2e.tab_to("#token-replace", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_focus(&control(FieldPath::Token)).await;

    // The last auto-reply's «Удалить»: on to «Добавить автоответ».
    e2e.tab_to(&control(reply(1, ReplyField::Text)), false, FAR).await;
    e2e.tab_to("#section-replies .reply:last-child .button--link", true, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_focus(&part(FieldPath::Replies(ReplyList::Working), "add")).await;
    assert!(!e2e.is_present(&control(reply(1, ReplyField::Text))).await, "the row is gone");

    // The 412 banner's «Продолжить редактирование»: on to «Сохранить».
    {
        let mut theirs = max_channel_fake::samples::settings();
        theirs.closing_message.text = "Их текст".into();
        e2e.server().state.fake().store_directly(theirs, None);
    }
    e2e.tab_to("button[type=submit]", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_text(".save-outcome [role=alert]", "другой пользователь").await;
    e2e.tab_to("#conflict-keep", true, 10).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_focus("button[type=submit]").await;

    // A draft offered back, declined: the heading.
    e2e.tab_to(&control(FieldPath::ClosingText), true, FAR).await;
    e2e.type_keys(" Черновик.").await;
    e2e.browser.refresh().await.unwrap();
    e2e.find("#draft-offer").await;
    e2e.tab_to("#draft-discard", false, FAR).await;
    e2e.press(Key::Enter).await;
    e2e.wait_for_focus("main h1").await;
    e2e.finish().await;
}

/// Enter in the employee picker with no option highlighted does nothing: it neither picks
/// nor submits the whole form (issue 13: it used to send «Сохранить»).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enter_in_the_picker_without_a_highlight_never_submits_the_form() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;
    e2e.type_into(&control(FieldPath::Token), "keyboard-token-2024").await;
    e2e.click("label:has(#routing-employee)").await;
    e2e.type_into(&control(FieldPath::RoutingEmployee), "Кузн").await;
    e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецов").await;
    let active = format!(
        "return document.querySelector('{}').getAttribute('aria-activedescendant')",
        control(FieldPath::RoutingEmployee)
    );
    assert_eq!(e2e.js(&active).await, serde_json::Value::Null, "nothing highlighted");
    e2e.press(Key::Enter).await;
    // A refusal would be drawn in the next frames; a save's call would be on its way before
    // the page's own next request reaches the back end.
    crate::support::waits::next_frame(&e2e).await;
    crate::support::waits::next_frame(&e2e).await;
    crate::support::waits::round_trip(&e2e).await;
    assert!(e2e.requests_of("putMaxSettings").is_empty(), "Enter sent the form");
    // A refused submit marks the empty employee choice invalid and shows the banner.
    assert!(!e2e.is_present("[aria-invalid=true]").await, "Enter submitted the form and it was refused");
    assert!(!e2e.is_present(".save-outcome [role=alert]").await, "Enter submitted the form");
    assert_eq!(e2e.value_of(&control(FieldPath::RoutingEmployee)).await, "Кузн", "nothing was picked");
    assert!(e2e.focus_is(&control(FieldPath::RoutingEmployee)).await, "the focus stays in the picker");
    e2e.finish().await;
}
