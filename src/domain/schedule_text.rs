//! The schedule in words: «Пн–Чт 09:00–13:00, 14:00–18:00 · Пт 09:00–17:00 · Сб, Вс —
//! выходной», «31 декабря — 09:00–15:00 (Предпраздничный день)», «Сейчас нерабочее время,
//! до 09:00 понедельника».

use max_channel_contract::time::Date;
use max_channel_contract::{day_minutes, ScheduleException};

use super::schedule::{DayGroup, LocalMoment, NowState};
use super::when::day_text;
use crate::i18n::{Locale, Msg, Tr};

/// «09:00», and «24:00» for the end of a day.
pub fn clock_text(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// «09:00–13:00, 14:00–18:00», or «выходной» for a day without hours.
fn hours_text(locale: Locale, hours: &[(u16, u16)]) -> String {
    if hours.is_empty() {
        return Tr(locale).t(Msg::DayOff).to_owned();
    }
    let spans: Vec<String> =
        hours.iter().map(|&(from, to)| format!("{}–{}", clock_text(from), clock_text(to))).collect();
    spans.join(", ")
}

fn form(locale: Locale, msg: Msg, index: usize) -> &'static str {
    msg.text(locale).split('|').nth(index).unwrap_or("")
}

/// The week, runs of days with equal hours: «Пн–Чт 09:00–18:00 · Сб, Вс — выходной».
pub fn week_text(locale: Locale, groups: &[DayGroup]) -> String {
    let day = |i| form(locale, Msg::WeekdaysShort, i);
    let parts: Vec<String> = groups
        .iter()
        .map(|group| {
            let days = match group.last - group.first {
                0 => day(group.first).to_owned(),
                1 => format!("{}, {}", day(group.first), day(group.last)),
                _ => format!("{}–{}", day(group.first), day(group.last)),
            };
            let separator = if group.hours.is_empty() { " — " } else { " " };
            format!("{days}{separator}{}", hours_text(locale, &group.hours))
        })
        .collect();
    parts.join(" · ")
}

/// «31 декабря — 09:00–15:00 (Предпраздничный день)», «1 января — выходной (Новый год)».
/// Within 60 days the date needs no year.
pub fn exception_text(locale: Locale, exception: &ScheduleException) -> String {
    let Some(date) = Date::parse(&exception.date) else {
        return exception.date.clone();
    };
    let hours = day_minutes(&exception.intervals, "").unwrap_or_default();
    let mut text = format!("{} — {}", day_text(locale, date, date.year), hours_text(locale, &hours));
    if let Some(title) = exception.title.as_deref().filter(|t| !t.trim().is_empty()) {
        text.push_str(&format!(" ({title})"));
    }
    text
}

/// A local moment said from `today` with one of three forms: the time alone (today), with
/// the weekday in the genitive (within the week), with the date (beyond).
fn point_text(locale: Locale, moment: LocalMoment, today: Date, forms: [Msg; 3], weekdays: Msg) -> String {
    let tr = Tr(locale);
    let time = clock_text(moment.minute);
    let days_ahead = moment.date.days_since_epoch() - today.days_since_epoch();
    match days_ahead {
        0 => tr.f(forms[0], &[("time", &time)]),
        1..=6 => {
            let weekday = form(locale, weekdays, moment.date.weekday());
            tr.f(forms[1], &[("time", &time), ("weekday", weekday)])
        }
        _ => tr.f(forms[2], &[("time", &time), ("day", &day_text(locale, moment.date, today.year))]),
    }
}

/// A non-working stretch: «с 17:00 пятницы до 09:00 понедельника» when it ends within the
/// week (the weekdays say it), else with dates: «с 15:00 31 декабря до 09:00 4 января».
pub fn stretch_text(locale: Locale, from: LocalMoment, to: LocalMoment, today: Date) -> String {
    let tr = Tr(locale);
    let within_week = to.date.days_since_epoch() - today.days_since_epoch() <= 6;
    let point = |moment: LocalMoment| {
        let time = clock_text(moment.minute);
        if within_week {
            let weekday = form(locale, Msg::WeekdaysGenitive, moment.date.weekday());
            tr.f(Msg::PointWeekday, &[("time", &time), ("weekday", weekday)])
        } else {
            tr.f(Msg::PointDay, &[("time", &time), ("day", &day_text(locale, moment.date, today.year))])
        }
    };
    tr.f(Msg::StretchText, &[("from", &point(from)), ("to", &point(to))])
}

/// Until when a state lasts: «до 13:00», «до 24:00» (the midnight ending today), «до 09:00
/// понедельника» within the week, «до 09:00 4 января» beyond.
pub fn until_text(locale: Locale, until: LocalMoment, today: Date) -> String {
    if until.date == today.add_days(1) && until.minute == 0 {
        return Tr(locale).f(Msg::UntilTime, &[("time", &clock_text(24 * 60))]);
    }
    point_text(locale, until, today, [Msg::UntilTime, Msg::UntilWeekday, Msg::UntilDay], Msg::WeekdaysGenitive)
}

/// When something happens: «в 18:00», «в понедельник в 09:00», «в 09:00 4 января».
pub fn at_text(locale: Locale, moment: LocalMoment, today: Date) -> String {
    point_text(locale, moment, today, [Msg::AtTime, Msg::AtWeekday, Msg::AtDay], Msg::WeekdaysAccusative)
}

/// «Сейчас рабочее время, до 13:00», «Сейчас нерабочее время, до 09:00 понедельника».
pub fn now_text(locale: Locale, state: NowState, today: Date) -> String {
    let tr = Tr(locale);
    match state {
        NowState::Working { until } => tr.f(Msg::NowWorking, &[("until", &until_text(locale, until, today))]),
        NowState::NonWorking { next: Some(next) } => {
            tr.f(Msg::NowNonWorking, &[("until", &until_text(locale, next, today))])
        }
        NowState::NonWorking { next: None } => tr.t(Msg::NowNonWorkingLong).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::Schedule;
    use max_channel_contract::{TimeInterval, WorkSchedule};

    fn hours(list: &[(&str, &str)]) -> Vec<TimeInterval> {
        list.iter().map(|(from, to)| TimeInterval { from: (*from).into(), to: (*to).into() }).collect()
    }

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn at(text: &str, hour: u16, minute: u16) -> LocalMoment {
        LocalMoment { date: date(text), minute: hour * 60 + minute }
    }

    fn week(days: Vec<Vec<TimeInterval>>) -> WorkSchedule {
        WorkSchedule { timezone: "Asia/Vladivostok".into(), week: days, exceptions: vec![], settings_url: None }
    }

    #[test]
    fn the_week_in_groups() {
        let long = hours(&[("09:00", "13:00"), ("14:00", "18:00")]);
        let office =
            week(vec![long.clone(), long.clone(), long.clone(), long, hours(&[("09:00", "17:00")]), vec![], vec![]]);
        let groups = Schedule::new(&office).expect("valid").week_groups();
        assert_eq!(
            week_text(Locale::Ru, &groups),
            "Пн–Чт 09:00–13:00, 14:00–18:00 · Пт 09:00–17:00 · Сб, Вс — выходной"
        );
        assert_eq!(
            week_text(Locale::En, &groups),
            "Mon–Thu 09:00–13:00, 14:00–18:00 · Fri 09:00–17:00 · Sat, Sun — day off"
        );
        let day = || hours(&[("08:00", "24:00")]);
        let vladivostok = week(vec![day(), day(), day(), day(), day(), hours(&[("10:00", "14:00")]), vec![]]);
        let groups = Schedule::new(&vladivostok).expect("valid").week_groups();
        assert_eq!(week_text(Locale::Ru, &groups), "Пн–Пт 08:00–24:00 · Сб 10:00–14:00 · Вс — выходной");
    }

    #[test]
    fn exceptions_with_their_titles() {
        let short = ScheduleException {
            date: "2026-12-31".into(),
            title: Some("Предпраздничный день".into()),
            intervals: hours(&[("09:00", "15:00")]),
        };
        assert_eq!(exception_text(Locale::Ru, &short), "31 декабря — 09:00–15:00 (Предпраздничный день)");
        let off =
            ScheduleException { date: "2027-01-01".into(), title: Some("Новый год".into()), intervals: vec![] };
        assert_eq!(exception_text(Locale::Ru, &off), "1 января — выходной (Новый год)");
        let untitled = ScheduleException { date: "2027-01-08".into(), title: None, intervals: vec![] };
        assert_eq!(exception_text(Locale::Ru, &untitled), "8 января — выходной");
    }

    #[test]
    fn now_and_until_when() {
        let today = date("2026-12-02"); // a Wednesday
        let cases = [
            (NowState::Working { until: at("2026-12-02", 13, 0) }, "Сейчас рабочее время, до 13:00"),
            (NowState::Working { until: at("2026-12-03", 0, 0) }, "Сейчас рабочее время, до 24:00"),
            (NowState::Working { until: at("2026-12-03", 2, 0) }, "Сейчас рабочее время, до 02:00 четверга"),
            (NowState::NonWorking { next: Some(at("2026-12-02", 14, 0)) }, "Сейчас нерабочее время, до 14:00"),
            (
                NowState::NonWorking { next: Some(at("2026-12-07", 9, 0)) },
                "Сейчас нерабочее время, до 09:00 понедельника",
            ),
            (
                NowState::NonWorking { next: Some(at("2026-12-06", 9, 0)) },
                "Сейчас нерабочее время, до 09:00 воскресенья",
            ),
            (NowState::NonWorking { next: Some(at("2026-12-09", 9, 0)) }, "Сейчас нерабочее время, до 09:00 9 декабря"),
            (NowState::NonWorking { next: None }, "Сейчас нерабочее время; рабочего времени в ближайшие 60 дней нет"),
        ];
        for (state, expected) in cases {
            assert_eq!(now_text(Locale::Ru, state, today), expected, "{state:?}");
        }
        assert_eq!(at_text(Locale::Ru, at("2026-12-02", 18, 0), today), "в 18:00");
        assert_eq!(at_text(Locale::Ru, at("2026-12-07", 9, 0), today), "в понедельник в 09:00");
        assert_eq!(at_text(Locale::En, at("2026-12-07", 9, 0), today), "on Monday at 09:00");
        let monday = NowState::NonWorking { next: Some(at("2026-12-07", 9, 0)) };
        assert_eq!(now_text(Locale::En, monday, today), "Non-working time now, until 09:00 on Monday");
    }
}
