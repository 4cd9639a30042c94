//! English, fetched when the cabinet asks for it (decision 66). The wasm carries the
//! Russian column of the catalogue only; the English one is the bundle's file
//! `public/i18n/en-{fingerprint}.json` — a JSON array of every row's English text, the rows
//! of other builds (the preview panel's) too, in the catalogue's order — which the app
//! fetches before it starts when the configuration says `"locale": "en"`. The fingerprint
//! is of the English rows themselves, so a changed text is a new file name and a cached old
//! file is never read against the new catalogue. Native builds (the tests) keep the column
//! compiled in.

/// FNV-1a over the rows, a `0xff` byte after each (never part of UTF-8): the file's name.
pub const fn fingerprint(rows: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut row = 0;
    while row < rows.len() {
        let bytes = rows[row].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
        row += 1;
    }
    hash
}

/// The file's path in the bundle; the app asks for it below its base, like the icons
/// (the bundle's files lie below the base path the app is mounted at, decision 83).
pub fn file_path() -> String {
    format!("/public/i18n/en-{:016x}.json", super::catalogue::ENGLISH_FINGERPRINT)
}

/// Why a fetched file was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongFile {
    pub rows: usize,
    pub expected: usize,
}

/// How many of the file's rows a build keeps (checked against `Msg::ALL` at compile time).
pub const fn kept(in_build: &[bool]) -> usize {
    let (mut row, mut kept) = (0, 0);
    while row < in_build.len() {
        kept += in_build[row] as usize;
        row += 1;
    }
    kept
}

/// This build's rows out of the file's: the file has a row for every row of the catalogue
/// under every feature set, this build skips the rows it does not have.
pub fn rows_of_this_build(file: Vec<String>) -> Result<Vec<String>, WrongFile> {
    let in_build = super::catalogue::ROW_IN_THIS_BUILD;
    if file.len() != in_build.len() {
        return Err(WrongFile { rows: file.len(), expected: in_build.len() });
    }
    Ok(file.into_iter().zip(in_build).filter(|(_, keep)| *keep).map(|(row, _)| row).collect())
}

#[cfg(target_arch = "wasm32")]
static INSTALLED: std::sync::OnceLock<Box<[&'static str]>> = std::sync::OnceLock::new();

/// Takes the fetched file for the rest of the session (its texts live as long as the app).
#[cfg(target_arch = "wasm32")]
pub fn install(file: Vec<String>) -> Result<(), WrongFile> {
    let rows = rows_of_this_build(file)?;
    let rows: Box<[&'static str]> = rows.into_iter().map(|row| &*Box::leak(row.into_boxed_str())).collect();
    let _ = INSTALLED.set(rows);
    Ok(())
}

/// The English rows of this build in `Msg` order, once there.
pub fn rows() -> Option<&'static [&'static str]> {
    #[cfg(target_arch = "wasm32")]
    return INSTALLED.get().map(|rows| &rows[..]);
    #[cfg(not(target_arch = "wasm32"))]
    return Some(super::catalogue::ENGLISH);
}

/// The language the app can show: English asked for but not there (its file could not be
/// fetched) is Russian, which is whole, rather than a page of missing words.
pub fn usable(locale: super::Locale) -> super::Locale {
    match (locale, rows()) {
        (super::Locale::En, None) => super::Locale::Ru,
        _ => locale,
    }
}

// Native: the wasm has no compiled-in English column to hold the file against.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::catalogue::{ENGLISH, ENGLISH_FILE_ROWS};
    use crate::i18n::{Locale, Msg};

    /// The committed file of the English column: its name and its exact text.
    fn expected_file() -> (String, String) {
        let name = file_path().trim_start_matches('/').to_owned();
        let rows: Vec<String> = ENGLISH_FILE_ROWS.iter().map(|row| serde_json::to_string(row).unwrap()).collect();
        (name, format!("[\n{}\n]\n", rows.join(",\n")))
    }

    /// `UPDATE_ENGLISH=1 cargo test --lib english` writes it (and removes an older one).
    #[test]
    fn the_bundle_holds_exactly_this_catalogue_english_file() {
        let (name, text) = expected_file();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("public/i18n");
        if std::env::var_os("UPDATE_ENGLISH").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            for old in std::fs::read_dir(&dir).unwrap() {
                std::fs::remove_file(old.unwrap().path()).unwrap();
            }
            std::fs::write(root.join(&name), &text).unwrap();
        }
        let present: Vec<String> = std::fs::read_dir(&dir)
            .map(|files| files.map(|f| f.unwrap().file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        let wanted = name.trim_start_matches("public/i18n/");
        assert_eq!(
            present,
            [wanted],
            "public/i18n/ must hold the catalogue's English file alone: run UPDATE_ENGLISH=1 cargo test --lib english"
        );
        let on_disk = std::fs::read_to_string(root.join(&name)).unwrap();
        assert!(
            on_disk == text,
            "{name} is not the catalogue's English column: run UPDATE_ENGLISH=1 cargo test --lib english"
        );
    }

    #[test]
    fn the_file_read_back_is_this_builds_english_column() {
        let (_, text) = expected_file();
        let file: Vec<String> = max_channel_contract::json::from_json_str(&text).unwrap();
        let rows = rows_of_this_build(file).unwrap();
        assert_eq!(rows, ENGLISH.iter().map(|r| r.to_string()).collect::<Vec<_>>());
        assert_eq!(rows.len(), Msg::ALL.len());
        assert_eq!(Msg::UnitMinute.text(Locale::En), "minute|minutes");
    }

    #[test]
    fn a_file_of_another_catalogue_is_refused() {
        let mut file: Vec<String> = ENGLISH_FILE_ROWS.iter().map(|r| r.to_string()).collect();
        file.pop();
        let expected = ENGLISH_FILE_ROWS.len();
        assert_eq!(rows_of_this_build(file), Err(WrongFile { rows: expected - 1, expected }));
        assert!(rows_of_this_build(Vec::new()).is_err());
    }

    #[test]
    fn the_fingerprint_changes_with_any_text_and_any_row_boundary() {
        let base = fingerprint(&["ab", "c"]);
        assert_ne!(base, fingerprint(&["a", "bc"]));
        assert_ne!(base, fingerprint(&["ab", "d"]));
        assert_ne!(base, fingerprint(&["ab", "c", ""]));
        assert_eq!(base, fingerprint(&["ab", "c"]));
        assert_eq!(fingerprint(&[]), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn english_without_its_file_is_russian() {
        // Natively the column is compiled in, so English stays English.
        assert_eq!(usable(Locale::En), Locale::En);
        assert_eq!(usable(Locale::Ru), Locale::Ru);
    }
}
