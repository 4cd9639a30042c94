//! The panel's controls. Each makes the next state from the current one and hands it to
//! `change`, which decides what that takes (a fresh account, the pages loaded again, …).

use leptos::prelude::*;

use super::address::address_of;
use super::clock_fields::ClockFields;
use super::labels::{data_label, fault_label, target_label, targets, token_label};
use crate::api::demo::{DemoFault, FaultRule, FaultTarget, Preset, Scenario, TokenAnswer};
use crate::i18n::{Msg, Tr};
use crate::ui::link_kit::copy::{copy_text, Announce, CopyOutcome};
use crate::ui::{use_app, Button, ButtonKind};

// Each select also sets its `value` as a property: once a person has changed a select, an
// option's `selected` attribute no longer moves it in Firefox (an error met once that
// switches itself off must show «Нет» again).

/// Hands `change` the current state as `edit` leaves it.
pub(super) fn edit(scenario: RwSignal<Scenario>, change: Callback<Scenario>, edit: impl FnOnce(&mut Scenario)) {
    let mut next = scenario.get_untracked();
    edit(&mut next);
    change.run(next);
}

#[component]
pub fn Controls(scenario: RwSignal<Scenario>, change: Callback<Scenario>, zone: Signal<String>) -> impl IntoView {
    let tr: Tr = use_app().tr;
    view! {
        <label class="preview__field">
            <span>{tr.t(Msg::PreviewData)}</span>
            <select
                class="select"
                id="preview-data"
                prop:value=move || scenario.get().data.name()
                on:change=move |ev| {
                    if let Some(data) = Preset::parse(&event_target_value(&ev)) {
                        edit(scenario, change, |s| s.data = data);
                    }
                }
            >
                {Preset::ALL
                    .into_iter()
                    .map(|data| {
                        view! {
                            <option value=data.name() selected=move || scenario.get().data == data>
                                {tr.t(data_label(data))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <FaultFields scenario=scenario change=change />
        <Check
            id="preview-slow"
            label=Msg::PreviewSlow
            on=Signal::derive(move || scenario.get().slow)
            set=move |on| edit(scenario, change, |s| s.slow = on)
        />
        <Check
            id="preview-hold"
            label=Msg::PreviewHold
            on=Signal::derive(move || scenario.get().hold)
            set=move |on| edit(scenario, change, |s| s.hold = on)
        />
        <label class="preview__field">
            <span>{tr.t(Msg::PreviewToken)}</span>
            <select
                class="select"
                id="preview-token"
                prop:value=move || scenario.get().token.name()
                on:change=move |ev| {
                    let answer = TokenAnswer::parse(&event_target_value(&ev)).unwrap_or_default();
                    edit(scenario, change, |s| s.token = answer);
                }
            >
                {TokenAnswer::ALL
                    .map(|answer| {
                        view! {
                            <option value=answer.name() selected=move || scenario.get().token == answer>
                                {tr.t(token_label(answer))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <Check
            id="preview-check"
            label=Msg::PreviewCheck
            on=Signal::derive(move || scenario.get().check)
            set=move |on| edit(scenario, change, |s| s.check = on)
        />
        <ClockFields scenario=scenario change=change zone=zone />
        <LanguageField scenario=scenario change=change />
    }
}

/// A checkbox with its words, the whole row clickable.
#[component]
fn Check(id: &'static str, label: Msg, on: Signal<bool>, #[prop(into)] set: Callback<bool>) -> impl IntoView {
    let tr: Tr = use_app().tr;
    view! {
        <label class="preview__check">
            <input id=id type="checkbox" prop:checked=on on:change=move |ev| set.run(event_target_checked(&ev)) />
            <span>{tr.t(label)}</span>
        </label>
    }
}

/// When the error comes, the error, and whether once. «Когда» comes first and is kept while
/// no error is chosen: set to «при сохранении» before the error, nothing on the page loads
/// again and whatever was typed stays.
#[component]
fn FaultFields(scenario: RwSignal<Scenario>, change: Callback<Scenario>) -> impl IntoView {
    let tr: Tr = use_app().tr;
    let start = scenario.get_untracked().fault;
    let on = RwSignal::new(start.map_or(FaultTarget::Every, |r| r.on));
    let once = RwSignal::new(start.is_some_and(|r| r.once));
    let set_rule = move |fault: Option<DemoFault>| {
        let rule = fault.map(|fault| FaultRule { fault, on: on.get_untracked(), once: once.get_untracked() });
        edit(scenario, change, |s| s.fault = rule);
    };
    // An error met once switches itself off; the choice of where stays for the next.
    let fault = move || scenario.get().fault.map(|r| r.fault);
    view! {
        <label class="preview__field">
            <span>{tr.t(Msg::PreviewWhen)}</span>
            <select
                class="select"
                id="preview-on"
                prop:value=move || on.get().id()
                on:change=move |ev| {
                    on.set(FaultTarget::from_id(&event_target_value(&ev)).unwrap_or(FaultTarget::Every));
                    set_rule(fault());
                }
            >
                {targets()
                    .map(|t| {
                        view! {
                            <option value=t.id() selected=move || on.get() == t>
                                {tr.t(target_label(t))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <label class="preview__field">
            <span>{tr.t(Msg::PreviewFault)}</span>
            <select
                class="select"
                id="preview-fault"
                prop:value=move || fault().map_or("", DemoFault::name)
                on:change=move |ev| set_rule(DemoFault::parse(&event_target_value(&ev)))
            >
                <option value="" selected=move || fault().is_none()>
                    {tr.t(Msg::PreviewNoFault)}
                </option>
                {DemoFault::ALL
                    .map(|f| {
                        view! {
                            <option value=f.name() selected=move || fault() == Some(f)>
                                {tr.t(fault_label(f))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <Check
            id="preview-once"
            label=Msg::PreviewOnce
            on=Signal::derive(move || once.get())
            set=move |now| {
                once.set(now);
                set_rule(fault());
            }
        />
    }
}

/// «Язык»: the page loads again in the other language, in the same state.
#[component]
fn LanguageField(scenario: RwSignal<Scenario>, change: Callback<Scenario>) -> impl IntoView {
    let tr: Tr = use_app().tr;
    let choice = move |id: &'static str, english: bool, label: Msg| {
        view! {
            <label class="preview__check">
                <input
                    id=id
                    type="radio"
                    name="preview-lang"
                    prop:checked=move || scenario.get().english == english
                    on:change=move |_| edit(scenario, change, |s| s.english = english)
                />
                <span lang=if english { "en" } else { "ru" }>{tr.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="preview__group">
            <legend>{tr.t(Msg::PreviewLanguage)}</legend>
            {choice("preview-lang-ru", false, Msg::LanguageRussian)}
            {choice("preview-lang-en", true, Msg::LanguageEnglish)}
        </fieldset>
    }
}

/// «Скопировать ссылку на это состояние», the link itself beside it (selected for Ctrl+C
/// where the clipboard refuses), and the same state without the panel.
#[component]
pub fn ShareLink(scenario: RwSignal<Scenario>) -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    let announce: Announce = RwSignal::new(None);
    let tasks = crate::ui::use_tasks();
    // What the address says once the state is written into it (whichever runs first).
    let location = leptos_router::hooks::use_location();
    let link = Memo::new(move |_| {
        location.pathname.track();
        location.search.track();
        address_of(&scenario.get())
    });
    let outcome = CopyOutcome { copied: Msg::PreviewLinkCopied, selected: Msg::PreviewLinkSelected };
    let bare = move || {
        let plain = Scenario { chrome: false, ..scenario.get() };
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        format!("{path}?{}", plain.to_query())
    };
    let gallery = format!(
        "{}?{}",
        app.href("/gallery"),
        Scenario { data: Preset::NotConnected, ..Scenario::default() }.to_query()
    );
    view! {
        <div class="preview__share">
            <label class="preview__field">
                <span>{tr.t(Msg::PreviewLinkLabel)}</span>
                <input id="preview-link" class="input" type="text" readonly prop:value=move || link.get() />
            </label>
            <Button
                kind=ButtonKind::Secondary
                id="preview-copy"
                on_press=move |()| copy_text(tasks, link.get_untracked(), "preview-link", outcome, announce)
            >
                {tr.t(Msg::PreviewCopyLink)}
            </Button>
            <p class="preview__note" role="status">
                {move || announce.get().map(|(_, said)| tr.t(said))}
            </p>
            <p class="preview__links">
                <a id="preview-bare" href=bare target="_blank" rel="noopener">
                    {tr.t(Msg::PreviewWithoutPanel)}
                </a>
                " · "
                <a id="preview-gallery" href=gallery>
                    {tr.t(Msg::PreviewGalleryLink)}
                </a>
            </p>
        </div>
    }
}
