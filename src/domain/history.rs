//! «История изменений» as the page shows it: which loaded entries are shown (the last one
//! of an unfinished history is held back until the entry before it is loaded, so that every
//! shown entry can say what it changed), each entry's action in words, the settings it is
//! compared with, and which employees' names a page needs.

use max_channel_contract::{HistoryEntry, HistoryEvent, Routing, Settings, Target};

use crate::i18n::{Msg, Tr};

/// How many of the loaded entries are shown: all of a finished history; while more pages
/// exist, those before the first entry with settings whose predecessor with settings is not
/// loaded yet (it waits, with the disconnections after it, for the next page).
pub fn shown_count(loaded: &[HistoryEntry], more: bool) -> usize {
    if !more {
        return loaded.len();
    }
    (0..loaded.len())
        .find(|&i| loaded[i].settings.is_some() && older_settings(loaded, i).is_none())
        .unwrap_or(loaded.len())
}

/// The settings entry `index` is compared with: the nearest older entry that has settings
/// (a disconnection has none). `None` for the first version, or one not loaded yet.
pub fn older_settings(loaded: &[HistoryEntry], index: usize) -> Option<&Settings> {
    loaded.iter().skip(index + 1).find_map(|entry| entry.settings.as_ref())
}

/// «Настройки изменены», «Канал подключён, заменён токен», «Возвращены настройки от …»
/// (`restored`: the moment of the version a restore brought back, when it is loaded); an
/// event this version does not know is shown as is.
pub fn action_text(tr: Tr, entry: &HistoryEntry, restored: Option<&str>) -> String {
    let action = match &entry.event {
        HistoryEvent::Connected => tr.t(Msg::HistoryConnected).to_owned(),
        HistoryEvent::Saved => tr.t(Msg::HistorySaved).to_owned(),
        HistoryEvent::Restored => match restored {
            Some(moment) => tr.f(Msg::HistoryRestoredFrom, &[("moment", moment)]),
            None => tr.t(Msg::HistoryEventRestored).to_owned(),
        },
        HistoryEvent::Disconnected => tr.t(Msg::HistoryDisconnected).to_owned(),
        HistoryEvent::Other(event) => tr.f(Msg::HistoryOtherEvent, &[("event", event)]),
    };
    match entry.token_replaced {
        true => format!("{action}, {}", tr.t(Msg::HistoryTokenReplaced)),
        false => action,
    }
}

/// The loaded entry a restore brought back (`restored_from`), if it is loaded.
pub fn restored_source<'a>(loaded: &'a [HistoryEntry], entry: &HistoryEntry) -> Option<&'a HistoryEntry> {
    let version = entry.restored_from.as_deref()?;
    loaded.iter().find(|e| e.version.as_deref() == Some(version))
}

/// Whether the entry's moment needs its seconds: a neighbour was made in the same minute
/// (three saves at 21:51 would otherwise read the same, and so would their restores).
pub fn shares_minute(loaded: &[HistoryEntry], index: usize) -> bool {
    let minute = |i: usize| loaded.get(i).and_then(|e| crate::domain::when::unix_of(&e.at)).map(|u| u.div_euclid(60));
    let Some(own) = minute(index) else { return false };
    let before = index.checked_sub(1).and_then(minute);
    before == Some(own) || minute(index + 1) == Some(own)
}

/// Whether «Вернуть настройки…» is offered: an entry with settings, not the newest.
pub fn restorable(entry: &HistoryEntry, index: usize) -> bool {
    index > 0 && entry.settings.is_some()
}

fn employees_of(settings: &Settings, out: &mut Vec<String>) {
    let mut add = |id: &String| {
        if !out.contains(id) {
            out.push(id.clone());
        }
    };
    match &settings.routing {
        Routing::Employee { employee_id } => add(employee_id),
        Routing::ChatBot { fallback: Some(Target::Employee { employee_id }), .. } => add(employee_id),
        _ => {}
    }
}

/// The employees named by the entries' settings, each once, in order: one `ids=` request.
pub fn employee_ids(entries: &[HistoryEntry]) -> Vec<String> {
    let mut ids = Vec::new();
    for settings in entries.iter().filter_map(|e| e.settings.as_ref()) {
        employees_of(settings, &mut ids);
    }
    ids
}

#[cfg(test)]
mod tests {
    use max_channel_contract::Actor;
    use max_channel_fake::samples;

    use super::*;
    use crate::i18n::Locale;

    fn entry(version: Option<&str>, event: HistoryEvent, settings: Option<Settings>) -> HistoryEntry {
        HistoryEntry {
            version: version.map(str::to_owned),
            at: "2026-12-01T10:02:11+03:00".into(),
            actor: Some(Actor { id: "e-101".into(), name: "Иванова Мария".into() }),
            event,
            token_replaced: false,
            settings,
            restored_from: None,
        }
    }

    fn employee(id: &str) -> Settings {
        Settings { routing: Routing::Employee { employee_id: id.into() }, ..samples::settings() }
    }

    #[test]
    fn the_last_loaded_entry_waits_for_its_predecessor() {
        let loaded = [
            entry(Some("3"), HistoryEvent::Connected, Some(employee("e-1"))),
            entry(None, HistoryEvent::Disconnected, None),
            entry(Some("2"), HistoryEvent::Saved, Some(employee("e-2"))),
            entry(Some("1"), HistoryEvent::Connected, Some(employee("e-1"))),
        ];
        assert_eq!(shown_count(&loaded, false), 4);
        assert_eq!(shown_count(&loaded, true), 3, "the oldest waits for its predecessor");
        // A page ending with a version and a disconnection: both wait.
        assert_eq!(shown_count(&loaded[..2], true), 0);
        assert_eq!(shown_count(&loaded[..3], true), 2);
        assert_eq!(shown_count(&[], true), 0);
        // Reconnected: compared with the version before the disconnection.
        assert_eq!(older_settings(&loaded, 0), Some(&employee("e-2")));
        assert_eq!(older_settings(&loaded, 2), Some(&employee("e-1")));
        assert_eq!(older_settings(&loaded, 3), None);
        assert_eq!(employee_ids(&loaded), ["e-1", "e-2"]);
        assert!(!restorable(&loaded[0], 0), "the newest is what is saved now");
        assert!(!restorable(&loaded[1], 1), "a disconnection has no settings");
        assert!(restorable(&loaded[2], 2));
    }

    #[test]
    fn actions_in_words() {
        let tr = Tr(Locale::Ru);
        let mut saved = entry(Some("2"), HistoryEvent::Saved, Some(samples::settings()));
        assert_eq!(action_text(tr, &saved, None), "Настройки изменены");
        saved.token_replaced = true;
        assert_eq!(action_text(tr, &saved, None), "Настройки изменены, заменён токен");
        assert_eq!(action_text(tr, &entry(None, HistoryEvent::Disconnected, None), None), "Канал отключён");
        assert_eq!(action_text(tr, &entry(Some("1"), HistoryEvent::Connected, None), None), "Канал подключён");
        let odd = entry(None, HistoryEvent::Other("paused".into()), None);
        assert_eq!(action_text(tr, &odd, None), "Событие «paused»");
        let restored = entry(Some("3"), HistoryEvent::Restored, None);
        assert_eq!(action_text(tr, &restored, None), "Возвращена прежняя версия");
        assert_eq!(
            action_text(tr, &restored, Some("1 декабря 2026, 10:02")),
            "Возвращены настройки от 1 декабря 2026, 10:02"
        );
    }

    #[test]
    fn a_restore_finds_what_it_brought_back_and_moments_in_one_minute_get_seconds() {
        let at = |at: &str, version: &str| HistoryEntry {
            at: at.into(),
            ..entry(Some(version), HistoryEvent::Saved, Some(samples::settings()))
        };
        let mut restore = at("2026-12-01T21:51:40+03:00", "4");
        restore.event = HistoryEvent::Restored;
        restore.restored_from = Some("2".into());
        let loaded = [
            restore,
            at("2026-12-01T21:51:05+03:00", "3"),
            at("2026-12-01T21:50:59+03:00", "2"),
            at("2026-12-01T20:00:00+03:00", "1"),
        ];
        assert_eq!(restored_source(&loaded, &loaded[0]).and_then(|e| e.version.as_deref()), Some("2"));
        assert_eq!(restored_source(&loaded, &loaded[1]), None, "not a restore");
        let gone = HistoryEntry { restored_from: Some("99".into()), ..loaded[0].clone() };
        assert_eq!(restored_source(&loaded, &gone), None, "a version not loaded");
        let seconds: Vec<bool> = (0..loaded.len()).map(|i| shares_minute(&loaded, i)).collect();
        assert_eq!(seconds, [true, true, false, false], "21:51 twice; 21:50:59 is a minute of its own");
        assert!(!shares_minute(&loaded, 9));
    }
}
