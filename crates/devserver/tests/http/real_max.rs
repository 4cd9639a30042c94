//! `--max-api`: the real MAX Bot API, played by a local server on 127.0.0.1
//! ([`LocalMax`]): tokens by `GET /me`, the health by `GET /subscriptions`, the repair by
//! `POST /subscriptions`, and MAX's failures mapped to the contract's answers.

use std::time::Duration;

use max_channel_contract::*;
use max_channel_devserver::MaxApi;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::*;
use crate::local_max::{LocalMax, Mode, SUBSCRIBED_AT_MS};

/// The stored token of these tests: distinctive, so its absence from answers means something.
const TOKEN: &str = "good-SeCrEt-4242";

const WEBHOOK: &str = "https://hooks.example.com/max/7";

async fn against(max: &LocalMax) -> Api {
    let url = max.url.clone();
    Api::start(move |c| {
        c.max = MaxApi::real_with_timeout(&url, Duration::from_millis(500));
        c.webhook_url = WEBHOOK.into();
    })
    .await
}

#[tokio::test]
async fn real_max_mode_checks_tokens_with_get_me() {
    let max = LocalMax::start().await;
    let api = against(&max).await;
    let r = api.verify("good").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bot = r.json::<TokenVerifyResponse>().await.unwrap().bot;
    assert_eq!((bot.user_id, bot.first_name.as_str(), bot.username.as_deref()), (42, "Бот магазина", Some("shop_bot")));
    assert_eq!(api.channel().await.state, ChannelState::TokenAuthorized);

    for token in ["wrong401", "wrong403"] {
        let r = api.verify(token).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{token}");
        assert_eq!(error_of(r).await.code, ErrorCode::TokenInvalid);
    }
    let r = api.verify("many").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "12");
    for token in ["broken", "sleepy"] {
        let r = api.verify(token).await;
        assert_eq!(r.status(), StatusCode::BAD_GATEWAY, "{token}");
        assert_eq!(error_of(r).await.code, ErrorCode::MaxUnavailable);
    }
    assert_eq!(max.state().seen[0], ("GET /me".into(), "good".into()), "the token is the whole header, no Bearer");

    // A save with a token MAX refuses: the token field; with MAX away: 502.
    let r = api.put(&json!({ "token": "wrong401", "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(field_pairs(&error_of(r).await), [("token".into(), "token_invalid".into())]);
    let r = api.put(&json!({ "token": "broken", "settings": settings() }), ("If-None-Match", "*")).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(api.get("/channels/max/settings").await.status(), StatusCode::NOT_FOUND, "nothing saved");

    // Nothing listens: a connection error is MAX unavailable too.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let api = Api::start(|c| c.max = MaxApi::real_with_timeout(&closed, Duration::from_millis(500))).await;
    let r = api.verify("good").await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
}

/// `checked_at` and friends aside: the parts of a health a test looks at.
fn statuses(health: &Value) -> (String, String, String) {
    let text = |v: &Value| v.as_str().unwrap_or("null").to_owned();
    (text(&health["overall"]), text(&health["token"]["status"]), text(&health["subscription"]["status"]))
}

#[tokio::test]
async fn real_max_mode_reads_the_subscription_and_repairs_it() {
    let max = LocalMax::start().await;
    let api = against(&max).await;
    let saved = api.connect(TOKEN).await;
    assert_eq!(api.channel().await.state, ChannelState::Connected);

    // MAX knows no subscription of this bot: the channel is failing, and shows it.
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(statuses(&health), ("failing".into(), "ok".into(), "missing".into()));
    let channel = api.channel().await;
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Error, Some(StateReason::SubscriptionLost)));

    // The repair subscribes the webhook with every needed type, then checks again.
    let health = api.ok_json(Operation::RepairMaxHealth, api.post("/channels/max/health/repair").await).await;
    assert_eq!(statuses(&health), ("ok".into(), "ok".into(), "active".into()));
    assert_eq!(health["subscription"]["url"], WEBHOOK);
    let since = max_channel_fake::clock::rfc3339(SUBSCRIBED_AT_MS / 1000);
    assert_eq!(health["subscription"]["since"], since.as_str(), "MAX's milliseconds, as a moment");
    assert_eq!(max.state().posted, vec![json!({ "url": WEBHOOK, "update_types": NEEDED_UPDATE_TYPES })]);
    assert_eq!(api.channel().await.state, ChannelState::Connected);
    let calls = max.state().seen.clone();
    assert!(calls.iter().any(|(what, _)| what == "POST /subscriptions"));
    assert!(calls.iter().all(|(_, auth)| auth == TOKEN), "every call carries the stored token: {calls:?}");

    // Another system's URL, or too few types.
    let other = json!({ "url": "https://bots.example.com/hook", "time": SUBSCRIBED_AT_MS, "update_types": NEEDED_UPDATE_TYPES });
    max.state().subscriptions = vec![other.clone()];
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
    let health = api.ok_json(Operation::CheckMaxHealth, api.post("/channels/max/health/check").await).await;
    assert_eq!(health["subscription"]["status"], "wrong_url");
    let few = json!({ "url": WEBHOOK, "time": SUBSCRIBED_AT_MS, "update_types": ["message_created"] });
    max.state().subscriptions = vec![other, few];
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
    let health = api.ok_json(Operation::CheckMaxHealth, api.post("/channels/max/health/check").await).await;
    assert_eq!(health["subscription"]["status"], "missing_types");
    assert_eq!(health["subscription"]["missing_types"], json!(["bot_started", "message_callback"]));

    // The history knows of the save, never of the token.
    let history = api.get("/channels/max/settings/history").await.text().await.unwrap();
    assert!(history.contains(&format!("\"version\":\"{}\"", saved.version)));
    assert!(!history.contains(TOKEN) && !health.to_string().contains(TOKEN));
}

#[tokio::test]
async fn real_max_failures_become_the_contracts_answers() {
    let max = LocalMax::start().await;
    let api = against(&max).await;
    api.connect(TOKEN).await;
    api.post("/channels/max/health/repair").await;

    // (mode, check's status and code, repair's status and code)
    let cases = [
        (Mode::Broken, (502, "max_unavailable"), (502, "max_unavailable")),
        (Mode::Garbage, (502, "max_unavailable"), (502, "max_unavailable")),
        (Mode::Sleepy, (502, "max_unavailable"), (502, "max_unavailable")),
        (Mode::ForbiddenOther, (502, "max_unavailable"), (502, "max_unavailable")),
        (Mode::TooMany, (429, "rate_limited"), (429, "rate_limited")),
        (Mode::RefuseSubscribe, (200, ""), (502, "max_unavailable")),
        (Mode::Unauthorized, (200, ""), (422, "token_invalid")),
        (Mode::ForbiddenVerify, (200, ""), (422, "token_invalid")),
    ];
    for (mode, check, repair) in cases {
        max.set_mode(mode);
        for (path, (status, code)) in [("/channels/max/health/check", check), ("/channels/max/health/repair", repair)] {
            // Past «Проверить сейчас»'s ten seconds.
            api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
            let r = api.post(path).await;
            assert_eq!(r.status().as_u16(), status, "{mode:?} {path}");
            if status == 429 {
                assert_eq!(r.headers()["retry-after"], "12", "{mode:?} {path}: MAX's own wait");
            }
            if status != 200 {
                assert_eq!(error_of(r).await.code.to_string(), code, "{mode:?} {path}");
            }
        }
    }
    // MAX refuses the token: the check says so, and so does the channel.
    max.set_mode(Mode::Unauthorized);
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
    let health = api.ok_json(Operation::CheckMaxHealth, api.post("/channels/max/health/check").await).await;
    assert_eq!(health["token"], json!({ "status": "failing", "reason": "token_revoked" }));
    let channel = api.channel().await;
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Error, Some(StateReason::TokenRevoked)));

    // A GET learns nothing from MAX away, and says so (200, unknown), a minute later.
    max.set_mode(Mode::Broken);
    api.dev_ok("clock", json!({ "advance_seconds": 61 })).await;
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert_eq!(statuses(&health), ("unknown".into(), "unknown".into(), "unknown".into()));

    // MAX back: the token is fine again, and the channel with it.
    max.set_mode(Mode::Ok);
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
    let health = api.ok_json(Operation::CheckMaxHealth, api.post("/channels/max/health/check").await).await;
    assert_eq!(statuses(&health), ("ok".into(), "ok".into(), "active".into()));
    assert_eq!(api.channel().await.state, ChannelState::Connected);
    let r = api.dev("max-condition", json!({ "condition": "max_down" })).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "the real MAX's condition is its own");
}
