//! Time as the fake back end sees it: a [`Clock`] it is given, plus a skew that tests and
//! demos move forward (e.g. eight hours of failing deliveries in one step).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use max_channel_contract::time::Moment;

/// Where "now" comes from: the system clock natively, `Date.now()` in the browser, a
/// [`ManualClock`] in tests.
pub trait Clock: Send {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    fn now_ms(&self) -> i64;
}

/// The offset the fake writes its moments with: the account's zone, Moscow (UTC+3 all year).
pub const OFFSET_MINUTES: i32 = 180;

/// An RFC 3339 moment (`2026-12-01T09:30:00+03:00`) for seconds since the epoch.
pub fn rfc3339(unix_seconds: i64) -> String {
    Moment { unix_seconds, offset_minutes: OFFSET_MINUTES }.to_rfc3339()
}

/// A clock that stands still until moved; clones share the time.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// Starts at an RFC 3339 moment.
    ///
    /// # Panics
    /// When `moment` is not RFC 3339 (a test's typo).
    pub fn at(moment: &str) -> ManualClock {
        let at = Moment::parse(moment).unwrap_or_else(|| panic!("not RFC 3339: {moment}"));
        ManualClock(Arc::new(AtomicI64::new(at.unix_seconds * 1000)))
    }

    pub fn advance_seconds(&self, seconds: i64) {
        self.0.fetch_add(seconds * 1000, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The machine's clock. Not on `wasm32-unknown-unknown`, where `SystemTime` has no source:
/// the browser passes a clock over `Date.now()`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

#[cfg(not(target_arch = "wasm32"))]
impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
    }
}
