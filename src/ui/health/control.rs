//! The card's controller: the three calls (`getMaxHealth`, `checkMaxHealth`,
//! `repairMaxHealth`), one at a time, what they learnt and how they failed.

use leptos::prelude::*;
use max_channel_contract::ChannelHealth;

use crate::api::{ApiError, SharedBackend};
use crate::i18n::{count, Msg, Tr};
use crate::ui::{use_tasks, AppValue, Tasks};

/// A call of the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// The minute's refresh (`getMaxHealth`).
    Refresh,
    /// «Проверить сейчас».
    Check,
    /// «Восстановить подписку».
    Repair,
}

/// The card's state; cheap to copy into handlers and tasks.
#[derive(Clone, Copy)]
pub struct HealthControl {
    api: StoredValue<SharedBackend>,
    /// The card's calls: they end with it.
    tasks: Tasks,
    /// The app's known health: every badge follows it.
    known: AppValue<Option<ChannelHealth>>,
    /// The known health, as the card reads it.
    pub health: ReadSignal<Option<ChannelHealth>>,
    pub busy: RwSignal<Option<Call>>,
    /// The last call's failure; the health before it stays shown.
    pub failure: RwSignal<Option<(Call, ApiError)>>,
    /// «Подписка восстановлена.» after a repair, until the next call.
    pub repaired: RwSignal<bool>,
    /// When a call refused with 429 may go again (browser ms).
    pub wait_until: RwSignal<Option<(Call, f64)>>,
    /// The browser's time, ticking (see `use_health_refresh`): relative times and countdowns.
    pub now_ms: RwSignal<f64>,
    /// When the last answer came (browser ms): the next refresh is a minute after it.
    pub answered_at: StoredValue<Option<f64>>,
}

impl HealthControl {
    pub fn new(api: SharedBackend, known: AppValue<Option<ChannelHealth>>) -> HealthControl {
        HealthControl {
            api: StoredValue::new(api),
            tasks: use_tasks(),
            known,
            health: known.read(),
            busy: RwSignal::new(None),
            failure: RwSignal::new(None),
            repaired: RwSignal::new(false),
            wait_until: RwSignal::new(None),
            now_ms: RwSignal::new(js_sys::Date::now()),
            answered_at: StoredValue::new(None),
        }
    }

    /// Runs `call` unless one is running (one request at a time) or the back end asked to
    /// wait. The task ends with the card.
    pub fn run(&self, call: Call) {
        if self.busy.get_untracked().is_some() || self.seconds_to_wait(call, js_sys::Date::now()).is_some() {
            return;
        }
        self.busy.set(Some(call));
        if call != Call::Refresh {
            self.failure.set(None);
            self.repaired.set(false);
        }
        let ctl = *self;
        let api = self.api.get_value();
        self.tasks.spawn(async move {
            let answer = match call {
                Call::Refresh => api.health().await,
                Call::Check => api.check_health().await,
                Call::Repair => api.repair_health().await,
            };
            ctl.answered(call, answer);
        });
    }

    fn answered(&self, call: Call, answer: Result<ChannelHealth, ApiError>) {
        let now = js_sys::Date::now();
        self.busy.set(None);
        self.answered_at.set_value(Some(now));
        self.now_ms.set(now);
        match answer {
            Ok(health) => {
                self.known.set(Some(health));
                self.failure.set(None);
                self.repaired.set(call == Call::Repair);
            }
            Err(error) => {
                if let ApiError::RateLimited { retry_after: Some(seconds) } = &error {
                    self.wait_until.set(Some((call, now + f64::from(*seconds) * 1000.0)));
                }
                if matches!(error, ApiError::NotFound) {
                    // Disconnected elsewhere: nothing to check, no health to show.
                    self.known.set(None);
                }
                self.failure.set(Some((call, error)));
            }
        }
    }

    /// Whole seconds until `call` may go again after a 429, if it must still wait.
    pub fn seconds_to_wait(&self, call: Call, now_ms: f64) -> Option<u32> {
        let (refused, until) = self.wait_until.get_untracked()?;
        let left = crate::domain::when::seconds_left(until, now_ms);
        (refused == call && left >= 1).then_some(left)
    }

    /// The minute's refresh stops for good after these: the session ended, the rights are
    /// missing or the channel is gone; repeating them would only repeat the refusal.
    pub fn stopped(&self) -> bool {
        // A card that is gone has stopped too.
        self.failure
            .try_with_untracked(|f| {
                matches!(f, Some((_, ApiError::Unauthorized | ApiError::Forbidden | ApiError::NotFound)))
            })
            .unwrap_or(true)
    }

    /// The back end's «now» in seconds: the browser's clock corrected by the back end's `Date`.
    pub fn server_now(&self, browser_ms: f64) -> i64 {
        (self.api.with_value(|api| api.server_now_ms(browser_ms)) / 1000.0).floor() as i64
    }
}

/// A failed call in words, each cause its own: 429 with the wait still left (`seconds_left`,
/// counting down; zero: it is over), MAX not answering, MAX refusing the token, and the
/// app's usual messages for the rest (401, network…).
pub fn failure_text(tr: Tr, error: &ApiError, seconds_left: u32) -> String {
    match error {
        ApiError::RateLimited { retry_after: Some(_) } if seconds_left == 0 => tr.t(Msg::ErrRateLimitedOver).to_owned(),
        ApiError::RateLimited { retry_after: Some(_) } => {
            let wait = count(tr.0, Msg::UnitSecondAfter, u64::from(seconds_left));
            tr.f(Msg::HealthErrRateLimited, &[("wait", &wait)])
        }
        ApiError::MaxUnavailable => tr.t(Msg::HealthErrMaxDown).to_owned(),
        ApiError::TokenInvalid => tr.t(Msg::HealthErrTokenInvalid).to_owned(),
        other => other.message(tr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn each_failure_of_check_and_repair_has_its_own_words() {
        let tr = Tr(Locale::Ru);
        let cases = [
            (
                ApiError::RateLimited { retry_after: Some(7) },
                "MAX можно спрашивать не так часто. Повторите через 7 секунд.",
            ),
            (
                ApiError::RateLimited { retry_after: Some(1) },
                "MAX можно спрашивать не так часто. Повторите через 1 секунду.",
            ),
            (ApiError::MaxUnavailable, "MAX не ответил. Ниже — последние известные данные; попробуйте чуть позже."),
            (
                ApiError::TokenInvalid,
                "MAX не принимает токен канала, поэтому подписку восстановить нельзя. Замените токен в настройках.",
            ),
        ];
        for (error, text) in cases {
            let left = match error {
                ApiError::RateLimited { retry_after } => retry_after.unwrap_or(0),
                _ => 0,
            };
            assert_eq!(failure_text(tr, &error, left), text, "{error:?}");
        }
        let limited = ApiError::RateLimited { retry_after: Some(7) };
        assert_eq!(failure_text(tr, &limited, 0), "Слишком много попыток. Теперь можно повторить.", "the wait is over");
        // The rest say what the app says everywhere: 401, network, time-out, 5xx.
        for error in [ApiError::Unauthorized, ApiError::Network, ApiError::Timeout, ApiError::Internal { status: 500 }]
        {
            assert_eq!(failure_text(tr, &error, 0), error.message(tr), "{error:?}");
        }
        let texts: std::collections::HashSet<String> = [
            ApiError::RateLimited { retry_after: Some(7) },
            ApiError::MaxUnavailable,
            ApiError::TokenInvalid,
            ApiError::Unauthorized,
            ApiError::Network,
            ApiError::Timeout,
        ]
        .iter()
        .map(|e| failure_text(tr, e, 7))
        .collect();
        assert_eq!(texts.len(), 6, "no two causes read the same");
    }
}
