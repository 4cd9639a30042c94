//! The JS glue and the style sheet of a release bundle, minified after `trunk build`
//! (decision 63).
//!
//! Trunk 0.21's own `--minify` leaves the glue as it is: its minifier (the minify-js 0.5
//! crate) cannot parse wasm-bindgen's `export { initSync, __wbg_init as default }`, warns
//! "Failed to minify JS: RequiredTokenNotFound(Identifier)" and copies the file. So terser,
//! pinned in `setup.rs`, minifies every `.js` at the top of the bundle (the glue; `public/` is
//! copied as it is), and csso, pinned there too, every `.css` there (the style sheet, which
//! Trunk copies byte for byte); the `integrity="sha384-…"` Trunk wrote for each file into
//! `index.html` is replaced by the new file's. Nothing else in `index.html` changes: the
//! nonce placeholders stay for the server to fill per response, and both minifiers are
//! deterministic, so the same build gives the same bytes. Each minified file is renamed
//! after its new bytes (`<name>-<16 hex of their SHA-384>.<ext>`, everywhere `index.html`
//! names it): Trunk's hash is of the wasm before wasm-opt or of the style sheet's source, so
//! a dev build (not minified) and a release build, or two minifier versions, would otherwise
//! serve different bytes under one `immutable` name — a cached copy would then fail its
//! `integrity` and the browser would refuse the page's script or style.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use sha2::{Digest, Sha384};

use crate::env;
use crate::shell::{run, Result};

/// One minified file: its sizes before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minified {
    pub file: PathBuf,
    pub before: usize,
    pub after: usize,
}

/// Minifies the glue and the style sheet of `dist` in place and updates their integrity in
/// `dist/index.html`.
pub fn minify_bundle(dist: &Path) -> Result<Vec<Minified>> {
    let index_path = dist.join("index.html");
    let mut index = read_text(&index_path)?;
    let mut done = Vec::new();
    for (file, minifier) in bundle_files(dist)? {
        let original = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let extension = file.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        let minified_path = file.with_extension(format!("min.{extension}.tmp"));
        run(minifier.what(), &mut minifier.command(&file, &minified_path)?)?;
        let minified =
            std::fs::read(&minified_path).map_err(|e| format!("cannot read {}: {e}", minified_path.display()))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        index = replace_integrity(&index, &original, &minified)
            .ok_or_else(|| format!("{}: no integrity=\"{}\" for {name}", index_path.display(), sri(&original)))?;
        let renamed = hashed_name(&name, &minified);
        index = rename_in_page(&index, &name, &renamed)
            .ok_or_else(|| format!("{}: does not name {name}", index_path.display()))?;
        let target = file.with_file_name(&renamed);
        std::fs::rename(&minified_path, &target).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        if target != file {
            std::fs::remove_file(&file).map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
        }
        done.push(Minified { file: target, before: original.len(), after: minified.len() });
    }
    std::fs::write(&index_path, index).map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    Ok(done)
}

/// Which tool minifies a file of the bundle, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Minifier {
    /// The JS glue.
    Terser,
    /// The style sheet.
    Csso,
}

impl Minifier {
    pub fn of(file: &Path) -> Option<Self> {
        match file.extension()?.to_str()? {
            "js" => Some(Self::Terser),
            "css" => Some(Self::Csso),
            _ => None,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Terser => "terser (minify the JS glue)",
            Self::Csso => "csso (minify the style sheet)",
        }
    }

    /// `<tool> <input> <options> --output <output>`, with the tools PATH (both are Node scripts).
    pub fn command(self, input: &Path, output: &Path) -> Result<Command> {
        let (binary, options): (PathBuf, &[&str]) = match self {
            Self::Terser => (env::terser_binary()?, &TERSER_OPTIONS),
            Self::Csso => (env::csso_binary()?, &CSSO_OPTIONS),
        };
        let mut cmd = Command::new(binary);
        cmd.env("PATH", env::tools_path()?).arg(input).args(options).arg("--output").arg(output);
        Ok(cmd)
    }
}

/// ES module (strict, top-level names are its own), compressed and mangled; export names
/// and the wasm imports' property names are never renamed, so the boot script and the wasm
/// still find them.
const TERSER_OPTIONS: [&str; 3] = ["--module", "--compress", "--mangle"];

/// csso's safe mode: `--no-restructure` never merges, splits or moves a rule or a
/// declaration, so every rule keeps its selector, its place in the cascade and its
/// declarations in order (restructuring merged and moved rules, and came out larger under
/// brotli). What is left: comments and whitespace, shorter numbers (`0.5em` → `.5em`),
/// unquoted attribute values, escapes written as their characters, `outline: none` →
/// `outline: 0` and a `none` or `transparent` background → `0 0`; custom properties are kept
/// as written. No source maps in or out.
const CSSO_OPTIONS: [&str; 5] = ["--no-restructure", "--comments", "none", "--input-source-map", "none"];

/// The files at the top of `dist` that a minifier takes, sorted.
fn bundle_files(dist: &Path) -> Result<Vec<(PathBuf, Minifier)>> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut files: Vec<(PathBuf, Minifier)> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .filter_map(|path| Minifier::of(&path).map(|minifier| (path, minifier)))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The subresource-integrity value of `bytes` as Trunk writes it: `sha384-<base64>`.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// A split module's integrity, `sha256-<base64>`: the loader names every module and the
/// page's hint some, so each value is paid for on the first load, and SHA-256's 44
/// characters say as much as SHA-384's 64 for this use (measured: docs/decisions.md no. 81).
pub fn module_sri(bytes: &[u8]) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes)))
}

/// `index` with every `integrity="<sri of original>"` made the minified file's; `None`
/// when the page has none for it (Trunk changed how it writes them: fail, never ship a
/// page whose integrity no longer matches).
pub fn replace_integrity(index: &str, original: &[u8], minified: &[u8]) -> Option<String> {
    let old = format!("integrity=\"{}\"", sri(original));
    index.contains(&old).then(|| index.replace(&old, &format!("integrity=\"{}\"", sri(minified))))
}

/// `main-799c53273b917b32.css` → `main-<16 hex of the SHA-384 of bytes>.css`: Trunk's
/// name with the hash of what is now in the file (the part after the last `-` of the stem;
/// a name without one gets the hash appended).
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let base = stem.rsplit_once('-').map_or(stem, |(base, _)| base);
    format!("{base}-{}.{extension}", short_hash(bytes))
}

/// 16 hex digits of the SHA-384 of `bytes`: the part of a bundle file's name that changes
/// with its content (as long as Trunk's).
pub fn short_hash(bytes: &[u8]) -> String {
    Sha384::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// `index` with every `/<old>` (an `href`, the boot script's `import`) made `/<new>`; `None`
/// when the page does not name the file at all.
pub fn rename_in_page(index: &str, old: &str, new: &str) -> Option<String> {
    let old = format!("/{old}");
    index.contains(&old).then(|| index.replace(&old, &format!("/{new}")))
}

/// A line per file for the build's output.
pub fn summary(done: &[Minified]) -> String {
    done.iter()
        .map(|m| {
            let name = m.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            format!("minified {name}: {} → {} B", m.before, m.after)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_and_the_style_sheet_only() {
        assert_eq!(Minifier::of(Path::new("dist/max-channel-admin-1a.js")), Some(Minifier::Terser));
        assert_eq!(Minifier::of(Path::new("dist/main-1a.css")), Some(Minifier::Csso));
        for other in ["dist/index.html", "dist/app_bg.wasm", "dist/main-1a.css.br", "dist/main.css.tmp", "dist/js"] {
            assert_eq!(Minifier::of(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn a_minified_file_is_named_after_its_new_bytes_and_the_page_follows() {
        let renamed = hashed_name("max-channel-admin-cb5693fa11ac5cfa.js", b"export default 1;");
        assert!(renamed.starts_with("max-channel-admin-") && renamed.ends_with(".js"), "{renamed}");
        assert_ne!(renamed, "max-channel-admin-cb5693fa11ac5cfa.js");
        assert_eq!(renamed.len(), "max-channel-admin-cb5693fa11ac5cfa.js".len(), "16 hex digits, as Trunk's");
        assert_ne!(renamed, hashed_name("max-channel-admin-cb5693fa11ac5cfa.js", b"export default 2;"));
        assert_eq!(hashed_name("main-799c53273b917b32.css", b"a{}"), hashed_name("main-0.css", b"a{}"));
        let index = "import init from '/app-1a.js'; init({ module_or_path: '/app-1a_bg.wasm' });\n\
                     <link rel=\"modulepreload\" href=\"/app-1a.js\"><link rel=\"preload\" href=\"/app-1a_bg.wasm\">";
        let updated = rename_in_page(index, "app-1a.js", "app-2b.js").unwrap();
        assert_eq!(updated.matches("/app-2b.js").count(), 2, "{updated}");
        assert_eq!(updated.matches("/app-1a_bg.wasm").count(), 2, "the wasm keeps its name: {updated}");
        assert_eq!(rename_in_page(index, "other-1a.js", "x.js"), None);
    }

    #[test]
    fn integrity_as_trunk_writes_it() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn every_integrity_of_the_file_and_nothing_else_changes() {
        let (original, minified) = (b"export default 1 ;".as_slice(), b"export default 1;".as_slice());
        let index = format!(
            r#"<link rel="modulepreload" nonce="{{{{__TRUNK NONCE__}}}}" href="/a.js" integrity="{}"><link rel="preload" href="/a_bg.wasm" integrity="sha384-w"><script integrity="{}"></script>"#,
            sri(original),
            sri(original)
        );
        let updated = replace_integrity(&index, original, minified).unwrap();
        assert_eq!(updated.matches(&sri(minified)).count(), 2, "{updated}");
        assert!(!updated.contains(&sri(original)) && updated.contains("sha384-w"), "{updated}");
        assert!(updated.contains(r#"nonce="{{__TRUNK NONCE__}}""#), "the placeholder stays: {updated}");
        assert_eq!(replace_integrity(&index, b"another file", minified), None);
    }
}
