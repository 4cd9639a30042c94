//! Contract 1.1's health operations: `getMaxHealth` (the last check, re-checked when older
//! than a minute), `checkMaxHealth` («Проверить сейчас») and `repairMaxHealth`
//! («Восстановить подписку»), and what a check does to the channel's state.

use max_channel_contract::*;

use crate::clock::rfc3339;
use crate::max::{Deliveries, MaxError, MaxResult, MaxSubscription};
use crate::refusal::Refusal;
use crate::Fake;

/// How old a kept health may be before `getMaxHealth` asks MAX again.
pub const HEALTH_MAX_AGE_SECONDS: i64 = 60;

/// How soon «Проверить сейчас» may reach MAX again (429 with the rest as `Retry-After`).
pub const MANUAL_CHECK_INTERVAL_SECONDS: i64 = 10;

/// Which health operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthCall {
    Get,
    Check,
    Repair,
}

/// What a health call needs next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HealthPlan {
    /// The kept health answers (boxed: far larger than the other variant).
    Ready(Box<ChannelHealth>),
    /// Ask MAX with the stored token (for a repair: `POST /subscriptions` to the webhook
    /// first), then hand the answers to [`Fake::health_answer`].
    AskMax { token: String, webhook_url: String },
}

/// MAX's answers for a health call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaxHealthAnswer {
    /// `POST /subscriptions` (repairs only).
    pub subscribed: Option<MaxResult<()>>,
    /// `GET /me`.
    pub me: MaxResult<BotInfo>,
    /// `GET /subscriptions`.
    pub subscriptions: MaxResult<Vec<MaxSubscription>>,
}

/// The health from MAX's answers and what the back end knows of deliveries.
pub fn assemble(answer: &MaxHealthAnswer, webhook_url: &str, deliveries: &Deliveries, now: i64) -> ChannelHealth {
    let token = match &answer.me {
        Ok(_) => TokenHealth { status: HealthStatus::Ok, reason: None },
        Err(MaxError::Invalid) => {
            TokenHealth { status: HealthStatus::Failing, reason: Some(StateReason::TokenRevoked) }
        }
        Err(MaxError::BotBlocked) => {
            TokenHealth { status: HealthStatus::Failing, reason: Some(StateReason::BotBlocked) }
        }
        Err(MaxError::Unavailable | MaxError::RateLimited { .. } | MaxError::ChatDenied) => {
            TokenHealth { status: HealthStatus::Unknown, reason: None }
        }
    };
    let subscription = match &answer.subscriptions {
        Err(_) => SubscriptionHealth {
            status: SubscriptionStatus::Unknown,
            url: None,
            update_types: vec![],
            missing_types: vec![],
            since: None,
        },
        Ok(list) => {
            let ours = list.iter().find(|s| s.url == webhook_url);
            match ours.or_else(|| list.first()) {
                None => SubscriptionHealth {
                    status: SubscriptionStatus::Missing,
                    url: None,
                    update_types: vec![],
                    missing_types: SubscriptionHealth::missing_of(&[]),
                    since: None,
                },
                Some(found) => {
                    let missing_types = SubscriptionHealth::missing_of(&found.update_types);
                    let status = if ours.is_none() {
                        SubscriptionStatus::WrongUrl
                    } else if missing_types.is_empty() {
                        SubscriptionStatus::Active
                    } else {
                        SubscriptionStatus::MissingTypes
                    };
                    SubscriptionHealth {
                        status,
                        url: Some(found.url.clone()),
                        update_types: found.update_types.clone(),
                        missing_types,
                        since: Some(rfc3339(found.since)),
                    }
                }
            }
        }
    };
    let delivery = DeliveryHealth {
        last_inbound_at: deliveries.last_inbound_at.map(rfc3339),
        failing_since: deliveries.failing_since.map(rfc3339),
        last_error: deliveries
            .last_error
            .as_ref()
            .map(|(at, message)| DeliveryError { at: rfc3339(*at), message: message.clone() }),
        // The account's, filled in by `Fake::follow_outage`.
        last_outage: None,
    };
    ChannelHealth {
        checked_at: rfc3339(now),
        overall: overall(&token.status, &subscription.status, delivery.failing_since.is_some()),
        token,
        subscription,
        delivery,
    }
}

impl Fake {
    /// First step of a health call: 404 while not connected; the kept health if it is
    /// fresh enough (`getMaxHealth`); 429 when «Проверить сейчас» comes too soon.
    pub fn health_plan(&mut self, call: HealthCall) -> Result<HealthPlan, Refusal> {
        self.tick();
        let now = self.now();
        let account = &self.account;
        let Some(token) = account.token.clone().filter(|_| account.is_connected()) else {
            return Err(Refusal::not_connected());
        };
        match (call, &account.health) {
            (HealthCall::Get, Some((at, health))) if now - at < HEALTH_MAX_AGE_SECONDS => {
                return Ok(HealthPlan::Ready(Box::new(health.clone())));
            }
            (HealthCall::Check, _) => {
                if let Some(last) = account.last_manual_check {
                    let wait = last + MANUAL_CHECK_INTERVAL_SECONDS - now;
                    if wait > 0 {
                        return Err(Refusal::rate_limited(wait as u64));
                    }
                }
            }
            _ => {}
        }
        Ok(HealthPlan::AskMax { token, webhook_url: self.webhook_url.clone() })
    }

    /// Second step: MAX's answers become the health, kept and returned; the channel's
    /// state follows it. A check or repair that learnt nothing is refused instead (502,
    /// 429, and 422 for a repair with a token MAX refuses).
    pub fn health_answer(&mut self, call: HealthCall, answer: MaxHealthAnswer) -> Result<ChannelHealth, Refusal> {
        let now = self.now();
        if call == HealthCall::Check {
            self.account.last_manual_check = Some(now);
        }
        let refused = match (&answer.subscribed, &answer.me) {
            (Some(Err(MaxError::Invalid | MaxError::BotBlocked)), _) => Some(Refusal::token_invalid()),
            (Some(Err(e)), _) | (_, Err(e)) if call != HealthCall::Get => match e {
                MaxError::Unavailable | MaxError::ChatDenied => Some(Refusal::max_unavailable()),
                MaxError::RateLimited { retry_after } => Some(Refusal::rate_limited(*retry_after)),
                MaxError::Invalid | MaxError::BotBlocked => None,
            },
            _ => None,
        };
        if let Some(refusal) = refused {
            return Err(refusal);
        }
        if call == HealthCall::Repair {
            self.account.max.deliveries.failing_since = None;
        }
        let mut health = assemble(&answer, &self.webhook_url, &self.account.max.deliveries, now);
        self.follow_outage(&mut health, now);
        self.follow_health(&health);
        self.account.health = Some((now, health.clone()));
        Ok(health)
    }

    /// A health call answered by the fake MAX.
    pub fn health(&mut self, call: HealthCall) -> Result<ChannelHealth, Refusal> {
        match self.health_plan(call)? {
            HealthPlan::Ready(health) => Ok(*health),
            HealthPlan::AskMax { token, webhook_url } => {
                let now = self.now();
                let max = &mut self.account.max;
                let subscribed = (call == HealthCall::Repair).then(|| max.subscribe(&token, &webhook_url, now));
                let answer =
                    MaxHealthAnswer { subscribed, me: max.me(&token), subscriptions: max.subscriptions(&token) };
                self.health_answer(call, answer)
            }
        }
    }

    /// With the fake MAX, what `getMaxChannel` shows follows a health at most a minute old
    /// — how the channel learns that MAX removed its subscription.
    pub(crate) fn refresh_health_if_stale(&mut self) {
        if self.uses_fake_max && self.account.is_connected() {
            let _ = self.health(HealthCall::Get);
        }
    }

    /// The channel's state as a health shows it: a refused token or a lost subscription
    /// is «Требует внимания» with its reason; once both are fine again, «Подключён».
    fn follow_health(&mut self, health: &ChannelHealth) {
        let account = &mut self.account;
        if !account.is_connected() {
            return;
        }
        let trouble = match (&health.token.status, &health.subscription.status) {
            (HealthStatus::Failing, _) => health.token.reason.clone(),
            (_, SubscriptionStatus::Missing) => Some(StateReason::SubscriptionLost),
            _ => None,
        };
        let unknown = health.overall == HealthStatus::Unknown;
        match trouble {
            Some(reason) => {
                account.state = ChannelState::Error;
                account.state_reason = Some(reason);
            }
            None if !unknown && account.state == ChannelState::Error => {
                account.state = ChannelState::Connected;
                account.state_reason = None;
            }
            None => {}
        }
    }
}
