//! «Как клиентам написать вам в MAX»: the bot's link with a source label, its QR code as
//! SVG, and the HTML of a button for the company's site. Pure: the UI shows what these make.

use max_channel_contract::{check_start_label, StartLabelError};
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

use crate::i18n::Msg;

/// MAX's platform for business, where an organisation's bots and their tokens are
/// (dev.max.ru/docs-api: «его можно найти на платформе … в разделе Чат-боты»).
pub const MAX_BUSINESS_PLATFORM: &str = "https://business.max.ru/self";

/// Where MAX opens a bot's chat: `https://max.ru/<username>`.
pub const MAX_LINK_BASE: &str = "https://max.ru/";

/// The modules of white around the code that scanners need (the QR standard's four).
const QUIET_ZONE: i32 = 4;

/// Why a source label is refused; each has its own message. The rule is the contract's
/// ([`check_start_label`]), shared with delivery tests' codes and the sources' labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelError {
    TooLong,
    Space,
    /// Cyrillic or another alphabet: MAX takes only Latin letters.
    NotLatin,
    /// Punctuation other than `_` and `-`.
    BadCharacter,
}

impl LabelError {
    pub fn message(self) -> Msg {
        match self {
            LabelError::TooLong => Msg::LabelTooLong,
            LabelError::Space => Msg::LabelSpace,
            LabelError::NotLatin => Msg::LabelNotLatin,
            LabelError::BadCharacter => Msg::LabelBadCharacter,
        }
    }
}

/// A source label as typed: empty is none; else the contract's `start` label rule, 1–64
/// of `A–Z a–z 0–9 _ -`.
pub fn check_label(label: &str) -> Result<Option<&str>, LabelError> {
    match check_start_label(label) {
        Ok(label) => Ok(Some(label)),
        Err(StartLabelError::Empty) => Ok(None),
        Err(StartLabelError::Space) => Err(LabelError::Space),
        Err(StartLabelError::NotLatin) => Err(LabelError::NotLatin),
        Err(StartLabelError::BadCharacter) => Err(LabelError::BadCharacter),
        Err(StartLabelError::TooLong) => Err(LabelError::TooLong),
    }
}

/// The bot's link, with `?start=<label>` when there is one. `None` for a username that is
/// not MAX's shape (letters, digits, `_`, `.`, `-`): no kit rather than a broken link.
pub fn bot_link(username: &str, label: Option<&str>) -> Option<String> {
    let fits = !username.is_empty() && username.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    fits.then(|| match label {
        Some(label) => format!("{MAX_LINK_BASE}{username}?start={label}"),
        None => format!("{MAX_LINK_BASE}{username}"),
    })
}

/// The QR code of `text` at error correction level M (not raised), as the modules it is
/// made of: `size` × `size`, row by row, `true` dark.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let segments = QrSegment::make_segments(text);
    let code =
        QrCode::encode_segments_advanced(&segments, QrCodeEcc::Medium, Version::MIN, Version::MAX, None, false).ok()?;
    let size = code.size();
    let modules = (0..size).flat_map(|y| (0..size).map(move |x| (x, y))).map(|(x, y)| code.get_module(x, y)).collect();
    Some((size as usize, modules))
}

/// The QR code of `text` as a standalone SVG: black modules on a white square with the
/// quiet zone, whatever the page's theme; one path of horizontal runs keeps it small.
pub fn qr_svg(text: &str) -> Option<String> {
    let (size, modules) = qr_modules(text)?;
    let side = size as i32 + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in modules.chunks(size).enumerate() {
        let mut x = 0;
        while x < size {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && row[x] {
                x += 1;
            }
            let (left, top, run) = (start as i32 + QUIET_ZONE, y as i32 + QUIET_ZONE, x - start);
            path.push_str(&format!("M{left} {top}h{run}v1h-{run}z"));
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/><path d=\"{path}\" fill=\"#000000\"/></svg>"
    ))
}

/// Text safe inside HTML, in an attribute or between tags.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The site button's look, inline so any site builder keeps it; the preview applies the
/// same declarations ([`style_declarations`]), so what is shown is what is pasted.
pub const SITE_BUTTON_STYLE: &str = "display:inline-block;padding:12px 20px;border-radius:8px;background:#006ee8;\
                                     color:#ffffff;font:600 16px/1.2 Arial,sans-serif;text-decoration:none";

/// «Кнопка для сайта»: a plain link styled as a button, with inline styles and no script,
/// so any site builder takes it. `title` is its tooltip (escaped).
pub fn site_button_html(link: &str, text: &str, title: &str) -> String {
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener\" title=\"{}\" style=\"{SITE_BUTTON_STYLE}\">{}</a>",
        escape_html(link),
        escape_html(title),
        escape_html(text)
    )
}

/// An inline style's declarations as (property, value) pairs.
pub fn style_declarations(style: &str) -> Vec<(&str, &str)> {
    style
        .split(';')
        .filter_map(|declaration| declaration.split_once(':'))
        .map(|(property, value)| (property.trim(), value.trim()))
        .filter(|(property, value)| !property.is_empty() && !value.is_empty())
        .collect()
}

/// The QR code's file, named after its label so the codes of two sources never overwrite
/// each other in Downloads: `max-qr-site.svg`, `max-qr.png` without a label. A label has
/// only Latin letters, digits, `_` and `-` (the contract's rule), all safe in a file name.
pub fn qr_file_name(label: Option<&str>, extension: &str) -> String {
    match label {
        Some(label) => format!("max-qr-{label}.{extension}"),
        None => format!("max-qr.{extension}"),
    }
}

/// The smallest side of at least `min` pixels on which every module of a code `modules`
/// wide (quiet zone included) is a whole number of pixels: sharp for a printer.
pub fn png_side(modules: u32, min: u32) -> u32 {
    let modules = modules.max(1);
    min.div_ceil(modules) * modules
}

/// How many modules wide a [`qr_svg`] drawing is (its `viewBox`), quiet zone included.
pub fn svg_modules(svg: &str) -> Option<u32> {
    let rest = svg.split_once("viewBox=\"0 0 ")?.1;
    rest.split(' ').next()?.parse().ok()
}

#[cfg(test)]
#[path = "link_kit_tests.rs"]
mod tests;
