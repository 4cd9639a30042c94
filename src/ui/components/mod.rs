//! Small components shared by the pages: the form primitives (`Button`, `Field`,
//! `RadioGroup`, `Switch`, `ChoiceAlert`), `PageData`, badges, error panels, links, dialogs.

mod alert;
mod button;
mod conflict;
mod dialog;
mod field;
mod page_data;
mod radio;
mod switch;
pub use alert::{Answer, ChoiceAlert};
pub use button::{Button, ButtonKind};
pub use conflict::ConflictBanner;
pub use dialog::{keep_tab_inside, open_dialog, ConfirmDialog};
pub use field::{describe, error_id_of, invalid_while, Control, Field, FieldError};
pub use page_data::{loading_text, PageData};
pub use radio::{place_of, Choice, RadioGroup};
pub use switch::Switch;

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
    let waiting = Signal::derive(move || wait.is_some_and(|wait| wait.get() > 0));
    let press = move |()| {
        on_retry.run(());
        crate::ui::focus::keep_focus_in_page(focus);
    };
    view! {
        <Button kind=ButtonKind::Secondary class="retry" blocked=waiting on_press=press>
            {tr.t(Msg::Retry)}
        </Button>
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
