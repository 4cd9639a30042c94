//! What the form does over the network — save, disconnect, settle a conflict — each a small
//! named workflow over the form's state. One request at a time: `saving` guards them all.
//! The calls are the form's tasks (`use_tasks`), so a page that is gone never hears back,
//! and a save runs on while the part of the form that started it is drawn again.

use leptos::prelude::*;
use max_channel_contract::{FieldError, SettingsWrite};

use super::state::{FormState, TokenCheck};
use crate::api::{ApiError, Loaded, Precondition, SharedBackend};
use crate::domain::SettingsForm;
use crate::i18n::Msg;
use crate::ui::{use_tasks, AppValue, Tasks};

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

/// The two ways out of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// «Загрузить их версию».
    LoadTheirs,
    /// «Продолжить редактирование».
    KeepMine,
}

/// The workflows and what they report. `Copy`: handlers capture it.
#[derive(Clone, Copy)]
pub struct Workflows {
    pub state: FormState,
    pub banner: RwSignal<Option<Banner>>,
    pub saving: RwSignal<bool>,
    pub api: StoredValue<SharedBackend>,
    /// The form's calls: taken by the form, they end with the page.
    pub tasks: Tasks,
    /// The app's known health: a save or a disconnection makes it unknown (a new token, no
    /// channel), so the «Работа канала» card checks again and no badge shows an old one.
    known_health: AppValue<Option<max_channel_contract::ChannelHealth>>,
}

impl Workflows {
    pub fn new(state: FormState, api: SharedBackend) -> Workflows {
        Workflows {
            state,
            banner: RwSignal::new(None),
            saving: RwSignal::new(false),
            api: StoredValue::new(api),
            tasks: use_tasks(),
            known_health: crate::ui::use_app().health,
        }
    }

    /// Shows `errors` at their controls, counts them in the banner, focuses the first.
    pub fn show_errors(&self, errors: Vec<FieldError>) {
        let count = self.state.show_errors(errors);
        self.banner.set(Some(Banner::Invalid(count)));
    }

    /// «Сохранить»: validate everything here first; send only a valid form.
    pub fn save(&self) {
        if self.saving.get_untracked() {
            return; // a double click sends one request
        }
        let state = self.state;
        let write = match state.form.with_untracked(|form| write_of(&state, form)) {
            Ok(write) => write,
            Err(errors) => return self.show_errors(errors),
        };
        let precondition = match state.version.get_untracked() {
            Some(v) => Precondition::Version(v),
            None => Precondition::Create,
        };
        let first_connection = !state.channel.with_untracked(|c| crate::domain::is_set_up(&c.state));
        let flows = *self;
        self.start(async move {
            let result = flows.api.get_value().save_settings(&write, &precondition).await;
            flows.saving.set(false);
            match result {
                Ok(saved) => flows.saved(saved, first_connection),
                Err(ApiError::Validation(fields)) if !fields.is_empty() => flows.show_errors(fields),
                Err(ApiError::VersionConflict(current)) => flows.banner.set(Some(Banner::Conflict(current))),
                Err(error) => flows.banner.set(Some(Banner::Failed(error, Action::Save))),
            }
        });
    }

    /// «Проверить»: the token's shape here first, then MAX through the back end. An answer
    /// for a token the person has since edited is stale and dropped.
    pub fn check_token(&self) {
        let state = self.state;
        if state.token_check.get_untracked() == TokenCheck::Checking {
            return;
        }
        let token = state.token.get_untracked();
        let trimmed = match max_channel_contract::check_token(&token) {
            Ok(trimmed) => trimmed.to_owned(),
            Err(code) => {
                return self.show_errors(vec![max_channel_contract::field_error(super::token::PATH.to_string(), code)])
            }
        };
        state.clear_error(super::token::PATH);
        state.token_check.set(TokenCheck::Checking);
        let api = self.api.get_value();
        self.tasks.spawn(async move {
            let outcome = api.verify_token(&trimmed).await;
            if max_channel_contract::check_token(&state.token.get_untracked()).ok() != Some(trimmed.as_str()) {
                return;
            }
            state.token_check.set(match outcome {
                Ok(bot) => TokenCheck::Valid(bot),
                Err(error) => TokenCheck::Failed(error),
            });
        });
    }

    /// «Отключить канал», once confirmed.
    pub fn disconnect(&self) {
        if self.saving.get_untracked() {
            return;
        }
        let flows = *self;
        self.start(async move {
            let result = flows.api.get_value().disconnect().await;
            flows.saving.set(false);
            match result {
                Ok(()) => {
                    flows.state.token_check.set(TokenCheck::Idle);
                    flows.banner.set(Some(Banner::Saved(Msg::Disconnected)));
                    flows.refresh_channel().await;
                    // «Отключить канал» is gone with the connection; reconnecting starts
                    // with a new token.
                    crate::ui::focus::keep_focus_in_page("#f-token");
                }
                Err(error) => flows.banner.set(Some(Banner::Failed(error, Action::Disconnect))),
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

    /// Settles a conflict with the other user's version; when the 412 did not carry it,
    /// it is fetched first. Nothing typed is touched unless the person chose their version.
    pub fn resolve_conflict(&self, theirs: Option<Box<Loaded>>, resolution: Resolution) {
        let state = self.state;
        let Some(theirs) = theirs else {
            let flows = *self;
            self.tasks.spawn(async move {
                match flows.api.get_value().settings().await {
                    Ok(Some(theirs)) => flows.resolve_conflict(Some(Box::new(theirs)), resolution),
                    // Deleted meanwhile: the next save creates them again.
                    Ok(None) => {
                        state.version.set(None);
                        flows.banner.set(None);
                    }
                    Err(error) => flows.banner.set(Some(Banner::Failed(error, Action::Save))),
                }
            });
            return;
        };
        let form = SettingsForm::from_settings(&theirs.settings);
        match resolution {
            Resolution::LoadTheirs => {
                // Their version replaces the restored one too: the next save restores nothing.
                state.restored_from.set(None);
                state.form.set(form.clone());
                state.baseline.set(form);
                state.errors.set(Vec::new());
            }
            // The next save overwrites their version with what was typed.
            Resolution::KeepMine => state.baseline.set(form),
        }
        state.version.set(Some(theirs.version.clone()));
        self.banner.set(None);
    }

    /// Marks the form busy and runs `work`.
    fn start(&self, work: impl std::future::Future<Output = ()> + 'static) {
        self.saving.set(true);
        self.banner.set(None);
        self.tasks.spawn(work);
    }

    fn saved(&self, saved: Loaded, first_connection: bool) {
        self.state.load_saved(SettingsForm::from_settings(&saved.settings), saved.version);
        self.state.restored_from.set(None);
        self.banner.set(Some(Banner::Saved(if first_connection { Msg::SavedFirst } else { Msg::Saved })));
        // Refresh the channel (state, token hint, bot) for the badge and the token section.
        let flows = *self;
        self.tasks.spawn(async move { flows.refresh_channel().await });
    }

    async fn refresh_channel(&self) {
        if let Ok(channel) = self.api.get_value().max_channel().await {
            self.known_health.set(None);
            self.state.channel.set(channel);
        }
    }
}

/// What «Сохранить» sends, or every error that stops it (sorted as rendered). A blank token
/// field keeps the stored token, if there is one.
fn write_of(state: &FormState, form: &SettingsForm) -> Result<SettingsWrite, Vec<FieldError>> {
    let token = state.token.get_untracked();
    let typed = Some(token.as_str()).filter(|t| !t.trim().is_empty());
    let mut errors = Vec::new();
    let token = match max_channel_contract::check_write_token(typed, state.has_stored_token()) {
        Ok(token) => token.map(str::to_owned),
        Err(error) => {
            errors.push(error);
            None
        }
    };
    match form.to_settings(state.chat_bots_service()) {
        Ok(settings) if errors.is_empty() => {
            Ok(SettingsWrite { token, settings, restored_from: state.restored_from.get_untracked() })
        }
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}
