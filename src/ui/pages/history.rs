//! «История изменений» (`/channels/max/history`): loads the first page with the lists
//! that name groups and chat-bots, then shows the feed (`ui::history`).

use leptos::prelude::*;
use max_channel_contract::{ChatBot, Group};

use crate::api::{ApiError, SharedBackend};
use crate::i18n::Msg;
use crate::ui::history::{load_page, HistoryFeed, LoadedPage};
use crate::ui::{owned, use_app, PageData};

#[derive(Clone)]
struct FirstPage {
    first: LoadedPage,
    groups: Vec<Group>,
    chat_bots: Vec<ChatBot>,
}

async fn load(api: SharedBackend) -> Result<FirstPage, ApiError> {
    let (first, groups, chat_bots) = futures::join!(load_page(&api, None), api.groups(), api.chat_bots());
    Ok(FirstPage { first: first?, groups: groups?.items, chat_bots: chat_bots?.items })
}

/// Three grey entries while the first page loads.
fn skeleton(tr: crate::i18n::Tr) -> impl IntoView {
    view! {
        <p class="visually-hidden" role="status">
            {tr.t(Msg::HistoryLoading)}
        </p>
        <ol class="history" aria-hidden="true">
            {(0..3).map(|_| view! { <li class="history__entry history__entry--skeleton"></li> }).collect_view()}
        </ol>
    }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::HistoryTitle);
    let api = app.api.clone();
    let loader = api.clone();
    let refresh = crate::ui::use_reload();
    let data = LocalResource::new(move || {
        refresh.track();
        owned(load(loader.clone()))
    });
    view! {
        <main class="page">
            <a class="back-link" href=app.href("/channels/max")>
                {tr.t(Msg::AboutTitle)}
            </a>
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::HistoryTitle)}
            </h1>
            <PageData
                data=data
                loading=move || skeleton(tr)
                ready=move |page: FirstPage| {
                    view! {
                        <HistoryFeed api=api.clone() first=page.first groups=page.groups chat_bots=page.chat_bots />
                    }
                }
            />
        </main>
    }
}
