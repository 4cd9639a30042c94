//! `<PageData>`: what every page that loads shows — loading, the failure with «Повторить»,
//! or the page itself.

use leptos::prelude::*;

use super::ErrorPanel;
use crate::api::ApiError;
use crate::i18n::Msg;
use crate::ui::use_app;

/// The page's `data` once loaded, drawn by `ready`. While loading: `loading` ([`loading_text`]
/// unless the page has a skeleton of its own). A failure: its words and «Повторить» (which loads again), under
/// `error_heading` when the page's own heading comes with its data.
#[component]
pub fn PageData<T, V, F>(
    data: LocalResource<Result<T, ApiError>>,
    ready: F,
    #[prop(optional, into)] loading: Option<ViewFn>,
    #[prop(optional)] error_heading: Option<Msg>,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let tr = use_app().tr;
    let loading = loading.unwrap_or_else(|| {
        ViewFn::from(move || {
            view! {
                <p class="loading" aria-busy="true">
                    {tr.t(Msg::Loading)}
                </p>
            }
        })
    });
    view! {
        <Suspense fallback=move || {
            loading.run()
        }>
            {move || {
                let ready = ready.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(loaded) => ready(loaded).into_any(),
                        Err(error) => {
                            let heading = error_heading
                                .map(|heading| {
                                    view! {
                                        <h1 class="page__title" tabindex="-1">
                                            {tr.t(heading)}
                                        </h1>
                                    }
                                });
                            view! {
                                {heading}
                                <ErrorPanel error=error tr=tr on_retry=move |_| data.refetch() />
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// «Загрузка…», marked busy: what a page without a skeleton shows while it loads.
pub fn loading_text() -> impl IntoView {
    let tr = use_app().tr;
    view! {
        <p class="loading" aria-busy="true">
            {tr.t(Msg::Loading)}
        </p>
    }
}
