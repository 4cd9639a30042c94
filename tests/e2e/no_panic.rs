//! No panic, ever: leaving a page while its async work is pending or in flight never
//! touches what was disposed with the page. The browser console is the oracle (every
//! `E2e::finish` fails on a panic, a wasm trap, an uncaught error or a CSP violation); these
//! tests also ask it directly, at the moment it matters.

use max_channel_contract::Operation;

use crate::support::controls::*;
use crate::support::{eventually, is_console_problem, waits, E2e, PATIENCE};

/// Open the settings of a channel that is not connected and choose «Сотрудник».
async fn employee_picker(e2e: &E2e) {
    e2e.open("/channels").await;
    e2e.click("a.tile[data-kind=max]").await;
    e2e.click("a.button--primary[href$='/channels/max/settings']").await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;
    e2e.click("label:has(#routing-employee)").await;
}

/// The app still answers after the ordeal: a search in the picker shows people.
async fn still_usable(e2e: &E2e) {
    e2e.latency(0);
    employee_picker(e2e).await;
    e2e.type_into(&control(FieldPath::RoutingEmployee), "Кузн").await;
    e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецов").await;
}

/// The sequence a new user tried (issue 13): type «Цв», leave for «О канале» before the
/// debounced search fires, wait, go on to «Группы каналов». It panicked every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_while_the_search_is_debounced_is_quiet() {
    let e2e = E2e::start().await;
    employee_picker(&e2e).await;
    e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("Цв").await.unwrap();
    e2e.click(".back-link").await; // «О канале», within the 250 ms debounce
    e2e.wait_for_text("h1", "О канале").await;
    // Twice the debounce on the page's own clock: the typed search's timer was due by now.
    waits::page_clock(&e2e, 500).await;
    e2e.assert_console_clean("after the debounce was due").await;
    e2e.click(".back-link").await; // «Группы каналов»
    e2e.wait_for_text("h1", "Группы каналов").await;
    // Whatever went out (focusing the field lists the first employees at once; the typed
    // «Цв» waits 250 ms) was answered or aborted with its page — never an error.
    let searches = e2e.requests_of("listEmployees");
    assert!(searches.iter().all(|r| r.status == 200 || r.status == 499), "{searches:?}");
    still_usable(&e2e).await;
    e2e.finish().await;
}

/// The same, with the search already sent and slow: leaving aborts it, and its answer
/// never lands on the page that replaced the picker.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_while_the_search_is_in_flight_aborts_it_quietly() {
    let e2e = E2e::start().await;
    employee_picker(&e2e).await;
    e2e.latency(3_000);
    // Focusing lists everyone at once; the typed «Цв» goes after the 250 ms debounce: both
    // reach the back end, their answers 3 s off.
    let focus = waits::trace_arrival(&e2e, Operation::ListEmployees);
    let typed = waits::trace_arrival(&e2e, Operation::ListEmployees);
    e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("Цв").await.unwrap();
    waits::arrived(&e2e, &focus, "focusing the picker").await;
    waits::arrived(&e2e, &typed, "the typed search").await;
    assert!(e2e.requests_of("listEmployees").is_empty(), "still in flight");
    e2e.click(".back-link").await;
    e2e.wait_for_text("h1", "О канале").await;
    // The back end ends a call when its client gives up: both end as aborted (499) long
    // before their answers were due — had they not been aborted, they would end with 200.
    eventually(PATIENCE, "the two searches never ended", || async { e2e.requests_of("listEmployees").len() >= 2 })
        .await;
    e2e.assert_console_clean("after the searches ended").await;
    let searches = e2e.requests_of("listEmployees");
    assert!(searches.iter().any(|r| r.query.as_deref().is_some_and(|q| q.contains("query="))), "{searches:?}");
    assert!(searches.iter().all(|r| r.status == 499), "every search was aborted with its page: {searches:?}");
    still_usable(&e2e).await;
    e2e.finish().await;
}

/// The oracle itself: the messages it must catch, and those it must let pass.
#[test]
fn the_console_oracle_knows_a_panic_from_a_failed_request() {
    for bad in [
        "SEVERE: http://127.0.0.1/x_bg.wasm 0:1 panicked at reactive_graph/src/traits.rs:767:45:",
        "SEVERE: RuntimeError: unreachable",
        "SEVERE: Uncaught (in promise) TypeError: x is undefined",
        "SEVERE: Refused to load the script because it violates the following Content Security Policy directive",
    ] {
        assert!(is_console_problem(bad), "{bad}");
    }
    for fine in [
        "SEVERE: http://127.0.0.1/api/v1/channels/max - Failed to load resource: the server responded with a status of 500",
        "WARNING: max-channel: unexpected answer of getMaxChannel: HTTP 502",
    ] {
        assert!(!is_console_problem(fine), "{fine}");
    }
}

/// The oracle itself hears the page in every engine: a panic's message, an uncaught
/// exception, an unhandled rejection and a CSP violation each reach the console the
/// harness reads, also across a reload. (It then lets them go, so this test can finish.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_oracle_hears_every_kind_of_problem() {
    let e2e = E2e::start().await;
    e2e.open("/channels").await;
    e2e.wait_for_text("h1", "Группы каналов").await;
    let _ = e2e.console_problems().await; // whatever came before is not this test's
    e2e.js("console.error('panicked at src/oracle.rs:1:1'); return true;").await;
    // WebDriver's scripts run apart from the page in Firefox, so what they throw is not the
    // page's: the page itself must throw. A classic <script> of the app's own ES module
    // glue is a real SyntaxError of a page script, and a page-made promise left rejected.
    e2e.js("const glue = performance.getEntriesByType('resource').map(e => e.name).find(n => /max-channel-admin-[0-9a-f]+\\.js$/.test(n)); \
            const s = document.createElement('script'); s.src = glue; document.body.append(s); return glue;").await;
    e2e.js("window.Promise.reject(new window.Error('oracle-rejected')); return true;").await;
    // An inline script the page's CSP refuses (no nonce).
    e2e.js("const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); return true;")
        .await;
    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text("h1", "Группы каналов").await;
    let heard = |messages: &[String], what: &str| messages.iter().any(|m| m.contains(what) && is_console_problem(m));
    let problems = std::cell::RefCell::new(Vec::new());
    waits::until(PATIENCE, || async {
        let heard_now = e2e.console_problems().await;
        let all = ["panicked at src/oracle.rs", "SyntaxError", "oracle-rejected", "Content Security Policy"]
            .iter()
            .all(|what| heard(&heard_now, what));
        *problems.borrow_mut() = heard_now;
        all
    })
    .await;
    let problems = problems.into_inner();
    for what in ["panicked at src/oracle.rs", "SyntaxError", "oracle-rejected", "Content Security Policy"] {
        assert!(
            heard(&problems, what),
            "{} never heard «{what}»; it heard:\n{}",
            e2e.engine().name(),
            problems.join("\n")
        );
    }
    e2e.forgive_console_and_csp().await;
    e2e.finish().await;
}
