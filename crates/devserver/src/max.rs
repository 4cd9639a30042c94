//! Checking a token with MAX: a built-in fake with documented rules (the default), or a
//! real call of the MAX Bot API `GET /me`.

use std::time::Duration;

use max_channel_contract::fake_max::{self, FakeMax};
use max_channel_contract::BotInfo;
use serde::Deserialize;

/// What MAX said about a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaxOutcome {
    Valid(BotInfo),
    /// MAX refused the token (`verify.token`).
    Invalid,
    /// MAX did not answer, answered 5xx, or timed out.
    Unavailable,
    /// MAX answered 429; wait this many seconds.
    RateLimited { retry_after: u64 },
}

/// How the dev back end asks MAX.
#[derive(Debug, Clone)]
pub enum MaxApi {
    /// The fake: by the token's first letters (see [`fake_outcome`]).
    Fake,
    /// The real MAX Bot API (e.g. `https://platform-api2.max.ru`), or a stand-in for it.
    Real {
        base_url: String,
        client: reqwest::Client,
    },
}

/// How long the real mode waits for MAX.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(10);

/// The fake MAX's wait before answering a token starting `slow`, so progress can be seen.
pub const FAKE_SLOW: Duration = Duration::from_secs(3);

/// Seconds MAX's 429 asks to wait when it sends no `Retry-After`.
pub const FAKE_RETRY_AFTER: u64 = 30;

impl MaxApi {
    pub fn real(base_url: &str) -> MaxApi {
        MaxApi::real_with_timeout(base_url, MAX_TIMEOUT)
    }

    /// The real mode with another time-out (tests shorten it).
    pub fn real_with_timeout(base_url: &str, timeout: Duration) -> MaxApi {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .expect("HTTP client");
        MaxApi::Real {
            base_url: base_url.trim_end_matches('/').to_owned(),
            client,
        }
    }

    /// Asks MAX who the token belongs to. `token` is already trimmed and well-formed.
    pub async fn check(&self, token: &str) -> MaxOutcome {
        match self {
            MaxApi::Fake => {
                if fake_max::is_slow(token) {
                    tokio::time::sleep(FAKE_SLOW).await;
                }
                fake_outcome(token)
            }
            MaxApi::Real { base_url, client } => real_outcome(client, base_url, token).await,
        }
    }
}

/// The fake MAX's rules, shared with preview mode (`max_channel_contract::fake_max`).
pub fn fake_outcome(token: &str) -> MaxOutcome {
    match fake_max::outcome(token) {
        FakeMax::Valid(bot) => MaxOutcome::Valid(bot),
        FakeMax::Invalid => MaxOutcome::Invalid,
        FakeMax::Unavailable => MaxOutcome::Unavailable,
        FakeMax::RateLimited { retry_after } => MaxOutcome::RateLimited {
            retry_after: u64::from(retry_after),
        },
    }
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

#[derive(Deserialize)]
struct MaxError {
    #[serde(default)]
    code: Option<String>,
}

async fn real_outcome(client: &reqwest::Client, base_url: &str, token: &str) -> MaxOutcome {
    // MAX takes the token as the whole Authorization value, without "Bearer".
    let response = match client
        .get(format!("{base_url}/me"))
        .header("Authorization", token)
        .send()
        .await
    {
        Ok(r) => r,
        Err(_) => return MaxOutcome::Unavailable,
    };
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0);
    let body = response.bytes().await.unwrap_or_default();
    match status {
        200 => match serde_json::from_slice::<MaxMe>(&body) {
            Ok(me) => MaxOutcome::Valid(BotInfo {
                user_id: me.user_id,
                first_name: me.first_name.or(me.name).unwrap_or_default(),
                username: me.username,
                avatar_url: me.avatar_url,
            }),
            Err(_) => MaxOutcome::Unavailable,
        },
        401 | 403 => {
            let code = serde_json::from_slice::<MaxError>(&body).ok().and_then(|e| e.code);
            // 401 always means a bad token; a 403 only when MAX says so with `verify.token`.
            if status == 401 || code.as_deref() == Some("verify.token") {
                MaxOutcome::Invalid
            } else {
                MaxOutcome::Unavailable
            }
        }
        429 => MaxOutcome::RateLimited {
            retry_after: retry_after.unwrap_or(FAKE_RETRY_AFTER),
        },
        _ => MaxOutcome::Unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_rules() {
        assert_eq!(fake_outcome("revoked-123"), MaxOutcome::Invalid);
        assert_eq!(fake_outcome("down_abc"), MaxOutcome::Unavailable);
        assert_eq!(
            fake_outcome("busy1"),
            MaxOutcome::RateLimited { retry_after: 30 }
        );
        let MaxOutcome::Valid(a) = fake_outcome("f9LHodD0cOIv2yHfW2QvLb6hKsJ4") else {
            panic!()
        };
        let MaxOutcome::Valid(b) = fake_outcome("f9LHodD0cOIv2yHfW2QvLb6hKsJ4") else {
            panic!()
        };
        assert_eq!(a, b, "the same token names the same bot");
        assert!(!a.first_name.contains("f9LH"));
    }
}
