//! Fault injection and the request log, for tests only (off unless `--test-controls`).
//!
//! `POST /__dev/faults` with a [`FaultSpec`] makes the next `count` calls of an operation
//! answer as told; `POST /__dev/latency` delays every API answer; `GET /__dev/requests`
//! lists what reached the API, oldest first; `GET /__dev/csp-reports` lists the
//! Content-Security-Policy violations the browser reported.

use std::collections::VecDeque;
use std::time::Duration;

use tokio::sync::watch;

use max_channel_contract::Operation;

use crate::csp::CspReport;
use serde::{Deserialize, Serialize};

/// One injected fault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// The `operationId`, e.g. `getMaxSettings`; `*` for any API call.
    pub operation: String,
    /// How many calls it applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// The status to answer with; absent: the real handler answers (after `delay_ms`).
    #[serde(default)]
    pub status: Option<u16>,
    /// A JSON body; absent with a status: the contract's `ErrorBody` for that status.
    #[serde(default)]
    pub body: Option<serde_json::Value>,
    /// A raw body instead of JSON (an HTML error page, a truncated document).
    #[serde(default)]
    pub raw: Option<String>,
    /// The Content-Type of `raw` (default `text/html; charset=utf-8`).
    #[serde(default)]
    pub content_type: Option<String>,
    /// 200 with a body that is not JSON at all.
    #[serde(default)]
    pub malformed: bool,
    /// Wait this long before answering.
    #[serde(default)]
    pub delay_ms: u64,
    /// Never answer (until the client gives up or the server stops).
    #[serde(default)]
    pub stall: bool,
    /// `Retry-After` seconds, sent with 429 (default 5).
    #[serde(default)]
    pub retry_after: Option<u64>,
}

fn one() -> u32 {
    1
}

impl FaultSpec {
    pub fn applies_to(&self, op: Operation) -> bool {
        self.operation == "*" || self.operation == op.name()
    }

    pub fn delay(&self) -> Duration {
        Duration::from_millis(self.delay_ms)
    }
}

/// One call that reached the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedRequest {
    /// Its place in the log: calls are logged when they end.
    pub seq: u64,
    /// Its place in the order of arrival (see [`Controls::arrivals`]): a test tells the
    /// calls sent before a moment from those sent after it.
    #[serde(default)]
    pub arrival: u64,
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub query: Option<String>,
    /// The `operationId`, when the path is one of the contract's.
    #[serde(default)]
    pub operation: Option<String>,
    pub status: u16,
    #[serde(default)]
    pub if_match: Option<String>,
    #[serde(default)]
    pub if_none_match: Option<String>,
    pub csrf: bool,
    /// The JSON body, with any `token` replaced by its last 4 characters: the log is read
    /// by tests and printed, and the token is a secret even here.
    #[serde(default)]
    pub body: Option<serde_json::Value>,
}

/// The faults waiting to fire, the log, the global latency, and the CSP violations.
#[derive(Debug, Default)]
pub struct Controls {
    faults: Vec<FaultSpec>,
    pub latency: Duration,
    /// While set, every call of this operation that arrives waits until its gate is
    /// dropped: a test keeps a call in flight for exactly as long as it needs, not for a
    /// fixed time that a slow browser may outlast.
    holding: Option<(Operation, watch::Sender<()>)>,
    /// Gates that hold calls already waiting but no new ones.
    held: Vec<watch::Sender<()>>,
    log: VecDeque<LoggedRequest>,
    next_seq: u64,
    arrivals: u64,
    csp_reports: VecDeque<CspReport>,
    /// The session's CSRF token after a new login (tests: the host's `session-renewed`);
    /// `None`: the configured one.
    renewed_csrf: Option<String>,
}

/// The log keeps the last this many calls.
const LOG_CAPACITY: usize = 5_000;

/// The last this many CSP violation reports are kept.
const CSP_REPORT_CAPACITY: usize = 1_000;

impl Controls {
    /// The session logs in again: writes must carry `token` from now on, the old one is refused.
    pub fn renew_csrf_token(&mut self, token: &str) {
        self.renewed_csrf = Some(token.to_owned());
    }

    /// The token writes must carry, if renewed.
    pub fn renewed_csrf_token(&self) -> Option<&str> {
        self.renewed_csrf.as_deref()
    }

    pub fn add_fault(&mut self, fault: FaultSpec) {
        if fault.count > 0 {
            self.faults.push(fault);
        }
    }

    pub fn clear_faults(&mut self) {
        self.faults.clear();
    }

    pub fn pending_faults(&self) -> &[FaultSpec] {
        &self.faults
    }

    /// The first fault for `op`, used up by one.
    pub fn take_fault(&mut self, op: Operation) -> Option<FaultSpec> {
        let index = self.faults.iter().position(|f| f.applies_to(op))?;
        let fault = self.faults[index].clone();
        self.faults[index].count -= 1;
        if self.faults[index].count == 0 {
            self.faults.remove(index);
        }
        Some(fault)
    }

    /// From now on, every call of `op` that arrives waits until [`Self::release_held`].
    pub fn hold_new_calls(&mut self, op: Operation) {
        self.stop_holding_new_calls();
        self.holding = Some((op, watch::channel(()).0));
    }

    /// Calls that arrive from now on pass; those already held keep waiting.
    pub fn stop_holding_new_calls(&mut self) {
        self.held.extend(self.holding.take().map(|(_, gate)| gate));
    }

    /// Lets every held call go on, and holds no new one.
    pub fn release_held(&mut self) {
        self.holding = None;
        self.held.clear();
    }

    /// What a call of `op` arriving now must wait for: the gate's sender to be dropped.
    pub fn gate(&self, op: Option<Operation>) -> Option<watch::Receiver<()>> {
        let (held, gate) = self.holding.as_ref()?;
        (op == Some(*held)).then(|| gate.subscribe())
    }

    /// Numbers a call as it arrives.
    pub fn arrive(&mut self) -> u64 {
        self.arrivals += 1;
        self.arrivals
    }

    /// How many calls have arrived so far.
    pub fn arrivals(&self) -> u64 {
        self.arrivals
    }

    pub fn log(&mut self, mut entry: LoggedRequest) {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        if self.log.len() == LOG_CAPACITY {
            self.log.pop_front();
        }
        self.log.push_back(entry);
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.log.iter().cloned().collect()
    }

    pub fn clear_log(&mut self) {
        self.log.clear();
    }

    /// Keeps a violation the browser reported (`report-uri /__dev/csp-reports`).
    pub fn add_csp_report(&mut self, report: CspReport) {
        if self.csp_reports.len() == CSP_REPORT_CAPACITY {
            self.csp_reports.pop_front();
        }
        self.csp_reports.push_back(report);
    }

    /// The reported CSP violations, oldest first; the end-to-end tests fail on any.
    pub fn csp_reports(&self) -> Vec<CspReport> {
        self.csp_reports.iter().cloned().collect()
    }

    pub fn clear_csp_reports(&mut self) {
        self.csp_reports.clear();
    }
}

/// Replaces a `token` member's value by "…" and its last 4 characters.
pub fn redact_token(body: &mut serde_json::Value) {
    if let Some(token) = body.get_mut("token") {
        if let Some(text) = token.as_str() {
            *token = serde_json::Value::String(max_channel_contract::token_hint(text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(op: &str, count: u32) -> FaultSpec {
        serde_json::from_value(serde_json::json!({"operation": op, "count": count, "status": 500})).unwrap()
    }

    #[tokio::test]
    async fn held_calls_wait_until_released_and_new_ones_pass_once_holding_stops() {
        let (save, read) = (Operation::PutMaxSettings, Operation::GetMaxSettings);
        let mut c = Controls::default();
        assert!(c.gate(Some(save)).is_none(), "nothing held by default");
        c.hold_new_calls(save);
        assert!(c.gate(Some(read)).is_none() && c.gate(None).is_none(), "other calls pass");
        let mut first = c.gate(Some(save)).expect("held");
        let waiting = tokio::spawn(async move { first.changed().await.is_err() });
        c.stop_holding_new_calls();
        assert!(c.gate(Some(save)).is_none(), "a call arriving now passes");
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "the call held before still waits");
        c.release_held();
        let released = tokio::time::timeout(Duration::from_secs(5), waiting).await;
        assert!(matches!(released, Ok(Ok(true))), "released by the gate's drop: {released:?}");
    }

    #[test]
    fn faults_fire_count_times_for_their_operation_only() {
        let mut c = Controls::default();
        c.add_fault(fault("getMaxSettings", 2));
        assert!(c.take_fault(Operation::ListGroups).is_none());
        assert!(c.take_fault(Operation::GetMaxSettings).is_some());
        assert!(c.take_fault(Operation::GetMaxSettings).is_some());
        assert!(c.take_fault(Operation::GetMaxSettings).is_none());
        c.add_fault(fault("*", 1));
        assert!(c.take_fault(Operation::ListGroups).is_some());
        assert!(c.pending_faults().is_empty());
    }

    #[test]
    fn the_token_is_redacted() {
        let mut body = serde_json::json!({"token": "abcdefgh12345", "settings": {}});
        redact_token(&mut body);
        assert_eq!(body["token"], "…2345");
    }
}
