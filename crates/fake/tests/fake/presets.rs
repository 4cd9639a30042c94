//! The ready-made accounts of preview mode and the dev controls, and every answer they
//! give checked against the contract's schemas.

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::{samples, HealthCall, ManualClock, Preset};
use serde_json::Value;

fn build(preset: Preset) -> max_channel_fake::Fake {
    preset.build(Box::new(ManualClock::at(NOW)))
}

/// preset → (channel state, state reason, health overall or None when not connected).
#[test]
fn each_preset_is_the_account_it_names() {
    use ChannelState as C;
    use HealthStatus as H;
    let table = [
        (Preset::NotConnected, C::NotConnected, None, None),
        (Preset::Connected, C::Connected, None, Some(H::Ok)),
        (Preset::TokenRevoked, C::Error, Some(StateReason::TokenRevoked), Some(H::Failing)),
        (Preset::NoChatBots, C::NotConnected, None, None),
        (Preset::HealthWarning, C::Connected, None, Some(H::Warning)),
        (Preset::HealthFailing, C::Connected, None, Some(H::Failing)),
        (Preset::HealthUnknown, C::Connected, None, Some(H::Unknown)),
        (Preset::SubscriptionLost, C::Error, Some(StateReason::SubscriptionLost), Some(H::Failing)),
        (Preset::LongHistory, C::Connected, None, Some(H::Ok)),
        (Preset::OtherZone, C::Connected, None, Some(H::Ok)),
        (Preset::DeliveryReceived, C::Connected, None, Some(H::Ok)),
        (Preset::DeliveryReplyFailed, C::Connected, None, Some(H::Ok)),
        (Preset::DeliveryExpires, C::Connected, None, Some(H::Ok)),
        (Preset::Sources, C::Connected, None, Some(H::Ok)),
        (Preset::NoDialogs, C::Connected, None, Some(H::Ok)),
    ];
    assert_eq!(table.len(), Preset::ALL.len());
    for (preset, state, reason, overall) in table {
        assert_eq!(Preset::parse(preset.name()), Some(preset));
        let mut fake = build(preset);
        let channel = fake.max_channel();
        assert_eq!((channel.state, channel.state_reason), (state, reason), "{preset:?}");
        assert_eq!(fake.health(HealthCall::Get).ok().map(|h| h.overall), overall, "{preset:?}");
        assert_eq!(channel.features.chat_bots_service, preset != Preset::NoChatBots, "{preset:?}");
        assert_eq!(fake.now(), 1_796_106_600, "{preset:?} ends at the clock's now");
    }
    assert_eq!(build(Preset::OtherZone).schedule().timezone, "Asia/Vladivostok");
    assert_eq!(Preset::parse("nonsense"), None);
}

#[test]
fn the_connected_preset_has_a_short_real_history_and_the_demo_bot() {
    let mut fake = build(Preset::Connected);
    let channel = fake.max_channel();
    assert_eq!(channel.token_hint.as_deref(), Some("…x7Qa"));
    assert_eq!(channel.bot.map(|b| b.first_name).as_deref(), Some("Магазин «Ромашка»"));
    let page = fake.history(&HistoryQuery::default()).unwrap();
    let who: Vec<&str> = page.items.iter().map(|e| e.actor.as_ref().map_or("", |a| a.id.as_str())).collect();
    assert_eq!(who, ["e-101", "e-101", "e-102"]);
    assert_eq!(page.items[2].event, HistoryEvent::Connected);
    assert_eq!(page.items[0].at, "2026-12-01T08:30:00+03:00");
    assert_eq!(fake.settings().unwrap().settings, samples::settings());
    let health = fake.health(HealthCall::Get).unwrap();
    assert_eq!(health.delivery.last_inbound_at.as_deref(), Some("2026-12-01T09:25:00+03:00"));
    assert_eq!(health.subscription.since.as_deref(), Some("2026-11-01T09:30:00+03:00"));
}

#[test]
fn the_long_history_has_every_kind_of_entry() {
    let fake = build(Preset::LongHistory);
    let all = fake.history(&HistoryQuery { limit: Some(100), cursor: None }).unwrap().items;
    assert!(all.len() >= 40, "{} entries", all.len());
    assert!(all.iter().any(|e| e.actor.is_none()), "a system entry");
    assert!(all.iter().any(|e| e.token_replaced), "a replaced token");
    assert!(all.iter().filter(|e| e.event == HistoryEvent::Disconnected).count() >= 2);
    assert!(all.iter().filter(|e| e.event == HistoryEvent::Connected).count() >= 3);
    let actors: std::collections::BTreeSet<&str> =
        all.iter().filter_map(|e| e.actor.as_ref()).map(|a| a.id.as_str()).collect();
    assert_eq!(actors.len(), 4);
    let moments: Vec<i64> = all.iter().map(|e| time::Moment::parse(&e.at).unwrap().unix_seconds).collect();
    assert!(moments.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for entry in &all {
        if let Some(settings) = &entry.settings {
            assert_eq!(validate_settings(settings, true), vec![], "{}", entry.at);
        }
    }
}

#[test]
fn the_sample_schedule_is_the_contracts_example() {
    let spec: Value = serde_norway::from_str(include_str!("../../../contract/spec/openapi.yaml")).unwrap();
    let example = &spec["paths"]["/schedule"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    assert_eq!(&serde_json::to_value(samples::schedule()).unwrap(), example);
}

/// Every answer of every preset, and every refusal, matches the contract's schemas.
#[test]
fn every_answer_matches_its_schema() {
    let json = |v: &dyn erased::Json| v.value();
    for preset in Preset::ALL {
        let mut fake = build(preset);
        assert_schema(&response_schema("/channel-groups", "get"), &json(&fake.channel_groups()));
        assert_schema(&response_schema("/channels/max", "get"), &json(&fake.max_channel()));
        assert_schema(&response_schema("/schedule", "get"), &json(&fake.schedule()));
        assert_schema(&response_schema("/groups", "get"), &json(&fake.groups()));
        assert_schema(&response_schema("/chat-bots", "get"), &json(&fake.chat_bots()));
        let employees =
            fake.employees(&EmployeeQuery { query: Some("ова".into()), limit: Some(3), ..Default::default() }).unwrap();
        assert_schema(&response_schema("/employees", "get"), &json(&employees));
        let history = fake.history(&HistoryQuery { limit: Some(100), cursor: None }).unwrap();
        assert_schema(&response_schema("/channels/max/settings/history", "get"), &json(&history));
        match fake.settings() {
            Ok(settings) => assert_schema(&response_schema("/channels/max/settings", "get"), &json(&settings)),
            Err(refusal) => {
                assert_schema("/components/schemas/ErrorBody", &serde_json::from_str(&refusal.json()).unwrap())
            }
        }
        for call in [HealthCall::Get, HealthCall::Check, HealthCall::Repair] {
            match fake.health(call) {
                Ok(health) => assert_schema("/components/schemas/ChannelHealth", &json(&health)),
                Err(refusal) => {
                    assert_schema("/components/schemas/ErrorBody", &serde_json::from_str(&refusal.json()).unwrap())
                }
            }
        }
        let conflict = fake.save(
            &max_channel_fake::Precondition::IfMatch("\"0\"".into()),
            &SettingsWrite { token: None, settings: samples::settings(), restored_from: None },
        );
        if let Err(refusal) = conflict {
            let schema = if refusal.status == 412 { "ConflictBody" } else { "ErrorBody" };
            assert_schema(&format!("/components/schemas/{schema}"), &serde_json::from_str(&refusal.json()).unwrap());
        }
    }
}

/// `&dyn Serialize` for the table above.
mod erased {
    pub trait Json {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or_default()
        }
    }
}
