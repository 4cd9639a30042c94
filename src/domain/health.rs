//! «Работа канала» in words: the overall line, one row per check with its status text and
//! the cure it offers, and the badge a health gives the channel. Pure, so every status
//! the contract has is tested natively.

use max_channel_contract::{ChannelHealth, ChannelState, HealthStatus, StateReason, SubscriptionStatus};

use crate::domain::state_reason_msg;
use crate::domain::when::{day_of, relative_text, since_text, span_text, unix_of, ViewerClock};
use crate::i18n::{Locale, Msg, Tr};

/// How a line reads at a glance; the CSS modifier and the icon's shape come from it, the
/// words always say the same (colour and icon never carry the meaning alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warning,
    Failing,
    Unknown,
    /// Information, no judgement (the last inbound).
    Neutral,
}

impl Tone {
    pub fn of(status: &HealthStatus) -> Tone {
        match status {
            HealthStatus::Ok => Tone::Ok,
            HealthStatus::Warning => Tone::Warning,
            HealthStatus::Failing => Tone::Failing,
            HealthStatus::Unknown | HealthStatus::Other(_) => Tone::Unknown,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Warning => "warning",
            Tone::Failing => "failing",
            Tone::Unknown => "unknown",
            Tone::Neutral => "neutral",
        }
    }
}

/// The cure a row offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cure {
    /// «Заменить токен»: MAX refuses the token; the settings' token field takes a new one.
    ReplaceToken,
    /// «Восстановить подписку» (`repairMaxHealth`).
    Repair,
}

/// One check of the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthRow {
    pub label: Msg,
    pub tone: Tone,
    pub text: String,
    pub cure: Option<Cure>,
}

/// The card's first line: what `overall` means for the administrator. A healthy channel
/// that has never received an update claims only what it knows: it is ready, not that
/// requests «поступают».
pub fn overall_line(health: &ChannelHealth) -> (Msg, Tone) {
    let msg = match health.overall {
        HealthStatus::Ok if health.delivery.last_inbound_at.is_none() => Msg::HealthReady,
        HealthStatus::Ok => Msg::HealthOk,
        HealthStatus::Warning => Msg::HealthWarning,
        HealthStatus::Failing => Msg::HealthFailing,
        HealthStatus::Unknown | HealthStatus::Other(_) => Msg::HealthUnknown,
    };
    (msg, Tone::of(&health.overall))
}

/// How long after its end an outage is still told: long enough for an administrator who
/// comes by once a week to learn that customers' messages were lost.
pub const OUTAGE_TOLD_SECONDS: i64 = 7 * 86_400;

/// The last outage in words with its consequence — while it goes on, and until it ended
/// more than [`OUTAGE_TOLD_SECONDS`] ago (also after the subscription is repaired):
/// «Сообщения клиентов с 13:38 до 21:48 30 ноября не дошли до Манго Диалогов: операторы
/// их не видели.»
pub fn outage_line(health: &ChannelHealth, locale: Locale, clock: &ViewerClock<'_>) -> Option<(String, Tone)> {
    let outage = health.delivery.last_outage.as_ref()?;
    let from = unix_of(&outage.from)?;
    let tr = Tr(locale);
    match outage.to.as_deref() {
        None => Some((tr.f(Msg::OutageOngoing, &[("since", &since_text(locale, clock, from))]), Tone::Failing)),
        Some(to) => {
            let to = unix_of(to)?;
            (clock.now - to <= OUTAGE_TOLD_SECONDS).then(|| {
                let span = span_text(locale, clock, from, to);
                (tr.f(Msg::OutageEnded, &[("span", &span)]), Tone::Warning)
            })
        }
    }
}

/// The checks of a health, in the card's order: token, subscription, last inbound,
/// delivery only while it fails, and the last outage while it is told.
pub fn health_rows(health: &ChannelHealth, locale: Locale, clock: &ViewerClock<'_>) -> Vec<HealthRow> {
    let tr = Tr(locale);
    let since_of = |text: &str| unix_of(text).map(|unix| since_text(locale, clock, unix));
    let mut rows = vec![token_row(health, tr), subscription_row(health, locale, clock)];
    let last = health.delivery.last_inbound_at.as_deref().and_then(unix_of);
    rows.push(HealthRow {
        label: Msg::HealthRowInbound,
        tone: Tone::Neutral,
        text: last.map_or_else(|| tr.t(Msg::HealthInboundNone).to_owned(), |at| relative_text(locale, clock, at)),
        cure: None,
    });
    if let Some(since) = &health.delivery.failing_since {
        let since = since_of(since).unwrap_or_else(|| since.clone());
        let text = match &health.delivery.last_error {
            Some(error) => tr.f(Msg::HealthDeliveryFailing, &[("since", &since), ("message", &error.message)]),
            None => tr.f(Msg::HealthDeliveryFailingSince, &[("since", &since)]),
        };
        let tone = if health.overall == HealthStatus::Failing { Tone::Failing } else { Tone::Warning };
        rows.push(HealthRow { label: Msg::HealthRowDelivery, tone, text, cure: None });
    }
    if let Some((text, tone)) = outage_line(health, locale, clock) {
        rows.push(HealthRow { label: Msg::HealthRowOutage, tone, text, cure: None });
    }
    rows
}

fn token_row(health: &ChannelHealth, tr: Tr) -> HealthRow {
    let token = &health.token;
    let (text, cure) = match (&token.status, &token.reason) {
        (HealthStatus::Ok, _) => (Msg::HealthTokenOk, None),
        (HealthStatus::Failing, Some(StateReason::BotBlocked)) => {
            (Msg::HealthTokenBotBlocked, Some(Cure::ReplaceToken))
        }
        (HealthStatus::Failing, _) => (Msg::HealthTokenRefused, Some(Cure::ReplaceToken)),
        (HealthStatus::Warning, _) => (Msg::HealthTokenWarning, None),
        (HealthStatus::Unknown | HealthStatus::Other(_), _) => (Msg::HealthNotChecked, None),
    };
    HealthRow { label: Msg::HealthRowToken, tone: Tone::of(&token.status), text: tr.t(text).to_owned(), cure }
}

fn subscription_row(health: &ChannelHealth, locale: Locale, clock: &ViewerClock<'_>) -> HealthRow {
    let tr = Tr(locale);
    let subscription = &health.subscription;
    let (tone, text) = match &subscription.status {
        SubscriptionStatus::Active => {
            let since = subscription.since.as_deref().and_then(unix_of).map(|at| day_of(locale, clock, at));
            let text = match since {
                Some(day) => tr.f(Msg::HealthSubscriptionActiveSince, &[("day", &day)]),
                None => tr.t(Msg::HealthSubscriptionActive).to_owned(),
            };
            (Tone::Ok, text)
        }
        SubscriptionStatus::Missing => (Tone::Failing, tr.t(Msg::HealthSubscriptionMissing).to_owned()),
        SubscriptionStatus::WrongUrl => {
            let url = subscription.url.as_deref().unwrap_or("—");
            (Tone::Failing, tr.f(Msg::HealthSubscriptionWrongUrl, &[("url", url)]))
        }
        SubscriptionStatus::MissingTypes => {
            let types: Vec<&str> = subscription.missing_types.iter().map(|t| update_type_name(tr, t)).collect();
            (Tone::Warning, tr.f(Msg::HealthSubscriptionMissingTypes, &[("types", &types.join(", "))]))
        }
        SubscriptionStatus::Unknown | SubscriptionStatus::Other(_) => {
            (Tone::Unknown, tr.t(Msg::HealthNotChecked).to_owned())
        }
    };
    let cure = (subscription.status != SubscriptionStatus::Active).then_some(Cure::Repair);
    HealthRow { label: Msg::HealthRowSubscription, tone, text, cure }
}

/// An update type of MAX in words; one this version does not know, as MAX names it.
fn update_type_name(tr: Tr, update_type: &str) -> &str {
    match update_type {
        "message_created" => tr.t(Msg::UpdateMessageCreated),
        "bot_started" => tr.t(Msg::UpdateBotStarted),
        "message_callback" => tr.t(Msg::UpdateMessageCallback),
        other => other,
    }
}

/// The cures the card offers, once each, in the rows' order.
pub fn cures(rows: &[HealthRow]) -> Vec<Cure> {
    let mut cures = Vec::new();
    for cure in rows.iter().filter_map(|row| row.cure) {
        if !cures.contains(&cure) {
            cures.push(cure);
        }
    }
    cures
}

/// The channel's badge and the reason it shows, once a health is known. The health is
/// newer than the channel's state (it is checked every minute), so for a set-up channel
/// it decides: failing → «Требует внимания» with the reason in words; ok or warning →
/// «Подключён»; unknown (MAX did not answer) leaves the state as it was.
pub fn badge_with_health(
    state: &ChannelState,
    reason: Option<&StateReason>,
    health: Option<&ChannelHealth>,
) -> (ChannelState, Option<Msg>) {
    let stated = (state.clone(), reason.map(state_reason_msg).or_else(|| error_without_reason(state)));
    let set_up = matches!(state, ChannelState::Connected | ChannelState::Error);
    let Some(health) = health.filter(|_| set_up) else { return stated };
    match health.overall {
        HealthStatus::Failing => (ChannelState::Error, Some(failing_reason(health))),
        HealthStatus::Ok | HealthStatus::Warning => (ChannelState::Connected, None),
        HealthStatus::Unknown | HealthStatus::Other(_) => stated,
    }
}

/// «Требует внимания» with no reason from the back end still says what to do.
fn error_without_reason(state: &ChannelState) -> Option<Msg> {
    (*state == ChannelState::Error).then_some(Msg::ReasonUnknown)
}

/// Why a failing health fails, in words: the token first (no repair helps it), then the
/// subscription, then deliveries.
fn failing_reason(health: &ChannelHealth) -> Msg {
    if health.token.status == HealthStatus::Failing {
        return match &health.token.reason {
            Some(StateReason::BotBlocked) => Msg::ReasonBotBlocked,
            _ => Msg::ReasonTokenRevoked,
        };
    }
    match health.subscription.status {
        SubscriptionStatus::Missing => Msg::ReasonSubscriptionLost,
        SubscriptionStatus::WrongUrl => Msg::ReasonSubscriptionWrongUrl,
        _ => Msg::ReasonDeliveryFailing,
    }
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;
