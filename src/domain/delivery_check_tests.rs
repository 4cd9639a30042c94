use max_channel_contract::{DeliveryReceived, DeliveryReply};

use super::*;

const CREATED: &str = "2026-12-05T10:00:00Z";
const CREATED_UNIX: i64 = 1_796_464_800;

fn test(state: DeliveryTestState) -> DeliveryTest {
    DeliveryTest {
        id: "t1".into(),
        state,
        code: "mc-7Qa1".into(),
        link: "https://max.ru/shop_bot?start=mc-7Qa1".into(),
        created_at: CREATED.into(),
        expires_at: "2026-12-05T10:10:00Z".into(),
        received: None,
        reply: None,
    }
}

fn received(at: &str, via: ReceivedVia, name: Option<&str>, reply: Option<DeliveryReply>) -> DeliveryTest {
    DeliveryTest {
        received: Some(DeliveryReceived { at: at.into(), via, from_name: name.map(str::to_owned) }),
        reply,
        ..test(DeliveryTestState::Received)
    }
}

fn reply(state: ReplyState, error: Option<&str>) -> Option<DeliveryReply> {
    Some(DeliveryReply { state, at: "2026-12-05T10:00:42Z".into(), error: error.map(str::to_owned) })
}

#[test]
fn the_clock_of_the_fixture_is_right() {
    assert_eq!(unix_of(CREATED), Some(CREATED_UNIX));
}

#[test]
fn each_state_reads_as_its_outcome() {
    let at = |s: i64| CREATED_UNIX + s;
    let cases: Vec<(DeliveryTest, i64, Outcome)> = vec![
        (test(DeliveryTestState::Waiting), at(0), Outcome::Waiting { seconds_left: 600 }),
        // A «now» that reads a moment behind the test's start still shows its ten minutes.
        (test(DeliveryTestState::Waiting), at(-1), Outcome::Waiting { seconds_left: 600 }),
        (test(DeliveryTestState::Waiting), at(19), Outcome::Waiting { seconds_left: 581 }),
        (test(DeliveryTestState::Waiting), at(599), Outcome::Waiting { seconds_left: 1 }),
        // Time is up before the back end said so: expired, never «осталось 0:00» for good.
        (test(DeliveryTestState::Waiting), at(600), Outcome::Expired { waited: 600 }),
        (test(DeliveryTestState::Expired), at(30), Outcome::Expired { waited: 600 }),
        (test(DeliveryTestState::Other("paused".into())), at(30), Outcome::Expired { waited: 600 }),
        (
            received("2026-12-05T10:00:41Z", ReceivedVia::Message, Some("Анна"), reply(ReplyState::Sent, None)),
            at(50),
            Outcome::Received {
                took: 41,
                via: ReceivedVia::Message,
                from_name: Some("Анна".into()),
                reply: Some(Reply::Sent),
            },
        ),
        (
            received("2026-12-05T10:02:05Z", ReceivedVia::BotStarted, Some("  "), None),
            at(130),
            Outcome::Received { took: 125, via: ReceivedVia::BotStarted, from_name: None, reply: None },
        ),
        (
            received(
                "2026-12-05T10:00:03Z",
                ReceivedVia::Message,
                None,
                reply(ReplyState::Failed, Some("MAX не принял токен бота")),
            ),
            at(5),
            Outcome::Received {
                took: 3,
                via: ReceivedVia::Message,
                from_name: None,
                reply: Some(Reply::Failed(Some("MAX не принял токен бота".into()))),
            },
        ),
        // A clock that went backwards never gives a negative time.
        (
            received("2026-12-05T09:59:58Z", ReceivedVia::Message, None, None),
            at(5),
            Outcome::Received { took: 0, via: ReceivedVia::Message, from_name: None, reply: None },
        ),
    ];
    for (test, now, expected) in cases {
        assert_eq!(outcome(&test, now), expected, "{test:?} at {now}");
    }
}

#[test]
fn only_a_waiting_test_or_a_reply_on_its_way_is_asked_about_again() {
    assert!(Outcome::Waiting { seconds_left: 5 }.asks_again());
    let arrived = |reply| Outcome::Received { took: 1, via: ReceivedVia::Message, from_name: None, reply };
    assert!(arrived(None).asks_again(), "the reply is still to come");
    assert!(!arrived(Some(Reply::Sent)).asks_again());
    assert!(!arrived(Some(Reply::Failed(None))).asks_again());
    assert!(!Outcome::Expired { waited: 600 }.asks_again());
}

#[test]
fn times_read_as_a_clock_and_as_russian_durations() {
    let cases = [(600, "10:00"), (581, "9:41"), (60, "1:00"), (9, "0:09"), (0, "0:00"), (-3, "0:00")];
    for (seconds, text) in cases {
        assert_eq!(time_left(seconds), text);
    }
    let ru = [
        (1, "1 секунду"),
        (3, "3 секунды"),
        (41, "41 секунду"),
        (11, "11 секунд"),
        (60, "1 минуту"),
        (125, "2 минуты 5 секунд"),
        (600, "10 минут"),
        (21 * 60 + 22, "21 минуту 22 секунды"),
    ];
    for (seconds, text) in ru {
        assert_eq!(duration_text(Locale::Ru, seconds), text, "{seconds}");
    }
    assert_eq!(duration_text(Locale::En, 61), "1 minute 1 second");
}

#[test]
fn the_received_line_names_the_time_and_the_way() {
    let tr = Tr(Locale::Ru);
    assert_eq!(
        received_text(tr, 41, &ReceivedVia::Message),
        "Сообщение дошло до Манго Диалогов за 41 секунду (кодом)."
    );
    assert_eq!(
        received_text(tr, 125, &ReceivedVia::BotStarted),
        "Сообщение дошло до Манго Диалогов за 2 минуты 5 секунд (по ссылке)."
    );
}

#[test]
fn a_screen_reader_hears_the_start_each_minute_and_the_outcome_never_each_second() {
    // The panel polls every 2 s for ten minutes: 300 answers, 12 announcements at most.
    let mut last = None;
    let mut heard = Vec::new();
    for second in (0..=600).step_by(2) {
        let outcome = if second < 600 {
            Outcome::Waiting { seconds_left: 600 - second }
        } else {
            Outcome::Expired { waited: 600 }
        };
        if let Some(now) = announcement(&outcome, last) {
            heard.push((second, now));
            last = Some(now);
        }
    }
    let minutes: Vec<u64> = heard
        .iter()
        .filter_map(|(_, a)| match a {
            Announcement::MinutesLeft(m) => Some(*m),
            _ => None,
        })
        .collect();
    assert_eq!(minutes, (1..=10).rev().collect::<Vec<_>>());
    assert_eq!(heard.first(), Some(&(0, Announcement::MinutesLeft(10))), "at the start");
    assert_eq!(heard[1].0, 60, "«ещё 9 минут» once a minute went by");
    assert_eq!(heard.last(), Some(&(600, Announcement::Expired)));
    // The outcome is announced once, however often it is answered again.
    assert_eq!(announcement(&Outcome::Expired { waited: 600 }, Some(Announcement::Expired)), None);
    let tr = Tr(Locale::Ru);
    assert_eq!(announcement_text(tr, &Outcome::Waiting { seconds_left: 31 }), "Ждём сообщение ещё 1 минуту.");
    assert_eq!(announcement_text(tr, &Outcome::Waiting { seconds_left: 600 }), "Ждём сообщение ещё 10 минут.");
    assert_eq!(announcement_text(tr, &Outcome::Expired { waited: 600 }), "Сообщение не пришло за 10 минут.");
    // A preview's compressed test says its own minute.
    assert_eq!(announcement_text(tr, &Outcome::Expired { waited: 60 }), "Сообщение не пришло за 1 минуту.");
}

#[test]
fn polling_is_one_request_at_a_time_every_two_seconds_while_visible() {
    let base = PollState {
        in_flight: false,
        visible: true,
        has_news: true,
        failed: false,
        wait_until_ms: None,
        answered_at_ms: Some(10_000.0),
    };
    let cases = [
        (base, 10_500.0, Ask::In(1_500.0)),
        (base, 12_000.0, Ask::Now),
        (base, 30_000.0, Ask::Now),
        (PollState { answered_at_ms: None, ..base }, 1.0, Ask::Now),
        (PollState { in_flight: true, ..base }, 30_000.0, Ask::Not),
        (PollState { visible: false, ..base }, 30_000.0, Ask::Not),
        (PollState { has_news: false, ..base }, 30_000.0, Ask::Not),
        (PollState { failed: true, ..base }, 30_000.0, Ask::Not),
        // A 429's wait outlasts the two seconds.
        (PollState { wait_until_ms: Some(17_000.0), ..base }, 12_000.0, Ask::In(5_000.0)),
        (PollState { wait_until_ms: Some(11_000.0), ..base }, 11_000.0, Ask::In(1_000.0)),
    ];
    for (state, now, expected) in cases {
        assert_eq!(next_ask(state, now), expected, "{state:?} at {now}");
    }
}
