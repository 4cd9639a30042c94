//! Small components shared by the pages: badges, error panels, links, dialogs, banners.

mod conflict;
mod dialog;
pub use conflict::ConflictBanner;
pub use dialog::{keep_tab_inside, open_dialog, ConfirmDialog};

use leptos::prelude::*;
use max_channel_contract::ChannelState;

use crate::api::ApiError;
use crate::domain::{safe_link, state_badge};
use crate::i18n::{Msg, Tr};

/// The channel state as a badge: «Не подключён», «Токен авторизован», «Подключён»,
/// «Требует внимания».
#[component]
pub fn StateBadge(state: ChannelState, tr: Tr) -> impl IntoView {
    let (msg, tone) = state_badge(&state);
    view! {
        <span class=format!("badge badge--{tone}") data-state=state.to_string()>
            {tr.t(msg)}
        </span>
    }
}

/// A failed load: the reason in plain words and, when trying again may help, «Повторить».
#[component]
pub fn ErrorPanel(error: ApiError, tr: Tr, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let retry = error.is_retryable();
    let wait = crate::ui::use_retry_wait(&error);
    view! {
        <div class="alert alert--danger" role="alert">
            <p class="alert__text">{move || error.message_waiting(tr, wait.get())}</p>
            {retry.then(|| view! { <RetryButton tr=tr on_retry=on_retry wait=wait /> })}
        </div>
    }
}

/// «Повторить»: runs a failed call again. Every failure that offers it uses this one.
/// `focus`: where the focus goes when the button leaves with the failure (the page's
/// heading, or the block a partial failure sits in).
#[component]
pub fn RetryButton(
    tr: Tr,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(default = "main h1")] focus: &'static str,
    /// Seconds a 429 asked to wait: until zero the button stays focusable and says no.
    #[prop(optional)]
    wait: Option<Signal<u32>>,
) -> impl IntoView {
    let waiting = move || wait.is_some_and(|wait| wait.get() > 0);
    view! {
        <button
            type="button"
            class="button button--secondary retry"
            aria-disabled=move || waiting().then_some("true")
            on:click=move |_| {
                if waiting() {
                    return;
                }
                on_retry.run(());
                crate::ui::focus::keep_focus_in_page(focus);
            }
        >
            {tr.t(Msg::Retry)}
        </button>
    }
}

/// A link from the back end, opened in a new tab — only for a web URL (`http:`/`https:`);
/// anything else (`javascript:`, `data:`) is shown as text and never becomes a link.
#[component]
pub fn ExternalLink(url: String, text: String, tr: Tr, class: &'static str) -> impl IntoView {
    match safe_link(&url) {
        Some(href) => view! {
            <a class=class href=href.to_owned() target="_blank" rel="noopener noreferrer">
                {text}
                <span class="visually-hidden">" " {tr.t(Msg::OpensInNewTab)}</span>
            </a>
        }
        .into_any(),
        None => view! { <span class="unsafe-link">{tr.f(Msg::UnsafeLink, &[("url", &url)])}</span> }.into_any(),
    }
}
