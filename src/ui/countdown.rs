//! `use_retry_wait`: the seconds a 429 asked to wait, counting down to zero. «Повторите
//! через 7 секунд» that never changed while «Повторить» worked at once said two things.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::ui::{use_timer, Timer};

/// Whole seconds still to wait after `error`, ticking each second until zero; always zero
/// for a failure that asked for no wait. The timer stops with the calling owner.
pub fn use_retry_wait(error: &ApiError) -> Signal<u32> {
    let ApiError::RateLimited { retry_after: Some(seconds) } = error else { return Signal::stored(0) };
    let until_ms = js_sys::Date::now() + f64::from(*seconds) * 1000.0;
    let left = RwSignal::new(*seconds);
    tick(use_timer(), left, until_ms);
    left.into()
}

fn tick(timer: Timer, left: RwSignal<u32>, until_ms: f64) {
    let now = js_sys::Date::now();
    let seconds = crate::domain::when::seconds_left(until_ms, now);
    if left.try_set(seconds).is_some() || seconds == 0 {
        return; // gone with its owner, or done
    }
    // The next whole second of the wait, so the number changes as a clock's does (integer
    // arithmetic: a float remainder would bring libm's `fmod` into the first load).
    let delay = ((until_ms - now) as i64).rem_euclid(1000).max(50) as u64;
    let again = timer.clone();
    timer.schedule(Duration::from_millis(delay), move || tick(again, left, until_ms));
}
