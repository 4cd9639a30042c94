//! The preview's state in the page's address: written whenever the state or the page
//! changes (the app's own links carry no query), so a reload, a copied link or a link in a
//! new browser opens the same state. The page's own keys (`days`, `token`) are kept.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::demo::Scenario;

/// Keeps the address in step with `scenario` for as long as the app runs.
pub fn use_state_in_address(scenario: RwSignal<Scenario>) {
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        write_address(&scenario.get());
    });
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
