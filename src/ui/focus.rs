//! Where the focus goes when the page takes it away: after a route change, on the new
//! page's heading; after an action whose control disappears (a retry that gives way to
//! the page, a banner's button, the last row's «Удалить»), on the next sensible control.
//! Either way a keyboard or screen-reader user goes on from there instead of from the top
//! of the document.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How long a page may take to show its heading (its data may still be loading).
const HEADING_WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// Watches the path; after every change (not the first load) focuses the page heading.
#[component]
pub fn FocusHeadingOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_heading_when_shown((HEADING_WAIT.as_millis() / POLL.as_millis()) as u32);
        }
        path
    });
}

/// Focuses `main h1` once it is in the page, unless the person has focused something
/// else meanwhile (then their focus wins).
fn focus_heading_when_shown(tries_left: u32) {
    set_timeout(
        move || {
            let doc = document();
            let focus_is_free = doc
                .active_element()
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if !focus_is_free {
                return;
            }
            let heading = doc
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            match heading {
                Some(heading) => {
                    let _ = heading.focus();
                }
                None if tries_left > 0 => focus_heading_when_shown(tries_left - 1),
                None => {}
            }
        },
        POLL,
    );
}

/// Call from an action that may remove the focused control: once the focus is lost (on
/// `body`), it goes to the first element matching `fallback` (waiting for it to appear).
/// If the person moves the focus first, or the control stays, nothing happens.
pub fn keep_focus_in_page(fallback: impl Into<String>) {
    let start = document().active_element();
    watch_for_lost_focus(start, fallback.into(), (HEADING_WAIT.as_millis() / POLL.as_millis()) as u32);
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
            let target = doc
                .query_selector(&fallback)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
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
