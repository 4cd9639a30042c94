//! The sticky action bar: what the last action said, and «Сохранить», «Отмена»,
//! «Отключить канал».

use leptos::prelude::*;

use super::errors::FormErrors;
use super::workflows::{Banner, Resolution, Workflows};
use crate::i18n::{count, Msg};
use crate::ui::delivery_check::DeliveryCheck;
use crate::ui::{focus, open_dialog, use_app, Button, ButtonKind, ConfirmDialog, ConflictBanner, ErrorPanel};

/// «Сохранить»: where the focus goes when the banner that had it goes away.
const SAVE_BUTTON: &str = ".action-bar button[type=submit]";

/// The form the bar's «Сохранить» submits: the bar stands after it, outside it.
pub const FORM_ID: &str = "settings-form";

/// Room left between a focused control and the bar, in CSS px.
const CLEARANCE: f64 = 8.0;

/// Scrolls a control the focus lands on out from behind the sticky bar. The stylesheet's
/// `scroll-padding-bottom` does it in Chromium and Firefox; WebKit (Safari) ignores it when
/// the keyboard moves the focus, and the control would sit behind the bar, unseen. Measured
/// a frame later, after the browser's own scroll to the control, so the two never add up.
pub fn keep_clear_of_action_bar(ev: web_sys::FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let inside = |css: &str| target.closest(css).ok().flatten().is_some();
    if inside(".action-bar") || inside("dialog") {
        return;
    }
    request_animation_frame(move || {
        if document().active_element().as_ref() != Some(&target) {
            return;
        }
        let Some(bar) = document().query_selector(".action-bar").ok().flatten() else { return };
        let hidden = target.get_bounding_client_rect().bottom() - bar.get_bounding_client_rect().top();
        if hidden > 0.0 {
            window().scroll_by_with_x_and_y(0.0, hidden + CLEARANCE);
        }
    });
}

/// What the last action said, in full, just above the bar (not in it: a conflict's or a
/// failure's words and buttons would cover half a phone's screen); then the bar, always
/// reachable (sticky): at most one line of status, «N предупреждений», «Сохранить» and
/// «Отмена». «Отключить канал» is at the end of the page ([`DisconnectSection`]).
#[component]
pub fn ActionBar() -> impl IntoView {
    let app = use_app();
    let flows = expect_context::<Workflows>();
    let (tr, saving) = (app.tr, flows.saving);
    let about = app.href("/channels/max");
    view! {
        <div class="save-outcome" id="save-outcome" tabindex="-1" on:focusin=keep_clear_of_action_bar>
            <BannerView />
            <FormErrors />
        </div>
        <div class="action-bar">
            <super::bar_status::BarStatus />
            <div class="action-bar__buttons">
                <Button kind=ButtonKind::Primary submit=FORM_ID blocked=saving busy=saving>
                    {move || if saving.get() { tr.t(Msg::Saving) } else { tr.t(Msg::Save) }}
                </Button>
                <CancelButton about=about />
            </div>
        </div>
    }
}

/// «Отключить канал» at the end of the page, away from the thumb's reach of «Сохранить».
#[component]
pub fn DisconnectSection() -> impl IntoView {
    let flows = expect_context::<Workflows>();
    let tr = flows.state.tr;
    let connected = move || {
        flows.state.channel.try_with(|c| crate::domain::is_set_up(&c.state) && c.token_hint.is_some()).unwrap_or(false)
    };
    view! {
        <Show when=connected>
            <section class="card danger-zone" aria-labelledby="danger-zone-title">
                <h2 class="card__title" id="danger-zone-title">
                    {tr.t(Msg::DisconnectSectionTitle)}
                </h2>
                <p class="field__help">{tr.t(Msg::DisconnectSectionHelp)}</p>
                <DisconnectButton />
            </section>
        </Show>
    }
}

/// What the last action said: saved, refused fields, a failure to retry, a conflict.
#[component]
fn BannerView() -> impl IntoView {
    let flows = expect_context::<Workflows>();
    let tr = flows.state.tr;
    let settle = move |resolution: Resolution, theirs: Option<Box<crate::api::Loaded>>| {
        flows.resolve_conflict(theirs, resolution);
        focus::keep_focus_in_page(SAVE_BUTTON);
    };
    move || {
        flows.banner.get().map(|banner| match banner {
            Banner::Saved(msg) => {
                // The first save connected the channel: prove it works («Проверка связи»).
                let replace = use_context::<super::ReplaceToken>().filter(|_| msg == Msg::SavedFirst);
                let check = replace.map(|replace| {
                    view! { <DeliveryCheck id="saved-delivery-check" on_replace_token=replace.0 /> }
                });
                view! {
                    <div class="alert alert--success action-bar__saved" role="status">
                        <p class="alert__text">{tr.t(msg)}</p>
                        {check}
                    </div>
                }
                .into_any()
            }
            Banner::Invalid(n) => {
                let fields = count(tr.0, Msg::UnitField, n as u64);
                view! {
                    <div class="alert alert--danger" role="alert">
                        {tr.f(Msg::FixErrors, &[("count", &fields)])}
                    </div>
                }
                .into_any()
            }
            Banner::Failed(error, action) => {
                view! { <ErrorPanel error=error tr=tr on_retry=move |_| flows.retry(action) /> }.into_any()
            }
            Banner::Conflict(theirs) => {
                let theirs = StoredValue::new(theirs);
                view! {
                    <ConflictBanner
                        tr=tr
                        on_load=move |_| settle(Resolution::LoadTheirs, theirs.get_value())
                        on_keep=move |_| settle(Resolution::KeepMine, theirs.get_value())
                    />
                }
                .into_any()
            }
        })
    }
}

/// «Отмена»: back to «О канале», after a confirmation when anything was changed.
#[component]
fn CancelButton(about: String) -> impl IntoView {
    let state = expect_context::<Workflows>().state;
    let tr = state.tr;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let go = crate::ui::navigation::use_go();
    let leave = StoredValue::new_local(move || {
        state.discard();
        go.to("/channels/max");
    });
    view! {
        <a
            class="button button--secondary"
            href=about
            id="cancel"
            on:click=move |ev| {
                ev.prevent_default();
                if state.is_dirty() {
                    open_dialog(dialog);
                } else {
                    leave.with_value(|leave| leave());
                }
            }
        >
            {tr.t(Msg::Cancel)}
        </a>
        <ConfirmDialog
            id="cancel-dialog"
            title=Msg::CancelTitle
            text=tr.t(Msg::CancelText).to_owned()
            confirm=Msg::CancelConfirm
            stay=Msg::ConflictKeep
            on_confirm=move |_| leave.with_value(|leave| leave())
            dialog=dialog
        />
    }
}

/// «Отключить канал» with its confirmation, which names the bot that stays in MAX and
/// what its customers meet until the channel is back.
#[component]
fn DisconnectButton() -> impl IntoView {
    let flows = expect_context::<Workflows>();
    let tr = flows.state.tr;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let text = Signal::derive(move || {
        let bot = flows.state.channel.with(|c| crate::domain::bot_handle(c.bot.as_ref()));
        let bot = bot.unwrap_or_else(|| tr.t(Msg::DisconnectBotUnnamed).to_owned());
        tr.f(Msg::DisconnectText, &[("bot", &bot)])
    });
    view! {
        <Button kind=ButtonKind::DangerOutline on_press=move |()| open_dialog(dialog)>
            {tr.t(Msg::Disconnect)}
        </Button>
        <ConfirmDialog
            id="disconnect-dialog"
            title=Msg::DisconnectTitle
            text=text
            confirm=Msg::Disconnect
            stay=Msg::DisconnectStay
            on_confirm=move |_| flows.disconnect()
            dialog=dialog
        />
    }
}
