//! «Приём и обработка обращений»: employee, group or chat-bot (with its fallback).

use leptos::prelude::*;
use max_channel_contract::Distribution;

use super::fields::error_of;
use super::picker::EmployeePicker;
use super::FormState;
use crate::domain::{FallbackKind, FieldPath, RoutingKind, Section};
use crate::i18n::{count, Msg};
use crate::ui::{place_of, Choice, ExternalLink, Field, RadioGroup};

#[component]
pub fn RoutingSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    let service = state.chat_bots_service();
    // A memo: the section re-renders when the kind changes, not on every keystroke.
    let kind = Memo::new(move |_| form.with(|f| f.routing.kind));
    // Another kind hides the chosen one's control (its errors go) and reveals its own.
    let choose = move |k: RoutingKind| {
        state.choose(&[FieldPath::Section(Section::Routing), FieldPath::RoutingType], |f| f.routing.kind = k)
    };
    const KINDS: [RoutingKind; 3] = [RoutingKind::Employee, RoutingKind::Group, RoutingKind::ChatBot];
    let choice = |label: Msg, id: &'static str| Choice::new(tr.t(label)).id(id).form_value(id);
    view! {
        <fieldset class="section" id="section-routing">
            <legend class="section__legend">{tr.t(Msg::SecRouting)}</legend>
            <RadioGroup
                name="routing-kind"
                legend=tr.t(Msg::RoutingWho)
                choices=vec![
                    choice(Msg::RoutingEmployee, "routing-employee"),
                    choice(Msg::RoutingGroup, "routing-group"),
                    choice(Msg::RoutingChatBot, "routing-chat_bot").disabled(!service),
                ]
                selected=Signal::derive(move || place_of(&KINDS, &kind.get()))
                on_choose=Callback::new(move |place: usize| {
                    if let Some(k) = KINDS.get(place) {
                        choose(*k);
                    }
                })
                id=FieldPath::RoutingType.control_id()
                error=error_of(state, FieldPath::RoutingType)
                described=(!service).then(|| "chat-bots-off".to_owned()).into_iter().collect()
            >
                {(!service)
                    .then(|| {
                        view! {
                            <p class="field__help" id="chat-bots-off">
                                {tr.t(Msg::ChatBotsOff)}
                            </p>
                        }
                    })}
            </RadioGroup>
            {move || match kind.get() {
                RoutingKind::Employee => {
                    view! {
                        <EmployeePicker
                            path=FieldPath::RoutingEmployee
                            get=state.value(|f| f.routing.employee_id.clone())
                            set=Callback::new(move |id| form.update(|f| f.routing.employee_id = id))
                        />
                    }
                        .into_any()
                }
                RoutingKind::Group => {
                    view! {
                        <GroupSelect
                            path=FieldPath::RoutingGroup
                            get=state.value(|f| f.routing.group_id.clone())
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
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    let fallback = Memo::new(move |_| form.with(|f| f.routing.fallback));
    const FALLBACKS: [Option<FallbackKind>; 2] = [Some(FallbackKind::Employee), Some(FallbackKind::Group)];
    let choose = move |k: FallbackKind| {
        state.choose(&[FieldPath::Fallback, FieldPath::FallbackType], |f| f.routing.fallback = Some(k))
    };
    view! {
        <ChatBotSelect
            path=FieldPath::RoutingChatBot
            get=state.value(|f| f.routing.chat_bot_id.clone())
            set=Callback::new(move |id| form.update(|f| f.routing.chat_bot_id = id))
        />
        <RadioGroup
            name="routing-fallback"
            legend=tr.t(Msg::FallbackLabel)
            choices=vec![
                Choice::new(tr.t(Msg::RoutingEmployee)).id("fallback-employee"),
                Choice::new(tr.t(Msg::RoutingGroup)).id("fallback-group"),
            ]
            selected=Signal::derive(move || place_of(&FALLBACKS, &fallback.get()))
            on_choose=Callback::new(move |place: usize| {
                if let Some(Some(k)) = FALLBACKS.get(place) {
                    choose(*k);
                }
            })
            id=FieldPath::Fallback.control_id()
            error=error_of(state, FieldPath::Fallback)
        />
        {move || match fallback.get() {
            Some(FallbackKind::Employee) => {
                Some(
                    view! {
                        <EmployeePicker
                            path=FieldPath::FallbackEmployee
                            get=state.value(|f| f.routing.fallback_employee_id.clone())
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
                            path=FieldPath::FallbackGroup
                            get=state.value(|f| f.routing.fallback_group_id.clone())
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
    path: FieldPath,
    label: Msg,
    placeholder: Msg,
    options: Vec<(String, String)>,
    get: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    view! {
        <Field id=path.control_id() label=tr.t(label) error=error_of(state, path) let:control>
            <select
                id=control.id
                class="select"
                aria-invalid=control.invalid
                aria-describedby=control.described_by
                on:change=move |ev| {
                    set.run(event_target_value(&ev));
                    state.clear_error(path);
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
        </Field>
    }
}

/// A group select; for routing, the group's distribution rule read-only below it.
#[component]
pub fn GroupSelect(path: FieldPath, get: Signal<String>, set: Callback<String>, show_rule: bool) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let groups = state.groups.get_value();
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
    let link = state.channel.with_untracked(|c| c.distribution_settings_url.clone());
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
pub fn ChatBotSelect(path: FieldPath, get: Signal<String>, set: Callback<String>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let options = state.chat_bots.get_value().into_iter().map(|b| (b.id, b.name)).collect();
    view! { <IdSelect path=path label=Msg::ChatBotLabel placeholder=Msg::ChooseChatBot options=options get=get set=set /> }
}
