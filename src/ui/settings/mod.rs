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

pub use fields::{error_id, field_id, focus_later};
pub use state::{FormState, TokenCheck};
pub use workflows::{Action, Banner, Resolution, Workflows};

use leptos::prelude::*;
use max_channel_contract::{ChatBot, Group, MaxChannel};

use crate::api::{Loaded, SharedBackend};
use crate::domain::SettingsForm;
use crate::ui::customer_view::CustomerView;
use crate::ui::health::{ChannelStateLine, HealthCard};
use crate::ui::schedule::ScheduleInfo;
use crate::ui::use_app;

/// «Заменить токен» on this page: the token field opens for a new token and takes the focus.
#[derive(Clone, Copy)]
pub struct ReplaceToken(pub Callback<()>);

/// What the form needs loaded before it can show.
#[derive(Clone)]
pub struct SettingsData {
    pub channel: MaxChannel,
    pub saved: Option<Loaded>,
    pub groups: Vec<Group>,
    pub chat_bots: Vec<ChatBot>,
}

/// «Загружена версия от … Проверьте и сохраните.» while the restored version is not saved.
#[component]
fn RestoredBanner(moment: String) -> impl IntoView {
    let state = expect_context::<FormState>();
    let text = state.tr.f(crate::i18n::Msg::HistoryRestored, &[("moment", &moment)]);
    view! {
        <Show when=move || state.is_dirty()>
            <div class="alert alert--info" role="status" id="restored-banner">
                <p class="alert__text">{text.clone()}</p>
            </div>
        </Show>
    }
}

/// The form over loaded data (also mounted alone by the browser tests).
#[component]
pub fn SettingsEditor(
    loaded: SettingsData,
    api: SharedBackend,
    /// A version from «История изменений» to load as unsaved changes.
    #[prop(optional_no_strip)]
    restore: Option<crate::ui::Restore>,
) -> impl IntoView {
    let tr = use_app().tr;
    let saved = loaded.saved.map(|s| (SettingsForm::from_settings(&s.settings), s.version));
    let state = FormState::new(tr, saved, loaded.channel, loaded.groups, loaded.chat_bots);
    // «Вернуть эту версию» on «История изменений»: the version becomes unsaved changes
    // over what is saved now, so the ordinary save (If-Match of the current version) and
    // the unsaved-changes guard hold; the token is never part of it. The person chose this
    // version just now: an older draft is not offered over it.
    let restored = restore;
    if let Some(restore) = &restored {
        draft::clear();
        state.form.set(SettingsForm::from_settings(&restore.settings));
    }
    provide_context(ScheduleInfo::load(api.clone()));
    let flows = Workflows::new(state, api);
    provide_context(state);
    provide_context(flows);
    // Runs once, after the first render: the form is interactive with its data.
    Effect::new(|_| crate::perf::mark(crate::perf::FORM_READY));
    let connected = move || state.channel.with(|c| crate::domain::is_set_up(&c.state));
    // «Заменить токен» (the health card here, or on «О канале» with `?token=replace`).
    let replace_token = Callback::new(move |()| {
        state.replacing_token.set(true);
        fields::focus_later(token::PATH);
    });
    // «Проверка связи» from the save's banner offers it too.
    provide_context(ReplaceToken(replace_token));
    let asked = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("token").as_deref() == Some("replace"));
    if asked && connected() {
        replace_token.run(());
    }
    view! {
        {restored.map(|restore| view! { <RestoredBanner moment=restore.moment /> })}
        <draft::DraftOffer />
        <guard::UnsavedGuard />
        <ChannelStateLine
            state=Signal::derive(move || state.channel.with(|c| c.state.clone()))
            reason=Signal::derive(move || state.channel.with(|c| c.state_reason.clone()))
        />
        <Show when=connected>
            <HealthCard on_replace_token=replace_token />
        </Show>
        <div class="editor">
            <form
                class="settings"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    flows.save();
                }
                on:focusin=action_bar::keep_clear_of_action_bar
            >
                <token::TokenSection />
                <routing::RoutingSection />
                <sections::RepliesSection />
                <sections::ClosingSection />
                <sections::NonWorkingSection />
                <sections::AutoCloseSection />
                <action_bar::ActionBar />
            </form>
            <CustomerView />
        </div>
    }
}
