//! The app's wasm and JS glue, built by the xtask instead of Trunk (decision 68): Trunk 0.21
//! runs wasm-bindgen straight after the link, and route-level code splitting needs a step
//! between them. A release build links with `--emit-relocs` and the `split` feature, splits
//! the wasm (the same splitter cargo-leptos runs) into the main module, one module per split
//! route and a shared chunk, runs wasm-bindgen on the main module, wasm-opt on every module
//! (decision 67's passes) and terser on the glue and the split loader; a dev build is one
//! unsplit, unoptimised module. Every file is named after its bytes and `index.html` gets the
//! boot script and the preload links Trunk used to write, with their `integrity`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::boot_page::{boot_html, with_build_id, with_head_end, with_public_files, without_skipped_rust_link};
use crate::build::minify::{module_sri, short_hash, sri, Minifier};
use crate::build::verified::verified_loader;
use crate::build::Profile;
use crate::env;
use crate::shell::{run, Result};

mod tools;
use tools::*;

const BIN: &str = "max-channel-admin";

/// What the split wasm imports its loader as, and what the loader imports the glue as:
/// placeholders, replaced by the content-named files.
const LOADER_PLACEHOLDER: &str = "./__wasm_split.______________________.js";
const GLUE_PLACEHOLDER: &str = "./max-channel-admin.js";

/// Decision 67's passes: `-Oz`, then two flatten/rereloop rounds with GUFA between them.
const WASM_OPT_PASSES: [&str; 9] =
    ["-Oz", "--flatten", "--rereloop", "-Oz", "--gufa-optimizing", "-Oz", "--flatten", "--rereloop", "-Oz"];
/// The app's path of each split point of `src/ui/split.rs`: a page opened straight at one of
/// them fetches its modules beside the main wasm instead of after it (the boot script's
/// hint). A split point of a part of a page (`None`: «Проверка связи», the QR encoder) is
/// fetched when first needed, with no hint. A split point missing here fails the build.
const ROUTE_OF_SPLIT: [(&str, Option<&str>); 6] = [
    ("settings", Some("/channels/max/settings")),
    ("history", Some("/channels/max/history")),
    ("delivery", None),
    ("qr", None),
    ("health", None),
    ("about_cards", None),
];

/// The features rustc's wasm32 target uses that binaryen does not assume (the split
/// modules carry no `target_features` section to say so).
const WASM_OPT_FEATURES: [&str; 2] = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int"];

/// The files of one bundle's script, as `index.html` names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scripts {
    pub glue: String,
    pub wasm: String,
    /// The split loader; `None` in a dev build.
    pub loader: Option<String>,
    /// The split routes' modules and the shared chunk.
    pub modules: Vec<String>,
    /// Per split route: its path and the modules it needs.
    pub hints: Vec<(String, Vec<String>)>,
}

/// Builds the app's wasm for `dist` (a Trunk build of the page, its style and `public/`),
/// writes its files there and its boot script into `dist/index.html`.
pub fn build(profile: Profile, dist: &Path, public_url: &str, preview: bool) -> Result<Scripts> {
    let linked = link(profile, preview)?;
    let key = format!("{profile:?} {} {}", if preview { "preview" } else { "production" }, short_hash(&read(&linked)?));
    let processed = match reused(&key) {
        Some(processed) => {
            println!("the same linked wasm as this run's last {key}: its files reused, the page written anew");
            processed
        }
        None => {
            let processed = process(profile, &linked, preview)?;
            if let Ok(mut last) = LAST_PROCESSED.lock() {
                *last = Some((key, processed.clone()));
            }
            processed
        }
    };
    for (name, bytes) in &processed.out {
        write(&dist.join(name), bytes)?;
    }
    write_page(dist, public_url, &processed)?;
    Ok(processed.scripts)
}

/// What the steps after the link made of one linked wasm: the named files and what the
/// page says of them.
#[derive(Clone)]
struct Processed {
    out: Vec<(String, Vec<u8>)>,
    scripts: Scripts,
}

/// The last linked wasm processed in this run, by its profile, kind and bytes. The same
/// bundle for another public URL (`cargo xtask test` builds the production bundle again for
/// `/dialogs/`) differs only in its page: its split, wasm-bindgen, wasm-opt and terser
/// results are this run's already (~85 s of a CI run, measured).
static LAST_PROCESSED: std::sync::Mutex<Option<(String, Processed)>> = std::sync::Mutex::new(None);

fn reused(key: &str) -> Option<Processed> {
    let last = LAST_PROCESSED.lock().ok()?;
    last.as_ref().filter(|(last_key, _)| last_key == key).map(|(_, processed)| processed.clone())
}

/// Link → split → wasm-bindgen → wasm-opt → terser → every file named after its bytes.
fn process(profile: Profile, linked: &Path, preview: bool) -> Result<Processed> {
    let staging = env::workspace_root().join("target/app-wasm").join(if preview { "preview" } else { "production" });
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| format!("cannot clear {}: {e}", staging.display()))?;
    }
    let bound = staging.join("bound");
    let mut files = Vec::new();
    let mut loader = None;
    let mut prefetch = Vec::new();
    if profile == Profile::Release {
        let split = split(linked, &staging)?;
        prefetch = split.prefetch;
        bindgen(&split.main, &bound, true)?;
        for module in &split.modules {
            optimise(module)?;
            files.push(named_file(module, &read(module)?));
        }
        loader = Some(minified(&split.loader)?);
        optimise(&bound.join(format!("{BIN}_bg.wasm")))?;
    } else {
        bindgen(linked, &bound, false)?;
    }
    let wasm = read(&bound.join(format!("{BIN}_bg.wasm")))?;
    let wasm_name = format!("{BIN}-{}_bg.wasm", short_hash(&wasm));
    let glue_path = bound.join(format!("{BIN}.js"));
    let glue = if profile == Profile::Release { minified(&glue_path)? } else { read(&glue_path)? };
    let named = name_scripts(&glue, loader.as_deref(), &files)?;
    let mut out = vec![(wasm_name.clone(), wasm), (named.glue.0.clone(), named.glue.1)];
    out.extend(named.loader.clone());
    out.extend(files.iter().map(|(name, _, bytes)| (name.clone(), bytes.clone())));
    let scripts = Scripts {
        glue: named.glue.0,
        wasm: wasm_name,
        loader: named.loader.map(|(name, _)| name),
        hints: route_hints(&prefetch, &files)?,
        modules: files.into_iter().map(|(name, _, _)| name).collect(),
    };
    Ok(Processed { out, scripts })
}

/// `dist/index.html` with the boot script, the preload links and their `integrity`, every
/// file named below `public_url`, and the build's id.
fn write_page(dist: &Path, public_url: &str, processed: &Processed) -> Result {
    let Processed { out, scripts } = processed;
    let index_path = dist.join("index.html");
    let index = String::from_utf8(read(&index_path)?).map_err(|e| format!("{}: {e}", index_path.display()))?;
    // The split modules as the loader names them (`module_sri`), every other file as Trunk did.
    let split_module = |name: &str| scripts.modules.iter().any(|module| module == name);
    let integrity = |name: &str| {
        let bytes = &out.iter().find(|(file, _)| file == name)?.1;
        Some(if split_module(name) { module_sri(bytes) } else { sri(bytes) })
    };
    let head = boot_html(public_url, scripts, integrity).ok_or("the boot script names a file not written")?;
    let (build, index) = without_skipped_rust_link(&with_public_files(&index, public_url))
        .and_then(|index| with_head_end(&index, &head))
        .and_then(|index| with_build_id(&index))
        .ok_or_else(|| format!("{}: no skipped Rust link or no </head>", index_path.display()))?;
    write(&index_path, index.as_bytes())?;
    println!("build id of {}: {build}", dist.display());
    Ok(())
}

/// A split module's name after its bytes: `split_settings.wasm` → `split_settings-<hex>.wasm`.
fn named_file(module: &Path, bytes: &[u8]) -> (String, String, Vec<u8>) {
    let stem = module.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    (format!("{stem}-{}.wasm", short_hash(bytes)), format!("./{stem}.wasm"), bytes.to_vec())
}

/// Each split point's route path and its modules' final names (from the splitter's map of
/// stems, e.g. `settings` → `chunk_3`, `split_settings`).
fn route_hints(
    prefetch: &[(String, Vec<String>)],
    files: &[(String, String, Vec<u8>)],
) -> Result<Vec<(String, Vec<String>)>> {
    prefetch
        .iter()
        .filter_map(|(split, stems)| {
            let route = ROUTE_OF_SPLIT
                .iter()
                .find(|(name, _)| name == split)
                .ok_or_else(|| format!("the split point `{split}` has no route in app_wasm.rs's ROUTE_OF_SPLIT"));
            match route {
                Err(e) => Some(Err(e)),
                Ok((_, None)) => None,
                Ok((_, Some(path))) => Some(Ok((split, path, stems))),
            }
        })
        .map(|found| {
            let (split, path, stems) = found?;
            let names = stems
                .iter()
                .map(|stem| {
                    let placeholder = format!("./{stem}.wasm");
                    files
                        .iter()
                        .find(|(_, p, _)| *p == placeholder)
                        .map(|(name, _, _)| name.clone())
                        .ok_or_else(|| format!("the split point `{split}` needs `{stem}`, which was not written"))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok((path.to_string(), names))
        })
        .collect()
}

struct NamedScripts {
    glue: (String, Vec<u8>),
    loader: Option<(String, Vec<u8>)>,
}

/// The glue and the loader named after their bytes. They import each other, so one name
/// cannot hold the other's hash: both take the hash of both (and of the module names the
/// loader fetches), which changes whenever either does.
fn name_scripts(glue: &[u8], loader: Option<&[u8]>, modules: &[(String, String, Vec<u8>)]) -> Result<NamedScripts> {
    let Some(loader) = loader else {
        return Ok(NamedScripts { glue: (format!("{BIN}-{}.js", short_hash(glue)), glue.to_vec()), loader: None });
    };
    let verified: Vec<_> = modules
        .iter()
        .map(|(name, placeholder, bytes)| (name.clone(), placeholder.clone(), module_sri(bytes)))
        .collect();
    let loader = verified_loader(&text(loader)?, &verified)?;
    let id = short_hash(&[glue, loader.as_bytes()].concat());
    let (glue_name, loader_name) = (format!("{BIN}-{id}.js"), format!("wasm-split-{id}.js"));
    // The glue names the loader twice: as the module it imports (renamed) and as the key of
    // the wasm's imports object, which must stay what the wasm's import section says.
    let glue = replaced_imports(&text(glue)?, LOADER_PLACEHOLDER, &format!("./{loader_name}"))?;
    let loader = replaced_imports(&loader, GLUE_PLACEHOLDER, &format!("./{glue_name}"))?;
    Ok(NamedScripts { glue: (glue_name, glue.into_bytes()), loader: Some((loader_name, loader.into_bytes())) })
}

/// `text` with every `import … from "<from>"` made `"<to>"` (as terser writes it, or not),
/// other mentions of `from` left alone; an error when no import names it.
pub fn replaced_imports(text: &str, from: &str, to: &str) -> Result<String> {
    let mut out = text.to_owned();
    let mut found = false;
    for space in ["", " "] {
        for quote in ['"', '\''] {
            let import = format!("from{space}{quote}{from}{quote}");
            found |= out.contains(&import);
            out = out.replace(&import, &format!("from{space}{quote}{to}{quote}"));
        }
    }
    if found {
        Ok(out)
    } else {
        Err(format!("expected an import of `{from}` in the split build's JS, found none"))
    }
}

fn text(bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("the split build's JS is not UTF-8: {e}"))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests;
