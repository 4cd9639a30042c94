//! A long session in one tab (issue 38): an administrator goes round «Группы каналов» →
//! «О канале» → settings → «История изменений» → «О канале» → «Группы каналов» by the
//! pages' own links, 250 times, each page waited for until it shows its data. Every page
//! must leave nothing behind when it goes: between round 20 (everything cached, every
//! module fetched) and the end, the wasm memory may grow by at most two of its 64 KB pages
//! and the JS heap after a full collection by at most 5 %, its scripts interpreted (no code
//! compiled as they get hot). Chromium: its DevTools protocol collects the garbage and
//! reads the heap. The numbers go to target/reports/soak.md.

use max_channel_fake::samples;
use serde_json::json;

use crate::support::engine::{gap, Engine, Scripts};
use crate::support::{E2e, Options};

/// Round trips in all; the first `WARM` fill the caches and fetch every split module.
pub const TRIPS: u64 = 250;
pub const WARM: u64 = 20;
/// Round trips per script: a script has 30 s at most.
const CHUNK: u64 = 10;
/// What the wasm memory may grow by between round `WARM` and the end.
pub const WASM_GROWTH_LIMIT: f64 = 128.0 * 1024.0;
/// What the JS heap after a collection may grow by, as a share.
pub const HEAP_GROWTH_LIMIT: f64 = 0.05;

/// One round: the link to click, then the heading and the element that show the next
/// page has its data.
const ROUND: [(&str, &str, &str); 5] = [
    ("a.tile[data-kind=max]", "О канале", "a.button--primary[href$='/channels/max/settings']"),
    ("a.button--primary[href$='/channels/max/settings']", "Подключение и настройки канала MAX", "form.settings"),
    ("#history-link", "История изменений", "#history-empty, li.history__entry"),
    (".back-link", "О канале", "a.button--primary[href$='/channels/max/settings']"),
    (".back-link", "Группы каналов", "a.tile[data-kind=max]"),
];

/// Goes round `arguments[1]` times, each step as a click on the link and the frames until
/// the next page shows its heading and data; answers "ok" or what never showed. Clicks are
/// at least `PACE_MS` apart: Chromium ignores a page's address changes beyond 200 in 10 s
/// (its flooding protection), which no person clicking links comes near.
const GO_ROUND: &str = r#"
    const [steps, trips, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const PACE_MS = 60;
    let last = 0;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const shows = (title, ready) => {
        const h1 = document.querySelector('main h1');
        return h1 && h1.textContent.trim().startsWith(title) && document.querySelector(ready);
    };
    (async () => {
        for (let trip = 0; trip < trips; trip++) {
            for (const [link, title, ready] of steps) {
                while (performance.now() - last < PACE_MS) await frame();
                const a = document.querySelector(link);
                if (!a) return done(`no ${link} at ${location.pathname}`);
                last = performance.now();
                a.click();
                while (!shows(title, ready)) await frame();
            }
        }
        done('ok');
    })().catch((e) => done(String(e)));
"#;

/// The wasm's heap bytes in use, in a diagnostic build with `alloc-census` (else `null`).
const LIVE_HEAP: &str = "return window.wasmBindings.live_heap_bytes ? window.wasmBindings.live_heap_bytes() : null;";
/// Its live allocations by size (`"size:count,…"`), likewise.
const LIVE_SIZES: &str = "return window.wasmBindings.live_heap_sizes ? window.wasmBindings.live_heap_sizes() : null;";

/// What was allocated and not freed between two `LIVE_SIZES`, as `size×count` (a census
/// build only): the sizes name what a leak is made of (decision 87).
fn sizes_left(warm: &serde_json::Value, end: &serde_json::Value) -> String {
    let parse = |v: &serde_json::Value| -> std::collections::BTreeMap<u32, i64> {
        let text = v.as_str().unwrap_or_default();
        text.split(',')
            .filter_map(|pair| pair.split_once(':'))
            .filter_map(|(s, c)| Some((s.parse().ok()?, c.parse().ok()?)))
            .collect()
    };
    let (warm, end) = (parse(warm), parse(end));
    let sizes: std::collections::BTreeSet<u32> = warm.keys().chain(end.keys()).copied().collect();
    let left = sizes.into_iter().filter_map(|size| {
        let count = end.get(&size).copied().unwrap_or(0) - warm.get(&size).copied().unwrap_or(0);
        (count != 0).then(|| format!("{size}×{count}"))
    });
    left.collect::<Vec<_>>().join(" ")
}

/// The memory at round `WARM` and at the end, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Soak {
    pub heap_warm: f64,
    pub heap_end: f64,
    pub wasm_warm: f64,
    pub wasm_end: f64,
}

impl Soak {
    pub fn wasm_growth(&self) -> f64 {
        self.wasm_end - self.wasm_warm
    }

    pub fn heap_growth(&self) -> f64 {
        self.heap_end / self.heap_warm - 1.0
    }

    /// A line for a report.
    pub fn line(&self) -> String {
        let kb = |b: f64| b / 1024.0;
        format!(
            "| {TRIPS} round trips (growth from round {WARM}) | wasm {:.0} → {:.0} KB (**{:+.0} KB**, limit {:.0} KB); \
             JS heap after GC {:.0} → {:.0} KB (**{:+.1} %**, limit {:.0} %) |\n",
            kb(self.wasm_warm),
            kb(self.wasm_end),
            kb(self.wasm_growth()),
            kb(WASM_GROWTH_LIMIT),
            kb(self.heap_warm),
            kb(self.heap_end),
            self.heap_growth() * 100.0,
            HEAP_GROWTH_LIMIT * 100.0
        )
    }
}

async fn go_round(e2e: &E2e, trips: u64) {
    let mut left = trips;
    while left > 0 {
        let now = CHUNK.min(left);
        let answer = e2e.browser.execute_async(GO_ROUND, vec![json!(ROUND), json!(now)]).await;
        let said = answer.map(|v| v.as_str().unwrap_or_default().to_owned()).unwrap_or_else(|e| e.to_string());
        let at = e2e.path().await;
        assert_eq!(said, "ok", "round {}: {said} (at {at})", trips - left);
        left -= now;
    }
}

/// Opens «Группы каналов» of a connected channel in the production build and goes round.
pub async fn soak(e2e: &E2e) -> Soak {
    e2e.save_settings(samples::settings(), Some("soak-token-7Hq2Lp9V"));
    e2e.open("/channels").await;
    e2e.find("a.tile[data-kind=max]").await;
    go_round(e2e, WARM).await;
    let (heap_warm, wasm_warm) = e2e.memory_after_gc().await;
    let live_warm = e2e.js(LIVE_HEAP).await;
    let sizes_warm = e2e.js(LIVE_SIZES).await;
    go_round(e2e, TRIPS - WARM).await;
    let (heap_end, wasm_end) = e2e.memory_after_gc().await;
    let live_end = e2e.js(LIVE_HEAP).await;
    if !live_end.is_null() {
        // A diagnostic build (`alloc-census`): the bytes in use, not the memory's high-water mark.
        println!("live heap bytes at round {WARM}: {live_warm}, at the end: {live_end}");
        println!("allocations left, size×count: {}", sizes_left(&sizes_warm, &e2e.js(LIVE_SIZES).await));
    }
    Soak { heap_warm, heap_end, wasm_warm, wasm_end }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_session_in_one_tab_does_not_grow_the_memory() {
    if crate::support::engine::current() != Engine::Chromium {
        gap("the soak reads the heap after a collection through Chromium's DevTools protocol");
        return;
    }
    // Interpreted scripts: V8 adds compiled code to the heap as the app's functions get hot
    // (+8.8 % over these trips, levelling off after ~100); that is the engine's, not a leak.
    let e2e =
        E2e::start_with(Options { production_at_root: true, scripts: Scripts::Interpreted, ..Options::default() })
            .await;
    let soak = soak(&e2e).await;
    let line = soak.line();
    println!("{line}");
    let reports = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("soak.md"), format!("| soak | memory |\n|---|---|\n{line}")).unwrap();
    assert!(soak.wasm_growth() <= WASM_GROWTH_LIMIT, "the wasm memory grows: {line}");
    assert!(soak.heap_growth() <= HEAP_GROWTH_LIMIT, "the JS heap grows: {line}");
    e2e.assert_console_clean("after the long session").await;
    e2e.finish().await;
}
