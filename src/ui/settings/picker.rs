//! The employee picker: a thin view over the headless `domain::Combobox` — a type-ahead
//! over `GET /employees`, paged, with the keyboard. The view sends the searches the state
//! asks for and renders what it holds; every call and the debounce belong to the picker
//! (`use_tasks`, `use_timer`), so nothing outlives it.

use std::time::Duration;

use leptos::prelude::*;
use max_channel_contract::Employee;

use super::fields::error_of;
use super::{FormState, Workflows};
use crate::api::ApiError;
use crate::domain::{Combobox, FieldPath, KeyOutcome};
use crate::i18n::{Msg, Tr};
use crate::ui::{use_tasks, Button, ButtonKind, Field, RetryButton, Timer};

mod calls;

use calls::{PickerCall, PickerCalls};

/// How long typing must pause before the search goes.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// How an employee reads in the picker.
fn employee_label(e: &Employee) -> String {
    match &e.extension {
        Some(ext) => format!("{} · {ext}", e.name),
        None => e.name.clone(),
    }
}

#[component]
pub fn EmployeePicker(path: FieldPath, get: Signal<String>, set: Callback<String>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let input_id = path.control_id();
    let combo = RwSignal::new(Combobox::<Employee>::default());
    let failed = RwSignal::new(None::<(ApiError, PickerCall)>);
    let calls = PickerCalls { combo, failed, api: expect_context::<Workflows>().api, tasks: use_tasks() };
    // The debounce belongs to the picker: cleared when the page goes.
    let timer = crate::ui::use_timer();
    let initial = get.get_untracked();
    if !initial.is_empty() {
        calls.resolve(initial);
    }
    let pick = Callback::new(move |e: Employee| {
        combo.update(|c| c.picked(employee_label(&e)));
        set.run(e.id);
        state.clear_error(path);
    });
    let debounce = timer.clone();
    let on_input = move |ev| {
        combo.update(|c| c.typed(event_target_value(&ev)));
        set.run(String::new());
        state.clear_error(path);
        // Debounced: one request once the person pauses.
        debounce.schedule(DEBOUNCE, move || {
            calls.fetch(false);
        });
    };
    // «Показать ещё» while a search of newer text is due sends that search now (its first
    // page, as `Combobox::more` decides): the debounce then has nothing left to do.
    let more_timer = timer.clone();
    let more = Callback::new(move |()| {
        if calls.fetch(true) {
            more_timer.cancel();
        }
    });
    let on_keydown = key_handler(combo, timer, calls, pick);
    let open = Memo::new(move |_| combo.with(|c| c.open));
    let active = Memo::new(move |_| combo.with(|c| c.active));
    let option_id = move |i: usize| format!("{}-opt-{i}", path.control_id());
    view! {
        <Field
            id=input_id.clone()
            label=tr.t(Msg::EmployeeLabel)
            help=Some(tr.t(Msg::EmployeeSearch).to_owned())
            error=error_of(state, path)
            class="picker"
            let:control
        >
            <input
                id=control.id
                class="input"
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=format!("{input_id}-list")
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=move || if open.get() { active.get().map(option_id) } else { None }
                aria-invalid=control.invalid
                aria-describedby=control.described_by
                prop:value=move || combo.with(|c| c.text.clone())
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| {
                    if !combo.with_untracked(|c| c.searched) {
                        calls.fetch(false);
                    }
                }
            />
            <Popup path=path combo=combo get=get pick=pick more=more />
            <Failure failed=failed tr=tr retry=Callback::new(move |()| calls.retry()) />
        </Field>
    }
}

/// The picker's keys: the headless state decides ([`Combobox::key`]); this sends the
/// search it asks for, runs the pick, and keeps the debounce in step.
fn key_handler(
    combo: RwSignal<Combobox<Employee>>,
    timer: Timer,
    calls: PickerCalls,
    pick: Callback<Employee>,
) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev| {
        let Some((action, outcome)) = combo.try_update(|c| c.key(&ev.key())) else { return };
        if action.prevents_default() {
            ev.prevent_default();
        }
        match outcome {
            // This search supersedes a debounced one still waiting: its late answer would
            // reset the highlight the arrows are about to move.
            KeyOutcome::SearchNow(search) => {
                timer.cancel();
                calls.send(search);
            }
            KeyOutcome::Picked(e) => pick.run(e),
            KeyOutcome::Dismissed => timer.cancel(),
            KeyOutcome::Nothing => {}
        }
    }
}

/// The list of options, «никого не нашлось», and «Показать ещё».
#[component]
fn Popup(
    path: FieldPath,
    combo: RwSignal<Combobox<Employee>>,
    get: Signal<String>,
    pick: Callback<Employee>,
    more: Callback<()>,
) -> impl IntoView {
    let tr = expect_context::<FormState>().tr;
    let items = Memo::new(move |_| combo.with(|c| c.items.clone()));
    let active = Memo::new(move |_| combo.with(|c| c.active));
    let nobody = move || combo.with(|c| c.searched && c.items.is_empty());
    let has_more = move || combo.with(|c| c.next_cursor.is_some());
    let id = path.control_id();
    view! {
        <div class="picker__popup" hidden=move || !combo.with(|c| c.open)>
            <ul class="picker__list" id=format!("{id}-list") role="listbox" aria-label=tr.t(Msg::EmployeeLabel)>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, e)| {
                            let label = employee_label(&e);
                            let selected = get.get() == e.id;
                            view! {
                                <li
                                    id=format!("{}-opt-{i}", path.control_id())
                                    role="option"
                                    class="picker__option"
                                    class:picker__option--active=move || active.get() == Some(i)
                                    aria-selected=selected.to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        pick.run(e.clone());
                                    }
                                >
                                    {label}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || nobody().then(|| view! { <p class="picker__empty">{tr.t(Msg::EmployeeNone)}</p> })}
            {move || {
                has_more()
                    .then(|| {
                        view! {
                            // The press keeps the focus in the search field.
                            <Button
                                kind=ButtonKind::Secondary
                                class="picker__more"
                                on_press=more
                                on:mousedown=move |ev| ev.prevent_default()
                            >
                                {tr.t(Msg::ShowMore)}
                            </Button>
                        }
                    })
            }}
        </div>
    }
}

/// A failed call of the picker, with «Повторить» when trying again may help.
#[component]
fn Failure(failed: RwSignal<Option<(ApiError, PickerCall)>>, tr: Tr, retry: Callback<()>) -> impl IntoView {
    move || {
        failed.get().map(|(error, _)| {
            let wait = crate::ui::use_retry_wait(&error);
            let again =
                error.is_retryable().then(|| view! { <RetryButton tr=tr on_retry=move |_| retry.run(()) wait=wait /> });
            view! {
                <div class="picker__failed" role="alert">
                    <p class="picker__failed-text">{move || error.message_waiting(tr, wait.get())}</p>
                    {again}
                </div>
            }
        })
    }
}
