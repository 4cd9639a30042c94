//! Calls that end with the page that made them.
//!
//! A Leptos resource or a spawned task lets its future run to the end even after its page
//! is gone, so a page wraps its back end in a [`Scoped`] one and cancels the scope when it
//! unmounts: every call still running is then dropped at once, which aborts its fetch (see
//! `http::AbortGuard`), and **never answers** — the code after its `.await` does not run, so
//! it cannot touch the page's signals, which were disposed with it. A cancelled call is no
//! outcome at all: never an error to show, never mistaken for a network failure.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use max_channel_contract::*;

use super::{ApiError, ApiFuture, Backend, Loaded, Precondition, SharedBackend};

#[derive(Debug, Default)]
struct Flag {
    cancelled: bool,
    /// The waker of each call still running, by its slot; a call removes its own when it
    /// ends, so a long-lived page does not collect one per call it ever made.
    wakers: Vec<(u64, Waker)>,
    next_slot: u64,
}

/// Cancels every call of a scope; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<Mutex<Flag>>);

impl CancelToken {
    fn flag(&self) -> std::sync::MutexGuard<'_, Flag> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn cancel(&self) {
        let wakers = {
            let mut flag = self.flag();
            flag.cancelled = true;
            std::mem::take(&mut flag.wakers)
        };
        wakers.into_iter().for_each(|(_, waker)| waker.wake());
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag().cancelled
    }

    /// How many calls of the scope are waiting (tests: none is left behind).
    pub fn waiting(&self) -> usize {
        self.flag().wakers.len()
    }

    fn forget(&self, slot: u64) {
        self.flag().wakers.retain(|(s, _)| *s != slot);
    }
}

/// `call`, unless the token is cancelled first: then `call` is dropped unfinished and this
/// future stays pending for good (nothing holds its waker, so its task is freed).
pub struct UntilCancelled<'a, T> {
    call: Option<ApiFuture<'a, T>>,
    token: CancelToken,
    slot: Option<u64>,
}

impl<T> Future for UntilCancelled<'_, T> {
    type Output = Result<T, ApiError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        {
            let token = self.token.clone();
            let mut flag = token.flag();
            if flag.cancelled {
                drop(flag);
                self.call = None;
                self.slot = None;
                return Poll::Pending;
            }
            let slot = match self.slot {
                Some(slot) => slot,
                None => {
                    flag.next_slot += 1;
                    let slot = flag.next_slot;
                    self.slot = Some(slot);
                    slot
                }
            };
            match flag.wakers.iter_mut().find(|(s, _)| *s == slot) {
                Some((_, waker)) if waker.will_wake(cx.waker()) => {}
                Some((_, waker)) => waker.clone_from(cx.waker()),
                None => flag.wakers.push((slot, cx.waker().clone())),
            }
        }
        let Some(call) = self.call.as_mut() else {
            return Poll::Pending;
        };
        let answer = call.as_mut().poll(cx);
        if answer.is_ready() {
            self.call = None;
            if let Some(slot) = self.slot.take() {
                self.token.forget(slot);
            }
        }
        answer
    }
}

impl<T> Drop for UntilCancelled<'_, T> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            self.token.forget(slot);
        }
    }
}

/// `call`, ended with `token` (see [`UntilCancelled`]): for calls outside [`Backend`], such
/// as Contract 1.2's ([`super::ChannelInsights`]).
pub fn until_cancelled<'a, T: 'a>(token: &CancelToken, call: ApiFuture<'a, T>) -> ApiFuture<'a, T> {
    Box::pin(UntilCancelled { call: Some(call), token: token.clone(), slot: None })
}

fn until<'a, T: 'a>(token: &CancelToken, call: ApiFuture<'a, T>) -> ApiFuture<'a, T> {
    until_cancelled(token, call)
}

/// A back end whose calls end when its token is cancelled.
pub struct Scoped {
    inner: SharedBackend,
    token: CancelToken,
}

impl Scoped {
    pub fn new(inner: SharedBackend, token: CancelToken) -> Scoped {
        Scoped { inner, token }
    }
}

impl Backend for Scoped {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        until(&self.token, self.inner.channel_groups())
    }
    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        until(&self.token, self.inner.max_channel())
    }
    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        until(&self.token, self.inner.settings())
    }
    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        until(&self.token, self.inner.verify_token(token))
    }
    fn save_settings<'a>(&'a self, write: &'a SettingsWrite, precondition: &'a Precondition) -> ApiFuture<'a, Loaded> {
        until(&self.token, self.inner.save_settings(write, precondition))
    }
    fn disconnect(&self) -> ApiFuture<'_, ()> {
        until(&self.token, self.inner.disconnect())
    }
    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage> {
        until(&self.token, self.inner.employees(query))
    }
    fn groups(&self) -> ApiFuture<'_, GroupList> {
        until(&self.token, self.inner.groups())
    }
    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        until(&self.token, self.inner.chat_bots())
    }
    fn health(&self) -> ApiFuture<'_, ChannelHealth> {
        until(&self.token, self.inner.health())
    }
    fn check_health(&self) -> ApiFuture<'_, ChannelHealth> {
        until(&self.token, self.inner.check_health())
    }
    fn repair_health(&self) -> ApiFuture<'_, ChannelHealth> {
        until(&self.token, self.inner.repair_health())
    }
    fn schedule(&self) -> ApiFuture<'_, WorkSchedule> {
        until(&self.token, self.inner.schedule())
    }
    fn history<'a>(&'a self, query: &'a HistoryQuery) -> ApiFuture<'a, HistoryPage> {
        until(&self.token, self.inner.history(query))
    }
    fn server_clock_offset_ms(&self) -> f64 {
        self.inner.server_clock_offset_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    struct CountWakes(AtomicUsize);
    impl Wake for CountWakes {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// A call that never answers and notes when it is dropped.
    struct Pending(Arc<AtomicUsize>);
    impl Future for Pending {
        type Output = Result<u8, ApiError>;
        fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
            Poll::Pending
        }
    }
    impl Drop for Pending {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn cancelling_wakes_the_caller_and_drops_the_call() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let token = CancelToken::default();
        let mut call = until(&token, Box::pin(Pending(dropped.clone())));
        let wakes = Arc::new(CountWakes(AtomicUsize::new(0)));
        let waker = Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        assert!(call.as_mut().poll(&mut cx).is_pending());
        assert_eq!(dropped.load(Ordering::SeqCst), 0);
        token.cancel();
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "the caller is woken");
        assert_eq!(call.as_mut().poll(&mut cx), Poll::Pending, "a cancelled call never answers");
        assert_eq!(dropped.load(Ordering::SeqCst), 1, "the call is dropped, so its fetch aborts");
        assert!(token.is_cancelled());
        assert_eq!(token.waiting(), 0, "and holds no waker: its task is freed");
        assert_eq!(call.as_mut().poll(&mut cx), Poll::Pending);
    }

    /// A call that answers at once.
    struct Ready;
    impl Future for Ready {
        type Output = Result<u8, ApiError>;
        fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
            Poll::Ready(Ok(7))
        }
    }

    #[test]
    fn calls_that_end_leave_no_waker_behind() {
        let token = CancelToken::default();
        let waker = Waker::from(Arc::new(CountWakes(AtomicUsize::new(0))));
        let mut cx = Context::from_waker(&waker);
        for _ in 0..50 {
            let mut call = until(&token, Box::pin(Ready));
            assert_eq!(call.as_mut().poll(&mut cx), Poll::Ready(Ok(7)));
        }
        let dropped = Arc::new(AtomicUsize::new(0));
        for _ in 0..50 {
            let mut call = until(&token, Box::pin(Pending(dropped.clone())));
            assert!(call.as_mut().poll(&mut cx).is_pending());
            assert!(call.as_mut().poll(&mut cx).is_pending(), "polled twice: still one waker");
            assert_eq!(token.waiting(), 1);
            drop(call);
        }
        assert_eq!(token.waiting(), 0, "finished and dropped calls are pruned");
        let mut live = until(&token, Box::pin(Pending(dropped.clone())));
        assert!(live.as_mut().poll(&mut cx).is_pending());
        assert_eq!(token.waiting(), 1, "only the call still running waits");
    }
}
