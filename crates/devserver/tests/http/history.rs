//! `listMaxSettingsHistory` over HTTP: newest first, paged by cursors that survive saves
//! made between pages, the actor of each entry, and what the query may not be.

use max_channel_contract::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

const TOKEN: &str = "history-token-Pp55";

async fn page(api: &Api, query: &str) -> Value {
    let r = api.get(&format!("/channels/max/settings/history{query}")).await;
    let body = api.ok_json(Operation::ListMaxSettingsHistory, r).await;
    assert!(!body.to_string().contains(TOKEN), "the history never holds a token: {body}");
    body
}

/// `(event, version)` of a page's entries.
fn entries(page: &Value) -> Vec<(String, Option<String>)> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["event"].as_str().unwrap().to_owned(), e["version"].as_str().map(str::to_owned)))
        .collect()
}

fn cursor(page: &Value) -> String {
    page["next_cursor"].as_str().expect("a next page").to_owned()
}

#[tokio::test]
async fn pages_neither_repeat_nor_skip_while_saves_happen_between_them() {
    let api = Api::start(|_| {}).await;
    let empty = page(&api, "").await;
    assert_eq!(empty, json!({ "items": [], "next_cursor": null }));

    let mut version = api.connect(TOKEN).await.version;
    for minutes in [60, 120, 180, 240, 300] {
        version = api.save_over(&version, minutes).await.version;
    }
    // Six entries, versions 1…6. The first page: 6, 5.
    let first = page(&api, "?limit=2").await;
    let v = |n: u32| ("saved".to_owned(), Some(n.to_string()));
    assert_eq!(entries(&first), [v(6), v(5)]);

    // Someone saves between pages: the next page still starts below what was shown.
    version = api.save_over(&version, 360).await.version;
    assert_eq!(version, "7");
    let second = page(&api, &format!("?limit=2&cursor={}", cursor(&first))).await;
    assert_eq!(entries(&second), [v(4), v(3)]);

    // And a disconnect between the next two.
    let r = api.request(Method::DELETE, "/channels/max/connection").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let third = page(&api, &format!("?limit=2&cursor={}", cursor(&second))).await;
    assert_eq!(entries(&third), [v(2), ("connected".to_owned(), Some("1".to_owned()))]);
    assert!(third["next_cursor"].is_null(), "the oldest entry ends the history");

    // From the top again: the disconnect and the save made meanwhile, newest first.
    let top = page(&api, "?limit=3").await;
    assert_eq!(entries(&top), [("disconnected".to_owned(), None), v(7), v(6)]);
    assert!(top["items"][0]["settings"].is_null());
    assert_eq!(top["items"][1]["settings"]["auto_close"]["after_minutes"], 360);
    // The default page holds everything here (20 > 8).
    assert_eq!(entries(&page(&api, "").await).len(), 8);
    assert_eq!(entries(&page(&api, "?limit=100").await).len(), 8);
}

#[tokio::test]
async fn entries_name_the_sessions_administrator_and_whether_the_token_was_replaced() {
    let api = Api::start(|_| {}).await;
    let first = api.connect(TOKEN).await;
    // Another administrator replaces the token.
    api.dev_ok("actor", json!({ "id": "e-102" })).await;
    let r =
        api.put(&json!({ "token": "history-token-Qq66", "settings": settings() }), ("If-Match", &first.version)).await;
    assert_eq!(r.status(), StatusCode::OK);

    let body = page(&api, "").await;
    assert!(!body.to_string().contains("history-token-Qq66"));
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["actor"]["id"], "e-102");
    assert_eq!(items[0]["token_replaced"], true);
    assert_eq!(items[1]["actor"]["id"], "e-101", "the session's administrator by default");
    assert_eq!(items[1]["event"], "connected");
    assert_eq!(items[1]["token_replaced"], false);
    let directory: EmployeePage = api.get("/employees?ids=e-101,e-102").await.json().await.unwrap();
    assert_eq!(items[1]["actor"]["name"], directory.items[0].name.as_str());
    assert_eq!(items[0]["actor"]["name"], directory.items[1].name.as_str());
    assert_eq!(items[0]["settings"], settings());
}

#[tokio::test]
async fn a_query_the_schema_rejects_is_400() {
    let api = Api::start(|_| {}).await;
    let mut version = api.connect(TOKEN).await.version;
    for minutes in [60, 120] {
        version = api.save_over(&version, minutes).await.version;
    }
    let given = cursor(&page(&api, "?limit=1").await);
    assert_eq!(entries(&page(&api, &format!("?limit=1&cursor={given}")).await).len(), 1);

    let bad = [
        "limit=0",
        "limit=101",
        "limit=x",
        "limit=-1",
        "limit=1.5",
        "limit=99999999999",
        "limit=",
        "limit=1&limit=2",
        "cursor=",
        "cursor=abc",
        "cursor=999",
        // The oldest entry's number: no page ever ends above nothing.
        "cursor=1",
        "cursor=03",
        "cursor=%2B3",
        "cursor=-3",
    ];
    for query in bad {
        let r = api.get(&format!("/channels/max/settings/history?{query}")).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{query}");
        let body: Value = r.json().await.unwrap();
        assert_matches_schema(Operation::ListMaxSettingsHistory, 400, &body);
        assert_eq!(body["error"]["code"], "bad_request", "{query}");
    }
}
