//! `cargo xtask setup`: make sure every tool the build and tests need is
//! present at the right version, installing only what is missing. When all is
//! in place it only runs a few `--version` probes, so it takes seconds.

use std::path::Path;
use std::process::Command;

use crate::env::{self, tool_command};
use crate::install::{apt_install, ensure, npm_install};
use crate::shell::{probe_stdout, run, Result};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_SERIES: &str = "0.21";
const BINARYEN_VERSION: &str = "132";
/// axe-core, the accessibility rules the end-to-end tests inject into every page.
const AXE_CORE_VERSION: &str = "4.14.1";
/// terser, the release bundles' JS glue minifier (Trunk's own fails on the glue; decision 63):
/// pinned exactly, so the same build gives the same bytes.
const TERSER_VERSION: &str = "5.51.2";
/// csso, the release bundles' CSS minifier (decision 63): the engine and its command line
/// (csso-cli, whose `csso ^5.0.4` then resolves to the pinned engine), both pinned exactly.
const CSSO_VERSION: &str = "5.0.5";
const CSSO_CLI_VERSION: &str = "4.0.2";

/// Everything: what the build needs, then what the gates and the tests need besides
/// (`cargo xtask setup`, `test`, `gates`).
pub fn setup() -> Result {
    setup_build()?;
    ensure("rustfmt and clippy", probe_rust_components, install_rust_components)?;
    ensure("leptosfmt", probe_leptosfmt, install_leptosfmt)?;
    ensure("axe-core", probe_axe_core, || npm_install("axe-core", AXE_CORE_VERSION))?;
    ensure("chromium", || probe_file("chromium", env::CHROMIUM), || apt_install("chromium"))?;
    ensure("chromedriver", || probe_file("chromedriver", env::CHROMEDRIVER), || apt_install("chromium-driver"))?;
    crate::browsers::setup_engines()
}

/// What building the bundles needs, and no more: a newcomer's `cargo xtask dev` (and
/// `build`) waits for no browser, formatter or linter it will not use.
pub fn setup_build() -> Result {
    let wasm_bindgen_version = wasm_bindgen_version_from_lock()?;
    ensure("rust target", probe_wasm_target, install_wasm_target)?;
    // Side by side: each compile has a serial tail (its last crates, its link) that leaves a
    // core idle, and npm waits on the network. Measured in docs/performance.md.
    std::thread::scope(|side| {
        let trunk = side.spawn(|| ensure("trunk", probe_trunk, install_trunk));
        let bindgen = side.spawn(|| {
            ensure(
                "wasm-bindgen",
                || probe_wasm_bindgen(&wasm_bindgen_version),
                || install_wasm_bindgen(&wasm_bindgen_version),
            )
        });
        let npm = side.spawn(|| {
            // One after the other: npm keeps the tools dir's package.json.
            ensure("wasm-opt", probe_wasm_opt, install_binaryen)?;
            ensure("terser", probe_terser, || npm_install("terser", TERSER_VERSION))?;
            ensure("csso", probe_csso, || {
                npm_install("csso", CSSO_VERSION)?;
                npm_install("csso-cli", CSSO_CLI_VERSION)
            })
        });
        [trunk, bindgen, npm]
            .into_iter()
            .map(|install| install.join().unwrap_or_else(|_| Err("a tool's install stopped unexpectedly".into())))
            .collect::<Vec<Result>>()
            .into_iter()
            .collect::<Result>()
    })
}

/// The build's tools are compiled once and then only orchestrate (Trunk: spawn, copy,
/// hash) or rewrite one module in a second (wasm-bindgen). Trunk's own release profile —
/// `lto = "fat"`, `codegen-units = 1` — made its compile the longest step of a newcomer's
/// first run; Cargo's profile variables override a package's own `[profile.release]`:
/// Trunk unoptimised, wasm-bindgen at `opt-level = 1` (unoptimised it would rewrite each
/// module several times slower). Measured in docs/performance.md.
const QUICK_TOOL_PROFILE: [(&str, &str); 2] =
    [("CARGO_PROFILE_RELEASE_LTO", "off"), ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")];

// ---- version of wasm-bindgen the app is locked to ----

fn wasm_bindgen_version_from_lock() -> Result<String> {
    let path = env::cargo_lock();
    let lock = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| format!("no `wasm-bindgen` package in {}", path.display()))
}

/// The `version` of the `[[package]]` named `name` in a Cargo.lock text.
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted_name = format!("name = \"{name}\"");
    lock.split("[[package]]")
        .filter(|block| block.lines().any(|line| line.trim() == wanted_name))
        .flat_map(|block| block.lines())
        .find_map(|line| quoted_value(line.trim(), "version"))
}

/// `key = "value"` → `value`.
fn quoted_value(line: &str, key: &str) -> Option<String> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?.trim();
    Some(rest.strip_prefix('"')?.strip_suffix('"')?.to_string())
}

// ---- version predicates (pure, unit-tested) ----

/// `trunk --version` prints e.g. `trunk 0.21.14`; 0.22 needs a newer rustc.
pub fn is_wanted_trunk(version_output: &str) -> bool {
    let wanted = format!("trunk {TRUNK_SERIES}");
    version_output.strip_prefix(&wanted).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// The wasm-bindgen CLI must be the `wasm-bindgen` crate's locked version: its schema of the
/// wasm's custom section changes between versions, and the xtask runs it on every build.
pub fn is_wanted_wasm_bindgen(program: &str, version_output: &str, locked: &str) -> bool {
    version_output == format!("{program} {locked}")
}

/// `wasm-opt --version` prints e.g. `wasm-opt version 132 (version_132)`.
pub fn is_wanted_wasm_opt(version_output: &str) -> bool {
    version_output.split("version ").skip(1).any(|rest| {
        let number: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        number == BINARYEN_VERSION
    })
}

pub fn has_installed_target(target_list: &str, target: &str) -> bool {
    target_list.lines().any(|line| line.trim() == target)
}

// ---- probes: `Some(description)` when the tool is usable ----

fn probe_wasm_target() -> Option<String> {
    let installed = probe_stdout(Command::new("rustup").args(["target", "list", "--installed"]))?;
    has_installed_target(&installed, WASM_TARGET).then(|| format!("rust target {WASM_TARGET}"))
}

fn probe_trunk() -> Option<String> {
    let version = probe_stdout(tool_command("trunk").ok()?.arg("--version"))?;
    is_wanted_trunk(&version).then_some(version)
}

/// The test runner ships in the same crate, so both must match the lock.
fn probe_wasm_bindgen(locked: &str) -> Option<String> {
    ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .iter()
        .map(|program| {
            let version = probe_stdout(tool_command(program).ok()?.arg("--version"))?;
            is_wanted_wasm_bindgen(program, &version, locked).then_some(version)
        })
        .collect::<Option<Vec<_>>>()
        .map(|versions| versions.join(", "))
}

fn probe_wasm_opt() -> Option<String> {
    let binary = env::wasm_opt_binary().ok()?;
    let version = probe_stdout(Command::new(&binary).arg("--version"))?;
    is_wanted_wasm_opt(&version).then(|| format!("{version} ({})", binary.display()))
}

/// The installed axe-core's version, read from its package.json.
fn probe_axe_core() -> Option<String> {
    let script = env::axe_core_js().ok()?;
    let manifest = script.parent()?.join("package.json");
    let text = std::fs::read_to_string(&manifest).ok()?;
    let wanted = format!("\"version\": \"{AXE_CORE_VERSION}\"");
    (script.is_file() && text.contains(&wanted)).then(|| format!("axe-core {AXE_CORE_VERSION} ({})", script.display()))
}

/// `terser --version` prints e.g. `terser 5.51.2`.
fn probe_terser() -> Option<String> {
    let binary = env::terser_binary().ok()?;
    let version = probe_stdout(Command::new(&binary).arg("--version"))?;
    (version == format!("terser {TERSER_VERSION}")).then(|| format!("{version} ({})", binary.display()))
}

/// `csso --version` prints the engine's version, e.g. `5.0.5`; the CLI's is in its manifest.
fn probe_csso() -> Option<String> {
    let binary = env::csso_binary().ok()?;
    let version = probe_stdout(Command::new(&binary).arg("--version"))?;
    let manifest = env::npm_tools_dir().ok()?.join("node_modules/csso-cli/package.json");
    let cli = std::fs::read_to_string(manifest).ok()?;
    (version == CSSO_VERSION && cli.contains(&format!("\"version\": \"{CSSO_CLI_VERSION}\"")))
        .then(|| format!("csso {version}, csso-cli {CSSO_CLI_VERSION} ({})", binary.display()))
}

fn probe_file(tool: &str, path: &str) -> Option<String> {
    Path::new(path).exists().then(|| format!("{tool} {path}"))
}

// ---- installers ----

fn install_wasm_target() -> Result {
    run("rustup", Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The gates' formatter and linter: rustup components of the toolchain in use.
fn probe_rust_components() -> Option<String> {
    let fmt = probe_stdout(env::cargo().args(["fmt", "--version"]))?;
    let clippy = probe_stdout(env::cargo().args(["clippy", "--version"]))?;
    Some(format!("{fmt}, {clippy}"))
}

fn install_rust_components() -> Result {
    let mut cmd = Command::new("rustup");
    cmd.args(["component", "add", "rustfmt", "clippy"]);
    run("install rustfmt and clippy", &mut cmd)
}

/// leptosfmt formats the markup inside `view!`, which rustfmt leaves alone.
const LEPTOSFMT_SERIES: &str = "0.1.33";

fn probe_leptosfmt() -> Option<String> {
    let version = probe_stdout(tool_command("leptosfmt").ok()?.arg("--version"))?;
    version.ends_with(LEPTOSFMT_SERIES).then_some(version)
}

fn install_leptosfmt() -> Result {
    let mut cmd = env::cargo();
    cmd.args(["install", "leptosfmt", "--version", &format!("={LEPTOSFMT_SERIES}"), "--locked", "--force"]);
    run("install leptosfmt", &mut cmd)
}

fn install_trunk() -> Result {
    // --force replaces a trunk of another series; --locked keeps 0.21's deps
    // compatible with our rustc.
    let mut cmd = env::cargo();
    cmd.args(["install", "trunk", "--version", &format!("~{TRUNK_SERIES}"), "--locked", "--force"]);
    cmd.envs(QUICK_TOOL_PROFILE).env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0");
    run("install trunk", &mut cmd)
}

fn install_wasm_bindgen(locked: &str) -> Result {
    // No --locked: the CLI's own lock file pins deps that fail on this toolchain.
    let mut cmd = env::cargo();
    cmd.args(["install", "wasm-bindgen-cli", "--version", locked, "--force"]);
    cmd.envs(QUICK_TOOL_PROFILE).env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1");
    run("install wasm-bindgen-cli", &mut cmd)
}

fn install_binaryen() -> Result {
    npm_install("binaryen", BINARYEN_VERSION)
}

#[cfg(test)]
mod tests;
