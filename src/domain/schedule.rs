//! The work schedule read in its own zone: which hours a date has, whether it is working
//! time at a local moment and until when, and when working time comes next. Pure: the UI
//! turns «now» into the schedule's local date and minute with the browser's `Intl`
//! (daylight saving included), so no time-zone database is needed here.

use max_channel_contract::time::Date;
use max_channel_contract::{check_schedule, day_minutes, WorkSchedule, DAY_MINUTES};

/// How far ahead exceptions are listed and working time is looked for.
pub const LOOK_AHEAD_DAYS: i64 = 60;

/// A moment in the schedule's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalMoment {
    pub date: Date,
    /// Minutes since local midnight, 0–1439.
    pub minute: u16,
}

/// Whether it is working time now, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NowState {
    /// Working until this moment (across midnight when the hours run on).
    Working { until: LocalMoment },
    /// Not working; working time starts again then (`None`: not within 60 days).
    NonWorking { next: Option<LocalMoment> },
}

/// A day's working hours in minutes since midnight, `[from, to)`.
pub type DayHours = Vec<(u16, u16)>;

/// Days of the week with equal hours: the first and last weekday (Monday = 0) and the hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGroup {
    pub first: usize,
    pub last: usize,
    pub hours: DayHours,
}

/// Intervals in order with touching ones joined: «09:00–13:00, 13:00–18:00» is one run of
/// working time (the contract allows touching intervals; they must not read as a break).
fn merged(hours: DayHours) -> DayHours {
    let mut out: DayHours = Vec::with_capacity(hours.len());
    for (from, to) in hours {
        match out.last_mut() {
            Some(last) if last.1 >= from => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

/// A schedule the app reasons about: one that keeps the contract's rules.
#[derive(Debug, Clone)]
pub struct Schedule<'a>(&'a WorkSchedule);

impl<'a> Schedule<'a> {
    /// `None` when the schedule breaks the contract's rules: the app then shows it as it
    /// is and draws no conclusion from it.
    pub fn new(schedule: &'a WorkSchedule) -> Option<Schedule<'a>> {
        check_schedule(schedule).is_empty().then_some(Schedule(schedule))
    }

    /// The working intervals of a date, in minutes: its exception's, else its weekday's.
    pub fn hours_on(&self, date: Date) -> DayHours {
        let text = date.to_string();
        let exception = self.0.exceptions.iter().find(|e| e.date == text);
        let intervals = match exception {
            Some(exception) => &exception.intervals,
            None => match self.0.week.get(date.weekday()) {
                Some(day) => day,
                None => return Vec::new(),
            },
        };
        merged(day_minutes(intervals, "").unwrap_or_default())
    }

    /// Whether it is working time at `now`, and until when or from when.
    pub fn now_state(&self, now: LocalMoment) -> NowState {
        let today = self.hours_on(now.date);
        match today.iter().find(|(from, to)| *from <= now.minute && now.minute < *to) {
            Some(&(_, to)) => NowState::Working { until: self.run_end(now.date, to) },
            None => NowState::NonWorking { next: self.next_start(now) },
        }
    }

    /// Where working time that reaches `to` on `date` really ends: "24:00" followed by
    /// "00:00" the next day runs on.
    fn run_end(&self, mut date: Date, mut to: u16) -> LocalMoment {
        for _ in 0..LOOK_AHEAD_DAYS {
            if to < DAY_MINUTES {
                break;
            }
            let next = date.add_days(1);
            match self.hours_on(next).first() {
                Some(&(0, next_to)) => {
                    date = next;
                    to = next_to;
                }
                _ => return LocalMoment { date: next, minute: 0 },
            }
        }
        LocalMoment { date, minute: to.min(DAY_MINUTES - 1) }
    }

    /// The next start of working time after `now`, within [`LOOK_AHEAD_DAYS`].
    fn next_start(&self, now: LocalMoment) -> Option<LocalMoment> {
        (0..=LOOK_AHEAD_DAYS).find_map(|offset| {
            let date = now.date.add_days(offset);
            let after = if offset == 0 { now.minute } else { 0 };
            self.hours_on(date)
                .iter()
                .find(|(from, _)| *from >= after)
                .map(|&(from, _)| LocalMoment { date, minute: from })
        })
    }

    /// Whether any moment of the next 60 days is outside working time — then the
    /// non-working mode matters.
    pub fn has_non_working_time(&self, today: Date) -> bool {
        (0..LOOK_AHEAD_DAYS).any(|offset| self.hours_on(today.add_days(offset)) != [(0, DAY_MINUTES)])
    }

    /// The non-working stretch a customer meets when writing at `now` or, in working time,
    /// when it next ends: where it starts and when working time resumes (`None`: not
    /// within 60 days). `None` when the schedule has no non-working time at all.
    pub fn non_working_window(&self, now: LocalMoment) -> Option<(LocalMoment, Option<LocalMoment>)> {
        if !self.has_non_working_time(now.date) {
            return None;
        }
        let start = match self.now_state(now) {
            NowState::Working { until } => until,
            NowState::NonWorking { .. } => now,
        };
        Some((start, self.next_start(start)))
    }

    /// The longest non-working stretch not over by `today` and within the next 60 days that
    /// working time closes on both sides (weekends and exceptions included): a customer who writes as it begins
    /// waits that long for an operator. `None`: round the clock, or no working time.
    /// Measured in the schedule's local minutes (a daylight-saving night is an hour off).
    pub fn longest_non_working(&self, today: Date) -> Option<(LocalMoment, LocalMoment)> {
        // From a week back: the stretch a customer is in today began before it, and its
        // weekdays name it as well as the next one's.
        let mut runs: Vec<(i64, i64)> = Vec::new();
        for offset in -7..LOOK_AHEAD_DAYS {
            for (from, to) in self.hours_on(today.add_days(offset)) {
                let (from, to) = (offset * 1440 + i64::from(from), offset * 1440 + i64::from(to));
                match runs.last_mut() {
                    Some(last) if last.1 >= from => last.1 = last.1.max(to),
                    _ => runs.push((from, to)),
                }
            }
        }
        let gaps = runs.windows(2).map(|pair| (pair[0].1, pair[1].0)).filter(|&(_, end)| end > 0);
        // The first of the longest: the one a person meets first.
        let (from, to) = gaps.fold(None, |best: Option<(i64, i64)>, gap| match best {
            Some(best) if best.1 - best.0 >= gap.1 - gap.0 => Some(best),
            _ => Some(gap),
        })?;
        let at = |minutes: i64| LocalMoment {
            date: today.add_days(minutes.div_euclid(1440)),
            minute: minutes.rem_euclid(1440) as u16,
        };
        Some((at(from), at(to)))
    }

    /// The exceptions from `today` on, within 60 days, in date order.
    pub fn upcoming_exceptions(&self, today: Date) -> Vec<&'a max_channel_contract::ScheduleException> {
        let last = today.add_days(LOOK_AHEAD_DAYS);
        self.0.exceptions.iter().filter(|e| Date::parse(&e.date).is_some_and(|d| d >= today && d <= last)).collect()
    }

    /// The week as runs of days with equal hours; days off are runs too (empty hours).
    pub fn week_groups(&self) -> Vec<DayGroup> {
        let mut groups: Vec<DayGroup> = Vec::new();
        for (day, intervals) in self.0.week.iter().enumerate() {
            let hours = merged(day_minutes(intervals, "").unwrap_or_default());
            match groups.last_mut() {
                Some(group) if group.hours == hours => group.last = day,
                _ => groups.push(DayGroup { first: day, last: day, hours }),
            }
        }
        groups
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
