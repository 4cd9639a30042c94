//! The three browser engines the end-to-end suite runs in, and what each needs: the
//! browser and its WebDriver server, from Debian's packages except geckodriver (crates.io).
//! WebKitGTK has no headless mode, so its run gets an X display from `xvfb-run`.

use std::path::Path;
use std::process::Command;

use crate::env;
use crate::install::{apt_install, ensure};
use crate::shell::{probe_stdout, run, Result};

/// The engines, as the tests name them too.
pub use max_channel_kit::Engine;

pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const XVFB_RUN: &str = "/usr/bin/xvfb-run";
pub const XDOTOOL: &str = "/usr/bin/xdotool";
/// geckodriver from crates.io: 0.37 drives Firefox ESR 153.
const GECKODRIVER_SERIES: &str = "0.37";

pub fn geckodriver() -> Result<std::path::PathBuf> {
    Ok(env::cargo_bin_dir()?.join("geckodriver"))
}

/// Installs what the Firefox and WebKitGTK runs need and is missing (Chromium's is in
/// `setup`, which the wasm tests need as well).
pub fn setup_engines() -> Result {
    ensure("firefox-esr", || probe_file("firefox-esr", FIREFOX), || apt_install("firefox-esr"))?;
    ensure("geckodriver", probe_geckodriver, install_geckodriver)?;
    ensure("WebKitWebDriver", || probe_file("WebKitWebDriver", WEBKIT_WEBDRIVER), || apt_install("webkit2gtk-driver"))?;
    ensure("xvfb-run", || probe_file("xvfb-run", XVFB_RUN), || apt_install("xvfb"))?;
    // Gives the WebKitGTK window the input focus (Xvfb runs no window manager).
    ensure("xdotool", || probe_file("xdotool", XDOTOOL), || apt_install("xdotool"))
}

fn probe_file(tool: &str, path: &str) -> Option<String> {
    Path::new(path).exists().then(|| format!("{tool} {path}"))
}

/// `geckodriver 0.37.1 (…)` on its first line.
pub fn is_wanted_geckodriver(version_output: &str) -> bool {
    let first = version_output.lines().next().unwrap_or_default();
    let wanted = format!("geckodriver {GECKODRIVER_SERIES}");
    first.strip_prefix(&wanted).is_some_and(|rest| rest.starts_with('.'))
}

fn probe_geckodriver() -> Option<String> {
    let binary = geckodriver().ok()?;
    let version = probe_stdout(Command::new(&binary).arg("--version"))?;
    is_wanted_geckodriver(&version).then(|| version.lines().next().unwrap_or_default().to_owned())
}

fn install_geckodriver() -> Result {
    let mut cmd = env::cargo();
    cmd.args(["install", "geckodriver", "--version", &format!("~{GECKODRIVER_SERIES}"), "--locked", "--force"]);
    run("install geckodriver", &mut cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geckodriver_series_037_only() {
        assert!(is_wanted_geckodriver("geckodriver 0.37.1 (abc 2026-01-01)\n\nThe source is …"));
        assert!(!is_wanted_geckodriver("geckodriver 0.36.0"));
        assert!(!is_wanted_geckodriver("geckodriver 0.370.1"));
        assert!(!is_wanted_geckodriver(""));
    }
}
