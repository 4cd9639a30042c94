//! The unsaved-changes guard: closing the tab, following a link, and the back button all
//! ask first while the form has changes.

mod decide;

use leptos::prelude::*;

use super::FormState;
use crate::i18n::Msg;
use crate::ui::listener::use_capturing_listener;
use crate::ui::navigation::{click_of, is_own_move, use_go};
use crate::ui::{open_dialog, ConfirmDialog};
use decide::{OnBack, Pending};

/// History state of the entry the guard pushes, so the back button lands on it first.
const GUARD_STATE: &str = "max-channel-guard";

#[component]
pub fn UnsavedGuard() -> impl IntoView {
    let state = expect_context::<FormState>();
    let app = crate::ui::use_app();
    let base = app.config.router_base.clone();
    let go = use_go();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let pending = StoredValue::new(None::<Pending>);
    let guard_pushed = StoredValue::new(false);

    let history = window().history().ok();
    let ask = move |to: Pending| {
        pending.set_value(Some(to));
        open_dialog(dialog);
    };
    use_leave_listeners(state, base, guard_pushed, ask);

    let leave = move |_| {
        state.discard();
        match pending.get_value() {
            Some(Pending::Route(route)) => go.to(&route),
            Some(Pending::Back) => {
                // Past the guard entry and the settings entry it duplicates.
                guard_pushed.set_value(false);
                if let Some(history) = &history {
                    let _ = history.go_with_delta(-2);
                }
            }
            None => {}
        }
    };
    view! {
        <ConfirmDialog
            id="leave-dialog"
            title=Msg::LeaveTitle
            text=app.tr.t(Msg::LeaveText).to_owned()
            confirm=Msg::LeaveConfirm
            stay=Msg::LeaveStay
            on_confirm=leave
            dialog=dialog
        />
    }
}

/// The guard's listeners, owned by the component that calls it and removed with it: the
/// tab's unload, the back button (an extra history entry while dirty), and in-app links
/// (caught before the router). What each does is `decide`'s; `ask` is told where the
/// person wanted to go.
fn use_leave_listeners(
    state: FormState,
    base: String,
    guard_pushed: StoredValue<bool>,
    ask: impl Fn(Pending) + Clone + 'static,
) {
    let history = window().history().ok();
    // Closing or reloading the tab.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.is_dirty_now() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || unload.remove());

    // The back button: while dirty an extra entry sits on top, so «back» pops it first.
    let push_guard = {
        let history = history.clone();
        move || {
            if let (Some(history), false) = (&history, guard_pushed.get_value()) {
                let url = window().location().href().unwrap_or_default();
                if history.push_state_with_url(&GUARD_STATE.into(), "", Some(&url)).is_ok() {
                    guard_pushed.set_value(true);
                }
            }
        }
    };
    let push_on_dirty = push_guard.clone();
    Effect::new(move |_| {
        if state.is_dirty() {
            push_on_dirty();
        }
    });
    let ask_back = ask.clone();
    use_capturing_listener(window().into(), "popstate", move |ev: web_sys::Event| {
        // The app moving itself to another page is not a step back.
        if is_own_move() {
            return;
        }
        let outcome = decide::on_back(guard_pushed.get_value(), state.is_dirty_now());
        if outcome == OnBack::NotOurs {
            return;
        }
        ev.stop_immediate_propagation();
        guard_pushed.set_value(false);
        match (outcome, &history) {
            (OnBack::Ask, _) => {
                push_guard();
                ask_back(Pending::Back);
            }
            (OnBack::GoOn, Some(history)) => {
                let _ = history.back();
            }
            _ => {}
        }
    });

    // Links inside the app: caught before the router sees the click.
    let origin = window().location().origin().unwrap_or_default();
    use_capturing_listener(document().into(), "click", move |ev: web_sys::MouseEvent| {
        let click = click_of(&ev);
        if let Some(to) = decide::on_click(&click, state.is_dirty_now(), &base, &origin) {
            ev.prevent_default();
            ev.stop_propagation();
            ask(to);
        }
    });
}
