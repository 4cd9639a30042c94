//! «Проверка связи» (Contract 1.2's delivery tests): the button «Проверить связь» and the
//! panel it opens. Only the button is the first load's: the panel — its dialog, the test,
//! the asking every 2 s, the outcome, the causes (`panel`) — is a wasm module of its own
//! with the `split` feature, fetched the first time a panel opens, so the pages pay nothing
//! for it until then (decision 74).
//!
//! Each opening gets an owner of its own, a child of the button's: closing — «Закрыть»,
//! Escape, a cure that leads elsewhere, the channel gone — unmounts the panel and cleans
//! that owner up, and with it every timer, listener and call the panel had; so does the
//! page going. The focus returns to the button.

mod causes;
mod control;
mod panel;
mod poll;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use crate::i18n::Msg;
use crate::ui::use_app;
pub use control::PanelHost;

/// «Проверить связь» (`id`) and, once pressed, its panel. `on_replace_token`: what
/// «Заменить токен» does where the button is (the token field of the settings).
#[component]
pub fn DeliveryCheck(id: &'static str, #[prop(into)] on_replace_token: Callback<()>) -> impl IntoView {
    let tr = use_app().tr;
    let opener = NodeRef::<leptos::html::Button>::new();
    let here = Owner::current().unwrap_or_default();
    // The open panel's owner and view; `shown` re-renders the slot when it changes.
    let open = StoredValue::new_local(None::<(Owner, Option<AnyView>)>);
    let shown = RwSignal::new(0_u32);
    let loading = RwSignal::new(false);
    // Why the panel closed itself (the channel was disconnected meanwhile), or why it
    // could not load: shown by the button.
    let notice = RwSignal::new(None::<Msg>);
    let close = Callback::new(move |why: Option<Msg>| {
        let _ = notice.try_set(why);
        let Some(Some((owner, _))) = open.try_update_value(Option::take) else { return };
        shown.update(|n| *n += 1);
        owner.cleanup();
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    });
    let host = PanelHost { close, replace_token: on_replace_token, title_id: StoredValue::new(format!("{id}-title")) };
    let on_open = move |_| {
        if loading.get_untracked() || open.with_value(Option::is_some) {
            return;
        }
        notice.set(None);
        loading.set(true);
        let owner = here.child();
        owner.with(|| provide_context(host));
        let load = ScopedFuture { owner: owner.clone(), observer: None, fut: load_panel() };
        leptos::task::spawn_local(async move {
            let loaded = load.await;
            let _ = loading.try_set(false);
            match loaded {
                Some(view) => {
                    if open.try_set_value(Some((owner.clone(), Some(view)))).is_none() {
                        shown.update(|n| *n += 1);
                    } else {
                        // The button is gone meanwhile: nothing to show it in.
                        owner.cleanup();
                    }
                }
                None => {
                    owner.cleanup();
                    let _ = notice.try_set(Some(Msg::DeliveryLoadFailed));
                }
            }
        });
    };
    // The view is taken once, when `shown` moves; closing moves it with nothing left.
    let slot = move || {
        shown.track();
        open.try_update_value(|open| open.as_mut().and_then(|(_, view)| view.take())).flatten()
    };
    view! {
        <button
            type="button"
            id=id
            class="button button--secondary"
            node_ref=opener
            aria-busy=move || loading.get().to_string()
            on:click=on_open
        >
            {tr.t(Msg::DeliveryCheck)}
        </button>
        {move || notice.get().map(|msg| view! { <p class="alert alert--danger delivery__closed" role="alert">{tr.t(msg)}</p> })}
        {slot}
    }
}

/// The panel's view, once its module is in; `None` when the download failed (the button
/// says so, and a press tries again: the loader never caches a failure).
async fn load_panel() -> Option<AnyView> {
    #[cfg(feature = "split")]
    return points::delivery_panel().await.ok();
    #[cfg(not(feature = "split"))]
    Some(view! { <panel::Panel /> }.into_any())
}

#[cfg(feature = "split")]
mod points {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(delivery, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn delivery_panel() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::panel::Panel /> }.into_any())
    }
}
