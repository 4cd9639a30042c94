//! The window a page is shown in: its size, full-page pictures, the motion preference and
//! the clipboard. Chromium does these through the DevTools protocol (it can lay a page out
//! narrower than any window); Firefox and WebKitGTK through W3C window commands.

use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use serde_json::{json, Value};

use super::engine::{fit_window, Engine};
use super::Page;

/// chromedriver's door to the DevTools protocol (not in W3C WebDriver).
#[derive(Debug)]
struct Cdp {
    body: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}

impl Page {
    /// Sends a DevTools protocol command to the page (Chromium only).
    async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(self.engine, Engine::Chromium, "{cmd}: the DevTools protocol is Chromium's");
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        self.watch.refuse(&|| format!("sending {cmd}"));
        match self.browser.issue_cmd(Cdp { body }).await {
            Ok(answer) => answer,
            Err(e) => self.watch.fail(&format!("sending {cmd}"), e).await,
        }
    }

    /// Lays the page out `width` CSS pixels wide (and `height` high), as a window of that
    /// size would.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        assert!(self.try_viewport(width, height).await, "the viewport did not become {width} px wide");
    }

    /// [`Page::set_viewport`] where the engine can: `false`, and a gap recorded, where its
    /// window cannot be that narrow. Chromium emulates any width through the DevTools
    /// protocol; geckodriver and WebKitWebDriver only size the window, and their windows
    /// have a floor (Firefox 500 px, WebKitGTK's MiniBrowser 447 px), so the phone widths
    /// are Chromium's to prove there.
    #[must_use]
    pub async fn try_viewport(&self, width: u32, height: u32) -> bool {
        if self.engine == Engine::Chromium {
            self.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await;
        } else {
            let reached = fit_window(&self.browser, width, height).await;
            if reached > width {
                super::gap(&format!(
                    "a {width} px wide page: the window stops at {reached} px and the driver has no viewport emulation"
                ));
                fit_window(&self.browser, 1280, 900).await;
                return false;
            }
        }
        self.js("return window.innerWidth;").await == json!(width)
    }

    /// `prefers-reduced-motion: reduce`, for pictures at rest. Chromium emulates it;
    /// geckodriver and WebKitWebDriver have no command for it, and their pictures are not
    /// the documented ones, so there the page keeps its motion.
    pub async fn prefer_reduced_motion(&self) {
        if self.engine == Engine::Chromium {
            self.cdp(
                "Emulation.setEmulatedMedia",
                json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
            )
            .await;
        }
    }

    /// What is on the clipboard, read as the page would with `navigator.clipboard`.
    pub async fn clipboard_text(&self) -> Value {
        if self.engine == Engine::Chromium {
            // Chromium asks for the permission; Firefox has it from the session's
            // preferences (`dom.events.testing.asyncClipboard`), WebKit under automation.
            let origin = self.origin.clone();
            self.cdp(
                "Browser.grantPermissions",
                json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
            )
            .await;
        }
        if self.engine == Engine::WebKit {
            return json!(self.paste_into_scratch().await);
        }
        self.js("return navigator.clipboard.readText();").await
    }

    /// What Ctrl+V pastes into a scratch text field: WebKit refuses `clipboard.readText()`
    /// to WebDriver's scripts (no user gesture), but a real paste from the keyboard reads
    /// the same clipboard. The focus goes back where it was.
    async fn paste_into_scratch(&self) -> String {
        self.js("window.__pasteBack = document.activeElement; const t = document.createElement('textarea'); \
             t.id = 'e2e-paste'; document.body.append(t); t.focus(); return true;")
            .await;
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let control = char::from(fantoccini::key::Key::Control);
        let paste = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: control })
            .then(KeyAction::Down { value: 'v' })
            .then(KeyAction::Up { value: 'v' })
            .then(KeyAction::Up { value: control });
        if let Err(e) = self.browser.perform_actions(paste).await {
            self.watch.fail("pressing Ctrl+V", e).await;
        }
        let pasted = self
            .js("const t = document.getElementById('e2e-paste'); const v = t.value; t.remove(); \
                 if (window.__pasteBack) window.__pasteBack.focus(); return v;")
            .await;
        pasted.as_str().unwrap_or_default().to_owned()
    }

    /// Saves a PNG of the whole page, `width` px wide. Chromium lays the page out as tall as
    /// it is for the picture (so the sticky action bar sits at the end of the form, where it
    /// rests, instead of across it) with the scrollbar hidden, then `width` × `height`
    /// again; Firefox photographs the window as it is; WebKitGTK records a gap.
    pub async fn screenshot_full_page(&self, path: &Path, width: u32, height: u32) {
        let bytes = match self.engine {
            Engine::Chromium => self.chromium_full_page(width, height).await,
            Engine::Firefox => {
                // Firefox's pictures are not the documented ones.
                let shot = tokio::time::timeout(Duration::from_secs(30), self.browser.screenshot()).await;
                match shot.expect("the driver answers a screenshot within 30 s") {
                    Ok(bytes) => bytes,
                    Err(e) => self.watch.fail("taking a screenshot", e).await,
                }
            }
            Engine::WebKit => {
                // WebKitWebDriver's window screenshot does not answer on Xvfb once the window
                // has been resized (element screenshots still do: the QR code is read from one).
                super::gap("a full-page picture: WebKitWebDriver's window screenshot hangs after a resize");
                return;
            }
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// The page laid out as tall as it is and photographed, then `width` × `height` again.
    async fn chromium_full_page(&self, width: u32, height: u32) -> Vec<u8> {
        let tall =
            self.js("return Math.ceil(document.documentElement.scrollHeight);").await.as_u64().unwrap_or(height as u64);
        self.cdp("Emulation.setScrollbarsHidden", json!({ "hidden": true })).await;
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": tall.max(height as u64), "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
        self.settle().await;
        let shot = self.cdp("Page.captureScreenshot", json!({ "format": "png" })).await;
        self.cdp("Emulation.setScrollbarsHidden", json!({ "hidden": false })).await;
        let data = shot["data"].as_str().expect("a base64 PNG");
        let bytes = base64::engine::general_purpose::STANDARD.decode(data).expect("base64");
        self.set_viewport(width, height).await;
        bytes
    }

    /// The page's memory after a full garbage collection (Chromium): the JS heap in use
    /// and the wasm module's linear memory, in bytes.
    pub async fn memory_after_gc(&self) -> (f64, f64) {
        self.cdp("HeapProfiler.enable", json!({})).await;
        // Twice, a task apart: what a collection finalises (wasm-bindgen's closures, freed
        // by a FinalizationRegistry callback) is only freed in the task after it.
        self.cdp("HeapProfiler.collectGarbage", json!({})).await;
        self.js("return new Promise(r => setTimeout(() => r(true), 0));").await;
        self.cdp("HeapProfiler.collectGarbage", json!({})).await;
        let heap = self.cdp("Runtime.getHeapUsage", json!({})).await;
        let wasm = self.js("return window.wasmBindings.wasm_memory_bytes();").await;
        (heap["usedSize"].as_f64().expect("usedSize"), wasm.as_f64().expect("the wasm memory's size"))
    }

    /// Two frames: a new size laid out and painted.
    async fn settle(&self) {
        self.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));").await;
    }
}
