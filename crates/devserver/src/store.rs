//! The account's mutable state: the MAX connection and the saved settings. Persisted to a
//! JSON file when the server was started with `--state FILE`, written atomically.

use std::path::{Path, PathBuf};

use max_channel_contract::{BotInfo, ChannelState, Settings, StateReason, VersionedSettings};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub state: ChannelState,
    #[serde(default)]
    pub state_reason: Option<StateReason>,
    /// The stored MAX token. Only the back end keeps it; the API shows its last 4 characters.
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub bot: Option<BotInfo>,
}

/// Everything a save or disconnect changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub connection: Connection,
    /// `None` until the first save: `getMaxSettings` answers 404.
    #[serde(default)]
    pub settings: Option<VersionedSettings>,
    /// The last version number handed out; versions never repeat, even across disconnects.
    #[serde(default)]
    pub last_version: u64,
    pub chat_bots_service: bool,
}

impl Store {
    pub fn new(chat_bots_service: bool) -> Store {
        Store {
            connection: Connection {
                state: ChannelState::NotConnected,
                state_reason: None,
                token: None,
                bot: None,
            },
            settings: None,
            last_version: 0,
            chat_bots_service,
        }
    }

    /// "…" and the last 4 characters of the stored token.
    pub fn token_hint(&self) -> Option<String> {
        self.connection.token.as_deref().map(max_channel_contract::token_hint)
    }

    /// Saves settings (and a new token with its bot, if given); the channel is connected.
    pub fn save(&mut self, settings: Settings, token: Option<(String, BotInfo)>) -> VersionedSettings {
        self.last_version += 1;
        let saved = VersionedSettings {
            version: self.last_version.to_string(),
            settings,
        };
        self.settings = Some(saved.clone());
        if let Some((token, bot)) = token {
            self.connection.token = Some(token);
            self.connection.bot = Some(bot);
        }
        self.connection.state = ChannelState::Connected;
        self.connection.state_reason = None;
        saved
    }

    /// Forgets the token and the bot; the settings stay, so reconnecting needs only a token.
    pub fn disconnect(&mut self) {
        self.connection = Connection {
            state: ChannelState::NotConnected,
            state_reason: None,
            token: None,
            bot: None,
        };
    }

    /// A verified token moves a channel that is not connected to «Токен авторизован».
    /// Verification stores nothing else: the token itself is sent again with the save.
    pub fn note_verified(&mut self) {
        if self.connection.state == ChannelState::NotConnected {
            self.connection.state = ChannelState::TokenAuthorized;
        }
    }

    pub fn load(path: &Path) -> Result<Store, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes the state to `path` atomically: a temporary file beside it, then a rename, so
    /// a crash never leaves half a file.
    pub fn persist(&self, path: &Path) -> Result<(), String> {
        let tmp = temp_path(path);
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_contract::samples;

    fn settings() -> Settings {
        samples::settings()
    }

    fn bot() -> BotInfo {
        BotInfo {
            user_id: 1,
            first_name: "Бот".into(),
            username: None,
            avatar_url: None,
        }
    }

    #[test]
    fn disconnect_keeps_settings_and_versions_keep_growing() {
        let mut s = Store::new(true);
        let first = s.save(settings(), Some(("abcdefgh".into(), bot())));
        assert_eq!(first.version, "1");
        assert_eq!(s.token_hint().as_deref(), Some("…efgh"));
        s.disconnect();
        assert_eq!(s.connection.state, ChannelState::NotConnected);
        assert!(s.connection.token.is_none());
        assert_eq!(s.settings.as_ref().unwrap().settings, settings());
        let second = s.save(settings(), Some(("zzzz1234".into(), bot())));
        assert_eq!(second.version, "2");
        assert_eq!(s.connection.state, ChannelState::Connected);
    }

    #[test]
    fn persist_round_trips_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("devserver-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut s = Store::new(false);
        s.save(settings(), Some(("tok".into(), bot())));
        s.persist(&path).unwrap();
        assert_eq!(Store::load(&path).unwrap(), s);
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
