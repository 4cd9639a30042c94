//! The native test binary beside the unit tests: the end-to-end suites (the release build,
//! served by the dev back end in this process, in a browser over WebDriver: Chromium,
//! Firefox or WebKitGTK, as `MAX_E2E_BROWSER` says), the size budget, the bench and the
//! stylesheet's tokens. One binary, one harness ([`support`]): it is compiled and linked
//! once, `cargo xtask test` runs it once per engine, and within a run its tests take turns
//! at the one browser. Each suite is a module; a test's name says which (`chaos::…`), so
//! `cargo test --test e2e -- chaos::` runs one suite.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod a11y;
mod app_shell;
mod attacks;
mod bad_input;
mod bench;
mod chaos;
mod concurrency;
mod customer_view;
mod delivery_check;
mod english;
mod faults;
mod harness;
mod health;
mod history;
mod keyboard;
mod layout_shift;
mod lighthouse;
mod link_kit;
mod no_panic;
mod phone_bar;
mod picker;
mod preview;
mod release;
mod responsive;
mod settings;
mod shell;
mod size_budget;
mod soak;
mod sources;
mod split_routes;
mod style_tokens;
mod two_builds;
mod wasm_stress;
mod words;
