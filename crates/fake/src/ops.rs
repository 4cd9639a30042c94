//! The 1.0 operations: the channel, the token, the settings, the directory.

use max_channel_contract::*;

use crate::directory::channel_urls;
use crate::max::{self, MaxError, MaxResult};
use crate::refusal::{names_version, Precondition, Refusal};
use crate::{samples, Fake};

/// A save that passed every check that needs no MAX: what [`Fake::commit_save`] stores
/// once MAX has said yes to the carried token, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSave {
    settings: Settings,
    token: Option<String>,
    /// The version the save was based on, checked again at commit time.
    base_version: Option<String>,
    /// 1.2: the history's version this save brings back.
    restored_from: Option<String>,
}

impl PendingSave {
    /// The token to ask MAX about before committing.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }
}

/// What MAX said about a token, as the answer to the app.
fn refusal_of(error: &MaxError, on_save: bool) -> Refusal {
    match error {
        MaxError::Invalid | MaxError::BotBlocked if on_save => {
            Refusal::validation(vec![field_error("token", FieldErrorCode::TokenInvalid)])
        }
        MaxError::Invalid | MaxError::BotBlocked => Refusal::token_invalid(),
        MaxError::Unavailable | MaxError::ChatDenied => Refusal::max_unavailable(),
        MaxError::RateLimited { retry_after } => Refusal::rate_limited(*retry_after),
    }
}

impl Fake {
    /// `listChannelGroups`.
    pub fn channel_groups(&mut self) -> ChannelGroups {
        self.refresh_health_if_stale();
        samples::channel_groups(self.account.state.clone(), self.account.state_reason.clone())
    }

    /// `getMaxChannel`.
    pub fn max_channel(&mut self) -> MaxChannel {
        self.refresh_health_if_stale();
        let urls = channel_urls(self.seed);
        let account = &self.account;
        MaxChannel {
            kind: ChannelKind::Max,
            title: "MAX".into(),
            state: account.state.clone(),
            state_reason: account.state_reason.clone(),
            pricing: Pricing { monthly_fee: Money { amount_minor: 50_000, currency: "RUB".into() } },
            guide_url: urls.guide_url.into(),
            distribution_settings_url: Some(urls.distribution_settings_url.into()),
            non_working_hours_rules_url: Some(urls.non_working_hours_rules_url.into()),
            bot: account.bot.clone(),
            token_hint: account.token.as_deref().map(token_hint),
            features: Features { chat_bots_service: account.chat_bots_service },
        }
    }

    /// `verifyMaxToken`, first step: the token as MAX should see it (trimmed, well-formed).
    pub fn prepare_verify(&self, request: &TokenVerifyRequest) -> Result<String, Refusal> {
        check_token(&request.token)
            .map(str::to_owned)
            .map_err(|code| Refusal::validation(vec![field_error("token", code)]))
    }

    /// `verifyMaxToken`, second step, with MAX's `GET /me` answer. A verified token moves a
    /// channel that is not connected to «Токен авторизован»; nothing else is stored.
    pub fn commit_verify(&mut self, me: MaxResult<BotInfo>) -> Result<TokenVerifyResponse, Refusal> {
        let bot = me.map_err(|e| refusal_of(&e, false))?;
        if self.account.state == ChannelState::NotConnected {
            self.account.state = ChannelState::TokenAuthorized;
        }
        Ok(TokenVerifyResponse { bot })
    }

    /// `verifyMaxToken` with the fake MAX.
    pub fn verify_token(&mut self, request: &TokenVerifyRequest) -> Result<TokenVerifyResponse, Refusal> {
        let token = self.prepare_verify(request)?;
        let me = self.ask_fake_max_about(&token);
        self.commit_verify(me)
    }

    /// What the fake MAX says of a token that is not (yet) the stored one: its rules, unless
    /// MAX is down or throttling.
    pub fn ask_fake_max_about(&self, token: &str) -> MaxResult<BotInfo> {
        self.account.max.outage()?;
        max::me(token)
    }

    /// `getMaxSettings`: 404 before the first save.
    pub fn settings(&self) -> Result<VersionedSettings, Refusal> {
        self.account
            .settings
            .clone()
            .ok_or_else(|| Refusal::new(404, ErrorCode::NotFound, "Канал ещё не настраивался."))
    }

    /// The optimistic-concurrency check of a save against what is stored.
    fn check_precondition(&self, precondition: &Precondition) -> Result<(), Refusal> {
        match (precondition, &self.account.settings) {
            (Precondition::IfMatch(tags), Some(current)) if names_version(tags, &current.version) => Ok(()),
            (_, Some(current)) => Err(Refusal::conflict(current.clone())),
            (Precondition::CreateOnly, None) => Ok(()),
            // A version that never existed: a 412 would need `current`, which there is
            // none of; the request itself is wrong (decision 42).
            (Precondition::IfMatch(_), None) => {
                Err(Refusal::bad_request("Настроек с такой версией нет: канал ещё не настраивался."))
            }
        }
    }

    /// `putMaxSettings`, first step: precondition, the contract's rules, references.
    pub fn prepare_save(&self, precondition: &Precondition, write: &SettingsWrite) -> Result<PendingSave, Refusal> {
        self.check_precondition(precondition)?;
        let ctx = WriteContext {
            chat_bots_service: self.account.chat_bots_service,
            token_stored: self.account.is_connected(),
        };
        let mut fields = validate_write(write, ctx);
        fields.extend(validate_references(&write.settings, &self.directory));
        if let Some(version) = write.restored_from.as_deref().filter(|v| !v.is_empty()) {
            if !self.history_knows(version) {
                fields.push(field_error(RESTORED_FROM_PATH, FieldErrorCode::UnknownReference));
            }
        }
        if !fields.is_empty() {
            return Err(Refusal::validation(fields));
        }
        let token = write.token.as_deref().and_then(|t| check_token(t).ok()).map(str::to_owned);
        Ok(PendingSave {
            settings: normalized(&write.settings),
            token,
            base_version: self.account.settings.as_ref().map(|s| s.version.clone()),
            restored_from: write.restored_from.clone(),
        })
    }

    /// `putMaxSettings`, second step, with MAX's answer about the carried token (if any).
    /// Someone may have saved while MAX was asked: the version is checked again.
    pub fn commit_save(
        &mut self,
        pending: PendingSave,
        me: Option<MaxResult<BotInfo>>,
    ) -> Result<VersionedSettings, Refusal> {
        let new_token = match (pending.token, me) {
            (Some(token), Some(answer)) => Some((token, answer.map_err(|e| refusal_of(&e, true))?)),
            (Some(_), None) => return Err(Refusal::max_unavailable()),
            (None, _) => None,
        };
        let current = self.account.settings.as_ref().map(|s| s.version.clone());
        if current != pending.base_version {
            if let Some(settings) = self.account.settings.clone() {
                return Err(Refusal::conflict(settings));
            }
        }
        let now = self.now();
        let was_connected = self.account.is_connected();
        let account = &mut self.account;
        account.last_version += 1;
        let saved = VersionedSettings { version: account.last_version.to_string(), settings: pending.settings };
        account.settings = Some(saved.clone());
        let token_replaced = was_connected && new_token.is_some();
        if let Some((token, bot)) = new_token {
            account.token = Some(token);
            account.bot = Some(bot);
            // A new bot (or the first): the back end subscribes its webhook.
            account.max.forget();
            let url = self.webhook_url.clone();
            if let Some(token) = &account.token {
                let _ = account.max.subscribe(token, &url, now);
            }
            account.health = None;
        }
        account.state = ChannelState::Connected;
        account.state_reason = None;
        // The first save after a disconnect connects, whatever it restores (decision 69).
        let (event, restored_from) = match (was_connected, pending.restored_from) {
            (false, _) => (HistoryEvent::Connected, None),
            (true, Some(version)) => (HistoryEvent::Restored, Some(version)),
            (true, None) => (HistoryEvent::Saved, None),
        };
        self.record(event, Some(&saved), token_replaced, restored_from);
        if token_replaced || !was_connected {
            // A new bot's subscription was made just now: nothing is lost from here on.
            self.close_outage(now);
        }
        Ok(saved)
    }

    /// Stores settings (and a token with its bot) as a save would — new version, history
    /// entry, subscription — without preconditions, rules or MAX: for tests and dev
    /// controls that set an account up ("someone else saved this meanwhile").
    pub fn store_directly(&mut self, settings: Settings, token: Option<(String, BotInfo)>) -> VersionedSettings {
        let pending = PendingSave {
            settings,
            token: token.as_ref().map(|(t, _)| t.clone()),
            base_version: self.account.settings.as_ref().map(|s| s.version.clone()),
            restored_from: None,
        };
        let me = token.map(|(_, bot)| Ok(bot));
        match self.commit_save(pending, me) {
            Ok(saved) => saved,
            // Unreachable: the base version is the current one and MAX's answer is a bot.
            Err(_) => self
                .account
                .settings
                .clone()
                .unwrap_or_else(|| VersionedSettings { version: String::new(), settings: samples::settings() }),
        }
    }

    /// `putMaxSettings` with the fake MAX.
    pub fn save(&mut self, precondition: &Precondition, write: &SettingsWrite) -> Result<VersionedSettings, Refusal> {
        let pending = self.prepare_save(precondition, write)?;
        let me = pending.token().map(|token| self.ask_fake_max_about(token));
        self.commit_save(pending, me)
    }

    /// `disconnectMax`: forgets the token and the bot, keeps the settings. Idempotent; only
    /// a disconnect of a connected channel is a history entry.
    pub fn disconnect(&mut self) {
        let actor = Some(self.actor());
        self.disconnect_as(actor);
    }

    /// A disconnect by `actor` (`None`: the system, e.g. after MAX revoked the token).
    pub fn disconnect_as(&mut self, actor: Option<Actor>) {
        let was_connected = self.account.is_connected();
        let account = &mut self.account;
        account.state = ChannelState::NotConnected;
        account.state_reason = None;
        account.token = None;
        account.bot = None;
        account.max.forget();
        account.health = None;
        self.forget_delivery_tests();
        if was_connected {
            let now = self.now();
            // Nothing is expected from MAX any more; an outage ends with the channel.
            self.close_outage(now);
            self.record_as(actor, HistoryEvent::Disconnected, None, false, None);
        }
    }

    /// `listEmployees`: a case-insensitive search of name or extension, paged by opaque
    /// cursors (offsets this back end gave), or the employees of `ids`.
    pub fn employees(&self, query: &EmployeeQuery) -> Result<EmployeePage, Refusal> {
        if let Some(ids) = &query.ids {
            let items = ids.split(',').filter_map(|id| self.directory.employee(id.trim()).cloned()).collect();
            return Ok(EmployeePage { items, next_cursor: None });
        }
        let limit = query.limit.unwrap_or(EmployeeQuery::DEFAULT_LIMIT);
        if !(1..=EmployeeQuery::MAX_LIMIT).contains(&limit) {
            return Err(Refusal::bad_request("limit — от 1 до 100."));
        }
        let text = query.query.as_deref().unwrap_or_default();
        if text.chars().count() > EmployeeQuery::MAX_QUERY_CHARS {
            return Err(Refusal::bad_request("Строка поиска — не длиннее 100 символов."));
        }
        let offset = match query.cursor.as_deref() {
            None => 0,
            Some(cursor) => parse_cursor(cursor)
                .filter(|&n| n < self.directory.employees.len())
                .ok_or_else(|| Refusal::bad_request("Некорректный cursor."))?,
        };
        let mut matches = self.directory.search(text).skip(offset);
        let items: Vec<Employee> = matches.by_ref().take(limit as usize).cloned().collect();
        let next_cursor = matches.next().map(|_| (offset + items.len()).to_string());
        Ok(EmployeePage { items, next_cursor })
    }

    /// `listGroups`.
    pub fn groups(&self) -> GroupList {
        GroupList { items: self.directory.groups.clone() }
    }

    /// `listChatBots`: empty without the «Чат-боты» service.
    pub fn chat_bots(&self) -> ChatBotList {
        let items = if self.account.chat_bots_service { self.directory.chat_bots.clone() } else { vec![] };
        ChatBotList { items }
    }
}

/// A cursor this back end gives: a positive decimal number without a sign or leading zero.
pub(crate) fn parse_cursor(cursor: &str) -> Option<usize> {
    let canonical = !cursor.is_empty() && cursor.bytes().all(|b| b.is_ascii_digit()) && !cursor.starts_with('0');
    canonical.then(|| cursor.parse().ok()).flatten()
}
