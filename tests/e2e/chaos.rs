//! Navigation chaos (issue 13): every async action of every page, left by a link, by the
//! browser's back and by its forward — while its call is in flight, and at the moment its
//! answer arrives. After each case: the console is clean (no panic, no trap, no uncaught
//! error), a call left in flight was aborted (the dev back end logs it as 499, so nothing
//! runs on for a page that is gone), the page that replaced it shows nothing of the old
//! one, and the app is used on.
//!
//! "At the moment it resolves" is exact, not timed: a wrapper around `window.fetch` leaves
//! the page in the same task in which the armed call's answer arrives, before the app's
//! continuation runs. "In flight" is exact too: the dev back end holds the call until the
//! test has seen it aborted (or given up), however long the browser takes to leave.

use max_channel_contract::Operation;
use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::{eventually, waits, E2e, Options, PATIENCE};
mod loads;
mod settings_actions;
mod ways_out;
use loads::*;
use settings_actions::*;
use ways_out::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_actions_survive_every_way_out() {
    let e2e = E2e::start().await;
    for action in [
        SettingsAction::TokenCheck,
        SettingsAction::Search,
        SettingsAction::Paging,
        SettingsAction::Save,
        SettingsAction::Disconnect,
    ] {
        for &leave in action.leaves() {
            for moment in MOMENTS {
                settings_case(&e2e, action, leave, moment).await;
            }
        }
    }
    still_usable(&e2e).await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_loads_survive_every_way_out() {
    let e2e = E2e::start().await;
    for load in LOADS {
        // «Группы каналов» shows no link until its groups are there.
        let ways: &[Leave] = if load.page == Page::Groups {
            &[Leave::Back, Leave::Forward]
        } else {
            &[Leave::Link, Leave::Back, Leave::Forward]
        };
        for &leave in ways {
            for moment in MOMENTS {
                load_case(&e2e, load, leave, moment).await;
            }
        }
    }
    // A draft that survived all that is still offered.
    e2e.open("/channels/max/settings").await;
    e2e.find("#draft-offer").await;
    still_usable(&e2e).await;
    e2e.finish().await;
}

/// Preview mode: the scenario switch makes the page load again from the in-page fake,
/// slowly; leave while that load is on its way, and at the moment it is due.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preview_scenario_switches_survive_every_way_out() {
    let e2e = E2e::start_with(Options { serve_api: false, ..Options::default() }).await;
    let slow = max_channel_admin_slow_ms();
    for leave in [Leave::Link, Leave::Back, Leave::Forward] {
        // In flight, and around the moment the fake answers (timers cannot be hooked).
        for after in [300, slow - 20, slow, slow + 20] {
            let case = format!("preview switch left by {leave:?} after {after} ms");
            e2e.open("/channels/max?demo=connected").await;
            wait_ready(&e2e, Page::About).await;
            go(&e2e, Page::About.ready(), Page::Settings).await;
            if leave == Leave::Forward {
                go(&e2e, ".back-link", Page::About).await;
                back_to(&e2e, Page::Settings).await;
            }
            install_leave(&e2e, leave, Page::Settings).await;
            if e2e.js("return document.getElementById('preview-body').hidden").await == json!(true) {
                e2e.click(".preview__toggle").await;
            }
            e2e.click("#preview-slow").await;
            e2e.select("#preview-data", "not_connected").await;
            // The moment is the page's own clock's, as the fake's answer is.
            leave_after(&e2e, after).await;
            wait_ready(&e2e, Page::About).await;
            // Every answer the in-page fake had begun before the new page was ready has
            // come (its timers fire before this later, no shorter one).
            waits::page_clock(&e2e, slow).await;
            e2e.assert_console_clean(&case).await;
            assert_eq!(e2e.path().await, Page::About.path(), "{case}");
            let leftovers =
                e2e.js("return document.querySelectorAll('main .alert, form.settings, dialog[open]').length").await;
            assert_eq!(leftovers, json!(0), "{case}: the old page's load landed on the new one");
        }
    }
    e2e.finish().await;
}

/// Leaves the page `ms` after now by the page's clock, the one the in-page fake waits on.
async fn leave_after(e2e: &E2e, ms: u64) {
    let script = "const done = arguments[arguments.length - 1]; \
        setTimeout(() => { window.__chaosLeave(); done(true); }, arguments[0]);";
    e2e.browser.execute_async(script, vec![json!(ms)]).await.expect("the leave on the page's clock");
}

fn max_channel_admin_slow_ms() -> u64 {
    u64::from(max_channel_admin::api::demo::SLOW_MS)
}

/// The app still answers after the ordeal: a search in the picker shows people.
async fn still_usable(e2e: &E2e) {
    fresh(e2e, false).await;
    e2e.open("/channels/max/settings").await;
    wait_ready(e2e, Page::Settings).await;
    e2e.click("label:has(#routing-employee)").await;
    e2e.type_into(&control(FieldPath::RoutingEmployee), "Кузн").await;
    e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецов").await;
}
