//! Contract 1.1: «История изменений» — `listMaxSettingsHistory` and its `HistoryEntry`.

use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;
use crate::types::Settings;

string_enum! {
    /// `HistoryEntry.event`; a client shows an unknown value as is.
    pub enum HistoryEvent {
        /// The first save with a token, or the first after a disconnect.
        Connected = "connected",
        Saved = "saved",
        /// 1.2: a save with `restored_from` («Вернуть эту версию»).
        Restored = "restored",
        Disconnected = "disconnected",
    }
}

/// `Actor`: the administrator who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
}

/// `HistoryEntry`. The 1.1 optional fields are always written (as `null`), as the back end
/// does; 1.2's `restored_from` only when it has a value, so a 1.1 answer reads the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The settings version this entry saved; `None` for `disconnected`.
    pub version: Option<String>,
    pub at: String,
    /// `None`: the system (e.g. MAX revoked the token).
    pub actor: Option<Actor>,
    pub event: HistoryEvent,
    /// A save of a channel that already had a token carried a new one. Never the token.
    pub token_replaced: bool,
    /// The whole settings as saved by this entry; `None` for `disconnected`.
    pub settings: Option<Settings>,
    /// 1.2: with `restored`, the version it brought back. Absent in 1.1 answers and on
    /// other events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from: Option<String>,
}

/// The answer of `listMaxSettingsHistory`: one page, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryEntry>,
    pub next_cursor: Option<String>,
}

/// The query of `listMaxSettingsHistory`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Opaque: the `next_cursor` of the page before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl HistoryQuery {
    pub const DEFAULT_LIMIT: u32 = 20;
    pub const MAX_LIMIT: u32 = 100;
}
