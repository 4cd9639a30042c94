//! `use_visibility_change`: the page's `visibilitychange`, heard by the calling component
//! only while it lives (the listener is removed with it).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the page is visible now.
pub fn page_visible() -> bool {
    !document().hidden()
}

/// Calls `on_change(visible)` each time the page is hidden or shown, until the calling
/// component goes.
pub fn use_visibility_change(mut on_change: impl FnMut(bool) + 'static) {
    let listener = Closure::<dyn FnMut()>::new(move || on_change(page_visible()));
    let _ = document().add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.with_value(|listener| {
            let _ =
                document().remove_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
        });
    });
}
