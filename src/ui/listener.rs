//! `use_capturing_listener`: an event listener on the window or the document, in the
//! capture phase (before the router's own), owned by the component that asks for it and
//! removed when it goes.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Listens for `event` on `target` while the calling component lives.
pub fn use_capturing_listener<E: JsCast + 'static>(
    target: web_sys::EventTarget,
    event: &'static str,
    mut handler: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            handler(ev);
        }
    });
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        closure.as_ref().unchecked_ref(),
        &capture,
    );
    let held = StoredValue::new_local(Some((target, closure)));
    on_cleanup(move || {
        // Removed, then dropped: the closure's memory goes with the listener.
        if let Some((target, closure)) = held.try_update_value(Option::take).flatten() {
            let _ = target.remove_event_listener_with_callback_and_bool(event, closure.as_ref().unchecked_ref(), true);
        }
    });
}
