//! One entry: when, who, what («Изменил(а) настройки, заменён токен»), the changes in
//! words against the version before it, and «Вернуть эту версию».

use leptos::prelude::*;
use max_channel_contract::HistoryEntry;

use super::Feed;
use crate::domain::history::{action_text, older_settings, restorable};
use crate::domain::history_diff::{changes, Names};
use crate::domain::when::{full_moment_text, unix_of, ViewerClock};
use crate::i18n::{Msg, Tr};
use crate::ui::{use_app, Restore};

fn moment_of(tr: Tr, entry: &HistoryEntry) -> String {
    let clock = ViewerClock { now: (js_sys::Date::now() / 1000.0) as i64, offset_at: &crate::ui::browser_offset_at };
    unix_of(&entry.at).map_or_else(|| entry.at.clone(), |unix| full_moment_text(tr.0, &clock, unix))
}

/// What the entry changed, in words; `None` for the first version.
fn change_lines(feed: Feed, tr: Tr, index: usize) -> Option<Vec<String>> {
    feed.loaded.with(|loaded| {
        let entry = loaded.get(index)?;
        let after = entry.settings.as_ref()?;
        let before = older_settings(loaded, index)?;
        let group = |id: &str| feed.groups.with_value(|g| g.iter().find(|g| g.id == id).map(|g| g.name.clone()));
        let chat_bot = |id: &str| feed.chat_bots.with_value(|b| b.iter().find(|b| b.id == id).map(|b| b.name.clone()));
        let employee = |id: &str| feed.employees.with(|known| known.get(id).cloned());
        let names = Names { group: &group, chat_bot: &chat_bot, employee: &employee };
        Some(changes(tr, &names, before, after))
    })
}

#[component]
pub fn Entry(index: usize) -> impl IntoView {
    let feed = expect_context::<Feed>();
    let app = use_app();
    let tr = app.tr;
    let Some(entry) = feed.loaded.with_untracked(|loaded| loaded.get(index).cloned()) else {
        return ().into_any();
    };
    let moment = moment_of(tr, &entry);
    let actor = entry.actor.as_ref().map_or_else(|| tr.t(Msg::HistorySystem).to_owned(), |a| a.name.clone());
    // A memo: a later page can complete it (a reconnection compared across a disconnection)
    // and its names, without re-rendering the entries it does not touch.
    let lines = Memo::new(move |_| change_lines(feed, tr, index));
    let has_settings = entry.settings.is_some();
    let moment_label = moment.clone();
    let restore = restorable(&entry, index).then(|| {
        let settings = entry.settings.clone();
        let moment = moment.clone();
        let navigate = leptos_router::hooks::use_navigate();
        move |_| {
            if let Some(settings) = settings.clone() {
                app.restore.set(Some(Restore { settings, moment: moment.clone() }));
                navigate("/channels/max/settings", Default::default());
            }
        }
    });
    view! {
        <li class="history__entry" tabindex="-1" data-version=entry.version.clone()>
            <p class="history__meta">
                <time datetime=entry.at.clone()>{moment}</time>
                " · "
                <span class="history__actor">{actor}</span>
            </p>
            <p class="history__action">{action_text(tr, &entry)}</p>
            {move || match lines.get() {
                Some(lines) if lines.is_empty() => {
                    view! { <p class="history__note">{tr.t(Msg::HistoryNoChanges)}</p> }.into_any()
                }
                Some(lines) => {
                    view! {
                        <ul class="history__changes">
                            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
                None if has_settings && feed.cursor.with(Option::is_none) => {
                    // Not yet compared: the version before it is on a page not loaded yet.
                    view! { <p class="history__note">{tr.t(Msg::HistoryFirstVersion)}</p> }
                        .into_any()
                }
                None => ().into_any(),
            }}
            {restore
                .map(|on_click| {
                    view! {
                        <button type="button" class="button button--secondary history__restore" on:click=on_click>
                            {tr.t(Msg::HistoryRestore)}
                            // Every entry has this button: its moment tells them apart.
                            <span class="visually-hidden">{format!(" — {moment_label}")}</span>
                        </button>
                    }
                })}
        </li>
    }
    .into_any()
}
