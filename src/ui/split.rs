//! Route-level code splitting (decision 68). With the `split` feature «Настройки» and
//! «История изменений» are split points: their code leaves the first load and is fetched
//! the first time the route opens (`cargo xtask build` runs the splitter between the link
//! and wasm-bindgen). Without it (the wasm tests, the dev build) the routes render their
//! pages directly.
//!
//! The splitter's own route wrapper (`#[lazy_route]`) `expect`s the download, so a network
//! blip on the way to the settings would panic and abort the app. Here the split functions
//! are `fallible`: a failed download becomes a message at the route with «Повторить» (the
//! next attempt starts afresh: the loader never caches a failure) and «Обновить страницу»
//! (a tab opened before a deploy asks for modules of the old build, which a retry cannot
//! bring back; a reload gets the new build, and no form was open to lose).

use leptos::prelude::*;

#[cfg(feature = "split")]
use crate::i18n::Msg;
#[cfg(not(feature = "split"))]
use crate::ui::pages;

/// «Подключение и настройки канала Max».
#[component]
pub fn SettingsRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return view! { <SplitPage title=Msg::SettingsTitle load=|| Box::pin(points::settings_page()) /> };
    #[cfg(not(feature = "split"))]
    view! { <pages::SettingsPage /> }
}

/// «История изменений».
#[component]
pub fn HistoryRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return view! { <SplitPage title=Msg::HistoryTitle load=|| Box::pin(points::history_page()) /> };
    #[cfg(not(feature = "split"))]
    view! { <pages::HistoryPage /> }
}

#[cfg(feature = "split")]
mod points {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    use crate::ui::pages;

    // Each page is one split module; what both use goes to a shared chunk.
    #[wasm_split(settings, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn settings_page() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <pages::SettingsPage /> }.into_any())
    }

    #[wasm_split(history, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn history_page() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <pages::HistoryPage /> }.into_any())
    }
}

#[cfg(feature = "split")]
type PageFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>>>;

/// A split route: its page once the module is in (at once when it already is), «Загрузка…»
/// while it downloads, and when the download fails the page's heading with a message and
/// «Повторить» — never a panic.
#[cfg(feature = "split")]
#[component]
fn SplitPage(title: Msg, load: fn() -> PageFuture) -> impl IntoView {
    let tr = crate::ui::use_app().tr;
    let attempt = RwSignal::new(0_u32);
    let on_retry = move |()| attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=move || {
            view! {
                <main class="page">
                    <p class="loading" aria-busy="true">
                        {tr.t(Msg::Loading)}
                    </p>
                </main>
            }
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match send_wrapper::SendWrapper::new(load()).await {
                        Ok(page) => page,
                        Err(_) => {
                            crate::ui::set_page_title(tr, title);
                            view! {
                                <main class="page" data-split-failed="">
                                    <h1 class="page__title" tabindex="-1">
                                        {tr.t(title)}
                                    </h1>
                                    <div class="alert alert--danger" role="alert">
                                        <p class="alert__text">{tr.t(Msg::PageLoadFailed)}</p>
                                        <div class="actions">
                                            <crate::ui::RetryButton tr=tr on_retry=on_retry />
                                            <button
                                                type="button"
                                                class="button button--secondary"
                                                id="reload-page"
                                                on:click=|_| reload_page()
                                            >
                                                {tr.t(Msg::ReloadPage)}
                                            </button>
                                        </div>
                                    </div>
                                </main>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// «Обновить страницу»: the page loaded again from the server (the new build after a deploy).
#[cfg(feature = "split")]
fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
