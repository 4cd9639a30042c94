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

/// Marks `name`, in place of its last mark: the browser keeps every mark until the page
/// goes, so a page visited at every round trip would grow the JS heap (the soak saw it).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_marks_with_mark_name(name);
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

/// The wasm's heap bytes in use now, for the soak (`window.wasmBindings.live_heap_bytes()`),
/// in a diagnostic build with the `alloc-census` feature: the linear memory only ever grows,
/// so its size alone cannot tell a leak from a high-water mark.
#[cfg(feature = "alloc-census")]
#[wasm_bindgen]
pub fn live_heap_bytes() -> f64 {
    census::LIVE.load(std::sync::atomic::Ordering::Relaxed) as f64
}

/// The live allocations by size (`"size:count"`, sizes ≥ 1 024 together as 1 024), in a
/// diagnostic build: two of them, subtracted, name what a leak is made of.
#[cfg(feature = "alloc-census")]
#[wasm_bindgen]
pub fn live_heap_sizes() -> String {
    census::SIZES
        .iter()
        .enumerate()
        .filter_map(|(size, count)| {
            let count = count.load(std::sync::atomic::Ordering::Relaxed);
            (count != 0).then(|| format!("{size}:{count}"))
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(feature = "alloc-census")]
mod census {
    // The one way to count what is allocated: wrap the allocator (a diagnostic build only).
    #![allow(unsafe_code)]

    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

    pub static LIVE: AtomicUsize = AtomicUsize::new(0);
    /// Live allocations by size; the last counts every size from 1 024 up.
    pub static SIZES: [AtomicIsize; 1025] = [const { AtomicIsize::new(0) }; 1025];

    fn sized(size: usize, change: isize) {
        SIZES[size.min(1024)].fetch_add(change, Ordering::Relaxed);
    }

    struct Counting;

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            sized(layout.size(), 1);
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            sized(layout.size(), -1);
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let moved = unsafe { System.realloc(ptr, layout, new_size) };
            if !moved.is_null() {
                LIVE.fetch_add(new_size, Ordering::Relaxed);
                LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
                sized(new_size, 1);
                sized(layout.size(), -1);
            }
            moved
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;
}
