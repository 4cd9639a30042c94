//! «Подключение и настройки канала MAX» (`/channels/max/settings`): loads what the form
//! needs, then shows the form (`ui::settings`).

use leptos::prelude::*;

use crate::api::{ApiError, SharedBackend};
use crate::i18n::Msg;
use crate::ui::settings::{SettingsData, SettingsEditor};
use crate::ui::{loading_text, owned, use_app, PageData};

async fn load(api: SharedBackend) -> Result<SettingsData, ApiError> {
    let (channel, saved, groups, chat_bots) =
        futures::join!(api.max_channel(), api.settings(), api.groups(), api.chat_bots());
    let channel = channel?;
    Ok(SettingsData { channel, saved: saved?, groups: groups?.items, chat_bots: chat_bots?.items })
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::SettingsTitle);
    let api = app.api.clone();
    let loader = api.clone();
    // Taken as the page opens: a version left unapplied (a failed load, then elsewhere)
    // must not surface on a later visit.
    let restore = StoredValue::new(app.restore.try_update(Option::take).flatten());
    // The app's refresh (preview mode's scenario switch) loads the form again: a form and
    // version from the account before the switch would meet the new account's 400/412.
    let refresh = crate::ui::use_reload();
    let data = LocalResource::new(move || {
        refresh.track();
        owned(load(loader.clone()))
    });
    view! {
        <main class="page page--form">
            <a class="back-link" href=app.href("/channels/max")>
                {tr.t(Msg::AboutTitle)}
            </a>
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::SettingsTitle)}
            </h1>
            <p class="page__links">
                <a class="link" id="history-link" href=app.href("/channels/max/history")>
                    {tr.t(Msg::HistoryTitle)}
                </a>
            </p>
            <PageData
                loading=loading_text
                data=data
                ready=move |loaded: SettingsData| {
                    let restore = restore.try_get_value().flatten();
                    view! { <SettingsEditor loaded=loaded api=api.clone() restore=restore /> }
                }
            />
        </main>
    }
}
