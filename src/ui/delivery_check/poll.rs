//! `use_delivery_poll`: while the test has news to give and the page is visible, ask about
//! it every 2 s, one request at a time (`domain::delivery_check::next_ask`); nothing while
//! hidden, at once when shown again; the clock of «осталось 9:41» ticks each second while
//! there is a countdown. Its timers and its listener belong to the calling component, so
//! nothing asks after the panel is gone.

use std::time::Duration;

use leptos::prelude::*;

use super::control::{Check, Stage};
use crate::domain::delivery_check::{next_ask, Ask, PollState};
use crate::ui::{page_visible, use_timer, use_visibility_change, Timer};

/// Asks now, later, or not, as the test and the page stand.
fn plan(check: Check, timer: Timer) {
    let now = js_sys::Date::now();
    let has_news =
        check.stage.get_untracked() == Stage::Started && check.outcome(now).is_some_and(|outcome| outcome.asks_again());
    let state = PollState {
        in_flight: check.in_flight.get_untracked(),
        visible: page_visible(),
        has_news,
        failed: check.failure.with_untracked(Option::is_some),
        wait_until_ms: check.wait_until.get_untracked(),
        answered_at_ms: check.answered_at.get_value(),
    };
    match next_ask(state, now) {
        Ask::Now => {
            timer.cancel();
            check.ask();
        }
        Ask::In(ms) => {
            let again = timer.clone();
            timer.schedule(Duration::from_millis(ms.ceil() as u64), move || plan(check, again));
        }
        Ask::Not => timer.cancel(),
    }
}

/// The clock of the countdowns: each second while the test waits or a 429's wait runs and
/// the page is visible; it stops by itself when neither has anything to count.
fn tick(check: Check, timer: Timer) {
    let now = js_sys::Date::now();
    check.now_ms.set(now);
    let waiting =
        check.outcome(now).is_some_and(|o| matches!(o, crate::domain::delivery_check::Outcome::Waiting { .. }));
    let counting = check.wait_until.get_untracked().is_some_and(|until| until > now);
    if (waiting || counting) && page_visible() {
        let again = timer.clone();
        timer.schedule(Duration::from_millis(1000 - (now as u64 % 1000)), move || tick(check, again));
    }
}

/// Starts the panel's asking and clock; both stop with the calling component.
pub fn use_delivery_poll(check: Check) {
    let asking = use_timer();
    let clock = use_timer();
    // Every change that may change the plan: an answer, a failure or its retry, a 429.
    Effect::new({
        let (asking, clock) = (asking.clone(), clock.clone());
        move |_| {
            check.test.track();
            check.stage.track();
            check.in_flight.track();
            check.failure.track();
            check.wait_until.track();
            plan(check, asking.clone());
            if !clock.is_pending() {
                tick(check, clock.clone());
            }
        }
    });
    use_visibility_change(move |visible| {
        if visible {
            tick(check, clock.clone());
            plan(check, asking.clone());
        } else {
            asking.cancel();
            clock.cancel();
        }
    });
}
