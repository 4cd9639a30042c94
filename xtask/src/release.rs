//! `cargo xtask release`: the production bundle as the cabinet ships it (issue 35) — one
//! versioned archive, `target/releases/max-channel-admin-<build>.tar.gz`, holding
//! `max-channel-admin-<build>/` with every file of `dist-production/` (the `.br`/`.gz`
//! siblings too), `manifest.json` (the build id; every file with its size, its `sha384-…`
//! and whether the first page loads it) and `nginx.conf`, the serving rules of
//! docs/embedding.md «A release». Written from a built bundle, then read back and checked
//! against the manifest, so an archive that does not match its manifest is never left.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::build::minify::sri;
use crate::env;
use crate::shell::Result;

/// One file of the release: its path inside the bundle, its bytes.
struct File {
    path: String,
    bytes: Vec<u8>,
}

pub fn release_command() -> Result {
    let dist = env::production_dist_dir();
    let out = env::workspace_root().join("target/releases");
    let archive = write_release(&dist, &out)?;
    println!("release: {} ({} bytes)", archive.display(), std::fs::metadata(&archive).map_or(0, |m| m.len()));
    Ok(())
}

/// Writes the release of the bundle in `dist` into `out` and checks it; its path.
pub fn write_release(dist: &Path, out: &Path) -> Result<PathBuf> {
    let files = bundle_files(dist)?;
    let index = files.iter().find(|f| f.path == "index.html").ok_or("no index.html: run `cargo xtask build` first")?;
    let page = String::from_utf8_lossy(&index.bytes).into_owned();
    let build = build_id(&page).ok_or("index.html names no build id: run `cargo xtask build` first")?;
    let public_url = public_url(&page).ok_or("index.html names no JS glue: run `cargo xtask build` first")?;
    let folder = format!("max-channel-admin-{build}");
    let mut entries: Vec<(String, Vec<u8>)> =
        files.iter().map(|f| (format!("{folder}/{}", f.path), f.bytes.clone())).collect();
    entries.push((format!("{folder}/manifest.json"), manifest(&build, &public_url, &page, &files).into_bytes()));
    entries.push((format!("{folder}/nginx.conf"), nginx(&public_url).into_bytes()));
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let archive = out.join(format!("{folder}.tar.gz"));
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&tar(&entries)?).and_then(|()| gzip.flush()).map_err(|e| format!("gzip: {e}"))?;
    let packed = gzip.finish().map_err(|e| format!("gzip: {e}"))?;
    std::fs::write(&archive, packed).map_err(|e| format!("cannot write {}: {e}", archive.display()))?;
    check_release(&archive)?;
    Ok(archive)
}

/// Every file below `dist`, by its path there (`/`-separated), sorted.
fn bundle_files(dist: &Path) -> Result<Vec<File>> {
    let mut paths = Vec::new();
    walk(dist, &mut paths)?;
    let mut files = Vec::new();
    for path in paths {
        let relative = path.strip_prefix(dist).map_err(|e| e.to_string())?;
        let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        files.push(File { path: name, bytes });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The build id `page` names (`<meta name="max-channel-build" content="…">`).
fn build_id(page: &str) -> Option<String> {
    let tag = format!("<meta name=\"{}\" content=\"", crate::build::boot_page::BUILD_META);
    let start = page.find(&tag)? + tag.len();
    let id = &page[start..start + page[start..].find('"')?];
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit())).then(|| id.to_owned())
}

/// The public URL the bundle was built for (`cargo xtask build --public-url`): where the
/// page's boot script imports the glue from, up to the glue's name (`/` or `/dialogs/`).
fn public_url(page: &str) -> Option<String> {
    let import = page.find("import init")?;
    let start = import + page[import..].find("from '")? + "from '".len();
    let glue = &page[start..start + page[start..].find('\'')?];
    Some(glue[..=glue.rfind('/')?].to_owned())
}

/// The serving rules for a bundle built for `public_url`: its files there, every release's
/// in one folder (`alias`), and `public/` where the app asks for it, below its router_base
/// `/dialogs` — which a bundle built for `/` names at the root (its favicon) as well.
fn nginx(public_url: &str) -> String {
    let public = if public_url == "/" { "(?:/dialogs)?/" } else { public_url };
    NGINX.replace("\"^FILES(", &format!("\"^{public_url}(")).replace("\"^PUBLIC", &format!("\"^{public}"))
}

/// Whether the first page loads `path`: `index.html`, and every file it names (the glue,
/// the main wasm, the loader, the style sheet, the favicon), with their precompressed
/// siblings. The split modules and the rest of `public/` come later, when needed.
fn first_load(page: &str, path: &str) -> bool {
    let original = path.strip_suffix(".br").or_else(|| path.strip_suffix(".gz")).unwrap_or(path);
    original == "index.html" || page.contains(&format!("/{original}\"")) || page.contains(&format!("/{original}'"))
}

fn manifest(build: &str, public_url: &str, page: &str, files: &[File]) -> String {
    let rows: Vec<String> = files
        .iter()
        .map(|f| {
            format!(
                "    {{\"path\": {}, \"bytes\": {}, \"integrity\": \"{}\", \"first_load\": {}}}",
                serde_json::Value::from(f.path.as_str()),
                f.bytes.len(),
                sri(&f.bytes),
                first_load(page, &f.path)
            )
        })
        .collect();
    let public_url = serde_json::Value::from(public_url);
    format!(
        "{{\n  \"build\": \"{build}\",\n  \"public_url\": {public_url},\n  \"files\": [\n{}\n  ]\n}}\n",
        rows.join(",\n")
    )
}

/// The rules a host needs, for nginx (docs/embedding.md «A release» says why each).
const NGINX: &str = r#"# MAX channel admin app: the serving rules (docs/embedding.md «A release»).
# assets/ gathers the files of every release (never overwrite, never delete the previous
# release's for a day: open tabs fetch its split modules later); the page is the cabinet's.

# A file named by its hash: the same bytes forever, cached for a year. A file this release
# and the ones before lack is nginx's own 404, never the app's page.
location ~ "^FILES((?:max-channel-admin|wasm-split|split_[a-z_]+|chunk_[0-9]+|main)-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css))$" {
    alias /srv/max-channel/assets/$1;
    # A `types` block replaces the inherited map: all three, wasm's for instantiateStreaming.
    types { text/javascript js; text/css css; application/wasm wasm; }
    add_header Cache-Control "public, max-age=31536000, immutable";
    gzip_static on;                  # the .gz siblings; with ngx_brotli also brotli_static on
    gzip_vary on;
}
# The favicon and the channel icons keep their names, so a deploy overwrites them: asked
# again every time (no validator: the archive's files all carry one modification time).
# The app asks for them below its router_base (/dialogs/public/…, decision 83).
location ~ "^PUBLICpublic/(.+)$" {
    alias /srv/max-channel/assets/public/$1;
    add_header Cache-Control "no-cache";
    etag off;
    if_modified_since off;
    gzip_static on;
    gzip_vary on;
}
# Every path below /dialogs/ is a route of the app: the cabinet's back end answers with the
# index.html of the release in use, a fresh CSP nonce and the configuration per response,
# and Cache-Control: no-cache (docs/embedding.md).
location /dialogs/ {
    proxy_pass http://cabinet-backend;
}
"#;

/// A ustar archive of `entries` (path, bytes): regular files, mode 0644, time 0, so the
/// same bundle always packs to the same bytes.
fn tar(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (path, bytes) in entries {
        let (prefix, name) = match path.len() {
            0..=100 => ("", path.as_str()),
            _ => path.rsplit_once('/').filter(|(p, n)| p.len() <= 155 && n.len() <= 100).ok_or("a path too long")?,
        };
        let mut header = [0_u8; 512];
        header[..name.len()].copy_from_slice(name.as_bytes());
        header[100..108].copy_from_slice(b"0000644\0");
        header[108..116].copy_from_slice(b"0000000\0");
        header[116..124].copy_from_slice(b"0000000\0");
        header[124..136].copy_from_slice(format!("{:011o}\0", bytes.len()).as_bytes());
        header[136..148].copy_from_slice(b"00000000000\0");
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[345..345 + prefix.len()].copy_from_slice(prefix.as_bytes());
        header[148..156].copy_from_slice(b"        ");
        let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
        header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(bytes);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    Ok(out)
}

/// The files of a ustar archive written by [`tar`].
fn untar(archive: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut at = 0;
    while at + 512 <= archive.len() && archive[at] != 0 {
        let header = &archive[at..at + 512];
        let text = |range: std::ops::Range<usize>| {
            String::from_utf8_lossy(&header[range]).trim_end_matches(['\0', ' ']).to_owned()
        };
        let (name, prefix) = (text(0..100), text(345..500));
        let size = usize::from_str_radix(&text(124..135), 8).map_err(|e| format!("a tar size: {e}"))?;
        let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        let start = at + 512;
        let bytes = archive.get(start..start + size).ok_or("a tar entry cut short")?.to_vec();
        files.push((path, bytes));
        at = start + size.div_ceil(512) * 512;
    }
    Ok(files)
}

/// Reads `archive` back: every file of its manifest is in it with that size and integrity,
/// and it holds nothing else but the manifest and the rules.
pub fn check_release(archive: &Path) -> Result {
    let mut packed = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(archive).map_err(|e| e.to_string())?)
        .read_to_end(&mut packed)
        .map_err(|e| format!("{}: {e}", archive.display()))?;
    let files = untar(&packed)?;
    let folder =
        files.first().and_then(|(p, _)| p.split_once('/')).map(|(f, _)| format!("{f}/")).ok_or("an empty archive")?;
    let manifest = files
        .iter()
        .find(|(p, _)| *p == format!("{folder}manifest.json"))
        .ok_or("no manifest.json in the archive's folder")?;
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.1).map_err(|e| format!("manifest.json: {e}"))?;
    let listed = manifest["files"].as_array().ok_or("manifest.json lists no files")?;
    for row in listed {
        let path = format!("{folder}{}", row["path"].as_str().unwrap_or_default());
        let (_, bytes) =
            files.iter().find(|(p, _)| *p == path).ok_or_else(|| format!("{path} is not in the archive"))?;
        if row["bytes"].as_u64() != Some(bytes.len() as u64) || row["integrity"].as_str() != Some(&sri(bytes)) {
            return Err(format!("{path} is not what manifest.json says"));
        }
    }
    let extra = files.len().checked_sub(listed.len()).ok_or("manifest.json lists more files than the archive holds")?;
    if extra != 2 {
        return Err(format!("the archive holds {extra} files beside the manifest's, not its manifest and rules"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
