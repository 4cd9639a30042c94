//! Contract 1.1: `ChannelHealth`, the answer of `getMaxHealth`, `checkMaxHealth` and
//! `repairMaxHealth` — whether the connected channel really receives dialogs from MAX.

use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;
use crate::types::StateReason;

string_enum! {
    /// `HealthStatus`: of the whole channel and of each check.
    pub enum HealthStatus {
        /// Works.
        Ok = "ok",
        /// Works, but something needs a look.
        Warning = "warning",
        /// Dialogs do not arrive.
        Failing = "failing",
        /// MAX did not answer the check.
        Unknown = "unknown",
    }
}

string_enum! {
    /// `ChannelHealth.subscription.status`: the bot's webhook subscription as MAX reports it.
    pub enum SubscriptionStatus {
        Active = "active",
        /// MAX has none (e.g. removed after 8 h of failed deliveries).
        Missing = "missing",
        /// It points elsewhere (another system took the bot).
        WrongUrl = "wrong_url",
        /// Some update types the channel needs are not subscribed.
        MissingTypes = "missing_types",
        Unknown = "unknown",
    }
}

/// The update types the channel needs MAX to deliver: a customer's message, a customer
/// opening the bot (with the `start` payload), a button press.
pub const NEEDED_UPDATE_TYPES: [&str; 3] = ["message_created", "bot_started", "message_callback"];

/// `ChannelHealth.token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenHealth {
    pub status: HealthStatus,
    /// With `failing`: `token_revoked` or `bot_blocked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<StateReason>,
}

/// `ChannelHealth.subscription`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionHealth {
    pub status: SubscriptionStatus,
    /// Where MAX delivers now; `None` when there is no subscription.
    pub url: Option<String>,
    pub update_types: Vec<String>,
    /// Needed but not subscribed.
    pub missing_types: Vec<String>,
    /// When MAX created the subscription (RFC 3339).
    pub since: Option<String>,
}

/// `ChannelHealth.delivery.last_error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryError {
    pub at: String,
    /// Russian prose for people.
    pub message: String,
}

/// `ChannelHealth.delivery.last_outage` (1.2): a period in which MAX gave up delivering
/// updates, so customers' messages of that period never reached the dialogs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outage {
    pub from: String,
    /// `None` while it goes on.
    pub to: Option<String>,
}

/// `ChannelHealth.delivery`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryHealth {
    /// The last update MAX delivered; `None`: none yet.
    pub last_inbound_at: Option<String>,
    /// Deliveries have failed since then; `None`: they do not fail.
    pub failing_since: Option<String>,
    pub last_error: Option<DeliveryError>,
    /// 1.2: the last outage within 30 days; `None`: none, or a 1.1 back end that does not
    /// say (absent). Written only when there is one, so 1.1 answers re-encode unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_outage: Option<Outage>,
}

/// How long a back end keeps an outage in `last_outage`.
pub const OUTAGE_KEPT_SECONDS: i64 = 30 * 24 * 3600;

/// `ChannelHealth`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelHealth {
    pub checked_at: String,
    pub overall: HealthStatus,
    pub token: TokenHealth,
    pub subscription: SubscriptionHealth,
    pub delivery: DeliveryHealth,
}

impl SubscriptionHealth {
    /// The needed update types that `update_types` lacks, in [`NEEDED_UPDATE_TYPES`] order.
    pub fn missing_of(update_types: &[String]) -> Vec<String> {
        NEEDED_UPDATE_TYPES
            .iter()
            .filter(|needed| !update_types.iter().any(|t| t == *needed))
            .map(|t| (*t).to_owned())
            .collect()
    }
}

/// The overall status from the checks: the worst of them, where a failing delivery with an
/// active subscription is only a warning (MAX still retries) and an unknown check makes the
/// whole unknown unless another check already fails.
pub fn overall(token: &HealthStatus, subscription: &SubscriptionStatus, delivery_failing: bool) -> HealthStatus {
    let subscription = match subscription {
        SubscriptionStatus::Active => HealthStatus::Ok,
        SubscriptionStatus::MissingTypes => HealthStatus::Warning,
        SubscriptionStatus::Missing | SubscriptionStatus::WrongUrl => HealthStatus::Failing,
        SubscriptionStatus::Unknown | SubscriptionStatus::Other(_) => HealthStatus::Unknown,
    };
    let delivery = if delivery_failing { HealthStatus::Warning } else { HealthStatus::Ok };
    let rank = |s: &HealthStatus| match s {
        HealthStatus::Ok => 0,
        HealthStatus::Warning => 1,
        HealthStatus::Unknown | HealthStatus::Other(_) => 2,
        HealthStatus::Failing => 3,
    };
    [token.clone(), subscription, delivery].into_iter().max_by_key(rank).unwrap_or(HealthStatus::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_is_the_worst_check() {
        use HealthStatus as H;
        use SubscriptionStatus as S;
        let cases = [
            (H::Ok, S::Active, false, H::Ok),
            (H::Ok, S::Active, true, H::Warning),
            (H::Ok, S::MissingTypes, false, H::Warning),
            (H::Ok, S::Missing, true, H::Failing),
            (H::Ok, S::WrongUrl, false, H::Failing),
            (H::Failing, S::Active, false, H::Failing),
            (H::Unknown, S::Unknown, false, H::Unknown),
            (H::Unknown, S::Missing, false, H::Failing),
            (H::Ok, S::Other("paused".into()), false, H::Unknown),
        ];
        for (token, subscription, failing, expected) in cases {
            assert_eq!(overall(&token, &subscription, failing), expected, "{token} {subscription} {failing}");
        }
    }

    #[test]
    fn missing_types_keep_the_needed_order() {
        let have = vec!["bot_started".to_owned(), "message_removed".to_owned()];
        assert_eq!(SubscriptionHealth::missing_of(&have), ["message_created", "message_callback"]);
        let all: Vec<String> = NEEDED_UPDATE_TYPES.iter().map(|t| (*t).to_owned()).collect();
        assert!(SubscriptionHealth::missing_of(&all).is_empty());
    }
}
