//! Preview mode's fake in a real browser: on the browser's clock, every preset builds (the
//! fake's whole directory, 10 200 employees, each time) and answers through the trait.
#![cfg(all(target_arch = "wasm32", feature = "preview"))]

use max_channel_admin::api::demo::{DemoBackend, Preset, Scenario};
use max_channel_admin::api::{ApiError, Backend};
use max_channel_contract::{ChannelState, EmployeeQuery, HistoryQuery, StateReason};
use wasm_bindgen_test::*;

mod web_support;
use web_support::ConsoleWatch;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

#[wasm_bindgen_test]
async fn every_preset_builds_on_the_browsers_clock() {
    let console = ConsoleWatch::start();
    let started = now_ms();
    let demo = DemoBackend::new(Scenario::default());
    console_log!("preview start (not_connected): {:.0} ms", now_ms() - started);
    for preset in Preset::ALL {
        let started = now_ms();
        demo.set_scenario(Scenario { data: preset, ..Scenario::default() });
        console_log!("switch to {}: {:.0} ms", preset.id(), now_ms() - started);
        assert!(demo.max_channel().await.is_ok(), "{}", preset.id());
    }

    demo.set_scenario(Scenario { data: Preset::SubscriptionLost, ..Scenario::default() });
    let channel = demo.max_channel().await.unwrap();
    assert_eq!((channel.state, channel.state_reason), (ChannelState::Error, Some(StateReason::SubscriptionLost)));
    // The history is dated by `Date.now()`: its newest entry an hour ago, not in 1970.
    let newest = demo.history(&HistoryQuery::default()).await.unwrap().items.remove(0);
    assert!(newest.at.starts_with("20") && !newest.at.starts_with("1970"), "{}", newest.at);
    let ids = EmployeeQuery { ids: Some("e-101,e-10300".into()), ..EmployeeQuery::default() };
    assert_eq!(demo.employees(&ids).await.unwrap().items.len(), 2);

    demo.set_scenario(Scenario::default());
    assert_eq!(demo.health().await, Err(ApiError::NotFound));
    console.finish().await;
}
