//! «Проверка связи» (Contract 1.2's delivery tests): the button «Проверить связь» and the
//! panel it opens. Only the button and its launcher are the first load's: the panel — its
//! dialog, the test, the asking every 2 s, the outcome, the causes (`panel`) — is a wasm
//! module of its own with the `split` feature, fetched the first time a panel opens, so the
//! pages pay nothing for it until then (decision 74).
//!
//! Each opening gets an owner of its own, a child of the launcher's: closing — «Закрыть»,
//! Escape, a cure that leads elsewhere, the channel gone — unmounts the panel and cleans
//! that owner up, and with it every timer, listener and call the panel had; so does the
//! page going. The focus returns to the button.

mod causes;
mod control;
mod panel;
mod poll;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use wasm_bindgen::JsCast;

use crate::i18n::Msg;
use crate::ui::{use_app, use_tasks, Button, ButtonKind, Tasks};
pub use control::PanelHost;

/// Opens and closes one panel. Made where the panel must outlive re-renders (the health
/// card's body is drawn anew with each health; the panel is not): the button may come and
/// go, the launcher and its [`DeliverySlot`] stay.
#[derive(Clone, Copy)]
pub struct DeliveryLauncher {
    /// The button's id; the focus returns to it.
    id: &'static str,
    host: PanelHost,
    parent: StoredValue<Owner>,
    /// Fetching the panel's module: ends with the launcher.
    tasks: Tasks,
    /// The open panel's owner and its view until the slot takes it.
    open: StoredValue<Option<(Owner, Option<AnyView>)>, LocalStorage>,
    loading: StoredValue<bool>,
    /// Moves when the slot has a view to take or none to show.
    shown: RwSignal<u32>,
    /// Why the panel closed itself (the channel was disconnected meanwhile), or why it
    /// could not load: said by the button.
    notice: RwSignal<Option<Msg>>,
}

impl DeliveryLauncher {
    /// `on_replace_token`: what «Заменить токен» does where the button is.
    pub fn new(id: &'static str, on_replace_token: Callback<()>) -> DeliveryLauncher {
        let open = StoredValue::new_local(None::<(Owner, Option<AnyView>)>);
        let shown = RwSignal::new(0_u32);
        let notice = RwSignal::new(None::<Msg>);
        let close = Callback::new(move |why: Option<Msg>| {
            let Some(Some((owner, _))) = open.try_update_value(Option::take) else { return };
            let _ = notice.try_set(why);
            // Out of the top layer first: while the dialog is modal, the button is inert and
            // cannot take the focus. (Its `close` event then finds nothing open.)
            let dialog = document().get_element_by_id(&format!("{id}-dialog"));
            if let Some(dialog) = dialog.and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
                dialog.close();
            }
            shown.update(|n| *n += 1);
            owner.cleanup();
            let button = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        });
        DeliveryLauncher {
            id,
            host: PanelHost {
                close,
                replace_token: on_replace_token,
                title_id: StoredValue::new(format!("{id}-title")),
            },
            parent: StoredValue::new(Owner::current().unwrap_or_default()),
            tasks: use_tasks(),
            open,
            loading: StoredValue::new(false),
            shown,
            notice,
        }
    }

    /// Fetches the panel's module (at once the second time) and shows the panel.
    pub fn open(self) {
        if self.loading.get_value() || self.open.with_value(Option::is_some) {
            return;
        }
        self.notice.set(None);
        self.loading.set_value(true);
        let owner = self.parent.with_value(Owner::child);
        let host = self.host;
        owner.with(|| provide_context(host));
        let timeout_ms =
            owner.with(use_context::<crate::ui::AppContext>).map_or(15_000, |app| app.config.request_timeout_ms);
        let load = ScopedFuture { owner: owner.clone(), observer: None, fut: load_panel(timeout_ms) };
        self.tasks.spawn(async move {
            let loaded = load.await;
            self.loading.try_set_value(false);
            match loaded {
                Ok(view) => {
                    if self.open.try_set_value(Some((owner.clone(), Some(view)))).is_none() {
                        self.shown.update(|n| *n += 1);
                    } else {
                        owner.cleanup(); // the launcher is gone meanwhile
                    }
                }
                Err(said) => {
                    owner.cleanup();
                    let _ = self.notice.try_set(Some(said));
                }
            }
        });
    }
}

/// «Проверить связь»; `primary` while no customer has written yet, when a test of one's
/// own is the next step.
#[component]
pub fn DeliveryButton(launcher: DeliveryLauncher, #[prop(optional)] primary: bool) -> impl IntoView {
    let tr = use_app().tr;
    let kind = if primary { ButtonKind::Primary } else { ButtonKind::Secondary };
    view! {
        <Button kind=kind id=launcher.id on_press=move |()| launcher.open()>
            {tr.t(Msg::DeliveryCheck)}
        </Button>
    }
}

/// Where the panel is shown, and the launcher's notice.
#[component]
pub fn DeliverySlot(launcher: DeliveryLauncher) -> impl IntoView {
    let tr = use_app().tr;
    // The view is taken once, when `shown` moves; closing moves it with nothing left.
    let panel = move || {
        launcher.shown.track();
        launcher.open.try_update_value(|open| open.as_mut().and_then(|(_, view)| view.take())).flatten()
    };
    view! {
        {move || {
            launcher
                .notice
                .get()
                .map(|msg| {
                    view! {
                        <p class="alert alert--danger delivery__closed" role="alert">
                            {tr.t(msg)}
                        </p>
                    }
                })
        }}
        {panel}
    }
}

/// The button with its own launcher, where nothing around it is drawn anew (the first
/// save's message).
#[component]
pub fn DeliveryCheck(id: &'static str, #[prop(into)] on_replace_token: Callback<()>) -> impl IntoView {
    let launcher = DeliveryLauncher::new(id, on_replace_token);
    view! {
        <DeliveryButton launcher=launcher />
        <DeliverySlot launcher=launcher />
    }
}

/// The panel's view, once its module is in; when the download failed, what the notice says
/// (a new version, a refused file, or the network: a press tries again, the loader never
/// caches a failure), told to the host too.
async fn load_panel(timeout_ms: u32) -> Result<AnyView, Msg> {
    #[cfg(feature = "split")]
    {
        use crate::ui::split::{download_failure, failure_message, refused_so_far};
        let refused_before = refused_so_far();
        match points::delivery_panel().await {
            Ok(view) => Ok(view),
            Err(_) => Err(failure_message(
                download_failure("delivery", refused_before, timeout_ms).await,
                Msg::DeliveryLoadFailed,
            )),
        }
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = timeout_ms;
        Ok(view! { <panel::Panel /> }.into_any())
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
