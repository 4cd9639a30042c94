//! The conflict banner: someone else saved meanwhile.

use leptos::prelude::*;

use crate::i18n::{Msg, Tr};

/// Someone else saved: load their version, or keep editing and overwrite it on save.
#[component]
pub fn ConflictBanner(
    tr: Tr,
    /// «Загрузить их версию».
    #[prop(into)]
    on_load: Callback<()>,
    /// «Продолжить редактирование».
    #[prop(into)]
    on_keep: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="alert alert--warning" role="alert">
            <p class="alert__text">{tr.t(Msg::ConflictText)}</p>
            <button
                type="button"
                class="button button--secondary"
                id="conflict-load"
                on:click=move |_| {
                    on_load.run(());
                }
            >
                {tr.t(Msg::ConflictLoad)}
            </button>
            <button
                type="button"
                class="button button--secondary"
                id="conflict-keep"
                on:click=move |_| {
                    on_keep.run(());
                }
            >
                {tr.t(Msg::ConflictKeep)}
            </button>
        </div>
    }
}
