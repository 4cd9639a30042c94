//! «Страница не найдена», with the way back.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::use_app;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::NotFoundTitle);
    view! {
        <main class="page page--narrow">
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::NotFoundTitle)}
            </h1>
            <p>{tr.t(Msg::NotFoundText)}</p>
            <a class="button button--primary" href=app.href("/channels")>
                {tr.t(Msg::BackToChannelGroups)}
            </a>
        </main>
    }
}
