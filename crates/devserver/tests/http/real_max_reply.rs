//! `--max-api` and «Проверка связи»: when a delivered update makes a test `received`, the
//! bot's reply goes through the real MAX — `POST /messages?user_id=<sender>` with
//! `{"text": …}` and the stored token as `Authorization` — played by [`LocalMax`], and
//! MAX's answer becomes the test's `reply`.

use std::time::Duration;

use max_channel_contract::*;
use max_channel_devserver::MaxApi;
use serde_json::{json, Value};

use crate::common::*;
use crate::delivery::{created_json, deliver, read_test, start};
use crate::local_max::{LocalMax, Mode};

/// The stored token: distinctive, so its absence from answers and logs means something.
const TOKEN: &str = "good-ReplySeCrEt-9191";

async fn against(max: &LocalMax) -> Api {
    let url = max.url.clone();
    Api::start(move |c| c.max = MaxApi::real_with_timeout(&url, Duration::from_millis(500))).await
}

/// Starts a test past the ten seconds since the last one, and delivers its code from `user_id`.
async fn received(api: &Api, user_id: i64) -> (Value, Value) {
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
    let test = created_json(Operation::StartMaxDeliveryTest, start(api).await).await;
    let happened = deliver(api, json!({ "type": "bot_started", "payload": test["code"], "user_id": user_id })).await;
    assert_eq!(happened["result"], "test_received", "{happened}");
    assert!(!happened.to_string().contains(TOKEN), "never the token: {happened}");
    let now = read_test(api, test["id"].as_str().unwrap()).await;
    assert_eq!(happened["test"], now);
    (test, now)
}

#[tokio::test]
async fn real_max_mode_sends_the_reply_with_post_messages() {
    let max = LocalMax::start().await;
    let api = against(&max).await;
    api.connect(TOKEN).await;
    let (test, now) = received(&api, 777).await;
    assert_eq!(test["link"], format!("https://max.ru/shop_bot?start={}", test["code"].as_str().unwrap()));
    assert_eq!(now["state"], "received");
    assert_eq!(now["reply"]["state"], "sent", "{now}");
    assert!(now["reply"]["error"].is_null());

    let messages = max.state().messages.clone();
    assert_eq!(messages.len(), 1, "{messages:?}");
    let (query, body) = &messages[0];
    assert_eq!(query, "user_id=777", "to the sender, by MAX's user id");
    let text = body["text"].as_str().expect("a text");
    assert!(!text.trim().is_empty() && text.chars().count() <= 4000, "{text}");
    assert_eq!(body.as_object().unwrap().len(), 1, "only the text: {body}");
    let calls = max.state().seen.clone();
    let sent: Vec<_> = calls.iter().filter(|(what, _)| what == "POST /messages").collect();
    assert_eq!(sent, [&("POST /messages".to_owned(), TOKEN.to_owned())], "the token is the whole header");

    // A customer's update sends nothing: only a test's code is answered from here.
    deliver(&api, json!({ "type": "message_created", "text": "Здравствуйте", "user_id": 778 })).await;
    assert_eq!(max.state().messages.len(), 1);
}

#[tokio::test]
async fn real_max_failures_fail_the_reply_with_words_and_never_the_token() {
    let max = LocalMax::start().await;
    let api = against(&max).await;
    api.connect(TOKEN).await;
    let mut words = Vec::new();
    for mode in [
        Mode::Unauthorized,
        Mode::ForbiddenVerify,
        Mode::TooMany,
        Mode::Broken,
        Mode::Garbage,
        Mode::Sleepy,
        Mode::RefuseMessages,
    ] {
        max.set_mode(mode);
        let (_, now) = received(&api, 880).await;
        assert_eq!(now["state"], "received", "{mode:?}: the inbound half worked");
        let reply = &now["reply"];
        assert_eq!(reply["state"], "failed", "{mode:?}: {now}");
        let error = reply["error"].as_str().unwrap_or_else(|| panic!("{mode:?}: words: {now}"));
        assert!(!error.trim().is_empty() && !error.contains(TOKEN), "{mode:?}: {error}");
        words.push((mode, error.to_owned()));
    }
    // A refused token is told apart from MAX away.
    let said = |mode: Mode| words.iter().find(|(m, _)| *m == mode).map(|(_, w)| w.clone()).unwrap();
    assert_eq!(said(Mode::Unauthorized), said(Mode::ForbiddenVerify));
    assert_ne!(said(Mode::Unauthorized), said(Mode::Broken));
    assert_eq!(said(Mode::Broken), said(Mode::Sleepy), "a time-out is MAX unavailable");
    assert_eq!(said(Mode::Broken), said(Mode::Garbage), "a 200 without the message too");

    // Nowhere the app or a developer looks carries the token.
    let log = serde_json::to_string(&api.requests().await).unwrap();
    assert!(!log.contains(TOKEN), "request log");
    let channel = api.get("/channels/max").await.text().await.unwrap();
    assert!(!channel.contains(TOKEN));
}
