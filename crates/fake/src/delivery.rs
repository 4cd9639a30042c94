//! 1.2's «Проверка связи»: `startMaxDeliveryTest` / `getMaxDeliveryTest`, and what MAX
//! delivers to the webhook ([`Fake::deliver_update`]): a waiting test's code makes it
//! `received`, and the back end answers the sender through the bot; anything else is a
//! customer's update (`crate::dialogs`).

use std::hash::BuildHasher;

use max_channel_contract::*;
use serde::{Deserialize, Serialize};

use crate::clock::rfc3339;
use crate::max::{MaxCondition, MaxError, MaxResult};
use crate::refusal::Refusal;
use crate::Fake;

/// How many tests are kept (older ones answer 404, as if never made).
const KEPT_TESTS: usize = 20;

/// What the bot sends the tester.
pub const TEST_REPLY_TEXT: &str =
    "Проверка связи пройдена: ваше сообщение дошло до Манго Диалогов, а этот ответ — до вас.";

/// A customer's update as MAX delivers it to the webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboundUpdate {
    /// The sender's MAX user id.
    pub user_id: i64,
    /// The sender's name, when MAX gives one.
    pub name: Option<String>,
    pub kind: UpdateKind,
}

/// `bot_started` (the customer opened the bot, by a link with `?start=` or not) or
/// `message_created` (the customer wrote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpdateKind {
    BotStarted { payload: Option<String> },
    Message { text: String },
}

/// What a delivered update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    /// It carried a waiting test's code: the test is `received`. With the fake MAX the
    /// reply is recorded already; with an external MAX (`reply_pending`) the caller sends
    /// `reply_text` to `user_id` through MAX `POST /messages` with `token`, then hands the
    /// outcome to [`Fake::commit_test_reply`].
    TestReceived { test_id: String, user_id: i64, token: String, reply_text: String, reply_pending: bool },
    /// A customer's update: whether it opened a new dialog, and under which label.
    Customer { new_dialog: bool, label: Option<String> },
    /// The channel is not connected: MAX delivers nothing.
    NotConnected,
}

/// A preview's customer who answers every test by itself (on the fake's clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptedTester {
    /// Seconds after the start.
    pub after_seconds: i64,
    pub name: String,
    pub via: ReceivedVia,
    /// What happens to MAX just before the bot answers (e.g. the token is revoked).
    pub then: Option<MaxCondition>,
}

/// A test with its moments as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTest {
    pub test: DeliveryTest,
    pub created: i64,
    pub expires: i64,
}

/// The account's tests: newest last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTests {
    pub tests: Vec<StoredTest>,
    pub last_start: Option<i64>,
    /// How long a test waits ([`DELIVERY_TEST_SECONDS`]; a preview may compress it).
    pub seconds: i64,
    #[serde(default)]
    pub tester: Option<ScriptedTester>,
    /// Makes every code different from every earlier one, whatever the clock says.
    #[serde(default)]
    pub made: u64,
}

impl Default for DeliveryTests {
    fn default() -> Self {
        DeliveryTests { tests: Vec::new(), last_start: None, seconds: DELIVERY_TEST_SECONDS, tester: None, made: 0 }
    }
}

/// 64 unpredictable bits: the process's random hash keys (seeded from the OS natively)
/// over the count and the time, so a code cannot be worked out from the ones before it.
fn unguessable(made: u64, now_ms: i64) -> u64 {
    std::collections::hash_map::RandomState::new().hash_one((made, now_ms))
}

/// `n` characters of `alphabet` from `bits`.
fn spell(mut bits: u64, alphabet: &[u8], n: usize) -> String {
    (0..n)
        .map(|_| {
            let c = alphabet[(bits % alphabet.len() as u64) as usize];
            bits /= alphabet.len() as u64;
            char::from(c)
        })
        .collect()
}

/// Words for a reply MAX did not take.
pub fn reply_failure(error: &MaxError) -> &'static str {
    match error {
        MaxError::Invalid => "MAX не принял токен бота, и ответ не отправлен. Замените токен в настройках канала.",
        MaxError::BotBlocked => "MAX заблокировал бота, и ответ не отправлен.",
        MaxError::ChatDenied => {
            "MAX не дал боту написать в этот чат (например, бота остановили в MAX), и ответ не отправлен."
        }
        MaxError::Unavailable => "MAX не ответил, и ответ не отправлен. Проверьте связь ещё раз.",
        MaxError::RateLimited { .. } => "MAX попросил подождать, и ответ не отправлен. Проверьте связь через минуту.",
    }
}

impl Fake {
    /// How long a test waits, in seconds.
    pub fn delivery_test_seconds(&self) -> i64 {
        self.account.delivery.seconds
    }

    /// A preview scenario: tests wait `seconds`, and `tester` (if any) answers each.
    pub fn script_delivery_tests(&mut self, seconds: i64, tester: Option<ScriptedTester>) {
        self.account.delivery.seconds = seconds.max(1);
        self.account.delivery.tester = tester;
    }

    /// `startMaxDeliveryTest`: 404 while not connected, 429 within 10 s of the last start;
    /// a test still waiting expires.
    pub fn start_delivery_test(&mut self) -> Result<DeliveryTest, Refusal> {
        self.tick();
        let now = self.now();
        let Some(username) = self.account.bot.as_ref().and_then(|b| b.username.clone()) else {
            return Err(Refusal::not_connected());
        };
        if !self.account.is_connected() {
            return Err(Refusal::not_connected());
        }
        let delivery = &mut self.account.delivery;
        if let Some(last) = delivery.last_start {
            let wait = last + DELIVERY_TEST_START_INTERVAL_SECONDS - now;
            if wait > 0 {
                return Err(Refusal::rate_limited(wait as u64));
            }
        }
        for stored in delivery.tests.iter_mut().filter(|t| t.test.state == DeliveryTestState::Waiting) {
            stored.test.state = DeliveryTestState::Expired;
        }
        let (id, code) = loop {
            delivery.made += 1;
            let bits = unguessable(delivery.made, self.clock.now_ms());
            let id = format!("dt-{}", spell(bits, b"0123456789abcdefghijklmnopqrstuvwxyz", 8));
            let code = format!("check-{}", spell(bits >> 20, b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 6));
            if !delivery.tests.iter().any(|t| t.test.id == id || t.test.code == code) {
                break (id, code);
            }
        };
        let expires = now + delivery.seconds;
        let test = DeliveryTest {
            id,
            state: DeliveryTestState::Waiting,
            link: format!("https://max.ru/{username}?start={code}"),
            code,
            created_at: rfc3339(now),
            expires_at: rfc3339(expires),
            received: None,
            reply: None,
        };
        delivery.tests.push(StoredTest { test: test.clone(), created: now, expires });
        let excess = delivery.tests.len().saturating_sub(KEPT_TESTS);
        delivery.tests.drain(..excess);
        delivery.last_start = Some(now);
        Ok(test)
    }

    /// `getMaxDeliveryTest`: 404 for an id never made, forgotten, or made before a
    /// disconnect.
    pub fn delivery_test(&mut self, id: &str) -> Result<DeliveryTest, Refusal> {
        self.tick();
        self.account
            .delivery
            .tests
            .iter()
            .find(|t| t.test.id == id)
            .map(|t| t.test.clone())
            .ok_or_else(|| Refusal::new(404, ErrorCode::NotFound, "Такой проверки связи нет."))
    }

    /// A customer's update as MAX delivers it to the webhook, now.
    pub fn deliver_update(&mut self, update: InboundUpdate) -> Delivered {
        self.tick();
        if !self.account.is_connected() {
            return Delivered::NotConnected;
        }
        let now = self.now();
        self.inbound_at(now);
        let carried = match &update.kind {
            UpdateKind::BotStarted { payload } => payload.as_deref().map(|p| (p.trim(), ReceivedVia::BotStarted)),
            UpdateKind::Message { text } => Some((text.trim(), ReceivedVia::Message)),
        };
        let tests = &self.account.delivery.tests;
        let test = carried.and_then(|(code, via)| tests.iter().position(|t| t.test.code == code).map(|i| (i, via)));
        match test {
            Some((index, via)) if tests[index].test.state == DeliveryTestState::Waiting => {
                self.receive(index, now, (via, update.name, update.user_id), false)
            }
            // A test's update never opens a dialog, even late or repeated.
            Some(_) => Delivered::Customer { new_dialog: false, label: None },
            None => self.customer_update(&update, now),
        }
    }

    /// The test at `index` is received at `at`; with the fake MAX the bot answers at once.
    /// A scripted tester (`scripted`) is the fake's own customer: the fake MAX answers it
    /// even when an external MAX answers everything else.
    fn receive(
        &mut self,
        index: usize,
        at: i64,
        sender: (ReceivedVia, Option<String>, i64),
        scripted: bool,
    ) -> Delivered {
        let (via, name, user_id) = sender;
        let test = &mut self.account.delivery.tests[index].test;
        test.state = DeliveryTestState::Received;
        test.received = Some(DeliveryReceived { at: rfc3339(at), via, from_name: name });
        let test_id = test.id.clone();
        let token = self.account.token.clone().unwrap_or_default();
        let reply_pending = !self.uses_fake_max && !scripted;
        if !reply_pending {
            if let Some(condition) = self.account.delivery.tester.as_ref().and_then(|t| t.then) {
                self.set_max_condition(condition);
            }
            // The fake MAX takes the reply when it would take the token.
            let outcome = self.account.max.me(&token).map(|_| ());
            self.reply_at(&test_id, outcome, at + 1);
        }
        Delivered::TestReceived { test_id, user_id, token, reply_text: TEST_REPLY_TEXT.to_owned(), reply_pending }
    }

    /// MAX's answer to the bot's reply of a received test (an external MAX's, now).
    pub fn commit_test_reply(&mut self, test_id: &str, outcome: MaxResult<()>) {
        let now = self.now();
        self.reply_at(test_id, outcome, now);
    }

    fn reply_at(&mut self, test_id: &str, outcome: MaxResult<()>, at: i64) {
        let Some(stored) = self.account.delivery.tests.iter_mut().find(|t| t.test.id == test_id) else {
            return;
        };
        let (state, error) = match outcome {
            Ok(()) => (ReplyState::Sent, None),
            Err(e) => (ReplyState::Failed, Some(reply_failure(&e).to_owned())),
        };
        stored.test.reply = Some(DeliveryReply { state, at: rfc3339(at), error });
    }

    /// Lets time do its part: the scripted tester writes when due, waiting tests expire.
    pub(crate) fn tick_delivery_tests(&mut self) {
        let now = self.now();
        if let Some(tester) = self.account.delivery.tester.clone() {
            let due = self.account.delivery.tests.iter().position(|t| {
                t.test.state == DeliveryTestState::Waiting
                    && t.created + tester.after_seconds <= now
                    && t.created + tester.after_seconds < t.expires
            });
            if let Some(index) = due {
                let at = self.account.delivery.tests[index].created + tester.after_seconds;
                self.inbound_at(at);
                let _ = self.receive(index, at, (tester.via, Some(tester.name), 7_000_000_001), true);
            }
        }
        for stored in &mut self.account.delivery.tests {
            if stored.test.state == DeliveryTestState::Waiting && now >= stored.expires {
                stored.test.state = DeliveryTestState::Expired;
            }
        }
    }

    /// A disconnect forgets the channel's tests: they answer 404.
    pub(crate) fn forget_delivery_tests(&mut self) {
        self.account.delivery.tests.clear();
        self.account.delivery.last_start = None;
    }
}
