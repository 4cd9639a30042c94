//! «Как это увидит клиент»: a MAX-style chat drawn from the form's values right now (saved
//! or not, no request), in one of four situations, and «Проверьте настройки» above it.
//! Beside the form from 1280 px, below it on narrower screens (the stylesheet decides).

mod chat;
mod checks;

use leptos::prelude::*;

use crate::domain::schedule_text::at_text;
use crate::domain::timeline::{timeline, Situation};
use crate::domain::{FieldPath, SettingsForm};
use crate::i18n::{Msg, Tr};
use crate::ui::schedule::ScheduleInfo;

/// What the customer's view reads of the settings form beside it, given by the form (in
/// context): the view knows nothing of the form's module, so the arrows point one way,
/// settings → customer view.
#[derive(Clone, Copy)]
pub struct FormView {
    pub tr: Tr,
    /// The form's values as typed; a warning's fix changes them, as an unsaved change.
    pub form: RwSignal<SettingsForm>,
    /// The bot's name as the customer sees it.
    pub bot_name: Memo<String>,
    pub chat_bots: StoredValue<Vec<max_channel_contract::ChatBot>>,
    /// Takes the focus to a control of the form (a warning, its fix).
    pub focus: fn(FieldPath),
}

fn situation_label(situation: Situation) -> Msg {
    match situation {
        Situation::Busy => Msg::SituationBusy,
        Situation::NonWorking => Msg::SituationNonWorking,
        Situation::OperatorClosed => Msg::SituationOperatorClosed,
        Situation::CustomerSilent => Msg::SituationCustomerSilent,
    }
}

fn situation_key(situation: Situation) -> &'static str {
    match situation {
        Situation::Busy => "busy",
        Situation::NonWorking => "non-working",
        Situation::OperatorClosed => "operator-closed",
        Situation::CustomerSilent => "customer-silent",
    }
}

#[component]
pub fn CustomerView() -> impl IntoView {
    let state = expect_context::<FormView>();
    let schedule = expect_context::<ScheduleInfo>();
    let tr = state.tr;
    let situation = RwSignal::new(Situation::Busy);
    let moments = Memo::new(move |_| {
        let situation = situation.get();
        let resumes_in = match situation {
            Situation::NonWorking => schedule.reading.with(|r| r.as_ref()?.stretch?.resumes_in),
            _ => None,
        };
        state.form.with(|form| timeline(form, situation, resumes_in))
    });
    view! {
        <aside class="customer-view" id="customer-view" tabindex="-1" aria-labelledby="customer-view-title">
            <h2 class="customer-view__title" id="customer-view-title">
                {tr.t(Msg::CustomerViewTitle)}
            </h2>
            <checks::Checks />
            <p class="field__help">{tr.t(Msg::CustomerViewHelp)}</p>
            <SituationSwitch situation=situation tr=tr />
            <Show when=move || situation.get() == Situation::NonWorking>
                <NonWorkingNote tr=tr />
            </Show>
            <chat::Chat moments=moments situation=situation />
        </aside>
    }
}

#[component]
fn SituationSwitch(situation: RwSignal<Situation>, tr: Tr) -> impl IntoView {
    view! {
        <fieldset class="situations">
            <legend class="situations__legend">{tr.t(Msg::SituationLegend)}</legend>
            {Situation::ALL
                .map(|option| {
                    let id = format!("situation-{}", situation_key(option));
                    view! {
                        <label class="situations__option" for=id.clone()>
                            <input
                                id=id.clone()
                                type="radio"
                                name="situation"
                                prop:checked=move || situation.get() == option
                                on:change=move |_| situation.set(option)
                            />
                            <span>{tr.t(situation_label(option))}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// When the customer of the non-working situation writes, or that it never happens.
#[component]
fn NonWorkingNote(tr: Tr) -> impl IntoView {
    let schedule = expect_context::<ScheduleInfo>();
    move || {
        schedule.reading.with(|reading| {
            let reading = reading.as_ref()?;
            let text = match reading.stretch {
                None => tr.t(Msg::NoNonWorkingTime).to_owned(),
                Some(stretch) => {
                    let when = match stretch.now {
                        true => tr.t(Msg::WritesNow).to_owned(),
                        false => at_text(tr.0, stretch.start, reading.today),
                    };
                    let mut text = tr.f(Msg::NonWorkingStarts, &[("when", &when)]);
                    if let Some(resume) = stretch.resume {
                        let resumes = at_text(tr.0, resume, reading.today);
                        text.push(' ');
                        text.push_str(&tr.f(Msg::NonWorkingResumes, &[("when", &resumes)]));
                    }
                    text
                }
            };
            Some(view! {
                <p class="customer-view__note" id="customer-view-note">
                    {text}
                </p>
            })
        })
    }
}
