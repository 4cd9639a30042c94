//! A browser session lost under a test (its page's process crashed or hung, or its driver is
//! gone): how a Page command tells it from a failed one, and the report the test fails with
//! (docs/browsers.md, «A crashed web process»).

use std::sync::{Arc, Mutex, Once, Weak};
use std::time::{Duration, Instant};

use fantoccini::error::{CmdError, ErrorStatus};

use super::driver_log::DriverLog;
use super::engine::{Driver, Engine};
use super::{ConsoleLog, Page};

/// Whether a WebDriver command's error means the session is gone with its browser: the
/// page's process crashed or hung (WebKitWebDriver: `invalid session id` «session deleted
/// because of page crash or hang»; chromedriver: a bare `"tab crashed"`), or the driver itself no
/// longer answers (connection refused or lost); geckodriver: `no such window` («Browsing
/// context has been discarded»). Nothing more can be asked of that session.
pub fn is_session_lost(error: &CmdError) -> bool {
    match error {
        CmdError::Standard(w) => {
            w.error == ErrorStatus::InvalidSessionId
                || ["crash", "not reachable", "not connected to DevTools"].iter().any(|word| w.message.contains(word))
                // geckodriver, once Firefox's tab process is gone (no test closes its window).
                || w.error == ErrorStatus::NoSuchWindow
        }
        // chromedriver's answer to a command when the renderer died: a bare "tab crashed".
        CmdError::NotW3C(answer) => answer.to_string().contains("crash"),
        CmdError::Failed(_) | CmdError::FailedC(_) | CmdError::Lost(_) => true,
        _ => false,
    }
}

/// Watches one browser session for its end under the test: a WebDriver error that means the
/// page's process crashed or hung, or that the driver is gone ([`is_session_lost`]). Then the
/// test fails saying so — the engine, the test, the moment, what the driver's log and the
/// kernel said, the page's last console lines — instead of «no element», and every later
/// command of that page fails at once without asking the dead session again.
pub(super) struct Watch {
    engine: Engine,
    /// The test's name, as libtest names its thread.
    test: String,
    started: Instant,
    driver: DriverLog,
    console: ConsoleLog,
    /// The session, asked whether it still answers after an error that does not say.
    browser: fantoccini::Client,
    /// The dev back end the page talks to: the requests it has not answered yet.
    server: Option<max_channel_devserver::Shared>,
    /// The report, once the session was found lost.
    lost: Mutex<Option<String>>,
}

/// How long a session may take to say whether it is still there ([`Watch::is_lost`]): far
/// more than any live session needs for its window handle, even under load.
const ASK_LIMIT: Duration = Duration::from_secs(20);

/// The sessions alive, for the panic hook that notices a lost session behind a test's own
/// WebDriver call (`e2e.browser…unwrap()`).
static WATCHES: Mutex<Vec<Weak<Watch>>> = Mutex::new(Vec::new());

impl Watch {
    pub(super) fn new(
        engine: Engine,
        driver: &Driver,
        console: ConsoleLog,
        browser: fantoccini::Client,
        server: Option<max_channel_devserver::Shared>,
    ) -> Arc<Watch> {
        let watch = Arc::new(Watch {
            engine,
            test: std::thread::current().name().unwrap_or("?").to_owned(),
            started: Instant::now(),
            driver: driver.log().clone(),
            console,
            browser,
            server,
            lost: Mutex::new(None),
        });
        let mut watches = WATCHES.lock().unwrap_or_else(|e| e.into_inner());
        watches.retain(|w| w.strong_count() > 0);
        watches.push(Arc::downgrade(&watch));
        static HOOK: Once = Once::new();
        HOOK.call_once(install_panic_hook);
        watch
    }

    /// The report, if the session was lost.
    pub(super) fn report(&self) -> Option<String> {
        self.lost.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Fails at once if the session was lost earlier: it is never asked again.
    pub(super) fn refuse(&self, moment: &dyn Fn() -> String) {
        if self.report().is_some() {
            panic!(
                "{} in {}: not {}: this session was lost earlier (the report above) and is not used again",
                self.engine.name(),
                self.test,
                moment()
            );
        }
    }

    /// Fails the test for `error`: with the crash report if it means the session is lost.
    pub(super) async fn fail(&self, moment: &str, error: CmdError) -> ! {
        self.lost_if(moment, &error).await;
        panic!("{moment}: {} (the session still answers)", said(&error));
    }

    /// Fails the test for a navigation's `error`. A navigation that timed out
    /// ([`PAGE_LOAD_LIMIT`](super::engine::PAGE_LOAD_LIMIT)) and a page that then answers no
    /// script within [`ASK_LIMIT`] mean a hung page process: every later command waits for
    /// that load (WebKitWebDriver waits for a pending navigation before a script or a find),
    /// so the session is lost. Seen in WebKitGTK under load (docs/browsers.md).
    pub(super) async fn fail_navigation(&self, moment: &str, error: CmdError) -> ! {
        let timed_out = matches!(&error, CmdError::Standard(w) if w.error == ErrorStatus::Timeout);
        if timed_out && !self.page_answers().await {
            let said = format!(
                "{}; then the page answered no script within {} s: it never finished loading",
                said(&error),
                ASK_LIMIT.as_secs()
            );
            panic!("{}", self.lose(moment, &said));
        }
        self.fail(moment, error).await
    }

    /// Whether the page runs a script at all within [`ASK_LIMIT`].
    async fn page_answers(&self) -> bool {
        let asked = self.browser.execute("return document.readyState;", Vec::new());
        matches!(tokio::time::timeout(ASK_LIMIT, asked).await, Ok(Ok(_)))
    }

    /// Fails the test with the crash report if `error` means the session is lost; else
    /// returns, for the caller's own message (or patience).
    pub(super) async fn lost_if(&self, moment: &str, error: &CmdError) {
        if self.is_lost(error).await {
            panic!("{}", self.lose(moment, &said(error)));
        }
    }

    /// Whether `error` means the session is lost: it says so ([`is_session_lost`]), or it is
    /// an «unknown error» and then the browser tells of a crash within a second or the
    /// session no longer answers. WebKitWebDriver answers a command in flight when the web
    /// process ends with an empty «unknown error»: a moment before MiniBrowser logs
    /// `WebProcess CRASHED` when it crashed, and with no line at all when WebKit ended it
    /// (seen in CI on 2026-12-05: «opening …: webdriver returned error: » and nothing more).
    async fn is_lost(&self, error: &CmdError) -> bool {
        if is_session_lost(error) {
            return true;
        }
        if !matches!(error, CmdError::Standard(w) if w.error == ErrorStatus::UnknownError) {
            return false;
        }
        super::waits::until(Duration::from_secs(1), || async { self.driver.tells_of_crash() }).await
            || self.stopped_answering().await
    }

    /// Asks the session the cheapest question there is (its window handle). A lost session
    /// answers that it is gone; a hung one does not answer within [`ASK_LIMIT`].
    async fn stopped_answering(&self) -> bool {
        match tokio::time::timeout(ASK_LIMIT, self.browser.window()).await {
            Err(_) => true,
            Ok(Err(e)) => is_session_lost(&e),
            Ok(Ok(_)) => false,
        }
    }

    /// Records the session as lost (once) and returns the report.
    fn lose(&self, moment: &str, said: &str) -> String {
        let mut lost = self.lost.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(report) = &*lost {
            return report.clone();
        }
        let report = self.compose(moment, said);
        *lost = Some(report.clone());
        report
    }

    fn compose(&self, moment: &str, said: &str) -> String {
        let quote = |lines: Vec<String>| -> String {
            if lines.is_empty() {
                "    (nothing)\n".to_owned()
            } else {
                lines.iter().map(|l| format!("    | {l}\n")).collect()
            }
        };
        let kept = self.driver.keep();
        let kernel = self.driver.kernel();
        let kernel = if kernel.is_empty() && std::process::Command::new("dmesg").output().is_ok() {
            "    (nothing about a browser process or memory since the driver started)\n".to_owned()
        } else {
            quote(kernel)
        };
        let what = match (self.engine, self.driver.tells_of_crash(), self.driver.page_processes().is_empty()) {
            (Engine::WebKit, true, _) => {
                "MiniBrowser logged `WebProcess CRASHED`: WebKitGTK's web process ended abnormally (a signal: \
                 a crash, or the kernel's OOM killer, which the kernel's lines name)"
            }
            (Engine::WebKit, false, true) => {
                "WebKitGTK's web process is gone and MiniBrowser logged no crash: WebKit ended it (its memory \
                 limit, or on request)"
            }
            (Engine::WebKit, false, false) => {
                "WebKitGTK's web process still runs: it hung, or WebKitWebDriver lost MiniBrowser"
            }
            (Engine::Chromium, ..) => "Chromium's page (its renderer process) crashed or hung, or the browser ended",
            (Engine::Firefox, ..) => "Firefox's tab (its content process) crashed or hung, or the browser ended",
        };
        format!(
            "BROWSER SESSION LOST: {engine} in {test}, {secs:.1} s into the test, while {moment}.\n\
             The driver said: {said}\n\
             That is: {what}. An engine's process ended; no element is missing, and this session \
             is not used again (docs/browsers.md, «A crashed web process»).\n\
             \x20 the driver and its browser now: {processes}\n\
             \x20 the page's processes: {cpu}\n\
             \x20 the dev back end's requests not answered yet: {open}\n\
             \x20 the kernel said:\n{kernel}\
             \x20 the driver's log, last lines (all of it: {kept}):\n{log}\
             \x20 the page's console, last lines:\n{console}",
            engine = self.engine.name(),
            test = self.test,
            secs = self.started.elapsed().as_secs_f64(),
            processes = self.driver.processes(),
            cpu = self.driver.page_cpu(),
            open = self.open_requests(),
            kept = kept.display(),
            log = quote(self.driver.tail(15)),
            console = quote(self.console.last(10)),
        )
    }
}

impl Watch {
    /// The dev back end's open requests: none means the browser waits for itself.
    fn open_requests(&self) -> String {
        let Some(server) = &self.server else { return "(no dev back end)".into() };
        let open = server.open_requests().describe();
        if open.is_empty() {
            "none".into()
        } else {
            open.join("; ")
        }
    }
}

/// What a driver's error says, in its own words.
fn said(error: &CmdError) -> String {
    match error {
        CmdError::Standard(w) if w.message.is_empty() => format!("{} (no message)", w.error()),
        CmdError::Standard(w) => format!("{}: {}", w.error(), w.message),
        other => other.to_string(),
    }
}

/// After the usual report of a panic: when its message is a lost session's (a test's own
/// WebDriver call that unwrapped it), prints the crash report of the sessions alive.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        const LOST: [&str; 6] = [
            "page crash",
            "InvalidSessionId",
            "invalid session id",
            "tab crashed",
            "connection lost",
            "could not be reached",
        ];
        if message.starts_with("BROWSER SESSION LOST") || !LOST.iter().any(|s| message.contains(s)) {
            return;
        }
        let watches: Vec<Arc<Watch>> =
            WATCHES.lock().unwrap_or_else(|e| e.into_inner()).iter().filter_map(Weak::upgrade).collect();
        for watch in watches.iter().filter(|w| w.report().is_none()) {
            eprintln!("{}", watch.lose("a WebDriver command of the test's own (the panic above)", message));
        }
    }));
}

impl Page {
    /// Kills the browser's page processes as a crash would (the harness's own test);
    /// returns how many there were.
    pub fn kill_page_processes(&self) -> usize {
        self.watch.driver.kill_page_processes().len()
    }

    /// Stops the browser's page processes as a hang would (the harness's own test); returns
    /// how many there were.
    pub fn stop_page_processes(&self) -> usize {
        self.watch.driver.stop_page_processes().len()
    }

    /// Sets how long a navigation may take in this session (the harness's own test).
    pub async fn limit_page_loads(&self, limit: std::time::Duration) {
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(
            Some(super::engine::SCRIPT_LIMIT),
            Some(limit),
            Some(std::time::Duration::ZERO),
        );
        self.browser.update_timeouts(timeouts).await.expect("the session's time-outs");
    }

    /// Fails as a command of this page that met `error` would (the harness's own test).
    pub async fn fail_as_if(&self, moment: &str, error: CmdError) {
        self.watch.fail(moment, error).await
    }
}

impl ConsoleLog {
    /// The last `n` messages of the session.
    fn last(&self, n: usize) -> Vec<String> {
        let _ = self.read(Vec::new());
        let console = self.lock();
        console.seen[console.seen.len().saturating_sub(n)..].iter().map(|m| m.chars().take(300).collect()).collect()
    }
}
