//! The connection and settings form (`/channels/max/settings`).

mod draft;
mod errors;
mod fields;
pub use fields::{error_id, field_id};
mod guard;
mod replies;
mod routing;
mod sections;
mod token;

use leptos::prelude::*;
use max_channel_contract::{BotInfo, ChatBot, FieldError, Group, MaxChannel, SettingsWrite};

use crate::api::{ApiError, Loaded, Precondition, SharedBackend};
use crate::domain::SettingsForm;
use crate::embed;
use crate::i18n::{count, Msg, Tr};
use crate::ui::{use_app, use_page_api, ErrorPanel, StateBadge};

/// What the page loads before the form can show.
#[derive(Clone)]
pub struct EditorData {
    pub channel: MaxChannel,
    pub saved: Option<Loaded>,
    pub groups: Vec<Group>,
    pub chat_bots: Vec<ChatBot>,
}

async fn load(api: SharedBackend) -> Result<EditorData, ApiError> {
    let (channel, saved, groups, chat_bots) =
        futures::join!(api.max_channel(), api.settings(), api.groups(), api.chat_bots());
    let channel = channel?;
    embed::report_state(&channel.state);
    Ok(EditorData { channel, saved: saved?, groups: groups?.items, chat_bots: chat_bots?.items })
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::SettingsTitle);
    let api = use_page_api();
    let loader = api.clone();
    // The app's refresh (preview mode's scenario switch) loads the form again: a form and
    // version from the account before the switch would meet the new account's 400/412.
    let refresh = app.refresh;
    let data = LocalResource::new(move || {
        refresh.track();
        load(loader.clone())
    });
    view! {
        <main class="page page--form">
            <a class="back-link" href=app.href("/channels/max")>
                {tr.t(Msg::AboutTitle)}
            </a>
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::SettingsTitle)}
            </h1>
            <Suspense fallback=move || {
                view! {
                    <p class="loading" aria-busy="true">
                        {tr.t(Msg::Loading)}
                    </p>
                }
            }>
                {
                    let api = api.clone();
                    move || {
                        let api = api.clone();
                        Suspend::new(async move {
                            match data.await {
                                Ok(loaded) => view! { <Editor loaded=loaded api=api /> }.into_any(),
                                Err(error) => {
                                    view! { <ErrorPanel error=error tr=tr on_retry=move |_| data.refetch() /> }
                                        .into_any()
                                }
                            }
                        })
                    }
                }
            </Suspense>
        </main>
    }
}

/// The outcome of «Проверить».
#[derive(Debug, Clone, PartialEq)]
pub enum TokenCheck {
    Idle,
    Checking,
    Valid(BotInfo),
    Failed(ApiError),
}

/// A message above the action bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Saved(Msg),
    /// Someone else saved; their version, to load or to overwrite.
    Conflict(Option<Box<Loaded>>),
    /// A call failed; «Повторить» runs the same action again.
    Failed(ApiError, Action),
    Invalid(usize),
}

/// What a failed banner retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Disconnect,
}

/// The form's state, shared by its sections. Every field is a signal (`Copy`).
#[derive(Clone, Copy)]
pub struct Editor {
    pub tr: Tr,
    pub form: RwSignal<SettingsForm>,
    /// What was loaded or last saved: the form is dirty when it differs.
    pub baseline: RwSignal<SettingsForm>,
    pub version: RwSignal<Option<String>>,
    pub token: RwSignal<String>,
    pub token_check: RwSignal<TokenCheck>,
    /// A connected channel shows its stored token; the field opens on «Заменить токен».
    pub replacing_token: RwSignal<bool>,
    pub channel: RwSignal<MaxChannel>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// The errors at the controls that show them, for the form as it is now.
    pub placed: Memo<Vec<errors::Placed>>,
    pub banner: RwSignal<Option<Banner>>,
    pub saving: RwSignal<bool>,
    pub groups: StoredValue<Vec<Group>>,
    pub chat_bots: StoredValue<Vec<ChatBot>>,
    pub api: StoredValue<SharedBackend>,
}

impl Editor {
    /// One value of the form, as a memo: re-read on every change, passed on only when it
    /// changed, so a keystroke in one control does not re-render the others.
    pub fn value<T: PartialEq + Clone + Send + Sync + 'static>(&self, read: fn(&SettingsForm) -> T) -> Signal<T> {
        let form = self.form;
        Memo::new(move |_| form.with(read)).into()
    }

    pub fn chat_bots_service(&self) -> bool {
        self.channel.with_untracked(|c| c.features.chat_bots_service)
    }

    /// Whether a token is stored on the back end.
    pub fn has_stored_token(&self) -> bool {
        self.channel.with_untracked(|c| c.token_hint.is_some())
    }

    /// Whether anything was typed and not saved (reactive).
    pub fn is_dirty(&self) -> bool {
        !self.token.with(String::is_empty) || self.form.with(|f| self.baseline.with(|b| f.is_dirty(b)))
    }

    /// The same, read from an event handler.
    pub fn is_dirty_now(&self) -> bool {
        !self.token.with_untracked(String::is_empty)
            || self.form.with_untracked(|f| self.baseline.with_untracked(|b| f.is_dirty(b)))
    }

    /// «Сохранить»: validate everything here first; send only a valid form.
    pub fn save(&self) {
        if self.saving.get_untracked() {
            return; // a double click sends one request
        }
        let chat_bots = self.chat_bots_service();
        let token = self.token.get_untracked();
        let mut errors = Vec::new();
        // A blank field keeps the stored token, if there is one.
        let typed = Some(token.as_str()).filter(|t| !t.trim().is_empty());
        let token_to_send = match max_channel_contract::check_write_token(typed, self.has_stored_token()) {
            Ok(token) => token.map(str::to_owned),
            Err(error) => {
                errors.push(error);
                None
            }
        };
        let settings = match self.form.with_untracked(|f| f.to_settings(chat_bots)) {
            Ok(s) if errors.is_empty() => s,
            Ok(_) => {
                self.show_errors(errors);
                return;
            }
            Err(more) => {
                errors.extend(more);
                self.show_errors(errors);
                return;
            }
        };
        let precondition = match self.version.get_untracked() {
            Some(v) => Precondition::Version(v),
            None => Precondition::Create,
        };
        let write = SettingsWrite { token: token_to_send, settings };
        let first_connection = !self.channel.with_untracked(|c| crate::domain::is_set_up(&c.state));
        let editor = *self;
        editor.saving.set(true);
        editor.banner.set(None);
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            let result = api.save_settings(&write, &precondition).await;
            editor.saving.set(false);
            match result {
                Ok(saved) => editor.saved(saved, first_connection),
                Err(ApiError::Validation(fields)) if !fields.is_empty() => editor.show_errors(fields),
                Err(ApiError::VersionConflict(current)) => editor.banner.set(Some(Banner::Conflict(current))),
                Err(error) => editor.banner.set(Some(Banner::Failed(error, Action::Save))),
            }
        });
    }

    /// «Отключить канал», once confirmed: one request at a time, like «Сохранить».
    pub fn disconnect(&self) {
        if self.saving.get_untracked() {
            return;
        }
        let editor = *self;
        editor.saving.set(true);
        editor.banner.set(None);
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            let result = api.disconnect().await;
            editor.saving.set(false);
            match result {
                Ok(()) => {
                    editor.token_check.set(TokenCheck::Idle);
                    editor.banner.set(Some(Banner::Saved(Msg::Disconnected)));
                    if let Ok(channel) = api.max_channel().await {
                        embed::report_state(&channel.state);
                        editor.channel.set(channel);
                    }
                    // «Отключить канал» is gone with the connection; reconnecting starts
                    // with a new token.
                    crate::ui::focus::keep_focus_in_page("#f-token");
                }
                Err(error) => editor.banner.set(Some(Banner::Failed(error, Action::Disconnect))),
            }
        });
    }

    /// Runs a failed action again.
    pub fn retry(&self, action: Action) {
        match action {
            Action::Save => self.save(),
            Action::Disconnect => self.disconnect(),
        }
    }

    fn saved(&self, saved: Loaded, first_connection: bool) {
        let form = SettingsForm::from_settings(&saved.settings);
        self.form.set(form.clone());
        self.baseline.set(form);
        self.version.set(Some(saved.version));
        self.errors.set(Vec::new());
        self.token.set(String::new());
        self.replacing_token.set(false);
        self.token_check.set(TokenCheck::Idle);
        self.banner.set(Some(Banner::Saved(if first_connection { Msg::SavedFirst } else { Msg::Saved })));
        // Refresh the channel (state, token hint, bot) for the badge and the token section.
        let editor = *self;
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(channel) = api.max_channel().await {
                embed::report_state(&channel.state);
                editor.channel.set(channel);
            }
        });
    }

    /// Settles a conflict with the other user's version; when the 412 did not carry it,
    /// it is fetched first. Nothing typed is touched unless the person chose their version.
    pub fn resolve_conflict(&self, theirs: Option<Box<Loaded>>, resolution: Resolution) {
        let editor = *self;
        let Some(theirs) = theirs else {
            let api = self.api.get_value();
            leptos::task::spawn_local(async move {
                match api.settings().await {
                    Ok(Some(theirs)) => editor.resolve_conflict(Some(Box::new(theirs)), resolution),
                    // Deleted meanwhile: the next save creates them again.
                    Ok(None) => {
                        editor.version.set(None);
                        editor.banner.set(None);
                    }
                    Err(error) => editor.banner.set(Some(Banner::Failed(error, Action::Save))),
                }
            });
            return;
        };
        match resolution {
            Resolution::LoadTheirs => {
                let form = SettingsForm::from_settings(&theirs.settings);
                self.form.set(form.clone());
                self.baseline.set(form);
                self.errors.set(Vec::new());
            }
            // The next save overwrites their version with what was typed.
            Resolution::KeepMine => self.baseline.set(SettingsForm::from_settings(&theirs.settings)),
        }
        self.version.set(Some(theirs.version.clone()));
        self.banner.set(None);
    }
}

/// The two ways out of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// «Загрузить их версию».
    LoadTheirs,
    /// «Продолжить редактирование».
    KeepMine,
}

/// The form over loaded data (also mounted alone by the browser tests).
#[component]
pub fn Editor(loaded: EditorData, api: SharedBackend) -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    let form = loaded.saved.as_ref().map(|s| SettingsForm::from_settings(&s.settings)).unwrap_or_default();
    let (errors, token, now) = (RwSignal::new(Vec::new()), RwSignal::new(String::new()), RwSignal::new(form.clone()));
    let editor = Editor {
        tr,
        form: now,
        baseline: RwSignal::new(form),
        version: RwSignal::new(loaded.saved.as_ref().map(|s| s.version.clone())),
        token,
        token_check: RwSignal::new(TokenCheck::Idle),
        replacing_token: RwSignal::new(false),
        channel: RwSignal::new(loaded.channel),
        errors,
        placed: errors::placed(tr, errors, now, token),
        banner: RwSignal::new(None),
        saving: RwSignal::new(false),
        groups: StoredValue::new(loaded.groups),
        chat_bots: StoredValue::new(loaded.chat_bots),
        api: StoredValue::new(api),
    };
    provide_context(editor);
    // Runs once, after the first render: the form is interactive with its data.
    Effect::new(|_| crate::perf::mark(crate::perf::FORM_READY));
    // A draft left by a reload or an expired session, when it differs from what was loaded.
    let offer = RwSignal::new(draft::read().filter(|d| editor.form.with_untracked(|f| &d.form != f)));
    Effect::new(move |_| {
        let dirty = editor.is_dirty();
        if offer.with(Option::is_some) {
            return; // keep the old draft until the person decides
        }
        if dirty {
            draft::write(&draft::Draft { base_version: editor.version.get_untracked(), form: editor.form.get() });
        } else {
            draft::clear();
        }
    });
    view! {
        {move || {
            offer
                .get()
                .map(|d| {
                    let restore = d.clone();
                    view! {
                        <div class="alert alert--warning" role="alert" id="draft-offer">
                            <p class="alert__text">
                                <strong>{tr.t(Msg::DraftOffer)}</strong>
                                " "
                                {tr.t(Msg::DraftText)}
                            </p>
                            <button
                                type="button"
                                class="button button--secondary"
                                id="draft-restore"
                                on:click=move |_| {
                                    editor.form.set(restore.form.clone());
                                    editor.version.set(restore.base_version.clone());
                                    offer.set(None);
                                    crate::ui::focus::keep_focus_in_page("main h1");
                                }
                            >
                                {tr.t(Msg::DraftRestore)}
                            </button>
                            <button
                                type="button"
                                class="button button--secondary"
                                id="draft-discard"
                                on:click=move |_| {
                                    draft::clear();
                                    offer.set(None);
                                    crate::ui::focus::keep_focus_in_page("main h1");
                                }
                            >
                                {tr.t(Msg::DraftDiscard)}
                            </button>
                        </div>
                    }
                })
        }}
        <guard::UnsavedGuard />
        <p class="about__state">
            <span class="about__state-label">{tr.t(Msg::CurrentState)}</span>
            " "
            {move || view! { <StateBadge state=editor.channel.with(|c| c.state.clone()) tr=tr /> }}
        </p>
        <form
            class="settings"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                editor.save();
            }
        >
            <token::TokenSection />
            <routing::RoutingSection />
            <sections::RepliesSection />
            <sections::ClosingSection />
            <sections::NonWorkingSection />
            <sections::AutoCloseSection />
            <ActionBar />
        </form>
    }
}

#[component]
fn BannerView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    move || {
        editor.banner.get().map(|banner| match banner {
            Banner::Saved(msg) => view! {
                <div class="alert alert--success" role="status">
                    {tr.t(msg)}
                </div>
            }
            .into_any(),
            Banner::Invalid(n) => {
                let fields = count(tr.0, Msg::UnitField, n as u64);
                view! {
                    <div class="alert alert--danger" role="alert">
                        {tr.f(Msg::FixErrors, &[("count", &fields)])}
                    </div>
                }
                .into_any()
            }
            Banner::Failed(error, action) => {
                view! { <ErrorPanel error=error tr=tr on_retry=move |_| editor.retry(action) /> }.into_any()
            }
            Banner::Conflict(theirs) => view! { <fields::ConflictBanner theirs=theirs /> }.into_any(),
        })
    }
}

/// «Отмена»: back to «О канале», after a confirmation when anything was changed.
#[component]
fn CancelButton(about: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let leave = StoredValue::new_local(move || {
        // The person chose to discard: the baseline takes the form, so nothing is dirty.
        editor.token.set(String::new());
        editor.baseline.set(editor.form.get_untracked());
        draft::clear();
        navigate("/channels/max", Default::default());
    });
    view! {
        <a
            class="button button--secondary"
            href=about
            id="cancel"
            on:click=move |ev| {
                ev.prevent_default();
                if editor.is_dirty() {
                    fields::open_dialog(dialog);
                } else {
                    leave.with_value(|leave| leave());
                }
            }
        >
            {tr.t(Msg::Cancel)}
        </a>
        <fields::ConfirmDialog
            id="cancel-dialog"
            title=Msg::CancelTitle
            text=Msg::CancelText
            confirm=Msg::CancelConfirm
            on_confirm=move |_| leave.with_value(|leave| leave())
            dialog=dialog
        />
    }
}

/// «Сохранить», «Отмена», «Отключить канал», always reachable (sticky).
#[component]
fn ActionBar() -> impl IntoView {
    let app = use_app();
    let editor = expect_context::<Editor>();
    let tr = editor.tr;
    let about = app.href("/channels/max");
    let connected = move || editor.channel.with(|c| crate::domain::is_set_up(&c.state) && c.token_hint.is_some());
    view! {
        <div class="action-bar">
            <BannerView />
            <errors::FormErrors />
            <div class="action-bar__buttons">
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || editor.saving.get().to_string()
                    aria-busy=move || editor.saving.get().to_string()
                >
                    {move || if editor.saving.get() { tr.t(Msg::Saving) } else { tr.t(Msg::Save) }}
                </button>
                <CancelButton about=about />
                <Show when=connected>
                    <fields::DisconnectButton />
                </Show>
            </div>
        </div>
    }
}
