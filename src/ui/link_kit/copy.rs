//! Copying to the clipboard: the Clipboard API, or — where the browser has none or refuses
//! (an iframe without the permission, an old engine) — the text selected in its field so
//! Ctrl+C copies it. Either way the outcome is announced to screen readers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Msg;
use crate::ui::Tasks;

/// What a copy button says it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyOutcome {
    /// When copied.
    pub copied: Msg,
    /// When only selected (press Ctrl+C).
    pub selected: Msg,
}

/// Selects the text of the field `id` (an input or a textarea) and focuses it.
fn select_field(id: &str) {
    let Some(element) = document().get_element_by_id(id) else { return };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

/// The browser's clipboard, if it has one here (absent outside secure contexts).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?.dyn_into::<web_sys::Clipboard>().ok()
}

/// Which field's copy button spoke last, and what it said: shown beside that button only.
pub type Announce = RwSignal<Option<(&'static str, Msg)>>;

/// Copies `text`; `field` holds the same text for the fallback. The outcome goes to
/// `announce`, beside `field`'s button — unless the button's component (`tasks`) is gone
/// by the time the browser answers.
pub fn copy_text(tasks: Tasks, text: String, field: &'static str, outcome: CopyOutcome, announce: Announce) {
    let Some(clipboard) = clipboard() else {
        select_field(field);
        announce.set(Some((field, outcome.selected)));
        return;
    };
    let promise = clipboard.write_text(&text);
    tasks.spawn(async move {
        let said = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => outcome.copied,
            Err(_) => {
                select_field(field);
                outcome.selected
            }
        };
        announce.set(Some((field, said)));
    });
}
