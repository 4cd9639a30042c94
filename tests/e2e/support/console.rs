//! What no app may ever log, for both kinds of browser test: the e2e harness reads what the
//! page's capture script sends to the dev back end (and Chromium's own log), the
//! wasm-bindgen tests watch the page they run in.

/// Whether a console message is one no app may ever log. Failed requests the tests provoke
/// (a 500, a stopped server) log errors too; those are the network's, not the app's, and
/// the app's own warnings are allowed.
pub fn is_console_problem(message: &str) -> bool {
    const NEVER: [&str; 7] = [
        "panicked at",
        "RuntimeError",
        "unreachable executed",
        "Uncaught",
        "Unhandled Promise Rejection",
        "Content Security Policy",
        "Content-Security-Policy",
    ];
    NEVER.iter().any(|pattern| message.contains(pattern))
}
