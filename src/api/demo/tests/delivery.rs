//! «Проверка связи» and «Откуда пишут клиенты» in preview: a test's life on the compressed
//! clock, its refusals, and the sources per period.

use super::*;

pub(super) fn test_now(demo: &DemoBackend, id: &str) -> DeliveryTest {
    now(demo.delivery_test(id)).unwrap()
}

#[test]
pub(super) fn a_started_test_is_received_five_seconds_later_and_answered() {
    let (demo, clock) = demo(Preset::DeliveryReceived);
    let mut dev = twin(Preset::DeliveryReceived, &clock);
    assert_eq!(demo.delivery_test_seconds(), DELIVERY_TEST_SECONDS);
    assert_eq!(demo.compressed_wait_seconds(), None, "this scenario keeps the real ten minutes");
    let started = now(demo.start_delivery_test()).unwrap();
    dev.start_delivery_test().unwrap();
    assert_eq!(started.state, DeliveryTestState::Waiting);
    assert!(started.link.ends_with(&format!("?start={}", started.code)), "{}", started.link);
    assert_eq!((started.received.clone(), started.reply.clone()), (None, None));
    clock.advance_seconds(4);
    assert_eq!(test_now(&demo, &started.id).state, DeliveryTestState::Waiting);
    clock.advance_seconds(1);
    let test = test_now(&demo, &started.id);
    assert_eq!(test.state, DeliveryTestState::Received);
    let received = test.received.expect("who wrote");
    assert_eq!(received.from_name.as_deref(), Some("Иван Петров"));
    assert_eq!(received.via, ReceivedVia::BotStarted);
    let reply = test.reply.expect("the bot's answer");
    assert_eq!((reply.state, reply.error), (ReplyState::Sent, None));
    // The customer's update is the channel's last inbound one.
    assert!(now(demo.health()).unwrap().delivery.last_inbound_at.is_some());

    // Again within 10 s: 429 with the rest of the wait, as the dev back end answers.
    clock.advance_seconds(3);
    let theirs = dev.start_delivery_test().unwrap_err();
    assert_eq!(now(demo.start_delivery_test()), Err(refused(theirs)));
    assert_eq!(now(demo.start_delivery_test()), Err(ApiError::RateLimited { retry_after: Some(2) }));
    clock.advance_seconds(2);
    let next = now(demo.start_delivery_test()).unwrap();
    assert_ne!((&next.id, &next.code), (&started.id, &started.code));
    assert_eq!(test_now(&demo, &started.id).state, DeliveryTestState::Received, "a received test stays so");
}

#[test]
pub(super) fn a_reply_max_refuses_is_failed_with_words() {
    let (demo, clock) = demo(Preset::DeliveryReplyFailed);
    let started = now(demo.start_delivery_test()).unwrap();
    clock.advance_seconds(5);
    let test = test_now(&demo, &started.id);
    assert_eq!(test.state, DeliveryTestState::Received);
    let reply = test.reply.expect("the bot's answer");
    assert_eq!(reply.state, ReplyState::Failed);
    let words = reply.error.expect("why, in words");
    assert!(words.contains("токен"), "{words}");
}

#[test]
pub(super) fn an_unanswered_test_expires_after_the_compressed_wait() {
    let (demo, clock) = demo(Preset::DeliveryExpires);
    let seconds = demo.delivery_test_seconds();
    assert_eq!(seconds, 60);
    assert_eq!(demo.compressed_wait_seconds(), Some(60));
    let started = now(demo.start_delivery_test()).unwrap();
    assert_eq!(started.state, DeliveryTestState::Waiting);
    clock.advance_seconds(seconds - 1);
    assert_eq!(test_now(&demo, &started.id).state, DeliveryTestState::Waiting);
    clock.advance_seconds(1);
    let test = test_now(&demo, &started.id);
    assert_eq!((test.state, test.received, test.reply), (DeliveryTestState::Expired, None, None));

    // A newer test makes a waiting one expire at once.
    let first = now(demo.start_delivery_test()).unwrap();
    clock.advance_seconds(10);
    let second = now(demo.start_delivery_test()).unwrap();
    assert_eq!(test_now(&demo, &first.id).state, DeliveryTestState::Expired);
    assert_eq!(test_now(&demo, &second.id).state, DeliveryTestState::Waiting);
}

#[test]
pub(super) fn delivery_tests_refuse_as_the_dev_back_end_does() {
    // Not connected: nothing to test (404, an error the page tells apart).
    let (demo, clock) = demo(Preset::NotConnected);
    let theirs = twin(Preset::NotConnected, &clock).start_delivery_test().unwrap_err();
    assert_eq!(theirs.status, 404);
    assert_eq!(now(demo.start_delivery_test()), Err(refused(theirs)));
    assert_eq!(now(demo.start_delivery_test()), Err(ApiError::NotFound));
    // An id nobody made.
    demo.set_scenario(Scenario { data: Preset::DeliveryReceived, ..Scenario::default() });
    assert_eq!(now(demo.delivery_test("dt-nope")), Err(ApiError::NotFound));
    // A disconnection forgets the channel's tests.
    let started = now(demo.start_delivery_test()).unwrap();
    now(demo.disconnect()).unwrap();
    assert_eq!(now(demo.delivery_test(&started.id)), Err(ApiError::NotFound));
    assert_eq!(now(demo.start_delivery_test()), Err(ApiError::NotFound));
}

#[test]
pub(super) fn sources_add_up_for_every_period() {
    let (demo, clock) = demo(Preset::Sources);
    let mut dev = twin(Preset::Sources, &clock);
    let mut totals = Vec::new();
    for days in SourceDays::ALL {
        let stats = now(demo.sources(days)).unwrap();
        assert_eq!(stats.problems(days), Vec::<String>::new(), "{} days", days.days());
        assert_eq!(stats.total, stats.items.iter().map(|i| i.dialogs).sum::<u32>());
        assert_eq!(Ok(&stats), dev.sources(days).as_ref(), "as the dev back end counts");
        totals.push(stats.total);
    }
    assert!(totals[0] > 0 && totals[0] <= totals[1] && totals[1] <= totals[2], "{totals:?}");
    let quarter = now(demo.sources(SourceDays::Quarter)).unwrap();
    assert!(quarter.items.len() >= 3, "several labels: {:?}", quarter.items);
    assert!(quarter.items.iter().any(|i| i.label.is_none()), "and dialogs without one");
}

#[test]
pub(super) fn a_fresh_channel_has_no_sources_yet() {
    let (demo, _) = demo(Preset::NoDialogs);
    assert_eq!(demo.max_channel_now().state, ChannelState::Connected);
    assert_eq!(now(demo.health()).unwrap().delivery.last_inbound_at, None);
    for days in SourceDays::ALL {
        let stats = now(demo.sources(days)).unwrap();
        assert_eq!((stats.total, stats.items.len()), (0, 0), "{} days", days.days());
        assert_eq!(stats.problems(days), Vec::<String>::new());
    }
    // Never connected: 404.
    demo.set_scenario(Scenario { data: Preset::NotConnected, ..Scenario::default() });
    assert_eq!(now(demo.sources(SourceDays::Month)), Err(ApiError::NotFound));
}
