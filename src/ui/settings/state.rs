//! The form's state: what was typed, what it is measured against, and the errors shown at
//! its controls. Plain signals, shared by the sections through context; the workflows that
//! change it from the network live in `workflows`.

use leptos::prelude::*;
use max_channel_contract::{BotInfo, ChatBot, FieldError, Group, MaxChannel};

use super::errors::{placed, Placed};
use crate::api::ApiError;
use crate::domain::SettingsForm;
use crate::i18n::Tr;

/// The outcome of «Проверить».
#[derive(Debug, Clone, PartialEq)]
pub enum TokenCheck {
    Idle,
    Checking,
    Valid(BotInfo),
    Failed(ApiError),
}

/// The form's state. Every field is a signal or a stored value (`Copy`).
#[derive(Clone, Copy)]
pub struct FormState {
    pub tr: Tr,
    pub form: RwSignal<SettingsForm>,
    /// What was loaded or last saved: the form is dirty when it differs.
    pub baseline: RwSignal<SettingsForm>,
    /// The version the next save is conditional on (`None`: nothing saved yet).
    pub version: RwSignal<Option<String>>,
    /// The token being typed; never stored anywhere else.
    pub token: RwSignal<String>,
    pub token_check: RwSignal<TokenCheck>,
    /// A connected channel shows its stored token; the field opens on «Заменить токен».
    pub replacing_token: RwSignal<bool>,
    pub channel: RwSignal<MaxChannel>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// The errors at the controls that show them, for the form as it is now.
    pub placed: Memo<Vec<Placed>>,
    pub groups: StoredValue<Vec<Group>>,
    pub chat_bots: StoredValue<Vec<ChatBot>>,
    /// The history's version the form was loaded from («Вернуть настройки…»), until it is
    /// saved: the save says so (`restored_from`) and the history reads it as a restore.
    pub restored_from: RwSignal<Option<String>>,
    /// Where this account's unsaved draft is kept (`draft::key_for`).
    pub draft_key: StoredValue<String>,
}

impl FormState {
    /// The bot's name as the customer sees it: from the token check, else the stored bot,
    /// else «Ваш бот».
    pub fn bot_name(self) -> Memo<String> {
        Memo::new(move |_| {
            let checked = self.token_check.with(|c| match c {
                TokenCheck::Valid(bot) => Some(bot.first_name.clone()),
                _ => None,
            });
            checked
                .or_else(|| self.channel.with(|c| c.bot.as_ref().map(|b| b.first_name.clone())))
                .unwrap_or_else(|| self.tr.t(crate::i18n::Msg::BotFallbackName).to_owned())
        })
    }

    /// The state of a form opened on `saved` (or on a blank form).
    pub fn new(
        tr: Tr,
        saved: Option<(SettingsForm, String)>,
        channel: MaxChannel,
        groups: Vec<Group>,
        chat_bots: Vec<ChatBot>,
    ) -> FormState {
        let (form, version) = match saved {
            Some((form, version)) => (form, Some(version)),
            None => (SettingsForm::default(), None),
        };
        let (errors, token, now) =
            (RwSignal::new(Vec::new()), RwSignal::new(String::new()), RwSignal::new(form.clone()));
        FormState {
            tr,
            form: now,
            baseline: RwSignal::new(form),
            version: RwSignal::new(version),
            token,
            token_check: RwSignal::new(TokenCheck::Idle),
            replacing_token: RwSignal::new(false),
            channel: RwSignal::new(channel),
            errors,
            placed: placed(tr, errors, now, token),
            groups: StoredValue::new(groups),
            chat_bots: StoredValue::new(chat_bots),
            restored_from: RwSignal::new(None),
            // Outside the app (native tests) there is no account: the plain key.
            draft_key: StoredValue::new(super::draft::key_for(
                use_context::<crate::ui::AppContext>().and_then(|app| app.config.account_id).as_deref(),
            )),
        }
    }

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

    /// The person chose to discard what was typed: the baseline takes the form, so nothing
    /// is dirty, and the draft goes.
    pub fn discard(&self) {
        self.token.set(String::new());
        self.baseline.set(self.form.get_untracked());
        self.draft_key.with_value(|key| super::draft::clear(key));
    }

    /// A saved version becomes the form and its baseline; errors and the typed token go.
    pub fn load_saved(&self, form: SettingsForm, version: String) {
        self.form.set(form.clone());
        self.baseline.set(form);
        self.version.set(Some(version));
        self.errors.set(Vec::new());
        self.token.set(String::new());
        self.replacing_token.set(false);
        self.token_check.set(TokenCheck::Idle);
    }
}
