//! The connection and settings form: its state (`state`), its workflows over the network
//! (`workflows`), and its sections. The page that loads it is `ui::pages::settings`.

mod action_bar;
mod bar_status;
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
mod token_guide;
mod workflows;

pub use fields::{error_id, field_id, focus_later};
pub use state::{FormState, TokenCheck};
pub use workflows::{Action, Banner, Resolution, Workflows};

use leptos::prelude::*;
use max_channel_contract::{ChatBot, Group, MaxChannel};

use crate::api::{Loaded, SharedBackend};
use crate::domain::SettingsForm;
use crate::ui::customer_view::{CustomerView, FormView};
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

/// «Загружены настройки от …» and what saving them changes against what is saved now,
/// while the restored version is not saved.
#[component]
fn RestoredBanner(restore: crate::ui::Restore, saved: Option<max_channel_contract::Settings>) -> impl IntoView {
    use crate::domain::history_diff::{changes, Names};
    use crate::i18n::Msg;
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let group = |id: &str| state.groups.with_value(|g| g.iter().find(|g| g.id == id).map(|g| g.name.clone()));
    let chat_bot = |id: &str| state.chat_bots.with_value(|b| b.iter().find(|b| b.id == id).map(|b| b.name.clone()));
    let employee = |id: &str| restore.employees.get(id).cloned();
    let names = Names { group: &group, chat_bot: &chat_bot, employee: &employee };
    let lines = saved.map(|saved| changes(tr, &names, &saved, &restore.settings)).unwrap_or_default();
    let moment = [("moment", restore.moment.as_str())];
    let text = tr.f(if lines.is_empty() { Msg::HistoryRestored } else { Msg::HistoryRestoredChanges }, &moment);
    view! {
        <Show when=move || state.is_dirty()>
            <div class="alert alert--info" role="status" id="restored-banner">
                <p class="alert__text">{text.clone()}</p>
                <ul class="restored__changes">
                    {lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// «Как это увидит клиент»: the focus (and the scroll) to the view, not the router's hash.
fn jump_to_customer_view(ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    let view = document().get_element_by_id("customer-view").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(view) = view {
        let _ = view.focus();
    }
}

/// The form's state and workflows over loaded data, provided to the sections. A version
/// from «История изменений» (`restore`) becomes unsaved changes over what is saved now, so
/// the ordinary save (If-Match of the current version) and the unsaved-changes guard hold;
/// the token is never part of it. The person chose this version just now: an older draft
/// is not offered over it.
fn provide_editor(
    loaded: SettingsData,
    api: SharedBackend,
    restore: Option<&crate::ui::Restore>,
) -> (FormState, Workflows) {
    let tr = use_app().tr;
    let saved = loaded.saved.map(|s| (SettingsForm::from_settings(&s.settings), s.version));
    let state = FormState::new(tr, saved, loaded.channel, loaded.groups, loaded.chat_bots);
    if let Some(restore) = restore {
        state.draft_key.with_value(|key| draft::clear(key));
        state.form.set(SettingsForm::from_settings(&restore.settings));
        state.restored_from.set(Some(restore.version.clone()));
    }
    provide_context(ScheduleInfo::load(api.clone()));
    let flows = Workflows::new(state, api);
    provide_context(state);
    provide_context(flows);
    provide_context(FormView {
        tr,
        form: state.form,
        bot_name: state.bot_name(),
        chat_bots: state.chat_bots,
        focus: fields::focus_later,
    });
    (state, flows)
}

/// «Заменить токен» (the health card here, or on «О канале» with `?token=replace`): the
/// token field opens for a new token and takes the focus. Provided, since «Проверка связи»
/// from the save's banner offers it too.
fn use_replace_token(state: FormState, connected: bool) -> Callback<()> {
    let replace_token = Callback::new(move |()| {
        state.replacing_token.set(true);
        fields::focus_later(token::PATH);
    });
    provide_context(ReplaceToken(replace_token));
    // Read once, not followed: the router's address keeps every reader it ever had.
    let asked =
        leptos_router::hooks::use_location().query.with_untracked(|q| q.get("token").as_deref() == Some("replace"));
    if asked && connected {
        replace_token.run(());
    }
    replace_token
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
    let saved_settings = loaded.saved.as_ref().map(|s| s.settings.clone());
    let (state, flows) = provide_editor(loaded, api, restore.as_ref());
    // Runs once, after the first render: the form is interactive with its data.
    Effect::new(|_| crate::perf::mark(crate::perf::FORM_READY));
    let connected = move || state.channel.with(|c| crate::domain::is_set_up(&c.state));
    let replace_token = use_replace_token(state, connected());
    view! {
        {restore.map(|restore| view! { <RestoredBanner restore=restore saved=saved_settings /> })}
        <draft::DraftOffer />
        <guard::UnsavedGuard />
        <ChannelStateLine
            state=Signal::derive(move || state.channel.with(|c| c.state.clone()))
            reason=Signal::derive(move || state.channel.with(|c| c.state_reason.clone()))
        />
        <Show when=connected>
            <HealthCard on_replace_token=replace_token />
        </Show>
        // On a narrow screen the customer's view is below the whole form: a way to it first.
        <a class="link jump-to-view" href="#customer-view" on:click=jump_to_customer_view>
            {tr.t(crate::i18n::Msg::CustomerViewTitle)}
        </a>
        // The form and the customer's view: the bar, sticky over both, never hides a focus.
        <div class="editor" on:focusin=action_bar::keep_clear_of_action_bar>
            <form
                class="settings"
                id=action_bar::FORM_ID
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
            </form>
            <CustomerView />
        </div>
        // After the form, not in it: a sticky element cannot leave its parent, and at 360 px
        // «Работа канала» can push the form's top below the window — the bar went with it.
        <action_bar::ActionBar />
        <action_bar::DisconnectSection />
    }
}
