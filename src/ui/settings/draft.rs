//! Draft recovery: what was typed and not saved is kept in sessionStorage (never the token:
//! the form state has no token in it) and offered back after a reload or a session expiry.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormState;
use crate::domain::SettingsForm;
use crate::i18n::Msg;

/// The sessionStorage key.
pub const KEY: &str = "max-channel:draft";

/// A draft: the form and the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub base_version: Option<String>,
    pub form: SettingsForm,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn read() -> Option<Draft> {
    let text = storage()?.get_item(KEY).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn write(draft: &Draft) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(KEY, &text);
    }
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// Keeps the draft in step with the form, and offers back a draft left by a reload or an
/// expired session when it differs from what was loaded.
#[component]
pub fn DraftOffer() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let offer = RwSignal::new(read().filter(|d| state.form.with_untracked(|f| &d.form != f)));
    Effect::new(move |_| {
        let dirty = state.is_dirty();
        if offer.with(Option::is_some) {
            return; // keep the old draft until the person decides
        }
        if dirty {
            write(&Draft { base_version: state.version.get_untracked(), form: state.form.get() });
        } else {
            clear();
        }
    });
    let settle = move |restore: Option<Draft>| {
        match restore {
            Some(draft) => {
                state.form.set(draft.form);
                state.version.set(draft.base_version);
            }
            None => clear(),
        }
        offer.set(None);
        crate::ui::focus::keep_focus_in_page("main h1");
    };
    move || {
        offer.get().map(|draft| {
            let draft = StoredValue::new(draft);
            view! {
                <div class="alert alert--warning" role="alert" id="draft-offer">
                    <p class="alert__text">
                        <strong>{tr.t(Msg::DraftOffer)}</strong>
                        " "
                        {tr.t(Msg::DraftText)}
                    </p>
                    <button
                        type="button"
                        class="button button--secondary"
                        id="draft-restore"
                        on:click=move |_| settle(Some(draft.get_value()))
                    >
                        {tr.t(Msg::DraftRestore)}
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        id="draft-discard"
                        on:click=move |_| settle(None)
                    >
                        {tr.t(Msg::DraftDiscard)}
                    </button>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_fake::samples;

    #[test]
    fn a_draft_round_trips_and_holds_no_token() {
        let draft = Draft { base_version: Some("7".into()), form: SettingsForm::from_settings(&samples::settings()) };
        let text = serde_json::to_string(&draft).unwrap();
        assert!(!text.contains("token"), "{text}");
        assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), draft);
    }
}
