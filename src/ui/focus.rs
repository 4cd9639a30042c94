//! Where the focus goes when the page takes it away: after a route change, on the new
//! page's heading; after an action whose control disappears (a retry that gives way to
//! the page, a banner's button, the last row's «Удалить»), on the next sensible control.
//! Either way a keyboard or screen-reader user goes on from there instead of from the top
//! of the document.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How long to wait for the focus to be lost and for its new place to appear (a page's
/// heading appears once its data has loaded).
const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// Watches the path; after every change (not the first load) the focus goes to the new
/// page's heading once the old page's control that had it is gone.
#[component]
pub fn FocusHeadingOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            keep_focus_in_page("main h1");
        }
        path
    });
}

/// Call from an action that may remove the focused control: once the focus is lost (on
/// `body`), it goes to the first element matching `fallback` (waiting for it to appear).
/// If the person moves the focus first, or the control stays, nothing happens.
pub fn keep_focus_in_page(fallback: impl Into<String>) {
    let start = document().active_element();
    watch_for_lost_focus(start, fallback.into(), (WAIT.as_millis() / POLL.as_millis()) as u32);
}

fn watch_for_lost_focus(start: Option<web_sys::Element>, fallback: String, tries_left: u32) {
    set_timeout(
        move || {
            let doc = document();
            let active = doc.active_element();
            let lost = active.as_ref().is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if !lost {
                // Still on the control that acted (its call is running): keep watching.
                // Anywhere else: the person has moved on.
                if active == start && tries_left > 0 {
                    watch_for_lost_focus(start, fallback, tries_left - 1);
                }
                return;
            }
            let target =
                doc.query_selector(&fallback).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            match target {
                Some(target) => {
                    let _ = target.focus();
                }
                None if tries_left > 0 => watch_for_lost_focus(start, fallback, tries_left - 1),
                None => {}
            }
        },
        POLL,
    );
}
