//! The harness's own tests: what a test says when the browser's page process dies under it
//! (docs/browsers.md, «A crashed web process»).

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use futures::FutureExt;

use crate::support::{E2e, Engine};

/// A panic's message, from a future expected to panic.
async fn failure_of(future: impl std::future::Future<Output = ()>) -> String {
    let payload = AssertUnwindSafe(future).catch_unwind().await.expect_err("it fails");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crashed_page_process_is_named_not_a_missing_element() {
    let e2e = E2e::start().await;
    let engine = e2e.engine();
    e2e.open("/").await;
    e2e.find("main").await;
    assert!(e2e.kill_page_processes() > 0, "no page process of the browser found");

    let report = failure_of(async {
        // As a test does: a few tries while the page comes and goes.
        for _ in 0..50 {
            e2e.find("main").await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    let test = "harness::a_crashed_page_process_is_named_not_a_missing_element";
    let first = format!("BROWSER SESSION LOST: {} in {test}, ", engine.name());
    assert!(report.starts_with(&first), "{report}");
    assert!(report.contains("while finding main."), "{report}");
    assert!(!report.contains("no element main"), "{report}");
    if engine == Engine::WebKit {
        assert!(report.contains("WebProcess CRASHED"), "MiniBrowser's own word, from the driver's log:\n{report}");
    }

    // The session is not asked again: the next command fails at once, saying why.
    let started = Instant::now();
    let again = failure_of(e2e.click("main")).await;
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    assert!(again.contains("not finding main: this session was lost earlier"), "{again}");

    // And the test fails with the report at its end, whatever it caught on the way.
    let end = failure_of(e2e.finish()).await;
    assert_eq!(end, report);
}

#[test]
fn each_drivers_word_for_a_lost_session_is_known() {
    use crate::support::lost::is_session_lost;
    use fantoccini::error::{CmdError, ErrorStatus, WebDriver};
    let said = |status, message: &'static str| CmdError::Standard(WebDriver::new(status, message));
    let lost = [
        // WebKitWebDriver, the CI run's words.
        said(ErrorStatus::InvalidSessionId, "session deleted because of page crash or hang."),
        said(ErrorStatus::InvalidSessionId, ""),
        // chromedriver: not even W3C.
        CmdError::NotW3C(serde_json::json!("tab crashed")),
        said(ErrorStatus::UnknownError, "session deleted because of page crash\nfrom tab crashed"),
        // geckodriver.
        said(ErrorStatus::NoSuchWindow, "Browsing context has been discarded"),
        // The driver itself gone.
        CmdError::Lost(std::io::Error::from(std::io::ErrorKind::ConnectionReset)),
    ];
    for error in &lost {
        assert!(is_session_lost(error), "{error:?}");
    }
    let alive = [
        said(ErrorStatus::NoSuchElement, "no such element"),
        said(ErrorStatus::StaleElementReference, "stale element reference"),
        said(ErrorStatus::JavascriptError, "the value changed"),
        CmdError::WaitTimeout,
    ];
    for error in &alive {
        assert!(!is_session_lost(error), "{error:?}");
    }
}

/// WebKitWebDriver answers a command with an empty «unknown error» when the browser's
/// automation connection closes (docs/browsers.md). The harness then asks the session, and a
/// session that answers is not called lost: the test fails as an ordinary failure, saying so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_that_does_not_say_is_not_called_a_lost_session_while_the_session_answers() {
    use fantoccini::error::{CmdError, ErrorStatus, WebDriver};
    let e2e = E2e::start().await;
    e2e.open("/").await;
    e2e.find("main").await;
    let silent = CmdError::Standard(WebDriver::new(ErrorStatus::UnknownError, ""));
    let failure = failure_of(e2e.fail_as_if("opening /", silent)).await;
    assert_eq!(failure, "opening /: unknown error (no message) (the session still answers)");
    // Still the same session, and still used.
    e2e.find("main").await;
    e2e.finish().await;
}

/// A page process that hangs during a navigation (WebKitGTK under load, docs/browsers.md):
/// the navigation times out, the page then answers no script, and the test fails saying the
/// session was lost and whether the page's process was busy or idle — not a bare «timeout».
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_page_process_is_named_when_a_navigation_never_ends() {
    let e2e = E2e::start().await;
    let engine = e2e.engine();
    e2e.open("/").await;
    e2e.find("main").await;
    e2e.limit_page_loads(Duration::from_secs(3)).await;
    assert!(e2e.stop_page_processes() > 0, "no page process of the browser found");

    let report = failure_of(e2e.open("/channels")).await;
    // Ended as a crash would, so that closing the session does not wait for them.
    e2e.kill_page_processes();
    let test = "harness::a_hung_page_process_is_named_when_a_navigation_never_ends";
    let first = format!("BROWSER SESSION LOST: {} in {test}, ", engine.name());
    assert!(report.starts_with(&first), "{report}");
    assert!(report.contains("while opening http://127.0.0.1:"), "{report}");
    assert!(report.contains("it never finished loading"), "{report}");
    assert!(report.contains("s of CPU in 1 s (idle)"), "a stopped process uses no CPU:\n{report}");
    // The page's process never asked: the back end has nothing open.
    assert!(report.contains("the dev back end's requests not answered yet: none\n"), "{report}");

    let end = failure_of(e2e.finish()).await;
    assert_eq!(end, report);
}

/// Two buttons: one that stands still, and one that jumps 200 px down as it is pressed the
/// first time (a part arriving above it), so the press and the release land on different
/// elements and the click goes to their common parent, or nowhere — never to the button.
const STEADY_AND_DODGING: &str = "const main = document.querySelector('main') || document.body; \
    const make = id => { const b = document.createElement('button'); b.type = 'button'; b.id = id; \
    b.textContent = id; main.append(b); return b; }; \
    window.__clicks = {steady: 0, dodging: 0, presses: 0}; \
    make('e2e-steady').addEventListener('click', () => window.__clicks.steady++); \
    const spacer = document.createElement('div'); const dodging = make('e2e-dodging'); dodging.before(spacer); \
    dodging.addEventListener('click', () => window.__clicks.dodging++); \
    dodging.addEventListener('pointerdown', () => { if (window.__clicks.presses++ === 0) spacer.style.height = '200px'; });";

/// Decision 82: the page says where each click landed; one that missed is made again, one
/// that hit never is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_click_that_lands_beside_its_element_is_made_again_and_one_that_hits_never() {
    let e2e = E2e::start().await;
    e2e.open("/no/such/page").await;
    e2e.wait_for_text("h1", "Страница не найдена").await;
    e2e.js(STEADY_AND_DODGING).await;
    e2e.click("#e2e-steady").await;
    e2e.click("#e2e-dodging").await;
    let clicks = e2e.js("return window.__clicks").await;
    // The steady button once; the dodging one pressed twice, clicked once: by the repeat.
    assert_eq!(clicks, serde_json::json!({"steady": 1, "dodging": 1, "presses": 2}), "{}", e2e.engine().name());
    e2e.finish().await;
}
