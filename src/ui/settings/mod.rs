//! The connection and settings form: its state (`state`), its workflows over the network
//! (`workflows`), and its sections. The page that loads it is `ui::pages::settings`.

mod action_bar;
mod draft;
mod errors;
mod fields;
mod guard;
mod picker;
mod replies;
mod routing;
mod sections;
mod state;
mod token;
mod workflows;

pub use fields::{error_id, field_id};
pub use state::{FormState, TokenCheck};
pub use workflows::{Action, Banner, Resolution, Workflows};

use leptos::prelude::*;
use max_channel_contract::{ChatBot, Group, MaxChannel};

use crate::api::{Loaded, SharedBackend};
use crate::domain::SettingsForm;
use crate::i18n::Msg;
use crate::ui::{use_app, StateBadge};

/// What the form needs loaded before it can show.
#[derive(Clone)]
pub struct SettingsData {
    pub channel: MaxChannel,
    pub saved: Option<Loaded>,
    pub groups: Vec<Group>,
    pub chat_bots: Vec<ChatBot>,
}

/// The form over loaded data (also mounted alone by the browser tests).
#[component]
pub fn SettingsEditor(loaded: SettingsData, api: SharedBackend) -> impl IntoView {
    let tr = use_app().tr;
    let saved = loaded.saved.map(|s| (SettingsForm::from_settings(&s.settings), s.version));
    let state = FormState::new(tr, saved, loaded.channel, loaded.groups, loaded.chat_bots);
    let flows = Workflows::new(state, api);
    provide_context(state);
    provide_context(flows);
    // Runs once, after the first render: the form is interactive with its data.
    Effect::new(|_| crate::perf::mark(crate::perf::FORM_READY));
    view! {
        <draft::DraftOffer />
        <guard::UnsavedGuard />
        <p class="about__state">
            <span class="about__state-label">{tr.t(Msg::CurrentState)}</span>
            " "
            {move || view! { <StateBadge state=state.channel.with(|c| c.state.clone()) tr=tr /> }}
        </p>
        <form
            class="settings"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                flows.save();
            }
        >
            <token::TokenSection />
            <routing::RoutingSection />
            <sections::RepliesSection />
            <sections::ClosingSection />
            <sections::NonWorkingSection />
            <sections::AutoCloseSection />
            <action_bar::ActionBar />
        </form>
    }
}
