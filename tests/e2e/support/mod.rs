//! End-to-end harness: the dev back end (in this process) serving the release build, and
//! a browser driven over WebDriver (fantoccini): Chromium, Firefox or WebKitGTK, as
//! `MAX_E2E_BROWSER` says ([`engine`]).
//!
//! `cargo xtask test` builds `dist/` first and points `MAX_E2E_DIST` at it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use max_channel_devserver::{Config, Server};

pub mod a11y;
mod console;
pub mod controls;
pub use console::is_console_problem;
mod driver_log;
pub mod engine;
pub use engine::{gap, Engine};
use engine::{Driver, Motion, Scripts};
pub mod lost;
mod options;
pub use options::Options;
mod page;
pub mod scratch;
pub use page::Page;
pub mod sizes;
pub mod waits;
mod wasm_fault;
mod window;

pub const CSRF: &str = "e2e-csrf-token";

/// One browser at a time per run: two cores do not run several browsers of one engine
/// well beside the other engines' runs. An async mutex: a test holds it across its awaits
/// for its whole life.
static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// For a test with no browser that still takes much of the machine (compressing both
/// bundles): waits its turn like a browser test and holds it while it lives, so that it
/// never skews a browser test's timing. From a plain `#[test]`, not an async one.
pub fn take_turn() -> tokio::sync::MutexGuard<'static, ()> {
    BROWSER.blocking_lock()
}

/// The built app: `MAX_E2E_DIST`, else `dist/` of the workspace. It is the preview build,
/// built for `/preview/`: the harness serves it at the root (or the base) for the tests and
/// at `/preview/` too, where its page names its files.
pub fn dist() -> PathBuf {
    built_bundle("MAX_E2E_DIST", "dist", "no built app")
}

/// The production bundle (no preview mode) that `cargo xtask build` writes beside `dist/`.
pub fn production_dist() -> PathBuf {
    built_bundle("MAX_PRODUCTION_DIST", "dist-production", "no production build")
}

/// The production bundle built for `/dialogs/` (`cargo xtask build --public-url /dialogs/`;
/// `cargo xtask test` writes it to `dist-dialogs/`).
pub fn dialogs_dist() -> PathBuf {
    built_bundle("MAX_DIALOGS_DIST", "dist-dialogs", "no production build for /dialogs/")
}

/// A bundle `cargo xtask build` wrote: where `variable` says, else `folder` of the workspace.
fn built_bundle(variable: &str, folder: &str, missing: &str) -> PathBuf {
    let dir = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(folder));
    assert!(
        dir.join("index.html").is_file(),
        "{missing} at {}: run `cargo xtask test` (it builds both release bundles first)",
        dir.display()
    );
    dir
}

/// Waits (up to `within`) until `check` holds; panics with `what` otherwise.
pub async fn eventually<F, Fut>(within: Duration, what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    assert!(waits::until(within, check).await, "{what}");
}

/// The usual patience of the end-to-end tests.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A browser's profile: inside its driver's scratch directory, so that it goes with the
/// driver even when a test fails before [`E2e::finish`].
fn profile_dir(driver: &Driver) -> PathBuf {
    driver.scratch().join("profile")
}

/// A running app with a browser looking at it.
pub struct E2e {
    server: Option<Server>,
    config: Config,
    page: Page,
    _driver: Driver,
    _lock: tokio::sync::MutexGuard<'static, ()>,
    /// When this test got its turn at the browser (for `target/e2e/<engine>-times.tsv`).
    started: Instant,
    /// CSP violations a stopped back end had collected.
    earlier_violations: Vec<max_channel_devserver::CspReport>,
    prompts: &'static str,
    /// Every console message read so far (reading the log empties it), so that
    /// [`E2e::finish`] judges the whole session even when a test read some itself.
    console: ConsoleLog,
    /// Quotes the console if the test fails before `finish`.
    on_failure: wasm_fault::ConsoleOnFailure,
}

/// The page's console as the back end hears it (`max_channel_devserver::console`), and
/// every message read from it so far: shared by a test's [`E2e`] and its pages, whose crash
/// report quotes the last lines.
#[derive(Clone, Default)]
pub(crate) struct ConsoleLog(Arc<Mutex<ConsoleSeen>>);

#[derive(Default)]
struct ConsoleSeen {
    seen: Vec<String>,
    /// The running back end's state, which collects what the page sends.
    server: Option<max_channel_devserver::Shared>,
}

impl ConsoleLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, ConsoleSeen> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Hears the page through this back end from now on (none: it stopped).
    fn listen_to(&self, server: Option<&Server>) {
        let _ = self.read(Vec::new());
        self.lock().server = server.map(|s| s.state.clone());
    }

    /// Every problem the console showed so far ([`is_console_problem`]), reading the back end
    /// first.
    fn problems(&self) -> Vec<String> {
        let _ = self.read(Vec::new());
        self.lock().seen.iter().filter(|m| is_console_problem(m)).cloned().collect()
    }

    /// `first`, then what the page sent since the last read: kept, and returned.
    fn read(&self, first: Vec<String>) -> Vec<String> {
        let mut console = self.lock();
        let mut messages = first;
        if let Some(server) = &console.server {
            messages.extend(server.console().take());
        }
        console.seen.extend(messages.iter().cloned());
        messages
    }
}

impl E2e {
    pub async fn start() -> E2e {
        E2e::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> E2e {
        let lock = BROWSER.lock().await;
        let server = Server::start(options.server_config(0)).await.expect("dev back end starts");
        let config = options.server_config(server.addr.port());
        let engine = engine::current();
        let driver = Driver::start(engine, Motion::Normal);
        let browser =
            driver.open_session(engine, &profile_dir(&driver), options.prompts, Motion::Normal, options.scripts).await;
        let console = ConsoleLog::default();
        console.listen_to(Some(&server));
        let page = Page {
            browser: browser.clone(),
            engine,
            origin: format!("http://127.0.0.1:{}", config.port),
            base: options.base_path.trim_end_matches('/').to_owned(),
            watch: lost::Watch::new(engine, &driver, console.clone(), browser.clone(), Some(server.state.clone())),
            _driver: None,
        };
        E2e {
            server: Some(server),
            config,
            page,
            _driver: driver,
            _lock: lock,
            started: Instant::now(),
            earlier_violations: Vec::new(),
            prompts: options.prompts,
            on_failure: wasm_fault::ConsoleOnFailure { engine, console: console.clone(), armed: true },
            console,
        }
    }

    /// A second, independent browser (another user) on the same app; close it when done.
    pub async fn second_browser(&self) -> Page {
        self.another_browser(Motion::Normal).await
    }

    /// A second browser whose person prefers reduced motion; close it when done.
    pub async fn still_browser(&self) -> Page {
        let page = self.another_browser(Motion::Reduced).await;
        page.prefer_reduced_motion().await;
        page
    }

    async fn another_browser(&self, motion: Motion) -> Page {
        // A driver of its own: geckodriver and WebKitWebDriver hold one session each.
        let driver = Driver::start(self.engine, motion);
        let browser =
            driver.open_session(self.engine, &profile_dir(&driver), self.prompts, motion, Scripts::Compiled).await;
        Page {
            browser: browser.clone(),
            engine: self.engine,
            origin: self.origin.clone(),
            base: self.base.clone(),
            watch: lost::Watch::new(
                self.engine,
                &driver,
                self.console.clone(),
                browser,
                self.server.as_ref().map(|server| server.state.clone()),
            ),
            _driver: Some(driver),
        }
    }

    /// The running dev back end.
    pub fn server(&self) -> &Server {
        self.server.as_ref().expect("the back end is stopped")
    }

    /// Whether the back end is running (see [`E2e::stop_server`]).
    pub fn is_running(&self) -> bool {
        self.server.is_some()
    }

    /// Stops the back end, as if it crashed mid-session.
    pub async fn stop_server(&mut self) {
        if let Some(server) = self.server.take() {
            // The violations and console messages it collected still count at `finish`.
            self.earlier_violations.extend(server.state.controls().csp_reports());
            self.console.listen_to(None);
            server.stop().await;
        }
    }

    /// Starts it again on the same port (fresh state, unless `Options::state_file` keeps it).
    pub async fn restart_server(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match Server::start(self.config.clone()).await {
                Ok(server) => {
                    self.console.listen_to(Some(&server));
                    self.server = Some(server);
                    return;
                }
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("the back end does not start again: {e}"),
            }
        }
    }

    /// Saved settings in the back end (persisted), with a connected channel when `token` is
    /// given: the state a test starts from.
    pub fn save_settings(&self, settings: max_channel_contract::Settings, token: Option<&str>) {
        let state = &self.server().state;
        let mut fake = state.fake();
        let bot = max_channel_contract::BotInfo {
            user_id: 7,
            first_name: "Бот".into(),
            username: Some("shop_bot".into()),
            avatar_url: None,
        };
        fake.store_directly(settings, token.map(|t| (t.to_owned(), bot)));
        state.persist(&fake).unwrap();
    }

    /// Delays every API answer by `ms` (0: none).
    pub fn latency(&self, ms: u64) {
        self.server().state.controls().latency = Duration::from_millis(ms);
    }

    /// From now on every call of `op` waits at the back end until [`Self::release_held`].
    pub fn hold_calls(&self, op: max_channel_contract::Operation) {
        self.server().state.controls().hold_new_calls(op);
    }

    /// Calls from now on pass; those held keep waiting for [`Self::release_held`].
    pub fn stop_holding_calls(&self) {
        self.server().state.controls().stop_holding_new_calls();
    }

    /// Lets every held call go on.
    pub fn release_held(&self) {
        self.server().state.controls().release_held();
    }

    /// The calls of one operation that reached the back end, oldest first.
    pub fn requests_of(&self, operation: &str) -> Vec<max_channel_devserver::LoggedRequest> {
        let mut log = self.server().state.controls().requests();
        log.retain(|r| r.operation.as_deref() == Some(operation));
        log
    }

    /// Lets go of every console problem and CSP violation so far, for a test that caused
    /// them on purpose (the oracle's own test): waits for the late reports first.
    pub async fn forgive_console_and_csp(&self) {
        tokio::time::sleep(CSP_REPORT_GRACE).await;
        let _ = self.console_messages().await;
        self.console.lock().seen.clear();
        self.server().state.controls().clear_csp_reports();
    }

    /// Ends the test: fails it if the browser reported any Content-Security-Policy
    /// violation (the dev back end serves the app under its strict CSP with
    /// `report-uri /__dev/csp-reports`), then closes the browser and the back end.
    /// A session lost under the test (a crashed page process) fails it with its report,
    /// whatever the test made of the failures it caught.
    pub async fn finish(mut self) {
        self.on_failure.armed = false;
        record_time(self.engine, self.started.elapsed());
        if let Some(report) = self.page.watch.report() {
            if let Some(server) = self.server {
                server.stop().await;
            }
            panic!("{report}");
        }
        // Reports are sent asynchronously, a moment after the violation; wait for them
        // while the page is still open.
        tokio::time::sleep(CSP_REPORT_GRACE).await;
        let console = self.console_problems().await;
        let engine = self.engine;
        let mut violations = self.earlier_violations;
        if let Some(server) = &self.server {
            violations.extend(server.state.controls().csp_reports());
        }
        self.page.close().await;
        if let Some(server) = self.server {
            server.stop().await;
        }
        assert_no_csp_violations(&violations);
        assert!(console.is_empty(), "{}", wasm_fault::report(engine, "when the test ended", &console));
    }

    /// The console messages of the whole session so far that no app may ever log: a Rust
    /// panic, a wasm trap, an uncaught exception or promise rejection, a CSP violation.
    pub async fn console_problems(&self) -> Vec<String> {
        let _ = self.console_messages().await;
        self.console.problems()
    }

    /// Fails, naming `when`, if the console shows any of [`E2e::console_problems`] so far.
    pub async fn assert_console_clean(&self, when: &str) {
        let problems = self.console_problems().await;
        assert!(problems.is_empty(), "{}", wasm_fault::report(self.engine, when, &problems));
    }
}

impl std::ops::Deref for E2e {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.page
    }
}

/// A fault for the dev back end, from its JSON form (see `FaultSpec`).
pub fn fault(spec: serde_json::Value) -> max_channel_devserver::FaultSpec {
    serde_json::from_value(spec).expect("a fault spec")
}

impl E2e {
    /// Every console message since the last call, as `level: text`: what the page's
    /// capture script sent to the back end (every engine), and Chromium's own log.
    pub async fn console_messages(&self) -> Vec<String> {
        let browser = match self.page.watch.report() {
            None => engine::browser_log(self.engine, &self.browser).await,
            Some(_) => Vec::new(),
        };
        self.console.read(browser)
    }
}

/// Appends `test name, seconds` to `target/e2e/<engine>-times.tsv`: where a run's time goes,
/// per test and engine (reported, never asserted).
fn record_time(engine: Engine, took: Duration) {
    use std::io::Write as _;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
    let _ = std::fs::create_dir_all(&dir);
    let test = std::thread::current().name().unwrap_or("?").to_owned();
    let file =
        std::fs::OpenOptions::new().create(true).append(true).open(dir.join(format!("{}-times.tsv", engine.name())));
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{test}\t{:.1}", took.as_secs_f64());
    }
}

/// How long [`E2e::finish`] waits for late CSP violation reports.
pub const CSP_REPORT_GRACE: Duration = Duration::from_millis(400);

/// Panics listing the violations, if there are any.
pub fn assert_no_csp_violations(violations: &[max_channel_devserver::CspReport]) {
    if !violations.is_empty() {
        let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
        panic!(
            "{} Content-Security-Policy violation(s) reported by the browser:\n{}",
            violations.len(),
            list.join("\n")
        );
    }
}
