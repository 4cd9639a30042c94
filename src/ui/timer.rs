//! `use_timer`: a timeout owned by the component that asked for it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;

/// A pending timeout that belongs to a component: scheduling again replaces it, and the
/// component's unmounting clears it, so its callback never runs against values that were
/// disposed with the component (a debounced search firing after «О канале» was clicked).
#[derive(Clone, Default)]
pub struct Timer(Arc<Mutex<Option<TimeoutHandle>>>);

impl Timer {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<TimeoutHandle>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `callback` after `delay`, instead of whatever was pending.
    pub fn schedule(&self, delay: Duration, callback: impl FnOnce() + 'static) {
        self.cancel();
        let mine = self.clone();
        let handle = set_timeout_with_handle(
            move || {
                mine.slot().take();
                callback();
            },
            delay,
        );
        *self.slot() = handle.ok();
    }

    /// Clears the pending timeout, if any.
    pub fn cancel(&self) {
        if let Some(handle) = self.slot().take() {
            handle.clear();
        }
    }

    pub fn is_pending(&self) -> bool {
        self.slot().is_some()
    }
}

/// A [`Timer`] cleared when the calling component unmounts.
pub fn use_timer() -> Timer {
    let timer = Timer::default();
    let owned = timer.clone();
    on_cleanup(move || owned.cancel());
    timer
}
