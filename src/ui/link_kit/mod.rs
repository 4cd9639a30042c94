//! «Как клиентам написать вам в MAX» on «О канале»: the bot's link with «Скопировать
//! ссылку», the «Метка источника» that adds `?start=`, the QR code (drawn here as SVG) with
//! «Скачать QR-код», and «Кнопка для сайта» with its HTML. The rules are
//! `domain::link_kit`'s.

mod copy;

use leptos::prelude::*;

#[cfg(not(feature = "split"))]
use crate::domain::qr_svg;
use crate::domain::{bot_link, check_label, site_button_html};
use crate::i18n::{Msg, Tr};
use crate::ui::use_app;
use copy::copy_text;
pub use copy::CopyOutcome;

/// The kit for the bot `username` called `bot_name`. A username that is not MAX's shape
/// gives no kit at all (the caller shows none without a username).
#[component]
pub fn LinkKit(username: String, bot_name: String) -> impl IntoView {
    let tr = use_app().tr;
    let typed = RwSignal::new(String::new());
    let error = Memo::new(move |_| typed.with(|label| check_label(label).err()));
    // The last valid label: a bad one changes nothing of the link, the code or the snippet.
    let applied = RwSignal::new(None::<String>);
    let link = Memo::new(move |_| applied.with(|label| bot_link(&username, label.as_deref())).unwrap_or_default());
    let button_text = tr.t(Msg::LinkKitButtonText);
    let bot_title = tr.f(Msg::LinkKitBotTitle, &[("name", &bot_name)]);
    let snippet = Memo::new(move |_| link.with(|link| site_button_html(link, button_text, &bot_title)));
    let announce = RwSignal::new(None::<Msg>);
    let on_label = move |ev| {
        let text = event_target_value(&ev);
        if let Ok(label) = check_label(&text) {
            applied.set(label.map(str::to_owned));
        }
        typed.set(text);
        announce.set(None);
    };
    view! {
        <section class="card link-kit" aria-labelledby="link-kit-title">
            <h2 id="link-kit-title" class="card__title">
                {tr.t(Msg::LinkKitTitle)}
            </h2>
            <p>{tr.t(Msg::LinkKitLead)}</p>
            <CopyField
                id="link-kit-link"
                label=Msg::LinkKitLink
                button=Msg::LinkKitCopyLink
                text=link
                outcome=CopyOutcome {
                    copied: Msg::LinkKitLinkCopied,
                    selected: Msg::LinkKitLinkSelected,
                }
                announce=announce
            />
            <div class="field">
                <label class="field__label" for="link-kit-label">
                    {tr.t(Msg::LabelLabel)}
                </label>
                <p class="field__help" id="link-kit-label-help">
                    {tr.t(Msg::LabelHelp)}
                </p>
                <input
                    id="link-kit-label"
                    class="input link-kit__label"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="100"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=move || {
                        if error.with(Option::is_some) {
                            "link-kit-label-help link-kit-label-error"
                        } else {
                            "link-kit-label-help"
                        }
                    }
                    prop:value=move || typed.get()
                    on:input=on_label
                />
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="field__error" id="link-kit-label-error">
                                    {tr.t(e.message())}
                                </p>
                            }
                        })
                }}
            </div>
            <QrCode link=link tr=tr />
            <h3 class="link-kit__subtitle">{tr.t(Msg::LinkKitButtonTitle)}</h3>
            <p class="field__help">{tr.t(Msg::LinkKitButtonHelp)}</p>
            <CopyField
                id="link-kit-code"
                label=Msg::LinkKitCode
                button=Msg::LinkKitCopyCode
                text=snippet
                outcome=CopyOutcome {
                    copied: Msg::LinkKitCodeCopied,
                    selected: Msg::LinkKitCodeSelected,
                }
                announce=announce
                multiline=true
            />
            <p class="link-kit__status" role="status">
                {move || announce.get().map(|msg| tr.t(msg))}
            </p>
        </section>
    }
}

/// A read-only field with its text and a button that copies it.
#[component]
pub fn CopyField(
    id: &'static str,
    label: Msg,
    button: Msg,
    text: Memo<String>,
    outcome: CopyOutcome,
    announce: RwSignal<Option<Msg>>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let tr = use_app().tr;
    let field = if multiline {
        view! { <textarea id=id class="textarea link-kit__code" readonly rows="4" prop:value=move || text.get()></textarea> }
            .into_any()
    } else {
        view! { <input id=id class="input link-kit__link" readonly prop:value=move || text.get() /> }.into_any()
    };
    view! {
        <div class="field">
            <label class="field__label" for=id>
                {tr.t(label)}
            </label>
            <div class="link-kit__row">
                {field}
                <button
                    type="button"
                    id=format!("{id}-copy")
                    class="button button--secondary"
                    on:click=move |_| copy_text(text.get_untracked(), id, outcome, announce)
                >
                    {tr.t(button)}
                </button>
            </div>
        </div>
    }
}

/// The QR code of the link, dark on light whatever the theme, and its .svg download.
#[component]
fn QrCode(link: Memo<String>, tr: Tr) -> impl IntoView {
    let svg = use_qr_svg(link);
    let download = move || {
        let encoded = String::from(js_sys::encode_uri_component(&svg.get()));
        format!("data:image/svg+xml;charset=utf-8,{encoded}")
    };
    view! {
        <div class="link-kit__qr-row">
            <QrImage link=link svg=svg label=Msg::LinkKitQr class="link-kit__qr" />
            <a class="button button--secondary" id="link-kit-download" href=download download="max-qr.svg">
                {tr.t(Msg::LinkKitDownloadQr)}
            </a>
        </div>
    }
}

/// The QR code `svg` of `link` as an image named by `label` (its `{link}` filled in), in a
/// box of a fixed size, so nothing moves when the drawing arrives: the link kit's and
/// «Проверка связи»'s one drawing.
#[component]
pub fn QrImage(link: Memo<String>, svg: Memo<String>, label: Msg, class: &'static str) -> impl IntoView {
    let tr = use_app().tr;
    view! {
        <div
            class=class
            role="img"
            aria-label=move || link.with(|link| tr.f(label, &[("link", link)]))
            inner_html=move || svg.get()
        ></div>
    }
}

/// The QR code of `link` as SVG ("" until the encoder is in). The encoder is a wasm module
/// of its own with the `split` feature (decision 74): fetched once, after the first load,
/// by the first page that shows a code.
pub fn use_qr_svg(link: Memo<String>) -> Memo<String> {
    let encoder = RwSignal::new(None::<fn(&str) -> Option<String>>);
    leptos::task::spawn_local(async move {
        if let Some(encode) = qr_encoder().await {
            let _ = encoder.try_set(Some(encode));
        }
    });
    Memo::new(move |_| encoder.get().and_then(|encode| link.with(|link| encode(link))).unwrap_or_default())
}

async fn qr_encoder() -> Option<fn(&str) -> Option<String>> {
    #[cfg(feature = "split")]
    return points::qr_encoder().await.ok();
    #[cfg(not(feature = "split"))]
    Some(qr_svg)
}

#[cfg(feature = "split")]
mod points {
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(qr, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn qr_encoder() -> Result<fn(&str) -> Option<String>, SplitLoaderError> {
        Ok(crate::domain::qr_svg)
    }
}
