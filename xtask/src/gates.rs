//! The gates `cargo xtask test` runs before the tests (issue 14): formatting (rustfmt and
//! leptosfmt for the `view!` markup) and clippy with `-D warnings`, natively and for
//! wasm32 with and without the default features. A failed gate fails the run, but the
//! tests still run, so one report says everything that is wrong.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;

use crate::env;
use crate::shell::{run, Result};

/// The folders whose Rust leptosfmt checks (everything with a `view!`, and the rest is quick).
const LEPTOSFMT_PATHS: [&str; 2] = ["src", "tests"];

/// Every gate, in order; the failures, each naming its gate and command.
pub fn run_gates() -> Vec<String> {
    run_each(|name, cmd| {
        println!("==> gate: {name}: {}", crate::shell::describe(cmd));
        run(name, cmd)
    })
}

/// The gates on a thread of their own, beside the builds and the tests of `cargo xtask test`:
/// each build has serial stretches (its last crate, an LTO link, wasm-opt) that leave a core
/// idle, and the gates fill them. They check in a target folder of their own: a check's
/// artifacts are never a build's (only the proc macros and build scripts are compiled in
/// both folders), and the two cargos do not wait on each other's lock. Their output goes to
/// [`beside_log`] (an earlier run's is removed first), printed when joined.
pub fn run_gates_beside() -> JoinHandle<Vec<String>> {
    let log = beside_log();
    let _ = std::fs::remove_file(&log);
    std::thread::spawn(move || {
        run_each(|name, cmd| {
            cmd.env("CARGO_TARGET_DIR", env::workspace_root().join("target/gates"));
            run_logged(name, cmd, &log)
        })
    })
}

/// Runs every gate, in order, by `run_one`; the failures, each naming its gate.
fn run_each(run_one: impl Fn(&str, &mut Command) -> Result) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, cmd) in gates() {
        let ran = match cmd {
            Ok(mut cmd) => run_one(name, &mut cmd),
            Err(e) => Err(format!("{name}: {e}")),
        };
        if let Err(e) = ran {
            failures.push(e);
        }
    }
    failures
}

/// Where the gates run beside the builds write their output.
pub fn beside_log() -> PathBuf {
    env::workspace_root().join("target/gates.log")
}

/// Runs `cmd` with its output appended to `log`, after a line naming it.
fn run_logged(name: &str, cmd: &mut Command, log: &Path) -> Result {
    use std::io::Write;
    let mut file =
        File::options().create(true).append(true).open(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let _ = writeln!(file, "==> gate: {name}: {}", crate::shell::describe(cmd));
    let err = file.try_clone().map_err(|e| e.to_string())?;
    cmd.stdin(Stdio::null()).stdout(file).stderr(err);
    run(name, cmd)
}

fn gates() -> Vec<(&'static str, Result<Command>)> {
    vec![
        ("rustfmt", Ok(cargo(&["fmt", "--all", "--check"]))),
        ("leptosfmt", leptosfmt_check()),
        ("clippy (native)", Ok(cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))),
        // `--all-targets` leaves out the browser suite (`test = false`: `cargo test` must not
        // run it without its bundles), and beside it `--test e2e` was not linted either (a
        // guard held across an await went unseen): the suite has a line of its own.
        (
            "clippy (browser suite)",
            Ok(cargo(&["clippy", "-p", "max-channel-admin", "--test", "e2e", "--", "-D", "warnings"])),
        ),
        (
            // The preview build as `cargo xtask build` compiles it, split by route; the
            // unsplit routes (the wasm tests' and the dev build's) are the native line's.
            "clippy (wasm32, preview + split)",
            Ok(cargo(&[
                "clippy",
                "-p",
                "max-channel-admin",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--features",
                "split",
                "--",
                "-D",
                "warnings",
            ])),
        ),
        (
            // The production build as `cargo xtask build` compiles it: no preview mode, split
            // by route.
            "clippy (wasm32, production: no default features, split)",
            Ok(cargo(&[
                "clippy",
                "-p",
                "max-channel-admin",
                "--target",
                "wasm32-unknown-unknown",
                "--no-default-features",
                "--features",
                "split",
                "--",
                "-D",
                "warnings",
            ])),
        ),
    ]
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = env::cargo();
    cmd.current_dir(env::workspace_root()).args(args);
    cmd
}

fn leptosfmt_check() -> Result<Command> {
    let mut cmd = env::tool_command("leptosfmt")?;
    cmd.args(["--check", "--config-file", "leptosfmt.toml"]).args(LEPTOSFMT_PATHS);
    Ok(cmd)
}
