//! «Токен HTTP API»: a masked input with show/hide, «Проверить», and the outcome.

use leptos::prelude::*;

use super::fields::{described_by, invalid, ErrorText};
use super::token_guide::{PlatformLink, TokenGuide};
use super::{FormState, TokenCheck, Workflows};
use crate::api::ApiError;
use crate::domain::FieldPath;
use crate::i18n::Msg;
use crate::ui::{Button, ButtonKind, RetryButton};

pub(super) const PATH: FieldPath = FieldPath::Token;

#[component]
pub fn TokenSection() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let shown = RwSignal::new(false);
    // A connected channel keeps its stored token until the person chooses to replace it.
    let stored = move || state.channel.with(|c| c.token_hint.clone());
    let field_open = move || stored().is_none() || state.replacing_token.get();
    let flows = expect_context::<Workflows>();
    let check = Callback::new(move |()| flows.check_token());
    let checking = Signal::derive(move || state.token_check.get() == TokenCheck::Checking);
    view! {
        <fieldset class="section" id="section-token">
            <legend class="section__legend">{tr.t(Msg::SecToken)}</legend>
            {move || stored().map(|hint| view! { <StoredToken hint=hint /> })}
            <Show when=field_open>
                <div class="field">
                    <label class="field__label" for=PATH.control_id()>
                        {tr.t(Msg::TokenLabel)}
                    </label>
                    <p class="field__help" id="token-help">
                        {tr.t(Msg::TokenHelp)}
                        " "
                        <PlatformLink />
                    </p>
                    <div class="token-row">
                        <input
                            id=PATH.control_id()
                            class="input input--token"
                            type=move || if shown.get() { "text" } else { "password" }
                            autocomplete="off"
                            spellcheck="false"
                            autocapitalize="off"
                            aria-invalid=invalid(state, PATH)
                            aria-describedby=described_by(state, PATH, Some("token-help".into()))
                            prop:value=move || state.token.get()
                            on:input=move |ev| {
                                state.token.set(event_target_value(&ev));
                                state.token_check.set(TokenCheck::Idle);
                                state.clear_error(PATH);
                            }
                        />
                        <Button
                            kind=ButtonKind::Secondary
                            on_press=move |()| shown.update(|s| *s = !*s)
                            attr:aria-pressed=move || shown.get().to_string()
                        >
                            {move || tr.t(if shown.get() { Msg::TokenHide } else { Msg::TokenShow })}
                        </Button>
                        <Button
                            kind=ButtonKind::Secondary
                            blocked=checking
                            busy=checking
                            on_press=check
                            id="token-check"
                        >
                            {move || {
                                tr.t(
                                    if state.token_check.get() == TokenCheck::Checking {
                                        Msg::TokenChecking
                                    } else {
                                        Msg::TokenCheck
                                    },
                                )
                            }}
                        </Button>
                    </div>
                    <ErrorText path=PATH />
                    <div class="token-outcome" aria-live="polite">
                        {move || outcome_view(state, check)}
                    </div>
                    <TokenGuide />
                </div>
            </Show>
        </fieldset>
    }
}

/// A connected channel's stored token: its hint, its bot, and «Заменить токен».
#[component]
fn StoredToken(hint: String) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let toggle = move |()| {
        let replacing = !state.replacing_token.get_untracked();
        state.replacing_token.set(replacing);
        if replacing {
            // Straight into the new token's field.
            super::fields::focus_later(PATH);
        } else {
            state.token.set(String::new());
            state.token_check.set(TokenCheck::Idle);
            state.clear_error(PATH);
        }
    };
    view! {
        <div class="token-stored">
            <p>{tr.f(Msg::TokenStored, &[("hint", &hint)])}</p>
            {move || state.channel.with(|c| c.bot.clone()).map(|bot| view! { <BotBadge bot=bot /> })}
            <Button
                kind=ButtonKind::Secondary
                id="token-replace"
                on_press=toggle
                attr:aria-expanded=move || state.replacing_token.get().to_string()
            >
                {move || tr.t(if state.replacing_token.get() { Msg::TokenKeep } else { Msg::TokenReplace })}
            </Button>
        </div>
    }
}

/// The bot a token belongs to: name and @username.
#[component]
fn BotBadge(bot: max_channel_contract::BotInfo) -> impl IntoView {
    let username = bot.username.map(|u| format!("@{u}"));
    view! {
        <p class="bot">
            <span class="bot__name">{bot.first_name}</span>
            {username
                .map(|u| {
                    view! {
                        " "
                        <span class="bot__username">{u}</span>
                    }
                })}
        </p>
    }
}

fn outcome_view(state: FormState, check: Callback<()>) -> Option<AnyView> {
    let tr = state.tr;
    match state.token_check.get() {
        TokenCheck::Idle | TokenCheck::Checking => None,
        TokenCheck::Valid(bot) => Some(
            view! {
                <div class="token-valid">
                    <span class="badge badge--info">{tr.t(Msg::TokenAuthorized)}</span>
                    <BotBadge bot=bot />
                </div>
            }
            .into_any(),
        ),
        TokenCheck::Failed(error) => {
            let wait = crate::ui::use_retry_wait(&error);
            let retryable = error.is_retryable();
            let text = move || match &error {
                ApiError::Network => tr.t(Msg::TokenNetwork).to_owned(),
                ApiError::Validation(fields) => {
                    fields.first().map(|f| tr.t(state.message_for(f)).to_owned()).unwrap_or_else(|| error.message(tr))
                }
                other => other.message_waiting(tr, wait.get()),
            };
            let retry = retryable.then(|| view! { <RetryButton tr=tr on_retry=check wait=wait /> });
            Some(
                view! {
                    <div class="token-failed">
                        <p class="field__error" role="alert" id="token-check-error">
                            {text}
                        </p>
                        {retry}
                    </div>
                }
                .into_any(),
            )
        }
    }
}
