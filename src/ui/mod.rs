//! Pages and components.

mod components;
mod pages;

pub use components::{ErrorPanel, StateBadge};

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::HttpClient;
use crate::config::RuntimeConfig;
use crate::i18n::{Msg, Tr};

/// What every page needs: the configuration, the API client, the language.
#[derive(Clone)]
pub struct AppContext {
    pub config: RuntimeConfig,
    pub client: HttpClient,
    pub tr: Tr,
}

impl AppContext {
    pub fn new(config: RuntimeConfig) -> AppContext {
        AppContext {
            client: HttpClient::new(&config),
            tr: Tr(config.locale),
            config,
        }
    }

    /// An href for an app route, below the router base.
    pub fn href(&self, route: &str) -> String {
        self.config.href(route)
    }
}

/// The context the pages read; panics only if a page is mounted outside [`App`].
pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// Reads the runtime configuration and starts the app, or explains why it cannot.
#[component]
pub fn Root() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let config = RuntimeConfig::from_document();
    #[cfg(not(target_arch = "wasm32"))]
    let config = RuntimeConfig::parse(None, None);
    match config {
        Ok(config) => view! { <App config=config /> }.into_any(),
        Err(error) => view! { <BrokenConfig details=error.to_string() /> }.into_any(),
    }
}

/// A clear message instead of a blank screen.
#[component]
fn BrokenConfig(details: String) -> impl IntoView {
    let tr = Tr(Default::default());
    view! {
        <main class="page">
            <div class="alert alert--danger" role="alert">
                {tr.f(Msg::ConfigBroken, &[("details", &details)])}
            </div>
        </main>
    }
}

/// The app with its routes, for a given configuration.
#[component]
pub fn App(config: RuntimeConfig) -> impl IntoView {
    let base = config.router_base.clone();
    let context = AppContext::new(config);
    let tr = context.tr;
    provide_context(context);
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(tr.t(Msg::AppTitle));
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", tr.0.tag());
        }
    }
    view! {
        <Router base=base>
            <Routes fallback=|| view! { <pages::NotFoundPage /> }>
                <Route path=path!("/") view=|| view! { <Redirect path="/channels" /> } />
                <Route path=path!("/channels") view=pages::ChannelGroupsPage />
                <Route path=path!("/channels/max") view=pages::AboutPage />
                <Route path=path!("/channels/max/settings") view=pages::SettingsPage />
            </Routes>
        </Router>
    }
}
