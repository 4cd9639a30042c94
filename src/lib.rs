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

/// Starts the app on the page's `<body>`: in English once the catalogue's English file is
/// there (or could not be had: then in Russian), else at once. The one task spawned
/// before the app (and so any owner) exists; every other goes through `ui::use_tasks`.
pub fn mount() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async {
        if let Ok(config) = config::RuntimeConfig::from_document() {
            if config.locale == i18n::Locale::En {
                fetch_english(&config).await;
            }
        }
        leptos::mount::mount_to_body(ui::Root);
    });
}

/// Fetches and installs the English column; a failure leaves the app in Russian and says
/// why in the console (a warning: the page works on).
#[cfg(target_arch = "wasm32")]
async fn fetch_english(config: &config::RuntimeConfig) {
    let path = config.href(&i18n::english::file_path());
    let why = match api::fetch_bundle_file(&path, config.request_timeout_ms).await {
        Err(error) => error.to_string(),
        Ok(text) => match max_channel_contract::json::from_json_str::<Vec<String>>(&text) {
            Err(error) => error.to_string(),
            Ok(rows) => match i18n::english::install(rows) {
                Ok(()) => return,
                Err(wrong) => format!("{} rows, not {}", wrong.rows, wrong.expected),
            },
        },
    };
    leptos::logging::warn!("max-channel: English is not available ({path}: {why}); showing Russian");
}
