//! A modal confirmation dialog: the native `<dialog>` opened modally, focus kept inside.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Button, ButtonKind};
use crate::i18n::Msg;

/// A modal confirmation (`<dialog>`): focus stays inside, Esc closes, focus returns to the
/// button that opened it. Both buttons say what they do («Уйти без сохранения» /
/// «Остаться»): a bare «Отмена» read as «stay» here and as «discard» in the form.
#[component]
pub fn ConfirmDialog(
    id: &'static str,
    title: Msg,
    /// What happens next; a signal, as it may name what the page knows (the bot).
    #[prop(into)]
    text: Signal<String>,
    confirm: Msg,
    /// The button that closes the dialog and changes nothing.
    stay: Msg,
    #[prop(into)] on_confirm: Callback<()>,
    dialog: NodeRef<leptos::html::Dialog>,
) -> impl IntoView {
    let tr = crate::ui::use_app().tr;
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
            <p id=text_id>{text}</p>
            <div class="dialog__buttons">
                <Button
                    kind=ButtonKind::Danger
                    on_press=move |()| {
                        close();
                        on_confirm.run(());
                    }
                >
                    {tr.t(confirm)}
                </Button>
                <Button kind=ButtonKind::Secondary on_press=move |()| close() attr:autofocus=true>
                    {tr.t(stay)}
                </Button>
            </div>
        </dialog>
    }
}

/// Tab from the dialog's last control goes to its first, Shift+Tab from the first to the
/// last: a modal dialog alone would let the focus leave for the browser's own controls.
pub fn keep_tab_inside(ev: &web_sys::KeyboardEvent) {
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
