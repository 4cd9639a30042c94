//! The account's work schedule on the settings page (`getSchedule`): loaded beside the
//! form (a failure costs the form nothing), read in its own zone, with «now» ticking each
//! minute. The block in «Нерабочее время», the customer view and the warnings read it.

mod block;
pub(crate) mod zone;

pub use block::ScheduleBlock;
use zone::ZoneClock;

use std::time::Duration;

use leptos::prelude::*;
use max_channel_contract::time::Date;
use max_channel_contract::WorkSchedule;

use crate::api::{ApiError, SharedBackend};
use crate::domain::schedule::{LocalMoment, NowState, Schedule};
use crate::domain::warnings::{NightStretch, ScheduleFacts};
use crate::domain::zone::{local_of, unix_of};
use crate::ui::timer::{use_timer, Timer};
use crate::ui::{use_tasks, Tasks};

/// The non-working stretch a customer who writes now meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// Where it starts: now, or when the working run ends.
    pub start: LocalMoment,
    /// Whether that is now.
    pub now: bool,
    /// Seconds from its start until working time resumes (`None`: not within 60 days).
    pub resumes_in: Option<i64>,
    pub resume: Option<LocalMoment>,
}

/// The schedule read at «now» in its zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub today: Date,
    pub state: NowState,
    pub has_non_working_time: bool,
    pub stretch: Option<Stretch>,
    /// The longest non-working stretch of the next 60 days, for the warnings.
    pub longest_night: Option<NightStretch>,
    /// The zone's offset east of UTC now, in minutes: «московское время, UTC+3».
    pub offset: i32,
}

/// The loaded schedule and its reading; `Copy`, shared through context.
///
/// A signal filled by a task rather than a `LocalResource`: a resource read under the
/// settings page's `<Suspense>` would suspend the whole form again while the schedule loads
/// (and take the focus with it).
#[derive(Clone, Copy)]
pub struct ScheduleInfo {
    /// `None` while loading.
    pub loaded: RwSignal<Option<Result<WorkSchedule, ApiError>>>,
    api: StoredValue<SharedBackend>,
    tasks: Tasks,
    /// The back end's «now», unix seconds, ticking each minute.
    pub now: RwSignal<i64>,
    /// `None` while loading, after a failure, or when the zone or the schedule cannot be read.
    pub reading: Memo<Option<Reading>>,
}

/// Sets «now» and comes back at the next minute (the timer dies with the page).
fn tick(timer: Timer, now: RwSignal<i64>, api: StoredValue<SharedBackend>) {
    let Some(ms) = api.try_with_value(|api| api.server_now_ms(js_sys::Date::now())) else { return };
    if now.try_set((ms / 1000.0).floor() as i64).is_some() {
        return; // the signal is gone: so is the page
    }
    let delay = 60_000.0 - ms.rem_euclid(60_000.0) + 50.0;
    let again = timer.clone();
    timer.schedule(Duration::from_millis(delay as u64), move || tick(again, now, api));
}

/// Reads a valid schedule at `now` in its zone; `None` when the zone is unknown.
pub fn read(schedule: &WorkSchedule, now: i64) -> Option<Reading> {
    let valid = Schedule::new(schedule)?;
    let clock = ZoneClock::new(&schedule.timezone, now)?;
    let offset = |unix| clock.offset_at(unix);
    let local = local_of(now, &offset);
    let stretch = valid.non_working_window(local).map(|(start, resume)| {
        // In whole minutes, as the schedule is: «через 17 часов», not «16 часов 59 минут».
        // «Now» is taken as it is, not read back from the local time: in the hour a switch
        // repeats, the local time names two instants.
        let start_unix = if start == local { now - now.rem_euclid(60) } else { unix_of(start, &offset) };
        Stretch { start, now: start == local, resumes_in: resume.map(|r| unix_of(r, &offset) - start_unix), resume }
    });
    Some(Reading {
        today: local.date,
        state: valid.now_state(local),
        has_non_working_time: valid.has_non_working_time(local.date),
        stretch,
        longest_night: valid.longest_non_working(local.date).map(|(from, to)| NightStretch {
            from,
            to,
            today: local.date,
        }),
        offset: offset(now),
    })
}

impl ScheduleInfo {
    /// Starts loading the schedule for the page that calls it.
    pub fn load(api: SharedBackend) -> ScheduleInfo {
        let loaded = RwSignal::new(None);
        let now = RwSignal::new((api.server_now_ms(js_sys::Date::now()) / 1000.0).floor() as i64);
        let api = StoredValue::new(api);
        tick(use_timer(), now, api);
        let reading = Memo::new(move |_| {
            let now = now.get();
            loaded.with(|l| match l {
                Some(Ok(schedule)) => read(schedule, now),
                _ => None,
            })
        });
        let info = ScheduleInfo { loaded, api, tasks: use_tasks(), now, reading };
        info.fetch();
        info
    }

    /// Asks for the schedule (again). The task ends with the page that loaded it.
    pub fn fetch(&self) {
        let Some(api) = self.api.try_get_value() else { return };
        let loaded = self.loaded;
        loaded.set(None);
        self.tasks.spawn(async move {
            let answer = api.schedule().await;
            let _ = loaded.try_set(Some(answer));
        });
    }

    /// What the warnings need of the schedule (unknown: nothing).
    pub fn facts(&self) -> ScheduleFacts {
        self.reading.with(|r| {
            r.as_ref().map_or_else(ScheduleFacts::default, |r| ScheduleFacts {
                has_non_working_time: r.has_non_working_time,
                longest_night: r.longest_night,
            })
        })
    }
}
