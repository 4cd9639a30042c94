//! A schedule's zone in words: «московское время, UTC+3» instead of «Europe/Moscow». Russia's
//! zones by their official names; any other zone by its offset alone, which a person can
//! compare with their own clock.

use crate::i18n::{Locale, Msg, Tr};

/// Russia's time-zone areas by their official names, with the tz database's zones in each.
const RUSSIAN_ZONES: [(Msg, &[&str]); 11] = [
    (Msg::ZoneKaliningrad, &["Europe/Kaliningrad"]),
    (Msg::ZoneMoscow, &["Europe/Moscow", "Europe/Simferopol", "Europe/Kirov", "Europe/Volgograd"]),
    (Msg::ZoneSamara, &["Europe/Samara", "Europe/Ulyanovsk", "Europe/Saratov", "Europe/Astrakhan"]),
    (Msg::ZoneYekaterinburg, &["Asia/Yekaterinburg"]),
    (Msg::ZoneOmsk, &["Asia/Omsk"]),
    (
        Msg::ZoneKrasnoyarsk,
        &["Asia/Krasnoyarsk", "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk"],
    ),
    (Msg::ZoneIrkutsk, &["Asia/Irkutsk"]),
    (Msg::ZoneYakutsk, &["Asia/Yakutsk", "Asia/Chita", "Asia/Khandyga"]),
    (Msg::ZoneVladivostok, &["Asia/Vladivostok", "Asia/Ust-Nera"]),
    (Msg::ZoneMagadan, &["Asia/Magadan", "Asia/Sakhalin", "Asia/Srednekolymsk"]),
    (Msg::ZoneKamchatka, &["Asia/Kamchatka", "Asia/Anadyr"]),
];

/// «UTC+3», «UTC+5:30», «UTC−3:30» (a true minus), «UTC» for zero.
pub fn offset_text(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { "−" } else { "+" };
    let (hours, minutes) = (offset_minutes.unsigned_abs() / 60, offset_minutes.unsigned_abs() % 60);
    match (hours, minutes) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// The zone in words, with its offset now when the browser could read it: «московское
/// время, UTC+3»; «UTC+5:30» for a zone with no Russian name; the zone's own id only when
/// neither is known (a zone the browser does not know).
pub fn zone_words(locale: Locale, zone: &str, offset_minutes: Option<i32>) -> String {
    let tr = Tr(locale);
    let name = RUSSIAN_ZONES.iter().find(|(_, ids)| ids.contains(&zone)).map(|(msg, _)| tr.t(*msg));
    match (name, offset_minutes) {
        (Some(name), Some(offset)) => format!("{name}, {}", offset_text(offset)),
        (Some(name), None) => name.to_owned(),
        (None, Some(offset)) => offset_text(offset),
        (None, None) => zone.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_as_a_clock_says_them() {
        let cases =
            [(180, "UTC+3"), (0, "UTC"), (330, "UTC+5:30"), (-210, "UTC−3:30"), (-300, "UTC−5"), (765, "UTC+12:45")];
        for (offset, text) in cases {
            assert_eq!(offset_text(offset), text, "{offset}");
        }
    }

    #[test]
    fn russias_zones_by_name_the_rest_by_offset() {
        let ru = |zone, offset| zone_words(Locale::Ru, zone, offset);
        assert_eq!(ru("Europe/Moscow", Some(180)), "московское время, UTC+3");
        assert_eq!(ru("Asia/Vladivostok", Some(600)), "владивостокское время, UTC+10");
        assert_eq!(ru("Asia/Novosibirsk", Some(420)), "красноярское время, UTC+7");
        assert_eq!(ru("Europe/Moscow", None), "московское время");
        assert_eq!(ru("Asia/Kolkata", Some(330)), "UTC+5:30");
        assert_eq!(ru("Mars/Olympus", None), "Mars/Olympus", "unknown to all: its own id");
        assert_eq!(zone_words(Locale::En, "Europe/Moscow", Some(180)), "Moscow time, UTC+3");
    }

    #[test]
    fn every_name_is_distinct_and_no_zone_is_named_twice() {
        let names: std::collections::HashSet<_> = RUSSIAN_ZONES.iter().map(|(m, _)| Tr(Locale::Ru).t(*m)).collect();
        assert_eq!(names.len(), RUSSIAN_ZONES.len());
        let ids: Vec<&str> = RUSSIAN_ZONES.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
