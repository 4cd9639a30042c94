//! The channel's health: every condition of the fake MAX as the card would read it, what
//! it does to the channel's state, the 8-hour removal, and the check and repair answers.

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::max::{REMOVAL_AFTER_SECONDS, REMOVED_MESSAGE};
use max_channel_fake::{HealthCall, MaxCondition, DEFAULT_WEBHOOK_URL};

const HOUR: i64 = 3600;

/// condition → (overall, token, token reason, subscription, channel state, state reason).
#[test]
fn every_condition_reads_as_the_card_needs() {
    use HealthStatus as H;
    use SubscriptionStatus as S;
    let table = [
        (MaxCondition::Healthy, H::Ok, H::Ok, None, S::Active, ChannelState::Connected, None),
        (MaxCondition::DeliveriesFailing, H::Warning, H::Ok, None, S::Active, ChannelState::Connected, None),
        (
            MaxCondition::SubscriptionLost,
            H::Failing,
            H::Ok,
            None,
            S::Missing,
            ChannelState::Error,
            Some(StateReason::SubscriptionLost),
        ),
        (MaxCondition::WrongUrl, H::Failing, H::Ok, None, S::WrongUrl, ChannelState::Connected, None),
        (MaxCondition::MissingTypes, H::Warning, H::Ok, None, S::MissingTypes, ChannelState::Connected, None),
        (
            MaxCondition::TokenRevoked,
            H::Failing,
            H::Failing,
            Some(StateReason::TokenRevoked),
            S::Unknown,
            ChannelState::Error,
            Some(StateReason::TokenRevoked),
        ),
        (
            MaxCondition::BotBlocked,
            H::Failing,
            H::Failing,
            Some(StateReason::BotBlocked),
            S::Unknown,
            ChannelState::Error,
            Some(StateReason::BotBlocked),
        ),
        (MaxCondition::MaxDown, H::Unknown, H::Unknown, None, S::Unknown, ChannelState::Connected, None),
        (MaxCondition::RateLimited, H::Unknown, H::Unknown, None, S::Unknown, ChannelState::Connected, None),
    ];
    for (condition, overall, token, reason, subscription, state, state_reason) in table {
        let (mut fake, _) = fake();
        connect(&mut fake);
        fake.set_max_condition(condition);
        let health = fake.health(HealthCall::Get).unwrap();
        let at = format!("{condition:?}");
        assert_eq!(health.overall, overall, "{at}");
        assert_eq!((health.token.status.clone(), health.token.reason.clone()), (token, reason), "{at}");
        assert_eq!(health.subscription.status, subscription, "{at}");
        let channel = fake.max_channel();
        assert_eq!((channel.state, channel.state_reason), (state, state_reason), "{at}");
        assert_schema("/components/schemas/ChannelHealth", &serde_json::to_value(&health).unwrap());
        match condition {
            MaxCondition::WrongUrl => {
                assert_eq!(health.subscription.url.as_deref(), Some(max_channel_fake::max::FOREIGN_WEBHOOK))
            }
            MaxCondition::MissingTypes => {
                assert_eq!(health.subscription.missing_types, ["bot_started", "message_callback"])
            }
            MaxCondition::Healthy => {
                assert_eq!(health.subscription.url.as_deref(), Some(DEFAULT_WEBHOOK_URL));
                assert_eq!(health.subscription.since.as_deref(), Some(NOW));
                assert_eq!(health.checked_at, NOW);
            }
            MaxCondition::DeliveriesFailing => assert_eq!(health.delivery.failing_since.as_deref(), Some(NOW)),
            _ => {}
        }
    }
}

#[test]
fn eight_hours_of_failing_deliveries_lose_the_subscription_and_repair_brings_it_back() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    fake.set_max_condition(MaxCondition::DeliveriesFailing);
    clock.advance_seconds(REMOVAL_AFTER_SECONDS - 60);
    let before = fake.health(HealthCall::Get).unwrap();
    assert_eq!((before.overall, before.subscription.status), (HealthStatus::Warning, SubscriptionStatus::Active));
    assert_eq!(fake.max_channel().state, ChannelState::Connected);
    // The fake's own time moves too (dev controls): the last minute passes.
    fake.advance(60);
    let channel = fake.max_channel();
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Error, Some(StateReason::SubscriptionLost)));
    let lost = fake.health(HealthCall::Get).unwrap();
    assert_eq!(
        (lost.overall.clone(), lost.subscription.status.clone()),
        (HealthStatus::Failing, SubscriptionStatus::Missing)
    );
    assert_eq!(lost.subscription.missing_types, NEEDED_UPDATE_TYPES);
    assert_eq!(lost.delivery.last_error.as_ref().map(|e| e.message.as_str()), Some(REMOVED_MESSAGE));
    assert_eq!(lost.delivery.last_error.map(|e| e.at).as_deref(), Some("2026-12-01T17:30:00+03:00"));
    assert_eq!(fake.channel_groups().groups[0].channels[0].state, ChannelState::Error);
    let repaired = fake.health(HealthCall::Repair).unwrap();
    assert_eq!((repaired.overall, repaired.subscription.status), (HealthStatus::Ok, SubscriptionStatus::Active));
    assert_eq!(repaired.delivery.failing_since, None);
    assert_eq!(fake.max_channel().state, ChannelState::Connected);
}

#[test]
fn the_kept_health_answers_for_a_minute_then_max_is_asked_again() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    let first = fake.health(HealthCall::Get).unwrap();
    clock.advance_seconds(59);
    assert_eq!(fake.health(HealthCall::Get).unwrap(), first, "kept for 60 s");
    clock.advance_seconds(1);
    let again = fake.health(HealthCall::Get).unwrap();
    assert_eq!(again.checked_at, "2026-12-01T09:31:00+03:00", "asked again after a minute");
    // A dev control drops what was kept: the next answer shows the new condition at once.
    fake.set_max_condition(MaxCondition::WrongUrl);
    assert_eq!(fake.health(HealthCall::Get).unwrap().subscription.status, SubscriptionStatus::WrongUrl);
}

#[test]
fn check_now_is_throttled_and_says_what_max_could_not_tell() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    assert!(fake.health(HealthCall::Check).is_ok());
    clock.advance_seconds(4);
    let refusal = fake.health(HealthCall::Check).unwrap_err();
    assert_eq!((refusal.status, refusal.retry_after), (429, Some(6)));
    clock.advance_seconds(6);
    fake.set_max_condition(MaxCondition::MaxDown);
    let kept = fake.account().health.clone();
    assert_eq!(fake.health(HealthCall::Check).unwrap_err().status, 502, "nothing learnt");
    assert_eq!(fake.account().health, kept, "the last known health stays");
    clock.advance_seconds(10);
    fake.set_max_condition(MaxCondition::RateLimited);
    let refusal = fake.health(HealthCall::Check).unwrap_err();
    assert_eq!((refusal.status, refusal.retry_after), (429, Some(30)));
    clock.advance_seconds(10);
    fake.set_max_condition(MaxCondition::TokenRevoked);
    let revoked = fake.health(HealthCall::Check).unwrap();
    assert_eq!(revoked.token.reason, Some(StateReason::TokenRevoked), "a refused token is an answer, not an error");
}

/// condition → the status of «Восстановить подписку».
#[test]
fn repair_answers_per_condition() {
    let table = [
        (MaxCondition::Healthy, 200),
        (MaxCondition::DeliveriesFailing, 200),
        (MaxCondition::SubscriptionLost, 200),
        (MaxCondition::WrongUrl, 200),
        (MaxCondition::MissingTypes, 200),
        (MaxCondition::TokenRevoked, 422),
        (MaxCondition::BotBlocked, 422),
        (MaxCondition::MaxDown, 502),
        (MaxCondition::RateLimited, 429),
    ];
    for (condition, status) in table {
        let (mut fake, _) = fake();
        connect(&mut fake);
        fake.set_max_condition(condition);
        match fake.health(HealthCall::Repair) {
            Ok(health) => {
                assert_eq!(status, 200, "{condition:?}");
                assert_eq!(health.subscription.status, SubscriptionStatus::Active, "{condition:?}");
                assert_eq!(health.subscription.url.as_deref(), Some(DEFAULT_WEBHOOK_URL));
                assert_eq!(health.overall, HealthStatus::Ok, "{condition:?}");
            }
            Err(refusal) => {
                assert_eq!(refusal.status, status, "{condition:?}");
                let code = refusal.code().clone();
                let expected = match status {
                    422 => ErrorCode::TokenInvalid,
                    502 => ErrorCode::MaxUnavailable,
                    _ => ErrorCode::RateLimited,
                };
                assert_eq!(code, expected, "{condition:?}");
            }
        }
    }
}

#[test]
fn health_is_404_while_not_connected() {
    let (mut fake, _) = fake();
    for call in [HealthCall::Get, HealthCall::Check, HealthCall::Repair] {
        assert_eq!(fake.health(call).unwrap_err().status, 404, "{call:?}");
    }
    connect(&mut fake);
    assert!(fake.health(HealthCall::Get).is_ok());
    fake.disconnect();
    assert_eq!(fake.health(HealthCall::Get).unwrap_err().status, 404);
}

#[test]
fn a_new_token_subscribes_the_new_bot_afresh() {
    let (mut fake, clock) = fake();
    connect(&mut fake);
    fake.set_max_condition(MaxCondition::DeliveriesFailing);
    clock.advance_seconds(2 * HOUR);
    save(&mut fake, with_closing("С новым ботом"), Some("good-token-0009"));
    let health = fake.health(HealthCall::Get).unwrap();
    assert_eq!(health.overall, HealthStatus::Ok);
    assert_eq!(health.subscription.since.as_deref(), Some("2026-12-01T11:30:00+03:00"));
    assert_eq!(health.delivery.last_inbound_at, None, "«пока не было»");
    fake.deliver_inbound();
    assert_eq!(
        fake.health(HealthCall::Get).unwrap().delivery.last_inbound_at.as_deref(),
        Some("2026-12-01T11:30:00+03:00")
    );
}
