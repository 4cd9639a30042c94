//! «О канале» for Max. (The App shell issue fills in its four blocks.)

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::use_app;

#[component]
pub fn AboutPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    view! {
        <main class="page">
            <a class="back-link" href=app.href("/channels")>{tr.t(Msg::ChannelGroupsTitle)}</a>
            <h1 class="page__title" tabindex="-1">{tr.t(Msg::AboutTitle)}</h1>
            <a class="button button--primary" href=app.href("/channels/max/settings")>
                {tr.t(Msg::ConfigureAndConnect)}
            </a>
        </main>
    }
}
