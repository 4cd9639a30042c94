//! Sections 3–6: auto-replies, the closing message, non-working hours, auto-close.

use leptos::prelude::*;

use super::fields::{described_by, error_of, ErrorText};
use super::replies::{DurationField, RepliesEditor, ReplyList, TextCounter};
use super::routing::ChatBotSelect;
use super::FormState;
use crate::domain::{ExclusionNotice, FieldPath, Section, Unit, AUTO_CLOSE_PRESETS, PERIOD_UNITS};
use crate::i18n::{count, Msg};
use crate::ui::schedule::ScheduleBlock;
use crate::ui::{ExternalLink, Field, Switch};

#[component]
pub fn RepliesSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    view! {
        <fieldset class="section" id="section-replies">
            <legend class="section__legend">{tr.t(Msg::SecReplies)}</legend>
            <p class="field__help">{tr.t(Msg::RepliesHelp)}</p>
            <RepliesEditor list=ReplyList::Working />
            <p class="note">{tr.t(Msg::RepliesNote)}</p>
        </fieldset>
    }
}

/// The switch of a section: the anchor of its own errors and of those of the controls it
/// hides while off (`FieldPath::placement`). Its id stays the one tests and labels know; a
/// refused save finds it by `data-error-anchor`.
fn section_switch(
    id: &'static str,
    label: Msg,
    anchor: FieldPath,
    on: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    view! {
        <Switch
            id=id
            label=state.tr.t(label)
            on=on
            on_change=on_change
            error=error_of(state, anchor)
            error_id=anchor.error_id()
            anchor=anchor.to_string()
        />
    }
}

/// What a section's switch answers when flipped: the section's own errors and its own.
const CLOSING_OWN: &[FieldPath] = &[FieldPath::Section(Section::ClosingMessage), FieldPath::ClosingEnabled];
const NWH_OWN: &[FieldPath] = &[FieldPath::Section(Section::NonWorkingHours), FieldPath::NonWorkingMode];
const AUTO_CLOSE_OWN: &[FieldPath] = &[FieldPath::Section(Section::AutoClose), FieldPath::AutoCloseEnabled];

#[component]
pub fn ClosingSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    const PATH: FieldPath = FieldPath::ClosingText;
    let counter = format!("{}-count", PATH.control_id());
    view! {
        <fieldset class="section" id="section-closing">
            <legend class="section__legend">{tr.t(Msg::SecClosing)}</legend>
            // Switching on keeps an error of the hidden text: it moves under the text.
            {section_switch(
                "closing-enabled",
                Msg::ClosingSwitch,
                FieldPath::ClosingEnabled,
                state.value(|f| f.closing_enabled),
                Callback::new(move |on| state.choose(CLOSING_OWN, |f| f.closing_enabled = on)),
            )}
            <p class="field__help" id="closing-help">
                {tr.t(Msg::ClosingHelp)}
            </p>
            // Switching off hides the text but keeps it.
            <Field
                id=PATH.control_id()
                label=tr.t(Msg::ClosingText)
                error=error_of(state, PATH)
                described=vec![counter.clone()]
                hidden=Signal::derive(move || !form.with(|f| f.closing_enabled))
                let:control
            >
                <textarea
                    id=control.id
                    class="textarea"
                    rows="3"
                    aria-invalid=control.invalid
                    aria-describedby=control.described_by
                    prop:value=state.value(|f| f.closing_text.clone())
                    on:input=move |ev| {
                        form.update(|f| f.closing_text = event_target_value(&ev));
                        state.clear_error(PATH);
                    }
                ></textarea>
                <TextCounter id=counter.clone() text=state.value(|f| f.closing_text.clone()) />
            </Field>
        </fieldset>
    }
}

#[component]
pub fn NonWorkingSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    let notice = RwSignal::new(None::<ExclusionNotice>);
    let rules = state.channel.with_untracked(|c| c.non_working_hours_rules_url.clone());
    view! {
        <fieldset class="section" id="section-non-working">
            <legend class="section__legend">{tr.t(Msg::SecNonWorking)}</legend>
            <ScheduleBlock />
            <p class="field__help">{tr.t(Msg::NonWorkingExclusive)}</p>
            <ChatBotMode notice=notice />
            <Show when=move || form.with(|f| f.non_working.chat_bot_on)>
                <ChatBotSelect
                    path=FieldPath::NonWorkingChatBot
                    get=state.value(|f| f.non_working.chat_bot_id.clone())
                    set=Callback::new(move |id| form.update(|f| f.non_working.chat_bot_id = id))
                />
            </Show>
            <Switch
                id="nwh-replies"
                label=tr.t(Msg::NonWorkingReplies)
                on=state.value(|f| f.non_working.replies_on)
                on_change=Callback::new(move |on| {
                    let mut said = None;
                    state.choose(NWH_OWN, |f| said = f.set_non_working_replies(on));
                    notice.set(said);
                })
            />
            <p class="notice" role="status" id="nwh-notice">
                {move || {
                    notice
                        .get()
                        .map(|n| {
                            tr.t(
                                match n {
                                    ExclusionNotice::RepliesTurnedOff => Msg::RepliesTurnedOff,
                                    ExclusionNotice::ChatBotTurnedOff => Msg::ChatBotTurnedOff,
                                },
                            )
                        })
                }}
            </p>
            <Show when=move || form.with(|f| f.non_working.replies_on)>
                <RepliesEditor list=ReplyList::NonWorking />
            </Show>
            {rules
                .map(|url| {
                    view! {
                        <p>
                            <ExternalLink url=url text=tr.t(Msg::NonWorkingRules).to_owned() tr=tr class="link" />
                        </p>
                    }
                })}
        </fieldset>
    }
}

/// The non-working chat bot's switch (or why it is off), the anchor of the mode's errors.
#[component]
fn ChatBotMode(notice: RwSignal<Option<ExclusionNotice>>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let service = state.chat_bots_service();
    view! {
        <div
            class="field"
            id=FieldPath::NonWorkingMode.control_id()
            tabindex="-1"
            aria-describedby=described_by(
                state,
                FieldPath::NonWorkingMode,
                (!service).then(|| "nwh-chat-bots-off".to_owned()),
            )
        >
            {if service {
                view! {
                    <Switch
                        id="nwh-chat-bot"
                        label=tr.t(Msg::NonWorkingChatBot)
                        on=state.value(|f| f.non_working.chat_bot_on)
                        on_change=Callback::new(move |on| {
                            let mut said = None;
                            state.choose(NWH_OWN, |f| said = f.set_non_working_chat_bot(on));
                            notice.set(said);
                        })
                    />
                }
                    .into_any()
            } else {
                view! { <ChatBotSwitchOff /> }.into_any()
            }}
            <ErrorText path=FieldPath::NonWorkingMode />
        </div>
    }
}

/// The non-working chat-bot switch while the «Чат-боты» service is not connected: shown,
/// disabled, with the reason.
#[component]
fn ChatBotSwitchOff() -> impl IntoView {
    let tr = expect_context::<FormState>().tr;
    view! {
        <label class="switch switch--disabled" for="nwh-chat-bot">
            <input
                id="nwh-chat-bot"
                type="checkbox"
                role="switch"
                class="switch__input"
                disabled
                aria-describedby="nwh-chat-bots-off"
            />
            <span class="switch__track" aria-hidden="true"></span>
            <span class="switch__label">{tr.t(Msg::NonWorkingChatBot)}</span>
        </label>
        <p class="field__help" id="nwh-chat-bots-off">
            {tr.t(Msg::ChatBotsOff)}
        </p>
    }
}

/// «15 мин», «1 ч», «1 день», «7 дней» for a preset of minutes.
fn preset_label(tr: crate::i18n::Tr, minutes: i64) -> String {
    let (n, unit) = if minutes % 1_440 == 0 {
        (minutes / 1_440, Msg::UnitDay)
    } else if minutes % 60 == 0 {
        (minutes / 60, Msg::UnitHour)
    } else {
        (minutes, Msg::UnitMinute)
    };
    count(tr.0, unit, n as u64)
}

#[component]
pub fn AutoCloseSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    const PATH: FieldPath = FieldPath::AutoCloseAfter;
    let preset = Memo::new(move |_| form.with(|f| f.auto_close.preset));
    view! {
        <fieldset class="section" id="section-auto-close">
            <legend class="section__legend">{tr.t(Msg::SecAutoClose)}</legend>
            {section_switch(
                "auto-close-enabled",
                Msg::AutoCloseSwitch,
                FieldPath::AutoCloseEnabled,
                state.value(|f| f.auto_close.enabled),
                Callback::new(move |on| state.choose(AUTO_CLOSE_OWN, |f| f.auto_close.enabled = on)),
            )}
            <div hidden=move || !form.with(|f| f.auto_close.enabled)>
                <div class="field">
                    <label class="field__label" for="auto-close-preset">
                        {tr.t(Msg::AutoClosePeriod)}
                    </label>
                    // The anchor of the period while a preset is chosen (no custom field).
                    <select
                        id="auto-close-preset"
                        class="select"
                        data-error-anchor=PATH.to_string()
                        aria-describedby=described_by(state, PATH, None)
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            form.update(|f| f.auto_close.preset = value.parse().ok());
                            state.clear_error(PATH);
                        }
                    >
                        {AUTO_CLOSE_PRESETS
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.to_string() selected=move || preset.get() == Some(m)>
                                        {preset_label(tr, m)}
                                    </option>
                                }
                            })
                            .collect_view()}
                        <option value="custom" selected=move || preset.get().is_none()>
                            {tr.t(Msg::AutoCloseCustom)}
                        </option>
                    </select>
                </div>
                <Show when=move || preset.get().is_none()>
                    <DurationField
                        path=PATH.to_owned()
                        label=Msg::AutoCloseCustomValue
                        help=Some(Msg::AutoCloseRange)
                        usual=&PERIOD_UNITS
                        text=state.value(|f| f.auto_close.custom.text.clone())
                        unit=state.value(|f| f.auto_close.custom.unit)
                        on_text=Callback::new(move |t| form.update(|f| f.auto_close.custom.text = t))
                        on_unit=Callback::new(move |u: Unit| form.update(|f| f.auto_close.custom.unit = u))
                    />
                </Show>
                {move || preset.get().is_some().then(|| view! { <ErrorText path=PATH /> })}
            </div>
        </fieldset>
    }
}
