//! The back end as the app sees it: the [`Backend`] trait with one method per contract
//! operation, the HTTP client that implements it over the network, the in-browser fake of
//! preview mode, and the one error enum.

#[cfg(feature = "preview")]
pub mod demo;
mod error;
mod http;
mod scope;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub use error::ApiError;
pub use http::HttpClient;
pub use scope::{CancelToken, Scoped};

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

impl Backend for HttpClient {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        Box::pin(self.get_json(Operation::ListChannelGroups, Vec::new()))
    }

    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        Box::pin(self.get_json(Operation::GetMaxChannel, Vec::new()))
    }

    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        Box::pin(async move {
            match self.get_json(Operation::GetMaxSettings, Vec::new()).await {
                Ok(loaded) => Ok(Some(loaded)),
                Err(ApiError::NotFound) => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        Box::pin(async move {
            let body = TokenVerifyRequest {
                token: token.to_owned(),
            };
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
        Box::pin(self.get_json(Operation::ListEmployees, employee_params(query)))
    }

    fn groups(&self) -> ApiFuture<'_, GroupList> {
        Box::pin(self.get_json(Operation::ListGroups, Vec::new()))
    }

    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        Box::pin(self.get_json(Operation::ListChatBots, Vec::new()))
    }
}
