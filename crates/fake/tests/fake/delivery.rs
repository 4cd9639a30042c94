//! «Проверка связи» (1.2): a test's life on the fake's clock — start, the 10 s between
//! starts, what MAX delivers, the bot's reply by the fake MAX's conditions, expiry, a
//! disconnect — and every answer against the contract's schema.

use std::collections::HashSet;

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::presets::{COMPRESSED_TEST_SECONDS, SCRIPTED_TESTER_SECONDS};
use max_channel_fake::{Delivered, InboundUpdate, MaxCondition, MaxError, Preset, UpdateKind};

fn check_schema(test: &DeliveryTest) {
    assert_schema("/components/schemas/DeliveryTest", &serde_json::to_value(test).unwrap());
}

fn started(code: &str) -> InboundUpdate {
    InboundUpdate {
        user_id: 77,
        name: Some("Иван Петров".into()),
        kind: UpdateKind::BotStarted { payload: Some(code.into()) },
    }
}

fn message(user_id: i64, text: &str) -> InboundUpdate {
    InboundUpdate { user_id, name: None, kind: UpdateKind::Message { text: text.into() } }
}

#[test]
fn a_started_test_waits_ten_minutes_with_a_link_to_the_bot() {
    let (mut fake, _clock) = fake();
    assert_eq!(fake.start_delivery_test().unwrap_err().status, 404, "not connected");
    connect(&mut fake);
    let test = fake.start_delivery_test().unwrap();
    check_schema(&test);
    assert_eq!(test.state, DeliveryTestState::Waiting);
    let username = fake.account().bot.as_ref().unwrap().username.clone().unwrap();
    assert_eq!(test.link, format!("https://max.ru/{username}?start={}", test.code));
    assert!(check_start_label(&test.code).is_ok(), "{}", test.code);
    let created = time::Moment::parse(&test.created_at).unwrap().unix_seconds;
    let expires = time::Moment::parse(&test.expires_at).unwrap().unix_seconds;
    assert_eq!(expires - created, DELIVERY_TEST_SECONDS);
    assert_eq!((test.received, test.reply), (None, None));
    assert_eq!(fake.delivery_test(&test.id).unwrap().state, DeliveryTestState::Waiting);
}

#[test]
fn one_start_per_ten_seconds_and_a_new_one_expires_the_waiting_one() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    let first = fake.start_delivery_test().unwrap();
    clock.advance_seconds(3);
    let refused = fake.start_delivery_test().unwrap_err();
    assert_eq!((refused.status, refused.retry_after), (429, Some(7)));
    assert_eq!(refused.code(), &ErrorCode::RateLimited);
    clock.advance_seconds(7);
    let second = fake.start_delivery_test().unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(fake.delivery_test(&first.id).unwrap().state, DeliveryTestState::Expired);
    assert_eq!(fake.delivery_test(&second.id).unwrap().state, DeliveryTestState::Waiting);
    // The old code arriving now proves nothing about the new test, and opens no dialog.
    assert_eq!(fake.deliver_update(started(&first.code)), Delivered::Customer { new_dialog: false, label: None });
    assert_eq!(fake.delivery_test(&second.id).unwrap().state, DeliveryTestState::Waiting);
    assert_eq!(fake.sources(SourceDays::Week).unwrap().total, 0);
}

#[test]
fn the_code_by_link_or_by_message_receives_the_test_and_the_bot_answers() {
    for (update, via) in [(None, ReceivedVia::BotStarted), (Some(()), ReceivedVia::Message)] {
        let (mut fake, clock) = fake();
        connect(&mut fake);
        let test = fake.start_delivery_test().unwrap();
        clock.advance_seconds(41);
        let delivered = match update {
            None => fake.deliver_update(started(&test.code)),
            Some(()) => fake.deliver_update(message(78, &format!("  {}\n", test.code))),
        };
        assert!(matches!(delivered, Delivered::TestReceived { reply_pending: false, .. }), "{delivered:?}");
        let read = fake.delivery_test(&test.id).unwrap();
        check_schema(&read);
        assert_eq!(read.state, DeliveryTestState::Received);
        let received = read.received.unwrap();
        assert_eq!(received.via, via);
        let at = time::Moment::parse(&received.at).unwrap().unix_seconds;
        assert_eq!(at - time::Moment::parse(&test.created_at).unwrap().unix_seconds, 41);
        let expected_name = if via == ReceivedVia::BotStarted { Some("Иван Петров") } else { None };
        assert_eq!(received.from_name.as_deref(), expected_name);
        let reply = read.reply.unwrap();
        assert_eq!((reply.state, reply.error), (ReplyState::Sent, None));
        // The health learnt of the update; the test opened no dialog.
        let health = fake.health(max_channel_fake::HealthCall::Check).unwrap();
        assert!(health.delivery.last_inbound_at.is_some());
        assert_eq!(fake.sources(SourceDays::Month).unwrap().items, vec![]);
    }
}

#[test]
fn the_reply_follows_the_fake_maxs_conditions() {
    let cases = [
        (MaxCondition::TokenRevoked, "токен"),
        (MaxCondition::BotBlocked, "заблокировал"),
        (MaxCondition::MaxDown, "не ответил"),
        (MaxCondition::RateLimited, "подождать"),
    ];
    for (condition, words) in cases {
        let (mut fake, _clock) = fake();
        connect(&mut fake);
        let test = fake.start_delivery_test().unwrap();
        fake.set_max_condition(condition);
        fake.deliver_update(started(&test.code));
        let read = fake.delivery_test(&test.id).unwrap();
        check_schema(&read);
        let reply = read.reply.unwrap();
        assert_eq!(reply.state, ReplyState::Failed, "{condition:?}");
        assert!(reply.error.as_deref().unwrap().contains(words), "{condition:?}: {:?}", reply.error);
    }
}

#[test]
fn ten_minutes_expire_a_test_and_a_late_code_changes_nothing() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    let test = fake.start_delivery_test().unwrap();
    clock.advance_seconds(DELIVERY_TEST_SECONDS - 1);
    assert_eq!(fake.delivery_test(&test.id).unwrap().state, DeliveryTestState::Waiting);
    clock.advance_seconds(1);
    let read = fake.delivery_test(&test.id).unwrap();
    check_schema(&read);
    assert_eq!(read.state, DeliveryTestState::Expired);
    fake.deliver_update(started(&test.code));
    assert_eq!(fake.delivery_test(&test.id).unwrap().received, None);
    assert_eq!(fake.sources(SourceDays::Week).unwrap().total, 0, "a test's update never counts");
}

#[test]
fn a_disconnect_makes_its_tests_unknown() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    let test = fake.start_delivery_test().unwrap();
    fake.disconnect();
    assert_eq!(fake.delivery_test(&test.id).unwrap_err().status, 404);
    assert_eq!(fake.deliver_update(started(&test.code)), Delivered::NotConnected);
    assert_eq!(fake.delivery_test("dt-never").unwrap_err().status, 404);
    connect(&mut fake);
    clock.advance_seconds(1);
    assert_eq!(fake.delivery_test(&test.id).unwrap_err().status, 404, "still unknown after reconnecting");
    assert!(fake.start_delivery_test().is_ok(), "a reconnected channel starts at once");
}

#[test]
fn with_an_external_max_the_caller_sends_the_reply() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    fake.use_external_max();
    let test = fake.start_delivery_test().unwrap();
    let Delivered::TestReceived { test_id, user_id, token, reply_text, reply_pending: true } =
        fake.deliver_update(started(&test.code))
    else {
        panic!("the reply is the caller's to send");
    };
    assert_eq!((test_id.as_str(), user_id, token.as_str()), (test.id.as_str(), 77, "good-token-0001"));
    assert!(!reply_text.is_empty());
    let read = fake.delivery_test(&test.id).unwrap();
    assert_eq!((read.state, read.reply), (DeliveryTestState::Received, None), "received, the reply still out");
    clock.advance_seconds(2);
    fake.commit_test_reply(&test.id, Err(MaxError::Invalid));
    let reply = fake.delivery_test(&test.id).unwrap().reply.unwrap();
    assert_eq!(reply.state, ReplyState::Failed);
    assert!(reply.error.unwrap().contains("токен"));
}

#[test]
fn codes_and_ids_are_distinct_and_not_a_counter() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    let (mut codes, mut ids) = (HashSet::new(), HashSet::new());
    for _ in 0..300 {
        clock.advance_seconds(DELIVERY_TEST_START_INTERVAL_SECONDS);
        let test = fake.start_delivery_test().unwrap();
        assert!(check_start_label(&test.code).is_ok() && test.id.len() <= DELIVERY_TEST_ID_MAX_CHARS);
        assert!(codes.insert(test.code.clone()), "code {} twice", test.code);
        assert!(ids.insert(test.id.clone()), "id {} twice", test.id);
    }
    // Two accounts at the same moment with the same history get different codes: the
    // code is not a function of what the fake keeps.
    let (mut a, _) = fake_pair_member();
    let (mut b, _) = fake_pair_member();
    assert_ne!(a.start_delivery_test().unwrap().code, b.start_delivery_test().unwrap().code);
}

fn fake_pair_member() -> (max_channel_fake::Fake, max_channel_fake::ManualClock) {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    (fake, clock)
}

#[test]
fn the_preview_scenarios_play_on_the_clock() {
    let clock = max_channel_fake::ManualClock::at(NOW);
    let mut fake = Preset::DeliveryReceived.build(Box::new(clock.clone()));
    let test = fake.start_delivery_test().unwrap();
    clock.advance_seconds(SCRIPTED_TESTER_SECONDS - 1);
    assert_eq!(fake.delivery_test(&test.id).unwrap().state, DeliveryTestState::Waiting);
    clock.advance_seconds(3);
    let read = fake.delivery_test(&test.id).unwrap();
    check_schema(&read);
    let received = read.received.unwrap();
    let at = time::Moment::parse(&received.at).unwrap().unix_seconds;
    assert_eq!(at - time::Moment::parse(&test.created_at).unwrap().unix_seconds, SCRIPTED_TESTER_SECONDS);
    assert_eq!(read.reply.unwrap().state, ReplyState::Sent);

    let mut fake = Preset::DeliveryReplyFailed.build(Box::new(clock.clone()));
    let test = fake.start_delivery_test().unwrap();
    clock.advance_seconds(SCRIPTED_TESTER_SECONDS);
    assert_eq!(fake.delivery_test(&test.id).unwrap().reply.unwrap().state, ReplyState::Failed);
    assert_eq!(fake.max_channel().state_reason, Some(StateReason::TokenRevoked), "the cause shows on the channel");

    let mut fake = Preset::DeliveryExpires.build(Box::new(clock.clone()));
    assert_eq!(fake.delivery_test_seconds(), COMPRESSED_TEST_SECONDS);
    let test = fake.start_delivery_test().unwrap();
    clock.advance_seconds(COMPRESSED_TEST_SECONDS);
    assert_eq!(fake.delivery_test(&test.id).unwrap().state, DeliveryTestState::Expired);
}

#[test]
fn a_scripted_tester_is_answered_by_the_fake_max_even_beside_an_external_one() {
    let clock = max_channel_fake::ManualClock::at(NOW);
    let mut fake = Preset::DeliveryReceived.build(Box::new(clock.clone()));
    fake.use_external_max();
    let test = fake.start_delivery_test().unwrap();
    clock.advance_seconds(SCRIPTED_TESTER_SECONDS);
    assert_eq!(fake.delivery_test(&test.id).unwrap().reply.map(|r| r.state), Some(ReplyState::Sent));
    // A real customer's code is the caller's to answer.
    clock.advance_seconds(DELIVERY_TEST_START_INTERVAL_SECONDS);
    let test = fake.start_delivery_test().unwrap();
    let delivered = fake.deliver_update(started(&test.code));
    assert!(matches!(delivered, Delivered::TestReceived { reply_pending: true, .. }), "{delivered:?}");
    fake.commit_test_reply(&test.id, Err(MaxError::ChatDenied));
    let reply = fake.delivery_test(&test.id).unwrap().reply.unwrap();
    assert!(reply.error.unwrap().contains("не дал боту написать"));
}
