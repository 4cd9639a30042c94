//! «Проверка связи»: what a delivery test means at a moment, how its times read, what the
//! panel announces to a screen reader, and when it asks the back end again. Pure: the
//! panel (`ui::delivery_check`) shows and schedules what these decide.

use max_channel_contract::{DeliveryTest, DeliveryTestState, ReceivedVia, ReplyState, DELIVERY_TEST_SECONDS};

use crate::domain::when::unix_of;
use crate::i18n::{count, Locale, Msg, Tr};

/// How often a waiting test is asked about, in ms (the spec's «every 2 s»).
pub const ASK_EVERY_MS: f64 = 2_000.0;

/// A test as the panel tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing arrived yet; `seconds_left` until it expires (never below 0).
    Waiting { seconds_left: i64 },
    /// The code arrived; `reply` is `None` while the bot's answer is still on its way.
    Received { took: i64, via: ReceivedVia, from_name: Option<String>, reply: Option<Reply> },
    /// Nothing arrived in time (or a newer test replaced this one); `waited`: the test's
    /// own time to wait, in seconds (ten minutes, or a preview's compressed minute).
    Expired { waited: i64 },
}

/// Whether MAX took the bot's answer to the sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Sent,
    /// MAX refused it; the back end's words for why (Russian prose), when it gave them.
    Failed(Option<String>),
}

/// The test at `now` (the back end's clock, unix seconds). A waiting test whose time is up
/// reads as expired before the back end says so; `took` counts from `created_at` to
/// `received.at`, never below 0.
pub fn outcome(test: &DeliveryTest, now: i64) -> Outcome {
    let expires = unix_of(&test.expires_at);
    let waited = match (unix_of(&test.created_at), expires) {
        (Some(start), Some(end)) if end > start => end - start,
        _ => DELIVERY_TEST_SECONDS,
    };
    match test.state {
        DeliveryTestState::Received => {
            let received = test.received.as_ref();
            let at = received.and_then(|r| unix_of(&r.at));
            let took = match (unix_of(&test.created_at), at) {
                (Some(start), Some(at)) => (at - start).max(0),
                _ => 0,
            };
            let reply = test.reply.as_ref().map(|reply| match reply.state {
                ReplyState::Sent => Reply::Sent,
                ReplyState::Failed | ReplyState::Other(_) => Reply::Failed(reply.error.clone()),
            });
            Outcome::Received {
                took,
                via: received.map_or(ReceivedVia::Message, |r| r.via.clone()),
                from_name: received.and_then(|r| r.from_name.clone()).filter(|n| !n.trim().is_empty()),
                reply,
            }
        }
        DeliveryTestState::Waiting => match expires {
            Some(expires) if expires <= now => Outcome::Expired { waited },
            // Never more than the test's own time: the back end's «now» is known to the
            // second from a `Date` header, and may read a moment behind the test's own times.
            Some(expires) => Outcome::Waiting { seconds_left: (expires - now).min(waited) },
            None => Outcome::Waiting { seconds_left: 0 },
        },
        DeliveryTestState::Expired | DeliveryTestState::Other(_) => Outcome::Expired { waited },
    }
}

impl Outcome {
    /// Whether the back end still has something to tell: the code, or the bot's reply.
    pub fn asks_again(&self) -> bool {
        matches!(self, Outcome::Waiting { .. } | Outcome::Received { reply: None, .. })
    }
}

/// «9:41»: the time left as minutes and seconds.
pub fn time_left(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// «41 секунду», «2 минуты 5 секунд», «10 минут»: a duration after «за».
pub fn duration_text(locale: Locale, seconds: i64) -> String {
    let seconds = seconds.max(0) as u64;
    let (minutes, rest) = (seconds / 60, seconds % 60);
    match (minutes, rest) {
        (0, s) => count(locale, Msg::UnitSecondAfter, s),
        (m, 0) => count(locale, Msg::UnitMinuteAgo, m),
        (m, s) => format!("{} {}", count(locale, Msg::UnitMinuteAgo, m), count(locale, Msg::UnitSecondAfter, s)),
    }
}

/// The received line: «Сообщение дошло до Манго Диалогов за 41 секунду (кодом).». The
/// sender's name goes on a line of its own («Отправитель: …»): a name cannot be declined
/// after «от», nor a verb given a gender.
pub fn received_text(tr: Tr, took: i64, via: &ReceivedVia) -> String {
    let took = duration_text(tr.0, took);
    let how = tr.t(match via {
        ReceivedVia::BotStarted => Msg::DeliveryViaLink,
        ReceivedVia::Message | ReceivedVia::Other(_) => Msg::DeliveryViaCode,
    });
    tr.f(Msg::DeliveryReceived, &[("took", &took), ("how", how)])
}

/// What a screen reader hears, politely and only when it changes: the start, each whole
/// minute left, the outcome — never every second. `minutes` is what was last announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    /// «Ждём сообщение ещё 10 минут.»: the minutes left, rounded up.
    MinutesLeft(u64),
    Received,
    Expired,
}

/// Whole minutes left, rounded up: «ещё 10 минут» from 10:00 down to 9:01.
fn minutes_left(seconds_left: i64) -> u64 {
    (seconds_left.max(0) as u64).div_ceil(60)
}

/// The announcement due for `outcome`, given the last one made (`None`: nothing yet).
pub fn announcement(outcome: &Outcome, last: Option<Announcement>) -> Option<Announcement> {
    let now = match outcome {
        Outcome::Waiting { seconds_left } => Announcement::MinutesLeft(minutes_left(*seconds_left)),
        // The reply follows in the same region once it is known; the arrival is the news.
        Outcome::Received { .. } => Announcement::Received,
        Outcome::Expired { .. } => Announcement::Expired,
    };
    (last != Some(now)).then_some(now)
}

/// When the panel asks about its test next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ask {
    /// Now (the page just became visible again, or the time has come).
    Now,
    /// In this many ms.
    In(f64),
    /// Not until something changes: a request is on its way, the page is hidden, the test
    /// has nothing more to tell, or a failure waits for «Повторить».
    Not,
}

/// The panel's polling, at a moment: whether a request is on its way, whether the page
/// is visible, whether the test still has news, whether the last request failed (then
/// only «Повторить» asks again), until when a 429 asked to wait, and when the last answer
/// came (ms, the browser's clock).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollState {
    pub in_flight: bool,
    pub visible: bool,
    pub has_news: bool,
    pub failed: bool,
    pub wait_until_ms: Option<f64>,
    pub answered_at_ms: Option<f64>,
}

/// One request at a time, every [`ASK_EVERY_MS`] after the last answer, none while hidden,
/// at once when shown again if the time has come; after a 429, not before its wait ends.
pub fn next_ask(state: PollState, now_ms: f64) -> Ask {
    if state.in_flight || !state.visible || !state.has_news || state.failed {
        return Ask::Not;
    }
    let due = state.answered_at_ms.map_or(now_ms, |at| at + ASK_EVERY_MS);
    let due = state.wait_until_ms.map_or(due, |until| due.max(until));
    if due <= now_ms {
        Ask::Now
    } else {
        Ask::In(due - now_ms)
    }
}

/// The locale's «осталось 9:41» line.
pub fn waiting_text(tr: Tr, seconds_left: i64) -> String {
    tr.f(Msg::DeliveryWaiting, &[("left", &time_left(seconds_left))])
}

/// «Сообщение не пришло за 10 минут.»
pub fn expired_text(tr: Tr, waited: i64) -> String {
    tr.f(Msg::DeliveryExpired, &[("time", &duration_text(tr.0, waited))])
}

/// What a screen reader hears when [`announcement`] says so: the minutes left while
/// waiting, else the outcome's own line.
pub fn announcement_text(tr: Tr, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Waiting { seconds_left } => {
            let minutes = minutes_left(*seconds_left);
            // «ещё 1 минуту» (accusative): «осталось» would need «осталась 1 минута».
            tr.f(Msg::DeliveryMinutesLeft, &[("left", &count(tr.0, Msg::UnitMinuteAgo, minutes))])
        }
        Outcome::Received { took, via, .. } => received_text(tr, *took, via),
        Outcome::Expired { waited } => expired_text(tr, *waited),
    }
}

#[cfg(test)]
#[path = "delivery_check_tests.rs"]
mod tests;
