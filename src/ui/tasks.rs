//! Async work owned by the component that started it, with Leptos's own owner and
//! cancellation — the one place the app spawns a future.
//!
//! Leptos runs a spawned future to its end even after its component is gone, and a click
//! handler runs under no owner at all. So a component takes [`Tasks`] once, while it is
//! built (`use_tasks`): every task it spawns later — from a click, an effect, a timer —
//! runs under that component's owner, and the tasks still running when the owner is
//! cleaned up are dropped unfinished, which aborts their fetches (`api::http`'s abort
//! guard). A dropped task never answers: the code after its `.await` does not run against
//! signals disposed with the component. Finished tasks leave nothing behind, so a page
//! open for hours does not collect them.
//!
//! A resource's load is the other kind: [`owned`] ends it with the resource's owner, which
//! Leptos cleans when the page goes.

use std::future::Future;
use std::pin::Pin;

use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::WeakOwner;

use crate::api::ApiError;

/// A task of a [`Tasks`], to drop it before it ends (a newer question replaces an older).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskId(u64);

/// The tasks still running, each with the handle that drops it.
#[derive(Default)]
struct Running {
    next: u64,
    handles: Vec<(TaskId, AbortHandle)>,
    ended: bool,
}

impl Running {
    /// A slot for a new task; `None` once the owner is gone.
    fn admit(&mut self, handle: AbortHandle) -> Option<TaskId> {
        if self.ended {
            return None;
        }
        self.next += 1;
        let id = TaskId(self.next);
        self.handles.push((id, handle));
        Some(id)
    }

    fn finished(&mut self, id: TaskId) {
        self.handles.retain(|(running, _)| *running != id);
    }

    fn abort(&mut self, id: TaskId) {
        if let Some(at) = self.handles.iter().position(|(running, _)| *running == id) {
            self.handles.swap_remove(at).1.abort();
        }
    }

    fn end(&mut self) {
        self.ended = true;
        self.handles.drain(..).for_each(|(_, handle)| handle.abort());
    }
}

/// The tasks of one component. `Copy`: handlers and controllers capture it.
#[derive(Clone, Copy)]
pub struct Tasks {
    running: StoredValue<Running>,
    owner: StoredValue<WeakOwner>,
}

/// The calling component's [`Tasks`]: ended when its owner is cleaned up. Take it where
/// the work belongs — a save in the form, not in the button that re-renders while it runs.
pub fn use_tasks() -> Tasks {
    let owner = Owner::current().unwrap_or_default();
    let tasks = Tasks { running: StoredValue::new(Running::default()), owner: StoredValue::new(owner.downgrade()) };
    on_cleanup(move || tasks.running.update_value(Running::end));
    tasks
}

impl Tasks {
    /// Runs `task` under the component until it ends or the component goes; `None` (and
    /// nothing runs) when the component is already gone.
    pub fn spawn(self, task: impl Future<Output = ()> + 'static) -> Option<TaskId> {
        // Boxed at once: the owner, the abort and the executor are one piece of code for
        // every task in the wasm, not one per call site (the first load's bytes).
        self.spawn_boxed(Box::pin(task))
    }

    fn spawn_boxed(self, task: Pin<Box<dyn Future<Output = ()>>>) -> Option<TaskId> {
        let owner = self.owner.try_get_value()?.upgrade()?;
        let (handle, registration) = AbortHandle::new_pair();
        let id = self.running.try_update_value(|running| running.admit(handle)).flatten()?;
        let task = owner.with(|| ScopedFuture::new_untracked(Abortable::new(task, registration)));
        leptos::task::spawn_local(async move {
            // `Err` only when aborted: then the component has ended or replaced it.
            if task.await.is_ok() {
                let _ = self.running.try_update_value(|running| running.finished(id));
            }
        });
        Some(id)
    }

    /// Drops `id` unfinished, if it is still running.
    pub fn abort(self, id: TaskId) {
        let _ = self.running.try_update_value(|running| running.abort(id));
    }
}

/// `load`, dropped unfinished when the current owner is cleaned up — for a resource's
/// load, whose owner Leptos cleans when the page goes (it runs a resource's loads one after
/// another, so only a page that goes can end one midway).
///
/// A dropped load still answers, at once, with [`ApiError::Network`] (it never got an
/// answer), which no one reads: the page is gone. It must answer: the resource's task
/// waits for it, and a task whose future never ends is never freed (wasm-bindgen-futures'
/// task holds its own waker until then), with the resource's state in it — ~2 KB a visit
/// that left a load running (decision 86, `tests/reactive_leak.rs`).
pub fn owned<T>(load: impl Future<Output = Result<T, ApiError>>) -> impl Future<Output = Result<T, ApiError>> {
    let (handle, registration) = AbortHandle::new_pair();
    on_cleanup(move || handle.abort());
    async move { Abortable::new(load, registration).await.unwrap_or(Err(ApiError::Network)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_tasks_leave_nothing_and_an_ended_owner_admits_none() {
        let mut running = Running::default();
        let ids: Vec<TaskId> = (0..50).filter_map(|_| running.admit(AbortHandle::new_pair().0)).collect();
        assert_eq!(ids.len(), 50);
        ids.iter().for_each(|id| running.finished(*id));
        assert!(running.handles.is_empty(), "a long-lived page does not collect finished tasks");
        let (kept, kept_registration) = AbortHandle::new_pair();
        let (dropped, dropped_registration) = AbortHandle::new_pair();
        let kept_id = running.admit(kept).expect("admitted");
        let dropped_id = running.admit(dropped).expect("admitted");
        running.abort(dropped_id);
        assert!(dropped_registration.handle().is_aborted(), "a replaced task is dropped");
        assert!(!kept_registration.handle().is_aborted(), "the others run on");
        assert_eq!(running.handles.len(), 1);
        running.abort(dropped_id);
        assert_eq!(running.handles.len(), 1, "aborting twice is harmless");
        running.end();
        assert!(kept_registration.handle().is_aborted(), "the owner's end drops what still runs");
        assert!(running.handles.is_empty());
        assert_eq!(running.admit(AbortHandle::new_pair().0), None, "nothing starts after the end");
        let _ = kept_id;
    }
}
