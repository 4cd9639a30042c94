//! «История изменений»: an entry per successful save and per disconnect of a connected
//! channel, newest first, paged by cursors that stay valid while entries are added.

use max_channel_contract::*;
use serde::{Deserialize, Serialize};

use crate::clock::rfc3339;
use crate::ops::parse_cursor;
use crate::refusal::Refusal;
use crate::Fake;

/// A history entry with its sequence number (1, 2, …; never reused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub seq: u64,
    pub entry: HistoryEntry,
}

impl Fake {
    /// Adds an entry by the session's administrator, now. Never the token: only whether one
    /// was replaced.
    pub(crate) fn record(
        &mut self,
        event: HistoryEvent,
        saved: Option<&VersionedSettings>,
        token_replaced: bool,
        restored_from: Option<String>,
    ) {
        let actor = Some(self.actor());
        self.record_as(actor, event, saved, token_replaced, restored_from);
    }

    /// Whether a history entry saved `version` (what `restored_from` may name).
    pub fn history_knows(&self, version: &str) -> bool {
        self.account.history.iter().any(|r| r.entry.version.as_deref() == Some(version))
    }

    /// Adds an entry by `actor` (`None`: the system), now.
    pub fn record_as(
        &mut self,
        actor: Option<Actor>,
        event: HistoryEvent,
        saved: Option<&VersionedSettings>,
        token_replaced: bool,
        restored_from: Option<String>,
    ) {
        let seq = self.account.history.last().map_or(1, |r| r.seq + 1);
        let entry = HistoryEntry {
            version: saved.map(|s| s.version.clone()),
            at: rfc3339(self.now()),
            actor,
            event,
            token_replaced,
            settings: saved.map(|s| s.settings.clone()),
            restored_from,
        };
        self.account.history.push(Recorded { seq, entry });
    }

    /// `listMaxSettingsHistory`: newest first. The cursor is the sequence number of the last
    /// entry of the page before; the next page starts below it, so entries added meanwhile
    /// (above it) never shift a page: no duplicate, no gap.
    pub fn history(&self, query: &HistoryQuery) -> Result<HistoryPage, Refusal> {
        let limit = query.limit.unwrap_or(HistoryQuery::DEFAULT_LIMIT);
        if !(1..=HistoryQuery::MAX_LIMIT).contains(&limit) {
            return Err(Refusal::bad_request("limit — от 1 до 100."));
        }
        let history = &self.account.history;
        let below = match query.cursor.as_deref() {
            None => u64::MAX,
            // Only a cursor this back end could have given: the seq of an entry that has
            // an older one below it.
            Some(cursor) => parse_cursor(cursor)
                .map(|n| n as u64)
                .filter(|&n| n >= 2 && history.iter().any(|r| r.seq == n))
                .ok_or_else(|| Refusal::bad_request("Некорректный cursor."))?,
        };
        let mut older = history.iter().rev().filter(|r| r.seq < below);
        let page: Vec<&Recorded> = older.by_ref().take(limit as usize).collect();
        let next_cursor = match (page.last(), older.next()) {
            (Some(last), Some(_)) => Some(last.seq.to_string()),
            _ => None,
        };
        Ok(HistoryPage { items: page.into_iter().map(|r| r.entry.clone()).collect(), next_cursor })
    }
}
