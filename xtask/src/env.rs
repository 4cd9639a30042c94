//! Where things live: the workspace, dist/, the shared npm tools dir, and the
//! PATH that child processes need to find trunk, wasm-bindgen and wasm-opt.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::Result;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The workspace root: xtask always lives one level below it.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits inside the workspace")
}

/// The full build: the app with preview mode (`?demo`), built for `/preview/` (its files are
/// named from there), which the browser tests, the bench and the screenshots use and the
/// dev command serves at `/preview/`.
pub fn dist_dir() -> PathBuf {
    workspace_root().join("dist")
}

/// The production build: the same app without the `preview` feature (no in-browser fake
/// back end), the bundle administrators load, the size budget measures (decision 47) and the
/// dev command serves at `/`.
pub fn production_dist_dir() -> PathBuf {
    workspace_root().join("dist-production")
}

/// The production bundle built for the public path `/dialogs/` (`build::DIALOGS_PUBLIC_URL`):
/// the browser suite proves that a bundle built for a path needs nothing from the root.
pub fn dialogs_dist_dir() -> PathBuf {
    workspace_root().join("dist-dialogs")
}

pub fn cargo_lock() -> PathBuf {
    workspace_root().join("Cargo.lock")
}

/// npm-installed tools (binaryen) live outside the repo so fresh clones and
/// worktrees reuse one download.
pub fn npm_tools_dir() -> Result<PathBuf> {
    if let Some(cache) = non_empty_var("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(cache).join("max-channel-admin/npm"));
    }
    Ok(home_dir()?.join(".cache/max-channel-admin/npm"))
}

pub fn npm_bin_dir() -> Result<PathBuf> {
    Ok(npm_tools_dir()?.join("node_modules/.bin"))
}

/// axe-core's browser bundle, which the end-to-end tests inject (`AXE_CORE_JS`).
pub fn axe_core_js() -> Result<PathBuf> {
    Ok(npm_tools_dir()?.join("node_modules/axe-core/axe.min.js"))
}

pub fn wasm_opt_binary() -> Result<PathBuf> {
    Ok(npm_bin_dir()?.join("wasm-opt"))
}

/// The JS minifier of the release bundles' glue (`xtask/src/minify.rs`).
pub fn terser_binary() -> Result<PathBuf> {
    Ok(npm_bin_dir()?.join("terser"))
}

/// The CSS minifier of the release bundles' style sheet (`xtask/src/minify.rs`): csso-cli's `csso`.
pub fn csso_binary() -> Result<PathBuf> {
    Ok(npm_bin_dir()?.join("csso"))
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> Result<PathBuf> {
    match non_empty_var("CARGO_HOME") {
        Some(cargo_home) => Ok(PathBuf::from(cargo_home).join("bin")),
        None => Ok(home_dir()?.join(".cargo/bin")),
    }
}

/// The cargo that runs xtask, so nested builds use the same toolchain.
pub fn cargo() -> Command {
    Command::new(non_empty_var("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A command run in the workspace root with the tools PATH.
pub fn tool_command(program: &str) -> Result<Command> {
    let mut cmd = Command::new(program);
    cmd.current_dir(workspace_root()).env("PATH", tools_path()?);
    Ok(cmd)
}

/// `cargo …` in the workspace root with the tools PATH.
pub fn cargo_command() -> Result<Command> {
    let mut cmd = cargo();
    cmd.current_dir(workspace_root()).env("PATH", tools_path()?);
    Ok(cmd)
}

/// PATH with binaryen's and cargo's bin dirs first, so Trunk and the wasm test
/// runner find the versions `setup` installed rather than random system ones.
pub fn tools_path() -> Result<OsString> {
    let mut dirs = vec![npm_bin_dir()?, cargo_bin_dir()?];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))
}

fn home_dir() -> Result<PathBuf> {
    non_empty_var("HOME").map(PathBuf::from).ok_or_else(|| "HOME is not set".to_string())
}

fn non_empty_var(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}
