//! `<Button>`: every button of the app, one shape (after thaw's `Button`).

use leptos::prelude::*;

/// How a button looks: the page's main action, another action, a link-like action in a
/// row, or one that removes something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonKind {
    Primary,
    Secondary,
    /// Text that acts (a row's «Удалить», «Подробнее» in the action bar).
    Link,
    Danger,
    DangerOutline,
    /// No look of its own: the caller's `class` says everything (a warning's row).
    Bare,
}

impl ButtonKind {
    fn class(self) -> &'static str {
        match self {
            ButtonKind::Primary => "button button--primary",
            ButtonKind::Secondary => "button button--secondary",
            ButtonKind::Link => "button button--link",
            ButtonKind::Danger => "button button--danger",
            ButtonKind::DangerOutline => "button button--danger-outline",
            ButtonKind::Bare => "",
        }
    }
}

/// An ARIA state's words: `"true"` or `"false"`.
fn said(state: bool) -> &'static str {
    if state {
        "true"
    } else {
        "false"
    }
}

/// A button. `blocked`: it cannot act now (a save running, a 429's countdown): it stays
/// focusable and says so with `aria-disabled` — `disabled` would take it out of the tab
/// order and hide why — and a press does nothing. `busy`: its work is running
/// (`aria-busy`). `submit`: it submits its form (`form`, when it sits outside it) instead of
/// calling `on_press`. Other attributes land on the `<button>` with the `attr:` prefix
/// (`attr:aria-expanded=…`; not after `{..}`, which leptosfmt rewrites into `{}`).
#[component]
pub fn Button(
    kind: ButtonKind,
    #[prop(optional, into)] id: Option<String>,
    /// Classes added to the kind's.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional, into)] blocked: Option<Signal<bool>>,
    #[prop(optional, into)] busy: Option<Signal<bool>>,
    /// Submits the form with this id.
    #[prop(optional)]
    submit: Option<&'static str>,
    #[prop(optional, into)] on_press: Option<Callback<()>>,
    /// Its words. `Children` (one body for every button) measured smaller than typed
    /// children (a body per button) or a `TextProp` label.
    children: Children,
) -> impl IntoView {
    let is_blocked = move || blocked.is_some_and(|blocked| blocked.get());
    let class = match (kind.class(), class) {
        (own, "") => own.to_owned(),
        ("", extra) => extra.to_owned(),
        (own, extra) => format!("{own} {extra}"),
    };
    view! {
        <button
            id=id
            type=if submit.is_some() { "submit" } else { "button" }
            form=submit
            class=class
            aria-disabled=move || blocked.map(|_| said(is_blocked()))
            aria-busy=move || busy.map(|busy| said(busy.get()))
            on:click=move |ev| {
                if is_blocked() {
                    ev.prevent_default();
                } else if let Some(on_press) = on_press {
                    on_press.run(());
                }
            }
        >
            {children()}
        </button>
    }
}
