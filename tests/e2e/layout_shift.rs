//! What arrives late must not push what is already on the page: on the settings page of a
//! connected channel «Работа канала» answers after the form is drawn (here 800 ms late), and
//! neither the form nor the token's buttons may jump when it does — a person (or WebKit's
//! driver, once) clicks where a button was. Measured as Chromium's layout-shift entries,
//! the same figure as Lighthouse's CLS: below 0.1, its «good» line. Firefox and WebKit
//! have no layout-shift entries: a gap there.

use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::engine::{gap, Engine};
use crate::support::{fault, E2e};

/// Every layout shift of the page so far that no input caused: `[value, [what moved]]`.
const SHIFTS: &str = r#"
    const done = arguments[arguments.length - 1];
    const describe = (s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?';
    new PerformanceObserver((list, observer) => {
        observer.disconnect();
        done(list.getEntries().filter((e) => !e.hadRecentInput).map((e) => [e.value, e.sources.map(describe)]));
    }).observe({ type: 'layout-shift', buffered: true });
    // No shift at all: the observer never calls back.
    setTimeout(() => done([]), 500);
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_form_does_not_jump_when_the_channel_health_arrives() {
    if crate::support::engine::current() != Engine::Chromium {
        gap("layout-shift entries are Chromium's only");
        return;
    }
    for (width, height) in [(412, 823), (1350, 940)] {
        settle_without_jumping(width, height).await;
    }
}

async fn settle_without_jumping(width: u32, height: u32) {
    let e2e = E2e::start().await;
    e2e.save_settings(samples::settings(), Some("layout-token-Zq8Xw3Rt"));
    e2e.server().state.controls().add_fault(fault(json!({"operation": "getMaxHealth", "delay_ms": 800})));
    // Lighthouse's phone, where a shift is the largest share of the screen; then a desktop.
    e2e.set_viewport(width, height).await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&format!("{}, form.settings", control(FieldPath::AutoCloseEnabled))).await;
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;
    // The shift, if any, is reported with the next frames.
    for _ in 0..3 {
        crate::support::waits::next_frame(&e2e).await;
    }
    let shifts = e2e.browser.execute_async(SHIFTS, vec![]).await.expect("layout shifts");
    let total: f64 = shifts.as_array().into_iter().flatten().filter_map(|s| s[0].as_f64()).sum();
    println!("layout shifts at {width}×{height}: {shifts}");
    assert!(total < 0.1, "at {width}×{height} the page jumps by {total:.3} (CLS) as its parts arrive: {shifts}");
    e2e.finish().await;
}
