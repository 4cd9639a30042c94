//! The fake MAX: what MAX's Bot API would answer about a token (`GET /me`), the bot's
//! webhook subscription (`GET` / `POST /subscriptions`) and deliveries to it — with MAX's
//! habit of removing a subscription after about 8 hours of failed deliveries.
//!
//! Tokens by their beginning: `revoked…` → refused; `down…` → MAX unavailable; `busy…` →
//! rate-limited (30 s); `slow…` → valid after a wait; anything else → valid, a bot whose
//! name is chosen by a hash of the token (never the token itself, which is a secret).

use max_channel_contract::{BotInfo, NEEDED_UPDATE_TYPES};
use serde::{Deserialize, Serialize};

/// Why MAX gave no useful answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaxError {
    /// MAX refused the token (`verify.token`): revoked or never valid.
    Invalid,
    /// The token is fine but MAX blocked the bot.
    BotBlocked,
    /// MAX did not answer, answered 5xx, or timed out.
    Unavailable,
    /// MAX answered 429; wait this many seconds.
    RateLimited { retry_after: u64 },
    /// Only `POST /messages` answers it (403 `chat.denied`): the user stopped the bot, or
    /// the bot may not write to this chat. The token itself is fine.
    ChatDenied,
}

pub type MaxResult<T> = Result<T, MaxError>;

/// Seconds a `busy…` token (and MAX's 429 without `Retry-After`) asks to wait.
pub const FAKE_RETRY_AFTER: u64 = 30;

/// How long MAX retries a failing delivery before it removes the subscription.
pub const REMOVAL_AFTER_SECONDS: i64 = 8 * 3600;

/// `last_error.message` once MAX removed the subscription.
pub const REMOVED_MESSAGE: &str = "MAX удалил подписку после 8 часов неудачных доставок";

/// `last_error.message` while deliveries fail.
pub const FAILING_MESSAGE: &str = "Адрес подписки ответил ошибкой 503";

/// Whether the fake answers this token only after a wait (`slow…`), to show progress.
pub fn is_slow(token: &str) -> bool {
    token.starts_with("slow")
}

/// What `GET /me` says about a (well-formed, trimmed) token, by the rules above.
pub fn me(token: &str) -> MaxResult<BotInfo> {
    if token.starts_with("revoked") {
        return Err(MaxError::Invalid);
    }
    if token.starts_with("down") {
        return Err(MaxError::Unavailable);
    }
    if token.starts_with("busy") {
        return Err(MaxError::RateLimited { retry_after: FAKE_RETRY_AFTER });
    }
    const BOTS: &[(&str, &str)] = &[
        ("Магазин «Ромашка»", "romashka_shop_bot"),
        ("Автосервис «Колесо»", "koleso_service_bot"),
        ("Клиника «Здоровье»", "zdorovie_clinic_bot"),
        ("Пекарня «Каравай»", "karavai_bakery_bot"),
        ("Турагентство «Горизонт»", "gorizont_travel_bot"),
        ("Фитнес-клуб «Атлет»", "atlet_fitness_bot"),
    ];
    let hash = fnv1a(token.as_bytes());
    let (first_name, username) = BOTS[(hash % BOTS.len() as u64) as usize];
    Ok(BotInfo {
        user_id: 9_000_000_000 + (hash % 1_000_000_000) as i64,
        first_name: first_name.into(),
        username: Some(username.into()),
        avatar_url: None,
    })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

/// One item of MAX's `GET /subscriptions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaxSubscription {
    pub url: String,
    /// When MAX created it, in seconds since the epoch (MAX itself sends milliseconds).
    pub since: i64,
    pub update_types: Vec<String>,
}

/// What the back end knows of MAX's deliveries to its webhook.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliveries {
    pub last_inbound_at: Option<i64>,
    pub failing_since: Option<i64>,
    /// When and what.
    pub last_error: Option<(i64, String)>,
}

max_channel_kit::closed_enum! {
    /// A state the fake MAX can be put in (dev controls, preview scenarios).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum MaxCondition {
        /// Subscribed with every update type; deliveries work.
        Healthy,
        /// Deliveries to the webhook fail; MAX still retries (removal comes after 8 h).
        DeliveriesFailing,
        /// MAX removed the subscription after 8 hours of failures.
        SubscriptionLost,
        /// The subscription points to another system's URL.
        WrongUrl,
        /// Some needed update types are not subscribed.
        MissingTypes,
        /// MAX refuses the stored token.
        TokenRevoked,
        /// MAX blocked the bot.
        BotBlocked,
        /// MAX does not answer.
        MaxDown,
        /// MAX answers 429.
        RateLimited,
    }
}

impl MaxCondition {}

/// Another system's webhook, for [`MaxCondition::WrongUrl`].
pub const FOREIGN_WEBHOOK: &str = "https://bots.example.com/max/webhook";

/// The fake MAX's view of the account's bot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FakeMax {
    pub subscription: Option<MaxSubscription>,
    /// Set when MAX refuses the stored token or blocked the bot, whatever the token says.
    #[serde(default)]
    pub refusal: Option<MaxError>,
    /// MAX does not answer at all.
    #[serde(default)]
    pub down: bool,
    #[serde(default)]
    pub rate_limited: bool,
    #[serde(default)]
    pub deliveries: Deliveries,
}

impl FakeMax {
    /// MAX down or throttling: what every call meets first, whatever the token.
    pub(crate) fn outage(&self) -> MaxResult<()> {
        if self.down {
            return Err(MaxError::Unavailable);
        }
        if self.rate_limited {
            return Err(MaxError::RateLimited { retry_after: FAKE_RETRY_AFTER });
        }
        Ok(())
    }

    /// `GET /me` with the stored token.
    pub fn me(&self, token: &str) -> MaxResult<BotInfo> {
        self.outage()?;
        if let Some(refusal) = &self.refusal {
            return Err(refusal.clone());
        }
        me(token)
    }

    /// `GET /subscriptions` with the stored token.
    pub fn subscriptions(&self, token: &str) -> MaxResult<Vec<MaxSubscription>> {
        self.me(token)?;
        Ok(self.subscription.iter().cloned().collect())
    }

    /// `POST /subscriptions`: replaces the bot's subscription with `url` and every needed
    /// update type. Deliveries start afresh.
    pub fn subscribe(&mut self, token: &str, url: &str, now: i64) -> MaxResult<()> {
        self.me(token)?;
        self.subscription = Some(MaxSubscription {
            url: url.to_owned(),
            since: now,
            update_types: NEEDED_UPDATE_TYPES.iter().map(|t| (*t).to_owned()).collect(),
        });
        self.deliveries.failing_since = None;
        Ok(())
    }

    /// A new token for the account: MAX forgets what it knew of the old bot.
    pub fn forget(&mut self) {
        *self = FakeMax::default();
    }

    /// MAX's own clock: after 8 hours of failed deliveries it removes the subscription.
    pub fn tick(&mut self, now: i64) {
        let Some(since) = self.deliveries.failing_since else {
            return;
        };
        let removal = since + REMOVAL_AFTER_SECONDS;
        if self.subscription.is_some() && now >= removal {
            self.subscription = None;
            self.deliveries.last_error = Some((removal, REMOVED_MESSAGE.to_owned()));
        }
    }

    /// Puts the fake MAX in `condition` at `now` (the subscription, if any, points to
    /// `webhook`).
    pub fn set_condition(&mut self, condition: MaxCondition, webhook: &str, now: i64) {
        let all: Vec<String> = NEEDED_UPDATE_TYPES.iter().map(|t| (*t).to_owned()).collect();
        let since = self.subscription.as_ref().map_or(now, |s| s.since);
        let subscribed =
            |url: &str, update_types: Vec<String>| MaxSubscription { url: url.to_owned(), since, update_types };
        self.refusal = None;
        self.down = false;
        self.rate_limited = false;
        self.subscription = Some(subscribed(webhook, all.clone()));
        self.deliveries.failing_since = None;
        self.deliveries.last_error = None;
        match condition {
            MaxCondition::Healthy => {}
            MaxCondition::DeliveriesFailing => {
                self.deliveries.failing_since = Some(now);
                self.deliveries.last_error = Some((now, FAILING_MESSAGE.to_owned()));
            }
            MaxCondition::SubscriptionLost => {
                let since = now - REMOVAL_AFTER_SECONDS;
                self.deliveries.failing_since = Some(since);
                self.tick(now);
            }
            MaxCondition::WrongUrl => self.subscription = Some(subscribed(FOREIGN_WEBHOOK, all)),
            MaxCondition::MissingTypes => {
                self.subscription = Some(subscribed(webhook, vec![NEEDED_UPDATE_TYPES[0].to_owned()]))
            }
            MaxCondition::TokenRevoked => self.refusal = Some(MaxError::Invalid),
            MaxCondition::BotBlocked => self.refusal = Some(MaxError::BotBlocked),
            MaxCondition::MaxDown => self.down = true,
            MaxCondition::RateLimited => self.rate_limited = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_rules() {
        assert_eq!(me("revoked-123"), Err(MaxError::Invalid));
        assert_eq!(me("down_abc"), Err(MaxError::Unavailable));
        assert_eq!(me("busy1"), Err(MaxError::RateLimited { retry_after: 30 }));
        assert!(is_slow("slow-1") && !is_slow("quick"));
        let (Ok(a), Ok(b)) = (me("f9LHodD0cOIv2y"), me("f9LHodD0cOIv2y")) else { panic!("valid tokens") };
        assert_eq!(a, b, "the same token names the same bot");
        assert!(!a.first_name.contains("f9LH") && !a.username.unwrap().contains("f9LH"));
    }

    #[test]
    fn eight_hours_of_failures_remove_the_subscription() {
        let mut max = FakeMax::default();
        max.subscribe("good", "https://hook", 1_000).unwrap();
        max.set_condition(MaxCondition::DeliveriesFailing, "https://hook", 2_000);
        max.tick(2_000 + REMOVAL_AFTER_SECONDS - 1);
        assert!(max.subscription.is_some(), "MAX still retries");
        max.tick(2_000 + REMOVAL_AFTER_SECONDS);
        assert_eq!(max.subscription, None);
        assert_eq!(max.deliveries.last_error, Some((2_000 + REMOVAL_AFTER_SECONDS, REMOVED_MESSAGE.into())));
        max.subscribe("good", "https://hook", 40_000).unwrap();
        assert_eq!(max.deliveries.failing_since, None, "a new subscription starts afresh");
        assert_eq!(max.subscriptions("good").unwrap()[0].since, 40_000);
    }

    #[test]
    fn conditions_answer_as_max_would() {
        let mut max = FakeMax::default();
        for condition in MaxCondition::ALL {
            max.set_condition(condition, "https://hook", 100_000);
            let answer = max.subscriptions("good");
            match condition {
                MaxCondition::TokenRevoked => assert_eq!(answer, Err(MaxError::Invalid)),
                MaxCondition::BotBlocked => assert_eq!(answer, Err(MaxError::BotBlocked)),
                MaxCondition::MaxDown => assert_eq!(answer, Err(MaxError::Unavailable)),
                MaxCondition::RateLimited => assert!(matches!(answer, Err(MaxError::RateLimited { .. }))),
                MaxCondition::SubscriptionLost => assert_eq!(answer, Ok(vec![])),
                MaxCondition::WrongUrl => assert_eq!(answer.unwrap()[0].url, FOREIGN_WEBHOOK),
                MaxCondition::MissingTypes => assert_eq!(answer.unwrap()[0].update_types.len(), 1),
                MaxCondition::Healthy | MaxCondition::DeliveriesFailing => {
                    assert_eq!(answer.unwrap()[0].url, "https://hook")
                }
            }
        }
    }
}
