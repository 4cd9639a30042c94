//! The back end as the app sees it: the [`Backend`] trait with one method per contract
//! operation, the HTTP client that implements it over the network, the in-browser fake of
//! preview mode, and the one error enum.

#[cfg(feature = "preview")]
pub mod demo;
mod error;
mod http;
mod insights;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub use error::ApiError;
pub use http::{fetch_bundle_file, fetch_served_page, renew_csrf_token, HttpClient};
pub use insights::ChannelInsights;

use max_channel_contract::*;

/// Saved settings with the version to send back in `If-Match`.
pub type Loaded = VersionedSettings;

/// The answer of a call. Futures are local: the browser is single-threaded.
pub type ApiFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + 'a>>;

/// How a save says what it is based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// `If-Match: <version>`: editing what was loaded.
    Version(String),
    /// `If-None-Match: *`: the first save.
    Create,
}

/// Every operation of the contract. The pages only ever talk to this trait, so preview
/// mode can swap the network for an in-browser fake.
pub trait Backend: Send + Sync {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups>;
    fn max_channel(&self) -> ApiFuture<'_, MaxChannel>;
    /// `None` before the first save (404 `not_found`): the form starts from its defaults.
    fn settings(&self) -> ApiFuture<'_, Option<Loaded>>;
    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo>;
    fn save_settings<'a>(&'a self, write: &'a SettingsWrite, precondition: &'a Precondition) -> ApiFuture<'a, Loaded>;
    fn disconnect(&self) -> ApiFuture<'_, ()>;
    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage>;
    fn groups(&self) -> ApiFuture<'_, GroupList>;
    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList>;
    /// `getMaxHealth`: the health as last checked (at most a minute old). 404 `not_found`
    /// while the channel is not connected stays [`ApiError::NotFound`]: unlike the
    /// settings' 404 it is not an empty answer but «nothing to check».
    fn health(&self) -> ApiFuture<'_, ChannelHealth>;
    /// `checkMaxHealth` («Проверить сейчас»).
    fn check_health(&self) -> ApiFuture<'_, ChannelHealth>;
    /// `repairMaxHealth` («Восстановить подписку»).
    fn repair_health(&self) -> ApiFuture<'_, ChannelHealth>;
    /// `getSchedule`.
    fn schedule(&self) -> ApiFuture<'_, WorkSchedule>;
    /// `listMaxSettingsHistory`: one page, newest first.
    fn history<'a>(&'a self, query: &'a HistoryQuery) -> ApiFuture<'a, HistoryPage>;
    /// How far the back end's clock is ahead of the browser's, in ms, as its last answer's
    /// `Date` showed (0 until one did): «5 минут назад» counts from the back end's «now»,
    /// which wrote `checked_at`, not from a PC clock that may be off by hours.
    fn server_clock_offset_ms(&self) -> f64 {
        0.0
    }

    /// The back end's «now» in ms for the browser's `browser_ms`: the one correction every
    /// «now» of the app (the health card, the schedule) makes.
    fn server_now_ms(&self, browser_ms: f64) -> f64 {
        browser_ms + self.server_clock_offset_ms()
    }
}

/// The back end the pages share.
pub type SharedBackend = Arc<dyn Backend>;

/// The query string of `listEmployees`.
pub fn employee_params(query: &EmployeeQuery) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if let Some(q) = &query.query {
        params.push(("query", q.clone()));
    }
    if let Some(limit) = query.limit {
        params.push(("limit", limit.to_string()));
    }
    if let Some(cursor) = &query.cursor {
        params.push(("cursor", cursor.clone()));
    }
    if let Some(ids) = &query.ids {
        params.push(("ids", ids.clone()));
    }
    params
}

/// The query string of `listMaxSettingsHistory`.
pub fn history_params(query: &HistoryQuery) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if let Some(limit) = query.limit {
        params.push(("limit", limit.to_string()));
    }
    if let Some(cursor) = &query.cursor {
        params.push(("cursor", cursor.clone()));
    }
    params
}

impl Backend for HttpClient {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        Box::pin(self.fetch_json(Operation::ListChannelGroups, Vec::new()))
    }

    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        Box::pin(self.fetch_json(Operation::GetMaxChannel, Vec::new()))
    }

    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        Box::pin(async move {
            match self.fetch_json(Operation::GetMaxSettings, Vec::new()).await {
                Ok(loaded) => Ok(Some(loaded)),
                Err(ApiError::NotFound) => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        Box::pin(async move {
            let body = TokenVerifyRequest { token: token.to_owned() };
            let answer: TokenVerifyResponse = self.send_json(Operation::VerifyMaxToken, &body, None).await?;
            Ok(answer.bot)
        })
    }

    fn save_settings<'a>(&'a self, write: &'a SettingsWrite, precondition: &'a Precondition) -> ApiFuture<'a, Loaded> {
        let header = match precondition {
            Precondition::Version(v) => ("If-Match", v.as_str()),
            Precondition::Create => ("If-None-Match", "*"),
        };
        Box::pin(self.send_json(Operation::PutMaxSettings, write, Some(header)))
    }

    fn disconnect(&self) -> ApiFuture<'_, ()> {
        Box::pin(self.send_empty(Operation::DisconnectMax))
    }

    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage> {
        Box::pin(self.fetch_json(Operation::ListEmployees, employee_params(query)))
    }

    fn groups(&self) -> ApiFuture<'_, GroupList> {
        Box::pin(self.fetch_json(Operation::ListGroups, Vec::new()))
    }

    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        Box::pin(self.fetch_json(Operation::ListChatBots, Vec::new()))
    }

    fn health(&self) -> ApiFuture<'_, ChannelHealth> {
        Box::pin(self.fetch_json(Operation::GetMaxHealth, Vec::new()))
    }

    // The two POSTs carry no body (the contract defines none); `fetch_json` sends them with
    // the CSRF header because the operation says it changes state.
    fn check_health(&self) -> ApiFuture<'_, ChannelHealth> {
        Box::pin(self.fetch_json(Operation::CheckMaxHealth, Vec::new()))
    }

    fn repair_health(&self) -> ApiFuture<'_, ChannelHealth> {
        Box::pin(self.fetch_json(Operation::RepairMaxHealth, Vec::new()))
    }

    fn schedule(&self) -> ApiFuture<'_, WorkSchedule> {
        Box::pin(self.fetch_json(Operation::GetSchedule, Vec::new()))
    }

    fn history<'a>(&'a self, query: &'a HistoryQuery) -> ApiFuture<'a, HistoryPage> {
        Box::pin(self.fetch_json(Operation::ListMaxSettingsHistory, history_params(query)))
    }

    fn server_clock_offset_ms(&self) -> f64 {
        self.clock_offset_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_carry_only_what_is_set() {
        assert!(history_params(&HistoryQuery::default()).is_empty());
        let query = HistoryQuery { limit: Some(50), cursor: Some("17".into()) };
        assert_eq!(history_params(&query), vec![("limit", "50".to_owned()), ("cursor", "17".to_owned())]);
        let query =
            EmployeeQuery {
                query: Some("Иван".into()), ids: Some("e-101,e-102".into()), ..EmployeeQuery::default()
            };
        assert_eq!(employee_params(&query), vec![("query", "Иван".to_owned()), ("ids", "e-101,e-102".to_owned())]);
        for days in SourceDays::ALL {
            assert_eq!(insights::source_params(days), vec![("days", days.days().to_string())]);
        }
        assert_eq!(insights::source_params(SourceDays::Quarter), vec![("days", "90".to_owned())]);
    }
}
