//! The picker's calls: searches of `GET /employees`, and the saved employee's name, each
//! owned by the picker's tasks; a failure is kept with its call for «Повторить».

use leptos::prelude::*;
use max_channel_contract::{Employee, EmployeeQuery};

use super::employee_label;
use crate::api::{ApiError, SharedBackend};
use crate::domain::{Combobox, MoreOutcome, Search};
use crate::ui::Tasks;

/// A call of the picker, kept to run again on «Повторить».
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PickerCall {
    /// A search: the first page or the next one.
    Search { more: bool },
    /// Finding the name of the saved employee.
    Resolve(String),
}

/// The picker's calls over its state: searches and the saved choice's name. `Copy`.
#[derive(Clone, Copy)]
pub(super) struct PickerCalls {
    pub(super) combo: RwSignal<Combobox<Employee>>,
    pub(super) failed: RwSignal<Option<(ApiError, PickerCall)>>,
    pub(super) api: StoredValue<SharedBackend>,
    pub(super) tasks: Tasks,
}

impl PickerCalls {
    /// Sends a search the state asked for; its answer counts only if it is still the latest.
    pub(super) fn send(self, search: Search) {
        let PickerCalls { combo, failed, api, tasks } = self;
        failed.set(None);
        let api = api.get_value();
        tasks.spawn(async move {
            let query = EmployeeQuery {
                query: search.query.clone(),
                limit: Some(20),
                cursor: search.cursor.clone(),
                ids: None,
            };
            match api.employees(&query).await {
                Ok(page) => {
                    if combo.try_update(|c| c.answered(&search, page.items, page.next_cursor)) == Some(true) {
                        crate::perf::mark(crate::perf::SEARCH_RESPONSE);
                        crate::perf::mark_after_paint(crate::perf::SEARCH_PAINTED);
                    }
                }
                Err(error) => {
                    if combo.try_update(|c| c.failed(&search)) == Some(true) {
                        let _ = failed.try_set(Some((error, PickerCall::Search { more: search.cursor.is_some() })));
                    }
                }
            }
        });
    }

    /// Searches for what is typed: the first page, or what «Показать ещё» asks (`more`).
    /// Returns whether a search went, so that a debounced one still due can be dropped.
    pub(super) fn fetch(self, more: bool) -> bool {
        let search = self.combo.try_update(|c| {
            if more {
                match c.more() {
                    MoreOutcome::Send(search) => Some(search),
                    MoreOutcome::Wait => None,
                }
            } else {
                Some(c.search())
            }
        });
        let Some(search) = search.flatten() else { return false };
        self.send(search);
        true
    }

    /// A saved choice shows its name: finds the employee by id.
    pub(super) fn resolve(self, id: String) {
        let PickerCalls { combo, failed, api, tasks } = self;
        failed.set(None);
        let api = api.get_value();
        tasks.spawn(async move {
            let query = EmployeeQuery { ids: Some(id.clone()), ..Default::default() };
            match api.employees(&query).await {
                Ok(page) => {
                    if let Some(e) = page.items.iter().find(|e| e.id == id) {
                        combo.try_update(|c| {
                            if c.text.is_empty() {
                                c.text = employee_label(e);
                            }
                        });
                    }
                }
                Err(error) => {
                    let _ = failed.try_set(Some((error, PickerCall::Resolve(id))));
                }
            }
        });
    }

    /// «Повторить»: the failed call again.
    pub(super) fn retry(self) {
        match self.failed.get_untracked() {
            Some((_, PickerCall::Search { more })) => {
                self.fetch(more);
            }
            Some((_, PickerCall::Resolve(id))) => self.resolve(id),
            None => {}
        }
    }
}
