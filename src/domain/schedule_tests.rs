use max_channel_contract::{ScheduleException, TimeInterval};

use super::*;

fn hours(list: &[(&str, &str)]) -> Vec<TimeInterval> {
    list.iter().map(|(from, to)| TimeInterval { from: (*from).into(), to: (*to).into() }).collect()
}

/// Пн–Чт 09:00–13:00, 14:00–18:00 · Пт 09:00–17:00 · Сб, Вс — выходной, in `zone`.
fn office(zone: &str) -> WorkSchedule {
    let long = hours(&[("09:00", "13:00"), ("14:00", "18:00")]);
    WorkSchedule {
        timezone: zone.into(),
        week: vec![long.clone(), long.clone(), long.clone(), long, hours(&[("09:00", "17:00")]), vec![], vec![]],
        exceptions: vec![
            ScheduleException {
                date: "2026-12-31".into(),
                title: Some("Предпраздничный день".into()),
                intervals: hours(&[("09:00", "15:00")]),
            },
            ScheduleException { date: "2027-01-01".into(), title: Some("Новый год".into()), intervals: vec![] },
        ],
        settings_url: None,
    }
}

fn at(date: &str, time: &str) -> LocalMoment {
    let minute = max_channel_contract::parse_local_time(time, max_channel_contract::End::From).expect("a time");
    LocalMoment { date: Date::parse(date).expect("a date"), minute }
}

#[test]
fn working_or_not_at_local_moments() {
    // The same local table holds in Moscow and in Vladivostok: the zone only decides
    // which local moment «now» is (the UI's Intl).
    for zone in ["Europe/Moscow", "Asia/Vladivostok"] {
        let schedule = office(zone);
        let s = Schedule::new(&schedule).expect("a valid schedule");
        let cases = [
            // Tuesday 2026-12-01.
            (at("2026-12-01", "10:00"), NowState::Working { until: at("2026-12-01", "13:00") }),
            (at("2026-12-01", "13:00"), NowState::NonWorking { next: Some(at("2026-12-01", "14:00")) }),
            (at("2026-12-01", "08:59"), NowState::NonWorking { next: Some(at("2026-12-01", "09:00")) }),
            (at("2026-12-01", "18:00"), NowState::NonWorking { next: Some(at("2026-12-02", "09:00")) }),
            // Friday evening → Monday morning.
            (at("2026-12-04", "17:30"), NowState::NonWorking { next: Some(at("2026-12-07", "09:00")) }),
            (at("2026-12-05", "12:00"), NowState::NonWorking { next: Some(at("2026-12-07", "09:00")) }),
            // An exception on today: 31 December closes at 15:00; 1 January is off.
            (at("2026-12-31", "14:59"), NowState::Working { until: at("2026-12-31", "15:00") }),
            (at("2026-12-31", "16:00"), NowState::NonWorking { next: Some(at("2027-01-04", "09:00")) }),
        ];
        for (now, expected) in cases {
            assert_eq!(s.now_state(now), expected, "{zone} {now:?}");
        }
    }
}

#[test]
fn hours_through_midnight_run_on() {
    let mut schedule = office("Europe/Berlin");
    // Friday until 24:00, Saturday from 00:00 to 02:00.
    schedule.week[4] = hours(&[("18:00", "24:00")]);
    schedule.week[5] = hours(&[("00:00", "02:00")]);
    let s = Schedule::new(&schedule).expect("valid");
    assert_eq!(s.now_state(at("2026-12-04", "23:00")), NowState::Working { until: at("2026-12-05", "02:00") });
    // Without the Saturday hours, 24:00 is midnight itself.
    schedule.week[5] = vec![];
    let s = Schedule::new(&schedule).expect("valid");
    assert_eq!(s.now_state(at("2026-12-04", "23:59")), NowState::Working { until: at("2026-12-05", "00:00") });
}

#[test]
fn across_a_daylight_saving_switch_local_hours_stay_local() {
    // Berlin, Sunday 2026-03-29: 02:00–03:00 does not exist. A Monday-morning start is
    // still 09:00 local; how many seconds away that is, is the zone's business (the UI).
    let schedule = office("Europe/Berlin");
    let s = Schedule::new(&schedule).expect("valid");
    assert_eq!(s.now_state(at("2026-03-29", "01:30")), NowState::NonWorking { next: Some(at("2026-03-30", "09:00")) });
}

#[test]
fn round_the_clock_has_no_non_working_time() {
    let mut schedule = office("Europe/Moscow");
    let today = Date::parse("2026-12-01").expect("date");
    assert!(Schedule::new(&schedule).expect("valid").has_non_working_time(today));
    schedule.week = vec![hours(&[("00:00", "24:00")]); 7];
    schedule.exceptions.clear();
    let s = Schedule::new(&schedule).expect("valid");
    assert!(!s.has_non_working_time(today));
    assert!(matches!(s.now_state(at("2026-12-01", "03:00")), NowState::Working { .. }));
}

#[test]
fn the_week_groups_and_the_exceptions_ahead() {
    let schedule = office("Europe/Moscow");
    let s = Schedule::new(&schedule).expect("valid");
    assert_eq!(
        s.week_groups(),
        [
            DayGroup { first: 0, last: 3, hours: vec![(540, 780), (840, 1080)] },
            DayGroup { first: 4, last: 4, hours: vec![(540, 1020)] },
            DayGroup { first: 5, last: 6, hours: vec![] },
        ]
    );
    let today = Date::parse("2026-12-01").expect("date");
    let dates: Vec<&str> = s.upcoming_exceptions(today).iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2026-12-31", "2027-01-01"]);
    assert!(s.upcoming_exceptions(Date::parse("2027-01-02").expect("date")).is_empty());
    assert!(s.upcoming_exceptions(Date::parse("2026-10-01").expect("date")).is_empty(), "over 60 days ahead");
}

#[test]
fn a_schedule_that_breaks_the_rules_is_not_reasoned_about() {
    let mut schedule = office("Europe/Moscow");
    schedule.week.pop();
    assert!(Schedule::new(&schedule).is_none());
}

#[test]
fn the_non_working_stretch_a_customer_meets() {
    let schedule = office("Europe/Moscow");
    let s = Schedule::new(&schedule).expect("valid");
    let cases = [
        // In working time: the stretch starts when the working run ends (the lunch break).
        (at("2026-12-01", "10:00"), Some((at("2026-12-01", "13:00"), Some(at("2026-12-01", "14:00"))))),
        // Friday evening: from now to Monday 09:00.
        (at("2026-12-04", "20:00"), Some((at("2026-12-04", "20:00"), Some(at("2026-12-07", "09:00"))))),
        // An exception on today: 31 December closes at 15:00, the next start is 4 January.
        (at("2026-12-31", "10:00"), Some((at("2026-12-31", "15:00"), Some(at("2027-01-04", "09:00"))))),
    ];
    for (now, expected) in cases {
        assert_eq!(s.non_working_window(now), expected, "{now:?}");
    }
    let mut open = schedule.clone();
    open.week = vec![hours(&[("00:00", "24:00")]); 7];
    open.exceptions.clear();
    assert_eq!(Schedule::new(&open).expect("valid").non_working_window(at("2026-12-01", "10:00")), None);
}

#[test]
fn touching_intervals_are_one_run() {
    let mut schedule = office("Europe/Moscow");
    schedule.week[0] = hours(&[("09:00", "13:00"), ("13:00", "18:00")]);
    schedule.week[1] = hours(&[("00:00", "12:00"), ("12:00", "24:00")]);
    let s = Schedule::new(&schedule).expect("valid");
    // Monday 2026-11-30 at noon: working until 18:00, no break at 13:00.
    assert_eq!(s.now_state(at("2026-11-30", "12:00")), NowState::Working { until: at("2026-11-30", "18:00") });
    assert_eq!(s.hours_on(Date::parse("2026-12-01").expect("date")), vec![(0, 1440)]);
    assert_eq!(s.week_groups()[0].hours, vec![(540, 1080)]);
}

#[test]
fn the_longest_non_working_stretch_between_working_times() {
    let schedule = office("Europe/Moscow");
    let s = Schedule::new(&schedule).expect("a valid schedule");
    let tuesday = Date::parse("2026-12-01").expect("a date");
    // The New Year: a short 31 December, a holiday Friday, the weekend.
    assert_eq!(s.longest_non_working(tuesday), Some((at("2026-12-31", "15:00"), at("2027-01-04", "09:00"))));
    // Without the exceptions, the first of the equal weekends.
    let plain = WorkSchedule { exceptions: vec![], ..office("Europe/Moscow") };
    let s = Schedule::new(&plain).expect("a valid schedule");
    assert_eq!(s.longest_non_working(tuesday), Some((at("2026-12-04", "17:00"), at("2026-12-07", "09:00"))));
    // Round the clock but Sunday: the runs through midnight are one, the Sunday is the gap.
    let all_day = hours(&[("00:00", "24:00")]);
    let mut week = vec![all_day.clone(); 6];
    week.push(vec![]);
    let sundays = WorkSchedule { week, exceptions: vec![], ..office("Europe/Moscow") };
    let s = Schedule::new(&sundays).expect("a valid schedule");
    assert_eq!(s.longest_non_working(tuesday), Some((at("2026-12-06", "00:00"), at("2026-12-07", "00:00"))));
    // Nothing to wait through: round the clock, or never working (no end to wait for).
    let always = WorkSchedule { week: vec![all_day; 7], exceptions: vec![], ..office("Europe/Moscow") };
    assert_eq!(Schedule::new(&always).expect("valid").longest_non_working(tuesday), None);
    let never = WorkSchedule { week: vec![vec![]; 7], exceptions: vec![], ..office("Europe/Moscow") };
    assert_eq!(Schedule::new(&never).expect("valid").longest_non_working(tuesday), None);
    // On a Sunday, the weekend a customer is in counts: it began before today.
    let sunday = Date::parse("2026-12-06").expect("a date");
    let s = Schedule::new(&plain).expect("a valid schedule");
    assert_eq!(s.longest_non_working(sunday), Some((at("2026-12-04", "17:00"), at("2026-12-07", "09:00"))));
    // On Tuesday that weekend is over: the next one.
    assert_eq!(s.longest_non_working(sunday.add_days(2)), Some((at("2026-12-11", "17:00"), at("2026-12-14", "09:00"))));
}
