//! Pieces every section uses: control ids by contract path, the errors at a path for the
//! form primitives (`crate::ui::Field`, `RadioGroup`, `Switch`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::FormState;
use crate::domain::FieldPath;
use crate::ui::{describe, invalid_while, FieldError};

/// The DOM id of the control for a contract path string (`auto_replies[3].text` →
/// `f-auto_replies-3-text`), for a path that may not be known; known paths use
/// [`FieldPath::control_id`].
pub fn field_id(path: &str) -> String {
    crate::domain::control_id_of(path)
}

/// The id of a control's error text.
pub fn error_id(path: &str) -> String {
    format!("{}-error", field_id(path))
}

/// The attribute that names the anchor of a control whose id tests and links already know
/// (`closing-enabled`): [`focus_later`] finds it by this when no element has its field id.
pub const ANCHOR_ATTR: &str = "data-error-anchor";

/// Focuses the control of `path` once the error texts are in the page.
pub fn focus_later(path: FieldPath) {
    let id = path.control_id();
    // Anchors are the form's own paths (letters, `_`, `.`, `[n]`): safe inside the quotes.
    let selector = format!("[{ANCHOR_ATTR}=\"{path}\"]");
    request_animation_frame(move || {
        let document = document();
        let element = document
            .get_element_by_id(&id)
            .or_else(|| document.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The errors shown at `path`: a memo, so a change elsewhere in the form does not rebuild
/// the text (nor disturb a screen reader reading it).
pub fn error_of(state: FormState, path: FieldPath) -> Signal<Option<String>> {
    Memo::new(move |_| state.error_at(path)).into()
}

/// The errors shown at a group's anchor (a fieldset, a switch), or nothing.
#[component]
pub fn ErrorText(path: FieldPath) -> impl IntoView {
    let state = expect_context::<FormState>();
    view! { <FieldError id=path.error_id() error=error_of(state, path) /> }
}

/// `aria-describedby` for a control at `path` outside a [`crate::ui::Field`] (a select
/// that anchors a hidden field's errors): its help text (if any) and its error — the same
/// rule `Field` follows.
pub fn described_by(state: FormState, path: FieldPath, help: Option<String>) -> Signal<Option<String>> {
    describe(help.into_iter().collect(), error_of(state, path), path.error_id())
}

/// `aria-invalid` for a control at `path` outside a [`crate::ui::Field`].
pub fn invalid(state: FormState, path: FieldPath) -> Signal<Option<&'static str>> {
    invalid_while(error_of(state, path))
}
