//! Preview mode's fake in a real browser: on the browser's clock, every preset builds (the
//! fake's whole directory, 10 200 employees, each time) and answers through the trait.

use max_channel_admin::api::demo::{DemoBackend, Preset, Scenario};
use max_channel_admin::api::{ApiError, Backend, ChannelInsights};
use max_channel_contract::{
    ChannelState, DeliveryTestState, EmployeeQuery, HistoryQuery, SourceDays, StateReason, DELIVERY_TEST_SECONDS,
};
use wasm_bindgen_test::*;

use crate::support::ConsoleWatch;

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
        console_log!("switch to {}: {:.0} ms", preset.name(), now_ms() - started);
        assert!(demo.max_channel().await.is_ok(), "{}", preset.name());
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

/// Contract 1.2 on the browser's clock: a delivery test's moments are today's (not 1970),
/// its code is made in the browser, the compressed wait is the fake's, the sources add up.
#[wasm_bindgen_test]
async fn delivery_tests_and_sources_answer_on_the_browsers_clock() {
    let console = ConsoleWatch::start();
    let demo = DemoBackend::new(Scenario { data: Preset::DeliveryExpires, ..Scenario::default() });
    assert_eq!(demo.compressed_wait_seconds(), Some(60));
    let started = demo.start_delivery_test().await.unwrap();
    assert_eq!(started.state, DeliveryTestState::Waiting);
    assert!(started.created_at.starts_with("20") && !started.created_at.starts_with("1970"), "{}", started.created_at);
    assert!(started.link.ends_with(&started.code), "{}", started.link);
    assert_eq!(demo.delivery_test(&started.id).await.map(|t| t.state), Ok(DeliveryTestState::Waiting));
    assert_eq!(demo.delivery_test("dt-nope").await, Err(ApiError::NotFound));

    demo.set_scenario(Scenario { data: Preset::DeliveryReceived, ..Scenario::default() });
    assert_eq!(demo.delivery_test_seconds(), DELIVERY_TEST_SECONDS);
    let other = demo.start_delivery_test().await.unwrap();
    assert_ne!(other.code, started.code);

    demo.set_scenario(Scenario { data: Preset::Sources, ..Scenario::default() });
    for days in SourceDays::ALL {
        let stats = demo.sources(days).await.unwrap();
        assert_eq!(stats.problems(days), Vec::<String>::new(), "{} days", days.days());
        assert!(stats.total > 0, "{} days", days.days());
    }
    demo.set_scenario(Scenario { data: Preset::NoDialogs, ..Scenario::default() });
    assert_eq!(demo.sources(SourceDays::Quarter).await.map(|s| s.total), Ok(0));
    console.finish().await;
}
