//! The root: the runtime configuration read, the English column fetched when asked for,
//! the context provided, and the page the address names.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use super::app::AppContext;
use super::navigation::{page_at, use_go, use_own_links, Page};
#[cfg(feature = "preview")]
use super::preview;
use super::{focus, pages, split};
use crate::config::RuntimeConfig;
use crate::embed;
use crate::i18n::{Msg, Tr};

/// Reads the runtime configuration and starts the app, or explains why it cannot.
#[component]
pub fn Root() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let config = RuntimeConfig::from_document();
    #[cfg(not(target_arch = "wasm32"))]
    let config = RuntimeConfig::parse(None, None);
    match config {
        Ok(config) => view! { <App config=config /> }.into_any(),
        Err(error) => view! { <BrokenConfig error=error /> }.into_any(),
    }
}

/// A clear message instead of a blank screen; the host and the console hear it too (to the
/// app's own origin: a configuration that cannot be read names no other).
#[component]
fn BrokenConfig(error: crate::config::ConfigError) -> impl IntoView {
    let tr = Tr(Default::default());
    let details = error.to_string();
    leptos::logging::error!("max-channel: the embedding configuration is broken ({details})");
    embed::start(None);
    embed::report_error("config", error.key());
    view! {
        <main class="page">
            <div class="alert alert--danger" role="alert">
                {tr.f(Msg::ConfigBroken, &[("details", &details)])}
            </div>
        </main>
    }
}

/// `?demo` (or `?demo=connected&fault=500…`) asks for preview mode: the query, which
/// holds the preview's state.
#[cfg(all(feature = "preview", target_arch = "wasm32"))]
fn preview_requested() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    crate::api::demo::Scenario::asked_in(&search).then_some(search)
}

#[cfg(not(all(feature = "preview", target_arch = "wasm32")))]
fn preview_requested() -> Option<String> {
    None
}

/// «Страница не найдена»; in the designers' build, `/gallery` is preview mode's gallery.
fn not_found() -> impl IntoView {
    #[cfg(feature = "preview")]
    return preview::not_found_or_gallery();
    #[cfg(not(feature = "preview"))]
    view! { <pages::NotFoundPage /> }
}

/// The app with its routes, for a given configuration.
#[component]
pub fn App(config: RuntimeConfig) -> impl IntoView {
    let base = config.router_base.clone();
    embed::start(config.parent_origin.as_deref());
    let preview = preview_requested();
    #[cfg(feature = "preview")]
    let (context, demo) = match &preview {
        Some(query) => preview::context(config, query),
        None => (AppContext::new(config), None),
    };
    #[cfg(not(feature = "preview"))]
    let context = AppContext::new(config);
    let _ = preview;
    let tr = context.tr;
    provide_context(context);
    // «Проверка связи» asks Contract 1.2's calls of the same fake the pages see.
    #[cfg(feature = "preview")]
    if let Some(demo) = &demo {
        provide_context(demo.clone());
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(tr.t(Msg::AppTitle));
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", tr.0.name());
        }
    }
    // After the first render: the first page is there to use.
    Effect::new(|_| embed::report_ready());
    use_own_links(base.clone());
    view! {
        <Router base=base.clone()>
            <focus::FocusHeadingOnNavigate />
            // Before the page: docked above or beside it, never over it.
            {#[cfg(feature = "preview")]
            { demo.map(|demo| view! { <preview::PreviewRoot demo=demo /> }) }}
            <Pages base=base />
        </Router>
    }
}

/// The page the address names. A plain match, not leptos_router's `<Routes>`: its owner
/// is cleaned whenever the page changes, so a page leaves nothing behind (decision 87).
#[component]
fn Pages(base: String) -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| location.pathname.with(|path| page_at(path, &base)));
    move || match page.get() {
        Page::Start => {
            // As a link would: the address becomes «Группы каналов» (no entry for «/»).
            let go = use_go();
            request_animation_frame(move || go.replace("/channels"));
            ().into_any()
        }
        Page::Groups => view! { <pages::ChannelGroupsPage /> }.into_any(),
        Page::About => view! { <pages::AboutPage /> }.into_any(),
        Page::Settings => view! { <split::SettingsRoute /> }.into_any(),
        Page::History => view! { <split::HistoryRoute /> }.into_any(),
        Page::NotFound => not_found().into_any(),
    }
}
