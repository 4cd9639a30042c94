//! `<PageData>`: a page's data as a person meets it — `loading` while it comes, the reason
//! and «Повторить» when it fails, the page once it is in. Every page that loads data draws
//! it through this one shell.

use leptos::prelude::*;

use super::ErrorPanel;
use crate::api::ApiError;
use crate::ui::use_app;

/// `data`'s page: `ready` with the loaded value, `loading` until then, the error panel
/// (under `heading`, for a page whose heading comes with its data) when it fails.
#[component]
pub fn PageData<T, F, V>(
    data: LocalResource<Result<T, ApiError>>,
    #[prop(into)] loading: ViewFn,
    ready: F,
    /// What stands above the error panel when the page's own heading is part of its data.
    #[prop(optional, into)]
    heading: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let tr = use_app().tr;
    let fallback = loading.clone();
    view! {
        <Suspense fallback=move || {
            fallback.run()
        }>
            {move || {
                let ready = ready.clone();
                let heading = heading.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => ready(value).into_any(),
                        Err(error) => {
                            view! {
                                {heading.map(|heading| heading.run())}
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
