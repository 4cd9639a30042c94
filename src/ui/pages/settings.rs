//! The connection and settings form. (The Settings form issue fills it in.)

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::use_app;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    view! {
        <main class="page">
            <a class="back-link" href=app.href("/channels/max")>{tr.t(Msg::AboutTitle)}</a>
            <h1 class="page__title" tabindex="-1">{tr.t(Msg::SettingsTitle)}</h1>
            <p>{tr.t(Msg::SettingsPlaceholder)}</p>
        </main>
    }
}
