//! The rest of 1.2 in the fake: «Откуда пишут клиенты» counted from the dialogs customers'
//! updates open, the outage MAX's give-up leaves in the health, the tile's reason, and a
//! restore told apart in the history.

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::max::REMOVAL_AFTER_SECONDS;
use max_channel_fake::{samples, Delivered, HealthCall, InboundUpdate, MaxCondition, Preset, UpdateKind};

const DAY: i64 = 24 * 3600;

fn opens(user_id: i64, payload: Option<&str>) -> InboundUpdate {
    InboundUpdate { user_id, name: None, kind: UpdateKind::BotStarted { payload: payload.map(str::to_owned) } }
}

fn writes(user_id: i64) -> InboundUpdate {
    InboundUpdate { user_id, name: None, kind: UpdateKind::Message { text: "Здравствуйте".into() } }
}

fn check(stats: &SourceStats, days: SourceDays) {
    assert_eq!(stats.problems(days), Vec::<String>::new(), "{stats:?}");
    let path = response_schema("/channels/max/sources", "get");
    assert_schema(&path, &serde_json::to_value(stats).unwrap());
}

#[test]
fn sources_count_new_dialogs_by_label_and_day() {
    let (mut fake, clock) = fake();
    assert_eq!(fake.sources(SourceDays::Month).unwrap_err().status, 404, "never connected");
    connect(&mut fake);
    // NOW is 09:30 Moscow on 1 December. Two days ago: a site visitor and a flyer.
    clock.advance_seconds(-2 * DAY);
    assert_eq!(
        fake.deliver_update(opens(1, Some("site"))),
        Delivered::Customer { new_dialog: true, label: Some("site".into()) }
    );
    assert_eq!(
        fake.deliver_update(opens(2, Some("print-flyer"))),
        Delivered::Customer { new_dialog: true, label: Some("print-flyer".into()) }
    );
    // The same customer writing within the day goes on in the same dialog.
    clock.advance_seconds(3600);
    assert_eq!(fake.deliver_update(writes(1)), Delivered::Customer { new_dialog: false, label: Some("site".into()) });
    // Today: a customer found the bot in search (no label), one by a label MAX would
    // not pass (not a label), and the site visitor again after two quiet days.
    clock.advance_seconds(2 * DAY - 3600);
    fake.deliver_update(writes(3));
    fake.deliver_update(opens(4, Some("сайт")));
    fake.deliver_update(opens(1, Some("site")));
    let week = fake.sources(SourceDays::Week).unwrap();
    check(&week, SourceDays::Week);
    assert_eq!(
        (week.from.as_str(), week.to.as_str(), week.timezone.as_str()),
        ("2026-11-25", "2026-12-01", "Europe/Moscow")
    );
    let rows: Vec<(Option<&str>, u32, &[u32])> =
        week.items.iter().map(|i| (i.label.as_deref(), i.dialogs, i.by_day.as_slice())).collect();
    assert_eq!(
        rows,
        [
            (Some("site"), 2, &[0, 0, 0, 0, 1, 0, 1][..]),
            (None, 2, &[0, 0, 0, 0, 0, 0, 2][..]),
            (Some("print-flyer"), 1, &[0, 0, 0, 0, 1, 0, 0][..]),
        ],
        "most first; a tie puts labels before none"
    );
    assert_eq!(week.total, 5);
    for days in SourceDays::ALL {
        let stats = fake.sources(days).unwrap();
        check(&stats, days);
        assert_eq!(stats.total, 5, "{days:?}");
    }
    // A disconnected channel was connected: its numbers stay.
    fake.disconnect();
    assert_eq!(fake.sources(SourceDays::Week).unwrap().total, 5);
}

#[test]
fn days_are_the_schedules_zone() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    // 20:30 UTC on 30 November: 23:30 on the 30th in Moscow, 06:30 on the 1st in
    // Vladivostok.
    let now = time::Moment::parse(NOW).unwrap().unix_seconds;
    let at = time::Moment::parse("2026-11-30T20:30:00Z").unwrap().unix_seconds;
    clock.advance_seconds(at - now);
    fake.deliver_update(opens(9, Some("night")));
    clock.advance_seconds(now - at);
    let moscow = fake.sources(SourceDays::Week).unwrap();
    assert_eq!(moscow.items[0].by_day, [0, 0, 0, 0, 0, 1, 0], "23:30 on the 30th in Moscow");
    fake.set_schedule(samples::schedule_vladivostok()).unwrap();
    let far_east = fake.sources(SourceDays::Week).unwrap();
    check(&far_east, SourceDays::Week);
    assert_eq!(far_east.timezone, "Asia/Vladivostok");
    assert_eq!(far_east.items[0].by_day, [0, 0, 0, 0, 0, 0, 1], "06:30 on the 1st in Vladivostok");
}

#[test]
fn seeded_dialogs_fill_ninety_days_and_add_up() {
    let clock = max_channel_fake::ManualClock::at(NOW);
    let mut fake = Preset::Sources.build(Box::new(clock));
    let quarter = fake.sources(SourceDays::Quarter).unwrap();
    check(&quarter, SourceDays::Quarter);
    assert!(quarter.items.len() >= 4, "several labels and none: {:?}", quarter.items);
    assert!(quarter.items.iter().any(|i| i.label.is_none()));
    assert_eq!(quarter.total, 240);
    let month = fake.sources(SourceDays::Month).unwrap();
    check(&month, SourceDays::Month);
    assert!(month.total < quarter.total && month.total > 0);
    let mut empty = Preset::NoDialogs.build(Box::new(max_channel_fake::ManualClock::at(NOW)));
    let none = empty.sources(SourceDays::Month).unwrap();
    check(&none, SourceDays::Month);
    assert_eq!((none.total, none.items.len()), (0, 0));
    assert_eq!(empty.health(HealthCall::Get).unwrap().delivery.last_inbound_at, None);
}

#[test]
fn an_outage_is_kept_from_the_give_up_until_the_repair_and_thirty_days_after() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    clock.advance_seconds(60);
    assert_eq!(fake.health(HealthCall::Check).unwrap().delivery.last_outage, None);
    fake.set_max_condition(MaxCondition::DeliveriesFailing);
    let failing_since = fake.now();
    clock.advance_seconds(REMOVAL_AFTER_SECONDS + 600);
    let health = fake.health(HealthCall::Check).unwrap();
    assert_eq!(health.subscription.status, SubscriptionStatus::Missing);
    let outage = health.delivery.last_outage.clone().unwrap();
    assert_eq!(outage, Outage { from: max_channel_fake::clock::rfc3339(failing_since), to: None });
    assert_schema("/components/schemas/ChannelHealth", &serde_json::to_value(&health).unwrap());
    clock.advance_seconds(3600);
    let repaired = fake.health(HealthCall::Repair).unwrap();
    let closed = repaired.delivery.last_outage.unwrap();
    assert_eq!(closed.from, outage.from);
    assert_eq!(closed.to, Some(repaired.checked_at.clone()), "closed by the repair");
    clock.advance_seconds(30 * DAY - 60);
    assert!(fake.health(HealthCall::Check).unwrap().delivery.last_outage.is_some(), "kept 30 days");
    clock.advance_seconds(120);
    assert_eq!(fake.health(HealthCall::Check).unwrap().delivery.last_outage, None, "then forgotten");
}

#[test]
fn a_subscription_pointing_elsewhere_is_an_outage_from_when_it_was_seen() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    fake.set_max_condition(MaxCondition::WrongUrl);
    clock.advance_seconds(60);
    let health = fake.health(HealthCall::Check).unwrap();
    let outage = health.delivery.last_outage.unwrap();
    assert_eq!((outage.from, outage.to), (health.checked_at, None));
    // A 1.1-shaped health (no outage) keeps `last_outage` out of the JSON.
    let mut quiet = fake.health(HealthCall::Get).unwrap();
    quiet.delivery.last_outage = None;
    assert!(serde_json::to_value(&quiet).unwrap()["delivery"].get("last_outage").is_none());
}

#[test]
fn the_tile_says_why_it_needs_attention() {
    let (mut fake, _clock) = fake();
    connect(&mut fake);
    let max_tile = |fake: &mut max_channel_fake::Fake| {
        let groups = fake.channel_groups();
        assert_schema(&response_schema("/channel-groups", "get"), &serde_json::to_value(&groups).unwrap());
        groups.groups.into_iter().flat_map(|g| g.channels).find(|t| t.kind == ChannelKind::Max).unwrap()
    };
    assert_eq!(max_tile(&mut fake).state_reason, None);
    fake.set_max_condition(MaxCondition::TokenRevoked);
    let tile = max_tile(&mut fake);
    assert_eq!((tile.state, tile.state_reason), (ChannelState::Error, Some(StateReason::TokenRevoked)));
    fake.set_max_condition(MaxCondition::SubscriptionLost);
    assert_eq!(max_tile(&mut fake).state_reason, Some(StateReason::SubscriptionLost));
}

#[test]
fn a_restore_is_recorded_as_one_and_an_unknown_version_is_refused() {
    let (mut fake, _clock) = fake();
    let first = connect(&mut fake);
    save(&mut fake, with_closing("Вторая версия"), None);
    let unknown = SettingsWrite { token: None, settings: samples::settings(), restored_from: Some("99".into()) };
    let refused = fake.save(&precondition(&fake), &unknown).unwrap_err();
    assert_eq!(refused.status, 422);
    assert!(refused.json().contains("\"path\":\"restored_from\""), "{}", refused.json());
    let empty = SettingsWrite { restored_from: Some(String::new()), ..unknown.clone() };
    assert_eq!(fake.save(&precondition(&fake), &empty).unwrap_err().status, 422);
    let restore = SettingsWrite { restored_from: Some(first.version.clone()), ..unknown };
    fake.save(&precondition(&fake), &restore).unwrap();
    let page = fake.history(&HistoryQuery::default()).unwrap();
    assert_schema(&response_schema("/channels/max/settings/history", "get"), &serde_json::to_value(&page).unwrap());
    let newest = &page.items[0];
    assert_eq!(
        (&newest.event, newest.restored_from.as_deref()),
        (&HistoryEvent::Restored, Some(first.version.as_str()))
    );
    assert_eq!(page.items[1].event, HistoryEvent::Saved);
    assert_eq!(page.items[1].restored_from, None);
}
