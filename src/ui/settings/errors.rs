//! Field errors at the controls that show them: every error reaches a visible control
//! (`FieldPath::placement`), its own when shown, else the switch, choice or list that
//! governs it, else the whole form's anchor in the action bar.

use leptos::prelude::*;
use max_channel_contract::FieldError;

use super::fields::{described_by, invalid, ErrorText};
use super::FormState;
use crate::domain::{field_order, FieldPath, SettingsForm};
use crate::i18n::{Msg, Tr};

/// An error as shown: the anchor it shows at, and its text there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub anchor: FieldPath,
    pub text: String,
}

/// The errors placed on the form as it is now. A memo: a control re-renders only when what
/// it shows changes, and with no errors the form is not even read, so typing costs nothing.
pub fn placed(
    tr: Tr,
    errors: RwSignal<Vec<FieldError>>,
    form: RwSignal<SettingsForm>,
    token: RwSignal<String>,
) -> Memo<Vec<Placed>> {
    Memo::new(move |_| {
        errors.with(|errors| {
            if errors.is_empty() {
                return Vec::new();
            }
            form.with(|form| errors.iter().map(|e| place(tr, token, e, form)).collect())
        })
    })
}

fn place(tr: Tr, token: RwSignal<String>, error: &FieldError, form: &SettingsForm) -> Placed {
    let known = FieldPath::parse(&error.path);
    let place = known.map(|path| path.placement(form));
    let ours = match known {
        Some(FieldPath::Token) => tr.t(message(token, error)).to_owned(),
        _ => crate::domain::field_text(tr, form, &error.path, &error.code),
    };
    let ours = ours.as_str();
    match place {
        Some(place) => {
            let text = match place.hidden {
                Some(hidden) => hidden.describe(tr, ours),
                None => ours.to_owned(),
            };
            Placed { anchor: place.anchor, text }
        }
        // A path the form does not know: at the whole form, in the back end's words, which
        // say more than «Проверьте значение.».
        None => {
            let text = if error.message.trim().is_empty() { ours.to_owned() } else { error.message.clone() };
            Placed { anchor: FieldPath::Form, text }
        }
    }
}

/// The catalogue message for a field error; a token's names what is wrong with it.
fn message(token: RwSignal<String>, error: &FieldError) -> Msg {
    if FieldPath::parse(&error.path) == Some(FieldPath::Token) {
        token.with_untracked(|token| crate::domain::token_message(token, &error.code))
    } else {
        crate::domain::field_message(&error.path, &error.code)
    }
}

impl FormState {
    /// The errors shown at the control `anchor`, one text, if any.
    pub fn error_at(&self, anchor: FieldPath) -> Option<String> {
        self.placed.with(|placed| {
            let texts: Vec<&str> = placed.iter().filter(|p| p.anchor == anchor).map(|p| p.text.as_str()).collect();
            (!texts.is_empty()).then(|| texts.join(" "))
        })
    }

    /// The catalogue message for a field error; a token's names what is wrong with it.
    pub fn message_for(&self, error: &FieldError) -> Msg {
        message(self.token, error)
    }

    /// Drops the errors at `path` (and below it) once the person edits that control.
    pub fn clear_error(&self, path: FieldPath) {
        let path = path.to_string();
        if self.errors.with_untracked(|e| e.iter().any(|e| e.path.starts_with(&path))) {
            self.errors.update(|e| e.retain(|e| !e.path.starts_with(&path)));
        }
    }

    /// A switch or a choice changes what the form shows. Its own errors (`own`) go: the
    /// person answered them. So do those of the controls it hides: they were about a value
    /// no longer in use. Those of the controls it reveals stay, now under them.
    pub fn choose(&self, own: &[FieldPath], change: impl FnOnce(&mut SettingsForm)) {
        if self.errors.with_untracked(Vec::is_empty) {
            self.form.update(change);
            return;
        }
        let shown = |form: &SettingsForm| -> Vec<bool> {
            self.errors.with_untracked(|errors| {
                // At its own control: a known path not hidden by the form, or a path the form
                // does not know (it shows at the form's anchor either way).
                errors
                    .iter()
                    .map(|e| FieldPath::parse(&e.path).is_none_or(|p| p.placement(form).hidden.is_none()))
                    .collect::<Vec<bool>>()
            })
        };
        let before = self.form.with_untracked(shown);
        self.form.update(change);
        let after = self.form.with_untracked(shown);
        let mut index = 0;
        self.errors.update(|errors| {
            errors.retain(|e| {
                let hid = before.get(index) == Some(&true) && after.get(index) == Some(&false);
                index += 1;
                !hid && !FieldPath::parse(&e.path).is_some_and(|p| own.contains(&p))
            })
        });
    }

    /// Shows `errors` at their controls and moves focus to the first; returns how many. A
    /// token error opens a connected channel's closed token field: opening it changes
    /// nothing that is saved.
    pub fn show_errors(&self, mut errors: Vec<FieldError>) -> usize {
        errors.sort_by_key(|e| field_order(&e.path));
        if errors.iter().any(|e| FieldPath::parse(&e.path) == Some(FieldPath::Token))
            && self.has_stored_token()
            && !self.replacing_token.get_untracked()
        {
            self.replacing_token.set(true);
        }
        let first = self.form.with_untracked(|form| {
            errors.first().map(|e| FieldPath::parse(&e.path).map_or(FieldPath::Form, |p| p.anchor(form)))
        });
        let count = errors.len();
        self.errors.set(errors);
        if let Some(anchor) = first {
            super::fields::focus_later(anchor);
        }
        count
    }
}

/// The whole form's anchor, in the action bar: errors at paths the form does not know.
#[component]
pub fn FormErrors() -> impl IntoView {
    let state = expect_context::<FormState>();
    // A group only while it holds an error: focused then, with its text as description.
    let role = move || state.error_at(FieldPath::Form).map(|_| "group");
    view! {
        <div
            class="form-errors"
            id=FieldPath::Form.control_id()
            tabindex="-1"
            role=role
            aria-invalid=invalid(state, FieldPath::Form)
            aria-describedby=described_by(state, FieldPath::Form, None)
        >
            <ErrorText path=FieldPath::Form />
        </div>
    }
}
