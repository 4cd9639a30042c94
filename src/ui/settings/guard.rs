//! The unsaved-changes guard: closing the tab, following a link, and the back button all
//! ask first while the form has changes.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::FormState;
use crate::i18n::Msg;
use crate::ui::{open_dialog, ConfirmDialog};

/// Where the person wanted to go when the guard stopped them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    Route(String),
    Back,
}

/// History state of the entry the guard pushes, so the back button lands on it first.
const GUARD_STATE: &str = "max-channel-guard";

#[component]
pub fn UnsavedGuard() -> impl IntoView {
    let state = expect_context::<FormState>();
    let app = crate::ui::use_app();
    let base = app.config.router_base.clone();
    let navigate = leptos_router::hooks::use_navigate();
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
            Some(Pending::Route(route)) => navigate(&route, Default::default()),
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
/// (caught before the router). `ask` is told where the person wanted to go.
fn use_leave_listeners(
    state: FormState,
    base: String,
    guard_pushed: StoredValue<bool>,
    ask: impl Fn(Pending) + Clone + 'static,
) {
    let window = window();
    let history = window.history().ok();
    // Closing or reloading the tab.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.is_dirty_now() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });

    // The back button: while dirty an extra entry sits on top, so «back» pops it first.
    let push_guard = {
        let history = history.clone();
        move || {
            if let (Some(history), false) = (&history, guard_pushed.get_value()) {
                let url = leptos::prelude::window().location().href().unwrap_or_default();
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
    let on_popstate = {
        let ask = ask.clone();
        let history = history.clone();
        let push_guard = push_guard.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if !guard_pushed.get_value() {
                return; // not ours: the router handles it
            }
            ev.stop_immediate_propagation();
            guard_pushed.set_value(false);
            if state.is_dirty_now() {
                push_guard();
                ask(Pending::Back);
            } else if let Some(history) = &history {
                let _ = history.back();
            }
        })
    };

    // Links inside the app: caught before the router sees the click.
    let on_click = {
        let base = base.clone();
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            if !state.is_dirty_now()
                || ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
            {
                return;
            }
            let Some(anchor) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            if anchor.id() == "cancel" || anchor.get_attribute("target").is_some_and(|t| t == "_blank") {
                return; // «Отмена» asks on its own; a new tab leaves nothing
            }
            let Some(anchor) = anchor.dyn_ref::<web_sys::HtmlAnchorElement>() else { return };
            if anchor.origin() != window_origin() {
                return;
            }
            let path = format!("{}{}", anchor.pathname(), anchor.search());
            let route = path.strip_prefix(base.as_str()).filter(|r| r.starts_with('/')).unwrap_or(&path).to_owned();
            ev.prevent_default();
            ev.stop_propagation();
            ask(Pending::Route(route));
        })
    };
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    let document = document();
    let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
        "click",
        on_click.as_ref().unchecked_ref(),
        &capture,
    );
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "popstate",
        on_popstate.as_ref().unchecked_ref(),
        &capture,
    );
    let listeners = StoredValue::new_local((on_click, on_popstate));
    on_cleanup(move || {
        unload.remove();
        listeners.with_value(|(click, pop)| {
            let _ = leptos::prelude::document().remove_event_listener_with_callback_and_bool(
                "click",
                click.as_ref().unchecked_ref(),
                true,
            );
            let _ = leptos::prelude::window().remove_event_listener_with_callback_and_bool(
                "popstate",
                pop.as_ref().unchecked_ref(),
                true,
            );
        });
    });
}

fn window_origin() -> String {
    window().location().origin().unwrap_or_default()
}
