//! `cargo xtask test`: setup; the gates (formatting, clippy) on a thread beside the release
//! build and the native and the wasm (headless Chromium) test layers; then the end-to-end
//! suite in each browser engine side by side ([`crate::e2e`]). Output streams live and is
//! also parsed; the closing table has a line per layer and engine, and the very last line
//! is always `N passed, M failed`.

use std::path::PathBuf;
use std::process::Command;

use crate::browsers::Engine;

use crate::build::{build_app, Profile};
use crate::env;
use crate::setup::setup;
use crate::shell::{check_status, run_tee, Result};
use crate::test_results::{sum_test_results, Totals};

/// Failures are already printed above the summary; see `main`.
const ALREADY_REPORTED: &str = "";

struct Layer {
    name: String,
    totals: Totals,
}

/// Where tests leave reports for this command to print (the fault table).
fn reports_dir() -> std::path::PathBuf {
    env::workspace_root().join("target/reports")
}

/// `engines`: the browser engines of the e2e layer (`--engines chromium,firefox`; all three
/// when not given).
pub fn test_command(engines: &[Engine]) -> Result {
    setup()?;
    // A report from an earlier run must not pass for this one's.
    let _ = std::fs::remove_dir_all(reports_dir());
    let gates = crate::gates::run_gates_beside();
    let mut step_failures = Vec::new();
    // Keep going without a bundle: unit tests still say something useful and
    // the e2e tests will report the missing dist/ themselves.
    let built = build_app(Profile::Release).and_then(|()| {
        // The production bundle again, for `/dialogs/`: the suite serves it there alone.
        crate::build::build_production_for(crate::build::DIALOGS_PUBLIC_URL, &env::dialogs_dist_dir())
    });
    if let Err(e) = built {
        eprintln!("error: {e} (running the tests anyway)");
        step_failures.push(e);
    } else if let Err(e) = crate::release::release_command() {
        // The archive the cabinet would ship, read back against its manifest.
        eprintln!("error: the release: {e}");
        step_failures.push(format!("the release: {e}"));
    }
    let scratch = wasm_tests_scratch()?;
    let mut layers = vec![
        run_layer("native", native_tests()?, &mut step_failures),
        run_layer("wasm", wasm_tests(&scratch)?, &mut step_failures),
    ];
    let _ = std::fs::remove_dir_all(&scratch);
    // The e2e suite keeps both cores busy on its own: the gates end first.
    println!("==> gates (run beside the builds and tests above), {}:", crate::gates::beside_log().display());
    let gate_failures = gates.join().unwrap_or_else(|_| vec!["the gates stopped unexpectedly".to_owned()]);
    println!("{}", std::fs::read_to_string(crate::gates::beside_log()).unwrap_or_default());
    step_failures.extend(gate_failures);
    layers.extend(e2e_layers(engines, &mut step_failures)?);
    report(&layers, &step_failures)
}

/// `cargo xtask bench`: the ignored `bench::bench` test (tests/e2e/bench.rs) on a fresh
/// release build, Lighthouse included (tests/e2e/lighthouse.rs).
pub fn bench_command() -> Result {
    setup()?;
    // Without Lighthouse the other figures are still worth measuring: the test reports it
    // as not run, saves its figures, and only then fails with this reason.
    let lighthouse = crate::lighthouse::setup();
    if let Err(e) = &lighthouse {
        eprintln!("error: Lighthouse is not available ({e}); the bench measures the other figures without it");
    }
    build_app(Profile::Release)?;
    let mut cmd =
        e2e_test_command(&["--test", "e2e", "--", "bench::", "--ignored", "--nocapture", "--test-threads=1"])?;
    match &lighthouse {
        Ok(cli) => cmd.env("LIGHTHOUSE_CLI", cli),
        Err(e) => cmd.env("LIGHTHOUSE_UNAVAILABLE", e),
    };
    crate::shell::run("bench", &mut cmd)?;
    println!("saved {}", reports_dir().join("bench.json").display());
    Ok(())
}

/// `cargo xtask screenshots`: the `responsive::` tests (tests/e2e/responsive.rs) on a fresh
/// release build, writing their full-page screenshots into docs/screenshots/ (the ordinary
/// test run writes the same pictures to target/screenshots/). It fails, and the old
/// pictures stay, if any page scrolls sideways at any width.
pub fn screenshots_command() -> Result {
    setup()?;
    build_app(Profile::Release)?;
    let staging = env::workspace_root().join("target/screenshots-new");
    let _ = std::fs::remove_dir_all(&staging);
    let mut cmd = e2e_test_command(&["--test", "e2e", "--", "responsive::", "--nocapture", "--test-threads=1"])?;
    cmd.env("MAX_SCREENSHOTS_DIR", &staging);
    crate::shell::run("screenshots", &mut cmd)?;
    let target = env::workspace_root().join("docs/screenshots");
    let _ = std::fs::remove_dir_all(&target);
    std::fs::rename(&staging, &target)
        .map_err(|e| format!("cannot move the screenshots into {}: {e}", target.display()))?;
    let mut names: Vec<String> = std::fs::read_dir(&target)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    println!("{} screenshots in {}:", names.len(), target.display());
    for name in names {
        println!("  {name}");
    }
    Ok(())
}

/// Every test but the e2e suite (its target is `test = false` in Cargo.toml).
fn native_tests() -> Result<Command> {
    let mut cmd = env::cargo_command()?;
    cmd.args(["test", "--workspace", "--no-fail-fast"]);
    Ok(cmd)
}

/// What the end-to-end harness reads: the built app, the browsers, their drivers and
/// axe-core.
fn harness_env() -> Result<Vec<(&'static str, PathBuf)>> {
    Ok(vec![
        ("MAX_E2E_DIST", env::dist_dir()),
        ("MAX_PRODUCTION_DIST", env::production_dist_dir()),
        ("MAX_DIALOGS_DIST", env::dialogs_dist_dir()),
        ("CHROMEDRIVER", env::CHROMEDRIVER.into()),
        ("CHROMIUM", env::CHROMIUM.into()),
        ("GECKODRIVER", crate::browsers::geckodriver()?),
        ("FIREFOX", crate::browsers::FIREFOX.into()),
        ("WEBKITWEBDRIVER", crate::browsers::WEBKIT_WEBDRIVER.into()),
        ("AXE_CORE_JS", env::axe_core_js()?),
    ])
}

/// `cargo test <args>` with the harness's settings (one engine: Chromium).
fn e2e_test_command(args: &[&str]) -> Result<Command> {
    let mut cmd = env::cargo_command()?;
    cmd.arg("test").args(args).envs(harness_env()?);
    Ok(cmd)
}

/// The e2e binary compiled once, then run in each engine side by side: a layer each.
fn e2e_layers(engines: &[Engine], step_failures: &mut Vec<String>) -> Result<Vec<Layer>> {
    println!("==> e2e tests: compiling the one binary");
    let binary = match crate::e2e::build_binary(env::cargo_command()?) {
        Ok(binary) => binary,
        Err(e) => {
            step_failures.push(e);
            return Ok(engines
                .iter()
                .map(|e| Layer { name: format!("e2e {}", e.name()), totals: Totals::default() })
                .collect());
        }
    };
    let runs = crate::e2e::run_engines(&binary, engines, &harness_env()?);
    Ok(runs
        .into_iter()
        .map(|run| {
            step_failures.extend(run.failure);
            Layer { name: format!("e2e {}", run.engine.name()), totals: run.totals }
        })
        .collect())
}

/// An empty directory for the wasm tests' `TMPDIR`: the Chromium that
/// wasm-bindgen-test-runner starts leaves an `org.chromium.Chromium.scoped_dir.*` of ~94 MB
/// per test binary behind (measured: three a run), which filled `/tmp` over many runs.
fn wasm_tests_scratch() -> Result<std::path::PathBuf> {
    let dir = env::workspace_root().join("target").join("wasm-tests-tmp");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Runs through `wasm-bindgen-test-runner` (the target runner in
/// .cargo/config.toml), which reads browser flags from webdriver.json. Only `tests/web`:
/// every browser test lives there, and the other targets (the library's unit tests, the
/// allocator's count) are native, so compiling them for wasm32 bought nothing but a second
/// compile of the whole app with its tests.
fn wasm_tests(scratch: &std::path::Path) -> Result<Command> {
    let mut cmd = env::cargo_command()?;
    cmd.env("TMPDIR", scratch);
    cmd.args([
        "test",
        "-p",
        "max-channel-admin",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "web",
        "--no-fail-fast",
    ])
    .env("CHROMEDRIVER", env::CHROMEDRIVER)
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
    .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", env::workspace_root().join("webdriver.json"));
    Ok(cmd)
}

fn run_layer(name: &str, mut cmd: Command, step_failures: &mut Vec<String>) -> Layer {
    let step = format!("{name} tests");
    println!("==> {step}: {}", crate::shell::describe(&cmd));
    let totals = match run_tee(&step, &mut cmd) {
        Ok((status, output)) => {
            if let Err(e) = check_status(&step, &cmd, status) {
                step_failures.push(e);
            }
            sum_test_results(&output)
        }
        Err(e) => {
            step_failures.push(e);
            Totals::default()
        }
    };
    Layer { name: name.to_owned(), totals }
}

fn report(layers: &[Layer], step_failures: &[String]) -> Result {
    let mut total = Totals::default();
    for layer in layers {
        total += layer.totals;
    }
    print_reports();
    println!();
    for failure in step_failures {
        println!("FAILED step: {failure}");
    }
    if total.ran() == 0 {
        println!("FAILED: no tests ran");
    }
    print!("{}", layer_table(layers));
    println!("{}", summary_line(total));
    if step_failures.is_empty() && total.failed == 0 && total.ran() > 0 {
        Ok(())
    } else {
        Err(ALREADY_REPORTED.to_string())
    }
}

/// Prints the reports the tests wrote, by name.
fn print_reports() {
    let Ok(entries) = std::fs::read_dir(reports_dir()) else { return };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if let Ok(text) = std::fs::read_to_string(&path) {
            println!("\n==> {}\n{}", path.display(), text.trim_end());
        }
    }
}

fn layer_table(layers: &[Layer]) -> String {
    let mut table = format!("{:<14} {:>7} {:>7}\n", "layer", "passed", "failed");
    for layer in layers {
        table += &format!("{:<14} {:>7} {:>7}\n", layer.name, layer.totals.passed, layer.totals.failed);
    }
    table
}

pub fn summary_line(total: Totals) -> String {
    format!("{} passed, {} failed", total.passed, total.failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_format() {
        assert_eq!(summary_line(Totals { passed: 57, failed: 0 }), "57 passed, 0 failed");
    }

    #[test]
    fn table_lists_each_layer() {
        let layers = [
            Layer { name: "native".into(), totals: Totals { passed: 50, failed: 1 } },
            Layer { name: "wasm".into(), totals: Totals { passed: 7, failed: 0 } },
            Layer { name: "e2e webkit".into(), totals: Totals { passed: 68, failed: 2 } },
        ];
        let table = layer_table(&layers);
        assert_eq!(table.lines().count(), 4);
        assert!(table.lines().nth(1).unwrap().split_whitespace().eq(["native", "50", "1"]));
        assert!(table.lines().nth(2).unwrap().split_whitespace().eq(["wasm", "7", "0"]));
        assert!(table.lines().nth(3).unwrap().split_whitespace().eq(["e2e", "webkit", "68", "2"]));
    }
}
