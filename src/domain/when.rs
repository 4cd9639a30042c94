//! Moments as an administrator reads them: «только что», «5 минут назад», «вчера в 22:14»,
//! «30 ноября в 22:20». Pure: the caller gives «now» and the viewer's UTC offset at any
//! moment (the browser's, daylight saving included), so tests set both.

use max_channel_contract::time::{Date, Moment};

use crate::i18n::{count, Locale, Msg, Tr};

/// A clock skew the reader would not notice: a moment up to this far in the future is
/// still «только что» (the back end's clock and ours never agree to the second).
const SKEW_SECONDS: i64 = 5 * 60;

/// Up to this age a moment reads as hours ago rather than as a time of day.
const HOURS_AGO_UNTIL: i64 = 4 * 3600;

/// The viewer's clock: now, and the local offset (minutes east of UTC) at any moment.
pub struct ViewerClock<'a> {
    pub now: i64,
    pub offset_at: &'a dyn Fn(i64) -> i32,
}

/// A moment's local calendar day and time of day for the viewer.
fn local(clock: &ViewerClock<'_>, unix: i64) -> (Date, u32, u32) {
    let local = unix + i64::from((clock.offset_at)(unix)) * 60;
    let day = Date::from_days_since_epoch(local.div_euclid(86_400));
    let seconds = local.rem_euclid(86_400);
    (day, (seconds / 3600) as u32, (seconds % 3600 / 60) as u32)
}

/// «30 ноября», «30 ноября 2025» (the year only when it is not the viewer's current one).
pub fn day_text(locale: Locale, day: Date, this_year: i32) -> String {
    let months: Vec<&str> = Msg::MonthsGenitive.text(locale).split('|').collect();
    let month = months.get(usize::from(day.month).saturating_sub(1)).copied().unwrap_or("");
    let mut text = format!("{} {month}", day.day);
    if day.year != this_year {
        text.push_str(&format!(" {}", day.year));
    }
    text
}

/// A moment as a calendar day: «30 ноября», or «30 ноября 2025» in another year.
pub fn day_of(locale: Locale, clock: &ViewerClock<'_>, unix: i64) -> String {
    let (day, ..) = local(clock, unix);
    day_text(locale, day, local(clock, clock.now).0.year)
}

/// The three ways of naming a point in time: today, yesterday, another day.
type PointForms = [Msg; 3];

fn point(locale: Locale, clock: &ViewerClock<'_>, unix: i64, forms: PointForms) -> String {
    let tr = Tr(locale);
    let (day, hour, minute) = local(clock, unix);
    let today = local(clock, clock.now).0;
    let time = format!("{hour:02}:{minute:02}");
    let form = if day == today {
        forms[0]
    } else if day.add_days(1) == today {
        forms[1]
    } else {
        forms[2]
    };
    tr.f(form, &[("time", &time), ("day", &day_text(locale, day, today.year))])
}

/// A moment as a point in time without «ago»: «сегодня в 09:30», «вчера в 22:14»,
/// «30 ноября в 22:20», «30 ноября 2025 в 22:20».
pub fn moment_text(locale: Locale, clock: &ViewerClock<'_>, unix: i64) -> String {
    point(locale, clock, unix, [Msg::TodayAt, Msg::YesterdayAt, Msg::DayAt])
}

/// Since when something lasts: «с 09:00 сегодня», «с 22:20 вчера», «с 22:20 30 ноября».
pub fn since_text(locale: Locale, clock: &ViewerClock<'_>, unix: i64) -> String {
    point(locale, clock, unix, [Msg::SinceToday, Msg::SinceYesterday, Msg::SinceDay])
}

/// A span between two moments, with the day as a date: «с 13:38 до 21:48 30 ноября» (the
/// day once when both are on it), «с 22:20 30 ноября до 06:19 1 декабря».
pub fn span_text(locale: Locale, clock: &ViewerClock<'_>, from: i64, to: i64) -> String {
    let tr = Tr(locale);
    let year = local(clock, clock.now).0.year;
    let ((from_day, fh, fm), (to_day, th, tm)) = (local(clock, from), local(clock, to));
    let (from_time, to_time) = (format!("{fh:02}:{fm:02}"), format!("{th:02}:{tm:02}"));
    let to_date = day_text(locale, to_day, year);
    if from_day == to_day {
        tr.f(Msg::SpanOneDay, &[("from", &from_time), ("to", &to_time), ("day", &to_date)])
    } else {
        let from_date = day_text(locale, from_day, year);
        tr.f(Msg::SpanDays, &[("from", &from_time), ("from_day", &from_date), ("to", &to_time), ("to_day", &to_date)])
    }
}

/// How long ago a moment was: «только что», «5 минут назад», «2 часа назад», then as
/// [`moment_text`] says it.
pub fn relative_text(locale: Locale, clock: &ViewerClock<'_>, unix: i64) -> String {
    let tr = Tr(locale);
    let age = clock.now - unix;
    if (-SKEW_SECONDS..60).contains(&age) {
        return tr.t(Msg::JustNow).to_owned();
    }
    if (60..3600).contains(&age) {
        // The accusative: «1 минуту назад», «21 минуту назад».
        let minutes = count(locale, Msg::UnitMinuteAgo, (age / 60) as u64);
        return tr.f(Msg::Ago, &[("count", &minutes)]);
    }
    if (3600..HOURS_AGO_UNTIL).contains(&age) {
        let hours = count(locale, Msg::UnitHour, (age / 3600) as u64);
        return tr.f(Msg::Ago, &[("count", &hours)]);
    }
    moment_text(locale, clock, unix)
}

/// A moment in full, the year always: «1 декабря 2026, 10:02» (a history entry), with its
/// seconds when asked («10:02:37»: two entries of one minute).
pub fn full_moment_text(locale: Locale, clock: &ViewerClock<'_>, unix: i64, seconds: bool) -> String {
    let (day, hour, minute) = local(clock, unix);
    // No year is «the current one»: `day_text` then always writes it.
    let day = day_text(locale, day, i32::MIN);
    match seconds {
        true => format!("{day}, {hour:02}:{minute:02}:{:02}", unix.rem_euclid(60)),
        false => format!("{day}, {hour:02}:{minute:02}"),
    }
}

/// Whole seconds left of a wait that ends at `until_ms`, at `now_ms` (milliseconds): a part
/// of a second counts as a second, so zero means the wait is over.
pub fn seconds_left(until_ms: f64, now_ms: f64) -> u32 {
    let left = ((until_ms - now_ms) / 1000.0).ceil();
    if left.is_nan() || left <= 0.0 {
        0
    } else {
        left.min(f64::from(u32::MAX)) as u32
    }
}

/// A span in the accusative, the two largest neighbouring units: «2 минуты», «1 час 5
/// минут», «1 день» (as after «через» or «раз в»). At least one second.
pub fn duration_text(locale: Locale, seconds: i64) -> String {
    let seconds = seconds.max(1);
    let units = [(86_400, Msg::UnitDay), (3600, Msg::UnitHour), (60, Msg::UnitMinuteAgo), (1, Msg::UnitSecondAfter)];
    // Some unit fits (seconds ≥ 1); the next smaller one follows when it is not zero —
    // neighbours only: «1 день 3 минуты» would read as more precise than it is.
    let first = units.iter().position(|(size, _)| seconds >= *size).unwrap_or(units.len() - 1);
    let (size, unit) = units[first];
    let mut parts = vec![count(locale, unit, (seconds / size) as u64)];
    if let Some(&(next, next_unit)) = units.get(first + 1) {
        let n = seconds % size / next;
        if n > 0 {
            parts.push(count(locale, next_unit, n as u64));
        }
    }
    parts.join(" ")
}

/// How long after the customer's first message something happens: «сразу», «через 2
/// минуты», «через 1 час 5 минут».
pub fn after_text(locale: Locale, seconds: i64) -> String {
    let tr = Tr(locale);
    if seconds <= 0 {
        return tr.t(Msg::AtOnce).to_owned();
    }
    tr.f(Msg::AfterDelay, &[("delay", &duration_text(locale, seconds))])
}

/// An RFC 3339 moment of the contract as seconds since the epoch (`None`: not one).
pub fn unix_of(text: &str) -> Option<i64> {
    Moment::parse(text).map(|m| m.unix_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOSCOW: i32 = 180;

    #[test]
    fn a_wait_counts_whole_seconds_down_to_zero() {
        let until = 10_000.0;
        let cases = [(0.0, 10), (1.0, 10), (999.0, 10), (1000.0, 9), (9_001.0, 1), (10_000.0, 0), (99_000.0, 0)];
        for (now, left) in cases {
            assert_eq!(seconds_left(until, now), left, "at {now} ms");
        }
        assert_eq!(seconds_left(f64::NAN, 0.0), 0);
        assert_eq!(seconds_left(f64::INFINITY, 0.0), u32::MAX);
    }

    fn at(text: &str) -> i64 {
        unix_of(text).expect("RFC 3339")
    }

    fn moscow(now: &str) -> (i64, impl Fn(i64) -> i32) {
        (at(now), |_| MOSCOW)
    }

    #[test]
    fn recent_moments_read_as_ago_with_russian_plurals() {
        let (now, offset) = moscow("2026-12-01T09:30:00+03:00");
        let clock = ViewerClock { now, offset_at: &offset };
        let cases = [
            (0, "только что"),
            (59, "только что"),
            (-120, "только что"),
            (60, "1 минуту назад"),
            (2 * 60, "2 минуты назад"),
            (5 * 60, "5 минут назад"),
            (11 * 60, "11 минут назад"),
            (21 * 60 + 59, "21 минуту назад"),
            (59 * 60, "59 минут назад"),
            (3600, "1 час назад"),
            (2 * 3600 + 1800, "2 часа назад"),
            (4 * 3600, "сегодня в 05:30"),
            (9 * 3600 + 1800, "сегодня в 00:00"),
            (9 * 3600 + 1801, "вчера в 23:59"),
            (11 * 3600 + 16 * 60, "вчера в 22:14"),
            (34 * 3600, "29 ноября в 23:30"),
        ];
        for (age, expected) in cases {
            assert_eq!(relative_text(Locale::Ru, &clock, now - age), expected, "{age} s ago");
        }
        assert_eq!(relative_text(Locale::En, &clock, now - 5 * 60), "5 minutes ago");
        assert_eq!(relative_text(Locale::En, &clock, now - 60), "1 minute ago");
        assert_eq!(relative_text(Locale::En, &clock, now - 11 * 3600 - 16 * 60), "yesterday at 22:14");
    }

    #[test]
    fn a_full_moment_always_has_its_year() {
        let (now, offset) = moscow("2026-12-01T12:00:00+03:00");
        let clock = ViewerClock { now, offset_at: &offset };
        assert_eq!(
            full_moment_text(Locale::Ru, &clock, at("2026-12-01T10:02:11+03:00"), false),
            "1 декабря 2026, 10:02"
        );
        assert_eq!(full_moment_text(Locale::Ru, &clock, at("2026-11-28T15:40:00Z"), false), "28 ноября 2026, 18:40");
        assert_eq!(
            full_moment_text(Locale::Ru, &clock, at("2026-12-01T10:02:07+03:00"), true),
            "1 декабря 2026, 10:02:07"
        );
    }

    #[test]
    fn delays_after_the_first_message_in_the_accusative() {
        let cases = [
            (0, "сразу"),
            (1, "через 1 секунду"),
            (30, "через 30 секунд"),
            (120, "через 2 минуты"),
            (420, "через 7 минут"),
            (21 * 60, "через 21 минуту"),
            (90, "через 1 минуту 30 секунд"),
            (3600, "через 1 час"),
            (3900, "через 1 час 5 минут"),
            (2 * 86_400 + 3600, "через 2 дня 1 час"),
            // Neighbouring units only: a day and three minutes reads as a day.
            (86_400 + 180, "через 1 день"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(after_text(Locale::Ru, seconds), expected, "{seconds} s");
        }
        assert_eq!(after_text(Locale::En, 420), "in 7 minutes");
        assert_eq!(after_text(Locale::En, 0), "at once");
    }

    #[test]
    fn the_future_beyond_a_skew_is_a_point_in_time() {
        let (now, offset) = moscow("2026-12-01T09:30:00+03:00");
        let clock = ViewerClock { now, offset_at: &offset };
        assert_eq!(relative_text(Locale::Ru, &clock, now + 299), "только что");
        assert_eq!(relative_text(Locale::Ru, &clock, now + 8 * 3600), "сегодня в 17:30");
    }

    #[test]
    fn other_days_name_the_month_in_the_genitive_and_other_years_the_year() {
        let (now, offset) = moscow("2026-12-01T09:30:00+03:00");
        let clock = ViewerClock { now, offset_at: &offset };
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-11-30T22:20:00+03:00")), "вчера в 22:20");
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-11-29T22:20:00+03:00")), "29 ноября в 22:20");
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-03-08T10:05:00+03:00")), "8 марта в 10:05");
        assert_eq!(moment_text(Locale::Ru, &clock, at("2025-12-31T23:00:00+03:00")), "31 декабря 2025 в 23:00");
        assert_eq!(moment_text(Locale::En, &clock, at("2026-05-02T07:00:00+03:00")), "2 May at 07:00");
        assert_eq!(day_of(Locale::Ru, &clock, at("2026-01-01T00:00:00+03:00")), "1 января");
        assert_eq!(since_text(Locale::Ru, &clock, at("2026-11-30T22:20:00+03:00")), "с 22:20 вчера");
        assert_eq!(since_text(Locale::Ru, &clock, at("2026-12-01T09:00:00+03:00")), "с 09:00 сегодня");
        assert_eq!(since_text(Locale::Ru, &clock, at("2026-11-28T08:00:00+03:00")), "с 08:00 28 ноября");
        assert_eq!(since_text(Locale::En, &clock, at("2026-11-30T22:20:00+03:00")), "since 22:20 yesterday");
        let months: Vec<String> =
            (1..=12).map(|m| day_text(Locale::Ru, Date { year: 2026, month: m, day: 1 }, 2026)).collect();
        assert_eq!(months[1], "1 февраля");
        assert_eq!(months[4], "1 мая");
        assert_eq!(months[11], "1 декабря");
    }

    #[test]
    fn the_viewers_offset_decides_the_day_and_the_time() {
        // 22:14 in Moscow is already tomorrow's 05:14 in Vladivostok (+10).
        let vladivostok = |_| 600;
        let clock = ViewerClock { now: at("2026-12-01T09:30:00+03:00"), offset_at: &vladivostok };
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-11-30T22:14:00+03:00")), "сегодня в 05:14");
        // Berlin: +1 in winter, +2 in summer; each moment with its own offset.
        let berlin_switch = at("2026-03-29T01:00:00Z");
        let berlin = move |unix: i64| if unix >= berlin_switch { 120 } else { 60 };
        let clock = ViewerClock { now: at("2026-03-29T12:00:00+02:00"), offset_at: &berlin };
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-03-29T00:59:00Z")), "сегодня в 01:59");
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-03-29T01:00:00Z")), "сегодня в 03:00");
        assert_eq!(moment_text(Locale::Ru, &clock, at("2026-03-28T22:30:00Z")), "вчера в 23:30");
    }
}
