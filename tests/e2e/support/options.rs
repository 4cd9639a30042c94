//! What an end-to-end run starts with: the back end's options ([`Options`]).

use std::path::PathBuf;

use max_channel_devserver::{Config, SeedKind};

use super::engine::Scripts;
use super::{dist, production_dist, CSRF};

/// Options of one end-to-end run.
pub struct Options {
    pub base_path: String,
    pub chat_bots_service: bool,
    /// Off: the app alone, no back end (preview mode).
    pub serve_api: bool,
    pub request_timeout_ms: Option<u32>,
    /// «Работа канала»'s refresh period (default: the app's minute).
    pub health_refresh_ms: Option<u32>,
    /// The cabinet's account handed to the app.
    pub account_id: Option<&'static str>,
    /// The cabinet's language handed to the app: `ru` or `en`.
    pub locale: &'static str,
    /// Keeps the back end's state across a stop and restart.
    pub state_file: Option<PathBuf>,
    pub seed: SeedKind,
    /// The strict Content-Security-Policy (on unless a test proves something without it).
    pub csp: bool,
    /// WebDriver's `unhandledPromptBehavior`.
    pub prompts: &'static str,
    /// The production build at the root instead of the preview build, as `cargo xtask dev`
    /// serves them (the preview build is at `/preview/` either way).
    pub production_at_root: bool,
    /// A bundle of the test's own at the root instead (e.g. one with a file taken out).
    pub root_dist: Option<PathBuf>,
    /// The bundle's files below the base path only, none at the site root.
    pub files_below_base_only: bool,
    /// How Chromium runs the page's scripts.
    pub scripts: Scripts,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base_path: "/".into(),
            chat_bots_service: true,
            serve_api: true,
            request_timeout_ms: None,
            health_refresh_ms: None,
            account_id: None,
            locale: "ru",
            root_dist: None,
            state_file: None,
            seed: SeedKind::Standard,
            csp: true,
            prompts: "accept",
            production_at_root: false,
            files_below_base_only: false,
            scripts: Scripts::Compiled,
        }
    }
}

impl Options {
    pub(super) fn server_config(&self, port: u16) -> Config {
        Config {
            port,
            dist: Some(match &self.root_dist {
                Some(own) => own.clone(),
                None if self.production_at_root => production_dist(),
                None => dist(),
            }),
            preview_dist: Some(dist()),
            test_controls: true,
            csrf_token: CSRF.into(),
            base_path: self.base_path.clone(),
            chat_bots_service: self.chat_bots_service,
            serve_api: self.serve_api,
            request_timeout_ms: self.request_timeout_ms,
            health_refresh_ms: self.health_refresh_ms,
            account_id: self.account_id.map(str::to_owned),
            locale: self.locale.to_owned(),
            state_file: self.state_file.clone(),
            seed: self.seed,
            csp: self.csp,
            console_capture: true,
            files_below_base_only: self.files_below_base_only,
            ..Config::default()
        }
    }
}
