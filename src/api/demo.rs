//! Preview mode (`?demo`): the app over the one fake back end, `max_channel_fake::Fake`, in
//! the browser, so designers can click through every state with nothing else running.
//!
//! This is a thin adapter: the fake keeps the account, the rules, the directory, MAX and
//! the history exactly as the dev back end serves them over HTTP, and every refusal becomes
//! the [`ApiError`] the HTTP client would read from it (see [`refused`]), so preview and the
//! dev back end answer alike, error for error. What the adapter adds is the scenario
//! panel's knobs: injected faults and a slow network.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use max_channel_contract::*;
use max_channel_fake::{Fake, HealthCall, Refusal, RefusalBody};

pub use clock::ClockSource;
#[cfg(target_arch = "wasm32")]
pub use clock::JsClock;
use clock::{real_clock, sleep, MovedClock};
pub use scenario::{DemoFault, FaultRule, FaultTarget, Preset, Scenario, TokenAnswer, WeekMoment};

use super::{ApiError, ApiFuture, Loaded, Precondition};

impl DemoFault {
    /// The error a call of `op` answers with, if this fault touches it. `current`: the
    /// stored settings, which a 412 carries.
    fn error_for(self, op: Operation, current: Option<Loaded>) -> Option<ApiError> {
        // `getMaxHealth` is not among them: with MAX down it answers `overall: unknown`.
        let asks_max = matches!(
            op,
            Operation::VerifyMaxToken
                | Operation::PutMaxSettings
                | Operation::CheckMaxHealth
                | Operation::RepairMaxHealth
        );
        let error = match self {
            DemoFault::Unauthorized => ApiError::Unauthorized,
            DemoFault::Forbidden => ApiError::Forbidden,
            DemoFault::Internal => ApiError::Internal { status: 500 },
            DemoFault::BadGateway => ApiError::Other { status: 502, code: "bad_gateway".into() },
            DemoFault::RateLimited => ApiError::RateLimited { retry_after: Some(30) },
            DemoFault::Network => ApiError::Network,
            DemoFault::Timeout => ApiError::Timeout,
            DemoFault::Unexpected => ApiError::Unexpected("preview: an HTML error page".into()),
            DemoFault::MaxUnavailable if asks_max => ApiError::MaxUnavailable,
            DemoFault::VersionConflict if op == Operation::PutMaxSettings => {
                ApiError::VersionConflict(current.map(Box::new))
            }
            DemoFault::MaxUnavailable | DemoFault::VersionConflict => return None,
        };
        Some(error)
    }
}

/// The wait of the slow-network scenario, and of a token starting `slow`.
pub const SLOW_MS: u32 = 2_000;

/// How often a held call looks whether it may go on.
const HOLD_LOOK_MS: u32 = 200;

/// The error a refusal of the fake stands for: exactly what the HTTP client makes of the
/// same answer from the dev back end, `ApiError::from_response(status, &refusal.json(),
/// retry_after)` — the tests prove it refusal by refusal. It hands the body to the same
/// mapping ([`ApiError::from_body`]) as it is, instead of writing its JSON out and parsing
/// it back: that round trip cost 0.5 KB brotli of wasm.
pub fn refused(refusal: Refusal) -> ApiError {
    // A `Retry-After` beyond u32 does not parse in the HTTP client either.
    let retry_after = refusal.retry_after.and_then(|s| u32::try_from(s).ok());
    // 412 first, as `from_response` reads it: a conflict, with their settings if carried.
    match (refusal.status, refusal.body) {
        (412, RefusalBody::Conflict(body)) => ApiError::VersionConflict(Some(Box::new(body.current))),
        (412, RefusalBody::Error(_)) => ApiError::VersionConflict(None),
        (status, RefusalBody::Error(body)) => ApiError::from_body(status, body, retry_after),
        (status, RefusalBody::Conflict(body)) => {
            ApiError::from_body(status, ErrorBody { error: body.error }, retry_after)
        }
    }
}

struct Inner {
    scenario: Scenario,
    fake: Fake,
}

/// Told when the back end changes the scenario itself: an error set for once has been met.
pub type ScenarioListener = Box<dyn Fn(Scenario) + Send + Sync>;

/// The in-browser back end: the fake behind a lock (the trait wants `Sync`; the browser
/// has one thread, so it is never contended).
pub struct DemoBackend {
    inner: Mutex<Inner>,
    clock: ClockSource,
    /// How far the preview's clock stands from the real one (a fixed moment), in ms.
    offset_ms: Arc<AtomicI64>,
    listener: Mutex<Option<ScenarioListener>>,
}

impl DemoBackend {
    pub fn new(scenario: Scenario) -> DemoBackend {
        DemoBackend::with_clock(scenario, Box::new(real_clock))
    }

    pub fn with_clock(scenario: Scenario, clock: ClockSource) -> DemoBackend {
        let offset_ms = Arc::new(AtomicI64::new(0));
        let fake = scenario.data.build(Box::new(MovedClock { clock: clock(), offset_ms: offset_ms.clone() }));
        DemoBackend { inner: Mutex::new(Inner { scenario, fake }), clock, offset_ms, listener: Mutex::new(None) }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn fresh_fake(&self, data: Preset) -> Fake {
        data.build(Box::new(MovedClock { clock: (self.clock)(), offset_ms: self.offset_ms.clone() }))
    }

    pub fn scenario(&self) -> Scenario {
        self.inner().scenario
    }

    /// Switches the scenario. A new account starts from a fresh fake with that preset's
    /// data; every other knob leaves the account as it is.
    pub fn set_scenario(&self, scenario: Scenario) {
        let mut inner = self.inner();
        if inner.scenario.data != scenario.data {
            inner.fake = self.fresh_fake(scenario.data);
        }
        inner.scenario = scenario;
    }

    /// Moves the clock by `offset_ms` from the real time and starts the account afresh on
    /// it, so its data («5 минут назад») is as old on the moved clock as on the real one.
    pub fn set_clock_offset(&self, offset_ms: i64) {
        self.offset_ms.store(offset_ms, Ordering::Relaxed);
        let mut inner = self.inner();
        inner.fake = self.fresh_fake(inner.scenario.data);
    }

    /// Who hears the scenario change when the back end changes it.
    pub fn listen(&self, listener: ScenarioListener) {
        *self.listener.lock().unwrap_or_else(|e| e.into_inner()) = Some(listener);
    }

    /// The fault this call meets, if any; an error set for once is then switched off.
    fn fault(&self, op: Operation) -> Result<(), ApiError> {
        let (error, after) = {
            let mut inner = self.inner();
            let Some(rule) = inner.scenario.fault.filter(|rule| rule.on.meets(op)) else {
                return Ok(());
            };
            let current = if rule.fault == DemoFault::VersionConflict { inner.fake.settings().ok() } else { None };
            let Some(error) = rule.fault.error_for(op, current) else {
                return Ok(());
            };
            if rule.once {
                inner.scenario.fault = None;
            }
            (error, rule.once.then_some(inner.scenario))
        };
        if let Some(scenario) = after {
            if let Some(listener) = self.listener.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
                listener(scenario);
            }
        }
        Err(error)
    }

    /// Waits like a network would, then applies the scenario's fault. Boxed, so the one
    /// state machine is shared by every call instead of copied into each (wasm bytes).
    fn call(&self, op: Operation) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            if self.scenario().slow {
                sleep(SLOW_MS).await;
            }
            // «Держать загрузку»: looked at again every [`HOLD_LOOK_MS`], so the calls go
            // on soon after the designer lets them.
            while self.scenario().hold {
                sleep(HOLD_LOOK_MS).await;
            }
            self.fault(op)
        })
    }

    /// A call of `op` through the scenario, then answered by `answer` (one of the `*_now`
    /// adapters below).
    fn answer<'a, T: 'a>(
        &'a self,
        op: Operation,
        answer: impl FnOnce() -> Result<T, ApiError> + 'a,
    ) -> ApiFuture<'a, T> {
        Box::pin(async move {
            self.call(op).await?;
            answer()
        })
    }

    pub fn channel_groups_now(&self) -> ChannelGroups {
        self.inner().fake.channel_groups()
    }

    pub fn max_channel_now(&self) -> MaxChannel {
        self.inner().fake.max_channel()
    }

    /// `None` before the first save, as the HTTP client reads the 404.
    pub fn settings_now(&self) -> Result<Option<Loaded>, ApiError> {
        match self.inner().fake.settings().map_err(refused) {
            Ok(loaded) => Ok(Some(loaded)),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The token MAX is asked about: the typed one, or the panel's answer's stand-in.
    fn asked_token(&self, token: &str) -> String {
        self.scenario().token.stand_in().unwrap_or(token).to_owned()
    }

    pub fn verify_now(&self, token: &str) -> Result<BotInfo, ApiError> {
        let request = TokenVerifyRequest { token: self.asked_token(token) };
        self.inner().fake.verify_token(&request).map(|answer| answer.bot).map_err(refused)
    }

    pub fn save_now(&self, write: &SettingsWrite, precondition: &Precondition) -> Result<Loaded, ApiError> {
        let precondition = match precondition {
            Precondition::Version(version) => max_channel_fake::Precondition::IfMatch(version.clone()),
            Precondition::Create => max_channel_fake::Precondition::CreateOnly,
        };
        match &write.token {
            Some(token) if self.scenario().token != TokenAnswer::Valid => {
                let write = SettingsWrite { token: Some(self.asked_token(token)), ..write.clone() };
                self.inner().fake.save(&precondition, &write).map_err(refused)
            }
            _ => self.inner().fake.save(&precondition, write).map_err(refused),
        }
    }

    pub fn disconnect_now(&self) {
        self.inner().fake.disconnect();
    }

    pub fn employees_now(&self, query: &EmployeeQuery) -> Result<EmployeePage, ApiError> {
        self.inner().fake.employees(query).map_err(refused)
    }

    pub fn groups_now(&self) -> GroupList {
        self.inner().fake.groups()
    }

    pub fn chat_bots_now(&self) -> ChatBotList {
        self.inner().fake.chat_bots()
    }

    /// `getMaxHealth`, `checkMaxHealth` or `repairMaxHealth`, the fake MAX answering.
    pub fn health_now(&self, call: HealthCall) -> Result<ChannelHealth, ApiError> {
        self.inner().fake.health(call).map_err(refused)
    }

    pub fn schedule_now(&self) -> WorkSchedule {
        self.inner().fake.schedule()
    }

    pub fn history_now(&self, query: &HistoryQuery) -> Result<HistoryPage, ApiError> {
        self.inner().fake.history(query).map_err(refused)
    }
}

mod backend;
mod clock;
mod delivery;
mod scenario;

#[cfg(test)]
mod tests;
