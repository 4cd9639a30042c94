//! Precompressed siblings of the bundle: `<file>.br` and `<file>.gz` next to every file of
//! dist/ except `index.html` (which the dev back end rewrites per answer), so the dev back end
//! can send them with `Content-Encoding` and never compresses at request time.
//!
//! The codecs are the `max-channel-codecs` crate, which the dev back end serves with.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::shell::Result;

use max_channel_codecs as codecs;

pub use codecs::Encoding as Codec;

/// Files that are compressed already: a sibling would not be smaller.
const ALREADY_COMPRESSED: &[&str] =
    &["br", "gz", "zip", "png", "jpg", "jpeg", "gif", "webp", "avif", "woff", "woff2", "mp4", "webm"];

/// What happened to one sibling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub file: PathBuf,
    pub codec: Codec,
    pub raw_len: u64,
    pub len: u64,
    /// `None`: the sibling was newer than its file and was kept.
    pub took: Option<Duration>,
}

/// The files of `dist` that get siblings, largest first (so the longest job starts first).
pub fn assets(dist: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    let mut assets: Vec<(u64, PathBuf)> = files
        .iter()
        .filter(|file| wants_siblings(file, &files))
        .map(|file| (std::fs::metadata(file).map(|m| m.len()).unwrap_or(0), file.clone()))
        .collect();
    assets.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(assets.into_iter().map(|(_, file)| file).collect())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let kind = entry.file_type().map_err(|e| format!("{}: {e}", entry.path().display()))?;
        if kind.is_dir() {
            walk(&entry.path(), files)?;
        } else if kind.is_file() {
            files.push(entry.path());
        }
    }
    Ok(())
}

fn wants_siblings(file: &Path, all: &[PathBuf]) -> bool {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let is_sibling = Codec::ALL.iter().any(|codec| {
        name.strip_suffix(codec.suffix()).is_some_and(|original| all.contains(&file.with_file_name(original)))
    });
    name != "index.html" && !name.ends_with(".tmp") && !is_sibling && !ALREADY_COMPRESSED.contains(&extension.as_str())
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).ok().filter(|m| m.is_file())?.modified().ok()
}

/// Whether `sibling` is up to date: it exists and is at least as new as `file`.
pub fn is_fresh(file: &Path, sibling: &Path) -> bool {
    match (modified(file), modified(sibling)) {
        (Some(file), Some(sibling)) => sibling >= file,
        _ => false,
    }
}

/// One sibling: kept when fresh, else compressed and written atomically (a temporary file,
/// then a rename), so a server reading dist/ meanwhile never sends half a file.
fn one(file: &Path, codec: Codec) -> Result<Outcome> {
    let sibling = codec.sibling(file);
    let raw_len = std::fs::metadata(file).map_err(|e| format!("{}: {e}", file.display()))?.len();
    if is_fresh(file, &sibling) {
        let len = std::fs::metadata(&sibling).map(|m| m.len()).unwrap_or(0);
        return Ok(Outcome { file: file.to_owned(), codec, raw_len, len, took: None });
    }
    let started = Instant::now();
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let compressed = codec.compress(&bytes);
    let mut temporary = sibling.clone().into_os_string();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, &compressed).map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    std::fs::rename(&temporary, &sibling).map_err(|e| format!("cannot write {}: {e}", sibling.display()))?;
    Ok(Outcome { file: file.to_owned(), codec, raw_len, len: compressed.len() as u64, took: Some(started.elapsed()) })
}

/// Writes (or keeps, when fresh) `.br` and `.gz` siblings of every asset of `dist`, on all
/// cores, largest jobs first. Idempotent: a second run rewrites nothing.
pub fn precompress(dist: &Path) -> Result<Vec<Outcome>> {
    let jobs: Vec<(PathBuf, Codec)> =
        assets(dist)?.into_iter().flat_map(|file| Codec::ALL.map(|codec| (file.clone(), codec))).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(jobs.len().max(1));
    let mut outcomes: Vec<(usize, Result<Outcome>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((file, codec)) = jobs.get(at) else {
                            break;
                        };
                        done.push((at, one(file, *codec)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|_| vec![(usize::MAX, Err("a compression thread panicked".into()))]))
            .collect()
    });
    outcomes.sort_by_key(|(at, _)| *at);
    outcomes.into_iter().map(|(_, outcome)| outcome).collect()
}

/// One line per asset: sizes raw / gzip / brotli and the time each took.
pub fn summary(dist: &Path, outcomes: &[Outcome]) -> String {
    let mut lines = Vec::new();
    for pair in outcomes.chunks(2) {
        let name = pair[0].file.strip_prefix(dist).unwrap_or(&pair[0].file).display().to_string();
        let mut line = format!("  {name}: {} B", pair[0].raw_len);
        for outcome in pair.iter().rev() {
            let codec = &outcome.codec.suffix()[1..];
            let how = match outcome.took {
                Some(took) => format!("{:.2} s", took.as_secs_f64()),
                None => "kept".into(),
            };
            line.push_str(&format!(", {codec} {} B ({how})", outcome.len));
        }
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use codecs::{brotli, gzip};

    struct Dir(PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dist() -> Dir {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("public")).unwrap();
        std::fs::write(dir.join("index.html"), "<html></html>").unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js"), "export const a = 1;\n".repeat(500)).unwrap();
        std::fs::write(dir.join("public/favicon.svg"), "<svg></svg>").unwrap();
        std::fs::write(dir.join("public/logo.png"), [0x89, b'P', b'N', b'G']).unwrap();
        Dir(dir)
    }

    #[test]
    fn siblings_for_every_asset_but_index_html_and_kept_when_fresh() {
        let dir = dist();
        let first = precompress(&dir.0).unwrap();
        let written: Vec<_> = first.iter().map(|o| codec_name(&dir.0, o)).collect();
        assert_eq!(
            written,
            [
                "app-0123456789abcdef.js.br",
                "app-0123456789abcdef.js.gz",
                "public/favicon.svg.br",
                "public/favicon.svg.gz"
            ]
        );
        assert!(first.iter().all(|o| o.took.is_some()));
        let js = std::fs::read(dir.0.join("app-0123456789abcdef.js")).unwrap();
        assert_eq!(std::fs::read(dir.0.join("app-0123456789abcdef.js.br")).unwrap(), brotli(&js));
        assert_eq!(std::fs::read(dir.0.join("app-0123456789abcdef.js.gz")).unwrap(), gzip(&js));
        assert!(!dir.0.join("index.html.br").exists() && !dir.0.join("public/logo.png.gz").exists());

        // Again: nothing rewritten, and the siblings are not taken for assets.
        let again = precompress(&dir.0).unwrap();
        assert_eq!(again.len(), 4);
        assert!(again.iter().all(|o| o.took.is_none()), "{again:?}");
        assert_eq!(again.iter().map(|o| o.len).collect::<Vec<_>>(), first.iter().map(|o| o.len).collect::<Vec<_>>());

        // A file newer than its sibling gets a new one.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(dir.0.join("public/favicon.svg"), "<svg><g/></svg>").unwrap();
        let third = precompress(&dir.0).unwrap();
        let rewritten: Vec<_> = third.iter().filter(|o| o.took.is_some()).map(|o| codec_name(&dir.0, o)).collect();
        assert_eq!(rewritten, ["public/favicon.svg.br", "public/favicon.svg.gz"]);
        assert!(summary(&dir.0, &third).contains("public/favicon.svg: 15 B, gz "));
    }

    fn codec_name(dist: &Path, outcome: &Outcome) -> String {
        let sibling = outcome.codec.sibling(&outcome.file);
        sibling.strip_prefix(dist).unwrap().display().to_string()
    }
}
