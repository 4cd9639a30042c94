//! Instants and the local moments of a zone, given the zone's UTC offset at any instant.
//! The UI asks the browser's `Intl.DateTimeFormat` for that offset (daylight saving
//! included); tests give rules. No time-zone database is needed here.

use max_channel_contract::time::Date;

use super::schedule::LocalMoment;

/// The zone's offset east of UTC, in minutes, at an instant (unix seconds).
pub type OffsetAt<'a> = &'a dyn Fn(i64) -> i32;

/// The local moment of an instant (seconds within the minute dropped).
pub fn local_of(unix: i64, offset_at: OffsetAt<'_>) -> LocalMoment {
    let local = unix + i64::from(offset_at(unix)) * 60;
    LocalMoment {
        date: Date::from_days_since_epoch(local.div_euclid(86_400)),
        minute: (local.rem_euclid(86_400) / 60) as u16,
    }
}

/// The local moment read as if it were UTC.
fn naive(local: LocalMoment) -> i64 {
    local.date.days_since_epoch() * 86_400 + i64::from(local.minute) * 60
}

/// The instant of a local moment. A moment a switch repeats is its earlier instant; a
/// moment a switch skips is read with the offset before the switch, which lands after the
/// gap by its length (as `Temporal`'s «compatible» reading does).
pub fn unix_of(local: LocalMoment, offset_at: OffsetAt<'_>) -> i64 {
    let naive = naive(local);
    // A switch changes the offset at most once around one local moment: the offsets a day
    // before and a day after are the only candidates.
    let before = naive - i64::from(offset_at(naive - 86_400)) * 60;
    let after = naive - i64::from(offset_at(naive + 86_400)) * 60;
    let fits = |unix: i64| local_of(unix, offset_at) == local;
    match (fits(before), fits(after)) {
        (true, true) => before.min(after),
        (true, false) => before,
        (false, true) => after,
        (false, false) => before,
    }
}

/// The latest instant at or before `now` whose local time is `minute` on `weekday`
/// (Monday = 0): where a preview's clock stands to show that moment of the week.
pub fn latest_on_weekday(now: i64, weekday: usize, minute: u16, offset_at: OffsetAt<'_>) -> i64 {
    let today = local_of(now, offset_at);
    let days_back = (today.date.weekday() + 7 - weekday % 7) % 7;
    let mut date = today.date.add_days(-(days_back as i64));
    if days_back == 0 && minute > today.minute {
        date = date.add_days(-7);
    }
    unix_of(LocalMoment { date, minute }, offset_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, hour: u16, minute: u16) -> LocalMoment {
        LocalMoment { date: Date::parse(date).expect("a date"), minute: hour * 60 + minute }
    }

    fn utc(date: &str, hour: i64, minute: i64) -> i64 {
        Date::parse(date).expect("a date").days_since_epoch() * 86_400 + hour * 3600 + minute * 60
    }

    /// Berlin in 2026: CET (+60) until 29 March 01:00 UTC, CEST (+120) until 25 October
    /// 01:00 UTC.
    fn berlin(unix: i64) -> i32 {
        if (utc("2026-03-29", 1, 0)..utc("2026-10-25", 1, 0)).contains(&unix) {
            120
        } else {
            60
        }
    }

    #[test]
    fn fixed_zones_both_ways() {
        let moscow = |_| 180;
        let vladivostok = |_| 600;
        let cases: [(OffsetAt<'_>, i64, LocalMoment); 4] = [
            (&moscow, utc("2026-12-01", 6, 0), at("2026-12-01", 9, 0)),
            (&moscow, utc("2026-12-01", 21, 30), at("2026-12-02", 0, 30)),
            (&vladivostok, utc("2026-12-06", 5, 0), at("2026-12-06", 15, 0)),
            // Midnight: the next day's minute 0.
            (&vladivostok, utc("2026-12-01", 14, 0), at("2026-12-02", 0, 0)),
        ];
        for (offset, unix, local) in cases {
            assert_eq!(local_of(unix, offset), local);
            assert_eq!(unix_of(local, offset), unix);
        }
    }

    #[test]
    fn the_latest_moment_of_a_weekday() {
        let moscow = |_| 180;
        // Saturday 2026-12-05, 19:40 in Moscow.
        let now = utc("2026-12-05", 16, 40);
        let cases = [
            // Saturday 19:30: ten minutes ago.
            (5, 19 * 60 + 30, utc("2026-12-05", 16, 30)),
            // Saturday 19:40: now itself.
            (5, 19 * 60 + 40, now),
            // Saturday 21:00 has not come yet today: last week's.
            (5, 21 * 60, utc("2026-11-28", 18, 0)),
            // Monday 10:00: five days ago.
            (0, 10 * 60, utc("2026-11-30", 7, 0)),
            // Sunday 00:00: six days ago, Saturday 21:00 UTC.
            (6, 0, utc("2026-11-28", 21, 0)),
        ];
        for (weekday, minute, expected) in cases {
            let moment = latest_on_weekday(now, weekday, minute, &moscow);
            assert_eq!(moment, expected, "{weekday} {minute}");
            let local = local_of(moment, &moscow);
            assert_eq!((local.date.weekday(), local.minute), (weekday, minute));
        }
        // Across Berlin's autumn switch: Sunday 09:00 is 08:00 UTC.
        assert_eq!(latest_on_weekday(utc("2026-10-25", 12, 0), 6, 9 * 60, &berlin), utc("2026-10-25", 8, 0));
    }

    #[test]
    fn across_berlins_switches() {
        let cases = [
            // The night before spring's switch and the morning after it: an hour apart
            // more than the clock says.
            (at("2026-03-28", 23, 0), utc("2026-03-28", 22, 0)),
            (at("2026-03-29", 9, 0), utc("2026-03-29", 7, 0)),
            // 02:30 does not exist that night: read with the winter offset, it is 03:30.
            (at("2026-03-29", 2, 30), utc("2026-03-29", 1, 30)),
            // 02:30 happens twice in October: the first of the two.
            (at("2026-10-25", 2, 30), utc("2026-10-25", 0, 30)),
            (at("2026-10-25", 9, 0), utc("2026-10-25", 8, 0)),
        ];
        for (local, unix) in cases {
            assert_eq!(unix_of(local, &berlin), unix, "{local:?}");
        }
        assert_eq!(local_of(utc("2026-03-29", 1, 30), &berlin), at("2026-03-29", 3, 30));
        // From Friday 18:00 to Monday 09:00 across the spring switch: 62 hours, not 63.
        let span = unix_of(at("2026-03-30", 9, 0), &berlin) - unix_of(at("2026-03-27", 18, 0), &berlin);
        assert_eq!(span, 62 * 3600);
    }
}
