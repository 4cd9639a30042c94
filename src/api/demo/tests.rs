//! Preview mode answers as the dev back end does: same accounts, same names, and the errors
//! `ApiError::from_response` makes of the fake's refusals (428, 412, 422, 404, 429, 502…).
//! Natively, on a `ManualClock`, so each test can build the dev back end's fake for the
//! same moment and compare answer for answer.

use std::task::{Context, Poll, Waker};

use max_channel_fake::{samples, ManualClock, SeedKind};

use super::*;
use crate::api::{Backend, ChannelInsights};

const NOW: &str = "2026-12-01T09:30:00+03:00";

/// A preview on a clock standing at [`NOW`], and that clock.
fn demo(data: Preset) -> (DemoBackend, ManualClock) {
    let clock = ManualClock::at(NOW);
    let shared = clock.clone();
    let scenario = Scenario { data, ..Scenario::default() };
    let demo = DemoBackend::with_clock(scenario, Box::new(move || Box::new(shared.clone())));
    (demo, clock)
}

/// The dev back end's fake for the same account and moment.
fn twin(data: Preset, clock: &ManualClock) -> Fake {
    data.build(Box::new(clock.clone()))
}

/// An error on every call, for good.
fn always(fault: DemoFault) -> Option<FaultRule> {
    Some(FaultRule { fault, on: FaultTarget::Every, once: false })
}

/// A call through the `Backend` trait. Without the slow scenario the preview answers at
/// the first poll: nothing in it waits.
fn now<T>(mut call: ApiFuture<'_, T>) -> Result<T, ApiError> {
    let mut cx = Context::from_waker(Waker::noop());
    match call.as_mut().poll(&mut cx) {
        Poll::Ready(answer) => answer,
        Poll::Pending => panic!("the preview kept a call waiting"),
    }
}

#[test]
fn every_preset_round_trips_and_starts_its_account() {
    for preset in Preset::ALL {
        assert_eq!(Preset::parse(preset.name()), Some(preset));
    }
    // The ids `?demo=` took before the fake existed still work.
    for id in ["not_connected", "connected", "error", "no_chat_bots"] {
        assert_eq!(Preset::parse(id).map(Preset::name), Some(id));
    }
    let (demo, _) = demo(Preset::NotConnected);
    assert_eq!(demo.max_channel_now().state, ChannelState::NotConnected);
    assert_eq!(demo.settings_now(), Ok(None));
    let expect = [
        (Preset::Connected, ChannelState::Connected, None),
        (Preset::TokenRevoked, ChannelState::Error, Some(StateReason::TokenRevoked)),
        (Preset::SubscriptionLost, ChannelState::Error, Some(StateReason::SubscriptionLost)),
        (Preset::NoChatBots, ChannelState::NotConnected, None),
    ];
    for (preset, state, reason) in expect {
        demo.set_scenario(Scenario { data: preset, ..Scenario::default() });
        let channel = demo.max_channel_now();
        assert_eq!((channel.state, channel.state_reason), (state, reason), "{}", preset.name());
    }
    assert!(!demo.max_channel_now().features.chat_bots_service);
    assert!(demo.chat_bots_now().items.is_empty());
}

#[test]
fn the_connected_preset_shows_what_the_dev_back_end_shows() {
    let (demo, clock) = demo(Preset::Connected);
    let mut dev = twin(Preset::Connected, &clock);
    let channel = demo.max_channel_now();
    assert_eq!(channel, dev.max_channel());
    assert_eq!(channel.token_hint.as_deref(), Some("…x7Qa"));
    assert_eq!(channel.bot.map(|b| b.first_name).as_deref(), Some("Магазин «Ромашка»"));
    assert_eq!(demo.settings_now(), Ok(dev.settings().ok()));
    assert_eq!(demo.history_now(&HistoryQuery::default()), Ok(dev.history(&HistoryQuery::default()).unwrap()));

    // One set of names: the dev back end's directory, whatever account it serves.
    let served = Fake::new(SeedKind::Standard, true, Box::new(clock.clone()));
    let ids = EmployeeQuery { ids: Some("e-101,e-102,e-103,e-10300".into()), ..EmployeeQuery::default() };
    let page = demo.employees_now(&ids).unwrap();
    assert_eq!(page, served.employees(&ids).unwrap());
    let names: Vec<&str> = page.items.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(names, ["e-101", "e-102", "e-103", "e-10300"]);
    let search = EmployeeQuery { query: Some("ИВАНОВ".into()), limit: Some(5), ..EmployeeQuery::default() };
    let first = demo.employees_now(&search).unwrap();
    assert_eq!(first, served.employees(&search).unwrap());
    let next = EmployeeQuery { cursor: first.next_cursor.clone(), ..search };
    assert_ne!(demo.employees_now(&next).unwrap().items[0], first.items[0]);
    assert_eq!(demo.groups_now(), served.groups());
    assert_eq!(demo.channel_groups_now(), dev.channel_groups());
}

#[test]
fn refusals_are_the_errors_the_http_client_reads() {
    let from = |r: Refusal| ApiError::from_response(r.status, &r.json(), r.retry_after.map(|s| s as u32));

    // Every kind of refusal the fake makes, read both ways. 428: the app always sends a
    // precondition, so it is a defect — «Сервер ответил неожиданно».
    let missing = max_channel_fake::Precondition::from_headers(None, None).unwrap_err();
    assert_eq!(missing.status, 428);
    assert!(matches!(refused(missing.clone()), ApiError::Unexpected(_)));
    let kinds = [
        missing,
        Refusal::bad_request("Некорректный cursor."),
        Refusal::not_connected(),
        Refusal::validation(vec![field_error("token", FieldErrorCode::TokenInvalid)]),
        Refusal::token_invalid(),
        Refusal::max_unavailable(),
        Refusal::rate_limited(6),
        Refusal::conflict(Loaded { version: "3".into(), settings: samples::settings() }),
    ];
    for refusal in kinds {
        assert_eq!(refused(refusal.clone()), from(refusal.clone()), "{}", refusal.json());
    }

    // 412 with their settings.
    let (demo, clock) = demo(Preset::Connected);
    let mut dev = twin(Preset::Connected, &clock);
    let write = SettingsWrite { token: None, settings: samples::settings(), restored_from: None };
    let conflict = demo.save_now(&write, &Precondition::Create).unwrap_err();
    let theirs = dev.save(&max_channel_fake::Precondition::CreateOnly, &write).unwrap_err();
    assert_eq!(theirs.status, 412);
    assert_eq!(conflict, from(theirs));
    assert!(
        matches!(&conflict, ApiError::VersionConflict(Some(current)) if current.version == dev.settings().unwrap().version)
    );

    // 422: a group that does not exist, found by the fake's reference check.
    let mut bad = write.clone();
    bad.settings.routing = Routing::Group { group_id: "g-nope".into() };
    let version = dev.settings().unwrap().version;
    let invalid = demo.save_now(&bad, &Precondition::Version(version.clone())).unwrap_err();
    let theirs = dev.save(&max_channel_fake::Precondition::IfMatch(version), &bad).unwrap_err();
    assert_eq!(theirs.status, 422);
    assert_eq!(invalid, from(theirs));
    assert!(matches!(&invalid, ApiError::Validation(fields) if fields[0].path == "routing.group_id"));

    // 404: no health while not connected.
    let (demo, clock) = self::demo(Preset::NotConnected);
    let theirs = twin(Preset::NotConnected, &clock).health(HealthCall::Get).unwrap_err();
    assert_eq!(theirs.status, 404);
    assert_eq!(now(demo.health()), Err(from(theirs)));
    assert_eq!(now(demo.health()), Err(ApiError::NotFound));
    // …while the settings' 404 is an empty answer.
    assert_eq!(now(demo.settings()), Ok(None));
}

#[test]
fn saves_and_tokens_follow_the_contract() {
    let (demo, _) = demo(Preset::NotConnected);
    let write = SettingsWrite { token: None, settings: samples::settings(), restored_from: None };
    assert_eq!(
        demo.save_now(&write, &Precondition::Create).unwrap_err(),
        ApiError::Validation(vec![field_error("token", FieldErrorCode::Required)])
    );
    assert_eq!(demo.verify_now("revoked-1"), Err(ApiError::TokenInvalid));
    assert_eq!(demo.verify_now("down-1"), Err(ApiError::MaxUnavailable));
    assert_eq!(demo.verify_now("busy-1"), Err(ApiError::RateLimited { retry_after: Some(30) }));
    assert!(matches!(demo.verify_now("a b"), Err(ApiError::Validation(_))));
    assert!(now(demo.verify_token("good-token")).is_ok());
    assert_eq!(demo.max_channel_now().state, ChannelState::TokenAuthorized);

    let write = SettingsWrite { token: Some("abc-1234".into()), ..write };
    let saved = now(demo.save_settings(&write, &Precondition::Create)).unwrap();
    assert_eq!(demo.max_channel_now().state, ChannelState::Connected);
    assert_eq!(demo.max_channel_now().token_hint.as_deref(), Some("…1234"));
    let again = SettingsWrite { token: None, ..write };
    let resaved = demo.save_now(&again, &Precondition::Version(saved.version.clone())).unwrap();
    assert_ne!(resaved.version, saved.version);
    now(demo.disconnect()).unwrap();
    assert_eq!(demo.max_channel_now().token_hint, None);
    assert!(demo.settings_now().unwrap().is_some(), "settings stay");
    let events: Vec<HistoryEvent> =
        demo.history_now(&HistoryQuery::default()).unwrap().items.into_iter().map(|e| e.event).collect();
    assert_eq!(events, [HistoryEvent::Disconnected, HistoryEvent::Saved, HistoryEvent::Connected]);
}

#[test]
fn health_schedule_and_history_answer_through_the_trait() {
    // MAX removed the subscription: the check says so, the repair restores it.
    let (demo, clock) = demo(Preset::SubscriptionLost);
    let health = now(demo.health()).unwrap();
    assert_eq!(health.overall, HealthStatus::Failing);
    assert_eq!(health.subscription.status, SubscriptionStatus::Missing);
    let repaired = now(demo.repair_health()).unwrap();
    assert_eq!(repaired.subscription.status, SubscriptionStatus::Active);
    assert_eq!(repaired.overall, HealthStatus::Ok);
    assert_eq!(demo.max_channel_now().state, ChannelState::Connected);

    // «Проверить сейчас» at most every 10 s: then 429 with the rest of the wait.
    assert!(now(demo.check_health()).is_ok());
    clock.advance_seconds(4);
    assert_eq!(now(demo.check_health()), Err(ApiError::RateLimited { retry_after: Some(6) }));
    clock.advance_seconds(6);
    assert!(now(demo.check_health()).is_ok());

    // MAX does not answer: the last health says «unknown», a check is refused.
    demo.set_scenario(Scenario { data: Preset::HealthUnknown, ..Scenario::default() });
    assert_eq!(now(demo.health()).map(|h| h.overall), Ok(HealthStatus::Unknown));
    assert_eq!(now(demo.check_health()), Err(ApiError::MaxUnavailable));

    demo.set_scenario(Scenario { data: Preset::OtherZone, ..Scenario::default() });
    assert_eq!(now(demo.schedule()).unwrap().timezone, "Asia/Vladivostok");

    demo.set_scenario(Scenario { data: Preset::LongHistory, ..Scenario::default() });
    let first = now(demo.history(&HistoryQuery::default())).unwrap();
    assert_eq!(first.items.len(), HistoryQuery::DEFAULT_LIMIT as usize);
    let query = HistoryQuery { limit: Some(100), cursor: first.next_cursor.clone() };
    let rest = now(demo.history(&query)).unwrap();
    assert!(rest.items.first().is_some_and(|older| older.at < first.items[19].at));
    assert!(rest.items.iter().any(|e| e.actor.is_none()), "the system disconnected once");
    let wrong = HistoryQuery { cursor: Some("x".into()), ..HistoryQuery::default() };
    assert!(matches!(now(demo.history(&wrong)), Err(ApiError::BadRequest(_))));
}

#[test]
fn faults_touch_the_calls_they_name() {
    let (demo, _) = demo(Preset::Connected);
    demo.set_scenario(Scenario {
        data: Preset::Connected,
        fault: always(DemoFault::VersionConflict),
        ..Scenario::default()
    });
    assert!(demo.fault(Operation::GetMaxChannel).is_ok());
    assert!(matches!(demo.fault(Operation::PutMaxSettings), Err(ApiError::VersionConflict(Some(_)))));
    demo.set_scenario(Scenario {
        data: Preset::Connected,
        fault: always(DemoFault::MaxUnavailable),
        ..Scenario::default()
    });
    for op in
        [Operation::VerifyMaxToken, Operation::PutMaxSettings, Operation::CheckMaxHealth, Operation::RepairMaxHealth]
    {
        assert_eq!(demo.fault(op), Err(ApiError::MaxUnavailable), "{}", op.name());
    }
    assert!(now(demo.health()).is_ok(), "getMaxHealth does not ask MAX then");
    assert_eq!(now(demo.repair_health()), Err(ApiError::MaxUnavailable));
    demo.set_scenario(Scenario {
        data: Preset::Connected,
        fault: always(DemoFault::Unauthorized),
        ..Scenario::default()
    });
    assert_eq!(demo.fault(Operation::ListChannelGroups), Err(ApiError::Unauthorized));
    assert_eq!(now(demo.schedule()), Err(ApiError::Unauthorized));
    assert_eq!(demo.max_channel_now().state, ChannelState::Connected, "a fault keeps the account");
    for fault in DemoFault::ALL {
        assert_eq!(DemoFault::parse(fault.name()), Some(fault));
    }
}

/// The test `id` as the preview shows it now.
mod delivery;
use delivery::test_now;

#[test]
fn faults_fail_the_new_calls_too() {
    let (demo, clock) = demo(Preset::DeliveryReceived);
    let started = now(demo.start_delivery_test()).unwrap();
    for (fault, error) in [
        (DemoFault::Internal, ApiError::Internal { status: 500 }),
        (DemoFault::Unauthorized, ApiError::Unauthorized),
        (DemoFault::RateLimited, ApiError::RateLimited { retry_after: Some(30) }),
        (DemoFault::Network, ApiError::Network),
    ] {
        demo.set_scenario(Scenario { data: Preset::DeliveryReceived, fault: always(fault), ..Scenario::default() });
        assert_eq!(now(demo.start_delivery_test()), Err(error.clone()), "{}", fault.name());
        assert_eq!(now(demo.delivery_test(&started.id)), Err(error.clone()), "{}", fault.name());
        assert_eq!(now(demo.sources(SourceDays::Week)), Err(error), "{}", fault.name());
    }
    // Faults that name other calls leave these alone; the account is kept throughout.
    for fault in [DemoFault::MaxUnavailable, DemoFault::VersionConflict] {
        demo.set_scenario(Scenario { data: Preset::DeliveryReceived, fault: always(fault), ..Scenario::default() });
        assert!(now(demo.sources(SourceDays::Week)).is_ok(), "{}", fault.name());
        assert!(now(demo.delivery_test(&started.id)).is_ok(), "{}", fault.name());
    }
    demo.set_scenario(Scenario { data: Preset::DeliveryReceived, ..Scenario::default() });
    clock.advance_seconds(5);
    assert_eq!(test_now(&demo, &started.id).state, DeliveryTestState::Received);
}

#[test]
fn an_error_on_one_operation_leaves_the_rest_and_once_means_once() {
    let (demo, _) = demo(Preset::Connected);
    let heard = std::sync::Arc::new(Mutex::new(Vec::new()));
    let ear = heard.clone();
    demo.listen(Box::new(move |scenario| ear.lock().unwrap().push(scenario)));
    let on_save =
        FaultRule { fault: DemoFault::Internal, on: FaultTarget::Only(Operation::PutMaxSettings), once: true };
    demo.set_scenario(Scenario { data: Preset::Connected, fault: Some(on_save), ..Scenario::default() });
    // The loads answer: the form is there to fill.
    let loaded = now(demo.settings()).unwrap().unwrap();
    assert!(now(demo.max_channel()).is_ok() && now(demo.health()).is_ok());
    let write = SettingsWrite { token: None, settings: loaded.settings.clone(), restored_from: None };
    let version = Precondition::Version(loaded.version.clone());
    assert_eq!(now(demo.save_settings(&write, &version)), Err(ApiError::Internal { status: 500 }));
    // Met once: switched off, and the panel hears it.
    assert_eq!(demo.scenario().fault, None);
    assert_eq!(heard.lock().unwrap().as_slice(), &[Scenario { data: Preset::Connected, ..Scenario::default() }]);
    assert!(now(demo.save_settings(&write, &version)).is_ok());

    // «Следующее действие», for good: loads go on, every action fails.
    let next = FaultRule { fault: DemoFault::Timeout, on: FaultTarget::NextAction, once: false };
    demo.set_scenario(Scenario { data: Preset::Connected, fault: Some(next), ..Scenario::default() });
    assert!(now(demo.settings()).is_ok() && now(demo.schedule()).is_ok());
    assert_eq!(now(demo.check_health()), Err(ApiError::Timeout));
    assert_eq!(now(demo.verify_token("any-token-0001")), Err(ApiError::Timeout));
    assert_eq!(now(demo.start_delivery_test()), Err(ApiError::Timeout));
    assert!(demo.scenario().fault.is_some(), "for good");
    assert_eq!(heard.lock().unwrap().len(), 1, "nothing more to hear");
}

#[test]
fn the_token_answer_is_the_panels_whatever_is_typed() {
    let (demo, _) = demo(Preset::NotConnected);
    let typed = "a-perfectly-good-token-0001";
    assert!(now(demo.verify_token(typed)).is_ok());
    let cases = [
        (TokenAnswer::Refused, "revoked-token-0001"),
        (TokenAnswer::MaxUnavailable, "down-token-0001"),
        (TokenAnswer::RateLimited, "busy-token-0001"),
    ];
    for (answer, by_prefix) in cases {
        demo.set_scenario(Scenario { token: answer, ..Scenario::default() });
        // The same errors the fake's own rule of beginnings gives.
        let plain = DemoBackend::new(Scenario::default());
        let expected = now(plain.verify_token(by_prefix)).unwrap_err();
        assert_eq!(now(demo.verify_token(typed)), Err(expected), "{answer:?}");
        let write = |token: &str| SettingsWrite {
            token: Some(token.into()),
            settings: samples::settings(),
            restored_from: None,
        };
        let expected = now(plain.save_settings(&write(by_prefix), &Precondition::Create)).unwrap_err();
        assert_eq!(now(demo.save_settings(&write(typed), &Precondition::Create)), Err(expected), "{answer:?}");
    }
}

#[test]
fn held_calls_wait_until_let_go() {
    let (demo, _) = demo(Preset::Connected);
    demo.set_scenario(Scenario { data: Preset::Connected, hold: true, ..Scenario::default() });
    let mut call = demo.max_channel();
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..5 {
        assert!(call.as_mut().poll(&mut cx).is_pending(), "held");
    }
    demo.set_scenario(Scenario { data: Preset::Connected, ..Scenario::default() });
    let answer = loop {
        if let Poll::Ready(answer) = call.as_mut().poll(&mut cx) {
            break answer;
        }
    };
    assert_eq!(answer.unwrap().state, ChannelState::Connected);
}

#[test]
fn a_moved_clock_moves_the_fake_and_the_pages_alike() {
    let (demo, clock) = demo(Preset::Connected);
    let day = 86_400_000;
    demo.set_clock_offset(-2 * day);
    assert_eq!(demo.server_now_ms(1_000.0), 1_000.0 - 2.0 * day as f64);
    // The account starts afresh on the moved clock: its last update is as recent as before.
    let fresh = twin(Preset::Connected, &clock).health(HealthCall::Get).unwrap();
    let moved = demo.health_now(HealthCall::Get).unwrap();
    assert_ne!(fresh.checked_at, moved.checked_at);
    let shift = |at: &str| max_channel_contract::time::Moment::parse(at).unwrap().unix_seconds;
    assert_eq!(shift(&fresh.checked_at) - shift(&moved.checked_at), 2 * 86_400);
}
