//! `<RadioGroup>`: a question with one answer, as radios in a fieldset (the arrow keys move
//! between them, as in every radio group).

use leptos::prelude::*;

use super::field::{describe, error_id_of, invalid_while, FieldError};

/// One answer of a [`RadioGroup`], known by its place in the list.
pub struct Choice {
    label: String,
    id: Option<&'static str>,
    form_value: Option<String>,
    disabled: bool,
}

impl Choice {
    pub fn new(label: impl Into<String>) -> Self {
        Choice { label: label.into(), id: None, form_value: None, disabled: false }
    }

    /// The radio's own id (a label or a test points at it).
    pub fn id(self, id: &'static str) -> Self {
        Choice { id: Some(id), ..self }
    }

    /// The radio's `value` attribute.
    pub fn form_value(self, value: impl ToString) -> Self {
        Choice { form_value: Some(value.to_string()), ..self }
    }

    /// Shown, not choosable (the group's help says why).
    pub fn disabled(self, disabled: bool) -> Self {
        Choice { disabled, ..self }
    }
}

/// The radios of `choices` named `name`, the one at `selected` checked (none: out of
/// range); `on_choose` hears the place of the one chosen. Places, not values: one
/// `RadioGroup` for every kind of answer measured ~1 KB of wasm less per kind. With an `id`
/// the group is the anchor of its errors: focusable (a refused save focuses it),
/// `aria-invalid` and described by `described` and `error`. `children`: help under the
/// answers.
#[component]
pub fn RadioGroup(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    choices: Vec<Choice>,
    #[prop(into)] selected: Signal<usize>,
    on_choose: Callback<usize>,
    /// The fieldset's classes.
    #[prop(default = "field choices")]
    class: &'static str,
    #[prop(optional)] legend_hidden: bool,
    #[prop(optional)] id: Option<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] described: Vec<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::stored(None));
    let error_id = id.as_deref().map(error_id_of).unwrap_or_default();
    let anchor = id.is_some();
    let described_by = anchor.then(|| describe(described, error, error_id.clone()));
    let radios = choices
        .into_iter()
        .enumerate()
        .map(|(place, choice)| {
            let Choice { label, id, form_value, disabled } = choice;
            view! {
                <label class="choice" class:choice--disabled=disabled>
                    <input
                        type="radio"
                        name=name.clone()
                        id=id
                        value=form_value
                        disabled=disabled
                        prop:checked=move || selected.get() == place
                        on:change=move |_| on_choose.run(place)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class=class
            id=id
            tabindex=anchor.then_some("-1")
            aria-invalid=anchor.then(|| invalid_while(error))
            aria-describedby=described_by
        >
            <legend class=if legend_hidden { "visually-hidden" } else { "field__label" }>{legend}</legend>
            {radios}
            {children.map(|children| children())}
            {anchor.then(|| view! { <FieldError id=error_id error=error /> })}
        </fieldset>
    }
}

/// The place of `value` among `values` (`usize::MAX`, no radio, when absent).
pub fn place_of<T: PartialEq>(values: &[T], value: &T) -> usize {
    values.iter().position(|v| v == value).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::place_of;

    #[test]
    fn a_value_is_found_by_its_place_and_an_absent_one_checks_nothing() {
        let days = [7, 30, 90];
        assert_eq!(place_of(&days, &30), 1);
        assert_eq!(place_of(&days, &1), usize::MAX);
        assert_eq!(place_of(&[None, Some(1)], &None), 0);
    }
}
