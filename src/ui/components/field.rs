//! `<Field>`: a labelled control with its help and its error, tied together by ids (after
//! thaw's `Field`); `<FieldError>` for the error line of a group of controls.

use leptos::prelude::*;

/// What the control inside a [`Field`] carries: its id (the label's `for`), and
/// `aria-invalid` and `aria-describedby` that follow the field's error.
#[derive(Clone)]
pub struct Control {
    pub id: String,
    pub invalid: Signal<Option<&'static str>>,
    pub described_by: Signal<Option<String>>,
}

/// The id of the error text of the control `id`.
pub fn error_id_of(id: &str) -> String {
    format!("{id}-error")
}

/// `aria-describedby` of a control: `ids` (its help, a counter), then its error while it
/// has one.
pub fn describe(ids: Vec<String>, error: Signal<Option<String>>, error_id: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        let mut all = ids.clone();
        if error.with(Option::is_some) {
            all.push(error_id.clone());
        }
        (!all.is_empty()).then(|| all.join(" "))
    })
}

/// `aria-invalid` while there is an error.
pub fn invalid_while(error: Signal<Option<String>>) -> Signal<Option<&'static str>> {
    Signal::derive(move || error.with(Option::is_some).then_some("true"))
}

/// A field: its label, its help (`{id}-help`), the control the children draw with the
/// [`Control`] they are given, and its error (`{id}-error`). `described`: more ids the
/// control is described by (a character counter).
#[component]
pub fn Field<V>(
    id: String,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] help: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Classes added to `field`.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] described: Vec<String>,
    #[prop(optional, into)] hidden: Option<Signal<bool>>,
    children: impl FnOnce(Control) -> V,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let help_id = help.as_ref().map(|_| format!("{id}-help"));
    let error_id = error_id_of(&id);
    let ids = help_id.iter().cloned().chain(described).collect();
    let control =
        Control { id: id.clone(), invalid: invalid_while(error), described_by: describe(ids, error, error_id.clone()) };
    view! {
        <div
            class=if class.is_empty() { "field".to_owned() } else { format!("field {class}") }
            hidden=move || hidden.is_some_and(|hidden| hidden.get())
        >
            <label class="field__label" for=id>
                {label}
            </label>
            {help
                .map(|help| {
                    view! {
                        <p class="field__help" id=help_id>
                            {help}
                        </p>
                    }
                })}
            {children(control)}
            <FieldError id=error_id error=error />
        </div>
    }
}

/// The error line under a control or a group, or nothing.
#[component]
pub fn FieldError(id: String, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|text| {
            view! {
                <p class="field__error" id=id.clone()>
                    {text}
                </p>
            }
        })
    }
}
