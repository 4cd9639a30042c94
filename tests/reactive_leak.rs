//! What a page leaves in the app when it goes, counted in bytes by the allocator (decision
//! 86). Leptos never takes a disposed reader out of a signal's list of readers, so a page
//! that reads a signal of the app's root leaves an entry there on every visit; the app's
//! shared values are `AppValue`s instead, which a page reads through a signal of its own.
//! Natively, with the same reactive graph as the wasm: the figures are exact, not timed.
#![cfg(not(target_arch = "wasm32"))]
// A counting allocator is the one way to see what a disposed owner leaves behind.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use leptos::prelude::*;
use max_channel_admin::ui::AppValue;

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes still held per visit after `visits` visits of `page` (after a few to warm up).
fn left_per_visit(visits: isize, mut page: impl FnMut()) -> isize {
    for _ in 0..50 {
        page();
    }
    let before = LIVE.load(Ordering::SeqCst);
    for _ in 0..visits {
        page();
    }
    (LIVE.load(Ordering::SeqCst) - before) / visits
}

/// A page: an owner of its own (no parent: Leptos keeps a child's slot in its parent until
/// the parent goes, which would be counted too), a memo that reads what `read` gives, then
/// gone.
fn visit(read: impl FnOnce() -> Signal<u64>) {
    let page = Owner::new();
    page.with(|| {
        let value = read();
        let shown = Memo::new(move |_| value.get() + 1);
        // Untracked: the memo still reads `value` (and subscribes), and nothing is printed
        // (a captured warning would be counted).
        let _ = shown.get_untracked();
    });
    page.cleanup();
}

#[test]
fn a_page_that_reads_an_app_value_leaves_nothing_when_it_goes() {
    let app = Owner::new();
    let (refresh, shared) = app.with(|| (RwSignal::new(0_u64), AppValue::new(0_u64)));
    let nothing_read = left_per_visit(2_000, || visit(|| Signal::derive(|| 0)));
    let root_signal = left_per_visit(2_000, || visit(|| refresh.into()));
    let app_value = left_per_visit(2_000, || visit(|| shared.read().into()));
    println!(
        "left per visit: reading nothing {nothing_read} B, a root signal {root_signal} B, an AppValue {app_value} B"
    );
    assert_eq!(nothing_read, 0, "the measurement itself leaves nothing");
    assert_eq!(shared.readers(), 0, "no page is open: no reader is kept");
    assert_eq!(app_value, 0, "a page that read an AppValue leaves nothing");
    // The measurement sees what the workaround is for: if it ever does not, Leptos has
    // been fixed and decision 86's workaround can go.
    assert!(root_signal > 0, "a root signal read by a page keeps an entry per visit");
}
