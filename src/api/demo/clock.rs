//! The clocks of preview mode: the browser's, and a fake's moved to the preview's fixed
//! moment.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use max_channel_fake::Clock;

/// The browser's clock, `Date.now()`: `SystemTime` has no source on wasm32.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, Default)]
pub struct JsClock;

#[cfg(target_arch = "wasm32")]
impl Clock for JsClock {
    fn now_ms(&self) -> i64 {
        js_sys::Date::now() as i64
    }
}

/// Makes the clock of each fresh fake (one per data scenario). Tests hand in a
/// `ManualClock`, whose clones share the time, to move it.
pub type ClockSource = Box<dyn Fn() -> Box<dyn Clock> + Send + Sync>;

/// The real time: the browser's, or the machine's where the unit tests run natively.
pub(super) fn real_clock() -> Box<dyn Clock> {
    #[cfg(target_arch = "wasm32")]
    return Box::new(JsClock);
    #[cfg(not(target_arch = "wasm32"))]
    return Box::new(max_channel_fake::clock::SystemClock);
}

/// A fake's clock moved by the preview's fixed moment: the fake's «now» and the pages'
/// «now» (`server_clock_offset_ms`) are the same.
pub(super) struct MovedClock {
    pub(super) clock: Box<dyn Clock>,
    pub(super) offset_ms: Arc<AtomicI64>,
}

impl Clock for MovedClock {
    fn now_ms(&self) -> i64 {
        self.clock.now_ms() + self.offset_ms.load(Ordering::Relaxed)
    }
}

/// A timer future on the browser's event loop.
#[cfg(target_arch = "wasm32")]
pub(super) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Natively (the unit tests) there is no event loop to wait on: a wait yields once, so a
/// test sees a held call pending and can let it go.
#[cfg(not(target_arch = "wasm32"))]
pub(super) async fn sleep(_ms: u32) {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if std::mem::replace(&mut yielded, true) {
            std::task::Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}
