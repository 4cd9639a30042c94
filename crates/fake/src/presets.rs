//! Ready-made accounts for preview mode's scenarios and the dev back end's controls. Each
//! is built by running the fake's own operations at moments in the past, so its history,
//! versions and health are what those operations would have produced.

use max_channel_contract::*;

use crate::delivery::ScriptedTester;
use crate::max::MaxCondition;
use crate::refusal::Precondition;
use crate::{samples, Clock, Fake, SeedKind};

/// The token of the preview's connected bot (its hint is «…x7Qa»; the fake MAX names it
/// «Магазин «Ромашка»»). Not a secret: the fake accepts any well-formed token.
pub const DEMO_TOKEN: &str = "demo-token-3-x7Qa";

/// A second bot's token, for «заменён токен» in the history.
const SECOND_TOKEN: &str = "demo-token-21-Lk2m";

max_channel_kit::closed_enum! {
    /// An account to start from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Preset {
        NotConnected = "not_connected",
        /// Connected, healthy, a short history.
        Connected = "connected",
        /// Connected, but MAX refuses the stored token.
        TokenRevoked = "error",
        /// Not connected, and the VATS has no «Чат-боты» service.
        NoChatBots = "no_chat_bots",
        /// Deliveries fail for two hours; MAX still retries.
        HealthWarning = "health_warning",
        /// The subscription points to another system.
        HealthFailing = "health_failing",
        /// MAX does not answer the check.
        HealthUnknown = "health_unknown",
        /// MAX removed the subscription after 8 hours of failures.
        SubscriptionLost = "subscription_lost",
        /// Two months of changes by four administrators and the system.
        LongHistory = "long_history",
        /// Connected, with a schedule in Asia/Vladivostok.
        OtherZone = "other_zone",
        /// «Проверка связи»: a started test is received 5 s later by the link, the bot's
        /// reply sent.
        DeliveryReceived = "delivery_received",
        /// The same, but MAX refuses the token when the bot answers: the reply failed.
        DeliveryReplyFailed = "delivery_reply_failed",
        /// Nobody writes; a test waits only [`COMPRESSED_TEST_SECONDS`] (time compressed).
        DeliveryExpires = "delivery_expires",
        /// Connected for months: 90 days of new dialogs under several labels.
        Sources = "sources",
        /// Connected a minute ago: no customer wrote yet, no dialogs.
        NoDialogs = "no_dialogs",
    }
}

/// How long a test waits in [`Preset::DeliveryExpires`], instead of 10 minutes.
pub const COMPRESSED_TEST_SECONDS: i64 = 60;

/// When the scripted tester of the delivery presets writes, after the start.
pub const SCRIPTED_TESTER_SECONDS: i64 = 5;

impl Preset {
    /// The account, on the standard seed.
    pub fn build(self, clock: Box<dyn Clock>) -> Fake {
        let mut fake = Fake::new(SeedKind::Standard, self != Preset::NoChatBots, clock);
        fake.apply(self);
        fake
    }
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

fn reply(delay_seconds: i64, text: &str, repeat: Repeat) -> AutoReply {
    AutoReply { delay_seconds, text: text.into(), repeat }
}

/// The `i`-th version of a busy account's settings: routing, replies, the closing message,
/// the non-working mode and auto-close all move over time.
fn variant(i: usize) -> Settings {
    let routing = match i % 4 {
        0 => Routing::Group { group_id: "g-sales".into() },
        1 => Routing::Group { group_id: "g-support".into() },
        2 => Routing::Employee { employee_id: format!("e-{}", 101 + i * 37 % 500) },
        _ => Routing::ChatBot {
            chat_bot_id: "b-faq".into(),
            fallback: Some(Target::Group { group_id: "g-callcenter".into() }),
        },
    };
    let mut auto_replies = vec![reply(0, "Здравствуйте! Мы получили ваше сообщение.", Repeat::Once)];
    if !i.is_multiple_of(3) {
        let minutes = 2 + i % 5;
        auto_replies.push(reply(
            60 * minutes as i64,
            &format!("Все операторы заняты, ответим в течение {minutes} минут."),
            if i.is_multiple_of(2) { Repeat::Every { interval_seconds: 600 } } else { Repeat::Once },
        ));
    }
    let non_working_hours = match i % 3 {
        0 => NonWorkingHours::Off,
        1 => NonWorkingHours::ChatBot { chat_bot_id: "b-night".into() },
        _ => NonWorkingHours::AutoReplies {
            auto_replies: vec![reply(0, "Сейчас мы не работаем. Ответим утром с 9:00.", Repeat::Once)],
        },
    };
    Settings {
        routing,
        auto_replies,
        closing_message: ClosingMessage {
            enabled: i % 5 != 4,
            text: "Спасибо за обращение! Оцените, пожалуйста, нашу работу.".into(),
        },
        non_working_hours,
        auto_close: AutoClose { enabled: i % 4 != 3, after_minutes: [60, 180, 720, 1440, 4320][i % 5] },
    }
}

impl Fake {
    /// Sets the clock to `seconds_ago` before the real now.
    fn back_to(&mut self, seconds_ago: i64) {
        self.skew = -seconds_ago;
    }

    /// A save by `actor` as the app would send it. Presets only use settings that keep
    /// the rules, so a refusal here is a defect of the preset, and shows in its tests.
    fn save_as(&mut self, actor: &str, settings: Settings, token: Option<&str>) {
        let _ = self.set_actor(actor);
        let precondition = match &self.account.settings {
            Some(current) => Precondition::IfMatch(current.version.clone()),
            None => Precondition::CreateOnly,
        };
        let write = SettingsWrite { token: token.map(str::to_owned), settings, restored_from: None };
        let _ = self.save(&precondition, &write);
    }

    /// Connected since 30 days ago by e-102, changed two days ago and an hour ago by the
    /// session's administrator; a customer wrote five minutes ago.
    fn connect_with_short_history(&mut self) {
        self.back_to(30 * DAY);
        self.save_as("e-102", variant(1), Some(DEMO_TOKEN));
        self.back_to(2 * DAY);
        self.save_as("e-101", variant(2), None);
        self.back_to(HOUR);
        self.save_as("e-101", samples::settings(), None);
        self.back_to(5 * 60);
        self.deliver_inbound();
        self.back_to(0);
    }

    fn long_history(&mut self) {
        const ACTORS: [&str; 4] = ["e-101", "e-102", "e-103", "e-104"];
        self.back_to(60 * DAY);
        self.save_as("e-102", variant(0), Some(DEMO_TOKEN));
        for i in 1..44 {
            self.back_to((60 - i as i64) * DAY + (i as i64 % 7) * HOUR);
            let actor = ACTORS[i % ACTORS.len()];
            match i {
                12 => {
                    // MAX revoked the token; the system disconnected the channel.
                    self.disconnect_as(None);
                }
                13 => self.save_as(actor, variant(i), Some(DEMO_TOKEN)),
                20 => {
                    let _ = self.set_actor(actor);
                    self.disconnect();
                }
                21 => self.save_as(actor, variant(i), Some(SECOND_TOKEN)),
                30 => self.save_as(actor, variant(i), Some(DEMO_TOKEN)),
                _ => self.save_as(actor, variant(i), None),
            }
        }
        self.back_to(HOUR);
        self.save_as("e-101", samples::settings(), None);
        self.back_to(0);
        let _ = self.set_actor(crate::DEFAULT_ACTOR_ID);
    }

    /// Connected a minute ago by the session's administrator; nobody wrote yet.
    fn connect_just_now(&mut self) {
        self.back_to(60);
        self.save_as("e-101", samples::settings(), Some(DEMO_TOKEN));
        self.back_to(0);
    }

    /// Connected 100 days ago, with 90 days of customers' dialogs.
    fn connect_with_dialogs(&mut self) {
        self.back_to(100 * DAY);
        self.save_as("e-102", variant(1), Some(DEMO_TOKEN));
        self.back_to(HOUR);
        self.save_as("e-101", samples::settings(), None);
        self.back_to(0);
        self.seed_dialogs(2026, 240);
        self.deliver_inbound();
    }

    /// Turns this (fresh) account into `preset`'s.
    pub fn apply(&mut self, preset: Preset) {
        match preset {
            Preset::NotConnected | Preset::NoChatBots => {}
            Preset::LongHistory => self.long_history(),
            Preset::NoDialogs => self.connect_just_now(),
            Preset::Sources => self.connect_with_dialogs(),
            _ => self.connect_with_short_history(),
        }
        let tester = |then| ScriptedTester {
            after_seconds: SCRIPTED_TESTER_SECONDS,
            name: "Иван Петров".to_owned(),
            via: ReceivedVia::BotStarted,
            then,
        };
        match preset {
            Preset::DeliveryReceived => self.script_delivery_tests(DELIVERY_TEST_SECONDS, Some(tester(None))),
            Preset::DeliveryReplyFailed => {
                self.script_delivery_tests(DELIVERY_TEST_SECONDS, Some(tester(Some(MaxCondition::TokenRevoked))))
            }
            Preset::DeliveryExpires => self.script_delivery_tests(COMPRESSED_TEST_SECONDS, None),
            _ => {}
        }
        let condition = match preset {
            Preset::TokenRevoked => Some(MaxCondition::TokenRevoked),
            Preset::HealthFailing => Some(MaxCondition::WrongUrl),
            Preset::HealthUnknown => Some(MaxCondition::MaxDown),
            Preset::SubscriptionLost => Some(MaxCondition::SubscriptionLost),
            _ => None,
        };
        if preset == Preset::HealthWarning {
            self.back_to(2 * HOUR);
            self.set_max_condition(MaxCondition::DeliveriesFailing);
            self.back_to(0);
        }
        if let Some(condition) = condition {
            self.set_max_condition(condition);
        }
        if preset == Preset::OtherZone {
            self.account.schedule = samples::schedule_vladivostok();
        }
        let _ = self.set_actor(crate::DEFAULT_ACTOR_ID);
        // What the channel shows follows the condition at once, as after a check.
        self.refresh_health_if_stale();
    }
}
