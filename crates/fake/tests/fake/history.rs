//! «История изменений»: what makes an entry, newest first, and paging that never repeats
//! or skips an entry while others save meanwhile.

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::{samples, DEFAULT_ACTOR_ID};
use proptest::prelude::*;

fn page(fake: &max_channel_fake::Fake, limit: u32, cursor: Option<&str>) -> HistoryPage {
    let query = HistoryQuery { limit: Some(limit), cursor: cursor.map(str::to_owned) };
    fake.history(&query).unwrap_or_else(|r| panic!("{} {}", r.status, r.json()))
}

#[test]
fn saves_and_disconnects_make_entries_with_their_actor() {
    let (mut fake, clock) = fake();
    assert_eq!(page(&fake, 20, None), HistoryPage { items: vec![], next_cursor: None });
    connect(&mut fake);
    clock.advance_seconds(60);
    fake.set_actor("e-102").unwrap();
    save(&mut fake, with_closing("Второе"), None);
    save(&mut fake, with_closing("Третье"), Some("good-token-0002"));
    fake.disconnect();
    fake.disconnect(); // a repeated disconnect adds none
    fake.set_actor(DEFAULT_ACTOR_ID).unwrap();
    save(&mut fake, with_closing("Снова"), Some("good-token-0003"));
    let items = page(&fake, 20, None).items;
    let summary: Vec<(Option<&str>, &str, &str, bool, bool)> = items
        .iter()
        .map(|e| {
            let actor = e.actor.as_ref().map_or("", |a| a.id.as_str());
            (e.version.as_deref(), actor, e.event.as_str(), e.token_replaced, e.settings.is_some())
        })
        .collect();
    assert_eq!(
        summary,
        [
            (Some("4"), "e-101", "connected", false, true),
            (None, "e-102", "disconnected", false, false),
            (Some("3"), "e-102", "saved", true, true),
            (Some("2"), "e-102", "saved", false, true),
            (Some("1"), "e-101", "connected", false, true),
        ]
    );
    assert_eq!(items[4].at, NOW);
    assert_eq!(items[3].at, "2026-12-01T09:31:00+03:00");
    assert_eq!(items[3].settings.as_ref().unwrap().closing_message.text, "Второе");
    let first_actor = items[4].actor.clone().unwrap();
    assert_eq!(Some(&first_actor.name), fake.directory.employee("e-101").map(|e| &e.name), "the directory's name");
    assert!(fake.set_actor("e-0").is_err(), "only an employee of the directory");
}

#[test]
fn the_settings_of_an_entry_are_the_stored_ones_normalised() {
    let (mut fake, _) = fake();
    let mut settings = samples::settings();
    settings.closing_message.text = "  Спасибо!  ".into();
    save(&mut fake, settings, Some("good-token-0001"));
    let entry = &page(&fake, 1, None).items[0];
    assert_eq!(entry.settings.as_ref().unwrap().closing_message.text, "Спасибо!");
    assert_eq!(entry.settings.as_ref(), fake.account().settings.as_ref().map(|s| &s.settings));
}

#[test]
fn limits_and_cursors_this_back_end_did_not_give_are_bad_requests() {
    let (mut fake, _) = fake();
    connect(&mut fake);
    for i in 0..4 {
        save(&mut fake, with_closing(&format!("Версия {i}")), None);
    }
    let first = page(&fake, 2, None);
    assert_eq!(first.next_cursor.as_deref(), Some("4"));
    for limit in [0, 101] {
        let q = HistoryQuery { limit: Some(limit), cursor: None };
        assert_eq!(fake.history(&q).unwrap_err().status, 400, "limit {limit}");
    }
    for cursor in ["", "0", "1", "04", "+4", "6", "99", "abc", "4 ", "h4"] {
        let q = HistoryQuery { limit: None, cursor: Some(cursor.into()) };
        assert_eq!(fake.history(&q).unwrap_err().status, 400, "cursor {cursor:?}");
    }
    let q = HistoryQuery { limit: Some(100), cursor: first.next_cursor.clone() };
    assert_eq!(fake.history(&q).unwrap().items.len(), 3);
    assert_eq!(page(&fake, 5, None).next_cursor, None, "no cursor on the last page");
}

/// What happens between two page requests.
#[derive(Debug, Clone)]
enum Step {
    Page(u32),
    Save,
    Disconnect,
    Reconnect,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (1u32..6).prop_map(Step::Page),
        3 => Just(Step::Save),
        1 => Just(Step::Disconnect),
        1 => Just(Step::Reconnect),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Paging from the newest entry down, with saves, disconnects and reconnects between
    /// the pages: the pages together are exactly the entries that existed when the first
    /// page was read, in order — no duplicate, no gap.
    #[test]
    fn paging_never_repeats_or_skips_while_entries_are_added(
        before in 1usize..30,
        steps in proptest::collection::vec(step(), 1..60),
    ) {
        let (mut fake, clock) = fake();
        connect(&mut fake);
        for i in 1..before {
            save(&mut fake, with_closing(&format!("До {i}")), None);
        }
        let snapshot = page(&fake, 100, None).items;
        let mut seen: Vec<HistoryEntry> = Vec::new();
        let mut cursor: Option<String> = None;
        let mut started = false;
        let mut done = false;
        let mut n = 0;
        for step in steps.iter().chain(std::iter::repeat_n(&Step::Page(3), 40)) {
            clock.advance_seconds(7);
            n += 1;
            match step {
                Step::Page(_) if done => {}
                Step::Page(limit) => {
                    let got = page(&fake, *limit, cursor.as_deref());
                    prop_assert!(got.items.len() <= *limit as usize);
                    if !started {
                        // The first page is read now: entries added before it belong to it.
                        started = true;
                    }
                    seen.extend(got.items);
                    cursor = got.next_cursor;
                    done = cursor.is_none();
                }
                // Before the first page, changes only make the list longer.
                _ if !started => {}
                Step::Save if fake.account().is_connected() => { save(&mut fake, with_closing(&format!("Между {n}")), None); }
                Step::Save | Step::Reconnect => { save(&mut fake, with_closing(&format!("Снова {n}")), Some("good-token-0002")); }
                Step::Disconnect => fake.disconnect(),
            }
        }
        prop_assert!(done, "paging ended");
        prop_assert_eq!(seen, snapshot);
    }
}
