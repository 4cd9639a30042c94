//! `AppValue`: a value the whole app shares — the channel's known health, the preview's
//! «load again» count — that a page reads through a signal of its own.
//!
//! Why not a signal at the app's root: Leptos never takes a disposed reader out of a
//! signal's list of readers (decision 86), so every page that read a root signal and went
//! left an entry behind, for as long as the app ran (the leak of issue 38). An `AppValue`
//! keeps the value and a list of the living pages' signals instead: a page's signal is
//! added when the page reads, removed when the page goes, and every `set` reaches each.

use leptos::prelude::*;

struct Readers<T: 'static> {
    value: T,
    next: u64,
    signals: Vec<(u64, RwSignal<T>)>,
}

/// A shared value; `Copy`. Create it once, at the app's root.
pub struct AppValue<T: 'static> {
    readers: StoredValue<Readers<T>>,
}

impl<T: 'static> Clone for AppValue<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for AppValue<T> {}

impl<T: Clone + Send + Sync + 'static> AppValue<T> {
    pub fn new(value: T) -> AppValue<T> {
        AppValue { readers: StoredValue::new(Readers { value, next: 0, signals: Vec::new() }) }
    }

    /// The value now, without following it.
    pub fn get_untracked(&self) -> Option<T> {
        self.readers.try_with_value(|readers| readers.value.clone())
    }

    /// Sets the value and tells every page that reads it.
    pub fn set(&self, value: T) {
        let signals = self.readers.try_update_value(|readers| {
            readers.value = value.clone();
            readers.signals.iter().map(|(_, signal)| *signal).collect::<Vec<_>>()
        });
        for signal in signals.unwrap_or_default() {
            let _ = signal.try_set(value.clone());
        }
    }

    /// Changes the value in place (the preview's count) and tells every reader.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        if let Some(mut value) = self.get_untracked() {
            change(&mut value);
            self.set(value);
        }
    }

    /// The value as a signal of the calling component's: it follows every `set` while the
    /// component lives and leaves nothing in the app when the component goes.
    /// (Read after the app is gone — never, in practice — it is the default.)
    pub fn read(&self) -> ReadSignal<T>
    where
        T: Default,
    {
        let signal = RwSignal::new(self.get_untracked().unwrap_or_default());
        let readers = self.readers;
        let id = readers.try_update_value(|readers| {
            readers.next += 1;
            readers.signals.push((readers.next, signal));
            readers.next
        });
        on_cleanup(move || {
            let _ = readers.try_update_value(|readers| readers.signals.retain(|(reader, _)| Some(*reader) != id));
        });
        signal.read_only()
    }

    /// How many living components read the value (tests: none is left behind).
    pub fn readers(&self) -> usize {
        self.readers.try_with_value(|readers| readers.signals.len()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_follows_the_value_while_it_lives_and_leaves_nothing_when_it_goes() {
        let root = Owner::new();
        root.with(|| {
            let health = AppValue::new(0_u32);
            let pages: Vec<(Owner, ReadSignal<u32>)> = (0..3)
                .map(|_| {
                    let page = root.child();
                    let read = page.with(|| health.read());
                    (page, read)
                })
                .collect();
            assert_eq!(health.readers(), 3);
            health.set(7);
            assert!(pages.iter().all(|(_, read)| read.get_untracked() == 7), "every page hears a set");
            let (gone, _) = &pages[0];
            gone.cleanup();
            assert_eq!(health.readers(), 2, "a page that goes is no reader any more");
            health.update(|n| *n += 1);
            assert_eq!(pages[1].1.get_untracked(), 8);
            let late = root.child();
            assert_eq!(late.with(|| health.read()).get_untracked(), 8, "a new page starts from the value now");
            for (page, _) in &pages {
                page.cleanup();
            }
            late.cleanup();
            assert_eq!(health.readers(), 0, "no page open, no reader kept");
        });
    }
}
