//! The ways out of a page (a link, back, forward), the moments (in flight, at its answer), and the checks that the page left cleanly.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leave {
    Link,
    Back,
    Forward,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moment {
    InFlight,
    AtResolve,
}

pub(super) const MOMENTS: [Moment; 2] = [Moment::InFlight, Moment::AtResolve];

/// The pages, with what shows each is ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Page {
    Groups,
    About,
    Settings,
    History,
}

impl Page {
    pub(super) fn path(self) -> &'static str {
        match self {
            Page::Groups => "/channels",
            Page::About => "/channels/max",
            Page::Settings => "/channels/max/settings",
            Page::History => "/channels/max/history",
        }
    }

    pub(super) fn title(self) -> &'static str {
        match self {
            Page::Groups => "Группы каналов",
            Page::About => "О канале",
            Page::Settings => "Подключение и настройки канала MAX",
            Page::History => "История изменений",
        }
    }

    /// An element that is there once the page's data has loaded.
    pub(super) fn ready(self) -> &'static str {
        match self {
            Page::Groups => "a.tile[data-kind=max]",
            Page::About => "a.button--primary[href$='/channels/max/settings']",
            Page::Settings => "form.settings",
            Page::History => "#history-empty",
        }
    }

    /// The in-page link that leaves it (rendered while the page loads, too).
    pub(super) fn link_out(self) -> &'static str {
        match self {
            Page::Groups => "a.tile[data-kind=max]",
            Page::About | Page::Settings | Page::History => ".back-link",
        }
    }
}

pub(super) async fn wait_ready(e2e: &E2e, page: Page) {
    e2e.wait_for_text("h1", page.title()).await;
    if !waits::until(PATIENCE, || e2e.is_present(page.ready())).await {
        let shows = e2e.text_content("main").await;
        panic!("{page:?} never got its data ({}); at {} it shows «{shows}»", page.ready(), e2e.path().await);
    }
}

/// Follows an in-app link, as a click does (the router's navigation, one history entry).
pub(super) async fn go(e2e: &E2e, css: &str, to: Page) {
    e2e.click(css).await;
    wait_ready(e2e, to).await;
}

pub(super) async fn back_to(e2e: &E2e, to: Page) {
    e2e.browser.back().await.expect("back");
    wait_ready(e2e, to).await;
}

/// Sets the way out of the page for the page's own chaos hooks (`window.__chaosLeave`,
/// served by the dev back end with every page, see `max_channel_devserver::console`). The
/// leave also confirms «Уйти без сохранения» when a dirty form asks first.
pub(super) async fn install_leave(e2e: &E2e, leave: Leave, from: Page) {
    let kind = match leave {
        Leave::Link => "link",
        Leave::Back => "back",
        Leave::Forward => "forward",
    };
    let script = "window.__chaosSetLeave(arguments[0], arguments[1]); return 0;";
    e2e.browser.execute(script, vec![json!(kind), json!(from.link_out())]).await.expect("chaos hooks");
}

/// Arms the wrapper: the next answer of `operation` leaves the page.
pub(super) async fn arm_at_resolve(e2e: &E2e, operation: Operation) {
    let args = vec![json!(operation.path()), json!(operation.method())];
    e2e.browser.execute("window.__chaosArm(arguments[0], arguments[1]); return 0;", args).await.expect("arm");
}

pub(super) fn operation(id: &str) -> Operation {
    Operation::parse(id).expect("a contract operation")
}

/// One case's verdict, after the page was left.
/// `sent` is the calls that arrived at the back end between the action's start and the
/// leave (arrival numbers `sent.0 + 1 ..= sent.1`).
pub(super) async fn assert_left_cleanly(
    e2e: &E2e,
    case: &str,
    to: Page,
    operation: Operation,
    moment: Moment,
    sent: (u64, u64),
) {
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
pub(super) async fn fresh(e2e: &E2e, connected: bool) {
    e2e.latency(0);
    e2e.release_held();
    e2e.server().state.reset(true).expect("reset");
    if connected {
        e2e.save_settings(samples::settings(), Some("chaos-token-0001"));
    }
    e2e.open("/channels").await;
    e2e.js("sessionStorage.clear(); return 0;").await;
}
