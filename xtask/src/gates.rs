//! The gates `cargo xtask test` runs before the tests (issue 14): formatting (rustfmt and
//! leptosfmt for the `view!` markup) and clippy with `-D warnings`, natively and for
//! wasm32 with and without the default features. A failed gate fails the run, but the
//! tests still run, so one report says everything that is wrong.

use std::process::Command;

use crate::env;
use crate::shell::{run, Result};

/// The folders whose Rust leptosfmt checks (everything with a `view!`, and the rest is quick).
const LEPTOSFMT_PATHS: [&str; 2] = ["src", "tests"];

/// Every gate, in order; the failures, each naming its gate and command.
pub fn run_gates() -> Vec<String> {
    let mut failures = Vec::new();
    for (name, cmd) in gates() {
        match cmd {
            Ok(mut cmd) => {
                println!("==> gate: {name}: {}", crate::shell::describe(&cmd));
                if let Err(e) = run(name, &mut cmd) {
                    failures.push(e);
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    failures
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
