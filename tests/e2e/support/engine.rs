//! The browser engine a run drives: Chromium (chromedriver), Firefox ESR (geckodriver) or
//! WebKitGTK (WebKitWebDriver). `MAX_E2E_BROWSER` chooses (`chromium` when unset);
//! `cargo xtask test` runs the one e2e binary once per engine, side by side. Everything
//! else in the harness is W3C WebDriver and the same for all three; what differs is here,
//! each place saying what it works around.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use super::driver_log::DriverLog;

/// The most a navigation may take before the driver answers `timeout` (every session).
pub const PAGE_LOAD_LIMIT: Duration = Duration::from_secs(60);

/// The most a script may take before the driver answers `timeout` (the standard's own).
pub const SCRIPT_LIMIT: Duration = Duration::from_secs(30);

/// The engines, as the xtask names them too.
pub use max_channel_kit::Engine;

/// The engine of this run, from `MAX_E2E_BROWSER` (`Engine::VARIABLE`).
pub fn current() -> Engine {
    let value = std::env::var(Engine::VARIABLE).ok();
    Engine::of_variable(value.as_deref()).unwrap_or_else(|wrong| panic!("{wrong}"))
}

/// What the harness needs of an engine: its driver and the session it asks for.
trait Drive {
    fn driver_binary(self) -> String;
    fn capabilities(self, profile: &Path, prompts: &str, motion: Motion, scripts: Scripts) -> Value;
}

impl Drive for Engine {
    /// The driver program: its variable, else where Debian or `cargo install` puts it.
    fn driver_binary(self) -> String {
        let (variable, default) = match self {
            Engine::Chromium => ("CHROMEDRIVER", "/usr/bin/chromedriver".to_owned()),
            Engine::Firefox => ("GECKODRIVER", cargo_bin("geckodriver")),
            Engine::WebKit => ("WEBKITWEBDRIVER", "/usr/bin/WebKitWebDriver".to_owned()),
        };
        std::env::var(variable).unwrap_or(default)
    }

    /// The session's capabilities: a headless browser (WebKitGTK has no headless mode and
    /// runs on the X display `xvfb-run` gives the run) with its own profile.
    fn capabilities(self, profile: &Path, prompts: &str, motion: Motion, scripts: Scripts) -> Value {
        let mut chromium_args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        if scripts == Scripts::Interpreted {
            // V8 without its compilers: the heap holds no code compiled as functions get hot.
            chromium_args.push("--js-flags=--no-opt --no-maglev --no-sparkplug".into());
        }
        let options = match self {
            Engine::Chromium => json!({
                // Every console message, for the tests that scan them (see `console_log`).
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                    "args": chromium_args,
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                    "args": ["-headless", "--width=1280", "--height=900"],
                    "prefs": {
                        // The clipboard test reads back what «Скопировать» wrote; Firefox
                        // otherwise asks the person with a «Вставить» popup first.
                        "dom.events.testing.asyncClipboard": true,
                        // Nothing may phone home from this closed network.
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        // Firefox's own switch for `prefers-reduced-motion` (no emulation command).
                        "ui.prefersReducedMotion": i32::from(motion == Motion::Reduced),
                    }
                }
            }),
            Engine::WebKit => json!({
                "webkitgtk:browserOptions": {
                    "binary": std::env::var("MINIBROWSER")
                        .unwrap_or_else(|_| "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into()),
                    "args": ["--automation"]
                }
            }),
        };
        let mut capabilities = options;
        // A dirty form asks before unload; reloading tests accept that prompt. Tests that
        // must see any dialog (XSS) choose "ignore": an open dialog then fails the next command.
        capabilities["unhandledPromptBehavior"] = json!(prompts);
        // A navigation that has not loaded in a minute never will (WebKitGTK's web process
        // hung under load): the standard's five minutes would only delay the report.
        capabilities["timeouts"] = json!({ "script": SCRIPT_LIMIT.as_millis() as u64, "pageLoad": PAGE_LOAD_LIMIT.as_millis() as u64, "implicit": 0 });
        capabilities
    }
}

/// Records what this engine's run cannot prove and why (a WebDriver gap, never the app's):
/// printed at once and appended to `target/e2e/<engine>-gaps.txt`, which `cargo xtask test`
/// prints by test name after the run. docs/browsers.md lists the gaps.
pub fn gap(what: &str) {
    use std::io::Write as _;
    let engine = current();
    let test = std::thread::current().name().unwrap_or("?").to_owned();
    println!("GAP in {}: {test}: {what}", engine.name());
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{}-gaps.txt", engine.name()));
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(file, "{test}: {what}");
    }
}

/// The person's motion preference a session starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Normal,
    /// `prefers-reduced-motion: reduce`.
    Reduced,
}

/// How a Chromium session runs the page's scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scripts {
    Compiled,
    /// Interpreted only: what a page keeps in the JS heap without the compiled code V8
    /// adds while functions get hot (the soak, decision 87). Chromium only.
    Interpreted,
}

/// Where `cargo install` put a program.
fn cargo_bin(program: &str) -> String {
    let home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_else(|_| "/root".into())));
    format!("{home}/bin/{program}")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A WebDriver server process, ended on drop. One per browser session: geckodriver and
/// WebKitWebDriver hold one session at a time.
pub struct Driver {
    child: Child,
    url: String,
    /// What the driver and its browser write to their stdout and stderr (see [`DriverLog`]).
    log: DriverLog,
    /// The driver's and its browser's `TMPDIR`; removed after the driver is ended (a
    /// field drops after `Drop::drop`).
    _scratch: super::scratch::Scratch,
}

impl Driver {
    pub fn start(engine: Engine, motion: Motion) -> Driver {
        let binary = engine.driver_binary();
        let port = free_port();
        let mut command = Command::new(&binary);
        let scratch = super::scratch::Scratch::new(engine.name());
        command.env("TMPDIR", scratch.path());
        if engine == Engine::WebKit {
            // Without a GPU, WebKitGTK's accelerated compositing draws through a software
            // GL on Xvfb, and the driver's screenshots come out black.
            command.env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
        if engine == Engine::WebKit && motion == Motion::Reduced {
            // WebKitGTK answers `prefers-reduced-motion` from GTK's `gtk-enable-animations`,
            // which MiniBrowser reads from $XDG_CONFIG_HOME/gtk-3.0/settings.ini.
            command.env("XDG_CONFIG_HOME", still_gtk_config());
        }
        // The driver's output and its browser's (MiniBrowser, and through it the web
        // process, inherit it): what a crashed browser said last (see `DriverLog`).
        let path = scratch.path().join("driver.log");
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stdout = file.try_clone().map(Stdio::from).unwrap_or_else(|_| Stdio::null());
        let child = command
            .arg(format!("--port={port}"))
            .stdout(stdout)
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (cargo xtask setup installs it)"));
        let log = DriverLog::new(engine, path, child.id());
        Driver { child, url: format!("http://127.0.0.1:{port}"), log, _scratch: scratch }
    }

    /// Where the driver's output goes, and what else tells of its browser's end.
    pub(super) fn log(&self) -> &DriverLog {
        &self.log
    }

    /// The driver's and its browser's temporary directory.
    pub fn scratch(&self) -> &Path {
        self._scratch.path()
    }

    /// A new browser session with its own profile (its own storage and cookies), its
    /// window's inside 1280 × 900 CSS px in every engine.
    pub async fn open_session(
        &self,
        engine: Engine,
        profile: &Path,
        prompts: &str,
        motion: Motion,
        scripts: Scripts,
    ) -> Client {
        let Value::Object(capabilities) = engine.capabilities(profile, prompts, motion, scripts) else {
            unreachable!("an object")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::new(connector.clone()).capabilities(capabilities.clone()).connect(&self.url).await {
                Ok(client) => break client,
                Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(100)).await,
                Err(e) => panic!("no {} WebDriver session: {e}", engine.name()),
            }
        };
        if engine != Engine::Chromium {
            fit_window(&client, 1280, 900).await;
        }
        if engine == Engine::WebKit {
            focus_newest_window();
        }
        client
    }
}

/// Gives the newest MiniBrowser window the X input focus. Xvfb has no window manager to
/// do it, and an unfocused WebKitGTK window never matches `:focus` or `:focus-visible`
/// (`document.hasFocus()` is false), whatever the keyboard did; WebKitWebDriver has no
/// command that focuses the window.
fn focus_newest_window() {
    let found = Command::new("xdotool").args(["search", "--onlyvisible", "--class", "MiniBrowser"]).output();
    let Ok(found) = found else { return };
    if let Some(window) = String::from_utf8_lossy(&found.stdout).split_whitespace().last() {
        let _ = Command::new("xdotool").args(["windowfocus", window]).status();
    }
}

/// A GTK configuration folder with animations off (see [`Driver::start`]).
fn still_gtk_config() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("max-e2e-gtk-still-{}", std::process::id()));
    let _ = std::fs::create_dir_all(dir.join("gtk-3.0"));
    let _ = std::fs::write(dir.join("gtk-3.0/settings.ini"), "[Settings]\ngtk-enable-animations=0\n");
    dir
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A browser whose session was never closed (its test failed first) outlives the
        // driver; its profile is in the scratch directory, so its command line names it.
        self._scratch.kill_its_processes();
    }
}

/// Sizes the window so that its inside (`innerWidth` × `innerHeight`) is `width` ×
/// `height`: the window's frame and toolbars differ per engine, so the first try measures
/// them and the second corrects. Returns the inside's width reached (a platform may not
/// make a window as narrow as asked).
pub async fn fit_window(client: &Client, width: u32, height: u32) -> u32 {
    let mut outer = (width, height);
    for _ in 0..3 {
        // A driver may wait for ever for a size the platform never grants.
        let sized = tokio::time::timeout(Duration::from_secs(15), client.set_window_size(outer.0, outer.1)).await;
        assert!(sized.is_ok(), "the driver never sized the window to {} × {}", outer.0, outer.1);
        let inner = settled_inner_size(client).await;
        let inner = inner.and_then(|v| {
            let pair = v.as_array()?.clone();
            Some((pair.first()?.as_u64()? as u32, pair.get(1)?.as_u64()? as u32))
        });
        let Some((inner_width, inner_height)) = inner else { return 0 };
        if (inner_width, inner_height) == (width, height) {
            return inner_width;
        }
        outer = (
            (outer.0 + width).saturating_sub(inner_width).max(1),
            (outer.1 + height).saturating_sub(inner_height).max(1),
        );
    }
    let reached = client.execute("return window.innerWidth;", vec![]).await;
    reached.ok().and_then(|v| v.as_u64()).unwrap_or(0) as u32
}

/// The window's inside once the page has laid out the driver's resize: the same on three
/// frames in a row (at most 60 frames). A driver may answer the resize before the page
/// took it, and a loaded machine makes that moment longer: a size read at once is stale,
/// and a correction from it misses (issue 32).
async fn settled_inner_size(client: &Client) -> Option<serde_json::Value> {
    let script = "const done = arguments[arguments.length - 1]; let last = '', same = 0, frames = 0; \
        const look = () => { const now = innerWidth + 'x' + innerHeight; same = now === last ? same + 1 : 0; last = now; \
        if (same >= 2 || ++frames >= 60) { done([innerWidth, innerHeight]); } else { requestAnimationFrame(look); } }; \
        requestAnimationFrame(look);";
    match client.execute_async(script, vec![]).await {
        Ok(size) => Some(size),
        Err(_) => client.execute("return [window.innerWidth, window.innerHeight];", vec![]).await.ok(),
    }
}

/// chromedriver's console log (not in W3C WebDriver): what the page logged since the
/// last call, with `goog:loggingPrefs` set at session start. Chromium only; it adds what
/// the browser itself logs (a blocked resource, say) to what the page's capture script
/// sends in every engine (`max_channel_devserver::console`).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// Chromium's own console log since the last call, as `level: text` (nothing elsewhere).
pub async fn browser_log(engine: Engine, client: &Client) -> Vec<String> {
    if engine != Engine::Chromium {
        return Vec::new();
    }
    // A closed window (a test that ended its own session) has no log left to read.
    let Ok(entries) = client.issue_cmd(BrowserLog).await else {
        return Vec::new();
    };
    entries
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| format!("{}: {}", e["level"].as_str().unwrap_or("?"), e["message"].as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default()
}
