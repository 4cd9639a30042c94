//! The panel's fixed moment: «Сб 19:30» in the schedule's zone. The preview's clock is moved
//! to the latest such moment and runs on from there, for the pages and the fake alike.

use crate::api::demo::{DemoBackend, WeekMoment};
use crate::api::Backend;
use crate::domain::zone::latest_on_weekday;
use crate::ui::schedule::zone::ZoneClock;

/// Moves the clock to `moment` in the account's schedule zone (the fake starts the account
/// afresh on it), or back to the real time. A zone the browser does not know keeps the
/// real time: the schedule says so on its own.
pub fn apply(demo: &DemoBackend, moment: Option<WeekMoment>) {
    let Some(moment) = moment else {
        if demo.server_clock_offset_ms() != 0.0 {
            demo.set_clock_offset(0);
        }
        return;
    };
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    let Some(zone) = ZoneClock::new(&demo.schedule_now().timezone, now) else { return };
    let at = latest_on_weekday(now, usize::from(moment.weekday), moment.minute, &|unix| zone.offset_at(unix));
    demo.set_clock_offset((at - now) * 1000);
}
