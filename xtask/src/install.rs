//! How the xtask installs a tool it finds missing: a probe first (`ok <found>`), an
//! install only when the probe finds nothing, and the probe again, so a broken install is
//! reported here instead of as a confusing build error later. From Debian's packages (apt),
//! npm into the shared tools dir, or `cargo install`.

use std::process::Command;

use crate::env;
use crate::shell::{probe_stdout, run, Result};

/// Prints `ok <what was found>` or installs and re-probes, so a broken install
/// is reported here instead of as a confusing build error later.
pub fn ensure(tool: &str, probe: impl Fn() -> Option<String>, install: impl FnOnce() -> Result) -> Result {
    if let Some(found) = probe() {
        println!("ok {found}");
        return Ok(());
    }
    println!("installing {tool} …");
    install()?;
    match probe() {
        Some(found) => {
            println!("ok {found}");
            Ok(())
        }
        None => Err(format!("{tool} is still missing or the wrong version after installing it")),
    }
}

/// Installs an npm package into the shared tools dir (its package.json keeps the others).
/// `--save-exact`: the next tool's install re-resolves that package.json, and a `^` range
/// there would let it move a tool this one pinned.
pub fn npm_install(package: &str, version: &str) -> Result {
    let dir = env::npm_tools_dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut cmd = Command::new("npm");
    cmd.arg("install").arg("--prefix").arg(&dir).args([
        "--no-audit",
        "--no-fund",
        "--save-exact",
        &format!("{package}@{version}"),
    ]);
    run(&format!("install {package} (npm)"), &mut cmd)
}

pub fn apt_install(package: &str) -> Result {
    run("apt-get update", &mut privileged(&["apt-get", "update"]))?;
    run(&format!("apt-get install {package}"), &mut privileged(&["apt-get", "install", "-y", package]))
}

/// Root runs apt directly; everyone else goes through sudo (keeping apt quiet
/// about missing terminals either way).
fn privileged(argv: &[&str]) -> Command {
    let mut cmd = if is_root() {
        let mut cmd = Command::new(argv[0]);
        cmd.args(&argv[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    } else {
        let mut cmd = Command::new("sudo");
        cmd.args(["env", "DEBIAN_FRONTEND=noninteractive"]).args(argv);
        cmd
    };
    cmd.stdin(std::process::Stdio::null());
    cmd
}

fn is_root() -> bool {
    probe_stdout(Command::new("id").arg("-u")).as_deref() == Some("0")
}
