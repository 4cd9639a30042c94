//! Moving between the app's pages without Leptos's router keeping every step (decision 87).
//!
//! leptos_router 0.8 keeps every address it navigates to in a list it only shortens on
//! «back» (`BrowserUrl::path_stack`), and its `<Routes>` makes every page's owner a child of
//! one long-lived owner whose list of children never shortens either: ~250 B a page visit
//! that a long session in one tab never gets back. So the app moves itself: a plain click
//! on one of its links, or a page that sends the person on (`Go`), puts the address on the
//! tab's history and tells the router as «back» and «forward» do — a `popstate`, which
//! keeps nothing; and the page shown is a plain reactive match on the address
//! (`router::Pages`), whose owner is cleaned at every change. The router still reads the
//! address, the back button and the links nobody else takes.

mod decide;

use std::cell::Cell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

pub use decide::{page_at, route_of, Click, Link, Page};

thread_local! {
    /// Set while the app's own `popstate` is dispatched.
    static MOVING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the `popstate` being handled is the app moving itself, not «back» or «forward».
pub fn is_own_move() -> bool {
    MOVING.get()
}

/// Sends the person to another page of the app. `Clone`: handlers capture it.
#[derive(Clone)]
pub struct Go {
    base: Arc<str>,
}

/// A [`Go`] for the app's base path.
pub fn use_go() -> Go {
    Go { base: crate::ui::use_app().config.router_base.as_str().into() }
}

impl Go {
    /// To `route` (below the base, may carry a query): a new entry of the tab's history,
    /// the page from its top.
    pub fn to(&self, route: &str) {
        move_to(&format!("{}{route}", self.base), false);
    }

    /// The address changes in place (a choice kept in its query): no new entry, no scroll.
    pub fn replace(&self, route: &str) {
        move_to(&format!("{}{route}", self.base), true);
    }
}

fn move_to(href: &str, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let moved = match replace {
        true => history.replace_state_with_url(&JsValue::NULL, "", Some(href)),
        false => history.push_state_with_url(&JsValue::NULL, "", Some(href)),
    };
    if moved.is_err() {
        return;
    }
    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
        // Listeners run inside `dispatch_event`: the flag is theirs to read, then cleared.
        MOVING.set(true);
        let _ = window.dispatch_event(&event);
        MOVING.set(false);
    }
    if !replace {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Plain clicks on the app's links move the app itself, for as long as the calling
/// component lives. Call it before the `<Router>` is built, so that the router, which
/// listens on the window too, sees these clicks already taken; after the app's context is
/// provided (its [`Go`]).
pub fn use_own_links(base: String) {
    let Some(window) = web_sys::window() else { return };
    take_leptos_clicks_first();
    let origin = window.location().origin().unwrap_or_default();
    let go = use_go();
    let listener = window_event_listener(leptos::ev::click, move |ev| {
        let location = window.location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        if let Some(route) = route_of(&click_of(&ev), &base, &origin, &here) {
            ev.prevent_default();
            go.to(&route);
        }
    });
    on_cleanup(move || listener.remove());
}

/// Leptos handles every `on:click` in one listener on the window, added with the first
/// one; adding it now puts it before [`use_own_links`]'s, so that a link's own handler
/// («Отмена» asks first) has its say before the app moves.
fn take_leptos_clicks_first() {
    use leptos::tachys::renderer::dom::Dom;
    if let Ok(element) = document().create_element("i") {
        let _ = Dom::add_event_listener_delegated(&element, "click".into(), "$$$click".into(), Box::new(|_| {}));
    }
}

/// The facts of a click that the app and the unsaved-changes guard decide on.
pub fn click_of(ev: &web_sys::MouseEvent) -> Click {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| Link {
            id: a.id(),
            target: a.get_attribute("target"),
            browsers: a.has_attribute("download")
                || a.get_attribute("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external")),
            origin: a.origin(),
            pathname: a.pathname(),
            search: a.search(),
            hash: a.hash(),
        });
    Click {
        default_prevented: ev.default_prevented(),
        button: ev.button(),
        modifier: ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key(),
        link,
    }
}
