//! Accessibility and layout tools of the end-to-end harness: axe-core, a keyboard with
//! no mouse, the viewport width, horizontal overflow and full-page screenshots.

use std::path::PathBuf;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::Value;

use super::Page;

/// axe-core's browser bundle: `AXE_CORE_JS` (set by `cargo xtask test`), else where
/// `cargo xtask setup` installs it.
pub fn axe_core_js() -> PathBuf {
    if let Some(path) = std::env::var_os("AXE_CORE_JS") {
        return PathBuf::from(path);
    }
    npm_modules().join("axe-core/axe.min.js")
}

/// Where xtask installs its npm tools (axe-core, Lighthouse): `node_modules` of the tools
/// directory in the user's cache.
pub fn npm_modules() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache"));
    cache.join("max-channel-admin/npm/node_modules")
}

/// The rules the app is held to: WCAG 2.0 and 2.1, levels A and AA.
/// axe on the screen a person sees once it settled: colours mid-transition (a button
/// that changed its kind in place) are neither the old nor the new state. Endless
/// animations (a spinner) are not waited for.
const AXE_RUN: &str = r#"
    const settling = document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
        .map(a => a.finished.catch(() => null));
    return Promise.all(settling).then(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations', 'incomplete'],
    }).then(r => {
        const list = (items) => items.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({
                target: n.target.join(' '), html: n.html, summary: n.failureSummary,
                // Why axe could not decide (needs review): e.g. bgOverlap, bgImage.
                reasons: n.any.concat(n.all, n.none).map(c => c.data && c.data.messageKey).filter(Boolean),
            })),
        }));
        return { violations: list(r.violations), incomplete: list(r.incomplete) };
    }));
"#;

/// A JavaScript `css(e)`: an element as `tag#id.class`, for messages.
macro_rules! css_of_js {
    () => {
        "const css = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') \
            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');\n"
    };
}

/// What the focused element is, for messages: `button#save «Сохранить»`.
const DESCRIBE_FOCUS: &str = concat!(
    css_of_js!(),
    r#"
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const label = (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '').trim().slice(0, 60);
    return css(e) + ' «' + label + '»';
"#
);

/// Whether the focused element shows a focus indicator: an outline, or (for the switch,
/// whose input is transparent) an outline on the element drawn in its place.
const FOCUS_VISIBLE: &str = r#"
    const e = document.activeElement;
    if (!e || e === document.body) return false;
    const drawn = (el) => { const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };
    if (!e.matches(':focus-visible')) return false;
    if (drawn(e)) return true;
    const track = e.nextElementSibling;
    return !!(track && track.classList.contains('switch__track') && drawn(track));
"#;

/// Where the focused element is, when it is not in plain sight: outside the window, or
/// (outside the sticky action bar) hidden behind it. `null` when it can be seen.
const FOCUS_HIDDEN: &str = r#"
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const shown = e.classList.contains('switch__input') && e.nextElementSibling ? e.nextElementSibling : e;
    const r = shown.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) {
        return `outside the window (${Math.round(r.top)}…${Math.round(r.bottom)} of ${window.innerHeight})`;
    }
    const bar = document.querySelector('.action-bar');
    if (bar && !bar.contains(e) && !e.closest('dialog')) {
        const b = bar.getBoundingClientRect();
        // Behind it only where the two overlap: what follows the bar (the page's end) is not.
        if (r.bottom > b.top + 1 && r.top < b.bottom - 1) return `behind the action bar (element ${Math.round(r.top)}…${Math.round(r.bottom)}, bar from ${Math.round(b.top)})`;
    }
    return null;
"#;

/// Elements wider than the page, or reaching past its right edge.
const OVERFLOW: &str = concat!(
    css_of_js!(),
    r#"
    const root = document.documentElement;
    const width = root.clientWidth;
    const out = [];
    for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > width + 1 || r.left < -1) {
            const s = getComputedStyle(e);
            if (s.position === 'fixed' && s.visibility === 'hidden') continue;
            out.push(css(e) + ` (${Math.round(r.left)}…${Math.round(r.right)})`);
            if (out.length >= 8) break;
        }
    }
    return { scroll: root.scrollWidth, client: width, inner: window.innerWidth, offenders: out };
"#
);

/// One axe-core violation (or undecided rule), on the nodes it found.
#[derive(Debug)]
pub struct Violation(Value);

impl Violation {
    /// Why axe could not decide, per node (empty for a violation).
    pub fn reasons(&self) -> Vec<String> {
        self.0["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| {
                n["reasons"].as_array().into_iter().flatten().filter_map(|r| r.as_str()).collect::<Vec<_>>().join(",")
            })
            .collect()
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = &self.0;
        writeln!(
            f,
            "{} ({}): {}",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("")
        )?;
        for node in v["nodes"].as_array().into_iter().flatten() {
            let reasons = node["reasons"]
                .as_array()
                .map(|r| r.iter().filter_map(|r| r.as_str()).collect::<Vec<_>>().join(","))
                .unwrap_or_default();
            if reasons.is_empty() {
                writeln!(f, "      at {}", node["target"].as_str().unwrap_or(""))?;
            } else {
                writeln!(f, "      at {} [{reasons}]", node["target"].as_str().unwrap_or(""))?;
            }
            writeln!(f, "         {}", node["html"].as_str().unwrap_or("").chars().take(160).collect::<String>())?;
            for line in node["summary"].as_str().unwrap_or("").lines() {
                writeln!(f, "         {line}")?;
            }
        }
        Ok(())
    }
}

impl Page {
    /// Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations,
    /// and what axe could not decide either way ("needs review"). The script goes in
    /// through WebDriver, so the page's CSP does not apply to it.
    pub async fn axe(&self) -> (Vec<Violation>, Vec<Violation>) {
        let loaded = self.js("return typeof window.axe === 'object';").await;
        if loaded != Value::Bool(true) {
            let path = axe_core_js();
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("no axe-core at {} ({e}): run `cargo xtask setup`", path.display()));
            self.browser
                .execute(&format!("{source}\n;return typeof window.axe;"), vec![])
                .await
                .expect("axe-core loads");
        }
        let found = self.browser.execute(AXE_RUN, vec![]).await.expect("axe.run");
        let list = |key: &str| -> Vec<Violation> {
            found[key]
                .as_array()
                .unwrap_or_else(|| panic!("no {key} in {found}"))
                .iter()
                .cloned()
                .map(Violation)
                .collect()
        };
        (list("violations"), list("incomplete"))
    }

    /// Presses one key (down and up) wherever the focus is, as a keyboard does.
    pub async fn press(&self, key: Key) {
        self.chord(&[], key).await;
    }

    /// Presses `key` while holding `modifiers` (e.g. Shift+Tab).
    pub async fn chord(&self, modifiers: &[Key], key: Key) {
        let mut actions = KeyActions::new("keyboard".into());
        for m in modifiers {
            actions = actions.then(KeyAction::Down { value: char::from(*m) });
        }
        actions =
            actions.then(KeyAction::Down { value: char::from(key) }).then(KeyAction::Up { value: char::from(key) });
        for m in modifiers.iter().rev() {
            actions = actions.then(KeyAction::Up { value: char::from(*m) });
        }
        self.browser.perform_actions(actions).await.expect("key actions");
    }

    /// Types text with the keyboard into whatever has focus.
    pub async fn type_keys(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for c in text.chars() {
            actions = actions.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
        }
        self.browser.perform_actions(actions).await.expect("typing");
    }

    /// The focused element, described for messages.
    pub async fn focused(&self) -> String {
        self.js(DESCRIBE_FOCUS).await.as_str().unwrap_or_default().to_owned()
    }

    /// Fails unless the focused element shows its focus ring.
    pub async fn assert_focus_visible(&self) {
        let here = self.focused().await;
        assert!(
            self.js(FOCUS_VISIBLE).await == Value::Bool(true),
            "focus on {here} is not visible (no :focus-visible outline)"
        );
    }

    /// Whether the focused element matches `css`.
    pub async fn focus_is(&self, css: &str) -> bool {
        let script = format!("const e = document.activeElement; return !!e && e.matches({css:?});");
        self.js(&script).await == Value::Bool(true)
    }

    /// Waits until the focus is on `css`.
    pub async fn wait_for_focus(&self, css: &str) {
        if !super::waits::until(super::PATIENCE, || self.focus_is(css)).await {
            panic!("the focus never reached {css}; it is on {}", self.focused().await);
        }
    }

    /// Presses Tab (or Shift+Tab when `back`) until the focus is on `css`, checking at
    /// every stop that the focused element shows its focus and is in sight (in the window,
    /// not behind the sticky action bar). At most `limit` presses.
    pub async fn tab_to(&self, css: &str, back: bool, limit: usize) {
        let mut path = Vec::new();
        for press in 0..limit {
            if back {
                self.chord(&[Key::Shift], Key::Tab).await;
            } else {
                self.press(Key::Tab).await;
            }
            let here = self.focused().await;
            // `body` on the first press: the document itself takes the focus before its
            // first control (headless Chromium's window has none to start with). Anywhere
            // later it means the focus fell out of the page.
            assert!(
                (here == "body" && press == 0) || self.js(FOCUS_VISIBLE).await == Value::Bool(true),
                "focus on {here} is not visible (no :focus-visible outline), after: {}",
                path.join(" → ")
            );
            // In sight within a few frames: the app may scroll it clear of the action bar
            // a frame after the browser's own scroll (WebKit). Frames the page drew, not
            // milliseconds: a loaded machine draws them later, not fewer.
            let mut hidden = self.js(FOCUS_HIDDEN).await;
            for _ in 0..10 {
                if hidden.is_null() {
                    break;
                }
                super::waits::next_frame(self).await;
                hidden = self.js(FOCUS_HIDDEN).await;
            }
            assert!(hidden.is_null(), "focus on {here} cannot be seen: {}", hidden.as_str().unwrap_or_default());
            if self.focus_is(css).await {
                return;
            }
            path.push(here);
        }
        panic!(
            "{limit} presses of {} never reached {css}; focus went:\n  {}",
            if back { "Shift+Tab" } else { "Tab" },
            path.join("\n  ")
        );
    }

    /// `None` when nothing scrolls sideways; otherwise what sticks out.
    pub async fn horizontal_overflow(&self) -> Option<String> {
        let found = self.js(OVERFLOW).await;
        let scroll = found["scroll"].as_u64().unwrap_or(0);
        let client = found["client"].as_u64().unwrap_or(0);
        let offenders = found["offenders"].as_array().map(Vec::len).unwrap_or(0);
        (scroll > client || offenders > 0).then(|| format!("{found}"))
    }
}
