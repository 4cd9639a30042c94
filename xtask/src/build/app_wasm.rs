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
    let staging = env::workspace_root().join("target/app-wasm").join(if preview { "preview" } else { "production" });
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| format!("cannot clear {}: {e}", staging.display()))?;
    }
    let bound = staging.join("bound");
    let mut files = Vec::new();
    let mut loader = None;
    let mut prefetch = Vec::new();
    if profile == Profile::Release {
        let split = split(&linked, &staging)?;
        prefetch = split.prefetch;
        bindgen(&split.main, &bound, true)?;
        for module in &split.modules {
            optimise(module)?;
            files.push(named_file(module, &read(module)?));
        }
        loader = Some(minified(&split.loader)?);
        optimise(&bound.join(format!("{BIN}_bg.wasm")))?;
    } else {
        bindgen(&linked, &bound, false)?;
    }
    let wasm = read(&bound.join(format!("{BIN}_bg.wasm")))?;
    let wasm_name = format!("{BIN}-{}_bg.wasm", short_hash(&wasm));
    let glue_path = bound.join(format!("{BIN}.js"));
    let glue = if profile == Profile::Release { minified(&glue_path)? } else { read(&glue_path)? };
    let named = name_scripts(&glue, loader.as_deref(), &files)?;
    let mut out = vec![(wasm_name.clone(), wasm), (named.glue.0.clone(), named.glue.1)];
    out.extend(named.loader.clone());
    out.extend(files.iter().map(|(name, _, bytes)| (name.clone(), bytes.clone())));
    for (name, bytes) in &out {
        write(&dist.join(name), bytes)?;
    }
    let scripts = Scripts {
        glue: named.glue.0,
        wasm: wasm_name,
        loader: named.loader.map(|(name, _)| name),
        hints: route_hints(&prefetch, &files)?,
        modules: files.into_iter().map(|(name, _, _)| name).collect(),
    };
    let index_path = dist.join("index.html");
    let index = String::from_utf8(read(&index_path)?).map_err(|e| format!("{}: {e}", index_path.display()))?;
    // The split modules as the loader names them (`module_sri`), every other file as Trunk did.
    let split_module = |name: &str| scripts.modules.iter().any(|module| module == name);
    let integrity = |name: &str| {
        let bytes = &out.iter().find(|(file, _)| file == name)?.1;
        Some(if split_module(name) { module_sri(bytes) } else { sri(bytes) })
    };
    let head = boot_html(public_url, &scripts, integrity).ok_or("the boot script names a file not written")?;
    let (build, index) = without_skipped_rust_link(&with_public_files(&index, public_url))
        .and_then(|index| with_head_end(&index, &head))
        .and_then(|index| with_build_id(&index))
        .ok_or_else(|| format!("{}: no skipped Rust link or no </head>", index_path.display()))?;
    write(&index_path, index.as_bytes())?;
    println!("build id of {}: {build}", dist.display());
    Ok(scripts)
}

/// `cargo rustc` of the app's binary for wasm32; the path of the linked wasm, as cargo says
/// it (wherever the target directory is configured).
fn link(profile: Profile, preview: bool) -> Result<PathBuf> {
    let mut cargo = env::cargo_command()?;
    cargo.args(["rustc", "--target", "wasm32-unknown-unknown", "--bin", BIN, "-p", BIN]);
    cargo.arg("--message-format=json-render-diagnostics");
    if !preview {
        cargo.arg("--no-default-features");
    }
    // A diagnostic build's extra features (`alloc-census`); never set for a shipped bundle.
    if let Some(extra) = std::env::var("MAX_BUILD_FEATURES").ok().filter(|f| !f.is_empty()) {
        cargo.args(["--features", &extra]);
    }
    if profile == Profile::Release {
        // The splitter reads the relocations. A flag of the final link only: every crate
        // keeps the flags .cargo/config.toml gives (`erase_components`).
        cargo.args(["--release", "--features", "split", "--", "-Clink-arg=--emit-relocs"]);
    }
    let what = format!("cargo rustc (wasm, {})", if preview { "preview" } else { "production" });
    let (status, stdout) = crate::shell::run_capture(&what, &mut cargo)?;
    crate::shell::check_status(&what, &cargo, status)?;
    linked_wasm(&stdout).ok_or_else(|| format!("{what}: cargo named no wasm of `{BIN}`"))
}

/// The `.wasm` of the app's binary in cargo's JSON messages (the last build of it).
pub fn linked_wasm(messages: &str) -> Option<PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact" && message["target"]["name"] == BIN)
        .filter_map(|message| {
            let files = message["filenames"].as_array()?.iter().filter_map(|f| f.as_str());
            files.filter(|f| f.ends_with(".wasm")).map(PathBuf::from).next()
        })
        .next_back()
}

struct Split {
    main: PathBuf,
    loader: PathBuf,
    modules: Vec<PathBuf>,
    /// Per split point, the module files (stems) it needs, sorted.
    prefetch: Vec<(String, Vec<String>)>,
}

fn split(linked: &Path, staging: &Path) -> Result<Split> {
    let input = read(linked)?;
    let out_dir = staging.join("split");
    let main = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &out_dir;
    options.main_out_path = &main;
    options.link_name = LOADER_PLACEHOLDER;
    options.main_module = GLUE_PLACEHOLDER;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("wasm-split: {e:#}"))?;
    let mut modules = split.split_modules;
    modules.sort();
    let mut prefetch: Vec<(String, Vec<String>)> = split.prefetch_map.into_iter().collect();
    prefetch.sort();
    println!("split the wasm: main and {} modules; {prefetch:?}", modules.len());
    Ok(Split { main, loader: out_dir.join(LOADER_PLACEHOLDER), modules, prefetch })
}

/// wasm-bindgen on the main module (the splitter's exports kept for the split modules).
fn bindgen(wasm: &Path, out_dir: &Path, split: bool) -> Result {
    let mut bindgen = env::tool_command("wasm-bindgen")?;
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", BIN]).arg("--out-dir").arg(out_dir);
    if split {
        bindgen.args(["--keep-lld-exports", "--no-demangle"]);
    }
    run("wasm-bindgen", bindgen.arg(wasm))?;
    if out_dir.join("snippets").exists() {
        return Err("wasm-bindgen wrote JS snippets; the xtask does not serve them yet".into());
    }
    Ok(())
}

/// wasm-opt in place.
fn optimise(wasm: &Path) -> Result {
    let mut opt = Command::new(env::wasm_opt_binary()?);
    opt.env("PATH", env::tools_path()?).args(WASM_OPT_FEATURES).args(WASM_OPT_PASSES).arg(wasm).arg("-o").arg(wasm);
    run("wasm-opt", &mut opt)
}

/// The file minified by terser (an ES module), as bytes.
fn minified(file: &Path) -> Result<Vec<u8>> {
    let out = file.with_extension("min.js");
    run("terser", &mut Minifier::Terser.command(file, &out)?)?;
    read(&out)
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
