//! The test controls that play MAX's customers (routes and bodies: [`super::dev`]):
//! `POST /__dev/updates` delivers one update as MAX would to the webhook — how a developer
//! "scans" a delivery test's QR code — and `POST /__dev/dialogs` seeds a history of
//! labelled dialogs for «Откуда пишут клиенты».
//!
//! With `--max-api` an update that makes a test `received` leaves the bot's reply to this
//! side: it is sent through the real MAX (`POST /messages`) with the account unlocked, and
//! MAX's answer is handed back to the fake (`commit_test_reply`).

use axum::body::Bytes;
use axum::extract::State;
use max_channel_contract::DeliveryTest;
use max_channel_fake::{Delivered, InboundUpdate, UpdateKind};
use serde::{Deserialize, Deserializer, Serialize};

use super::dev::decode_or_default;
use super::{bad_request, decode, internal, ok, persist, Answer, Failure};
use crate::max::MaxApi;
use crate::Shared;

/// The sender when the body names none: a MAX user id and a name as MAX gives them.
pub const DEFAULT_USER_ID: i64 = 5_550_001;
pub const DEFAULT_NAME: &str = "Иван Петров";

/// `/__dev/dialogs` without a body: this seed, this many dialogs.
pub const DEFAULT_SEED: u64 = 7;
pub const DEFAULT_DIALOGS: u32 = 120;
/// More than this at once is refused: a history for a chart, not a load test.
pub const MAX_DIALOGS: u32 = 10_000;

/// `{"type": "bot_started", "payload": …}` or `{"type": "message_created", "text": …}`,
/// each with an optional `user_id` and `name` (`null`: MAX gave no name).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateBody {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    payload: Option<String>,
    #[serde(default)]
    text: Option<String>,
    /// Absent: [`DEFAULT_NAME`]; `null`: no name.
    #[serde(default, deserialize_with = "present")]
    name: Option<Option<String>>,
    #[serde(default)]
    user_id: Option<i64>,
}

/// Tells a field given as `null` (`Some(None)`) from one left out (`None`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

impl UpdateBody {
    fn into_update(self) -> Result<InboundUpdate, &'static str> {
        let kind = match (self.kind.as_str(), self.payload, self.text) {
            ("bot_started", payload, None) => UpdateKind::BotStarted { payload },
            ("bot_started", _, Some(_)) => return Err("У bot_started нет text (код — в payload)."),
            ("message_created", None, Some(text)) => UpdateKind::Message { text },
            ("message_created", Some(_), _) => return Err("У message_created нет payload (код — в text)."),
            ("message_created", None, None) => return Err("message_created нужен text."),
            _ => return Err("type — bot_started или message_created."),
        };
        let user_id = self.user_id.unwrap_or(DEFAULT_USER_ID);
        if user_id <= 0 {
            return Err("user_id MAX — положительное число.");
        }
        let name = self.name.unwrap_or_else(|| Some(DEFAULT_NAME.to_owned()));
        Ok(InboundUpdate { user_id, name, kind })
    }
}

/// What `/__dev/updates` answers: what the update did. Never the token.
#[derive(Debug, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
enum WhatHappened {
    /// It carried a waiting test's code: the test now (with the bot's reply recorded).
    TestReceived { test: Box<DeliveryTest> },
    /// A customer's update: whether it opened a dialog, under which `start` label.
    Customer { new_dialog: bool, label: Option<String> },
    /// The channel is not connected: MAX delivers nothing.
    NotConnected,
}

/// Delivers a customer's update, then — with the real MAX and a test received — sends the
/// bot's reply and records how MAX took it.
pub async fn deliver_update(State(state): State<Shared>, body: Bytes) -> Answer {
    let update = decode::<UpdateBody>(&body)?.into_update().map_err(|why| Failure::from(bad_request(why)))?;
    let delivered = {
        let mut fake = state.fake();
        let delivered = fake.deliver_update(update);
        persist(&state, &fake)?;
        delivered
    };
    let happened = match delivered {
        Delivered::TestReceived { test_id, user_id, token, reply_text, reply_pending } => {
            if reply_pending {
                let MaxApi::Real(real) = &state.config.max else {
                    // The fake MAX answers the sender itself; nothing here could send it.
                    return Err(internal("Ответ бота ждёт отправки, а настоящего MAX нет.".into()).into());
                };
                // The account is not locked while MAX is asked.
                let outcome = real.send_message(&token, user_id, &reply_text).await;
                let mut fake = state.fake();
                fake.commit_test_reply(&test_id, outcome);
                persist(&state, &fake)?;
            }
            let test = state.fake().delivery_test(&test_id)?;
            WhatHappened::TestReceived { test: Box::new(test) }
        }
        Delivered::Customer { new_dialog, label } => WhatHappened::Customer { new_dialog, label },
        Delivered::NotConnected => WhatHappened::NotConnected,
    };
    Ok(ok(happened))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DialogsBody {
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    count: Option<u32>,
}

#[derive(Debug, Serialize)]
struct Seeded {
    added: u32,
}

/// Seeds `count` labelled dialogs over the last 90 days (the same for the same `seed`).
pub async fn seed_dialogs(State(state): State<Shared>, body: Bytes) -> Answer {
    let DialogsBody { seed, count } = decode_or_default(&body)?;
    let count = count.unwrap_or(DEFAULT_DIALOGS);
    if count > MAX_DIALOGS {
        return Err(bad_request(&format!("count — не больше {MAX_DIALOGS}.")).into());
    }
    let mut fake = state.fake();
    let added = fake.seed_dialogs(seed.unwrap_or(DEFAULT_SEED), count);
    persist(&state, &fake)?;
    Ok(ok(Seeded { added }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A body read as the control reads it.
    fn update(body: serde_json::Value) -> Result<InboundUpdate, String> {
        serde_json::from_value::<UpdateBody>(body).map_err(|e| e.to_string())?.into_update().map_err(str::to_owned)
    }

    #[test]
    fn an_update_is_a_start_or_a_message_with_a_sender() {
        let started = update(json!({ "type": "bot_started", "payload": "check-7F3K2Q" })).unwrap();
        assert_eq!((started.user_id, started.name.as_deref()), (DEFAULT_USER_ID, Some(DEFAULT_NAME)));
        assert!(matches!(started.kind, UpdateKind::BotStarted { payload: Some(ref p) } if p == "check-7F3K2Q"));
        let bare = update(json!({ "type": "bot_started", "payload": null, "name": null, "user_id": 42 })).unwrap();
        assert_eq!((bare.user_id, bare.name), (42, None), "null: MAX gave no name");
        assert!(matches!(bare.kind, UpdateKind::BotStarted { payload: None }));
        let message = update(json!({ "type": "message_created", "text": "Здравствуйте", "name": "Ольга" })).unwrap();
        assert_eq!(message.name.as_deref(), Some("Ольга"));
        assert!(matches!(message.kind, UpdateKind::Message { ref text } if text == "Здравствуйте"));
        for bad in [
            json!({ "type": "message_callback" }),
            json!({ "type": "message_created" }),
            json!({ "type": "message_created", "text": "x", "payload": "site" }),
            json!({ "type": "bot_started", "text": "x" }),
            json!({ "type": "bot_started", "user_id": 0 }),
            json!({ "type": "bot_started", "token": "x" }),
            json!({ "payload": "site" }),
        ] {
            assert!(update(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn what_happened_is_tagged() {
        let customer = WhatHappened::Customer { new_dialog: true, label: Some("site".into()) };
        let text = serde_json::to_value(customer).unwrap();
        assert_eq!(text, json!({ "result": "customer", "new_dialog": true, "label": "site" }));
        assert_eq!(serde_json::to_value(WhatHappened::NotConnected).unwrap(), json!({ "result": "not_connected" }));
    }
}
