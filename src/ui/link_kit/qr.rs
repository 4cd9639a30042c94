//! The link's QR code: drawn as SVG by the encoder, a wasm module of its own with the
//! `split` feature (decision 74), fetched once by the first page that shows a code; its
//! downloads as SVG and as PNG, named after the source label.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::domain::qr_file_name;
use crate::i18n::{Msg, Tr};
use crate::ui::{use_app, use_tasks};

/// What the `qr` module gives: the SVG of a text, and that SVG as a PNG `data:` URL.
#[derive(Clone, Copy)]
pub struct QrKit {
    pub svg: fn(&str) -> Option<String>,
    pub png: fn(String) -> LocalBoxFuture<'static, Option<String>>,
}

fn kit() -> QrKit {
    QrKit { svg: crate::domain::qr_svg, png: |svg| Box::pin(super::png::png_data_url(svg)) }
}

/// The kit once its module is in (`None` until then, or if it could not be fetched).
fn use_qr_kit() -> RwSignal<Option<QrKit>> {
    let loaded = RwSignal::new(None::<QrKit>);
    let timeout_ms = use_context::<crate::ui::AppContext>().map_or(15_000, |app| app.config.request_timeout_ms);
    use_tasks().spawn(async move {
        if let Some(kit) = qr_kit(timeout_ms).await {
            loaded.set(Some(kit));
        }
    });
    loaded
}

/// The encoder once its module is in; `None` if it could not be fetched (no drawing: the
/// link and its copy work on), which the host hears.
async fn qr_kit(timeout_ms: u32) -> Option<QrKit> {
    #[cfg(feature = "split")]
    {
        let refused_before = crate::ui::split::refused_so_far();
        match points::qr_kit().await {
            Ok(kit) => Some(kit),
            Err(_) => {
                crate::ui::split::download_failure("qr", refused_before, timeout_ms).await;
                None
            }
        }
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = timeout_ms;
        Some(kit())
    }
}

#[cfg(feature = "split")]
mod points {
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(qr, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn qr_kit() -> Result<super::QrKit, SplitLoaderError> {
        Ok(super::kit())
    }
}

fn svg_of(kit: RwSignal<Option<QrKit>>, link: Memo<String>) -> Memo<String> {
    Memo::new(move |_| kit.get().and_then(|kit| link.with(|link| (kit.svg)(link))).unwrap_or_default())
}

/// The QR code of `link` as SVG ("" until the encoder is in).
pub fn use_qr_svg(link: Memo<String>) -> Memo<String> {
    svg_of(use_qr_kit(), link)
}

/// The PNG of the current drawing, redrawn when it changes; an answer for an older drawing
/// is dropped.
fn use_png(kit: RwSignal<Option<QrKit>>, svg: Memo<String>) -> RwSignal<Option<String>> {
    let png = RwSignal::new(None::<String>);
    let tasks = use_tasks();
    Effect::new(move |_| {
        let drawing = svg.get();
        png.set(None);
        let Some(render) = kit.with(|kit| kit.map(|kit| kit.png)) else { return };
        if drawing.is_empty() {
            return;
        }
        tasks.spawn(async move {
            let url = render(drawing.clone()).await;
            if svg.try_with_untracked(|now| *now == drawing) == Some(true) {
                let _ = png.try_set(url);
            }
        });
    });
    png
}

/// The QR code of the link, dark on light whatever the theme, and its downloads.
#[component]
pub fn QrCode(link: Memo<String>, label: RwSignal<Option<String>>, tr: Tr) -> impl IntoView {
    let kit = use_qr_kit();
    let svg = svg_of(kit, link);
    let png = use_png(kit, svg);
    let svg_href = move || {
        let encoded = String::from(js_sys::encode_uri_component(&svg.get()));
        format!("data:image/svg+xml;charset=utf-8,{encoded}")
    };
    let file = move |extension: &str| label.with(|label| qr_file_name(label.as_deref(), extension));
    view! {
        <div class="link-kit__qr-row">
            <QrImage link=link svg=svg label=Msg::LinkKitQr class="link-kit__qr" />
            <div class="link-kit__downloads">
                <a class="button button--secondary" id="link-kit-download" href=svg_href download=move || file("svg")>
                    {tr.t(Msg::LinkKitDownloadQr)}
                </a>
                // A link without an address until the PNG is drawn: not yet a target.
                <a
                    class="button button--secondary"
                    id="link-kit-download-png"
                    href=move || png.get()
                    aria-disabled=move || png.with(Option::is_none).then_some("true")
                    download=move || file("png")
                >
                    {tr.t(Msg::LinkKitDownloadPng)}
                </a>
            </div>
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
