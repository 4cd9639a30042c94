//! 1.2's `delivery.last_outage`: when MAX gave up delivering the channel's updates, so
//! customers' messages of that period never reached the dialogs. The back end learns of an
//! outage from a health (the subscription missing or pointing elsewhere) and closes it when
//! a health shows the subscription back (the repair, a new token, a fix made in MAX).

use max_channel_contract::*;
use serde::{Deserialize, Serialize};

use crate::clock::rfc3339;
use crate::Fake;

/// A period without deliveries, in seconds since the epoch; `to: None` while it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutagePeriod {
    pub from: i64,
    pub to: Option<i64>,
}

impl OutagePeriod {
    /// As the contract writes it, while it is within the 30 days a back end keeps it.
    pub fn shown_at(self, now: i64) -> Option<Outage> {
        let kept = self.to.is_none_or(|to| now - to <= OUTAGE_KEPT_SECONDS);
        kept.then(|| Outage { from: rfc3339(self.from), to: self.to.map(rfc3339) })
    }
}

/// Whether a subscription in this state loses the customers' updates: MAX delivers
/// nowhere, or to another system. Missing update types lose only some kinds, and an
/// unknown state tells nothing.
fn loses_updates(status: &SubscriptionStatus) -> bool {
    matches!(status, SubscriptionStatus::Missing | SubscriptionStatus::WrongUrl)
}

fn delivers(status: &SubscriptionStatus) -> bool {
    matches!(status, SubscriptionStatus::Active | SubscriptionStatus::MissingTypes)
}

impl Fake {
    /// Opens or closes the outage by what `health` found, and writes it into the health.
    /// An outage starts when deliveries began to fail (what MAX gave up retrying), else
    /// when the loss was first seen.
    pub(crate) fn follow_outage(&mut self, health: &mut ChannelHealth, now: i64) {
        let account = &mut self.account;
        let open = account.last_outage.filter(|o| o.to.is_none());
        let status = &health.subscription.status;
        if open.is_none() && loses_updates(status) {
            let from = account.max.deliveries.failing_since.unwrap_or(now).min(now);
            account.last_outage = Some(OutagePeriod { from, to: None });
        } else if open.is_some() && delivers(status) {
            self.close_outage(now);
        }
        health.delivery.last_outage = self.account.last_outage.and_then(|o| o.shown_at(now));
    }

    /// The subscription is back (a repair, or a new token's subscription): the outage ends.
    pub(crate) fn close_outage(&mut self, now: i64) {
        if let Some(outage) = self.account.last_outage.as_mut().filter(|o| o.to.is_none()) {
            outage.to = Some(now.max(outage.from));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_is_shown_for_thirty_days_after_it_ends() {
        let open = OutagePeriod { from: 1_000, to: None };
        assert_eq!(open.shown_at(10_000_000).map(|o| o.to), Some(None), "open: shown however old");
        let closed = OutagePeriod { from: 1_000, to: Some(2_000) };
        assert!(closed.shown_at(2_000 + OUTAGE_KEPT_SECONDS).is_some());
        assert_eq!(closed.shown_at(2_001 + OUTAGE_KEPT_SECONDS), None);
        assert_eq!(closed.shown_at(3_000).unwrap().from, rfc3339(1_000));
    }
}
