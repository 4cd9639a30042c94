//! One cell's steps: the form open with something typed, the fault met, the way back, nothing lost.

use super::*;

/// A fresh account with saved settings (and, for disconnect, a connected channel), and
/// the settings form open with something typed and not saved.
pub(super) async fn open_form(e2e: &E2e, op: Operation) {
    e2e.save_settings(samples::settings(), (op == Operation::DisconnectMax).then_some("stored-token-0001"));
    e2e.open("/channels/max/settings").await;
    e2e.type_into(&control(FieldPath::ClosingText), MINE).await;
    if matches!(op, Operation::VerifyMaxToken | Operation::PutMaxSettings) {
        e2e.type_into(&control(FieldPath::Token), TOKEN).await;
    }
    if op == Operation::ListEmployees {
        e2e.click("label:has(#routing-employee)").await;
        e2e.type_into(&control(FieldPath::RoutingEmployee), "Кузн").await;
        e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецова").await;
    }
    if op == Operation::DisconnectMax {
        e2e.click(".button--danger-outline").await;
        e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
    }
}

/// Makes the call the fault is waiting for.
pub(super) async fn trigger(e2e: &E2e, op: Operation) {
    match (op, place(op)) {
        (_, Place::Load { link, .. } | Place::Beside { link, .. }) => e2e.click(link).await,
        (Operation::VerifyMaxToken, _) => e2e.click("#token-check").await,
        (Operation::PutMaxSettings, _) => e2e.click("button[type=submit]").await,
        (Operation::DisconnectMax, _) => e2e.click("#disconnect-dialog .button--danger").await,
        (Operation::ListEmployees, _) => {
            e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("е").await.unwrap()
        }
        (other, _) => unreachable!("{other:?} is a page load"),
    }
}

/// Where the failure's message shows.
pub(super) fn message_at(op: Operation, expect: &Expect) -> String {
    match (op, expect) {
        (Operation::PutMaxSettings, Expect::Again("Не больше 250 символов.")) => {
            error(FieldPath::ClosingText)
        }
        (Operation::VerifyMaxToken, _) => "#token-check-error".into(),
        (Operation::PutMaxSettings | Operation::DisconnectMax, _) => ".save-outcome [role=alert]".into(),
        (Operation::ListEmployees, _) => ".picker__failed".into(),
        // With the server stopped, the page's own loads fail too: the page says so.
        (Operation::GetSchedule, Expect::Retry("Нет связи с сервером")) => "main [role=alert]".into(),
        (Operation::GetSchedule, _) => "#schedule [role=alert]".into(),
        _ => "main [role=alert]".into(),
    }
}

/// The way back once the fault has cleared.
pub(super) async fn recover(e2e: &E2e, op: Operation, expect: &Expect) {
    match (op, expect) {
        // «Повторить» waits out the wait the server asked for, as its message counts down.
        (_, Expect::Retry(RATE_LIMITED)) => {
            e2e.wait_for_text(&message_at(op, expect), "Теперь можно повторить").await;
            e2e.click(".retry").await
        }
        (_, Expect::Retry(_)) => e2e.click(".retry").await,
        (Operation::PutMaxSettings, Expect::Again(text)) if text.contains("другой пользователь") => {
            e2e.click("#conflict-keep").await;
            eventually(PATIENCE, "the conflict banner never left", || async {
                !e2e.is_present("#conflict-keep").await
            })
            .await;
            e2e.click("button[type=submit]").await;
        }
        (Operation::PutMaxSettings, Expect::Again(_)) => e2e.click("button[type=submit]").await,
        (Operation::VerifyMaxToken, Expect::Again(_)) => e2e.click("#token-check").await,
        (other, expect) => unreachable!("{other:?}: {expect:?}"),
    }
}

/// The call went through.
pub(super) async fn recovered(e2e: &E2e, op: Operation) {
    match (op, place(op)) {
        (_, Place::Load { loaded, .. } | Place::Beside { loaded, .. }) => {
            e2e.find(loaded).await;
        }
        (Operation::VerifyMaxToken, _) => {
            e2e.wait_for_text(".token-valid", "Токен авторизован").await;
        }
        (Operation::PutMaxSettings, _) => {
            e2e.find(".save-outcome [role=status]").await;
            let saved = e2e.server().state.fake().account().settings.clone().expect("saved");
            assert_eq!(saved.settings.closing_message.text, MINE, "what was typed is what got saved");
        }
        (Operation::DisconnectMax, _) => {
            e2e.wait_for_text(".about__state .badge", "Не подключён").await;
            assert!(e2e.server().state.fake().account().token.is_none());
        }
        (Operation::ListEmployees, _) => {
            e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецова").await;
        }
        (other, _) => unreachable!("{other:?}"),
    }
}

/// Nothing typed was lost.
pub(super) async fn intact(e2e: &E2e, op: Operation, with_token: bool) {
    if place(op) != Place::Form {
        return;
    }
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, MINE, "the typed closing message");
    if with_token && matches!(op, Operation::VerifyMaxToken | Operation::PutMaxSettings) {
        assert_eq!(e2e.value_of(&control(FieldPath::Token)).await, TOKEN, "the typed token");
    }
    if op == Operation::ListEmployees {
        assert_eq!(e2e.value_of(&control(FieldPath::RoutingEmployee)).await, "Кузне", "the typed search");
    }
}

/// What a split route (decision 68) says when its module cannot be fetched.
pub(super) const SPLIT_ROUTE_FAILED: &str = "Не удалось загрузить эту страницу";

/// Whether the operation's page is a split route (the settings, the history), whose module
/// the browser fetches when the route first opens in the page. With the whole back end
/// stopped, that page says the page's own «Нет связи с сервером» when the browser kept the
/// module from an earlier cell (Chromium's and Firefox's cache of an `immutable` file), or
/// the route's «Не удалось загрузить эту страницу» when it did not (WebKitGTK fetches it
/// again); both offer «Повторить», which the recovery presses.
pub(super) fn opens_split_route(op: Operation) -> bool {
    matches!(
        op,
        Operation::GetMaxSettings
            | Operation::ListGroups
            | Operation::ListChatBots
            | Operation::GetSchedule
            | Operation::ListMaxSettingsHistory
    )
}

/// One cell of the table.
pub(super) async fn cell(e2e: &mut E2e, op: Operation, fault: Fault) {
    e2e.server().state.reset(true).unwrap();
    e2e.server().state.controls().clear_faults();
    // No draft from the cell before (the page may be about:blank, where storage throws).
    let _ = e2e.browser.execute("try { sessionStorage.clear() } catch (e) {}", vec![]).await;
    match place(op) {
        Place::Load { from, link, .. } | Place::Beside { from, link, .. } => {
            e2e.open(from).await;
            e2e.find(link).await;
        }
        Place::Form => open_form(e2e, op).await,
    }
    let expect = expect(op, fault);
    match fault.spec(op) {
        Some(spec) => e2e.server().state.controls().add_fault(spec),
        None => e2e.stop_server().await,
    }
    trigger(e2e, op).await;
    match &expect {
        Expect::Fine => {
            // Nothing saved yet: an empty form, and no error.
            e2e.find("form.settings").await;
            assert!(!e2e.is_present("main [role=alert]").await, "a 404 of the settings is no error");
            return;
        }
        Expect::Retry(text) if fault == Fault::Stopped && opens_split_route(op) => {
            let at = message_at(op, &expect);
            eventually(PATIENCE, "the page's or the route's «no connection»", || async {
                let said = e2e.text_content(&at).await;
                said.contains(*text) || said.contains(SPLIT_ROUTE_FAILED)
            })
            .await;
        }
        Expect::Retry(text) | Expect::Again(text) => {
            e2e.wait_for_text(&message_at(op, &expect), text).await;
        }
    }
    intact(e2e, op, true).await;
    let retry_shown = e2e.is_present(".retry").await;
    assert_eq!(
        retry_shown,
        matches!(expect, Expect::Retry(_)),
        "«Повторить» is offered exactly for a retryable failure"
    );
    if fault == Fault::Stopped {
        e2e.restart_server().await;
    }
    // The fault has cleared (it was for one call); the way back works.
    recover(e2e, op, &expect).await;
    recovered(e2e, op).await;
    intact(e2e, op, false).await;
}
