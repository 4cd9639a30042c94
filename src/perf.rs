//! Marks for the bench (`cargo xtask bench`): `performance.mark` at the moments its figures
//! start and end, and the size of the wasm memory. The app measures nothing itself; a mark
//! costs about a microsecond.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The settings form is on the page with its data, ready for input.
pub const FORM_READY: &str = "max-channel:form-ready";
/// An employee search answer has arrived (before it is rendered).
pub const SEARCH_RESPONSE: &str = "max-channel:search-response";
/// Its results are painted.
pub const SEARCH_PAINTED: &str = "max-channel:search-painted";

/// The history page's first entries are painted.
pub const HISTORY_PAINTED: &str = "max-channel:history-painted";
/// A «Показать ещё» answer has arrived (before it is rendered).
pub const HISTORY_MORE_RESPONSE: &str = "max-channel:history-more-response";
/// Its entries are painted.
pub const HISTORY_MORE_PAINTED: &str = "max-channel:history-more-painted";

pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the frame with the current DOM has been painted: the next animation
/// frame runs just before that paint, and a zero time-out queued from it runs just after.
pub fn mark_after_paint(name: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(move || mark(name), std::time::Duration::ZERO);
    });
}

/// The wasm linear memory in bytes, for the bench (`window.wasmBindings.wasm_memory_bytes()`).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
