//! Leaving with changes not saved: the guard on links, back and unload; the draft offered
//! back after a reload; «Отмена» and a conflict's «Загрузить их версию».

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub(super) async fn the_unsaved_guard_asks_on_links_back_and_unload() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max").await;
    e2e.click("a.button--primary").await;
    e2e.wait_for_path("/channels/max/settings").await;
    let unload_prevented =
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;";
    e2e.find(&control(FieldPath::Token)).await;
    assert_eq!(e2e.js(unload_prevented).await, false, "a clean form lets the tab close");

    e2e.click("label[for=closing-enabled]").await;
    e2e.type_into(&control(FieldPath::ClosingText), "Не потеряйте меня").await;
    assert_eq!(e2e.js(unload_prevented).await, true, "closing the tab asks");

    // A link: the dialog, whose buttons say what they do; staying keeps everything.
    e2e.click("a.back-link").await;
    e2e.wait_for_dialog("leave-dialog", true).await;
    assert_eq!(e2e.text_content("#leave-dialog .button--danger").await, "Уйти без сохранения");
    assert_eq!(e2e.text_content("#leave-dialog .button--secondary").await, "Остаться");
    e2e.click("#leave-dialog .button--secondary").await;
    e2e.wait_for_dialog("leave-dialog", false).await;
    assert_eq!(e2e.path().await, "/channels/max/settings");
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Не потеряйте меня");

    // The back button: the dialog too.
    e2e.browser.back().await.unwrap();
    e2e.wait_for_dialog("leave-dialog", true).await;
    assert_eq!(e2e.path().await, "/channels/max/settings");
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Не потеряйте меня");
    e2e.click("#leave-dialog .button--danger").await;
    e2e.wait_for_path("/channels/max").await;
    e2e.wait_for_text("h1", "О канале MAX").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub(super) async fn a_draft_is_offered_back_after_a_reload_without_the_token() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.type_into(&control(FieldPath::Token), "secret-draft-token-XYZ").await;
    e2e.click("label[for=closing-enabled]").await;
    e2e.type_into(&control(FieldPath::ClosingText), "Черновик прощания").await;
    e2e.click(&part(FieldPath::Replies(ReplyList::Working), "add")).await;
    e2e.type_into(&control(reply(0, ReplyField::Text)), "Черновик автоответа").await;
    let stored = e2e.js("return sessionStorage.getItem('max-channel:draft') || ''").await;
    let stored = stored.as_str().unwrap();
    assert!(stored.contains("Черновик прощания"), "{stored}");
    assert!(!stored.contains("secret-draft-token"), "the token is never stored");

    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text("#draft-offer", "Восстановить несохранённые изменения?").await;
    assert_eq!(e2e.value_of(&control(FieldPath::Token)).await, "", "the token is not restored");
    e2e.click("#draft-restore").await;
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Черновик прощания");
    assert_eq!(e2e.value_of(&control(reply(0, ReplyField::Text))).await, "Черновик автоответа");
    let all_storage =
        e2e.js("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie").await;
    assert!(!all_storage.as_str().unwrap().contains("secret-draft-token"));
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub(super) async fn cancel_asks_only_with_changes_and_a_conflict_can_load_their_version() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    e2e.click("#cancel").await;
    e2e.wait_for_path("/channels/max").await;

    e2e.open("/channels/max/settings").await;
    e2e.type_into(&control(FieldPath::Token), "cancel-me-1").await;
    e2e.click("#cancel").await;
    e2e.wait_for_dialog("cancel-dialog", true).await;
    e2e.wait_for_text("#cancel-dialog", "Несохранённые изменения пропадут").await;
    // Its buttons say what they do: the form's «Отмена» discards, the dialog's keeps.
    assert_eq!(e2e.text_content("#cancel-dialog .button--danger").await, "Отменить изменения");
    assert_eq!(e2e.text_content("#cancel-dialog .button--secondary").await, "Продолжить редактирование");
    // Esc closes the dialog, and focus returns to «Отмена».
    e2e.find("#cancel-dialog .button--secondary").await.send_keys(&Key::Escape.to_string()).await.unwrap();
    e2e.wait_for_dialog("cancel-dialog", false).await;
    assert_eq!(e2e.js("return document.activeElement.id").await, "cancel");
    assert_eq!(e2e.value_of(&control(FieldPath::Token)).await, "cancel-me-1");

    // The employee picker pages with «Показать ещё». Focusing the field lists everyone
    // before the typed search answers: wait for the list a person would page through —
    // the answer to «ова» (every name holds it) — not the first list that shows.
    e2e.type_into(&control(FieldPath::RoutingEmployee), "ова").await;
    eventually(PATIENCE, "the search for «ова» never answered", || async {
        let texts = e2e
            .js(&format!(
                "return [...document.querySelectorAll('{}')].map(li => li.textContent.toLowerCase())",
                employee_options()
            ))
            .await;
        let texts = texts.as_array().cloned().unwrap_or_default();
        texts.len() == 20 && texts.iter().all(|t| t.as_str().is_some_and(|t| t.contains("ова")))
    })
    .await;
    e2e.find(".picker__more").await.click().await.unwrap();
    eventually(PATIENCE, "the next page never came", || async {
        e2e.browser.find_all(Locator::Css(&employee_options())).await.unwrap().len() == 40
    })
    .await;
    e2e.find(&employee_options()).await.click().await.unwrap();

    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    {
        let state = &e2e.server().state;
        let mut fake = state.fake();
        let mut theirs = fake.account().settings.clone().unwrap().settings;
        theirs.closing_message = ClosingMessage { enabled: true, text: "Их текст".into() };
        fake.store_directly(theirs, None);
    }
    e2e.click("label[for=auto-close-enabled]").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=alert]", "другой пользователь").await;
    e2e.browser
        .find(Locator::XPath("//button[contains(., 'Загрузить их версию')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Их текст");
    e2e.finish().await;
}
