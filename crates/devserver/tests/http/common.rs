//! The test client of the dev back end, sample bodies, and the OpenAPI document's schemas.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use max_channel_contract::*;
use max_channel_devserver::{Config, Server};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

pub const CSRF: &str = "test-csrf";

pub struct Api {
    pub server: Server,
    pub client: Client,
}

impl Api {
    pub async fn start(configure: impl FnOnce(&mut Config)) -> Api {
        let mut config = Config { port: 0, test_controls: true, csrf_token: CSRF.into(), ..Config::default() };
        configure(&mut config);
        let server = Server::start(config).await.expect("server starts");
        Api { server, client: Client::new() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    /// A call below `/api/v1`, with the CSRF header on everything but GET.
    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.client.request(method.clone(), self.url(&format!("/api/v1{path}")));
        if method == Method::GET {
            builder
        } else {
            builder.header(CSRF_HEADER, CSRF)
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.request(Method::GET, path).send().await.unwrap()
    }

    pub async fn post(&self, path: &str) -> reqwest::Response {
        self.request(Method::POST, path).send().await.unwrap()
    }

    pub async fn verify(&self, token: &str) -> reqwest::Response {
        self.request(Method::POST, "/channels/max/token/verify").json(&json!({ "token": token })).send().await.unwrap()
    }

    pub async fn put(&self, write: &Value, precondition: (&str, &str)) -> reqwest::Response {
        self.request(Method::PUT, "/channels/max/settings")
            .header(precondition.0, precondition.1)
            .json(write)
            .send()
            .await
            .unwrap()
    }

    /// The first save, with a token: the channel is connected.
    pub async fn connect(&self, token: &str) -> VersionedSettings {
        let r = self.put(&json!({ "token": token, "settings": settings() }), ("If-None-Match", "*")).await;
        assert_eq!(r.status(), StatusCode::OK, "connect with {token}");
        r.json().await.unwrap()
    }

    /// A save on top of `version`, without a token.
    pub async fn save_over(&self, version: &str, after_minutes: u32) -> VersionedSettings {
        let mut s = settings();
        s["auto_close"]["after_minutes"] = json!(after_minutes);
        let r = self.put(&json!({ "settings": s }), ("If-Match", version)).await;
        assert_eq!(r.status(), StatusCode::OK, "save over {version}");
        r.json().await.unwrap()
    }

    pub async fn channel(&self) -> MaxChannel {
        self.get("/channels/max").await.json().await.unwrap()
    }

    pub async fn fault(&self, fault: Value) {
        let r = self.client.post(self.url("/__dev/faults")).json(&fault).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }

    pub async fn requests(&self) -> Vec<Value> {
        self.client.get(self.url("/__dev/requests")).send().await.unwrap().json().await.unwrap()
    }

    /// `POST /__dev/{path}` with a JSON body (`Value::Null`: none).
    pub async fn dev(&self, path: &str, body: Value) -> reqwest::Response {
        let mut request = self.client.post(self.url(&format!("/__dev/{path}")));
        if !body.is_null() {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    /// A dev control that must succeed.
    pub async fn dev_ok(&self, path: &str, body: Value) {
        let r = self.dev(path, body.clone()).await;
        let status = r.status();
        assert!(status.is_success(), "/__dev/{path} {body}: {status} {}", r.text().await.unwrap());
    }

    /// A 200 answer's body, checked against the operation's schema.
    pub async fn ok_json(&self, op: Operation, response: reqwest::Response) -> Value {
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{}: {text}", op.name());
        let body: Value = serde_json::from_str(&text).unwrap();
        assert_matches_schema(op, 200, &body);
        body
    }
}

pub fn settings() -> Value {
    json!({
        "routing": { "type": "group", "group_id": "g-sales" },
        "auto_replies": [
            { "delay_seconds": 0, "text": "Здравствуйте! Мы получили ваше сообщение.", "repeat": { "type": "once" } },
            { "delay_seconds": 120, "text": "Все операторы заняты.", "repeat": { "type": "every", "interval_seconds": 300 } }
        ],
        "closing_message": { "enabled": true, "text": "Спасибо за обращение!" },
        "non_working_hours": { "mode": "auto_replies", "auto_replies": [
            { "delay_seconds": 0, "text": "Сейчас мы не работаем.", "repeat": { "type": "once" } } ] },
        "auto_close": { "enabled": true, "after_minutes": 1440 }
    })
}

pub async fn error_of(response: reqwest::Response) -> ApiErrorDetail {
    response.json::<ErrorBody>().await.expect("an ErrorBody").error
}

pub fn field_pairs(detail: &ApiErrorDetail) -> Vec<(String, String)> {
    detail.fields.iter().map(|f| (f.path.clone(), f.code.to_string())).collect()
}

// ---- the OpenAPI document ------------------------------------------------------------

/// `shared/contract/openapi.yaml` beside the workspace when it exists (the source of
/// truth), else the contract crate's snapshot of it.
fn spec_path() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../../../shared/contract/openapi.yaml");
    if shared.exists() {
        shared
    } else {
        manifest.join("../contract/spec/openapi.yaml")
    }
}

pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text = std::fs::read_to_string(spec_path()).expect("read openapi.yaml");
        serde_norway::from_str(&text).expect("parse openapi.yaml")
    })
}

/// A path as one JSON pointer segment inside a URI fragment: `~` and `/` escaped as the
/// pointer wants, `{` and `}` (of `/delivery-tests/{id}`) percent-encoded as a URI wants.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1").replace('{', "%7B").replace('}', "%7D")
}

/// The JSON pointer of the schema of `op`'s answer with `status` (a `$ref`'d response
/// followed; `5XX` for any 5xx).
pub fn response_schema_pointer(op: Operation, status: u16) -> String {
    let method = op.method().to_ascii_lowercase();
    let responses = &spec()["paths"][op.path()][method.as_str()]["responses"];
    let key = if responses.get(status.to_string()).is_some() {
        status.to_string()
    } else if status >= 500 {
        "5XX".to_owned()
    } else {
        panic!("{} does not document {status}", op.name())
    };
    let content = "content/application~1json/schema";
    match responses[key.as_str()]["$ref"].as_str() {
        Some(reference) => format!("{}/{content}", reference.trim_start_matches('#')),
        None => format!("/paths/{}/{method}/responses/{key}/{content}", escape(op.path())),
    }
}

/// Panics with every schema error of `value` as `op`'s answer with `status`.
pub fn assert_matches_schema(op: Operation, status: u16, value: &Value) {
    let pointer = response_schema_pointer(op, status);
    let mut root = spec().clone();
    let object = root.as_object_mut().unwrap();
    object.insert("$ref".into(), Value::String(format!("#{pointer}")));
    object.insert("$schema".into(), Value::String("https://json-schema.org/draft/2020-12/schema".into()));
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema at {pointer}: {e}"));
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{} {status} does not match {pointer}:\n{}\n{value:#}", op.name(), errors.join("\n"));
}
