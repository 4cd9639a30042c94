//! The preview's state in the page's address: written whenever the state or the page
//! changes (the app's own links carry no query), so a reload, a copied link or a link in a
//! new browser opens the same state. The page's own keys (`days`, `token`) are kept.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::demo::Scenario;

/// How often, and how many times, a write waits for the router to put its new address in
/// the browser: the router does that only once the new page is ready (a split page's module
/// may take seconds to come), and a write before it would go to the page being left.
const LOOK_MS: u32 = 50;
const LOOKS: u32 = 600;

/// Keeps the address in step with `scenario` for as long as the app runs.
pub fn use_state_in_address(scenario: RwSignal<Scenario>) {
    let location = use_location();
    // Each change's write; an older one still looking stops.
    let latest = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        let path = location.pathname.get();
        location.search.track();
        latest.set(latest.get().wrapping_add(1));
        write_once_there(Write { path, scenario: scenario.get(), latest: latest.clone(), mine: latest.get() }, LOOKS);
    });
}

/// One change's write, waiting for its page's address.
struct Write {
    path: String,
    scenario: Scenario,
    latest: Rc<Cell<u32>>,
    mine: u32,
}

/// Writes the state once the browser's address is the router's path; stops when a newer
/// change has come meanwhile (its own write goes on).
fn write_once_there(write: Write, looks: u32) {
    if write.latest.get() != write.mine {
        return;
    }
    let there = web_sys::window().and_then(|w| w.location().pathname().ok());
    match there {
        Some(there) if there == write.path || there.ends_with(&write.path) => {
            write_address(&write.scenario);
        }
        Some(_) if looks > 0 => {
            set_timeout(move || write_once_there(write, looks - 1), Duration::from_millis(LOOK_MS.into()));
        }
        _ => {}
    }
}

/// Replaces the address's preview keys with the state's, without a new history entry and
/// without the router hearing of it (the page stays as it is).
pub fn write_address(scenario: &Scenario) -> Option<()> {
    let window = web_sys::window()?;
    let location = window.location();
    let search = location.search().ok()?;
    let wanted = scenario.merged_into(&search);
    if search.trim_start_matches('?') == wanted {
        return Some(());
    }
    let url = format!("{}?{wanted}{}", location.pathname().ok()?, location.hash().ok()?);
    let history = window.history().ok()?;
    history.replace_state_with_url(&history.state().ok()?, "", Some(&url)).ok()
}

/// The page's whole address in this state: the copied link.
pub fn address_of(scenario: &Scenario) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let part = |read: Result<String, _>| read.unwrap_or_default();
    let (origin, path, search) = (part(location.origin()), part(location.pathname()), part(location.search()));
    format!("{origin}{path}?{}", scenario.merged_into(&search))
}
