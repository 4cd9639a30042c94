//! Waits for what the page shows or the dev back end saw, never for a fixed time (issue
//! 32): a run under load is slow, not wrong. Where a test must show that something did
//! NOT happen, it waits for a later event that proves the moment has passed in the app's
//! own terms — the page's clock, its frames, its own next request, a call's arrival.

use std::time::{Duration, Instant};

use max_channel_contract::Operation;
use max_channel_devserver::FaultSpec;
use serde_json::json;

use super::{E2e, Page};

/// Polls `check` (every 50 ms) until it holds or `within` is over; whether it held. For a
/// wait whose failure wants words `eventually` cannot know in advance (what shows instead).
pub async fn until<F, Fut>(within: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    loop {
        if check().await {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the page's own clock has run `ms` from now: a `setTimeout` of the page's.
/// A browser runs a page's timers in the order they fall due (HTML: a timer waits for
/// every earlier one of the same page whose timeout is not longer), so when this returns,
/// every timer the app had set to fire within `ms` has fired — however slowly the machine
/// ran. What the test then finds not done, the app did not do when it was due.
pub async fn page_clock(page: &Page, ms: u64) {
    let script = "const done = arguments[arguments.length - 1]; setTimeout(() => done(true), arguments[0]);";
    page.browser
        .execute_async(script, vec![json!(ms)])
        .await
        .unwrap_or_else(|e| panic!("the page's clock never ran {ms} ms: {e}"));
}

/// Waits until the page has drawn one more frame (`requestAnimationFrame`).
pub async fn next_frame(page: &Page) {
    let script = "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => done(true));";
    page.browser.execute_async(script, vec![]).await.unwrap_or_else(|e| panic!("the page drew no frame: {e}"));
}

/// The page's own next request to the dev back end, answered: the browser hands a page's
/// requests on in the order it makes them, so a request the app had made before this one
/// has reached the back end too. A cheap one: the dev back end's request log.
pub async fn round_trip(page: &Page) {
    let script = "const done = arguments[arguments.length - 1]; \
        fetch(location.origin + '/__dev/requests', {cache: 'no-store'}).then(r => r.text()).then(() => done(true), e => done(String(e)));";
    let answer = page.browser.execute_async(script, vec![]).await.expect("the page's round trip");
    assert_eq!(answer, json!(true), "the page's own request to the dev back end failed");
}

/// A marker for the next call of `op`: a fault that changes nothing (the real handler
/// answers at once) and is used up the moment the call arrives, before any hold. With
/// [`arrived`], a test knows the call reached the back end without waiting for a time.
pub fn trace_arrival(e2e: &E2e, op: Operation) -> FaultSpec {
    let marker: FaultSpec = serde_json::from_value(json!({"operation": op.name(), "count": 1})).expect("a fault spec");
    e2e.server().state.controls().add_fault(marker.clone());
    marker
}

/// How long a page may take to make its call (see [`arrived`]).
const ARRIVAL_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// Waits until the call `marker` watches for has arrived at the back end.
pub async fn arrived(e2e: &E2e, marker: &FaultSpec, what: &str) {
    let message = format!("{what}: no {} call reached the back end", marker.operation);
    // A split route's call comes after its module is fetched and compiled: on a loaded
    // machine WebKitGTK took more than the usual 10 s for «История изменений» (loaded run 8).
    // A bound, not a wait: it ends as soon as the call arrives.
    super::eventually(ARRIVAL_PATIENCE, &message, || async {
        !e2e.server().state.controls().pending_faults().contains(marker)
    })
    .await;
}

/// Waits until nothing in the page says it is still loading (`aria-busy="true"`, as «Работа
/// канала» says while its module and its health come): the page a person sees whole, so
/// that no late card moves a control from under the next click (WebKitGTK under load
/// clicked «Группа» as the card grew, and the group's select never came).
pub async fn settled(page: &Page) {
    super::eventually(ARRIVAL_PATIENCE, "the page still says it is loading", || async {
        !page.is_present("main [aria-busy=true]").await
    })
    .await;
}
