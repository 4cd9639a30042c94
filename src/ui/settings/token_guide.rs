//! «Где найти токен?» beside the token field: MAX's own steps (dev.max.ru/docs-api: «на
//! платформе в разделе Чат-боты … ⋮ → Настройки») and its platform for business. It opens
//! by itself when MAX refuses a token, for the right one is found there.

use leptos::prelude::*;
use max_channel_contract::FieldErrorCode;

use super::{FormState, TokenCheck};
use crate::api::ApiError;
use crate::domain::MAX_BUSINESS_PLATFORM;
use crate::i18n::Msg;
use crate::ui::ExternalLink;

/// Whether MAX refused the token: by «Проверить», or by a save that sent it.
fn refused(state: FormState) -> bool {
    let by_check = state.token_check.with(|check| matches!(check, TokenCheck::Failed(ApiError::TokenInvalid)));
    let by_save = state.errors.with(|errors| {
        errors.iter().any(|e| e.code == FieldErrorCode::TokenInvalid && e.path == super::token::PATH.to_string())
    });
    by_check || by_save
}

/// The link to MAX's platform, for the field's help line.
#[component]
pub fn PlatformLink() -> impl IntoView {
    let tr = expect_context::<FormState>().tr;
    view! {
        <ExternalLink
            url=MAX_BUSINESS_PLATFORM.to_owned()
            text=tr.t(Msg::TokenPlatform).to_owned()
            tr=tr
            class="link"
        />
    }
}

#[component]
pub fn TokenGuide() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let details = NodeRef::<leptos::html::Details>::new();
    // Opened when a refusal comes, never closed under the person's hands.
    Effect::new(move |_| {
        if refused(state) {
            if let Some(details) = details.get() {
                details.set_open(true);
            }
        }
    });
    view! {
        <details class="token-guide" id="token-guide" node_ref=details>
            <summary class="token-guide__summary">{tr.t(Msg::TokenWhere)}</summary>
            <ol class="token-guide__steps">
                <li>{tr.t(Msg::TokenStepPlatform)} " " <PlatformLink /></li>
                <li>{tr.t(Msg::TokenStepBot)}</li>
                <li>{tr.t(Msg::TokenStepCopy)}</li>
            </ol>
        </details>
    }
}
