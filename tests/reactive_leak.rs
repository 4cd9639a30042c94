//! What a page leaves in the app when it goes, counted in bytes by the allocator (decision
//! 86). Leptos never takes a disposed reader out of a signal's list of readers, so a page
//! that reads a signal of the app's root leaves an entry there on every visit; the app's
//! shared values are `AppValue`s instead, which a page reads through a signal of its own.
//! A page that goes while its data is still loading must end the load, and the resource's
//! task with it: tasks run here on a copy of wasm-bindgen-futures' executor, whose task is
//! freed only when its future ends.
//! Natively, with the same reactive graph as the wasm: the figures are exact, not timed.
#![cfg(not(target_arch = "wasm32"))]
// A counting allocator is the one way to see what a disposed owner leaves behind.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::sync::Mutex;

use futures::channel::oneshot;
use leptos::prelude::*;
use max_channel_admin::api::ApiError;
use max_channel_admin::ui::{owned, AppValue};

struct Counting;

thread_local! {
    /// Bytes held by this thread's allocations. Per thread, because the test harness's own
    /// thread allocates while a test measures (it keeps the results of the tests that ended),
    /// which once showed as 1 B "left" a visit. The reactive graph and the executor below
    /// run on the test's thread only.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(bytes: isize) {
    // `try_with`: a thread that is ending has no counter any more, and is not measured.
    let _ = LIVE.try_with(|live| live.set(live.get() + bytes));
}

fn live() -> isize {
    LIVE.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the executor's count of tasks is for the whole process.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Bytes still held per visit after `visits` visits of `page` (after a few to warm up).
fn left_per_visit(visits: isize, mut page: impl FnMut()) -> isize {
    for _ in 0..50 {
        page();
    }
    let before = live();
    for _ in 0..visits {
        page();
    }
    (live() - before) / visits
}

/// A page: an owner of its own (no parent: Leptos keeps a child's slot in its parent until
/// the parent goes, which would be counted too), a memo that reads what `read` gives, then
/// gone.
fn visit(read: impl FnOnce() -> Signal<u64>) {
    let page = Owner::new();
    page.with(|| {
        let value = read();
        let shown = Memo::new(move |_| value.get() + 1);
        // Untracked: the memo still reads `value` (and subscribes), and nothing is printed
        // (a captured warning would be counted).
        let _ = shown.get_untracked();
    });
    page.cleanup();
}

#[test]
fn a_page_that_reads_an_app_value_leaves_nothing_when_it_goes() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let app = Owner::new();
    let (refresh, shared) = app.with(|| (RwSignal::new(0_u64), AppValue::new(0_u64)));
    let nothing_read = left_per_visit(2_000, || visit(|| Signal::derive(|| 0)));
    let root_signal = left_per_visit(2_000, || visit(|| refresh.into()));
    let app_value = left_per_visit(2_000, || visit(|| shared.read().into()));
    println!(
        "left per visit: reading nothing {nothing_read} B, a root signal {root_signal} B, an AppValue {app_value} B"
    );
    assert_eq!(nothing_read, 0, "the measurement itself leaves nothing");
    assert_eq!(shared.readers(), 0, "no page is open: no reader is kept");
    assert_eq!(app_value, 0, "a page that read an AppValue leaves nothing");
    // The measurement sees what the workaround is for: if it ever does not, Leptos has
    // been fixed and decision 86's workaround can go.
    assert!(root_signal > 0, "a root signal read by a page keeps an entry per visit");
}

thread_local! {
    /// The back end: the requests still waiting for an answer.
    static WAITING: RefCell<Vec<oneshot::Sender<u64>>> = const { RefCell::new(Vec::new()) };
}

/// A request that waits until the back end answers (`answer_all`).
async fn request() -> Result<u64, ApiError> {
    let (answer, answered) = oneshot::channel();
    WAITING.with_borrow_mut(|waiting| waiting.push(answer));
    answered.await.map_err(|_| ApiError::Network)
}

fn answer_all() {
    WAITING.with_borrow_mut(|waiting| {
        waiting.drain(..).for_each(|answer| {
            let _ = answer.send(7);
        })
    });
}

/// Requests whose caller is gone: the load was dropped, so the fetch was aborted.
fn requests_dropped() -> usize {
    WAITING.with_borrow(|waiting| waiting.iter().filter(|answer| answer.is_canceled()).count())
}

/// A page that loads its data as the app's pages do (`owned` in a `LocalResource`), and
/// goes before (`mid_load`) or after the answer.
fn visit_loading(mid_load: bool) {
    let page = Owner::new();
    page.with(|| {
        let _data = LocalResource::new(|| owned(request()));
    });
    executor::run();
    if !mid_load {
        answer_all();
        executor::run();
    }
    page.cleanup();
    executor::run();
    if mid_load {
        assert_eq!(requests_dropped(), 1, "a page that goes aborts its load");
    }
    answer_all();
    executor::run();
}

#[test]
fn a_page_that_goes_while_loading_ends_its_load_and_leaves_no_task() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    executor::init();
    for mid_load in [false, true] {
        let tasks = executor::alive();
        let bytes = left_per_visit(500, || visit_loading(mid_load));
        let tasks_left = executor::alive() - tasks;
        println!(
            "a page that goes {}: {bytes} B left a visit, {tasks_left} tasks",
            if mid_load { "mid-load" } else { "loaded" }
        );
        assert_eq!(tasks_left, 0, "every task of a page ends with it (mid-load: {mid_load})");
        assert_eq!(bytes, 0, "a page that loaded its data leaves nothing (mid-load: {mid_load})");
    }
}

/// A copy of wasm-bindgen-futures' single-threaded executor (js-sys 0.3 `futures::task`):
/// a task holds its own waker until its future ends, so a task that never ends is never
/// freed. Counts the tasks alive.
mod executor {
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::future::Future;
    use std::mem::ManuallyDrop;
    use std::pin::Pin;
    use std::rc::Rc;
    use std::sync::atomic::{AtomicIsize, Ordering};
    use std::task::{Context, RawWaker, RawWakerVTable, Waker};

    static ALIVE: AtomicIsize = AtomicIsize::new(0);

    struct Running {
        future: Pin<Box<dyn Future<Output = ()>>>,
        waker: Waker,
    }

    struct Task {
        running: RefCell<Option<Running>>,
        queued: Cell<bool>,
    }

    impl Drop for Task {
        fn drop(&mut self) {
            ALIVE.fetch_sub(1, Ordering::SeqCst);
        }
    }

    thread_local! {
        static QUEUE: RefCell<VecDeque<Rc<Task>>> = const { RefCell::new(VecDeque::new()) };
    }

    fn queue(task: Rc<Task>) {
        if !task.queued.replace(true) {
            QUEUE.with_borrow_mut(|queue| queue.push_back(task));
        }
    }

    fn raw_waker(task: Rc<Task>) -> RawWaker {
        unsafe fn clone(task: *const ()) -> RawWaker {
            let task = ManuallyDrop::new(unsafe { Rc::from_raw(task.cast::<Task>()) });
            raw_waker(Rc::clone(&task))
        }
        unsafe fn wake(task: *const ()) {
            queue(unsafe { Rc::from_raw(task.cast::<Task>()) });
        }
        unsafe fn wake_by_ref(task: *const ()) {
            let task = ManuallyDrop::new(unsafe { Rc::from_raw(task.cast::<Task>()) });
            queue(Rc::clone(&task));
        }
        unsafe fn drop(task: *const ()) {
            std::mem::drop(unsafe { Rc::from_raw(task.cast::<Task>()) });
        }
        static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop);
        RawWaker::new(Rc::into_raw(task).cast(), &VTABLE)
    }

    fn spawn(future: Pin<Box<dyn Future<Output = ()>>>) {
        ALIVE.fetch_add(1, Ordering::SeqCst);
        let task = Rc::new(Task { running: RefCell::new(None), queued: Cell::new(false) });
        // SAFETY: the vtable keeps the `Rc`'s count, as wasm-bindgen-futures' does.
        let waker = unsafe { Waker::from_raw(raw_waker(Rc::clone(&task))) };
        *task.running.borrow_mut() = Some(Running { future, waker });
        queue(task);
    }

    /// Polls every queued task until none is queued.
    pub fn run() {
        while let Some(task) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
            task.queued.set(false);
            let mut running = task.running.borrow_mut();
            let ended = running.as_mut().is_some_and(|running| {
                running.future.as_mut().poll(&mut Context::from_waker(&running.waker)).is_ready()
            });
            if ended {
                *running = None;
            }
        }
    }

    pub fn alive() -> isize {
        ALIVE.load(Ordering::SeqCst)
    }

    struct Executor;

    impl any_spawner::CustomExecutor for Executor {
        fn spawn(&self, future: any_spawner::PinnedFuture<()>) {
            spawn(future)
        }
        fn spawn_local(&self, future: any_spawner::PinnedLocalFuture<()>) {
            spawn(future)
        }
        fn poll_local(&self) {
            run()
        }
    }

    /// Makes this executor Leptos's, for this test's thread.
    pub fn init() {
        any_spawner::Executor::init_local_custom_executor(Executor).expect("the one executor");
    }
}
