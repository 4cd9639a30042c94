//! Lighthouse beside the bench's figures: «Группы каналов», «О канале» and the settings, each
//! with the mobile preset (Lighthouse's default: a mid-range phone, simulated slow 4G and a
//! 4× slower CPU) and the desktop one; performance, accessibility and best-practices scores,
//! LCP and TBT, and every accessibility or best-practices audit that keeps a score below 100.
//! Called by `bench::bench` once its own browser is closed, so Lighthouse's Chromium has the
//! machine to itself. Timings are reported, never asserted; a missing tool is an error.
//!
//! `LIGHTHOUSE_CLI` is the CLI `cargo xtask bench` installed (lighthouse@12.2.3), run by
//! `node`; `CHROMIUM` the browser (Debian's: nothing downloads one). Each run's full report
//! stays in `target/lighthouse/<page>-<preset>.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use max_channel_devserver::{Config, Server};
use max_channel_fake::Preset;
use serde_json::{json, Value};

use crate::support::production_dist;

const VERSION: &str = "12.2.3";

/// name in the report files, title, route.
const PAGES: [(&str, &str, &str); 3] = [
    ("channels", "Группы каналов", "/channels"),
    ("about", "О канале", "/channels/max"),
    ("settings", "Настройки", "/channels/max/settings"),
];

const PRESETS: [&str; 2] = ["mobile", "desktop"];

/// No first-run pages, no background requests, no updates: the audit sees the app alone.
const CHROME_FLAGS: &str = "--headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run";

/// Lighthouse gives up on a page after 45 s itself; this catches a hung CLI.
const RUN_LIMIT: Duration = Duration::from_secs(240);

/// The goals of the issue: mobile LCP on every page, TBT everywhere.
const LCP_GOAL_MS: f64 = 2000.0;
const TBT_GOAL_MS: f64 = 50.0;

/// What one Lighthouse run measured.
struct Scores {
    performance: Option<f64>,
    accessibility: Option<f64>,
    best_practices: Option<f64>,
    lcp_ms: Option<f64>,
    tbt_ms: Option<f64>,
    /// (category, audit id, title) of each audit that lowers an accessibility or
    /// best-practices score, or could not run.
    failing: Vec<(String, String, String)>,
}

/// Why a run has no scores: the tool is missing (the bench fails), or this run failed.
enum Failure {
    Tool(String),
    Run(String),
}

struct Run {
    page: (&'static str, &'static str, &'static str),
    preset: &'static str,
    outcome: Result<Scores, String>,
}

/// The section the bench appends: a Markdown table and its notes, the same in JSON, and
/// why Lighthouse could not run at all, if it could not.
pub struct Report {
    pub markdown: String,
    pub json: Value,
    pub missing_tool: Option<String>,
}

/// Serves the production bundle (what administrators load; no test controls, no console
/// capture) with a connected, healthy channel, and runs Lighthouse on each page and preset.
pub async fn audit() -> Report {
    let started = Instant::now();
    let tool = cli().and_then(|cli| chromium().map(|chromium| (cli, chromium)));
    let (cli, chromium) = match tool {
        Ok(found) => found,
        Err(why) => return not_run(why),
    };
    let config = Config { port: 0, dist: Some(production_dist()), ..Config::default() };
    let server = match Server::start(config).await {
        Ok(server) => server,
        // Not a missing tool: reported like a crashed run, and the bench goes on.
        Err(e) => return Report { missing_tool: None, ..not_run(format!("the dev back end did not start: {e}")) },
    };
    let mut fake = max_channel_devserver::new_fake(&server.state.config, true);
    fake.apply(Preset::Connected);
    server.state.replace(fake).unwrap();

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/lighthouse");
    std::fs::create_dir_all(&dir).unwrap();
    let mut runs = Vec::new();
    for page in PAGES {
        for preset in PRESETS {
            let url = format!("{}{}", server.url(), page.2);
            let report = dir.join(format!("{}-{preset}.json", page.0));
            let took = Instant::now();
            let outcome = match lighthouse(&cli, &chromium, &url, preset, &report).await {
                Ok(scores) => Ok(scores),
                Err(Failure::Run(why)) => Err(why),
                Err(Failure::Tool(why)) => {
                    server.stop().await;
                    return not_run(why);
                }
            };
            println!("lighthouse {} {preset}: {:.1} s", page.2, took.elapsed().as_secs_f64());
            runs.push(Run { page, preset, outcome });
        }
    }
    server.stop().await;
    let took_s = started.elapsed().as_secs_f64();
    Report { markdown: markdown(&runs, took_s), json: to_json(&runs, took_s), missing_tool: None }
}

fn not_run(why: String) -> Report {
    eprintln!("error: Lighthouse did not run: {why}");
    Report {
        markdown: format!("\nLighthouse {VERSION}: **not run**: {why}\n"),
        json: json!({ "version": VERSION, "error": why }),
        missing_tool: Some(why),
    }
}

/// The CLI `cargo xtask bench` installed (it says why when it could not), else where it
/// installs it.
fn cli() -> Result<PathBuf, String> {
    if let Ok(why) = std::env::var("LIGHTHOUSE_UNAVAILABLE") {
        return Err(why);
    }
    let path = std::env::var_os("LIGHTHOUSE_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::support::a11y::npm_modules().join("lighthouse/cli/index.js"));
    match path.is_file() {
        true => Ok(path),
        false => {
            Err(format!("no Lighthouse CLI at {} (`cargo xtask bench` installs lighthouse@{VERSION})", path.display()))
        }
    }
}

fn chromium() -> Result<PathBuf, String> {
    let path = PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    match path.is_file() {
        true => Ok(path),
        false => Err(format!("no Chromium at {} (`cargo xtask setup` installs Debian's)", path.display())),
    }
}

/// One run of the CLI, its JSON report written to `report` and read back.
async fn lighthouse(cli: &Path, chromium: &Path, url: &str, preset: &str, report: &Path) -> Result<Scores, Failure> {
    // A report from an earlier run must not pass for this one's.
    let _ = std::fs::remove_file(report);
    // Lighthouse's Chromium (its profile too) writes into this, and goes with it.
    let scratch = crate::support::scratch::Scratch::new("lighthouse");
    let mut cmd = tokio::process::Command::new("node");
    cmd.env("TMPDIR", scratch.path());
    cmd.arg(cli)
        .arg(url)
        .args(["--output=json", "--only-categories=performance,accessibility,best-practices"])
        .args(["--quiet", "--no-enable-error-reporting"])
        .arg(format!("--output-path={}", report.display()))
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", chromium)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    if preset == "desktop" {
        cmd.arg("--preset=desktop");
    }
    let output = match tokio::time::timeout(RUN_LIMIT, cmd.output()).await {
        Err(_) => {
            // Node is killed on drop; the Chromium it started detached is not.
            scratch.kill_its_processes();
            return Err(Failure::Run(format!("no report after {} s", RUN_LIMIT.as_secs())));
        }
        Ok(Err(e)) => return Err(Failure::Tool(format!("cannot start `node` ({e}): Lighthouse needs Node.js 18.16+"))),
        Ok(Ok(output)) => output,
    };
    let lhr = std::fs::read_to_string(report).ok().and_then(|text| serde_json::from_str::<Value>(&text).ok());
    match lhr {
        Some(lhr) => scores(&lhr).map_err(Failure::Run),
        None => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).rev().take(3).collect();
            let last: Vec<&str> = last.into_iter().rev().collect();
            Err(Failure::Run(format!("Lighthouse failed ({}): {}", output.status, last.join(" / "))))
        }
    }
}

/// The figures of one Lighthouse result (`lhr`).
fn scores(lhr: &Value) -> Result<Scores, String> {
    if let Some(error) = lhr.get("runtimeError").filter(|e| !e.is_null()) {
        return Err(format!("{}: {}", error["code"].as_str().unwrap_or("?"), error["message"].as_str().unwrap_or("")));
    }
    let score = |category: &str| lhr["categories"][category]["score"].as_f64().map(|s| s * 100.0);
    let numeric = |audit: &str| lhr["audits"][audit]["numericValue"].as_f64();
    let mut failing = Vec::new();
    for category in ["accessibility", "best-practices"] {
        let refs = lhr["categories"][category]["auditRefs"].as_array().cloned().unwrap_or_default();
        // Weight 0 audits (source maps, libraries) inform but never lower the score.
        for id in refs.iter().filter(|r| r["weight"].as_f64().unwrap_or(0.0) > 0.0).filter_map(|r| r["id"].as_str()) {
            let audit = &lhr["audits"][id];
            let title = audit["title"].as_str().unwrap_or(id).to_owned();
            match audit["scoreDisplayMode"].as_str() {
                Some("error") => failing.push((
                    category.to_owned(),
                    id.to_owned(),
                    format!("{title} (could not run: {})", audit["errorMessage"].as_str().unwrap_or("?")),
                )),
                Some("binary" | "numeric" | "metricSavings") if audit["score"].as_f64().is_some_and(|s| s < 1.0) => {
                    failing.push((category.to_owned(), id.to_owned(), title))
                }
                _ => {}
            }
        }
    }
    Ok(Scores {
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        lcp_ms: numeric("largest-contentful-paint"),
        tbt_ms: numeric("total-blocking-time"),
        failing,
    })
}

/// The goals a run misses, in words (none: `met`).
fn missed_goals(preset: &str, s: &Scores) -> String {
    let mut missed = Vec::new();
    if preset == "mobile" && s.lcp_ms.is_none_or(|ms| ms > LCP_GOAL_MS) {
        missed.push("LCP > 2.0 s");
    }
    if s.tbt_ms.is_none_or(|ms| ms > TBT_GOAL_MS) {
        missed.push("TBT > 50 ms");
    }
    if s.accessibility.is_none_or(|a| a.round() < 100.0) {
        missed.push("a11y < 100");
    }
    if s.best_practices.is_none_or(|b| b.round() < 100.0) {
        missed.push("BP < 100");
    }
    if missed.is_empty() {
        "met".into()
    } else {
        format!("MISSED: {}", missed.join(", "))
    }
}

fn markdown(runs: &[Run], took_s: f64) -> String {
    let score = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.0}"));
    let mut md = format!(
        "\nLighthouse {VERSION} on the production bundle, a connected channel (mobile: Lighthouse's default, \
         simulated throttling; desktop: `--preset=desktop`); {} runs in {took_s:.0} s. Goals: mobile LCP ≤ 2.0 s, \
         TBT ≤ 50 ms, accessibility 100, best practices 100 (reported, never asserted).\n\n\
         | page | preset | performance | accessibility | best practices | LCP | TBT | goals |\n\
         |---|---|---|---|---|---|---|---|\n",
        runs.len()
    );
    // Each failing audit once, with the runs it fails in.
    let mut failing: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
    for run in runs {
        let (_, title, path) = run.page;
        let page = format!("{title} `{path}`");
        match &run.outcome {
            Ok(s) => {
                md.push_str(&format!(
                    "| {page} | {} | {} | {} | {} | **{}** | **{}** | {} |\n",
                    run.preset,
                    score(s.performance),
                    score(s.accessibility),
                    score(s.best_practices),
                    s.lcp_ms.map_or("—".into(), |ms| format!("{:.2} s", ms / 1000.0)),
                    s.tbt_ms.map_or("—".into(), |ms| format!("{ms:.0} ms")),
                    missed_goals(run.preset, s)
                ));
                for audit in &s.failing {
                    failing.entry(audit.clone()).or_default().push(format!("{title} {}", run.preset));
                }
            }
            Err(why) => md.push_str(&format!("| {page} | {} | failed: {why} | | | | | |\n", run.preset)),
        }
    }
    let failed = runs.iter().filter(|r| r.outcome.is_err()).count();
    if failed > 0 {
        md.push_str(&format!("\n**{failed} of {} Lighthouse runs failed**: their audits are unknown.\n", runs.len()));
    }
    if failing.is_empty() {
        md.push_str("\nFailing accessibility and best-practices audits: none.\n");
    } else {
        md.push_str("\nFailing accessibility and best-practices audits:\n\n");
        for ((category, id, title), where_) in failing {
            md.push_str(&format!("- {category} `{id}`: {title} — {}\n", where_.join(", ")));
        }
    }
    md
}

fn to_json(runs: &[Run], took_s: f64) -> Value {
    let runs: Vec<Value> = runs
        .iter()
        .map(|run| {
            let head = json!({ "page": run.page.1, "path": run.page.2, "preset": run.preset });
            let body = match &run.outcome {
                Ok(s) => json!({
                    "performance": s.performance, "accessibility": s.accessibility,
                    "best_practices": s.best_practices, "lcp_ms": s.lcp_ms, "tbt_ms": s.tbt_ms,
                    "goals": missed_goals(run.preset, s),
                    "failing_audits": s.failing.iter()
                        .map(|(category, id, title)| json!({ "category": category, "id": id, "title": title }))
                        .collect::<Vec<_>>(),
                }),
                Err(why) => json!({ "error": why }),
            };
            let mut merged = head.as_object().cloned().unwrap_or_default();
            merged.extend(body.as_object().cloned().unwrap_or_default());
            Value::Object(merged)
        })
        .collect();
    json!({
        "version": VERSION, "took_s": took_s, "runs": runs,
        "goals": { "mobile_lcp_ms": LCP_GOAL_MS, "tbt_ms": TBT_GOAL_MS, "accessibility": 100, "best_practices": 100 },
    })
}

/// Lighthouse alone, for working on what it finds:
/// `cargo test --test e2e -- lighthouse:: --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "part of the bench: run by `cargo xtask bench`"]
async fn lighthouse_alone() {
    let report = audit().await;
    println!("{}", report.markdown);
    if let Some(why) = report.missing_tool {
        panic!("Lighthouse could not run: {why}");
    }
}

#[test]
fn reads_scores_and_the_audits_that_lower_them() {
    let lhr = json!({
        "categories": {
            "performance": { "score": 0.82, "auditRefs": [] },
            "accessibility": { "score": 0.93, "auditRefs": [
                { "id": "target-size", "weight": 7 }, { "id": "heading-order", "weight": 3 },
                { "id": "tabindex", "weight": 7 } ] },
            "best-practices": { "score": 1, "auditRefs": [ { "id": "valid-source-maps", "weight": 0 } ] },
        },
        "audits": {
            "largest-contentful-paint": { "numericValue": 3243.8 },
            "total-blocking-time": { "numericValue": 282 },
            "target-size": { "title": "Touch targets", "score": 0, "scoreDisplayMode": "binary" },
            "heading-order": { "title": "Headings", "score": 1, "scoreDisplayMode": "binary" },
            "tabindex": { "title": "Tabindex", "score": null, "scoreDisplayMode": "notApplicable" },
            "valid-source-maps": { "title": "Source maps", "score": 0, "scoreDisplayMode": "binary" },
        },
    });
    let s = scores(&lhr).unwrap();
    assert_eq!((s.performance, s.accessibility, s.best_practices), (Some(82.0), Some(93.0), Some(100.0)));
    assert_eq!((s.lcp_ms, s.tbt_ms), (Some(3243.8), Some(282.0)));
    assert_eq!(s.failing, [("accessibility".to_owned(), "target-size".to_owned(), "Touch targets".to_owned())]);
    assert_eq!(missed_goals("mobile", &s), "MISSED: LCP > 2.0 s, TBT > 50 ms, a11y < 100");
    assert_eq!(missed_goals("desktop", &s), "MISSED: TBT > 50 ms, a11y < 100");
    let crashed = json!({ "runtimeError": { "code": "NO_FCP", "message": "The page did not paint" } });
    assert_eq!(scores(&crashed).err().as_deref(), Some("NO_FCP: The page did not paint"));
}
