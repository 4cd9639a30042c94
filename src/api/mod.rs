//! The HTTP client of the contract: one request path (CSRF header, time-out, abort when
//! the caller goes away), typed operations on top of it, and one error enum.

mod error;
mod http;

pub use error::ApiError;
pub use http::HttpClient;

use max_channel_contract::*;

/// Saved settings with the version to send back in `If-Match`.
pub type Loaded = VersionedSettings;

/// How a save says what it is based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// `If-Match: <version>`: editing what was loaded.
    Version(String),
    /// `If-None-Match: *`: the first save.
    Create,
}

impl HttpClient {
    pub async fn channel_groups(&self) -> Result<ChannelGroups, ApiError> {
        self.get_json(Operation::ListChannelGroups.path(), &[]).await
    }

    pub async fn max_channel(&self) -> Result<MaxChannel, ApiError> {
        self.get_json(Operation::GetMaxChannel.path(), &[]).await
    }

    /// `None` before the first save (404 `not_found`): the form starts from its defaults.
    pub async fn settings(&self) -> Result<Option<Loaded>, ApiError> {
        match self.get_json(Operation::GetMaxSettings.path(), &[]).await {
            Ok(loaded) => Ok(Some(loaded)),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn verify_token(&self, token: &str) -> Result<BotInfo, ApiError> {
        let body = TokenVerifyRequest {
            token: token.to_owned(),
        };
        let answer: TokenVerifyResponse = self
            .send_json(Operation::VerifyMaxToken, &body, None)
            .await?;
        Ok(answer.bot)
    }

    pub async fn save_settings(
        &self,
        write: &SettingsWrite,
        precondition: &Precondition,
    ) -> Result<Loaded, ApiError> {
        let header = match precondition {
            Precondition::Version(v) => ("If-Match", v.as_str()),
            Precondition::Create => ("If-None-Match", "*"),
        };
        self.send_json(Operation::PutMaxSettings, write, Some(header)).await
    }

    pub async fn disconnect(&self) -> Result<(), ApiError> {
        self.send_empty(Operation::DisconnectMax).await
    }

    pub async fn employees(&self, query: &EmployeeQuery) -> Result<EmployeePage, ApiError> {
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
        self.get_json(Operation::ListEmployees.path(), &params).await
    }

    pub async fn groups(&self) -> Result<GroupList, ApiError> {
        self.get_json(Operation::ListGroups.path(), &[]).await
    }

    pub async fn chat_bots(&self) -> Result<ChatBotList, ApiError> {
        self.get_json(Operation::ListChatBots.path(), &[]).await
    }
}
