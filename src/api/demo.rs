//! Preview mode (`?demo`): an in-browser fake back end with sample data, so designers can
//! click through every state with nothing else running. It implements [`Backend`] like the
//! HTTP client and keeps the contract's rules (it validates with the same functions).

use std::sync::Mutex;

use max_channel_contract::fake_max::{self, FakeMax};
use max_channel_contract::samples;
use max_channel_contract::*;

use super::{ApiError, ApiFuture, Backend, Loaded, Precondition};

/// The account the preview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoData {
    NotConnected,
    Connected,
    /// Connected, but MAX refuses the stored token.
    NeedsAttention,
    /// Not connected, and the VATS has no «Чат-боты» service.
    NoChatBots,
}

impl DemoData {
    pub const ALL: [DemoData; 4] = [
        DemoData::NotConnected,
        DemoData::Connected,
        DemoData::NeedsAttention,
        DemoData::NoChatBots,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DemoData::NotConnected => "not_connected",
            DemoData::Connected => "connected",
            DemoData::NeedsAttention => "error",
            DemoData::NoChatBots => "no_chat_bots",
        }
    }

    pub fn from_id(id: &str) -> Option<DemoData> {
        DemoData::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// A back-end failure every call of the preview answers with, until switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoFault {
    Unauthorized,
    Forbidden,
    Internal,
    BadGateway,
    RateLimited,
    Network,
    Timeout,
    Unexpected,
    /// Writes only: MAX is down.
    MaxUnavailable,
    /// Saves only: someone else saved.
    VersionConflict,
}

impl DemoFault {
    pub const ALL: [DemoFault; 10] = [
        DemoFault::Unauthorized,
        DemoFault::Forbidden,
        DemoFault::Internal,
        DemoFault::BadGateway,
        DemoFault::RateLimited,
        DemoFault::Network,
        DemoFault::Timeout,
        DemoFault::Unexpected,
        DemoFault::MaxUnavailable,
        DemoFault::VersionConflict,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DemoFault::Unauthorized => "401",
            DemoFault::Forbidden => "403",
            DemoFault::Internal => "500",
            DemoFault::BadGateway => "502",
            DemoFault::RateLimited => "429",
            DemoFault::Network => "network",
            DemoFault::Timeout => "timeout",
            DemoFault::Unexpected => "unexpected",
            DemoFault::MaxUnavailable => "max_unavailable",
            DemoFault::VersionConflict => "412",
        }
    }

    pub fn from_id(id: &str) -> Option<DemoFault> {
        DemoFault::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The error a call of `op` answers with, if this fault touches it.
    fn error_for(self, op: Operation, current: Option<&Loaded>) -> Option<ApiError> {
        let error = match self {
            DemoFault::Unauthorized => ApiError::Unauthorized,
            DemoFault::Forbidden => ApiError::Forbidden,
            DemoFault::Internal => ApiError::Internal { status: 500 },
            DemoFault::BadGateway => ApiError::Other {
                status: 502,
                code: "bad_gateway".into(),
            },
            DemoFault::RateLimited => ApiError::RateLimited {
                retry_after: Some(30),
            },
            DemoFault::Network => ApiError::Network,
            DemoFault::Timeout => ApiError::Timeout,
            DemoFault::Unexpected => ApiError::Unexpected("preview: an HTML error page".into()),
            DemoFault::MaxUnavailable if op == Operation::VerifyMaxToken || op == Operation::PutMaxSettings => {
                ApiError::MaxUnavailable
            }
            DemoFault::VersionConflict if op == Operation::PutMaxSettings => {
                ApiError::VersionConflict(current.cloned().map(Box::new))
            }
            DemoFault::MaxUnavailable | DemoFault::VersionConflict => return None,
        };
        Some(error)
    }
}

/// The preview's knobs, as the scenario panel sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    pub data: DemoData,
    pub fault: Option<DemoFault>,
    /// Every answer takes [`SLOW_MS`].
    pub slow: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            data: DemoData::NotConnected,
            fault: None,
            slow: false,
        }
    }
}

/// The wait of the slow-network scenario.
pub const SLOW_MS: u32 = 2_000;

#[derive(Debug)]
struct Account {
    scenario: Scenario,
    state: ChannelState,
    state_reason: Option<StateReason>,
    token_hint: Option<String>,
    bot: Option<BotInfo>,
    settings: Option<Loaded>,
    last_version: u64,
    employees: Vec<Employee>,
}

/// The in-browser fake back end.
#[derive(Debug)]
pub struct DemoBackend {
    account: Mutex<Account>,
}

fn sample_bot() -> BotInfo {
    BotInfo {
        user_id: 9_000_000_001,
        first_name: "Магазин «Ромашка»".into(),
        username: Some("romashka_shop_bot".into()),
        avatar_url: None,
    }
}


fn sample_employees() -> Vec<Employee> {
    const SURNAMES: &[&str] = &[
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов",
        "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов",
    ];
    const MEN: &[&str] = &["Сергей", "Алексей", "Дмитрий", "Андрей", "Михаил", "Иван"];
    const WOMEN: &[&str] = &["Мария", "Анна", "Елена", "Ольга", "Наталья", "Ирина"];
    (0..240)
        .map(|i| {
            let surname = SURNAMES[i % SURNAMES.len()];
            let name = if i % 2 == 0 {
                format!("{surname} {}", MEN[(i / 2) % MEN.len()])
            } else {
                format!("{surname}а {}", WOMEN[(i / 2) % WOMEN.len()])
            };
            Employee {
                id: format!("e-{}", 101 + i),
                name,
                extension: Some(format!("{}", 101 + i)),
            }
        })
        .collect()
}



impl Account {
    fn new(scenario: Scenario) -> Account {
        let mut account = Account {
            scenario,
            state: ChannelState::NotConnected,
            state_reason: None,
            token_hint: None,
            bot: None,
            settings: None,
            last_version: 0,
            employees: sample_employees(),
        };
        if matches!(scenario.data, DemoData::Connected | DemoData::NeedsAttention) {
            account.state = ChannelState::Connected;
            account.token_hint = Some("…x7Qa".into());
            account.bot = Some(sample_bot());
            account.last_version = 7;
            account.settings = Some(Loaded {
                version: "7".into(),
                settings: samples::settings(),
            });
        }
        if scenario.data == DemoData::NeedsAttention {
            account.state = ChannelState::Error;
            account.state_reason = Some(StateReason::TokenRevoked);
        }
        account
    }

    fn chat_bots_service(&self) -> bool {
        self.scenario.data != DemoData::NoChatBots
    }
}

impl DemoBackend {
    pub fn new(scenario: Scenario) -> DemoBackend {
        DemoBackend {
            account: Mutex::new(Account::new(scenario)),
        }
    }

    fn account(&self) -> std::sync::MutexGuard<'_, Account> {
        self.account.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn scenario(&self) -> Scenario {
        self.account().scenario
    }

    /// Switches the scenario. A new data scenario starts its account afresh.
    pub fn set_scenario(&self, scenario: Scenario) {
        let mut account = self.account();
        if account.scenario.data != scenario.data {
            *account = Account::new(scenario);
        } else {
            account.scenario = scenario;
        }
    }

    /// The fault this call meets, if any.
    fn fault(&self, op: Operation) -> Result<(), ApiError> {
        let account = self.account();
        match account.scenario.fault.and_then(|f| f.error_for(op, account.settings.as_ref())) {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Waits like a network would, then applies the scenario's fault.
    async fn call(&self, op: Operation) -> Result<(), ApiError> {
        if self.scenario().slow {
            sleep(SLOW_MS).await;
        }
        self.fault(op)
    }

    pub fn channel_groups_now(&self) -> ChannelGroups {
        samples::channel_groups(self.account().state.clone())
    }

    pub fn max_channel_now(&self) -> MaxChannel {
        let account = self.account();
        MaxChannel {
            kind: ChannelKind::Max,
            title: "Max".into(),
            state: account.state.clone(),
            state_reason: account.state_reason.clone(),
            pricing: Pricing {
                monthly_fee: Money {
                    amount_minor: 50_000,
                    currency: "RUB".into(),
                },
            },
            guide_url: "https://www.mango-office.ru/support/virtualnaya_ats/multikanalnyy_chat/nastroyka_vidzheta_mkch/max/".into(),
            distribution_settings_url: Some("https://lk.mango-office.ru/vpbx/groups".into()),
            non_working_hours_rules_url: Some("https://www.mango-office.ru/support/non-working-hours/".into()),
            bot: account.bot.clone(),
            token_hint: account.token_hint.clone(),
            features: Features {
                chat_bots_service: account.chat_bots_service(),
            },
        }
    }

    pub fn verify_now(&self, token: &str) -> Result<BotInfo, ApiError> {
        let token = check_token(token).map_err(|code| ApiError::Validation(vec![field_error("token", code)]))?;
        let bot = fake_answer(token, false)?;
        let mut account = self.account();
        if account.state == ChannelState::NotConnected {
            account.state = ChannelState::TokenAuthorized;
        }
        Ok(bot)
    }

    pub fn save_now(&self, write: &SettingsWrite, precondition: &Precondition) -> Result<Loaded, ApiError> {
        let mut account = self.account();
        let current = account.settings.clone();
        match (precondition, &current) {
            (Precondition::Create, None) => {}
            (Precondition::Version(v), Some(c)) if *v == c.version => {}
            (_, Some(c)) => return Err(ApiError::VersionConflict(Some(Box::new(c.clone())))),
            (Precondition::Version(_), None) => return Err(ApiError::NotFound),
        }
        let ctx = WriteContext {
            chat_bots_service: account.chat_bots_service(),
            token_stored: account.token_hint.is_some(),
        };
        let fields = validate_write(write, ctx);
        if !fields.is_empty() {
            return Err(ApiError::Validation(fields));
        }
        if let Some(token) = &write.token {
            let token = check_token(token).unwrap_or_default();
            let bot = fake_answer(token, true)?;
            account.token_hint = Some(token_hint(token));
            account.bot = Some(bot);
        }
        account.last_version += 1;
        let saved = Loaded {
            version: account.last_version.to_string(),
            settings: normalized(&write.settings),
        };
        account.settings = Some(saved.clone());
        account.state = ChannelState::Connected;
        account.state_reason = None;
        Ok(saved)
    }

    pub fn disconnect_now(&self) {
        let mut account = self.account();
        account.state = ChannelState::NotConnected;
        account.state_reason = None;
        account.token_hint = None;
        account.bot = None;
    }

    pub fn employees_now(&self, query: &EmployeeQuery) -> EmployeePage {
        let account = self.account();
        if let Some(ids) = &query.ids {
            let items = ids
                .split(',')
                .filter_map(|id| account.employees.iter().find(|e| e.id == id.trim()).cloned())
                .collect();
            return EmployeePage {
                items,
                next_cursor: None,
            };
        }
        let needle = query.query.as_deref().unwrap_or("").trim().to_lowercase();
        let limit = query.limit.unwrap_or(EmployeeQuery::DEFAULT_LIMIT).clamp(1, EmployeeQuery::MAX_LIMIT) as usize;
        let offset: usize = query.cursor.as_deref().and_then(|c| c.parse().ok()).unwrap_or(0);
        let mut found = account.employees.iter().filter(|e| {
            needle.is_empty()
                || e.name.to_lowercase().contains(&needle)
                || e.extension.as_deref().is_some_and(|x| x.contains(&needle))
        });
        let items: Vec<Employee> = found.by_ref().skip(offset).take(limit).cloned().collect();
        let next_cursor = found.next().map(|_| (offset + items.len()).to_string());
        EmployeePage { items, next_cursor }
    }

    pub fn chat_bots_now(&self) -> ChatBotList {
        ChatBotList {
            items: if self.account().chat_bots_service() {
                samples::chat_bots()
            } else {
                vec![]
            },
        }
    }
}

/// The fake MAX's answer as the preview's error. On a save a refused token is a field error.
fn fake_answer(token: &str, on_save: bool) -> Result<BotInfo, ApiError> {
    match fake_max::outcome(token) {
        FakeMax::Valid(bot) => Ok(bot),
        FakeMax::Invalid if on_save => Err(ApiError::Validation(vec![field_error(
            "token",
            FieldErrorCode::TokenInvalid,
        )])),
        FakeMax::Invalid => Err(ApiError::TokenInvalid),
        FakeMax::Unavailable => Err(ApiError::MaxUnavailable),
        FakeMax::RateLimited { retry_after } => Err(ApiError::RateLimited {
            retry_after: Some(retry_after),
        }),
    }
}

/// A timer future on the browser's event loop.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Backend for DemoBackend {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        Box::pin(async move {
            self.call(Operation::ListChannelGroups).await?;
            Ok(self.channel_groups_now())
        })
    }

    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        Box::pin(async move {
            self.call(Operation::GetMaxChannel).await?;
            Ok(self.max_channel_now())
        })
    }

    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        Box::pin(async move {
            self.call(Operation::GetMaxSettings).await?;
            Ok(self.account().settings.clone())
        })
    }

    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        Box::pin(async move {
            self.call(Operation::VerifyMaxToken).await?;
            let slow = check_token(token).is_ok_and(fake_max::is_slow);
            if slow {
                sleep(SLOW_MS).await;
            }
            self.verify_now(token)
        })
    }

    fn save_settings<'a>(&'a self, write: &'a SettingsWrite, precondition: &'a Precondition) -> ApiFuture<'a, Loaded> {
        Box::pin(async move {
            self.call(Operation::PutMaxSettings).await?;
            self.save_now(write, precondition)
        })
    }

    fn disconnect(&self) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            self.call(Operation::DisconnectMax).await?;
            self.disconnect_now();
            Ok(())
        })
    }

    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage> {
        Box::pin(async move {
            self.call(Operation::ListEmployees).await?;
            Ok(self.employees_now(query))
        })
    }

    fn groups(&self) -> ApiFuture<'_, GroupList> {
        Box::pin(async move {
            self.call(Operation::ListGroups).await?;
            Ok(GroupList { items: samples::groups() })
        })
    }

    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        Box::pin(async move {
            self.call(Operation::ListChatBots).await?;
            Ok(self.chat_bots_now())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_set_up_the_account() {
        let demo = DemoBackend::new(Scenario::default());
        assert_eq!(demo.max_channel_now().state, ChannelState::NotConnected);
        demo.set_scenario(Scenario { data: DemoData::Connected, ..Scenario::default() });
        let channel = demo.max_channel_now();
        assert_eq!(channel.state, ChannelState::Connected);
        assert_eq!(channel.token_hint.as_deref(), Some("…x7Qa"));
        demo.set_scenario(Scenario { data: DemoData::NeedsAttention, ..Scenario::default() });
        assert_eq!(demo.max_channel_now().state_reason, Some(StateReason::TokenRevoked));
        demo.set_scenario(Scenario { data: DemoData::NoChatBots, ..Scenario::default() });
        assert!(!demo.max_channel_now().features.chat_bots_service);
        assert!(demo.chat_bots_now().items.is_empty());
        for data in DemoData::ALL {
            assert_eq!(DemoData::from_id(data.id()), Some(data));
        }
    }

    #[test]
    fn faults_touch_the_calls_they_name() {
        let demo = DemoBackend::new(Scenario { fault: Some(DemoFault::VersionConflict), ..Scenario::default() });
        assert!(demo.fault(Operation::GetMaxChannel).is_ok());
        assert!(matches!(demo.fault(Operation::PutMaxSettings), Err(ApiError::VersionConflict(_))));
        demo.set_scenario(Scenario { fault: Some(DemoFault::Unauthorized), ..Scenario::default() });
        assert_eq!(demo.fault(Operation::ListChannelGroups), Err(ApiError::Unauthorized));
        for fault in DemoFault::ALL {
            assert_eq!(DemoFault::from_id(fault.id()), Some(fault));
        }
    }

    #[test]
    fn saves_follow_the_contract() {
        let demo = DemoBackend::new(Scenario::default());
        let write = SettingsWrite { token: None, settings: samples::settings() };
        assert_eq!(
            demo.save_now(&write, &Precondition::Create).unwrap_err(),
            ApiError::Validation(vec![field_error("token", FieldErrorCode::Required)])
        );
        let write = SettingsWrite { token: Some("abc-1234".into()), settings: samples::settings() };
        let saved = demo.save_now(&write, &Precondition::Create).unwrap();
        assert_eq!(demo.max_channel_now().state, ChannelState::Connected);
        assert_eq!(demo.max_channel_now().token_hint.as_deref(), Some("…1234"));
        assert!(matches!(demo.save_now(&write, &Precondition::Create), Err(ApiError::VersionConflict(Some(_)))));
        let again = demo.save_now(&SettingsWrite { token: None, ..write.clone() }, &Precondition::Version(saved.version)).unwrap();
        assert_ne!(again.version, "1");
        demo.disconnect_now();
        assert_eq!(demo.max_channel_now().token_hint, None);
        assert!(demo.account().settings.is_some(), "settings stay");
    }

    #[test]
    fn token_outcomes_match_the_dev_back_ends() {
        let demo = DemoBackend::new(Scenario::default());
        assert_eq!(demo.verify_now("revoked-1"), Err(ApiError::TokenInvalid));
        assert_eq!(demo.verify_now("down-1"), Err(ApiError::MaxUnavailable));
        assert_eq!(demo.verify_now("busy-1"), Err(ApiError::RateLimited { retry_after: Some(30) }));
        assert!(matches!(demo.verify_now("a b"), Err(ApiError::Validation(_))));
        assert!(demo.verify_now("good-token").is_ok());
        assert_eq!(demo.max_channel_now().state, ChannelState::TokenAuthorized);
    }

    #[test]
    fn employees_are_searched_and_paged() {
        let demo = DemoBackend::new(Scenario::default());
        let page = demo.employees_now(&EmployeeQuery { query: Some("ИВАНОВ".into()), limit: Some(5), ..Default::default() });
        assert_eq!(page.items.len(), 5);
        assert!(page.items.iter().all(|e| e.name.to_lowercase().contains("иванов")));
        let next = demo.employees_now(&EmployeeQuery {
            query: Some("иванов".into()),
            limit: Some(5),
            cursor: page.next_cursor.clone(),
            ..Default::default()
        });
        assert_ne!(next.items[0].id, page.items[0].id);
        let ids = demo.employees_now(&EmployeeQuery { ids: Some("e-101,e-999".into()), ..Default::default() });
        assert_eq!(ids.items.len(), 1);
    }
}
