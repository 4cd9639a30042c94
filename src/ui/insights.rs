//! Contract 1.2's calls (`ChannelInsights`) over what the app talks to: the preview's fake
//! when there is one (the same instance the pages use), else the network. Used by the
//! split modules that make those calls («Проверка связи», «Откуда пишут клиенты»).

use std::sync::Arc;

use crate::api::{ChannelInsights, HttpClient};
use crate::ui::use_app;

pub type Insights = Arc<dyn ChannelInsights + Send + Sync>;

pub fn use_insights() -> Insights {
    #[cfg(feature = "preview")]
    if let Some(demo) = leptos::prelude::use_context::<Arc<crate::api::demo::DemoBackend>>() {
        return demo;
    }
    let config = use_app().config;
    Arc::new(HttpClient::new(&config).on_session_expired(Arc::new(crate::embed::report_session_expired)))
}
