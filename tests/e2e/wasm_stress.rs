//! A probe for WebKitGTK's wasm fault (docs/browsers.md «Seen again, with its frames»; issue
//! 32), run by hand, not by CI: the QR encoder — a split module sharing the main module's
//! memory, where the seventh sighting faulted — encodes anew for every label typed into the
//! link kit, thousands of times, until its code is hot enough for the engine's optimizing
//! tiers. Any engine may run it (`MAX_E2E_BROWSER`); `WASM_STRESS_ROUNDS` sets the rounds
//! (2 000 by default); `WASM_STRESS_GROW=N` grows the shared memory by a page every N rounds,
//! so the QR module runs on a memory that another instance grew under it. `JSC_<option>`
//! variables set on the test do not reach WebKitGTK's web process here (a run with
//! `JSC_useWebAssembly=false` still ran the wasm), so an engine tier cannot be switched off.

use max_channel_fake::samples;
use serde_json::json;

use crate::support::E2e;

/// Rounds per script: each waits for a frame, and a script has 30 s at most.
const CHUNK: u64 = 200;

/// Types `label` + a number into the label field and waits for the page's next frame,
/// `CHUNK` times; answers how many rounds drew a QR code, and the memory's size in bytes
/// where it grows the memory.
const TYPE_LABELS: &str = r#"
    const [from, count, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const input = document.getElementById('link-kit-label');
    const grow = arguments[2];
    let drawn = 0;
    (async () => {
        const glue = performance.getEntriesByType('resource').map(e => e.name)
            .find(n => /max-channel-admin-[0-9a-f]+\.js$/.test(n));
        const memory = grow ? (await import(glue)).initSync(undefined, undefined).memory : null;
        for (let i = from; i < from + count; i++) {
            if (memory && i % grow === 0) memory.grow(1);
            input.value = 'p' + i;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise(r => requestAnimationFrame(() => r()));
            if (document.querySelector('.link-kit__qr svg')) drawn++;
        }
        done({ drawn, bytes: memory ? memory.buffer.byteLength : null });
    })().catch(e => done(String(e)));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a probe for WebKitGTK's wasm fault: run by hand (issue 32)"]
async fn the_qr_encoder_encodes_thousands_of_labels_without_a_fault() {
    let rounds: u64 = std::env::var("WASM_STRESS_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000);
    // Every `WASM_STRESS_GROW`-th round grows the shared memory by a page first (0: never).
    let grow: u64 = std::env::var("WASM_STRESS_GROW").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
    let e2e = E2e::start().await;
    e2e.save_settings(samples::settings(), Some("stress-token-4242"));
    e2e.open("/channels/max").await;
    e2e.find(".link-kit__qr svg").await;
    let mut done = 0;
    while done < rounds {
        let count = CHUNK.min(rounds - done);
        let drawn = e2e.browser.execute_async(TYPE_LABELS, vec![json!(done), json!(count), json!(grow)]).await;
        let problems = e2e.console_problems().await;
        println!("rounds {}..{}: {drawn:?}; console problems: {}", done, done + count, problems.len());
        assert!(problems.is_empty(), "after {} rounds:\n{}", done + count, problems.join("\n"));
        assert_eq!(drawn.ok().map(|d| d["drawn"].clone()), Some(json!(count)), "every round drew its code");
        done += count;
    }
    e2e.finish().await;
}
