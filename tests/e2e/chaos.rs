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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leave {
    Link,
    Back,
    Forward,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moment {
    InFlight,
    AtResolve,
}

const MOMENTS: [Moment; 2] = [Moment::InFlight, Moment::AtResolve];

/// The pages, with what shows each is ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Groups,
    About,
    Settings,
    History,
}

impl Page {
    fn path(self) -> &'static str {
        match self {
            Page::Groups => "/channels",
            Page::About => "/channels/max",
            Page::Settings => "/channels/max/settings",
            Page::History => "/channels/max/history",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Page::Groups => "Группы каналов",
            Page::About => "О канале",
            Page::Settings => "Подключение и настройки канала MAX",
            Page::History => "История изменений",
        }
    }

    /// An element that is there once the page's data has loaded.
    fn ready(self) -> &'static str {
        match self {
            Page::Groups => "a.tile[data-kind=max]",
            Page::About => "a.button--primary[href$='/channels/max/settings']",
            Page::Settings => "form.settings",
            Page::History => "#history-empty",
        }
    }

    /// The in-page link that leaves it (rendered while the page loads, too).
    fn link_out(self) -> &'static str {
        match self {
            Page::Groups => "a.tile[data-kind=max]",
            Page::About | Page::Settings | Page::History => ".back-link",
        }
    }
}

async fn wait_ready(e2e: &E2e, page: Page) {
    e2e.wait_for_text("h1", page.title()).await;
    if !waits::until(PATIENCE, || e2e.is_present(page.ready())).await {
        let shows = e2e.text_content("main").await;
        panic!("{page:?} never got its data ({}); at {} it shows «{shows}»", page.ready(), e2e.path().await);
    }
}

/// Follows an in-app link, as a click does (the router's navigation, one history entry).
async fn go(e2e: &E2e, css: &str, to: Page) {
    e2e.click(css).await;
    wait_ready(e2e, to).await;
}

async fn back_to(e2e: &E2e, to: Page) {
    e2e.browser.back().await.expect("back");
    wait_ready(e2e, to).await;
}

/// Sets the way out of the page for the page's own chaos hooks (`window.__chaosLeave`,
/// served by the dev back end with every page, see `max_channel_devserver::console`). The
/// leave also confirms «Уйти без сохранения» when a dirty form asks first.
async fn install_leave(e2e: &E2e, leave: Leave, from: Page) {
    let kind = match leave {
        Leave::Link => "link",
        Leave::Back => "back",
        Leave::Forward => "forward",
    };
    let script = "window.__chaosSetLeave(arguments[0], arguments[1]); return 0;";
    e2e.browser.execute(script, vec![json!(kind), json!(from.link_out())]).await.expect("chaos hooks");
}

/// Arms the wrapper: the next answer of `operation` leaves the page.
async fn arm_at_resolve(e2e: &E2e, operation: Operation) {
    let args = vec![json!(operation.path()), json!(operation.method())];
    e2e.browser.execute("window.__chaosArm(arguments[0], arguments[1]); return 0;", args).await.expect("arm");
}

fn operation(id: &str) -> Operation {
    Operation::parse(id).expect("a contract operation")
}

/// One case's verdict, after the page was left.
/// `sent` is the calls that arrived at the back end between the action's start and the
/// leave (arrival numbers `sent.0 + 1 ..= sent.1`).
async fn assert_left_cleanly(e2e: &E2e, case: &str, to: Page, operation: Operation, moment: Moment, sent: (u64, u64)) {
    let old_calls = || {
        let mut calls = e2e.requests_of(operation.name());
        calls.retain(|r| r.arrival > sent.0 && r.arrival <= sent.1);
        calls
    };
    if moment == Moment::InFlight {
        // Still held at the back end: aborted by the browser now, or never.
        e2e.wait_for_path(to.path()).await;
        e2e.stop_holding_calls();
        let what = format!("{case}: every {} call aborted with its page", operation.name());
        eventually(PATIENCE, &what, || async {
            let calls = old_calls();
            !calls.is_empty() && calls.iter().all(|r| r.status == 499)
        })
        .await;
        e2e.release_held();
    }
    wait_ready(e2e, to).await;
    // The old call has ended in the browser (aborted: the back end saw it go; answered:
    // the page left as its answer came). Then the page's own next request, made after the
    // leave, comes back: what the old call's answer would do has been done by then.
    waits::round_trip(e2e).await;
    e2e.assert_console_clean(case).await;
    assert_eq!(e2e.path().await, to.path(), "{case}: the page that replaced it");
    assert!(e2e.text_content("h1").await.contains(to.title()), "{case}: its heading");
    // Nothing of the old page landed on the new one: no banner, error, dialog or form.
    let leftovers = e2e
        .js("return [...document.querySelectorAll('main .alert, .field__error, dialog[open], form.settings, #draft-offer')].map(e => e.outerHTML.slice(0, 120))")
        .await;
    let leftovers = leftovers.as_array().cloned().unwrap_or_default();
    if to != Page::Settings {
        assert!(leftovers.is_empty(), "{case}: the old page's work landed on the new one: {leftovers:?}");
    }
    let calls = old_calls();
    assert!(!calls.is_empty(), "{case}: {} was never called", operation.name());
    match moment {
        // Everything that was still running when its page went was aborted, and stays so.
        Moment::InFlight => assert!(calls.iter().all(|r| r.status == 499), "{case}: {calls:?}"),
        // Answered (a 404 is "nothing saved yet"), and the page left at that moment.
        Moment::AtResolve => assert!(calls.iter().any(|r| r.status != 499), "{case}: {calls:?}"),
    }
}

/// What a case starts from: a fresh account (connected for save and disconnect), no
/// draft, no latency, nothing held.
async fn fresh(e2e: &E2e, connected: bool) {
    e2e.latency(0);
    e2e.release_held();
    e2e.server().state.reset(true).expect("reset");
    if connected {
        e2e.save_settings(samples::settings(), Some("chaos-token-0001"));
    }
    e2e.open("/channels").await;
    e2e.js("sessionStorage.clear(); return 0;").await;
}

/// Everything up to the one step that sends the action's call, the way a person does it.
async fn prepare(e2e: &E2e, action: SettingsAction) {
    match action {
        SettingsAction::TokenCheck => e2e.type_into(&control(FieldPath::Token), "chaos-token-7Qa1").await,
        SettingsAction::Search | SettingsAction::Paging => {
            e2e.click("label:has(#routing-employee)").await;
            // Focusing the field lists the first employees at once.
            e2e.click(&control(FieldPath::RoutingEmployee)).await;
            e2e.find(&employee_options()).await;
            if action == SettingsAction::Paging {
                e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("ова").await.unwrap();
                // Past the debounce: the list a person pages is the answer to «ова» (every
                // name holds it), not the list focusing showed first.
                eventually(PATIENCE, "the search for «ова» never answered", || async {
                    let texts = e2e
                        .strings(&format!(
                            "return [...document.querySelectorAll('{}')].map(li => li.textContent.toLowerCase())",
                            employee_options()
                        ))
                        .await;
                    texts.len() == 20 && texts.iter().all(|t| t.contains("ова"))
                })
                .await;
                e2e.find(".picker__more").await;
            }
        }
        SettingsAction::Save => {}
        SettingsAction::Disconnect => {
            e2e.click(".button--danger-outline").await;
            e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
        }
    }
}

/// The step that sends the call.
async fn send(e2e: &E2e, action: SettingsAction) {
    match action {
        SettingsAction::TokenCheck => e2e.click("#token-check").await,
        SettingsAction::Search => e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("Цв").await.unwrap(),
        SettingsAction::Paging => e2e.click(".picker__more").await,
        SettingsAction::Save => e2e.click(".action-bar button[type=submit]").await,
        SettingsAction::Disconnect => e2e.click("#disconnect-dialog .button--danger").await,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SettingsAction {
    TokenCheck,
    Search,
    Paging,
    Save,
    Disconnect,
}

impl SettingsAction {
    fn operation(self) -> Operation {
        operation(match self {
            SettingsAction::TokenCheck => "verifyMaxToken",
            SettingsAction::Search | SettingsAction::Paging => "listEmployees",
            SettingsAction::Save => "putMaxSettings",
            SettingsAction::Disconnect => "disconnectMax",
        })
    }

    fn connected(self) -> bool {
        matches!(self, SettingsAction::Save | SettingsAction::Disconnect)
    }

    /// The ways out the browser offers: a typed token makes the form dirty, and the
    /// unsaved-changes guard's history entry takes the place of any forward entry.
    fn leaves(self) -> &'static [Leave] {
        match self {
            SettingsAction::TokenCheck => &[Leave::Link, Leave::Back],
            _ => &[Leave::Link, Leave::Back, Leave::Forward],
        }
    }
}

/// One action of the settings page, one way out, one moment.
async fn settings_case(e2e: &E2e, action: SettingsAction, leave: Leave, moment: Moment) {
    let case = format!("{action:?} left by {leave:?} {moment:?}");
    fresh(e2e, action.connected()).await;
    e2e.open("/channels/max").await;
    wait_ready(e2e, Page::About).await;
    go(e2e, Page::About.ready(), Page::Settings).await;
    if leave == Leave::Forward {
        go(e2e, ".back-link", Page::About).await;
        back_to(e2e, Page::Settings).await;
    }
    install_leave(e2e, leave, Page::Settings).await;
    prepare(e2e, action).await;
    let op = action.operation();
    let since = arrivals(e2e);
    let marker = arm(e2e, op, moment).await;
    send(e2e, action).await;
    let mut until = u64::MAX;
    if let Some(marker) = marker {
        // Past the search's debounce: the call is held at the back end.
        waits::arrived(e2e, &marker, &case).await;
        until = leave_now(e2e).await;
    }
    assert_left_cleanly(e2e, &case, Page::About, op, moment, (since, until)).await;
}

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

/// A page's own load: entered from `from`, left while its data is on the way.
#[derive(Debug, Clone, Copy)]
struct Load {
    page: Page,
    /// The page it is entered from (by its link) and left back to.
    from: Page,
    /// Where forward goes: a page visited after it.
    next: Page,
    /// The selector of the link on `page` that leads to `next`.
    to_next: &'static str,
    operation: &'static str,
    /// A draft of unsaved changes waits in the session.
    with_draft: bool,
}

const LOADS: [Load; 5] = [
    Load {
        page: Page::Groups,
        from: Page::About,
        next: Page::About,
        to_next: "a.tile[data-kind=max]",
        operation: "listChannelGroups",
        with_draft: false,
    },
    Load {
        page: Page::About,
        from: Page::Groups,
        next: Page::Settings,
        to_next: "a.button--primary[href$='/channels/max/settings']",
        operation: "getMaxChannel",
        with_draft: false,
    },
    // Before the draft cases: a fresh account clears the session, and the draft must last.
    Load {
        page: Page::History,
        from: Page::About,
        next: Page::About,
        to_next: ".back-link",
        operation: "listMaxSettingsHistory",
        with_draft: false,
    },
    Load {
        page: Page::Settings,
        from: Page::About,
        next: Page::About,
        to_next: ".back-link",
        operation: "getMaxSettings",
        with_draft: false,
    },
    Load {
        page: Page::Settings,
        from: Page::About,
        next: Page::About,
        to_next: ".back-link",
        operation: "getMaxSettings",
        with_draft: true,
    },
];

/// Leaves a draft in the session: a change typed, then the tab reloaded elsewhere.
async fn leave_a_draft(e2e: &E2e) {
    e2e.open("/channels/max/settings").await;
    wait_ready(e2e, Page::Settings).await;
    e2e.click("label:has(#routing-group)").await;
    let what = "the draft is written";
    eventually(PATIENCE, what, || async {
        e2e.js("return sessionStorage.getItem('max-channel:draft') !== null").await == json!(true)
    })
    .await;
}

async fn draft_kept(e2e: &E2e, case: &str) {
    let kept = e2e.js("return sessionStorage.getItem('max-channel:draft') !== null").await;
    assert_eq!(kept, json!(true), "{case}: the draft was lost");
}

async fn load_case(e2e: &E2e, load: Load, leave: Leave, moment: Moment) {
    let case = format!(
        "loading {:?}{} left by {leave:?} {moment:?}",
        load.page,
        if load.with_draft { " with a draft" } else { "" }
    );
    // Shown with a failure: which case it was.
    println!("case: {case}");
    fresh(e2e, false).await;
    if load.with_draft {
        leave_a_draft(e2e).await;
    }
    let op = operation(load.operation);
    let to;
    if leave == Leave::Forward {
        // page → next, then back to page: the back loads it, forward leaves it.
        e2e.open(load.page.path()).await;
        wait_ready(e2e, load.page).await;
        go(e2e, load.to_next, load.next).await;
        install_leave(e2e, leave, load.page).await;
        let since = arrivals(e2e);
        let marker = arm(e2e, op, moment).await;
        e2e.js("history.back(); return 0;").await;
        let until = leave_in_flight(e2e, load.page, marker, &case).await;
        to = load.next;
        assert_left_cleanly(e2e, &case, to, op, moment, (since, until)).await;
    } else {
        e2e.open(load.from.path()).await;
        wait_ready(e2e, load.from).await;
        install_leave(e2e, leave, load.page).await;
        let since = arrivals(e2e);
        let marker = arm(e2e, op, moment).await;
        e2e.click(&format!("a[href$='{}']", load.page.path())).await;
        let until = leave_in_flight(e2e, load.page, marker, &case).await;
        to = load.from;
        assert_left_cleanly(e2e, &case, to, op, moment, (since, until)).await;
    }
    if load.with_draft {
        draft_kept(e2e, &case).await;
    }
}

/// Arms the moment; in flight, also a marker of the call's arrival (see
/// [`waits::trace_arrival`]), so that the page is left once the call is held, not after a
/// guess at how long it takes to get there.
async fn arm(e2e: &E2e, op: Operation, moment: Moment) -> Option<max_channel_devserver::FaultSpec> {
    match moment {
        Moment::InFlight => {
            e2e.hold_calls(op);
            Some(waits::trace_arrival(e2e, op))
        }
        Moment::AtResolve => {
            arm_at_resolve(e2e, op).await;
            None
        }
    }
}

/// For an in-flight case: once the page is there and its call is held at the back end,
/// leave it; the calls that arrived until then are its own.
async fn leave_in_flight(e2e: &E2e, page: Page, marker: Option<max_channel_devserver::FaultSpec>, case: &str) -> u64 {
    let Some(marker) = marker else { return u64::MAX };
    e2e.wait_for_path(page.path()).await;
    waits::arrived(e2e, &marker, case).await;
    leave_now(e2e).await
}

/// How many calls have reached the back end so far.
fn arrivals(e2e: &E2e) -> u64 {
    e2e.server().state.controls().arrivals()
}

/// Leaves the page now; returns the calls that arrived before.
async fn leave_now(e2e: &E2e) -> u64 {
    let before = arrivals(e2e);
    e2e.js("window.__chaosLeave(); return 0;").await;
    before
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
