//! One entry: when, who, what («Настройки изменены, заменён токен»), the changes in
//! words against the version before it, all its settings on request, and the way back to
//! them.

use leptos::prelude::*;
use max_channel_contract::{HistoryEntry, Settings};

use super::Feed;
use crate::domain::history::{action_text, older_settings, restorable, restored_source, shares_minute};
use crate::domain::history_diff::{changes, describe, Names};
use crate::domain::when::{full_moment_text, unix_of, ViewerClock};
use crate::i18n::{Msg, Tr};
use crate::ui::{use_app, Button, ButtonKind, Restore};

/// The moment of the loaded entry `index`, with seconds when a neighbour shares its minute.
fn moment_of(feed: Feed, tr: Tr, index: usize) -> Option<String> {
    let clock = ViewerClock { now: (js_sys::Date::now() / 1000.0) as i64, offset_at: &crate::ui::browser_offset_at };
    feed.loaded.with_untracked(|loaded| {
        let entry = loaded.get(index)?;
        let seconds = shares_minute(loaded, index);
        Some(unix_of(&entry.at).map_or_else(|| entry.at.clone(), |unix| full_moment_text(tr.0, &clock, unix, seconds)))
    })
}

/// Runs `read` with the names the feed knows (groups, chat-bots, employees).
fn with_names<T>(feed: Feed, read: impl FnOnce(&Names<'_>) -> T) -> T {
    let group = |id: &str| feed.groups.with_value(|g| g.iter().find(|g| g.id == id).map(|g| g.name.clone()));
    let chat_bot = |id: &str| feed.chat_bots.with_value(|b| b.iter().find(|b| b.id == id).map(|b| b.name.clone()));
    let employee = |id: &str| feed.employees.with(|known| known.get(id).cloned());
    read(&Names { group: &group, chat_bot: &chat_bot, employee: &employee })
}

/// What the entry changed, in words; `None` for the first version.
fn change_lines(feed: Feed, tr: Tr, index: usize) -> Option<Vec<String>> {
    feed.loaded.with(|loaded| {
        let after = loaded.get(index)?.settings.as_ref()?;
        let before = older_settings(loaded, index)?;
        Some(with_names(feed, |names| changes(tr, names, before, after)))
    })
}

/// The entry's action; a restore names the moment it brought back when that entry is loaded.
fn action_of(feed: Feed, tr: Tr, entry: &HistoryEntry) -> String {
    let source = feed.loaded.with_untracked(|loaded| {
        restored_source(loaded, entry).and_then(|s| loaded.iter().position(|e| e.version == s.version))
    });
    let moment = source.and_then(|index| moment_of(feed, tr, index));
    action_text(tr, entry, moment.as_deref())
}

#[component]
pub fn Entry(index: usize) -> impl IntoView {
    let feed = expect_context::<Feed>();
    let tr = use_app().tr;
    let Some(entry) = feed.loaded.with_untracked(|loaded| loaded.get(index).cloned()) else {
        return ().into_any();
    };
    let moment = moment_of(feed, tr, index).unwrap_or_default();
    let actor = entry.actor.as_ref().map_or_else(|| tr.t(Msg::HistorySystem).to_owned(), |a| a.name.clone());
    // A memo: a later page can complete it (a reconnection compared across a disconnection)
    // and its names, without re-rendering the entries it does not touch.
    let lines = Memo::new(move |_| change_lines(feed, tr, index));
    let has_settings = entry.settings.is_some();
    let restore = restorable(&entry, index).then(|| (entry.settings.clone(), entry.version.clone()));
    view! {
        <li class="history__entry" tabindex="-1" data-version=entry.version.clone()>
            <p class="history__meta">
                <time datetime=entry.at.clone()>{moment.clone()}</time>
                " · "
                <span class="history__actor">{actor}</span>
            </p>
            <p class="history__action">{action_of(feed, tr, &entry)}</p>
            {move || match lines.get() {
                Some(lines) if lines.is_empty() => {
                    view! { <p class="history__note">{tr.t(Msg::HistoryNoChanges)}</p> }.into_any()
                }
                Some(lines) => view! { <Lines lines=lines class="history__changes" /> }.into_any(),
                None if has_settings && feed.cursor.with(Option::is_none) => {
                    // Not yet compared: the version before it is on a page not loaded yet.
                    view! { <p class="history__note">{tr.t(Msg::HistoryFirstVersion)}</p> }
                        .into_any()
                }
                None => ().into_any(),
            }}
            {entry.settings.map(|settings| view! { <AllSettings settings=settings /> })}
            {restore
                .and_then(|(settings, version)| Some((settings?, version?)))
                .map(|(settings, version)| view! { <RestoreButton settings=settings version=version moment=moment /> })}
        </li>
    }
    .into_any()
}

#[component]
fn Lines(lines: Vec<String>, class: &'static str) -> impl IntoView {
    view! { <ul class=class>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
}

/// «Все настройки этой версии»: the version whole, closed until asked for.
#[component]
fn AllSettings(settings: Settings) -> impl IntoView {
    let feed = expect_context::<Feed>();
    let tr = use_app().tr;
    let lines = move || with_names(feed, |names| describe(tr, names, &settings));
    view! {
        <details class="history__all">
            <summary class="history__all-summary">{tr.t(Msg::HistoryAllSettings)}</summary>
            {move || view! { <Lines lines=lines() class="history__all-lines" /> }}
        </details>
    }
}

/// «Вернуть настройки после этого изменения»: the version becomes unsaved changes on the
/// settings page, whose save then says it restores `version`.
#[component]
fn RestoreButton(settings: Settings, version: String, moment: String) -> impl IntoView {
    let feed = expect_context::<Feed>();
    let app = use_app();
    let go = crate::ui::navigation::use_go();
    let label = format!(" — {moment}");
    let on_click = move |()| {
        let employees = feed.employees.get_untracked();
        let (settings, version, moment) = (settings.clone(), version.clone(), moment.clone());
        app.restore.set(Some(Restore { settings, version, moment, employees }));
        go.to("/channels/max/settings");
    };
    view! {
        <Button kind=ButtonKind::Secondary class="history__restore" on_press=on_click>
            {app.tr.t(Msg::HistoryRestore)}
            // Every entry has this button: its moment tells them apart.
            <span class="visually-hidden">{label}</span>
        </Button>
    }
}
