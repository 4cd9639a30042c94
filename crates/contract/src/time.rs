//! The contract's moments and dates: RFC 3339 date-times with an offset
//! (`2026-12-01T09:30:00+03:00`) and ISO dates (`2026-12-31`). DTOs keep them as the
//! strings the back end wrote, so they round-trip unchanged; these functions read and
//! write them without a date crate (the proleptic Gregorian calendar, no leap seconds).

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A moment: seconds since 1970-01-01T00:00:00Z, and the offset it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub unix_seconds: i64,
    /// Minutes east of UTC (`+03:00` is 180).
    pub offset_minutes: i32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (1-based month), 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, a date that exists.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(digits(&text[0..4])? as i32, digits(&text[5..7])? as u8, digits(&text[8..10])? as u8)
    }

    /// Days since 1970-01-01 (negative before), after H. Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 for Monday … 6 for Sunday, as `WorkSchedule.week` counts.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }
}

impl core::fmt::Display for Date {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Moment {
    /// An RFC 3339 date-time with `Z` or an offset; fractions of a second are dropped.
    pub fn parse(text: &str) -> Option<Moment> {
        let (date, rest) = text.split_at_checked(10)?;
        let date = Date::parse(date)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let (time, zone) = rest.split_at_checked(8)?;
        let tb = time.as_bytes();
        if tb[2] != b':' || tb[5] != b':' {
            return None;
        }
        let (h, m, s) = (digits(&time[0..2])?, digits(&time[3..5])?, digits(&time[6..8])?);
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        let zone = match zone.strip_prefix('.') {
            Some(fraction) => {
                let end = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
                if end == 0 {
                    return None;
                }
                &fraction[end..]
            }
            None => zone,
        };
        let offset_minutes = match zone {
            "Z" | "z" => 0,
            _ => {
                let zb = zone.as_bytes();
                if zb.len() != 6 || zb[3] != b':' {
                    return None;
                }
                let sign = match zb[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let (oh, om) = (digits(&zone[1..3])?, digits(&zone[4..6])?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 60 + om) as i32
            }
        };
        let local = date.days_since_epoch() * 86_400 + i64::from(h * 3600 + m * 60 + s.min(59));
        Some(Moment { unix_seconds: local - i64::from(offset_minutes) * 60, offset_minutes })
    }

    /// The local date and seconds since local midnight at this moment's offset.
    pub fn local(self) -> (Date, u32) {
        let local = self.unix_seconds + i64::from(self.offset_minutes) * 60;
        (Date::from_days_since_epoch(local.div_euclid(86_400)), local.rem_euclid(86_400) as u32)
    }

    /// `2026-12-01T09:30:00+03:00` (`Z` for a zero offset).
    pub fn to_rfc3339(self) -> String {
        let (date, seconds) = self.local();
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        let zone = if self.offset_minutes == 0 {
            "Z".to_owned()
        } else {
            let sign = if self.offset_minutes < 0 { '-' } else { '+' };
            let abs = self.offset_minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
        };
        format!("{date}T{h:02}:{m:02}:{s:02}{zone}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_weekdays() {
        let cases = [
            ("1970-01-01", 0, 3),
            ("2026-12-01", 20_788, 1),
            ("2026-12-31", 20_818, 3),
            ("2027-01-01", 20_819, 4),
            ("2024-02-29", 19_782, 3),
            ("1969-12-31", -1, 2),
        ];
        for (text, days, weekday) in cases {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{text}");
            assert_eq!(Date::from_days_since_epoch(days), date, "{text}");
            assert_eq!(date.weekday(), weekday, "{text}");
            assert_eq!(date.to_string(), text);
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-32", "２０２６-01-01", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2026-12-31").unwrap().add_days(1), Date::parse("2027-01-01").unwrap());
    }

    #[test]
    fn moments_read_and_write_rfc3339() {
        let m = Moment::parse("2026-12-01T09:30:00+03:00").unwrap();
        assert_eq!(m.unix_seconds, 1_796_106_600);
        assert_eq!(m.offset_minutes, 180);
        assert_eq!(m.to_rfc3339(), "2026-12-01T09:30:00+03:00");
        assert_eq!(Moment::parse("2026-12-01T06:30:00Z").unwrap().unix_seconds, m.unix_seconds);
        assert_eq!(Moment::parse("2026-12-01T06:30:00.123456Z").unwrap().unix_seconds, m.unix_seconds);
        let west = Moment::parse("2026-11-30T20:00:00-10:30").unwrap();
        assert_eq!(west.to_rfc3339(), "2026-11-30T20:00:00-10:30");
        let midnight = Moment { unix_seconds: m.unix_seconds, offset_minutes: 600 };
        assert_eq!(midnight.to_rfc3339(), "2026-12-01T16:30:00+10:00");
        for bad in [
            "2026-12-01",
            "2026-12-01T24:00:00Z",
            "2026-12-01T09:30:00",
            "2026-12-01T09:30:00+3:00",
            "2026-12-01T09:30Z",
            "2026-12-01T09:30:00.Z",
        ] {
            assert_eq!(Moment::parse(bad), None, "{bad}");
        }
    }
}
