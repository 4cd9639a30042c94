//! The settings form's actions, each prepared the way a person does it and sent at the one step.

use super::*;

/// Everything up to the one step that sends the action's call, the way a person does it.
pub(super) async fn prepare(e2e: &E2e, action: SettingsAction) {
    match action {
        SettingsAction::TokenCheck => e2e.type_into(&control(FieldPath::Token), "chaos-token-7Qa1").await,
        SettingsAction::Search | SettingsAction::Paging => {
            e2e.click("label:has(#routing-employee)").await;
            // Focusing the field lists the first employees at once.
            e2e.click(&control(FieldPath::RoutingEmployee)).await;
            e2e.find(&employee_options()).await;
            if action == SettingsAction::Paging {
                e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("ова").await.unwrap();
                // Past the debounce: the list a person pages is the answer to «ова» (every
                // name holds it), not the list focusing showed first.
                eventually(PATIENCE, "the search for «ова» never answered", || async {
                    let texts = e2e
                        .strings(&format!(
                            "return [...document.querySelectorAll('{}')].map(li => li.textContent.toLowerCase())",
                            employee_options()
                        ))
                        .await;
                    texts.len() == 20 && texts.iter().all(|t| t.contains("ова"))
                })
                .await;
                e2e.find(".picker__more").await;
            }
        }
        SettingsAction::Save => {}
        SettingsAction::Disconnect => {
            e2e.click(".button--danger-outline").await;
            e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
        }
    }
}

/// The step that sends the call.
pub(super) async fn send(e2e: &E2e, action: SettingsAction) {
    match action {
        SettingsAction::TokenCheck => e2e.click("#token-check").await,
        SettingsAction::Search => e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("Цв").await.unwrap(),
        SettingsAction::Paging => e2e.click(".picker__more").await,
        SettingsAction::Save => e2e.click(".action-bar button[type=submit]").await,
        SettingsAction::Disconnect => e2e.click("#disconnect-dialog .button--danger").await,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SettingsAction {
    TokenCheck,
    Search,
    Paging,
    Save,
    Disconnect,
}

impl SettingsAction {
    pub(super) fn operation(self) -> Operation {
        operation(match self {
            SettingsAction::TokenCheck => "verifyMaxToken",
            SettingsAction::Search | SettingsAction::Paging => "listEmployees",
            SettingsAction::Save => "putMaxSettings",
            SettingsAction::Disconnect => "disconnectMax",
        })
    }

    pub(super) fn connected(self) -> bool {
        matches!(self, SettingsAction::Save | SettingsAction::Disconnect)
    }

    /// The ways out the browser offers: a typed token makes the form dirty, and the
    /// unsaved-changes guard's history entry takes the place of any forward entry.
    pub(super) fn leaves(self) -> &'static [Leave] {
        match self {
            SettingsAction::TokenCheck => &[Leave::Link, Leave::Back],
            _ => &[Leave::Link, Leave::Back, Leave::Forward],
        }
    }
}

/// One action of the settings page, one way out, one moment.
pub(super) async fn settings_case(e2e: &E2e, action: SettingsAction, leave: Leave, moment: Moment) {
    let case = format!("{action:?} left by {leave:?} {moment:?}");
    fresh(e2e, action.connected()).await;
    e2e.open("/channels/max").await;
    wait_ready(e2e, Page::About).await;
    go(e2e, Page::About.ready(), Page::Settings).await;
    if leave == Leave::Forward {
        go(e2e, ".back-link", Page::About).await;
        back_to(e2e, Page::Settings).await;
    }
    install_leave(e2e, leave, Page::Settings).await;
    prepare(e2e, action).await;
    let op = action.operation();
    let since = arrivals(e2e);
    let marker = arm(e2e, op, moment).await;
    send(e2e, action).await;
    let mut until = u64::MAX;
    if let Some(marker) = marker {
        // Past the search's debounce: the call is held at the back end.
        waits::arrived(e2e, &marker, &case).await;
        until = leave_now(e2e).await;
    }
    assert_left_cleanly(e2e, &case, Page::About, op, moment, (since, until)).await;
}
