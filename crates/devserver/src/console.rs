//! The page's console, for the end-to-end tests in every browser engine: with
//! `Config::console_capture` the app's `index.html` loads `/__dev/test-page.js` first, which
//! passes every console message, uncaught error, unhandled promise rejection and CSP
//! violation to `POST /__dev/console`; the harness takes them from [`Console`].
//!
//! Why here and not through WebDriver: reading the browser's console is not a W3C
//! WebDriver command. chromedriver has its own (`se/log`), geckodriver and WebKitWebDriver
//! have none, so this one way serves all three engines. The script is a file from the
//! page's own origin, so the strict CSP (`script-src 'self'`) lets it run without a nonce.

use std::collections::VecDeque;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::Shared;

/// Where the page loads the capture script from, and where it sends the messages.
pub const SCRIPT_PATH: &str = "/__dev/test-page.js";

/// The capture script. It keeps each console method working as before, and sends with
/// `sendBeacon`, which survives the page being left or reloaded right after. Then the
/// chaos suite's hooks, inert until a test arms them.
pub const SCRIPT: &str = r#"// Test builds only: the page's console, uncaught errors, unhandled rejections and CSP
// violations, sent to the dev back end for the end-to-end tests.
(function () {
  var endpoint = '/__dev/console';
  function send(level, text) {
    try { navigator.sendBeacon(endpoint, level + ': ' + text); } catch (e) { /* nowhere to tell */ }
  }
  function describe(value) {
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (typeof value === 'string') return value;
    try { return JSON.stringify(value); } catch (e) { return String(value); }
  }
  ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      send(level, Array.prototype.map.call(arguments, describe).join(' '));
      return original.apply(console, arguments);
    };
  });
  window.addEventListener('error', function (event) {
    // A wasm trap's stack names the functions it ran through: what a rare one needs.
    var stack = event.error && event.error.stack ? '\nStack:\n' + event.error.stack : '';
    send('error', 'Uncaught ' + (event.error ? describe(event.error) : event.message) + stack);
  });
  window.addEventListener('unhandledrejection', function (event) {
    send('error', 'Unhandled Promise Rejection: ' + describe(event.reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    send('error', 'Content Security Policy: ' + event.effectiveDirective + ' blocked ' + event.blockedURI);
  });
})();

// The chaos suite's hooks (tests/e2e/chaos.rs): leave the page the moment an armed call's
// answer arrives. They live in the page's own realm because Firefox runs WebDriver's
// scripts in a sandbox of their own, whose functions the page cannot call for long (its
// fetch then fails as if offline). Nothing happens until a test arms them.
(function () {
  var leave = { kind: 'back', link: '' };
  var armed = null;
  window.__chaosSetLeave = function (kind, link) { leave = { kind: String(kind), link: String(link) }; };
  window.__chaosArm = function (path, method) { armed = { path: String(path), method: String(method) }; };
  window.__chaosLeave = function () {
    if (leave.kind === 'link') { var a = document.querySelector(leave.link); if (a) a.click(); }
    else if (leave.kind === 'back') history.back();
    else history.forward();
    var tries = 0;
    var confirm = setInterval(function () {
      var yes = document.querySelector('#leave-dialog[open] .button--danger');
      if (yes) yes.click();
      if (yes || ++tries > 100) clearInterval(confirm);
    }, 20);
  };
  var original = window.fetch;
  window.fetch = function (input, init) {
    var answer = original.apply(this, arguments);
    if (!armed) return answer;
    var url = new URL(input && input.url ? input.url : String(input), location.href);
    var method = (input && input.method) || (init && init.method) || 'GET';
    if (url.pathname.slice(-armed.path.length) === armed.path && method === armed.method) {
      armed = null;
      return answer.then(function (response) { window.__chaosLeave(); return response; });
    }
    return answer;
  };
})();
"#;

/// The `<script>` that loads [`SCRIPT`], first thing in `<head>`: a classic script blocks
/// the parser, so it runs before the app's module starts.
pub fn inject(index_html: &str) -> String {
    let tag = format!("<script src=\"{SCRIPT_PATH}\"></script>");
    match index_html.find("<head>") {
        Some(at) => {
            let end = at + "<head>".len();
            format!("{}{tag}{}", &index_html[..end], &index_html[end..])
        }
        None => format!("{tag}{index_html}"),
    }
}

/// The messages received and not yet taken, oldest first.
#[derive(Debug, Default)]
pub struct Console {
    messages: VecDeque<String>,
}

/// The last this many messages are kept.
const CAPACITY: usize = 5_000;

/// A message longer than this is cut (a page could send anything).
const MESSAGE_LIMIT: usize = 4_000;

impl Console {
    pub fn add(&mut self, message: &str) {
        if self.messages.len() == CAPACITY {
            self.messages.pop_front();
        }
        let cut = match message.char_indices().nth(MESSAGE_LIMIT) {
            Some((at, _)) => &message[..at],
            None => message,
        };
        self.messages.push_back(cut.to_owned());
    }

    /// Everything received since the last call.
    pub fn take(&mut self) -> Vec<String> {
        self.messages.drain(..).collect()
    }
}

pub async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response()
}

/// One message from the page (`sendBeacon` sends it as text/plain).
pub async fn receive(State(state): State<Shared>, body: Bytes) -> Response {
    state.console().add(&String::from_utf8_lossy(&body));
    StatusCode::NO_CONTENT.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_first_in_head() {
        let html =
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script type=\"module\">app()</script></head></html>";
        let injected = inject(html);
        let script = injected.find(SCRIPT_PATH).unwrap();
        assert!(script < injected.find("<meta").unwrap(), "{injected}");
        assert_eq!(injected.matches("<script").count(), 2);
    }

    #[test]
    fn take_empties_and_keeps_the_order() {
        let mut console = Console::default();
        console.add("error: one");
        console.add("log: two");
        assert_eq!(console.take(), ["error: one", "log: two"]);
        assert!(console.take().is_empty());
    }

    #[test]
    fn long_messages_are_cut_on_a_character() {
        let mut console = Console::default();
        console.add(&"я".repeat(MESSAGE_LIMIT + 10));
        assert_eq!(console.take()[0].chars().count(), MESSAGE_LIMIT);
    }
}
