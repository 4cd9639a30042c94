//! The console as a test oracle for the wasm-bindgen tests (issue 13): a watch on the page
//! the tests run in that records every uncaught error, unhandled promise rejection, CSP
//! violation and console error that names a panic or a trap — and fails the test that
//! owns it, saying which.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

#[path = "../../e2e/support/console.rs"]
mod console;
pub use console::is_console_problem;

/// A page event the watch listens for, and its listener.
type Listener = (&'static str, Closure<dyn FnMut(web_sys::Event)>);
/// A page event and how to say what it reports.
type Describe = (&'static str, fn(&web_sys::Event) -> String);

/// Watches the page from [`ConsoleWatch::start`] until dropped; the drop fails the test
/// when anything was seen (unless the test already failed).
pub struct ConsoleWatch {
    seen: Rc<RefCell<Vec<String>>>,
    listeners: Vec<Listener>,
    /// The `console.error` in place before the watch, put back on drop.
    original_error: JsValue,
    _record: Closure<dyn FnMut(String)>,
}

fn property(value: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(value, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| {
            v.as_string().unwrap_or_else(|| String::from(js_sys::JSON::stringify(&v).unwrap_or_else(|_| "?".into())))
        })
        .unwrap_or_default()
}

fn console_object() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"console".into()).expect("console")
}

impl ConsoleWatch {
    pub fn start() -> ConsoleWatch {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let window = web_sys::window().expect("window");
        let mut listeners = Vec::new();
        let what: [Describe; 3] = [
            ("error", |e| {
                format!(
                    "Uncaught error: {} ({}:{})",
                    property(e, "message"),
                    property(e, "filename"),
                    property(e, "lineno")
                )
            }),
            ("unhandledrejection", |e| {
                let reason = js_sys::Reflect::get(e, &"reason".into()).unwrap_or(JsValue::UNDEFINED);
                let text = property(&reason, "message");
                format!("Unhandled Promise Rejection: {}", if text.is_empty() { format!("{reason:?}") } else { text })
            }),
            ("securitypolicyviolation", |e| {
                format!(
                    "Content Security Policy violation: {} blocked {}",
                    property(e, "violatedDirective"),
                    property(e, "blockedURI")
                )
            }),
        ];
        for (event, describe) in what {
            let seen = seen.clone();
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                seen.borrow_mut().push(describe(&e));
            });
            window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).expect("listen");
            listeners.push((event, listener));
        }
        // `console.error` is where a panic's message goes (the panic hook) and where the
        // browser reports a trap; the app's own errors about failed requests stay allowed.
        let record = {
            let seen = seen.clone();
            Closure::<dyn FnMut(String)>::new(move |text: String| {
                if is_console_problem(&text) {
                    seen.borrow_mut().push(format!("console.error: {text}"));
                }
            })
        };
        let console = console_object();
        let original_error = js_sys::Reflect::get(&console, &"error".into()).expect("console.error");
        let wrap = js_sys::Function::new_with_args(
            "original, record",
            "return function (...args) { record(args.map(String).join(' ')); return original.apply(this, args); };",
        );
        let wrapper = wrap.call2(&JsValue::NULL, &original_error, record.as_ref()).expect("wrap console.error");
        js_sys::Reflect::set(&console, &"error".into(), &wrapper).expect("set console.error");
        ConsoleWatch { seen, listeners, original_error, _record: record }
    }

    /// Ends the watch after one more turn of the event loop, so that what a test's last
    /// step set off (a rejection is reported a task later) is judged too.
    pub async fn finish(self) {
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
        drop(self);
    }

    /// What was seen so far, emptied: for the tests of the watch itself.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.seen.borrow_mut())
    }
}

impl Drop for ConsoleWatch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for (event, listener) in &self.listeners {
                let _ = window.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
        let _ = js_sys::Reflect::set(&console_object(), &"error".into(), &self.original_error);
        let seen = self.take();
        if !seen.is_empty() && !std::thread::panicking() {
            panic!("the browser console shows what must never happen:\n{}", seen.join("\n"));
        }
    }
}

/// A fresh element in the page to mount into.
pub fn host() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}
