//! `<Switch>`: on or off, a checkbox with `role="switch"`.

use leptos::prelude::*;

use super::field::{error_id_of, FieldError};

/// A switch. With `error` it is the anchor of errors (its own, and those of the controls it
/// hides while off): `aria-invalid`, described by the error shown under it. `anchor`: the
/// name a refused save finds it by (`data-error-anchor`), as its id stays the one labels
/// and tests know.
#[component]
pub fn Switch(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] on: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] anchor: Option<String>,
    /// The error line's id, when not `{id}-error`.
    #[prop(optional)]
    error_id: Option<String>,
) -> impl IntoView {
    let error_id = error_id.unwrap_or_else(|| error_id_of(id));
    let shown = move || error.is_some_and(|error| error.with(Option::is_some));
    let described = error_id.clone();
    view! {
        <label class="switch" for=id>
            <input
                id=id
                type="checkbox"
                role="switch"
                class="switch__input"
                data-error-anchor=anchor
                aria-invalid=move || shown().then_some("true")
                aria-describedby=move || shown().then(|| described.clone())
                prop:checked=move || on.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="switch__track" aria-hidden="true"></span>
            <span class="switch__label">{label}</span>
        </label>
        {error.map(|error| view! { <FieldError id=error_id error=error /> })}
    }
}
