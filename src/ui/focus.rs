//! Focus after a route change: on the new page's heading, so a keyboard or screen-reader
//! user starts reading the page they arrived at instead of from the top of the document.

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
