//! Pieces every section uses: control ids by contract path, error texts tied to their
//! controls, confirmation dialogs, the conflict banner.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Editor, Resolution};
use crate::api::Loaded;
use crate::i18n::Msg;
use crate::ui::focus;

/// «Сохранить»: where the focus goes when the banner that had it goes away.
const SAVE_BUTTON: &str = ".action-bar button[type=submit]";

/// The DOM id of the control for a contract path: `auto_replies[3].text` →
/// `f-auto_replies-3-text`. A 422's `fields[].path` finds its control through this.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            other => id.push(other),
        }
    }
    id
}

/// The id of a control's error text.
pub fn error_id(path: &str) -> String {
    format!("{}-error", field_id(path))
}

/// The attribute that names the anchor of a control whose id tests and links already know
/// (`closing-enabled`): [`focus_later`] finds it by this when no element has its field id.
pub const ANCHOR_ATTR: &str = "data-error-anchor";

/// Focuses the control of `path` once the error texts are in the page.
pub fn focus_later(path: &str) {
    let id = field_id(path);
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

/// The errors shown at a control, or nothing. A memo: a change elsewhere in the form does
/// not rebuild the text (nor disturb a screen reader reading it).
#[component]
pub fn ErrorText(#[prop(into)] path: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = error_id(&path);
    let text = Memo::new(move |_| editor.error_at(&path));
    move || {
        text.get().map(|text| {
            view! {
                <p class="field__error" id=id.clone()>
                    {text}
                </p>
            }
        })
    }
}

/// `aria-invalid` for a control at `path`.
pub fn invalid(editor: Editor, path: String) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || editor.error_at(&path).map(|_| "true")
}

/// `aria-describedby` for a control at `path`: its help text (if any) and its error.
pub fn described_by(
    editor: Editor,
    path: String,
    help: Option<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids: Vec<String> = help.iter().cloned().collect();
        if editor.error_at(&path).is_some() {
            ids.push(error_id(&path));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Someone else saved: load their version, or keep editing and overwrite it on save.
#[component]
pub fn ConflictBanner(theirs: Option<Box<Loaded>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let theirs = StoredValue::new(theirs);
    view! {
        <div class="alert alert--warning" role="alert">
            <p class="alert__text">{tr.t(Msg::ConflictText)}</p>
            <button
                type="button"
                class="button button--secondary"
                id="conflict-load"
                on:click=move |_| {
                    editor.resolve_conflict(theirs.get_value(), Resolution::LoadTheirs);
                    focus::keep_focus_in_page(SAVE_BUTTON);
                }
            >
                {tr.t(Msg::ConflictLoad)}
            </button>
            <button
                type="button"
                class="button button--secondary"
                id="conflict-keep"
                on:click=move |_| {
                    editor.resolve_conflict(theirs.get_value(), Resolution::KeepMine);
                    focus::keep_focus_in_page(SAVE_BUTTON);
                }
            >
                {tr.t(Msg::ConflictKeep)}
            </button>
        </div>
    }
}

/// A modal confirmation (`<dialog>`): focus stays inside, Esc closes, focus returns to the
/// button that opened it.
#[component]
pub fn ConfirmDialog(
    id: &'static str,
    title: Msg,
    text: Msg,
    confirm: Msg,
    #[prop(into)] on_confirm: Callback<()>,
    dialog: NodeRef<leptos::html::Dialog>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let title_id = format!("{id}-title");
    let text_id = format!("{id}-text");
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let labelled_by = title_id.clone();
    let described = text_id.clone();
    view! {
        <dialog
            node_ref=dialog
            id=id
            class="dialog"
            aria-labelledby=labelled_by
            aria-describedby=described
            on:keydown=move |ev| keep_tab_inside(&ev)
        >
            <h2 class="dialog__title" id=title_id>
                {tr.t(title)}
            </h2>
            <p id=text_id>{tr.t(text)}</p>
            <div class="dialog__buttons">
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| {
                        close();
                        on_confirm.run(());
                    }
                >
                    {tr.t(confirm)}
                </button>
                <button type="button" class="button button--secondary" autofocus on:click=move |_| close()>
                    {tr.t(Msg::Cancel)}
                </button>
            </div>
        </dialog>
    }
}

/// Tab from the dialog's last control goes to its first, Shift+Tab from the first to the
/// last: a modal dialog alone would let the focus leave for the browser's own controls.
fn keep_tab_inside(ev: &web_sys::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let Ok(controls) =
        dialog.query_selector_all("button:not([disabled]), [href], input:not([disabled]), select, textarea")
    else {
        return;
    };
    let first = controls.item(0);
    let last = controls.item(controls.length().saturating_sub(1));
    let active = document().active_element().map(web_sys::Node::from);
    let (at_edge, wrap_to) = if ev.shift_key() { (first, last) } else { (last, first) };
    let leaving = match (&active, &at_edge) {
        (Some(active), Some(edge)) => active.is_same_node(Some(edge)),
        _ => false,
    };
    if leaving {
        if let Some(target) = wrap_to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = target.focus();
        }
    }
}

/// Opens a dialog modally.
pub fn open_dialog(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get() {
        let _ = d.show_modal();
    }
}

/// «Отключить канал» with its confirmation.
#[component]
pub fn DisconnectButton() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let disconnect = move |_| editor.disconnect();
    view! {
        <button type="button" class="button button--danger-outline" on:click=move |_| open_dialog(dialog)>
            {tr.t(Msg::Disconnect)}
        </button>
        <ConfirmDialog
            id="disconnect-dialog"
            title=Msg::DisconnectTitle
            text=Msg::DisconnectText
            confirm=Msg::DisconnectConfirm
            on_confirm=disconnect
            dialog=dialog
        />
    }
}
