//! `use_health_refresh`: the card's minute. A refresh now, then a minute after each
//! answer while the page is visible; nothing while it is hidden (one refresh as soon as it
//! shows again, if the minute passed); nothing after the card is gone. The clock the card
//! reads ticks here too. Timers and the listener belong to the calling component.

use std::time::Duration;

use leptos::prelude::*;

use super::control::{Call, HealthControl};
use crate::ui::{page_visible, use_timer, use_visibility_change, Timer};

fn hidden() -> bool {
    !page_visible()
}

/// Schedules the next refresh: due a minute after the last answer (at once if none yet);
/// while a call runs, it looks again in a second.
fn plan(ctl: HealthControl, timer: Timer, every_ms: f64) {
    if ctl.stopped() {
        return timer.cancel();
    }
    let now = js_sys::Date::now();
    let due = match (ctl.busy.get_untracked(), ctl.answered_at.get_value()) {
        (Some(_), _) => 1000.0,
        (None, Some(at)) => (at + every_ms - now).max(0.0),
        (None, None) => 0.0,
    };
    let again = timer.clone();
    timer.schedule(Duration::from_millis(due as u64), move || {
        if hidden() {
            return; // the visibility listener plans again when the page shows
        }
        if ctl.busy.get_untracked().is_none() && due_now(&ctl, every_ms) {
            ctl.run(Call::Refresh);
        }
        plan(ctl, again, every_ms);
    });
}

fn due_now(ctl: &HealthControl, every_ms: f64) -> bool {
    ctl.answered_at.get_value().is_none_or(|at| js_sys::Date::now() - at >= every_ms - 50.0)
}

/// The clock of relative times and countdowns: each second while a countdown runs, else
/// every ten seconds (the finest a relative time changes), and never while hidden.
fn tick(ctl: HealthControl, timer: Timer) {
    let now = js_sys::Date::now();
    if !hidden() {
        ctl.now_ms.set(now);
    }
    let counting = ctl.wait_until.get_untracked().is_some_and(|(_, until)| until > now);
    let again = timer.clone();
    timer.schedule(Duration::from_millis(if counting { 1000 } else { 10_000 }), move || tick(ctl, again));
}

/// Starts the card's minute and clock; both stop with the calling component.
pub fn use_health_refresh(ctl: HealthControl) {
    let every_ms = f64::from(crate::ui::use_app().config.health_refresh_ms);
    let refresh = use_timer();
    let clock = use_timer();
    plan(ctl, refresh.clone(), every_ms);
    tick(ctl, clock.clone());
    // A 429's countdown needs the one-second clock at once.
    Effect::new(move |_| {
        if ctl.wait_until.with(Option::is_some) {
            tick(ctl, clock.clone());
        }
    });
    use_visibility_change(move |visible| {
        if visible {
            ctl.now_ms.set(js_sys::Date::now());
            plan(ctl, refresh.clone(), every_ms);
        } else {
            refresh.cancel();
        }
    });
}
