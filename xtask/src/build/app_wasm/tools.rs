//! The tools of the steps after the link: cargo's link with relocations, the splitter,
//! wasm-bindgen, wasm-opt and terser.

use super::*;

/// `cargo rustc` of the app's binary for wasm32; the path of the linked wasm, as cargo says
/// it (wherever the target directory is configured).
pub(super) fn link(profile: Profile, preview: bool) -> Result<PathBuf> {
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

pub(super) struct Split {
    pub(super) main: PathBuf,
    pub(super) loader: PathBuf,
    pub(super) modules: Vec<PathBuf>,
    /// Per split point, the module files (stems) it needs, sorted.
    pub(super) prefetch: Vec<(String, Vec<String>)>,
}

pub(super) fn split(linked: &Path, staging: &Path) -> Result<Split> {
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
pub(super) fn bindgen(wasm: &Path, out_dir: &Path, split: bool) -> Result {
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
pub(super) fn optimise(wasm: &Path) -> Result {
    let mut opt = Command::new(env::wasm_opt_binary()?);
    opt.env("PATH", env::tools_path()?).args(WASM_OPT_FEATURES).args(WASM_OPT_PASSES).arg(wasm).arg("-o").arg(wasm);
    run("wasm-opt", &mut opt)
}

/// The file minified by terser (an ES module), as bytes.
pub(super) fn minified(file: &Path) -> Result<Vec<u8>> {
    let out = file.with_extension("min.js");
    run("terser", &mut Minifier::Terser.command(file, &out)?)?;
    read(&out)
}
