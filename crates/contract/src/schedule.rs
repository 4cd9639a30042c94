//! Contract 1.1: `WorkSchedule`, the answer of `getSchedule`, and its rules. «Нерабочее
//! время» in the settings means any moment outside this schedule.
//!
//! The rules are pure functions: a back end checks a schedule before it hands it out, and
//! the app refuses to reason about one that breaks them (it shows the schedule as is).

use serde::{Deserialize, Serialize};

use crate::time::Date;

/// `TimeInterval`: `from` < `to`, local "HH:MM" in the schedule's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeInterval {
    pub from: String,
    pub to: String,
}

/// One entry of `WorkSchedule.exceptions`: a date whose hours differ from the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleException {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Empty: closed all day.
    pub intervals: Vec<TimeInterval>,
}

/// `WorkSchedule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkSchedule {
    /// An IANA time zone name, e.g. `Europe/Moscow`.
    pub timezone: String,
    /// Exactly 7 days, Monday first; each the day's working intervals (empty: a day off).
    pub week: Vec<Vec<TimeInterval>>,
    /// In date order.
    pub exceptions: Vec<ScheduleException>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings_url: Option<String>,
}

/// Minutes in a day: the value of "24:00".
pub const DAY_MINUTES: u16 = 24 * 60;

/// Which end of an interval a time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

/// A `LocalTime` as minutes since midnight: "00:00" to "23:59", and "24:00" (1440) only
/// as an interval's end.
pub fn parse_local_time(text: &str, end: End) -> Option<u16> {
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b':' || !b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
        return None;
    }
    let hours = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
    let minutes = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
    match (hours, minutes, end) {
        (24, 0, End::To) => Some(DAY_MINUTES),
        (0..=23, 0..=59, _) => Some(hours * 60 + minutes),
        _ => None,
    }
}

/// What is wrong with a schedule, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleProblem {
    /// `timezone` is empty or not shaped like an IANA name.
    TimeZone,
    /// `week` does not have 7 days.
    WeekLength(usize),
    /// A time that is not "HH:MM" (or "24:00" as a start), at `path`.
    BadTime { path: String },
    /// `from` is not before `to`.
    EmptyInterval { path: String },
    /// An interval starts before the previous one of its day ends.
    Unordered { path: String },
    /// An exception's date is not a date.
    BadDate { path: String },
    /// An exception's date is not after the one before it.
    ExceptionOrder { path: String },
}

/// The day's intervals as minute pairs, checked: well-formed, `from` < `to`, in order and
/// not overlapping (touching is fine: 13:00–14:00 then 14:00–18:00).
pub fn day_minutes(intervals: &[TimeInterval], path: &str) -> Result<Vec<(u16, u16)>, ScheduleProblem> {
    let mut out: Vec<(u16, u16)> = Vec::with_capacity(intervals.len());
    for (i, interval) in intervals.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let from = parse_local_time(&interval.from, End::From)
            .ok_or_else(|| ScheduleProblem::BadTime { path: format!("{at}.from") })?;
        let to = parse_local_time(&interval.to, End::To)
            .ok_or_else(|| ScheduleProblem::BadTime { path: format!("{at}.to") })?;
        if from >= to {
            return Err(ScheduleProblem::EmptyInterval { path: at });
        }
        if out.last().is_some_and(|&(_, end)| from < end) {
            return Err(ScheduleProblem::Unordered { path: at });
        }
        out.push((from, to));
    }
    Ok(out)
}

/// Every rule the contract states for a schedule; empty when it keeps them all.
pub fn check_schedule(schedule: &WorkSchedule) -> Vec<ScheduleProblem> {
    let mut problems = Vec::new();
    let zone_ok = !schedule.timezone.is_empty()
        && schedule.timezone.len() <= 64
        && schedule.timezone.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'));
    if !zone_ok {
        problems.push(ScheduleProblem::TimeZone);
    }
    if schedule.week.len() != 7 {
        problems.push(ScheduleProblem::WeekLength(schedule.week.len()));
    }
    for (day, intervals) in schedule.week.iter().enumerate() {
        if let Err(problem) = day_minutes(intervals, &format!("week[{day}]")) {
            problems.push(problem);
        }
    }
    let mut previous: Option<Date> = None;
    for (i, exception) in schedule.exceptions.iter().enumerate() {
        let at = format!("exceptions[{i}]");
        match Date::parse(&exception.date) {
            None => problems.push(ScheduleProblem::BadDate { path: format!("{at}.date") }),
            Some(date) => {
                if previous.is_some_and(|p| date <= p) {
                    problems.push(ScheduleProblem::ExceptionOrder { path: format!("{at}.date") });
                }
                previous = Some(date);
            }
        }
        if let Err(problem) = day_minutes(&exception.intervals, &format!("{at}.intervals")) {
            problems.push(problem);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(from: &str, to: &str) -> TimeInterval {
        TimeInterval { from: from.into(), to: to.into() }
    }

    #[test]
    fn local_times() {
        let cases = [
            ("00:00", End::From, Some(0)),
            ("09:30", End::From, Some(570)),
            ("23:59", End::To, Some(1439)),
            ("24:00", End::To, Some(1440)),
            ("24:00", End::From, None),
            ("24:01", End::To, None),
            ("12:60", End::From, None),
            ("9:30", End::From, None),
            ("09-30", End::From, None),
            ("０9:30", End::From, None),
            ("", End::To, None),
        ];
        for (text, end, expected) in cases {
            assert_eq!(parse_local_time(text, end), expected, "{text} {end:?}");
        }
    }

    #[test]
    fn day_intervals_are_well_formed_and_ordered() {
        assert_eq!(day_minutes(&[iv("09:00", "13:00"), iv("13:00", "24:00")], "d"), Ok(vec![(540, 780), (780, 1440)]));
        assert_eq!(day_minutes(&[], "d"), Ok(vec![]));
        assert_eq!(day_minutes(&[iv("00:00", "24:00")], "d"), Ok(vec![(0, 1440)]));
        let bad = [
            (vec![iv("24:00", "24:00")], ScheduleProblem::BadTime { path: "d[0].from".into() }),
            (vec![iv("09:00", "25:00")], ScheduleProblem::BadTime { path: "d[0].to".into() }),
            (vec![iv("13:00", "09:00")], ScheduleProblem::EmptyInterval { path: "d[0]".into() }),
            (vec![iv("09:00", "09:00")], ScheduleProblem::EmptyInterval { path: "d[0]".into() }),
            (vec![iv("09:00", "13:00"), iv("12:00", "18:00")], ScheduleProblem::Unordered { path: "d[1]".into() }),
            (vec![iv("14:00", "18:00"), iv("09:00", "13:00")], ScheduleProblem::Unordered { path: "d[1]".into() }),
        ];
        for (intervals, problem) in bad {
            assert_eq!(day_minutes(&intervals, "d"), Err(problem), "{intervals:?}");
        }
    }

    fn week() -> Vec<Vec<TimeInterval>> {
        let mut week = vec![vec![iv("09:00", "18:00")]; 5];
        week.extend([vec![], vec![]]);
        week
    }

    #[test]
    fn a_schedule_has_seven_days_a_zone_and_ordered_exceptions() {
        let ok = WorkSchedule {
            timezone: "America/Argentina/Buenos_Aires".into(),
            week: week(),
            exceptions: vec![
                ScheduleException { date: "2026-12-31".into(), title: None, intervals: vec![iv("09:00", "15:00")] },
                ScheduleException {
                    date: "2027-01-01".into(), title: Some("Новый год".into()), intervals: vec![]
                },
            ],
            settings_url: None,
        };
        assert!(check_schedule(&ok).is_empty());
        let mut six = ok.clone();
        six.week.pop();
        assert_eq!(check_schedule(&six), [ScheduleProblem::WeekLength(6)]);
        let mut zone = ok.clone();
        zone.timezone = "Moscow time".into();
        assert_eq!(check_schedule(&zone), [ScheduleProblem::TimeZone]);
        let mut order = ok.clone();
        order.exceptions.swap(0, 1);
        assert_eq!(check_schedule(&order), [ScheduleProblem::ExceptionOrder { path: "exceptions[1].date".into() }]);
        let mut date = ok.clone();
        date.exceptions[0].date = "2026-02-30".into();
        assert_eq!(check_schedule(&date), [ScheduleProblem::BadDate { path: "exceptions[0].date".into() }]);
        let mut day = ok;
        day.week[6] = vec![iv("10:00", "24:00"), iv("24:00", "24:00")];
        assert_eq!(check_schedule(&day), [ScheduleProblem::BadTime { path: "week[6][1].from".into() }]);
    }
}
