//! The MAX channel admin app for Манго Диалоги: a Leptos CSR single-page app.
//!
//! Four rooms, arrows pointing one way (ui → domain/api → contract):
//! - `max_channel_contract` (its own crate): the REST contract's DTOs and rules;
//! - [`domain`]: the settings model and validation, pure Rust;
//! - [`api`]: the HTTP client and its one error enum;
//! - [`ui`]: pages and components.

// No panic, ever (a panic aborts the wasm module): the app's own code may not unwrap, expect
// or panic; tests may.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::todo)
)]

pub mod api;
pub mod config;
pub mod domain;
pub mod embed;
pub mod i18n;
pub mod perf;
pub mod ui;

/// Starts the app on the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::Root);
}
