//! «Токен HTTP API»: a masked input with show/hide, «Проверить», and the outcome.

use leptos::prelude::*;

use super::fields::{described_by, field_id, invalid, ErrorText};
use super::{Editor, TokenCheck};
use crate::api::ApiError;
use crate::i18n::Msg;
use crate::ui::RetryButton;

const PATH: &str = "token";

#[component]
pub fn TokenSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let shown = RwSignal::new(false);
    // A connected channel keeps its stored token until the person chooses to replace it.
    let stored = move || editor.channel.with(|c| c.token_hint.clone());
    let field_open = move || stored().is_none() || editor.replacing_token.get();
    let check = Callback::new(move |()| {
        if editor.token_check.get_untracked() == TokenCheck::Checking {
            return;
        }
        let token = editor.token.get_untracked();
        match max_channel_contract::check_token(&token) {
            Err(code) => editor.show_errors(vec![max_channel_contract::field_error(PATH, code)]),
            Ok(trimmed) => {
                let trimmed = trimmed.to_owned();
                editor.clear_error(PATH);
                editor.token_check.set(TokenCheck::Checking);
                let api = editor.api.get_value();
                leptos::task::spawn_local(async move {
                    let outcome = api.verify_token(&trimmed).await;
                    // The person may have edited the token meanwhile: then the answer is stale.
                    if max_channel_contract::check_token(&editor.token.get_untracked()).ok() != Some(trimmed.as_str()) {
                        return;
                    }
                    editor.token_check.set(match outcome {
                        Ok(bot) => TokenCheck::Valid(bot),
                        Err(error) => TokenCheck::Failed(error),
                    });
                });
            }
        }
    });
    view! {
        <fieldset class="section" id="section-token">
            <legend class="section__legend">{tr.t(Msg::SecToken)}</legend>
            {move || {
                stored()
                    .map(|hint| {
                        view! {
                            <div class="token-stored">
                                <p>{tr.f(Msg::TokenStored, &[("hint", &hint)])}</p>
                                {move || {
                                    editor.channel.with(|c| c.bot.clone()).map(|bot| view! { <BotBadge bot=bot /> })
                                }}
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    id="token-replace"
                                    aria-expanded=move || editor.replacing_token.get().to_string()
                                    on:click=move |_| {
                                        let replacing = !editor.replacing_token.get_untracked();
                                        editor.replacing_token.set(replacing);
                                        if replacing {
                                            super::fields::focus_later(PATH);
                                        } else {
                                            editor.token.set(String::new());
                                            editor.token_check.set(TokenCheck::Idle);
                                            editor.clear_error(PATH);
                                        }
                                    }
                                >
                                    {move || {
                                        tr.t(
                                            if editor.replacing_token.get() {
                                                Msg::TokenKeep
                                            } else {
                                                Msg::TokenReplace
                                            },
                                        )
                                    }}
                                </button>
                            </div>
                        }
                    })
            }}
            <Show when=field_open>
                <div class="field">
                    <label class="field__label" for=field_id(PATH)>
                        {tr.t(Msg::TokenLabel)}
                    </label>
                    <p class="field__help" id="token-help">
                        {tr.t(Msg::TokenHelp)}
                    </p>
                    <div class="token-row">
                        <input
                            id=field_id(PATH)
                            class="input input--token"
                            type=move || if shown.get() { "text" } else { "password" }
                            autocomplete="off"
                            spellcheck="false"
                            autocapitalize="off"
                            aria-invalid=invalid(editor, PATH.into())
                            aria-describedby=described_by(editor, PATH.into(), Some("token-help".into()))
                            prop:value=move || editor.token.get()
                            on:input=move |ev| {
                                editor.token.set(event_target_value(&ev));
                                editor.token_check.set(TokenCheck::Idle);
                                editor.clear_error(PATH);
                            }
                        />
                        <button
                            type="button"
                            class="button button--secondary"
                            aria-pressed=move || shown.get().to_string()
                            on:click=move |_| shown.update(|s| *s = !*s)
                        >
                            {move || tr.t(if shown.get() { Msg::TokenHide } else { Msg::TokenShow })}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            id="token-check"
                            aria-disabled=move || (editor.token_check.get() == TokenCheck::Checking).to_string()
                            aria-busy=move || (editor.token_check.get() == TokenCheck::Checking).to_string()
                            on:click=move |_| check.run(())
                        >
                            {move || {
                                tr.t(
                                    if editor.token_check.get() == TokenCheck::Checking {
                                        Msg::TokenChecking
                                    } else {
                                        Msg::TokenCheck
                                    },
                                )
                            }}
                        </button>
                    </div>
                    <ErrorText path=PATH />
                    <div class="token-outcome" aria-live="polite">
                        {move || outcome_view(editor, check)}
                    </div>
                </div>
            </Show>
        </fieldset>
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

fn outcome_view(editor: Editor, check: Callback<()>) -> Option<AnyView> {
    let tr = editor.tr;
    match editor.token_check.get() {
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
            let text = match &error {
                ApiError::Network => tr.t(Msg::TokenNetwork).to_owned(),
                ApiError::Validation(fields) => {
                    fields.first().map(|f| tr.t(editor.message_for(f)).to_owned()).unwrap_or_else(|| error.message(tr))
                }
                other => other.message(tr),
            };
            let retry = error.is_retryable().then(|| view! { <RetryButton tr=tr on_retry=check /> });
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
