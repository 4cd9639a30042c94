//! «Проверка связи» (Contract 1.2's delivery tests): the button «Проверить связь» and the
//! dialog it opens. The dialog is the first load's; the panel inside (`panel`: the test,
//! its asking every 2 s, the outcome, the causes) is a wasm module of its own with the
//! `split` feature, fetched the first time a panel opens, so the pages that never test
//! pay nothing for it. Closing the dialog — «Закрыть», Escape, a cure that leads
//! elsewhere, the page going — unmounts the panel, and with it every timer, listener and
//! call it had; the focus returns to the button that opened it.

mod causes;
mod control;
mod panel;
mod poll;

use leptos::prelude::*;

use crate::i18n::{Msg, Tr};
use crate::ui::components::keep_tab_inside;
use crate::ui::use_app;
pub use control::PanelHost;

/// «Проверить связь» (`id`) and its dialog. `on_replace_token`: what «Заменить токен»
/// does where the button is (the token field of the settings).
#[component]
pub fn DeliveryCheck(id: &'static str, #[prop(into)] on_replace_token: Callback<()>) -> impl IntoView {
    let tr = use_app().tr;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::Button>::new();
    let open = RwSignal::new(false);
    // Why the panel closed itself (the channel was disconnected meanwhile), shown by the button.
    let reason = RwSignal::new(None::<Msg>);
    let close = Callback::new(move |why: Option<Msg>| {
        reason.set(why);
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    });
    let title_id = format!("{id}-title");
    provide_context(PanelHost { close, replace_token: on_replace_token, title_id: StoredValue::new(title_id.clone()) });
    // The dialog's own `close`: «Закрыть», Escape, or `close` above.
    let on_closed = move |_| {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_open = move |_| {
        reason.set(None);
        open.set(true);
        if let Some(dialog) = dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    view! {
        <button type="button" id=id class="button button--secondary" node_ref=opener on:click=on_open>
            {tr.t(Msg::DeliveryCheck)}
        </button>
        {move || reason.get().map(|msg| view! { <p class="alert alert--danger delivery__closed" role="alert">{tr.t(msg)}</p> })}
        <dialog
            node_ref=dialog
            id=format!("{id}-dialog")
            class="dialog delivery"
            aria-labelledby=title_id
            on:close=on_closed
            on:keydown=move |ev| keep_tab_inside(&ev)
        >
            <Show when=move || open.get()>
                <PanelLoader tr=tr />
            </Show>
        </dialog>
    }
}

/// The panel, once its module is in (at once the second time); a failed download says so
/// with «Повторить», never a panic.
#[component]
fn PanelLoader(tr: Tr) -> impl IntoView {
    #[cfg(not(feature = "split"))]
    {
        let _ = tr;
        view! { <panel::Panel /> }
    }
    #[cfg(feature = "split")]
    {
        let attempt = RwSignal::new(0_u32);
        view! {
            <Suspense fallback=move || {
                view! {
                    <p class="loading" aria-busy="true">
                        {tr.t(Msg::DeliveryStarting)}
                    </p>
                }
            }>
                {move || {
                    attempt.track();
                    Suspend::new(async move {
                        match send_wrapper::SendWrapper::new(points::delivery_panel()).await {
                            Ok(panel) => panel,
                            Err(_) => {
                                view! {
                                    <div class="alert alert--danger" role="alert">
                                        <p class="alert__text">{tr.t(Msg::DeliveryLoadFailed)}</p>
                                        <button
                                            type="button"
                                            class="button button--secondary retry"
                                            on:click=move |_| attempt.update(|n| *n += 1)
                                        >
                                            {tr.t(Msg::Retry)}
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        }
    }
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
