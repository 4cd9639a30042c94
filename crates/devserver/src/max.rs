//! Asking MAX: the fake's built-in MAX (the default), or the real MAX Bot API
//! (`--max-api URL`): `GET /me` for a token, `GET /subscriptions` and `POST /subscriptions`
//! for the webhook, `POST /messages` for a delivery test's reply. Its answers become the
//! fake's [`MaxError`] / [`MaxResult`], which the fake's second steps (`commit_verify`,
//! `commit_save`, `health_answer`, `commit_test_reply`) turn into the contract's answers,
//! so both modes refuse alike. The token goes only into the `Authorization` header: never
//! into a URL, a log line, an answer or an error.

use std::time::Duration;

use max_channel_contract::{BotInfo, NEEDED_UPDATE_TYPES};
use max_channel_fake::max::{is_slow, FAKE_RETRY_AFTER};
use max_channel_fake::{HealthCall, MaxError, MaxHealthAnswer, MaxResult, MaxSubscription};
use reqwest::{Method, RequestBuilder};
use serde::Deserialize;

use crate::Shared;

/// How the dev back end asks MAX.
#[derive(Debug, Clone)]
pub enum MaxApi {
    /// The fake's MAX: tokens by their first letters, the condition the test controls set
    /// (see `max_channel_fake::max`).
    Fake,
    /// The real MAX Bot API (e.g. `https://platform-api2.max.ru`), or a stand-in for it.
    Real(RealMax),
}

/// How long the real mode waits for MAX.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(10);

/// The fake MAX's wait before answering a token starting `slow`, so progress can be seen.
pub const FAKE_SLOW: Duration = Duration::from_secs(3);

impl MaxApi {
    pub fn real(base_url: &str) -> MaxApi {
        MaxApi::real_with_timeout(base_url, MAX_TIMEOUT)
    }

    /// The real mode with another time-out (tests shorten it).
    pub fn real_with_timeout(base_url: &str, timeout: Duration) -> MaxApi {
        MaxApi::Real(RealMax::new(base_url, timeout))
    }

    pub fn is_real(&self) -> bool {
        matches!(self, MaxApi::Real(_))
    }
}

/// What MAX says of a token that is not the stored one (verify, save). The account is
/// not locked while the real MAX is asked.
pub async fn ask_about_token(state: &Shared, token: &str) -> MaxResult<BotInfo> {
    match &state.config.max {
        MaxApi::Fake => {
            if is_slow(token) {
                tokio::time::sleep(FAKE_SLOW).await;
            }
            state.fake().ask_fake_max_about(token)
        }
        MaxApi::Real(real) => real.me(token).await,
    }
}

/// The real MAX Bot API.
#[derive(Debug, Clone)]
pub struct RealMax {
    base_url: String,
    client: reqwest::Client,
}

/// MAX's `GET /me` answer; only what the contract's `BotInfo` needs.
#[derive(Deserialize)]
struct MaxMe {
    user_id: i64,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    avatar_url: Option<String>,
}

/// MAX's error body.
#[derive(Deserialize)]
struct MaxErrorBody {
    #[serde(default)]
    code: Option<String>,
}

/// MAX's `GET /subscriptions` answer.
#[derive(Deserialize)]
struct MaxSubscriptions {
    subscriptions: Vec<MaxSubscriptionItem>,
}

#[derive(Deserialize)]
struct MaxSubscriptionItem {
    url: String,
    /// When it was created, in milliseconds since the epoch.
    time: i64,
    /// Absent or null: MAX does not say, so nothing counts as subscribed — the health
    /// shows the types as missing, and a repair states them all explicitly.
    #[serde(default)]
    update_types: Option<Vec<String>>,
}

/// MAX's answer to `POST /messages` (`SendMessageResult`): the message it made.
#[derive(Deserialize)]
struct MaxSent {
    message: serde_json::Value,
}

/// MAX's answer to `POST /subscriptions`.
#[derive(Deserialize)]
struct MaxSuccess {
    success: bool,
}

impl RealMax {
    pub fn new(base_url: &str, timeout: Duration) -> RealMax {
        // Building a client fails only when TLS cannot be set up at all: at start-up, not
        // in a handler, and there is nothing sensible to run without it.
        let client = reqwest::Client::builder().timeout(timeout).build().expect("HTTP client");
        RealMax { base_url: base_url.trim_end_matches('/').to_owned(), client }
    }

    fn request(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        // MAX takes the token as the whole Authorization value, without "Bearer".
        self.client.request(method, format!("{}{path}", self.base_url)).header("Authorization", token)
    }

    /// `GET /me`: who the token belongs to.
    pub async fn me(&self, token: &str) -> MaxResult<BotInfo> {
        let body = answer(self.request(Method::GET, "/me", token)).await?;
        let me: MaxMe = serde_json::from_slice(&body).map_err(|_| MaxError::Unavailable)?;
        Ok(BotInfo {
            user_id: me.user_id,
            first_name: me.first_name.or(me.name).unwrap_or_default(),
            username: me.username,
            avatar_url: me.avatar_url,
        })
    }

    /// `GET /subscriptions`: the bot's webhook subscriptions.
    pub async fn subscriptions(&self, token: &str) -> MaxResult<Vec<MaxSubscription>> {
        let body = answer(self.request(Method::GET, "/subscriptions", token)).await?;
        let list: MaxSubscriptions = serde_json::from_slice(&body).map_err(|_| MaxError::Unavailable)?;
        Ok(list
            .subscriptions
            .into_iter()
            .map(|s| MaxSubscription {
                url: s.url,
                since: s.time.div_euclid(1000),
                update_types: s.update_types.unwrap_or_default(),
            })
            .collect())
    }

    /// `POST /subscriptions`: (re)subscribes `url` with every update type the channel needs.
    pub async fn subscribe(&self, token: &str, url: &str) -> MaxResult<()> {
        let body = serde_json::json!({ "url": url, "update_types": NEEDED_UPDATE_TYPES });
        let answer = answer(self.request(Method::POST, "/subscriptions", token).json(&body)).await?;
        match serde_json::from_slice::<MaxSuccess>(&answer) {
            Ok(MaxSuccess { success: true }) => Ok(()),
            // `{"success": false, "message": …}`: MAX did not subscribe; nothing to show
            // but that it could not be done now.
            _ => Err(MaxError::Unavailable),
        }
    }

    /// `POST /messages?user_id=…` with `{"text": …}`: the bot writes to a user (a delivery
    /// test's reply to whoever sent the code). Sent when MAX answers 200 with the message
    /// (`SendMessageResult`); the failures are [`answer`]'s, except a 403 not about the
    /// token: MAX documents it here as "user suspended bot, bot doesn't have access to
    /// chat" (`chat.denied`), which is [`MaxError::ChatDenied`]. A 200 without the message
    /// (a proxy's page) is MAX unavailable, as for the other calls.
    pub async fn send_message(&self, token: &str, user_id: i64, text: &str) -> MaxResult<()> {
        let body = serde_json::json!({ "text": text });
        let path = format!("/messages?user_id={user_id}");
        let request = self.request(Method::POST, &path, token).json(&body);
        let answer = answer_with(request, MaxError::ChatDenied).await?;
        match serde_json::from_slice::<MaxSent>(&answer) {
            Ok(MaxSent { message }) if message.is_object() => Ok(()),
            _ => Err(MaxError::Unavailable),
        }
    }

    /// What a health call asks MAX with the stored token: for a repair, subscribe first
    /// (when that fails MAX is not asked further: the fake refuses on that answer alone).
    pub async fn health(&self, call: HealthCall, token: &str, webhook_url: &str) -> MaxHealthAnswer {
        let subscribed = match call {
            HealthCall::Repair => Some(self.subscribe(token, webhook_url).await),
            HealthCall::Get | HealthCall::Check => None,
        };
        if let Some(Err(e)) = &subscribed {
            return MaxHealthAnswer {
                subscribed: subscribed.clone(),
                me: Err(e.clone()),
                subscriptions: Err(e.clone()),
            };
        }
        let (me, subscriptions) = tokio::join!(self.me(token), self.subscriptions(token));
        MaxHealthAnswer { subscribed, me, subscriptions }
    }
}

/// Sends a request to MAX: the body of a 200, or why there is none. 401 (or 403 with
/// `verify.token`) is a refused token; 429 is a wait (`Retry-After`, else 30 s); anything
/// else — 5xx, another 4xx, a time-out, no connection — is MAX unavailable.
async fn answer(request: RequestBuilder) -> MaxResult<Vec<u8>> {
    answer_with(request, MaxError::Unavailable).await
}

/// [`answer`], with `forbidden` for a 403 that is not about the token.
async fn answer_with(request: RequestBuilder, forbidden: MaxError) -> MaxResult<Vec<u8>> {
    let response = request.send().await.map_err(|_| MaxError::Unavailable)?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0);
    let body = response.bytes().await.map_err(|_| MaxError::Unavailable)?;
    match status {
        200 => Ok(body.to_vec()),
        401 | 403 => {
            let code = serde_json::from_slice::<MaxErrorBody>(&body).ok().and_then(|e| e.code);
            // 401 always means a bad token; a 403 only when MAX says so with `verify.token`.
            if status == 401 || code.as_deref() == Some("verify.token") {
                Err(MaxError::Invalid)
            } else {
                Err(forbidden)
            }
        }
        429 => Err(MaxError::RateLimited { retry_after: retry_after.unwrap_or(FAKE_RETRY_AFTER) }),
        _ => Err(MaxError::Unavailable),
    }
}
