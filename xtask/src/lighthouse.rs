//! Lighthouse for `cargo xtask bench`: the npm package at one exact version in the shared
//! npm tools dir, run by the machine's Node.js against Debian's Chromium (the bench passes
//! `CHROME_PATH`), so nothing downloads a browser. Only the bench uses it, so only the bench
//! installs it: `cargo xtask test` and `setup` stay as fast and as offline as before.

use std::path::PathBuf;
use std::process::Command;

use crate::env;
use crate::install::{ensure, npm_install};
use crate::shell::{probe_stdout, Result};

/// Exactly this version: scores move between Lighthouse releases, and the bench's figures
/// must stay comparable from run to run.
pub const VERSION: &str = "12.2.3";
/// Lighthouse 12's own minimum (`engines` in its package.json).
const NODE_MIN: (u32, u32) = (18, 16);

/// The CLI the bench runs with `node` (`LIGHTHOUSE_CLI`).
pub fn cli() -> Result<PathBuf> {
    Ok(env::npm_tools_dir()?.join("node_modules/lighthouse/cli/index.js"))
}

/// Node.js, then Lighthouse, each installed only when missing; the CLI's path.
pub fn setup() -> Result<PathBuf> {
    // Node comes with npm, which the other npm tools already need; a machine without it
    // gets a clear sentence rather than a failed `npm` start.
    ensure("node", probe_node, || {
        Err(format!(
            "Lighthouse needs Node.js {}.{} or newer: install Debian's `nodejs` and `npm`",
            NODE_MIN.0, NODE_MIN.1
        ))
    })?;
    ensure("lighthouse", probe_lighthouse, || npm_install("lighthouse", VERSION))?;
    cli()
}

/// `node --version` prints e.g. `v20.20.2`.
pub fn is_wanted_node(version_output: &str) -> bool {
    let mut parts = version_output.trim().trim_start_matches('v').split('.').map(str::parse::<u32>);
    match (parts.next(), parts.next()) {
        (Some(Ok(major)), Some(Ok(minor))) => (major, minor) >= NODE_MIN,
        _ => false,
    }
}

/// Whether an installed package.json is Lighthouse at exactly [`VERSION`].
pub fn is_wanted_lighthouse(package_json: &str) -> bool {
    let wanted = format!("\"version\": \"{VERSION}\"");
    package_json.contains("\"name\": \"lighthouse\"") && package_json.contains(&wanted)
}

fn probe_node() -> Option<String> {
    let version = probe_stdout(Command::new("node").arg("--version"))?;
    is_wanted_node(&version).then(|| format!("node {version}"))
}

fn probe_lighthouse() -> Option<String> {
    let cli = cli().ok()?;
    let manifest = cli.parent()?.parent()?.join("package.json");
    let text = std::fs::read_to_string(manifest).ok()?;
    (cli.is_file() && is_wanted_lighthouse(&text)).then(|| format!("lighthouse {VERSION} ({})", cli.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_from_18_16_up() {
        assert!(is_wanted_node("v20.20.2"));
        assert!(is_wanted_node("v18.16.0\n"));
        assert!(is_wanted_node("v22.1.0"));
        assert!(!is_wanted_node("v18.15.9"));
        assert!(!is_wanted_node("v16.20.2"));
        assert!(!is_wanted_node(""));
        assert!(!is_wanted_node("node"));
    }

    #[test]
    fn lighthouse_exact_version_only() {
        let manifest = |v: &str| format!("{{\n  \"name\": \"lighthouse\",\n  \"version\": \"{v}\",\n}}");
        assert!(is_wanted_lighthouse(&manifest("12.2.3")));
        assert!(!is_wanted_lighthouse(&manifest("12.2.30")));
        assert!(!is_wanted_lighthouse(&manifest("12.3.0")));
        assert!(!is_wanted_lighthouse("{ \"name\": \"axe-core\", \"version\": \"12.2.3\" }"));
    }
}
