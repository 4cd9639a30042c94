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
use crate::domain::release::{self, DownloadFailure};
#[cfg(feature = "split")]
use crate::i18n::Msg;
#[cfg(not(feature = "split"))]
use crate::ui::pages;
#[cfg(feature = "split")]
use crate::ui::{Button, ButtonKind};
#[cfg(feature = "split")]
use wasm_bindgen::JsCast;

/// «Подключение и настройки канала MAX».
#[component]
pub fn SettingsRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return view! { <SplitPage part="settings" title=Msg::SettingsTitle load=|| Box::pin(points::settings_page()) /> };
    #[cfg(not(feature = "split"))]
    view! { <pages::SettingsPage /> }
}

/// «История изменений».
#[component]
pub fn HistoryRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return view! { <SplitPage part="history" title=Msg::HistoryTitle load=|| Box::pin(points::history_page()) /> };
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
pub(crate) type PageFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>>>;

/// A split route: its page once the module is in (at once when it already is), «Загрузка…»
/// while it downloads, and when the download fails the page's heading with a message and
/// «Повторить» — never a panic.
#[cfg(feature = "split")]
#[component]
fn SplitPage(part: &'static str, title: Msg, load: fn() -> PageFuture) -> impl IntoView {
    let app = crate::ui::use_app();
    let (tr, timeout_ms) = (app.tr, app.config.request_timeout_ms);
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
                    let refused_before = refused_so_far();
                    if let Ok(page) = send_wrapper::SendWrapper::new(load()).await {
                        return page;
                    }
                    let failure = send_wrapper::SendWrapper::new(download_failure(part, refused_before, timeout_ms))
                        .await;
                    crate::ui::set_page_title(tr, title);
                    let retry_helps = failure == DownloadFailure::Unavailable;
                    view! {
                        <main class="page" data-split-failed=failure.kind()>
                            <h1 class="page__title" tabindex="-1">
                                {tr.t(title)}
                            </h1>
                            <div class="alert alert--danger" role="alert">
                                <p class="alert__text">{tr.t(failure_message(failure, Msg::PageLoadFailed))}</p>
                                <div class="actions">
                                    {retry_helps.then(|| view! { <crate::ui::RetryButton tr=tr on_retry=on_retry /> })}
                                    <ReloadButton tr=tr primary=!retry_helps id="reload-page" />
                                </div>
                            </div>
                        </main>
                    }
                        .into_any()
                })
            }}
        </Suspense>
    }
}

/// «Обновить страницу»: the page loaded again from the server (the new build after a deploy);
/// the main action when a new version is out, beside «Повторить» otherwise.
#[cfg(feature = "split")]
#[component]
fn ReloadButton(tr: crate::i18n::Tr, primary: bool, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let kind = if primary { ButtonKind::Primary } else { ButtonKind::Secondary };
    let reload = |()| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <Button kind=kind on_press=reload attr:id=id>
            {tr.t(Msg::ReloadPage)}
        </Button>
    }
}

/// What a failed download says: a new version or a refused file in their own words,
/// anything else in the words of the place that failed.
#[cfg(feature = "split")]
pub(crate) fn failure_message(failure: DownloadFailure, otherwise: Msg) -> Msg {
    match failure {
        DownloadFailure::NewVersion => Msg::NewVersionOut,
        DownloadFailure::Refused => Msg::FileRefused,
        DownloadFailure::Unavailable => otherwise,
    }
}

/// How many files the browser has refused for their integrity so far
/// (`globalThis.maxChannelRefused`, kept by the split loader: xtask's `verified.rs`).
#[cfg(feature = "split")]
pub(crate) fn refused_so_far() -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &"maxChannelRefused".into())
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map_or(0, |list| list.length())
}

/// Why a module's download failed — a file refused since `refused_before` files were, the
/// page the server answers now naming another build than this tab's (a deploy since it
/// opened), or anything else — told to the host as `error {kind, key: part}`.
#[cfg(feature = "split")]
pub(crate) async fn download_failure(part: &'static str, refused_before: u32, timeout_ms: u32) -> DownloadFailure {
    let failure = classify_failure(refused_before, timeout_ms).await;
    crate::embed::report_error(failure.kind(), part);
    failure
}

#[cfg(feature = "split")]
async fn classify_failure(refused_before: u32, timeout_ms: u32) -> DownloadFailure {
    let refused = refused_so_far() > refused_before;
    let own = document()
        .query_selector(&format!("meta[name={}]", release::BUILD_META))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let location = window().location();
    let here = location.pathname().ok().map(|path| path + &location.search().unwrap_or_default());
    let served = match here {
        Some(here) => crate::api::fetch_served_page(&here, timeout_ms).await.ok(),
        None => None,
    };
    release::why_download_failed(refused, own.as_deref(), served.as_deref().and_then(release::build_in_page))
}

/// What a card whose body is a split module says of itself: its class, its heading (the
/// `id` and the `#id` the focus returns to after «Повторить»), the line while the module
/// downloads, and the message when it fails.
#[cfg(feature = "split")]
pub(crate) struct CardWords {
    pub class: &'static str,
    pub title_id: &'static str,
    pub focus: &'static str,
    pub title: Msg,
    pub loading: Msg,
    pub failed: Msg,
}

/// A card whose body is a split module («Работа канала», the link kit): the card's heading
/// and a loading line while the module comes (the same box, no jump), its body once it is
/// in, and when the download fails the heading with a message and «Повторить» (the next
/// attempt starts afresh) — never a panic. `quiet`: a card that may not belong on the page
/// shows nothing while its module comes, nor when it cannot.
#[cfg(feature = "split")]
#[component]
pub(crate) fn SplitCard(words: CardWords, load: fn() -> PageFuture, #[prop(optional)] quiet: bool) -> impl IntoView {
    let app = crate::ui::use_app();
    let (tr, timeout_ms) = (app.tr, app.config.request_timeout_ms);
    let attempt = RwSignal::new(0_u32);
    let on_retry = move |()| attempt.update(|n| *n += 1);
    let CardWords { class, title_id, focus, title, loading, failed } = words;
    let shell = move |body: AnyView| {
        view! {
            <section class=format!("card {class}") aria-labelledby=title_id>
                <h2 id=title_id class="card__title" tabindex="-1">
                    {tr.t(title)}
                </h2>
                {body}
            </section>
        }
    };
    let waiting = move || {
        if quiet {
            return ().into_any();
        }
        shell(
            view! {
                <p class="loading" aria-busy="true">
                    {tr.t(loading)}
                </p>
            }
            .into_any(),
        )
        .into_any()
    };
    view! {
        <Suspense fallback=waiting>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let refused_before = refused_so_far();
                    if let Ok(body) = send_wrapper::SendWrapper::new(load()).await {
                        return body;
                    }
                    let failure = send_wrapper::SendWrapper::new(download_failure(class, refused_before, timeout_ms))
                        .await;
                    if quiet {
                        return ().into_any();
                    }
                    let action = match failure {
                        DownloadFailure::Unavailable => {
                            view! { <crate::ui::RetryButton tr=tr on_retry=on_retry focus=focus /> }.into_any()
                        }
                        _ => view! { <ReloadButton tr=tr primary=true /> }.into_any(),
                    };
                    shell(
                            view! {
                                <div class="alert alert--danger" role="alert" data-split-failed=failure.kind()>
                                    <p class="alert__text">{tr.t(failure_message(failure, failed))}</p>
                                    {action}
                                </div>
                            }
                                .into_any(),
                        )
                        .into_any()
                })
            }}
        </Suspense>
    }
}
