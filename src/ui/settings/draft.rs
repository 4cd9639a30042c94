//! Draft recovery: what was typed and not saved is kept in sessionStorage (never the token:
//! the form state has no token in it) and offered back after a reload or a session expiry.

use serde::{Deserialize, Serialize};

use crate::domain::SettingsForm;

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
