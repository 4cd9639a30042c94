//! The end-to-end layer: the one e2e test binary (`tests/e2e`), compiled once, run in each
//! browser engine side by side. Each run writes `target/e2e/<engine>.log`, printed whole
//! when it ends, so three runs never interleave their lines.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::browsers::{self, Engine};
use crate::e2e_retry;
use crate::env;
use crate::shell::{describe, Result};
use crate::test_results::{sum_test_results, Totals};

/// One engine's run: what it counted, and why it failed as a step (if it did).
pub struct EngineRun {
    pub engine: Engine,
    pub totals: Totals,
    pub failure: Option<String>,
}

/// Compiles the e2e binary (without running it) and returns its path.
pub fn build_binary(base: Command) -> Result<PathBuf> {
    let mut cmd = base;
    cmd.args(["test", "--test", "e2e", "--no-run", "--message-format=json-render-diagnostics"]);
    cmd.stderr(Stdio::inherit());
    let output = cmd.output().map_err(|e| format!("cannot start `{}`: {e}", describe(&cmd)))?;
    if !output.status.success() {
        return Err(format!("the e2e tests do not compile (`{}`: {})", describe(&cmd), output.status));
    }
    executable_of(&String::from_utf8_lossy(&output.stdout), "e2e")
        .ok_or_else(|| "cargo named no executable for the e2e tests".to_owned())
}

/// The `executable` of the test target `name` in cargo's JSON messages.
pub fn executable_of(messages: &str, name: &str) -> Option<PathBuf> {
    let target = format!("\"target\":{{\"kind\":[\"test\"],\"crate_types\":[\"bin\"],\"name\":\"{name}\"");
    messages
        .lines()
        .filter(|line| line.contains("\"reason\":\"compiler-artifact\"") && line.contains(&target))
        .find_map(|line| {
            let (_, rest) = line.split_once("\"executable\":\"")?;
            let (path, _) = rest.split_once('"')?;
            Some(PathBuf::from(path))
        })
}

/// Runs the binary in every engine at once and waits for all; `envs` are the harness's
/// settings (the bundles, axe-core, the browsers).
pub fn run_engines(binary: &Path, engines: &[Engine], envs: &[(&str, PathBuf)]) -> Vec<EngineRun> {
    let logs = env::workspace_root().join("target/e2e");
    let _ = std::fs::create_dir_all(&logs);
    let started = Instant::now();
    let mut running = Vec::new();
    for &engine in engines {
        let log = logs.join(format!("{}.log", engine.name()));
        // The harness appends each test's time and gap; an earlier run's must not count.
        let _ = std::fs::remove_file(logs.join(format!("{}-times.tsv", engine.name())));
        let _ = std::fs::remove_file(logs.join(format!("{}-gaps.txt", engine.name())));
        let mut cmd = engine_command(binary, engine);
        cmd.envs(envs.iter().map(|(k, v)| (*k, v.as_os_str()))).current_dir(env::workspace_root());
        println!("==> e2e in {}: {} > {}", engine.name(), describe(&cmd), log.display());
        if engine != Engine::Chromium {
            println!("    ({} open no browser: the Chromium run proves them)", BROWSERLESS.join(" and "));
        }
        let child = File::create(&log).and_then(|file| {
            let err = file.try_clone()?;
            cmd.stdin(Stdio::null()).stdout(file).stderr(err).spawn()
        });
        running.push((engine, log, child.map_err(|e| format!("e2e in {}: cannot start: {e}", engine.name()))));
    }
    let deadline = started + ENGINE_RUN_LIMIT;
    // WebKit's run is read last, so that the tests the others failed are known by its turn (a
    // wasm fault is retried only if no other engine failed that test).
    running.sort_by_key(|(engine, _, _)| *engine == Engine::WebKit);
    let mut failed_elsewhere: Vec<String> = Vec::new();
    running
        .into_iter()
        .map(|(engine, log, child)| {
            let status = child.and_then(|mut c| wait_until(&mut c, deadline, engine));
            let output = std::fs::read_to_string(&log).unwrap_or_default();
            println!("\n==> e2e in {} ({}), {}:\n{}", engine.name(), minutes(started.elapsed()), log.display(), output);
            print_gaps(engine, &logs);
            let mut totals = sum_test_results(&output);
            let mut failure = match status {
                Ok(status) if status.success() => None,
                Ok(status) => Some(format!("e2e in {}: {status}", engine.name())),
                Err(e) => Some(e),
            };
            let failures = e2e_retry::failures(&output);
            let retry_names = e2e_retry::to_retry(&failures, &failed_elsewhere);
            failed_elsewhere.extend(failures.into_iter().map(|(name, _)| name));
            if let (Some(_), Some(names)) = (&failure, retry_names) {
                let (mut again, mut passed, second) = retry(binary, engine, envs, &names, deadline, &logs, 2);
                // WebKitGTK's wasm fault a second time: one more (decision 80).
                if let (false, Some(third)) = (passed, e2e_retry::to_retry_again(&e2e_retry::failures(&second))) {
                    let (last, third_passed, _) = retry(binary, engine, envs, &third, deadline, &logs, 3);
                    again.failed = again.failed.saturating_sub(third.len() as u64);
                    again += last;
                    passed = third_passed;
                }
                totals.failed = totals.failed.saturating_sub(names.len() as u64);
                totals += again;
                if passed {
                    failure = None;
                }
            }
            EngineRun { engine, totals, failure }
        })
        .collect()
}

/// Runs `names` once more in a fresh session of `engine` (their sessions were lost, decision
/// 73, or WebKitGTK's wasm faulted, decision 80) as its `attempt`th run; returns what that run
/// counted, whether it passed, and its output.
fn retry(
    binary: &Path,
    engine: Engine,
    envs: &[(&str, PathBuf)],
    names: &[String],
    deadline: Instant,
    logs: &Path,
    attempt: u32,
) -> (Totals, bool, String) {
    let log = logs.join(format!("{}-retry-{attempt}.log", engine.name()));
    let mut cmd = engine_command(binary, engine);
    cmd.args(names).arg("--exact");
    cmd.envs(envs.iter().map(|(k, v)| (*k, v.as_os_str()))).current_dir(env::workspace_root());
    println!(
        "==> e2e in {}: the browser session was lost or its wasm faulted under {}; once more: {}",
        engine.name(),
        names.join(", "),
        describe(&cmd)
    );
    let status = File::create(&log)
        .and_then(|file| {
            let err = file.try_clone()?;
            cmd.stdin(Stdio::null()).stdout(file).stderr(err).spawn()
        })
        .map_err(|e| format!("cannot start: {e}"))
        .and_then(|mut child| wait_until(&mut child, deadline, engine));
    let output = std::fs::read_to_string(&log).unwrap_or_default();
    println!("\n==> e2e in {} once more, {}:\n{}", engine.name(), log.display(), output);
    let passed = matches!(status, Ok(s) if s.success());
    for name in names {
        let verdict = match (passed, attempt) {
            (true, 2) => "passed the second time".to_owned(),
            (true, n) => format!("passed at the {n}rd run"),
            (false, _) => "failed again".to_owned(),
        };
        println!("RETRIED in {} after a lost browser session or a wasm fault: {name} — {verdict}", engine.name());
    }
    (sum_test_results(&output), passed, output)
}

/// No engine's run may take longer (a hung WebDriver command would hold CI to its limit).
const ENGINE_RUN_LIMIT: Duration = Duration::from_secs(40 * 60);

/// Waits for the run, ending it (and failing) at `deadline`.
fn wait_until(child: &mut std::process::Child, deadline: Instant, engine: Engine) -> Result<std::process::ExitStatus> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_secs(1)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "e2e in {}: still running after {}, ended",
                    engine.name(),
                    minutes(ENGINE_RUN_LIMIT)
                ));
            }
            Err(e) => return Err(format!("e2e in {}: {e}", engine.name())),
        }
    }
}

/// What the engine's run could not prove (WebDriver gaps, each once, by test), as the
/// harness recorded them (`support::gap`).
fn print_gaps(engine: Engine, logs: &Path) {
    let text = std::fs::read_to_string(logs.join(format!("{}-gaps.txt", engine.name()))).unwrap_or_default();
    let gaps = distinct_lines(&text);
    if gaps.is_empty() {
        println!("no WebDriver gap in {}", engine.name());
        return;
    }
    println!("{} WebDriver gap(s) in {} (docs/browsers.md; not the app's):", gaps.len(), engine.name());
    for gap in gaps {
        println!("  GAP {gap}");
    }
}

/// The non-empty lines of `text`, each once, in first-seen order.
pub fn distinct_lines(text: &str) -> Vec<&str> {
    let mut seen = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !seen.contains(&line) {
            seen.push(line);
        }
    }
    seen
}

/// The binary as the engine needs it: WebKitGTK on an X display of its own.
fn engine_command(binary: &Path, engine: Engine) -> Command {
    let mut cmd = match engine {
        Engine::WebKit => {
            let mut cmd = Command::new(browsers::XVFB_RUN);
            cmd.args(["--auto-servernum", "--server-args=-screen 0 2560x2048x24 -nolisten tcp"]).arg(binary);
            cmd
        }
        Engine::Chromium | Engine::Firefox => Command::new(binary),
    };
    cmd.env(Engine::VARIABLE, engine.name());
    if engine != Engine::Chromium {
        // No browser in these: the size budget and the stylesheet's tokens are the same
        // whatever the engine, so the Chromium run alone proves them.
        for suite in BROWSERLESS {
            cmd.args(["--skip", suite]);
        }
    }
    cmd
}

/// The e2e binary's suites that open no browser.
const BROWSERLESS: [&str; 2] = ["size_budget::", "style_tokens::"];

fn minutes(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_e2e_executable_among_cargos_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"crate_types":["lib"],"name":"e2e"},"executable":null}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"kind":["test"],"crate_types":["bin"],"name":"e2e","src_path":"/w/tests/e2e/main.rs"},"executable":"/w/target/debug/deps/e2e-0123abcd"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
        );
        assert_eq!(executable_of(messages, "e2e"), Some(PathBuf::from("/w/target/debug/deps/e2e-0123abcd")));
        assert_eq!(executable_of(messages, "web_settings"), None);
    }

    #[test]
    fn gaps_are_listed_once_in_order() {
        assert_eq!(distinct_lines("b: x\na: y\n\nb: x\n"), ["b: x", "a: y"]);
        assert!(distinct_lines("").is_empty());
    }

    #[test]
    fn minutes_read_like_a_clock() {
        assert_eq!(minutes(Duration::from_secs(754)), "12 min 34 s");
    }
}
