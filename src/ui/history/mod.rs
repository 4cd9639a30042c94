//! «История изменений»: the entries loaded so far, «Показать ещё» with the cursor, and the
//! names the changes need (groups and chat-bots from their lists, employees resolved with
//! one `ids=` request per page). The page that loads the first page is
//! `ui::pages::history`.

mod entry;

use std::collections::HashMap;

use leptos::prelude::*;
use max_channel_contract::{ChatBot, EmployeeQuery, Group, HistoryEntry, HistoryPage, HistoryQuery};

use crate::api::{ApiError, SharedBackend};
use crate::domain::history::{employee_ids, shown_count};
use crate::i18n::{count, Msg};
use crate::ui::{use_app, use_tasks, Button, ButtonKind, RetryButton, Tasks};

/// Entries per request.
pub const PAGE: u32 = 20;

/// A page of the history with the names of the employees it mentions.
#[derive(Clone)]
pub struct LoadedPage {
    pub page: HistoryPage,
    pub employees: Vec<(String, String)>,
}

/// Loads one page and resolves its employees. A failed name lookup costs the page nothing:
/// those employees are then shown by their id.
pub async fn load_page(api: &SharedBackend, cursor: Option<String>) -> Result<LoadedPage, ApiError> {
    let page = api.history(&HistoryQuery { limit: Some(PAGE), cursor }).await?;
    let ids = employee_ids(&page.items);
    let mut employees = Vec::new();
    if !ids.is_empty() {
        let query = EmployeeQuery { ids: Some(ids.join(",")), limit: Some(ids.len() as u32), ..Default::default() };
        match api.employees(&query).await {
            Ok(found) => employees.extend(found.items.into_iter().map(|e| (e.id, e.name))),
            Err(ApiError::Unauthorized) => return Err(ApiError::Unauthorized),
            Err(_) => employees.extend(ids.iter().map(|id| (id.clone(), id.clone()))),
        }
    }
    Ok(LoadedPage { page, employees })
}

/// What the history page knows; `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Feed {
    pub loaded: RwSignal<Vec<HistoryEntry>>,
    pub cursor: RwSignal<Option<String>>,
    pub employees: RwSignal<HashMap<String, String>>,
    pub groups: StoredValue<Vec<Group>>,
    pub chat_bots: StoredValue<Vec<ChatBot>>,
    pub busy: RwSignal<bool>,
    pub failed: RwSignal<Option<ApiError>>,
    /// A page came with «Показать ещё»: the count of shown entries is announced.
    pub grew: RwSignal<bool>,
    api: StoredValue<SharedBackend>,
    tasks: Tasks,
}

impl Feed {
    fn new(api: SharedBackend, first: LoadedPage, groups: Vec<Group>, chat_bots: Vec<ChatBot>) -> Feed {
        Feed {
            loaded: RwSignal::new(first.page.items),
            cursor: RwSignal::new(first.page.next_cursor),
            employees: RwSignal::new(first.employees.into_iter().collect()),
            groups: StoredValue::new(groups),
            chat_bots: StoredValue::new(chat_bots),
            busy: RwSignal::new(false),
            failed: RwSignal::new(None),
            grew: RwSignal::new(false),
            api: StoredValue::new(api),
            tasks: use_tasks(),
        }
    }

    /// «Показать ещё»: the next page after the cursor, appended. One request at a time;
    /// the task ends with the page.
    pub fn more(self) {
        let (Some(api), Some(cursor)) = (self.api.try_get_value(), self.cursor.get_untracked()) else { return };
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failed.set(None);
        self.tasks.spawn(async move {
            let answer = load_page(&api, Some(cursor)).await;
            crate::perf::mark(crate::perf::HISTORY_MORE_RESPONSE);
            let _ = self.busy.try_set(false);
            match answer {
                Ok(next) => {
                    let _ = self.employees.try_update(|known| known.extend(next.employees));
                    let _ = self.loaded.try_update(|loaded| loaded.extend(next.page.items));
                    let _ = self.cursor.try_set(next.page.next_cursor);
                    let _ = self.grew.try_set(true);
                    crate::perf::mark_after_paint(crate::perf::HISTORY_MORE_PAINTED);
                }
                Err(error) => {
                    let _ = self.failed.try_set(Some(error));
                }
            }
        });
    }
}

/// The loaded history: its entries, «Показать ещё», the empty state.
#[component]
pub fn HistoryFeed(
    api: SharedBackend,
    first: LoadedPage,
    groups: Vec<Group>,
    chat_bots: Vec<ChatBot>,
) -> impl IntoView {
    let tr = use_app().tr;
    let feed = Feed::new(api, first, groups, chat_bots);
    provide_context(feed);
    Effect::new(|_| crate::perf::mark_after_paint(crate::perf::HISTORY_PAINTED));
    let more = move || feed.cursor.with(Option::is_some);
    let shown = move || feed.loaded.with(|loaded| shown_count(loaded, more()));
    let anything = move || shown() != 0 || more();
    let empty = move || {
        view! {
            <p class="history__empty" id="history-empty">
                {tr.t(Msg::HistoryEmpty)}
            </p>
        }
    };
    view! {
        <Show when=anything fallback=empty>
            <ol class="history" id="history" aria-label=tr.t(Msg::HistoryEntries)>
                <For each=move || 0..shown() key=|index| *index let:index>
                    <entry::Entry index=index />
                </For>
            </ol>
        </Show>
        <p class="visually-hidden" role="status" id="history-status">
            {move || {
                feed.grew
                    .get()
                    .then(|| tr.f(Msg::HistoryShown, &[("count", &count(tr.0, Msg::UnitEntry, shown() as u64))]))
            }}
        </p>
        {move || {
            feed.failed
                .get()
                .map(|error| {
                    let wait = crate::ui::use_retry_wait(&error);
                    view! {
                        <div class="alert alert--danger" role="alert">
                            <p class="alert__text">{move || error.message_waiting(tr, wait.get())}</p>
                            <RetryButton tr=tr on_retry=move |()| feed.more() wait=wait />
                        </div>
                    }
                })
        }}
        <Show when=more>
            <Button
                kind=ButtonKind::Secondary
                class="history__more"
                id="history-more"
                blocked=feed.busy
                on_press=move |()| {
                    let first_new = shown() + 1;
                    feed.more();
                    crate::ui::focus::keep_focus_in_page(format!("#history > li:nth-child({first_new})"));
                }

                attr:data-busy=move || feed.busy.get().then_some("true")
            >
                {tr.t(Msg::HistoryMore)}
            </Button>
        </Show>
    }
}
