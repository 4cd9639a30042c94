//! The QR code as PNG, for print shops that take no SVG: the SVG drawing painted on a
//! canvas of at least 1 024 px whose every module is whole pixels; the quiet zone is part of
//! the drawing, so it is kept. Lives in the `qr` module with the encoder (decision 74).

use wasm_bindgen::JsCast;

use crate::domain::{png_side, svg_modules};

/// The smallest side of the PNG, in pixels: sharp when printed at 8–9 cm and 300 dpi.
const MIN_SIDE: u32 = 1024;

/// The PNG of `svg` (a `qr_svg` drawing) as a `data:` URL; `None` if the browser cannot draw it.
pub async fn png_data_url(svg: String) -> Option<String> {
    let side = png_side(svg_modules(&svg)?, MIN_SIDE);
    let document = leptos::prelude::document();
    let image: web_sys::HtmlImageElement = document.create_element("img").ok()?.dyn_into().ok()?;
    image.set_width(side);
    image.set_height(side);
    let encoded = String::from(js_sys::encode_uri_component(&svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    wasm_bindgen_futures::JsFuture::from(image.decode()).await.ok()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(side);
    canvas.set_height(side);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // Modules are whole pixels: no smoothing to blur their edges.
    context.set_image_smoothing_enabled(false);
    let side = f64::from(side);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, side, side).ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
