//! The panel's controller: the test it started, its two calls (`startMaxDeliveryTest`,
//! `getMaxDeliveryTest`), one at a time, and how they failed. Every call belongs to the
//! panel (`use_tasks`): dropped when the panel goes, so a call of a closed panel never answers.

use leptos::callback::Callable;
use leptos::prelude::*;
use max_channel_contract::DeliveryTest;

use crate::api::{ApiError, SharedBackend};
use crate::domain::delivery_check::{outcome, Outcome};
use crate::i18n::Msg;
use crate::ui::insights::{use_insights, Insights};
use crate::ui::{use_app, use_tasks, Tasks};

/// What the panel's opener gives it: how to close (with the reason, when the panel closes
/// itself) and what «Заменить токен» does where the panel was opened.
#[derive(Clone, Copy)]
pub struct PanelHost {
    pub close: Callback<Option<Msg>>,
    pub replace_token: Callback<()>,
    /// The id of the panel's heading (the dialog is labelled by it).
    pub title_id: StoredValue<String>,
}

impl PanelHost {
    /// Closes the panel (with the reason, when it closes itself) once the event or the
    /// answer at hand is over: closing disposes the panel, handler and all.
    pub fn dismiss(self, why: Option<Msg>) {
        let close = self.close;
        // The opener may be gone by then (the page left): then there is nothing to close.
        request_animation_frame(move || {
            let _ = close.try_run(why);
        });
    }

    /// «Заменить токен»: closes the panel, then takes the person to the token's field.
    pub fn to_token_field(self) {
        let (close, replace) = (self.close, self.replace_token);
        request_animation_frame(move || {
            let _ = close.try_run(None);
            let _ = replace.try_run(());
        });
    }
}

/// Where the panel stands with its start.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Starting,
    Started,
    /// The start failed; «Повторить» (or, after a 429, «Проверить через N с») starts again.
    StartFailed(ApiError),
}

/// The panel's state; cheap to copy into handlers and tasks.
#[derive(Clone, Copy)]
pub struct Check {
    insights: StoredValue<Insights>,
    /// The pages' back end: its clock knows how far the back end's is ahead.
    api: StoredValue<SharedBackend>,
    tasks: Tasks,
    pub host: PanelHost,
    pub stage: RwSignal<Stage>,
    pub test: RwSignal<Option<DeliveryTest>>,
    /// The last `getMaxDeliveryTest` that failed; asking stops until «Повторить».
    pub failure: RwSignal<Option<ApiError>>,
    pub in_flight: RwSignal<bool>,
    /// When a call refused with 429 may go again (browser ms).
    pub wait_until: RwSignal<Option<f64>>,
    pub answered_at: StoredValue<Option<f64>>,
    /// The browser's time, ticking while there is a countdown to show.
    pub now_ms: RwSignal<f64>,
}

impl Check {
    /// A check whose calls end with the calling component.
    pub fn new(host: PanelHost) -> Check {
        Check {
            insights: StoredValue::new(use_insights()),
            api: StoredValue::new(use_app().api),
            tasks: use_tasks(),
            host,
            stage: RwSignal::new(Stage::Starting),
            test: RwSignal::new(None),
            failure: RwSignal::new(None),
            in_flight: RwSignal::new(false),
            wait_until: RwSignal::new(None),
            answered_at: StoredValue::new(None),
            now_ms: RwSignal::new(js_sys::Date::now()),
        }
    }

    /// The back end's «now» in seconds, for the browser's `browser_ms`.
    pub fn server_now(&self, browser_ms: f64) -> i64 {
        (self.api.with_value(|api| api.server_now_ms(browser_ms)) / 1000.0).floor() as i64
    }

    /// The test at the clock's time, if started.
    pub fn outcome(&self, browser_ms: f64) -> Option<Outcome> {
        let now = self.server_now(browser_ms);
        self.test.with(|test| test.as_ref().map(|test| outcome(test, now)))
    }

    /// Seconds until a 429's wait ends, if it has not.
    pub fn seconds_to_wait(&self, now_ms: f64) -> Option<u32> {
        let left = crate::domain::when::seconds_left(self.wait_until.get()?, now_ms);
        (left >= 1).then_some(left)
    }

    /// Starts a test («Проверить связь», «Проверить ещё раз», «Повторить» after a failed
    /// start): the older test, if any, is forgotten.
    pub fn start(&self) {
        if self.in_flight.get_untracked() || self.seconds_to_wait(js_sys::Date::now()).is_some() {
            return;
        }
        self.stage.set(Stage::Starting);
        self.test.set(None);
        self.failure.set(None);
        self.in_flight.set(true);
        let (check, call) = (*self, self.insights.get_value());
        self.tasks.spawn(async move {
            let answer = call.start_delivery_test().await;
            check.started(answer);
        });
    }

    fn started(&self, answer: Result<DeliveryTest, ApiError>) {
        let now = js_sys::Date::now();
        self.in_flight.set(false);
        self.now_ms.set(now);
        match answer {
            Ok(test) => {
                self.answered_at.set_value(Some(now));
                self.test.set(Some(test));
                self.stage.set(Stage::Started);
            }
            Err(ApiError::NotFound) => self.host.dismiss(Some(Msg::DeliveryGone)),
            Err(error) => {
                self.note_wait(&error, now);
                self.stage.set(Stage::StartFailed(error));
            }
        }
    }

    /// `getMaxDeliveryTest` for the test shown, unless a call is on its way.
    pub fn ask(&self) {
        let Some(id) = self.test.with_untracked(|t| t.as_ref().map(|t| t.id.clone())) else { return };
        if self.in_flight.get_untracked() {
            return;
        }
        self.in_flight.set(true);
        let (check, call) = (*self, self.insights.get_value());
        self.tasks.spawn(async move {
            let answer = call.delivery_test(&id).await;
            check.answered(answer);
        });
    }

    fn answered(&self, answer: Result<DeliveryTest, ApiError>) {
        let now = js_sys::Date::now();
        self.in_flight.set(false);
        self.answered_at.set_value(Some(now));
        self.now_ms.set(now);
        match answer {
            Ok(test) => {
                self.failure.set(None);
                self.test.set(Some(test));
            }
            // The channel was disconnected meanwhile: nothing is left to test.
            Err(ApiError::NotFound) => self.host.dismiss(Some(Msg::DeliveryGone)),
            // Asking goes on by itself once the wait is over.
            Err(error @ ApiError::RateLimited { .. }) => self.note_wait(&error, now),
            Err(error) => self.failure.set(Some(error)),
        }
    }

    /// «Повторить» after a failed `getMaxDeliveryTest`: asks again at once.
    pub fn retry(&self) {
        self.failure.set(None);
        self.ask();
    }

    fn note_wait(&self, error: &ApiError, now: f64) {
        if let ApiError::RateLimited { retry_after } = error {
            // Without a `Retry-After`, the contract's interval between starts.
            let seconds = retry_after.unwrap_or(max_channel_contract::DELIVERY_TEST_START_INTERVAL_SECONDS as u32);
            self.wait_until.set(Some(now + f64::from(seconds) * 1000.0));
        }
    }
}
