//! `/__dev/*`: test-only controls, mounted only with `--test-controls`.
//!
//! | call | body | does |
//! |---|---|---|
//! | `POST /__dev/faults` | a [`FaultSpec`] or a list | the next calls of an operation answer as told |
//! | `GET`/`DELETE /__dev/faults` | | the faults waiting / none |
//! | `POST /__dev/latency` | `{"ms": 300}` | every API answer waits |
//! | `GET`/`DELETE /__dev/requests` | | the request log / empty it |
//! | `POST /__dev/reset` | `{"chat_bots_service": false}` (optional) | a fresh account, the real time, no faults, empty logs |
//! | `POST /__dev/channel-state` | `{"state": "error", "state_reason": "token_revoked"}` | forces the channel's state |
//! | `POST /__dev/max-condition` | `{"condition": "deliveries_failing"}` | puts the fake MAX in a condition |
//! | `POST /__dev/inbound` | | a customer's message arrives now |
//! | `POST /__dev/updates` | `{"type": "bot_started", "payload": "check-…"}` or `{"type": "message_created", "text": "…"}`, with `"name"`, `"user_id"` optional | MAX delivers a customer's update; answers what it did |
//! | `POST /__dev/dialogs` | `{"seed": 7, "count": 120}` (both optional) | labelled dialogs over the last 90 days; answers `{"added": n}` |
//! | `GET`/`POST /__dev/clock` | `{"advance_hours": 8}` (or `_minutes`, `_seconds`) | the fake's time / moves it forward |
//! | `POST /__dev/actor` | `{"id": "e-102"}` | later saves are by another administrator |
//! | `POST /__dev/schedule` | a `WorkSchedule`, or `{"preset": "vladivostok"}` | replaces the work schedule |
//! | `POST /__dev/preset` | `{"id": "long_history"}` | a ready-made account (`max_channel_fake::Preset`) |
//! | `POST`/`GET`/`DELETE /__dev/csp-reports` | the browser's report | CSP violations |
//!
//! A body that is not the control's shape, an unknown id or condition, a schedule that
//! breaks the contract's rules (its `problems` listed beside the `error`) are 400 with the
//! contract's `ErrorBody`; a CSP report of another media type is 415. Success is 204,
//! except the reads, the clock (the fake's time), `updates` (what happened) and `dialogs`
//! (how many were added). The fake's account is kept in the state file after each control
//! that changes it.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use max_channel_contract::{ChannelState, ErrorCode, Operation, StateReason};
use serde::Deserialize;

use super::{bad_request, customers, decode, done, error, internal, persist, scenario, Answer, Failure};
use crate::faults::{FaultSpec, LoggedRequest};
use crate::Shared;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/faults", post(add_faults).get(list_faults).delete(clear_faults))
        .route("/latency", post(set_latency))
        .route("/requests", get(list_requests).delete(clear_requests))
        .route("/reset", post(reset))
        .route("/channel-state", post(set_channel_state))
        .route("/max-condition", post(scenario::set_max_condition))
        .route("/inbound", post(scenario::deliver_inbound))
        .route("/updates", post(customers::deliver_update))
        .route("/dialogs", post(customers::seed_dialogs))
        .route("/clock", get(scenario::clock).post(scenario::advance_clock))
        .route("/actor", post(scenario::set_actor))
        .route("/schedule", post(scenario::set_schedule))
        .route("/preset", post(scenario::apply_preset))
        .route("/csp-reports", post(add_csp_reports).get(list_csp_reports).delete(clear_csp_reports))
}

/// A body that may be empty (then the defaults).
pub(super) fn decode_or_default<T: for<'de> Deserialize<'de> + Default>(body: &Bytes) -> Result<T, Failure> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        decode(body)
    }
}

// ---- faults, latency, the request log, CSP reports -------------------------------------

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(FaultSpec),
    Many(Vec<FaultSpec>),
}

async fn add_faults(State(state): State<Shared>, body: Bytes) -> Answer {
    let faults = match decode::<OneOrMany>(&body)? {
        OneOrMany::One(f) => vec![f],
        OneOrMany::Many(fs) => fs,
    };
    if let Some(unknown) = faults.iter().find(|f| f.operation != "*" && Operation::parse(&f.operation).is_none()) {
        return Err(bad_request(&format!("unknown operation {}", unknown.operation)).into());
    }
    let mut controls = state.controls();
    for fault in faults {
        controls.add_fault(fault);
    }
    Ok(done())
}

async fn list_faults(State(state): State<Shared>) -> Json<Vec<FaultSpec>> {
    Json(state.controls().pending_faults().to_vec())
}

async fn clear_faults(State(state): State<Shared>) -> Response {
    state.controls().clear_faults();
    done()
}

#[derive(Deserialize)]
struct Latency {
    ms: u64,
}

async fn set_latency(State(state): State<Shared>, body: Bytes) -> Answer {
    let latency: Latency = decode(&body)?;
    state.controls().latency = Duration::from_millis(latency.ms);
    Ok(done())
}

async fn list_requests(State(state): State<Shared>) -> Json<Vec<LoggedRequest>> {
    Json(state.controls().requests())
}

async fn clear_requests(State(state): State<Shared>) -> Response {
    state.controls().clear_log();
    done()
}

/// The browser's violation reports (`report-uri`): `application/csp-report`, or the
/// Reporting API's `application/reports+json`.
async fn add_csp_reports(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    match crate::csp::parse_reports(content_type, &body) {
        Ok(reports) => {
            let mut controls = state.controls();
            for report in reports {
                eprintln!("CSP violation: {report}");
                controls.add_csp_report(report);
            }
            done()
        }
        Err(crate::csp::ReportError::MediaType) => error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadRequest,
            "expected application/csp-report or application/reports+json",
        ),
        Err(crate::csp::ReportError::Malformed(why)) => bad_request(&format!("not a CSP report: {why}")),
    }
}

async fn list_csp_reports(State(state): State<Shared>) -> Json<Vec<crate::csp::CspReport>> {
    Json(state.controls().csp_reports())
}

async fn clear_csp_reports(State(state): State<Shared>) -> Response {
    state.controls().clear_csp_reports();
    done()
}

// ---- the account ---------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct ResetBody {
    #[serde(default)]
    chat_bots_service: Option<bool>,
}

/// A fresh account at the real time: no settings, not connected, no faults, empty log, no
/// latency, no CSP reports.
async fn reset(State(state): State<Shared>, body: Bytes) -> Answer {
    let options: ResetBody = decode_or_default(&body)?;
    let service = options.chat_bots_service.unwrap_or(state.config.chat_bots_service);
    state.reset(service).map_err(|e| Failure::from(internal(e)))?;
    let mut controls = state.controls();
    controls.clear_faults();
    controls.clear_log();
    controls.clear_csp_reports();
    controls.latency = Duration::ZERO;
    controls.release_held();
    Ok(done())
}

#[derive(Deserialize)]
struct ForcedState {
    state: ChannelState,
    #[serde(default)]
    state_reason: Option<StateReason>,
}

/// Forces the channel's state, e.g. `error` with `token_revoked`, which only MAX causes.
async fn set_channel_state(State(state): State<Shared>, body: Bytes) -> Answer {
    let forced: ForcedState = decode(&body)?;
    let mut fake = state.fake();
    fake.force_state(forced.state, forced.state_reason);
    persist(&state, &fake)?;
    Ok(done())
}
