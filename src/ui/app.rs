//! What every page shares, provided once at the root: the configuration, the back end,
//! the language and the app's shared values ([`AppContext`], read with [`use_app`]). The
//! components read it from here, never from the router above them.

use std::sync::Arc;

use leptos::prelude::*;

use super::AppValue;
use crate::api::{HttpClient, SharedBackend};
use crate::config::RuntimeConfig;
use crate::embed;
use crate::i18n::{Msg, Tr};

/// What every page needs: the configuration, the back end, the language.
#[derive(Clone)]
pub struct AppContext {
    pub config: RuntimeConfig,
    pub api: SharedBackend,
    pub tr: Tr,
    /// Bumped to make every page load its data again (the preview panel's scenarios); a
    /// page follows it through [`use_reload`]. Not in the production build: nothing there
    /// bumps it.
    #[cfg(feature = "preview")]
    pub refresh: AppValue<u64>,
    /// The channel's health as last learnt by a «Работа канала» card; newer than a loaded
    /// state, so every badge follows it (`domain::badge_with_health`). `None`: unknown.
    pub health: AppValue<Option<max_channel_contract::ChannelHealth>>,
    /// A version chosen on «История изменений» for the settings form to load as unsaved
    /// changes (taken once by the form).
    pub restore: RwSignal<Option<Restore>>,
}

/// «Вернуть настройки после этого изменения»: an entry's settings, version and moment. Never a token.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    pub settings: max_channel_contract::Settings,
    /// The version restored: the save carries it as `restored_from`.
    pub version: String,
    pub moment: String,
    /// The employees' names the history knew: the banner names what will change.
    pub employees: std::collections::HashMap<String, String>,
}

impl AppContext {
    /// The app over the network; a 401 tells the embedding cabinet.
    pub fn new(config: RuntimeConfig) -> AppContext {
        let client = HttpClient::new(&config).on_session_expired(Arc::new(embed::report_session_expired));
        AppContext::with_backend(config, Arc::new(client))
    }

    pub fn with_backend(config: RuntimeConfig, api: SharedBackend) -> AppContext {
        AppContext {
            api,
            tr: Tr(crate::i18n::english::usable(config.locale)),
            config,
            #[cfg(feature = "preview")]
            refresh: AppValue::new(0),
            health: AppValue::new(None),
            restore: RwSignal::new(None),
        }
    }

    /// An href for an app route, below the router base.
    pub fn href(&self, route: &str) -> String {
        self.config.href(route)
    }
}

/// The browser tab's title for a page: «Группы каналов · Канал MAX — Манго Диалоги», so
/// the tab, the history list and a screen reader name the page the person is on.
pub fn set_page_title(tr: Tr, page: Msg) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&tr.f(Msg::PageTitle, &[("page", tr.t(page))]));
    }
}

/// The viewer's UTC offset at a moment (minutes east), from the browser: its time zone,
/// daylight saving included (for `domain::when::ViewerClock`).
pub(crate) fn browser_offset_at(unix: i64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    -(date.get_timezone_offset() as i32)
}

/// What makes a page load its data again: `track` it in the page's load. Preview mode's
/// scenario switch bumps it; the production build has nothing that would, so there it is
/// nothing at all.
#[derive(Clone, Copy)]
pub struct Reload(#[cfg(feature = "preview")] ReadSignal<u64>);

impl Reload {
    pub fn track(&self) {
        #[cfg(feature = "preview")]
        self.0.track();
    }
}

/// The calling page's [`Reload`].
pub fn use_reload() -> Reload {
    #[cfg(feature = "preview")]
    return Reload(use_app().refresh.read());
    #[cfg(not(feature = "preview"))]
    Reload()
}

/// The context the pages read; panics only if a page is mounted outside [`App`].
pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}
