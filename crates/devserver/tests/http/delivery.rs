//! Contract 1.2 over HTTP: «Проверка связи» (`startMaxDeliveryTest`, `getMaxDeliveryTest`)
//! with the customer played through `/__dev/updates`, and «Откуда пишут клиенты»
//! (`getMaxSources`) after `/__dev/dialogs`. Every answer is checked against the OpenAPI
//! document's schema for its operation and status.

use max_channel_contract::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

/// A 201's body, checked against the operation's schema.
pub async fn created_json(op: Operation, response: reqwest::Response) -> Value {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{}: {text}", op.name());
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_matches_schema(op, 201, &body);
    body
}

/// An error answer with `status`: its body checked against the operation's schema, its code.
pub async fn refused_json(op: Operation, status: u16, response: reqwest::Response) -> (String, Option<String>) {
    assert_eq!(response.status().as_u16(), status, "{}", op.name());
    let retry_after = response.headers().get("retry-after").map(|v| v.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap();
    assert_matches_schema(op, status, &body);
    (body["error"]["code"].as_str().unwrap().to_owned(), retry_after)
}

pub async fn start(api: &Api) -> reqwest::Response {
    api.post("/channels/max/delivery-tests").await
}

pub async fn read_test(api: &Api, id: &str) -> Value {
    let path = Operation::GetMaxDeliveryTest.path_for(id);
    api.ok_json(Operation::GetMaxDeliveryTest, api.get(&path).await).await
}

/// `POST /__dev/updates`: what MAX delivered, and what it did.
pub async fn deliver(api: &Api, update: Value) -> Value {
    let r = api.dev("updates", update.clone()).await;
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "/__dev/updates {update}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// Past the ten seconds between two starts.
async fn later(api: &Api) {
    api.dev_ok("clock", json!({ "advance_seconds": 11 })).await;
}

#[test]
fn the_schema_of_a_templated_path_is_found_and_holds() {
    // `{id}` is percent-encoded in the pointer: a body that breaks the schema must fail.
    let broken = std::panic::catch_unwind(|| {
        assert_matches_schema(Operation::GetMaxDeliveryTest, 200, &json!({ "id": 1, "state": "lost" }))
    });
    assert!(broken.is_err(), "a DeliveryTest without its fields passed");
    let error = json!({ "error": { "code": "not_found", "message": "Нет.", "fields": [] } });
    assert_matches_schema(Operation::GetMaxDeliveryTest, 404, &error);
}

#[tokio::test]
async fn a_test_waits_for_its_code_and_reads_received_with_the_reply_sent() {
    let api = Api::start(|_| {}).await;
    let (code, _) = refused_json(Operation::StartMaxDeliveryTest, 404, start(&api).await).await;
    assert_eq!(code, "not_found", "not connected");
    api.connect("delivery-token-1").await;
    let bot = api.channel().await.bot.and_then(|b| b.username).expect("the bot's username");

    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    let (id, code) = (test["id"].as_str().unwrap(), test["code"].as_str().unwrap());
    assert_eq!(test["state"], "waiting");
    assert_eq!(test["link"], format!("https://max.ru/{bot}?start={code}"));
    assert!(check_start_label(code).is_ok(), "{code}");
    assert!(test["received"].is_null() && test["reply"].is_null(), "{test}");
    assert_eq!(read_test(&api, id).await, test, "read back unchanged");

    // A second start within ten seconds: 429 with the rest of them.
    let (code_429, wait) = refused_json(Operation::StartMaxDeliveryTest, 429, start(&api).await).await;
    assert_eq!(code_429, "rate_limited");
    let wait: u64 = wait.expect("Retry-After").parse().unwrap();
    assert!((1..=10).contains(&wait), "Retry-After {wait}");

    // The administrator opens the link: MAX delivers `bot_started` with the code.
    let happened = deliver(&api, json!({ "type": "bot_started", "payload": code, "user_id": 777 })).await;
    assert_eq!(happened["result"], "test_received", "{happened}");
    assert!(!happened.to_string().contains("delivery-token-1"), "never the token: {happened}");
    let received = read_test(&api, id).await;
    assert_eq!(happened["test"], received);
    assert_eq!(received["state"], "received");
    assert_eq!(received["received"]["via"], "bot_started");
    assert_eq!(received["received"]["from_name"], "Иван Петров");
    assert_eq!(received["reply"]["state"], "sent", "{received}");
    assert!(received["reply"]["error"].is_null());

    // The code again: the test is over, so it is a customer's update like any other.
    let again = deliver(&api, json!({ "type": "bot_started", "payload": code })).await;
    assert_ne!(again["result"], "test_received", "{again}");
    assert_eq!(read_test(&api, id).await, received);
}

#[tokio::test]
async fn the_code_sent_as_a_message_counts_and_a_nameless_sender_stays_nameless() {
    let api = Api::start(|_| {}).await;
    api.connect("delivery-token-2").await;
    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    let code = test["code"].as_str().unwrap();
    let happened =
        deliver(&api, json!({ "type": "message_created", "text": code, "name": null, "user_id": 4242 })).await;
    assert_eq!(happened["result"], "test_received", "{happened}");
    let received = read_test(&api, test["id"].as_str().unwrap()).await;
    assert_eq!(received["received"]["via"], "message");
    assert!(received["received"]["from_name"].is_null(), "{received}");
    assert_eq!(received["reply"]["state"], "sent");
}

#[tokio::test]
async fn a_refused_token_fails_the_reply_with_words() {
    let api = Api::start(|_| {}).await;
    api.connect("delivery-token-3").await;
    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    api.dev_ok("max-condition", json!({ "condition": "token_revoked" })).await;
    let happened = deliver(&api, json!({ "type": "bot_started", "payload": test["code"] })).await;
    assert_eq!(happened["result"], "test_received", "{happened}");
    let received = read_test(&api, test["id"].as_str().unwrap()).await;
    assert_eq!(received["state"], "received", "the inbound half worked");
    assert_eq!(received["reply"]["state"], "failed", "{received}");
    let words = received["reply"]["error"].as_str().expect("why, in words");
    assert!(words.chars().any(char::is_alphabetic) && words.len() > 10, "{words}");
}

#[tokio::test]
async fn a_test_expires_after_ten_minutes_or_when_a_newer_one_starts() {
    let api = Api::start(|_| {}).await;
    api.connect("delivery-token-4").await;
    let first = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    let first_id = first["id"].as_str().unwrap();
    later(&api).await;
    let second = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    let second_id = second["id"].as_str().unwrap();
    assert_ne!(first_id, second_id);
    assert_ne!(first["code"], second["code"]);
    assert_eq!(read_test(&api, first_id).await["state"], "expired", "a newer test expires the waiting one");
    assert_eq!(read_test(&api, second_id).await["state"], "waiting");

    api.dev_ok("clock", json!({ "advance_minutes": 10 })).await;
    let expired = read_test(&api, second_id).await;
    assert_eq!(expired["state"], "expired", "{expired}");
    assert!(expired["received"].is_null() && expired["reply"].is_null());
    // Its code now arrives too late: nothing is received.
    deliver(&api, json!({ "type": "bot_started", "payload": second["code"] })).await;
    assert_eq!(read_test(&api, second_id).await["state"], "expired");
}

#[tokio::test]
async fn tests_are_gone_after_a_disconnect_and_unknown_ids_are_404() {
    let api = Api::start(|_| {}).await;
    api.connect("delivery-token-5").await;
    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    let id = test["id"].as_str().unwrap();
    for unknown in ["dt-nope", "a/b", &"x".repeat(65)] {
        let r = api.get(&Operation::GetMaxDeliveryTest.path_for(unknown)).await;
        assert_eq!(refused_json(Operation::GetMaxDeliveryTest, 404, r).await.0, "not_found", "{unknown}");
    }
    let r = api.request(Method::DELETE, "/channels/max/connection").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = api.get(&Operation::GetMaxDeliveryTest.path_for(id)).await;
    assert_eq!(refused_json(Operation::GetMaxDeliveryTest, 404, r).await.0, "not_found");
    later(&api).await;
    assert_eq!(refused_json(Operation::StartMaxDeliveryTest, 404, start(&api).await).await.0, "not_found");
    // MAX delivers nothing to a channel that is not connected.
    let happened = deliver(&api, json!({ "type": "bot_started", "payload": test["code"] })).await;
    assert_eq!(happened, json!({ "result": "not_connected" }));
}

#[tokio::test]
async fn starting_a_test_needs_the_csrf_header_as_every_write_does() {
    assert!(Operation::StartMaxDeliveryTest.needs_csrf());
    assert!(!Operation::GetMaxDeliveryTest.needs_csrf() && !Operation::GetMaxSources.needs_csrf());
    let api = Api::start(|_| {}).await;
    api.connect("delivery-token-6").await;
    for csrf in [None, Some("wrong")] {
        let mut request = api.client.post(api.url("/api/v1/channels/max/delivery-tests"));
        if let Some(value) = csrf {
            request = request.header(CSRF_HEADER, value);
        }
        let r = request.send().await.unwrap();
        let (code, _) = refused_json(Operation::StartMaxDeliveryTest, 403, r).await;
        assert_eq!(code, "forbidden", "{csrf:?}");
    }
    // Nothing was started: the first real start is not too soon.
    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    assert_eq!(test["state"], "waiting");
    let log = api.requests().await;
    let refused: Vec<_> =
        log.iter().filter(|e| e["operation"] == "startMaxDeliveryTest").map(|e| &e["status"]).collect();
    assert_eq!(refused, [403, 403, 201]);
}

#[tokio::test]
async fn after_a_new_login_writes_need_the_renewed_token_and_the_old_one_is_refused() {
    let api = Api::start(|_| {}).await;
    api.connect("renew-token-7").await;
    api.server.state.controls().renew_csrf_token("csrf-after-login");
    let start = |token: &'static str| {
        api.client.post(api.url("/api/v1/channels/max/delivery-tests")).header(CSRF_HEADER, token).send()
    };
    let (code, _) = refused_json(Operation::StartMaxDeliveryTest, 403, start(CSRF).await.unwrap()).await;
    assert_eq!(code, "forbidden", "the token of the old session");
    created_json(Operation::StartMaxDeliveryTest, start("csrf-after-login").await.unwrap()).await;
}

async fn sources(api: &Api, query: &str) -> SourceStats {
    let body = api.ok_json(Operation::GetMaxSources, api.get(&format!("/channels/max/sources{query}")).await).await;
    serde_json::from_value(body).unwrap()
}

fn count(stats: &SourceStats, label: Option<&str>) -> u32 {
    stats.items.iter().find(|i| i.label.as_deref() == label).map_or(0, |i| i.dialogs)
}

#[tokio::test]
async fn sources_add_up_for_every_period_and_ignore_delivery_tests() {
    let api = Api::start(|_| {}).await;
    let r = api.get("/channels/max/sources").await;
    assert_eq!(refused_json(Operation::GetMaxSources, 404, r).await.0, "not_found", "never connected");
    api.connect("sources-token-1").await;

    let r = api.dev("dialogs", json!({ "seed": 7, "count": 120 })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let seeded: Value = r.json().await.unwrap();
    assert_eq!(seeded["added"], 120, "{seeded}");

    let mut totals = Vec::new();
    for days in SourceDays::ALL {
        let stats = sources(&api, &format!("?days={}", days.days())).await;
        assert_eq!(stats.problems(days), Vec::<String>::new(), "{} days: {stats:?}", days.days());
        let sum: u32 = stats.items.iter().map(|i| i.dialogs).sum();
        assert_eq!(stats.total, sum);
        for item in &stats.items {
            assert_eq!(item.by_day.iter().sum::<u32>(), item.dialogs, "{item:?}");
        }
        assert!(stats.items.windows(2).all(|w| w[0].dialogs >= w[1].dialogs), "most first: {stats:?}");
        assert_eq!(stats.timezone, "Europe/Moscow");
        totals.push(stats.total);
    }
    assert!(totals[0] <= totals[1] && totals[1] <= totals[2], "{totals:?}");
    assert!(totals[2] > 0 && totals[2] <= 120, "{totals:?}");
    assert_eq!(sources(&api, "").await, sources(&api, "?days=30").await, "absent: 30 days");

    // A test's update is not a dialog; a customer by the site's link is one, today.
    let week = sources(&api, "?days=7").await;
    let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
    deliver(&api, json!({ "type": "bot_started", "payload": test["code"], "user_id": 9001 })).await;
    assert_eq!(sources(&api, "?days=7").await, week, "a delivery test is not counted");
    let happened = deliver(&api, json!({ "type": "bot_started", "payload": "site", "user_id": 9002 })).await;
    assert_eq!(happened, json!({ "result": "customer", "new_dialog": true, "label": "site" }));
    let now = sources(&api, "?days=7").await;
    assert_eq!(now.total, week.total + 1);
    assert_eq!(count(&now, Some("site")), count(&week, Some("site")) + 1);
    let today = |s: &SourceStats| s.items.iter().map(|i| *i.by_day.last().unwrap()).sum::<u32>();
    assert_eq!(today(&now), today(&week) + 1, "counted on today");
}

#[tokio::test]
async fn days_other_than_seven_thirty_or_ninety_are_400() {
    let api = Api::start(|_| {}).await;
    api.connect("sources-token-2").await;
    for query in ["days=8", "days=abc", "days=", "days=7&days=7", "days=7&days=90", "days=30.0", "days=-7"] {
        let r = api.get(&format!("/channels/max/sources?{query}")).await;
        assert_eq!(refused_json(Operation::GetMaxSources, 400, r).await.0, "bad_request", "{query}");
    }
}

#[tokio::test]
async fn the_customer_controls_refuse_what_max_would_never_send() {
    let api = Api::start(|_| {}).await;
    for bad in [
        json!({ "type": "message_callback" }),
        json!({ "type": "message_created" }),
        json!({ "type": "bot_started", "text": "check-1" }),
        json!({ "type": "bot_started", "user_id": "one" }),
        json!({ "type": "bot_started", "colour": "red" }),
    ] {
        let r = api.dev("updates", bad.clone()).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    for bad in [json!({ "count": -1 }), json!({ "count": 1_000_000 }), json!({ "seed": "x" })] {
        let r = api.dev("dialogs", bad.clone()).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    // Defaults: a start without a label from Иван Петров; 120 dialogs.
    assert_eq!(deliver(&api, json!({ "type": "bot_started" })).await, json!({ "result": "not_connected" }));
    api.connect("controls-token-1").await;
    let happened = deliver(&api, json!({ "type": "bot_started" })).await;
    assert_eq!(happened, json!({ "result": "customer", "new_dialog": true, "label": null }));
    let r = api.dev("dialogs", Value::Null).await;
    assert_eq!(r.json::<Value>().await.unwrap(), json!({ "added": 120 }));
}

#[tokio::test]
async fn the_contract_1_2_presets_play_their_customer_on_the_fakes_clock() {
    let api = Api::start(|_| {}).await;
    // (preset, seconds to let pass, the test's state, the reply's)
    let cases = [
        ("delivery_received", 6, "received", Some("sent")),
        ("delivery_reply_failed", 6, "received", Some("failed")),
        ("delivery_expires", 61, "expired", None),
    ];
    for (preset, seconds, state, reply) in cases {
        api.dev_ok("preset", json!({ "id": preset })).await;
        let test = created_json(Operation::StartMaxDeliveryTest, start(&api).await).await;
        let id = test["id"].as_str().unwrap();
        assert_eq!(read_test(&api, id).await["state"], "waiting", "{preset}");
        api.dev_ok("clock", json!({ "advance_seconds": seconds })).await;
        let now = read_test(&api, id).await;
        assert_eq!(now["state"], state, "{preset}: {now}");
        assert_eq!(now["reply"]["state"].as_str(), reply, "{preset}: {now}");
        if state == "received" {
            assert_eq!(now["received"]["from_name"], "Иван Петров", "{preset}");
        }
    }

    api.dev_ok("preset", json!({ "id": "sources" })).await;
    let quarter = sources(&api, "?days=90").await;
    assert_eq!(quarter.problems(SourceDays::Quarter), Vec::<String>::new());
    assert!(quarter.total > 0 && quarter.items.len() >= 3, "{quarter:?}");
    api.dev_ok("preset", json!({ "id": "no_dialogs" })).await;
    let none = sources(&api, "?days=7").await;
    assert_eq!((none.total, none.items.len()), (0, 0), "{none:?}");
    assert_eq!(none.problems(SourceDays::Week), Vec::<String>::new());
    let health = api.ok_json(Operation::GetMaxHealth, api.get("/channels/max/health").await).await;
    assert!(health["delivery"]["last_inbound_at"].is_null(), "{health}");
}
