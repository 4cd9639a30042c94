//! Each page's own load, entered from another page and left while its data is on the way.

use super::*;

/// A page's own load: entered from `from`, left while its data is on the way.
#[derive(Debug, Clone, Copy)]
pub(super) struct Load {
    pub(super) page: Page,
    /// The page it is entered from (by its link) and left back to.
    pub(super) from: Page,
    /// Where forward goes: a page visited after it.
    pub(super) next: Page,
    /// The selector of the link on `page` that leads to `next`.
    pub(super) to_next: &'static str,
    pub(super) operation: &'static str,
    /// A draft of unsaved changes waits in the session.
    pub(super) with_draft: bool,
}

pub(super) const LOADS: [Load; 5] = [
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
pub(super) async fn leave_a_draft(e2e: &E2e) {
    e2e.open("/channels/max/settings").await;
    wait_ready(e2e, Page::Settings).await;
    e2e.click("label:has(#routing-group)").await;
    let what = "the draft is written";
    eventually(PATIENCE, what, || async {
        e2e.js("return sessionStorage.getItem('max-channel:draft') !== null").await == json!(true)
    })
    .await;
}

pub(super) async fn draft_kept(e2e: &E2e, case: &str) {
    let kept = e2e.js("return sessionStorage.getItem('max-channel:draft') !== null").await;
    assert_eq!(kept, json!(true), "{case}: the draft was lost");
}

pub(super) async fn load_case(e2e: &E2e, load: Load, leave: Leave, moment: Moment) {
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
pub(super) async fn arm(e2e: &E2e, op: Operation, moment: Moment) -> Option<max_channel_devserver::FaultSpec> {
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
pub(super) async fn leave_in_flight(
    e2e: &E2e,
    page: Page,
    marker: Option<max_channel_devserver::FaultSpec>,
    case: &str,
) -> u64 {
    let Some(marker) = marker else { return u64::MAX };
    e2e.wait_for_path(page.path()).await;
    waits::arrived(e2e, &marker, case).await;
    leave_now(e2e).await
}

/// How many calls have reached the back end so far.
pub(super) fn arrivals(e2e: &E2e) -> u64 {
    e2e.server().state.controls().arrivals()
}

/// Leaves the page now; returns the calls that arrived before.
pub(super) async fn leave_now(e2e: &E2e) -> u64 {
    let before = arrivals(e2e);
    e2e.js("window.__chaosLeave(); return 0;").await;
    before
}
