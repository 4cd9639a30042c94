//! The app in a real browser (wasm-bindgen-test, headless Chromium), every page's console
//! watched (`support`). One test binary: the runner links, binds and starts a browser once
//! for all of them, not once per file.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod components;
#[cfg(feature = "preview")]
mod preview;
mod primitives;
#[cfg(feature = "preview")]
mod settings;
mod support;
