//! 1.2's «Откуда пишут клиенты»: the dialogs customers' updates open, with the `start`
//! label of the link they came by, counted by day in the schedule's zone (`getMaxSources`).
//!
//! The fake's model of a dialog (it has no operators): a customer's update opens one when
//! the customer has none open; a dialog stays open while the customer writes, and closes
//! after the settings' auto-close period of quiet (a day when auto-close is off).

use max_channel_contract::time::{Date, Moment};
use max_channel_contract::*;
use serde::{Deserialize, Serialize};

use crate::delivery::{Delivered, InboundUpdate, UpdateKind};
use crate::refusal::Refusal;
use crate::Fake;

const DAY: i64 = 24 * 3600;

/// Dialogs older than this are forgotten: no period reaches further back.
const KEPT_SECONDS: i64 = 91 * DAY;

/// One dialog: when it opened, by whom, under which label; when its customer last wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dialog {
    pub opened: i64,
    pub user_id: i64,
    pub label: Option<String>,
    pub last_update: i64,
}

/// The labels dev controls and previews seed, with their weights out of 100.
const SEEDED_LABELS: [(Option<&str>, u64); 4] =
    [(Some("site"), 40), (None, 30), (Some("print-flyer"), 20), (Some("promo-winter"), 10)];

/// Minutes east of UTC of the zones the fake knows: Russia's, which keep no summer time
/// since 2014. Any other zone is read as Moscow's (decision 69): the fake carries no
/// time-zone database, as the app does not.
pub fn zone_offset_minutes(zone: &str) -> i32 {
    let hours = match zone {
        "UTC" | "Etc/UTC" => 0,
        "Europe/Kaliningrad" => 2,
        "Europe/Samara" | "Europe/Ulyanovsk" | "Europe/Astrakhan" | "Europe/Saratov" => 4,
        "Asia/Yekaterinburg" => 5,
        "Asia/Omsk" => 6,
        "Asia/Novosibirsk" | "Asia/Krasnoyarsk" | "Asia/Barnaul" | "Asia/Tomsk" | "Asia/Novokuznetsk" => 7,
        "Asia/Irkutsk" => 8,
        "Asia/Yakutsk" | "Asia/Chita" => 9,
        "Asia/Vladivostok" => 10,
        "Asia/Magadan" | "Asia/Sakhalin" | "Asia/Srednekolymsk" => 11,
        "Asia/Kamchatka" | "Asia/Anadyr" => 12,
        _ => 3,
    };
    hours * 60
}

/// The local date of `unix_seconds` in a zone `offset_minutes` east of UTC.
fn local_date(unix_seconds: i64, offset_minutes: i32) -> Date {
    Moment { unix_seconds, offset_minutes }.local().0
}

impl Fake {
    /// How long a quiet dialog stays open: the auto-close period, else a day.
    fn dialog_quiet_seconds(&self) -> i64 {
        match self.account.settings.as_ref().map(|s| &s.settings.auto_close) {
            Some(AutoClose { enabled: true, after_minutes }) => after_minutes * 60,
            _ => DAY,
        }
    }

    /// A customer's update (not a test's) at `now`: it opens a dialog unless one is open.
    pub(crate) fn customer_update(&mut self, update: &InboundUpdate, now: i64) -> Delivered {
        let quiet = self.dialog_quiet_seconds();
        let dialogs = &mut self.account.dialogs;
        dialogs.retain(|d| now - d.opened <= KEPT_SECONDS);
        let open = dialogs.iter_mut().rev().find(|d| d.user_id == update.user_id && now - d.last_update <= quiet);
        if let Some(dialog) = open {
            dialog.last_update = now;
            return Delivered::Customer { new_dialog: false, label: dialog.label.clone() };
        }
        let label = match &update.kind {
            UpdateKind::BotStarted { payload: Some(payload) } => {
                check_start_label(payload.trim()).ok().map(str::to_owned)
            }
            _ => None,
        };
        dialogs.push(Dialog { opened: now, user_id: update.user_id, label: label.clone(), last_update: now });
        Delivered::Customer { new_dialog: true, label }
    }

    /// `getMaxSources`: 404 while the channel has never been connected.
    pub fn sources(&mut self, days: SourceDays) -> Result<SourceStats, Refusal> {
        self.tick();
        let ever_connected = self.account.is_connected()
            || self.account.history.iter().any(|r| r.entry.event == HistoryEvent::Connected);
        if !ever_connected {
            return Err(Refusal::new(404, ErrorCode::NotFound, "Канал ещё не подключали."));
        }
        let timezone = self.account.schedule.timezone.clone();
        let offset = zone_offset_minutes(&timezone);
        let to = local_date(self.now(), offset);
        let from = to.add_days(1 - i64::from(days.days()));
        let mut items: Vec<SourceItem> = Vec::new();
        for dialog in &self.account.dialogs {
            let day = local_date(dialog.opened, offset).days_since_epoch() - from.days_since_epoch();
            if !(0..i64::from(days.days())).contains(&day) {
                continue;
            }
            let at = match items.iter().position(|i| i.label == dialog.label) {
                Some(at) => at,
                None => {
                    let by_day = vec![0; days.days() as usize];
                    items.push(SourceItem { label: dialog.label.clone(), dialogs: 0, by_day });
                    items.len() - 1
                }
            };
            let item = &mut items[at];
            item.dialogs += 1;
            item.by_day[day as usize] += 1;
        }
        items.sort_by(SourceItem::order);
        Ok(SourceStats {
            timezone,
            from: from.to_string(),
            to: to.to_string(),
            total: items.iter().map(|i| i.dialogs).sum(),
            items,
        })
    }

    /// Dev controls and previews: `count` dialogs over the last 90 days, under a few
    /// labels and none, the same for the same `seed`. Returns how many were added.
    pub fn seed_dialogs(&mut self, seed: u64, count: u32) -> u32 {
        let now = self.now();
        let offset = i64::from(zone_offset_minutes(&self.account.schedule.timezone)) * 60;
        let midnight = now - (now + offset).rem_euclid(DAY);
        // A linear congruential generator (Knuth's MMIX): plenty for sample data.
        let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        for n in 0..count {
            // More dialogs lately: the square pulls the days towards today.
            let r = next() % 10_000;
            let days_back = (90 * r * r / 100_000_000) as i64;
            let mut opened = midnight - days_back * DAY + (next() % DAY as u64) as i64;
            if opened > now {
                opened = midnight + (next() % (now - midnight).max(1) as u64) as i64;
            }
            let pick = next() % 100;
            let mut acc = 0;
            let label = SEEDED_LABELS.iter().find(|(_, w)| {
                acc += w;
                pick < acc
            });
            let label = label.and_then(|(l, _)| *l).map(str::to_owned);
            let user_id = 5_000_000_000 + i64::from(n) * 7919 + (next() % 7919) as i64;
            self.account.dialogs.push(Dialog { opened, user_id, label, last_update: opened });
        }
        self.account.dialogs.sort_by_key(|d| d.opened);
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_zones_have_their_offsets_and_others_read_as_moscow() {
        assert_eq!(zone_offset_minutes("Europe/Moscow"), 180);
        assert_eq!(zone_offset_minutes("Asia/Vladivostok"), 600);
        assert_eq!(zone_offset_minutes("Europe/Kaliningrad"), 120);
        assert_eq!(zone_offset_minutes("Mars/Olympus"), 180);
        // 2026-12-04T22:30:00Z is 08:30 on the 5th in Vladivostok, 23:30 on the 4th at UTC+1.
        let at = Moment::parse("2026-12-04T22:30:00Z").unwrap().unix_seconds;
        assert_eq!(local_date(at, 600).to_string(), "2026-12-05");
        assert_eq!(local_date(at, 0).to_string(), "2026-12-04");
        assert_eq!(local_date(at, 60).to_string(), "2026-12-04");
    }
}
