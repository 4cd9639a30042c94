//! A browser window on the app and what a test does with it: find, click, type, read, wait.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::{Client, Locator};
use serde_json::json;

use super::engine::{Driver, Engine};
use super::lost::Watch;
use super::{eventually, PATIENCE};

/// A browser looking at the app: the ways a test reads and works a page. `E2e` derefs to
/// its own; `E2e::second_browser` opens another (another user).
pub struct Page {
    pub browser: Client,
    pub(super) engine: Engine,
    /// The server's origin, e.g. `http://127.0.0.1:40123`.
    pub(super) origin: String,
    /// The base path without its trailing slash (empty at the root).
    pub(super) base: String,
    /// A second browser's own WebDriver server (the first one's is the test's).
    pub(super) _driver: Option<Driver>,
    /// Notices when the session ends under the test (a crashed page process, a dead driver).
    pub(super) watch: Arc<Watch>,
}

impl Page {
    /// The browser engine of this run.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The server's origin, e.g. `http://127.0.0.1:40123`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The URL of an app route below the base path.
    pub fn url(&self, route: &str) -> String {
        format!("{}{}{route}", self.origin, self.base)
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        let moment = || format!("running the script «{}»", short(script));
        self.watch.refuse(&moment);
        match self.browser.execute(script, vec![]).await {
            Ok(value) => value,
            Err(e) => {
                self.watch.lost_if(&moment(), &e).await;
                panic!("script failed: {e}\n{script}")
            }
        }
    }

    /// The strings a script returns as an array (rows, lines, entries).
    pub async fn strings(&self, script: &str) -> Vec<String> {
        let found = self.js(script).await;
        let items = found.as_array().unwrap_or_else(|| panic!("not an array: {found}"));
        items.iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect()
    }

    /// The text of the element `css` (empty when there is none), whitespace as the DOM has it.
    pub async fn text_content(&self, css: &str) -> String {
        let script = format!("const e = document.querySelector({css:?}); return e ? e.textContent : '';");
        self.js(&script).await.as_str().unwrap_or_default().to_owned()
    }

    pub async fn open(&self, route: &str) {
        let moment = || format!("opening {}", self.url(route));
        self.watch.refuse(&moment);
        if let Err(e) = self.browser.goto(&self.url(route)).await {
            self.watch.fail_navigation(&moment(), e).await;
        }
    }

    /// Waits for an element: up to 10 s, 20 s in WebKitGTK, the slowest of the three on a
    /// loaded machine (its split modules took over 10 s in loaded run 8). A bound, not a
    /// delay: it ends when the element is there.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        let moment = || format!("finding {css}");
        self.watch.refuse(&moment);
        let bound = if self.engine == Engine::WebKit { 2 * PATIENCE } else { PATIENCE };
        match self.browser.wait().at_most(bound).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => {
                self.watch.lost_if(&moment(), &e).await;
                let trail = self.browser.execute(CLICK_TRAIL, vec![]).await.ok();
                let trail = trail.as_ref().and_then(|t| t.as_str()).unwrap_or("(no answer)");
                panic!("no element {css}: {e}\nthe page's last clicks:\n{trail}")
            }
        }
    }

    /// Finds an element and scrolls it to the middle of the window, clear of the sticky
    /// action bar, the way a person would before clicking it.
    /// A view that redraws between the find and the scroll (a health refresh, a reactive
    /// re-render) leaves a stale element: it is found again, up to five times.
    pub async fn find_centered(&self, css: &str) -> fantoccini::elements::Element {
        let mut attempts = 0;
        loop {
            let element = self.find(css).await;
            let arg = serde_json::to_value(&element).unwrap();
            match self.browser.execute_async(SCROLL_AND_SETTLE, vec![arg]).await {
                Ok(_) => return element,
                Err(e) if is_stale(&e) && attempts < 5 => attempts += 1,
                Err(e) => self.watch.fail(&format!("scrolling to {css}"), e).await,
            }
        }
    }

    /// Waits (up to 10 s) until the element's text contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let moment = || format!("reading the text of {css}");
            self.watch.refuse(&moment);
            let found = match self.browser.find(Locator::Css(css)).await {
                Ok(el) => el.text().await,
                Err(e) => Err(e),
            };
            let found = match found {
                Ok(text) => text,
                Err(e) => {
                    self.watch.lost_if(&moment(), &e).await;
                    String::new()
                }
            };
            if found.contains(text) {
                return found;
            }
            if Instant::now() > deadline {
                panic!("{css} never read «{text}»; it reads «{found}»");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clears a field and types `text` into it, the way a person would.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find_centered(css).await;
        let typed = match el.clear().await {
            Ok(()) => el.send_keys(text).await,
            Err(e) => Err(e),
        };
        if let Err(e) = typed {
            self.watch.fail(&format!("typing into {css}"), e).await;
        }
    }

    /// Clicks an element, scrolled clear of the sticky action bar first.
    /// A click the page saw land on another element, or not at all, is made again (twice
    /// at most), as a person clicks again what did not take: WebKitGTK under load clicked
    /// where a control had stood (issue 32). Each is said on stderr.
    pub async fn click(&self, css: &str) {
        let (mut stale, mut missed) = (0, 0);
        loop {
            match self.find_centered(css).await.click().await {
                Ok(_) => match self.browser.execute_async(CLICK_LANDED, vec![]).await {
                    Ok(landed) if missed < 2 && !matches!(landed.as_str(), Some("hit" | "gone" | "disabled")) => {
                        missed += 1;
                        eprintln!("[e2e] the click on {css} landed on {landed}; clicking it again");
                    }
                    // Landed, or a page that is going away cannot tell.
                    _ => return,
                },
                // A stale element was not clicked: find it again.
                Err(e) if is_stale(&e) && stale < 5 => stale += 1,
                Err(e) => self.watch.fail(&format!("clicking {css}"), e).await,
            }
        }
    }

    /// The current value of a form control.
    pub async fn value_of(&self, css: &str) -> String {
        match self.find(css).await.prop("value").await {
            Ok(value) => value.unwrap_or_default(),
            Err(e) => self.watch.fail(&format!("reading the value of {css}"), e).await,
        }
    }

    /// Waits (up to 10 s) until a form control's value is `value`.
    pub async fn wait_for_value(&self, css: &str, value: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.value_of(css).await;
            if found == value {
                return;
            }
            assert!(Instant::now() < deadline, "{css} never held «{value}»; it holds «{found}»");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Whether an element is in the page now (no waiting).
    pub async fn is_present(&self, css: &str) -> bool {
        let moment = || format!("looking for {css}");
        self.watch.refuse(&moment);
        match self.browser.find(Locator::Css(css)).await {
            Ok(_) => true,
            Err(e) => {
                self.watch.lost_if(&moment(), &e).await;
                false
            }
        }
    }

    /// The current path of the page.
    pub async fn path(&self) -> String {
        let moment = || "reading the page's address".to_owned();
        self.watch.refuse(&moment);
        match self.browser.current_url().await {
            Ok(url) => url.path().to_owned(),
            Err(e) => self.watch.fail(&moment(), e).await,
        }
    }

    /// Waits until the page's path is `path`.
    pub async fn wait_for_path(&self, path: &str) {
        let what = format!("the path never became {path}");
        eventually(PATIENCE, &what, || async { self.path().await == path }).await;
    }

    /// Picks the option `value` of a `<select>`.
    pub async fn select(&self, css: &str, value: &str) {
        // Centred first: Firefox refuses to click an option of a select behind the sticky bar.
        let chosen = self.find_centered(css).await.select_by_value(value).await;
        match chosen {
            Ok(()) => {}
            Err(e) => {
                self.watch.lost_if(&format!("choosing {value} in {css}"), &e).await;
                panic!("{css}: no option {value}: {e}")
            }
        }
    }

    /// Whether the `<dialog>` with this id is open now.
    pub async fn dialog_open(&self, id: &str) -> bool {
        self.js(&format!("return document.getElementById('{id}').open;")).await == json!(true)
    }

    /// Waits until the `<dialog>` with this id is open (or closed).
    pub async fn wait_for_dialog(&self, id: &str, open: bool) {
        let what = format!("#{id} never became open={open}");
        eventually(PATIENCE, &what, || async { self.dialog_open(id).await == open }).await;
    }

    /// Closes this browser (a session already lost is left alone).
    pub async fn close(self) {
        if self.watch.report().is_none() {
            let _ = self.browser.close().await;
        }
    }
}

/// A script's first line, cut to 80 characters, for a failure message.
fn short(script: &str) -> String {
    let line = script.trim().lines().next().unwrap_or_default();
    let cut: String = line.chars().take(80).collect();
    if cut.len() < script.trim().len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// WebDriver's "the element you found is no longer in the page".
fn is_stale(error: &CmdError) -> bool {
    matches!(error, CmdError::Standard(w) if w.error == ErrorStatus::StaleElementReference)
}

/// Scrolls an element to the middle of the window, then waits until it stands still: the
/// same box on three frames in a row (at most 30 frames, or a second if the page draws
/// none). A part arriving above it moves it, and a click aimed a moment earlier lands
/// beside it — under load that moment is longer (issue 32). A person clicks what is still.
const SCROLL_AND_SETTLE: &str = "const [el, done] = [arguments[0], arguments[arguments.length - 1]]; \
    el.scrollIntoView({block: 'center'}); let last = '', same = 0, frames = 0; window.__e2eAim = null; \
    const guard = setTimeout(() => { aim(); done(true); }, 1000); \
    const look = () => { const r = el.getBoundingClientRect(); const now = [r.x, r.y, r.width, r.height].join(); \
    same = now === last ? same + 1 : 0; last = now; \
    if (same >= 2 || ++frames >= 30) { clearTimeout(guard); aim(); done(true); } else { requestAnimationFrame(look); } }; \
    const aim = () => { const d = window.__e2eDescribe; if (!d) return; const r = el.getBoundingClientRect(); \
    const [x, y] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; \
    window.__e2eTrail.push(`aimed at ${d(el)} ${x},${y}; there: ${d(document.elementFromPoint(x, y))}`); \
    window.__e2eAim = {el, seen: null, disabled: el.matches(':disabled')}; }; \
    if (!window.__e2eTrail) { window.__e2eTrail = []; \
    window.__e2eDescribe = e => !e ? 'nothing' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
    (e.getAttribute('for') ? `[for=${e.getAttribute('for')}]` : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ')[0] : ''); \
    for (const type of ['pointerdown', 'click']) document.addEventListener(type, ev => { window.__e2eTrail.push( \
    `${type} on ${window.__e2eDescribe(ev.target)} ${Math.round(ev.clientX)},${Math.round(ev.clientY)}`); \
    const a = window.__e2eAim; if (type === 'click' && a && a.seen === null) \
    a.seen = a.el.contains(ev.target) ? 'hit' : window.__e2eDescribe(ev.target); }, true); } \
    requestAnimationFrame(look);";

/// Where the last aimed click landed, as the page saw it: `hit` (on the element or inside
/// it), `gone` (another document: the click navigated), `disabled` (a disabled control
/// gets no click event), `none` (no click reached the page) or the element it landed on.
/// Waits a frame for a click the engine has not handed to the page yet.
const CLICK_LANDED: &str = "const done = arguments[arguments.length - 1]; \
    const read = () => { const a = window.__e2eAim; if (!a) return 'gone'; if (a.seen === null && !a.disabled) return 'none'; \
    window.__e2eAim = null; return a.seen || 'disabled'; }; \
    const now = read(); if (now !== 'none') done(now); else requestAnimationFrame(() => { const later = read(); window.__e2eAim = null; done(later); });";

/// What the page saw of the last clicks (see `SCROLL_AND_SETTLE`): where each was aimed,
/// what stood there, and where the pointer's press and the click landed. Said with a
/// failure that follows a click, it tells a click that missed from one whose effect never came.
const CLICK_TRAIL: &str = "return (window.__e2eTrail || []).slice(-9).join('\\n') + `\\n(path ${location.pathname})`;";
