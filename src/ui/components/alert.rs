//! `<ChoiceAlert>`: a warning that asks one question with two answers (someone else saved;
//! a draft was kept).

use leptos::prelude::*;

use super::{Button, ButtonKind};

/// One answer of a [`ChoiceAlert`]: its button's id, its words, what it does.
pub struct Answer {
    pub id: &'static str,
    pub label: String,
    pub on_press: Callback<()>,
}

/// A warning (`role="alert"`: it arrives unasked) with its text and two answers.
#[component]
pub fn ChoiceAlert<C>(
    #[prop(optional)] id: Option<&'static str>,
    /// The question, as the children.
    children: TypedChildren<C>,
    first: Answer,
    second: Answer,
) -> impl IntoView
where
    C: IntoView + 'static,
{
    let button = |answer: Answer| {
        view! {
            <Button kind=ButtonKind::Secondary id=answer.id on_press=answer.on_press>
                {answer.label}
            </Button>
        }
    };
    view! {
        <div class="alert alert--warning" role="alert" id=id>
            <p class="alert__text">{children.into_inner()()}</p>
            {button(first)}
            {button(second)}
        </div>
    }
}
