//! «Приём и обработка обращений»: employee, group or chat-bot (with its fallback).

use std::time::Duration;

use leptos::prelude::*;
use max_channel_contract::{Distribution, Employee, EmployeeQuery};

use super::fields::{described_by, field_id, invalid, ErrorText};
use super::Editor;
use crate::api::ApiError;
use crate::domain::{key_action, FallbackKind, KeyAction, RoutingKind};
use crate::i18n::{count, Msg};
use crate::ui::{ExternalLink, RetryButton};

#[component]
pub fn RoutingSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let form = editor.form;
    let service = editor.chat_bots_service();
    // A memo: the section re-renders when the kind changes, not on every keystroke.
    let kind = Memo::new(move |_| form.with(|f| f.routing.kind));
    // Another kind hides the chosen one's control (its errors go) and reveals its own.
    let choose = move |k: RoutingKind| editor.choose(&["routing", "routing.type"], |f| f.routing.kind = k);
    let option = move |k: RoutingKind, label: Msg, id: &'static str, disabled: bool| {
        view! {
            <label class="choice" class:choice--disabled=disabled>
                <input type="radio" name="routing-kind" id=id value=id disabled=disabled
                    prop:checked=move || kind.get() == k on:change=move |_| choose(k) />
                <span>{tr.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="section" id="section-routing">
            <legend class="section__legend">{tr.t(Msg::SecRouting)}</legend>
            <fieldset
                class="field choices"
                id=field_id("routing.type")
                tabindex="-1"
                aria-invalid=invalid(editor, "routing.type".into())
                aria-describedby=described_by(
                    editor,
                    "routing.type".into(),
                    (!service).then(|| "chat-bots-off".to_owned()),
                )
            >
                <legend class="field__label">{tr.t(Msg::RoutingWho)}</legend>
                {option(RoutingKind::Employee, Msg::RoutingEmployee, "routing-employee", false)}
                {option(RoutingKind::Group, Msg::RoutingGroup, "routing-group", false)}
                {option(RoutingKind::ChatBot, Msg::RoutingChatBot, "routing-chat_bot", !service)}
                {(!service)
                    .then(|| {
                        view! {
                            <p class="field__help" id="chat-bots-off">
                                {tr.t(Msg::ChatBotsOff)}
                            </p>
                        }
                    })}
                <ErrorText path="routing.type" />
            </fieldset>
            {move || match kind.get() {
                RoutingKind::Employee => {
                    view! {
                        <EmployeePicker
                            path="routing.employee_id"
                            get=editor.value(|f| f.routing.employee_id.clone())
                            set=Callback::new(move |id| form.update(|f| f.routing.employee_id = id))
                        />
                    }
                        .into_any()
                }
                RoutingKind::Group => {
                    view! {
                        <GroupSelect
                            path="routing.group_id"
                            get=editor.value(|f| f.routing.group_id.clone())
                            set=Callback::new(move |id| form.update(|f| f.routing.group_id = id))
                            show_rule=true
                        />
                    }
                        .into_any()
                }
                RoutingKind::ChatBot => view! { <ChatBotRouting /> }.into_any(),
            }}
        </fieldset>
    }
}

/// The chat-bot and, required, who takes dialogs while it is unavailable.
#[component]
fn ChatBotRouting() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let form = editor.form;
    let fallback = Memo::new(move |_| form.with(|f| f.routing.fallback));
    let choose = move |k: FallbackKind| {
        editor.choose(&["routing.fallback", "routing.fallback.type"], |f| f.routing.fallback = Some(k))
    };
    view! {
        <ChatBotSelect
            path="routing.chat_bot_id"
            get=editor.value(|f| f.routing.chat_bot_id.clone())
            set=Callback::new(move |id| form.update(|f| f.routing.chat_bot_id = id))
        />
        <fieldset
            class="field choices"
            id=field_id("routing.fallback")
            tabindex="-1"
            aria-invalid=invalid(editor, "routing.fallback".into())
            aria-describedby=described_by(editor, "routing.fallback".into(), None)
        >
            <legend class="field__label">{tr.t(Msg::FallbackLabel)}</legend>
            <label class="choice">
                <input
                    type="radio"
                    name="routing-fallback"
                    id="fallback-employee"
                    prop:checked=move || fallback.get() == Some(FallbackKind::Employee)
                    on:change=move |_| choose(FallbackKind::Employee)
                />
                <span>{tr.t(Msg::RoutingEmployee)}</span>
            </label>
            <label class="choice">
                <input
                    type="radio"
                    name="routing-fallback"
                    id="fallback-group"
                    prop:checked=move || fallback.get() == Some(FallbackKind::Group)
                    on:change=move |_| choose(FallbackKind::Group)
                />
                <span>{tr.t(Msg::RoutingGroup)}</span>
            </label>
            <ErrorText path="routing.fallback" />
        </fieldset>
        {move || match fallback.get() {
            Some(FallbackKind::Employee) => {
                Some(
                    view! {
                        <EmployeePicker
                            path="routing.fallback.employee_id"
                            get=editor.value(|f| f.routing.fallback_employee_id.clone())
                            set=Callback::new(move |id| form.update(|f| f.routing.fallback_employee_id = id))
                        />
                    }
                        .into_any(),
                )
            }
            Some(FallbackKind::Group) => {
                Some(
                    view! {
                        <GroupSelect
                            path="routing.fallback.group_id"
                            get=editor.value(|f| f.routing.fallback_group_id.clone())
                            set=Callback::new(move |id| form.update(|f| f.routing.fallback_group_id = id))
                            show_rule=false
                        />
                    }
                        .into_any(),
                )
            }
            None => None,
        }}
    }
}

fn distribution_msg(d: &Distribution) -> Option<Msg> {
    match d {
        Distribution::RoundRobin => Some(Msg::DistRoundRobin),
        Distribution::AllAtOnce => Some(Msg::DistAllAtOnce),
        Distribution::InOrder => Some(Msg::DistInOrder),
        Distribution::LeastBusy => Some(Msg::DistLeastBusy),
        Distribution::Other(_) => None,
    }
}

/// A select of ids by name, with a placeholder for «nothing chosen yet».
#[component]
fn IdSelect(
    path: &'static str,
    label: Msg,
    placeholder: Msg,
    options: Vec<(String, String)>,
    get: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    view! {
        <div class="field">
            <label class="field__label" for=field_id(path)>
                {tr.t(label)}
            </label>
            <select
                id=field_id(path)
                class="select"
                aria-invalid=invalid(editor, path.into())
                aria-describedby=described_by(editor, path.into(), None)
                on:change=move |ev| {
                    set.run(event_target_value(&ev));
                    editor.clear_error(path);
                }
            >
                <option value="" selected=move || get.get().is_empty()>
                    {tr.t(placeholder)}
                </option>
                {options
                    .into_iter()
                    .map(|(id, name)| {
                        let value = id.clone();
                        view! {
                            <option value=value selected=move || get.get() == id>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <ErrorText path=path />
        </div>
    }
}

/// A group select; for routing, the group's distribution rule read-only below it.
#[component]
pub fn GroupSelect(path: &'static str, get: Signal<String>, set: Callback<String>, show_rule: bool) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let groups = editor.groups.get_value();
    let options = groups.iter().map(|g| (g.id.clone(), g.name.clone())).collect();
    let rule = move || {
        let id = get.get();
        groups.iter().find(|g| g.id == id).map(|g| {
            let text = distribution_msg(&g.distribution)
                .map(|m| tr.t(m).to_owned())
                .unwrap_or_else(|| g.distribution.to_string());
            (text, count(tr.0, Msg::UnitPerson, u64::from(g.members)))
        })
    };
    let link = editor.channel.with_untracked(|c| c.distribution_settings_url.clone());
    view! {
        <IdSelect path=path label=Msg::GroupLabel placeholder=Msg::ChooseGroup options=options get=get set=set />
        {show_rule
            .then(|| {
                view! {
                    <div class="field distribution" id="distribution">
                        <p class="field__label">{tr.t(Msg::Distribution)}</p>
                        {move || {
                            rule()
                                .map(|(rule, members)| {
                                    view! {
                                        <p class="distribution__rule">
                                            <strong>{rule}</strong>
                                            " · "
                                            {tr.f(Msg::MembersCount, &[("count", &members)])}
                                        </p>
                                    }
                                })
                        }}
                        {link
                            .clone()
                            .map(|url| {
                                view! {
                                    <ExternalLink
                                        url=url
                                        text=tr.t(Msg::DistributionLink).to_owned()
                                        tr=tr
                                        class="link"
                                    />
                                }
                            })}
                    </div>
                }
            })}
    }
}

/// A chat-bot select.
#[component]
pub fn ChatBotSelect(path: &'static str, get: Signal<String>, set: Callback<String>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let options = editor.chat_bots.get_value().into_iter().map(|b| (b.id, b.name)).collect();
    view! { <IdSelect path=path label=Msg::ChatBotLabel placeholder=Msg::ChooseChatBot options=options get=get set=set /> }
}

/// How an employee reads in the picker.
fn employee_label(e: &Employee) -> String {
    match &e.extension {
        Some(ext) => format!("{} · {ext}", e.name),
        None => e.name.clone(),
    }
}

/// The employee picker: a type-ahead combobox over `GET /employees`, paged, with the keyboard.
#[component]
pub fn EmployeePicker(path: &'static str, get: Signal<String>, set: Callback<String>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let input_id = field_id(path);
    let list_id = format!("{input_id}-list");
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<Employee>::new());
    let next_cursor = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let searched = RwSignal::new(false);
    let seq = StoredValue::new(0u64);
    // The debounce belongs to the picker: cleared when the page goes.
    let timer = crate::ui::use_timer();

    // A failed call, and what «Повторить» runs again.
    let failed = RwSignal::new(None::<(ApiError, PickerCall)>);

    // A saved choice shows its name: resolve the id.
    let resolve = move |id: String| {
        failed.set(None);
        let api = editor.api.get_value();
        leptos::task::spawn_local(async move {
            let query = EmployeeQuery { ids: Some(id.clone()), ..Default::default() };
            match api.employees(&query).await {
                Ok(page) => {
                    if let Some(e) = page.items.iter().find(|e| e.id == id) {
                        if text.get_untracked().is_empty() {
                            text.set(employee_label(e));
                        }
                    }
                }
                Err(error) => failed.set(Some((error, PickerCall::Resolve(id)))),
            }
        });
    };
    let initial = get.get_untracked();
    if !initial.is_empty() {
        resolve(initial);
    }

    let fetch = move |query: String, cursor: Option<String>| {
        seq.update_value(|n| *n += 1);
        let mine = seq.get_value();
        failed.set(None);
        let api = editor.api.get_value();
        leptos::task::spawn_local(async move {
            let q = EmployeeQuery {
                query: (!query.trim().is_empty()).then(|| query.trim().chars().take(100).collect()),
                limit: Some(20),
                cursor: cursor.clone(),
                ids: None,
            };
            let result = api.employees(&q).await;
            if seq.get_value() != mine {
                return; // a newer search is on its way
            }
            let page = match result {
                Ok(page) => {
                    crate::perf::mark(crate::perf::SEARCH_RESPONSE);
                    page
                }
                Err(error) => {
                    // The list no longer answers what was typed; the failure takes its place.
                    open.set(false);
                    failed.set(Some((error, PickerCall::Search(query, cursor))));
                    return;
                }
            };
            if cursor.is_some() {
                results.update(|r| r.extend(page.items));
            } else {
                results.set(page.items);
                active.set(None);
            }
            next_cursor.set(page.next_cursor);
            searched.set(true);
            open.set(true);
            crate::perf::mark_after_paint(crate::perf::SEARCH_PAINTED);
        });
    };
    let retry = move || match failed.get_untracked() {
        Some((_, PickerCall::Search(query, cursor))) => fetch(query, cursor),
        Some((_, PickerCall::Resolve(id))) => resolve(id),
        None => {}
    };
    let debounce = timer.clone();
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        set.run(String::new());
        editor.clear_error(path);
        // Debounced: one request once the person pauses.
        debounce.schedule(Duration::from_millis(250), move || fetch(value, None));
    };
    let pick = move |e: Employee| {
        text.set(employee_label(&e));
        set.run(e.id);
        open.set(false);
        editor.clear_error(path);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let len = results.with_untracked(Vec::len);
        let action = key_action(&ev.key(), open.get_untracked(), active.get_untracked(), len);
        if action.prevents_default() {
            ev.prevent_default();
        }
        match action {
            KeyAction::OpenAndMove(next) => {
                // This search supersedes a debounced one still waiting: its late answer
                // would reset the highlight the arrows are about to move.
                timer.cancel();
                fetch(text.get_untracked(), None);
                active.set(next);
            }
            KeyAction::Move(next) => active.set(next),
            KeyAction::Pick(i) => {
                if let Some(e) = results.with_untracked(|r| r.get(i).cloned()) {
                    pick(e);
                }
            }
            KeyAction::Close => open.set(false),
            KeyAction::Swallow | KeyAction::Pass => {}
        }
    };
    let option_id = {
        let input_id = input_id.clone();
        move |i: usize| format!("{input_id}-opt-{i}")
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || if open.get() { active.get().map(&option_id) } else { None }
    };
    view! {
        <div class="field picker">
            <label class="field__label" for=input_id.clone()>
                {tr.t(Msg::EmployeeLabel)}
            </label>
            <p class="field__help" id=format!("{input_id}-help")>
                {tr.t(Msg::EmployeeSearch)}
            </p>
            <input
                id=input_id.clone()
                class="input"
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_descendant
                aria-invalid=invalid(editor, path.into())
                aria-describedby=described_by(editor, path.into(), Some(format!("{input_id}-help")))
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| {
                    if !searched.get_untracked() {
                        fetch(text.get_untracked(), None)
                    }
                }
            />
            <div class="picker__popup" hidden=move || !open.get()>
                <ul class="picker__list" id=list_id role="listbox" aria-label=tr.t(Msg::EmployeeLabel)>
                    {move || {
                        results
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, e)| {
                                let label = employee_label(&e);
                                let selected = get.get() == e.id;
                                view! {
                                    <li id=option_id(i) role="option" class="picker__option"
                                class:picker__option--active=move || active.get() == Some(i)
                                aria-selected=selected.to_string()
                                on:mousedown=move |ev| { ev.prevent_default(); pick(e.clone()); }>
                                {label}
                            </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                {move || {
                    (searched.get() && results.with(Vec::is_empty))
                        .then(|| view! { <p class="picker__empty">{tr.t(Msg::EmployeeNone)}</p> })
                }}
                {move || {
                    next_cursor
                        .get()
                        .map(|cursor| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--secondary picker__more"
                                    on:mousedown=move |ev| ev.prevent_default()
                                    on:click=move |_| fetch(text.get_untracked(), Some(cursor.clone()))
                                >
                                    {tr.t(Msg::ShowMore)}
                                </button>
                            }
                        })
                }}
            </div>
            {move || {
                failed
                    .get()
                    .map(|(error, _)| {
                        let again = error
                            .is_retryable()
                            .then(|| view! { <RetryButton tr=tr on_retry=move |_| retry() /> });
                        view! {
                            <div class="picker__failed" role="alert">
                                <p class="picker__failed-text">{error.message(tr)}</p>
                                {again}
                            </div>
                        }
                    })
            }}
            <ErrorText path=path />
        </div>
    }
}

/// A call of the picker, kept to run again on «Повторить».
#[derive(Debug, Clone, PartialEq)]
enum PickerCall {
    /// A search: the text and the page.
    Search(String, Option<String>),
    /// Finding the name of the saved employee.
    Resolve(String),
}
