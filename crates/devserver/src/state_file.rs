//! `--state FILE`: the fake's account (settings, token, history, the fake MAX, the
//! schedule, the actor) as JSON, written atomically after every call that may change it.

use std::path::{Path, PathBuf};

use max_channel_fake::Account;

pub fn load(path: &Path) -> Result<Account, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        // Most likely a file of an older dev back end (before contract 1.1): say what to do.
        format!("{}: not a state file of this dev back end ({e}); delete it to start afresh", path.display())
    })
}

/// Writes the account to `path` atomically: a temporary file beside it, then a rename, so
/// a crash never leaves half a file.
pub fn persist(account: &Account, path: &Path) -> Result<(), String> {
    let tmp = temp_path(path);
    let text = serde_json::to_string_pretty(account).map_err(|e| e.to_string())?;
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_fake::presets::DEMO_TOKEN;
    use max_channel_fake::{samples, Fake, ManualClock, Preset, SeedKind};

    fn clock() -> Box<ManualClock> {
        Box::new(ManualClock::at("2026-12-01T09:30:00+03:00"))
    }

    #[test]
    fn persist_round_trips_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("devserver-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        // A busy account: history, a token, the fake MAX's subscription, health.
        let fake = Preset::LongHistory.build(clock());
        persist(fake.account(), &path).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(&loaded, fake.account());
        let mut restored = Fake::new(SeedKind::Standard, true, clock());
        restored.restore(loaded);
        assert_eq!(restored.account(), fake.account());
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_of_another_shape_is_refused_with_advice() {
        let dir = std::env::temp_dir().join(format!("devserver-state-old-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        // What the dev back end wrote before contract 1.1.
        let old = serde_json::json!({
            "connection": { "state": "connected", "token": DEMO_TOKEN },
            "settings": { "version": "1", "settings": samples::settings() },
            "last_version": 1,
            "chat_bots_service": true
        });
        std::fs::write(&path, old.to_string()).unwrap();
        let message = load(&path).unwrap_err();
        assert!(message.contains("delete it"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
