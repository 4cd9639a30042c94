//! The one fake back end of the MAX channel contract (1.2).
//!
//! Pure Rust with no HTTP and no browser: the dev back end serves it over HTTP, preview
//! mode through the app's `Backend` trait, so both answer with the same rules, the same
//! sample data and the same names for the same ids. It keeps the account's state, checks
//! preconditions (If-Match / If-None-Match / 428 / 412 with `current`), validates writes
//! with the contract's rules plus reference checks, searches and pages employees, plays
//! MAX (tokens, the webhook subscription and its removal after 8 hours of failures),
//! keeps the work schedule and the history of changes — and reads the time only from the
//! [`Clock`] it is given, so tests and demos can move it.
//!
//! Calls that need MAX come in two steps (`prepare_*` / `commit_*`, `health_plan` /
//! `health_answer`), so the dev back end can ask the real MAX in between; the one-step
//! forms ask the built-in fake MAX.

pub mod clock;
mod delivery;
mod dialogs;
pub mod directory;
mod health;
mod history;
pub mod max;
mod ops;
mod outage;
pub mod presets;
mod refusal;
pub mod samples;

use max_channel_contract::*;
use serde::{Deserialize, Serialize};

pub use clock::{Clock, ManualClock};
pub use delivery::{
    reply_failure, Delivered, DeliveryTests, InboundUpdate, ScriptedTester, StoredTest, UpdateKind, TEST_REPLY_TEXT,
};
pub use dialogs::{zone_offset_minutes, Dialog};
pub use directory::{Directory, SeedKind};
pub use health::{HealthCall, HealthPlan, MaxHealthAnswer};
pub use history::Recorded;
pub use max::{FakeMax, MaxCondition, MaxError, MaxResult, MaxSubscription};
pub use ops::PendingSave;
pub use outage::OutagePeriod;
pub use presets::Preset;
pub use refusal::{names_version, Precondition, Refusal, RefusalBody};

/// Where the back end asks MAX to deliver the bot's updates (the fake's default).
pub const DEFAULT_WEBHOOK_URL: &str = "https://dialogs.mango-office.ru/webhooks/max/account-1";

/// The id of the session's administrator, unless told otherwise: the first employee.
pub const DEFAULT_ACTOR_ID: &str = "e-101";

/// Everything that changes: what a state file keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub state: ChannelState,
    #[serde(default)]
    pub state_reason: Option<StateReason>,
    /// The stored MAX token. Only the back end keeps it; answers show its last 4 characters.
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub bot: Option<BotInfo>,
    /// `None` until the first save: `getMaxSettings` answers 404.
    #[serde(default)]
    pub settings: Option<VersionedSettings>,
    /// The last version handed out; versions never repeat, even across disconnects.
    #[serde(default)]
    pub last_version: u64,
    pub chat_bots_service: bool,
    /// Oldest first.
    #[serde(default)]
    pub history: Vec<Recorded>,
    #[serde(default)]
    pub max: FakeMax,
    /// The health as last checked, and when (seconds since the epoch).
    #[serde(default)]
    pub health: Option<(i64, ChannelHealth)>,
    /// When «Проверить сейчас» last reached MAX.
    #[serde(default)]
    pub last_manual_check: Option<i64>,
    #[serde(default = "samples::schedule")]
    pub schedule: WorkSchedule,
    /// Who the session is: the actor of saves and disconnects.
    #[serde(default = "default_actor_id")]
    pub actor_id: String,
    /// 1.2: the last period MAX delivered nothing (`delivery.last_outage`).
    #[serde(default)]
    pub last_outage: Option<OutagePeriod>,
    /// 1.2: «Проверка связи».
    #[serde(default)]
    pub delivery: DeliveryTests,
    /// 1.2: the dialogs customers opened, oldest first («Откуда пишут клиенты»).
    #[serde(default)]
    pub dialogs: Vec<Dialog>,
}

fn default_actor_id() -> String {
    DEFAULT_ACTOR_ID.to_owned()
}

impl Account {
    pub fn new(chat_bots_service: bool) -> Account {
        Account {
            state: ChannelState::NotConnected,
            state_reason: None,
            token: None,
            bot: None,
            settings: None,
            last_version: 0,
            chat_bots_service,
            history: Vec::new(),
            max: FakeMax::default(),
            health: None,
            last_manual_check: None,
            schedule: samples::schedule(),
            actor_id: default_actor_id(),
            last_outage: None,
            delivery: DeliveryTests::default(),
            dialogs: Vec::new(),
        }
    }

    /// Whether a token is stored: connected, or connected with trouble.
    pub fn is_connected(&self) -> bool {
        self.token.is_some()
    }
}

/// The fake back end: one account, its directory, and the time.
pub struct Fake {
    clock: Box<dyn Clock>,
    /// Seconds added to the clock's time ([`Fake::advance`]).
    skew: i64,
    seed: SeedKind,
    pub directory: Directory,
    account: Account,
    webhook_url: String,
    /// Off when the caller asks the real MAX itself (the dev back end's `--max-api`):
    /// then nothing here consults the fake MAX behind its back.
    uses_fake_max: bool,
}

impl core::fmt::Debug for Fake {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Fake")
            .field("now", &self.now())
            .field("seed", &self.seed)
            .field("state", &self.account.state)
            .finish_non_exhaustive()
    }
}

impl Fake {
    pub fn new(seed: SeedKind, chat_bots_service: bool, clock: Box<dyn Clock>) -> Fake {
        Fake {
            clock,
            skew: 0,
            seed,
            directory: Directory::new(seed),
            account: Account::new(chat_bots_service),
            webhook_url: DEFAULT_WEBHOOK_URL.to_owned(),
            uses_fake_max: true,
        }
    }

    /// Takes a kept account back (a state file).
    pub fn restore(&mut self, account: Account) {
        self.account = account;
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    /// A fresh account, the same directory and clock.
    pub fn reset(&mut self, chat_bots_service: bool) {
        self.account = Account::new(chat_bots_service);
    }

    pub fn seed(&self) -> SeedKind {
        self.seed
    }

    pub fn set_webhook_url(&mut self, url: &str) {
        url.clone_into(&mut self.webhook_url);
    }

    pub fn webhook_url(&self) -> &str {
        &self.webhook_url
    }

    /// The caller asks the real MAX for tokens and health (see the field).
    pub fn use_external_max(&mut self) {
        self.uses_fake_max = false;
    }

    /// Seconds since the epoch, as the fake sees them.
    pub fn now(&self) -> i64 {
        self.clock.now_ms().div_euclid(1000) + self.skew
    }

    /// Moves the fake's time forward (or back, for building histories), letting MAX's own
    /// clock run: eight hours of failing deliveries remove the subscription.
    pub fn advance(&mut self, seconds: i64) {
        self.skew += seconds;
        self.tick();
    }

    /// Lets what happens by itself happen up to now.
    fn tick(&mut self) {
        let now = self.now();
        self.account.max.tick(now);
        self.tick_delivery_tests();
    }

    /// The session's administrator.
    pub fn actor(&self) -> Actor {
        let id = &self.account.actor_id;
        let name = self.directory.employee(id).map_or_else(|| format!("Администратор {id}"), |e| e.name.clone());
        Actor { id: id.clone(), name }
    }

    /// Acts as another administrator from now on (dev controls: a second person saving).
    pub fn set_actor(&mut self, id: &str) -> Result<(), Refusal> {
        if self.directory.employee(id).is_none() {
            return Err(Refusal::bad_request("Нет сотрудника с таким id."));
        }
        id.clone_into(&mut self.account.actor_id);
        Ok(())
    }

    /// Puts the fake MAX in a condition (dev controls, preview scenarios); the channel
    /// learns of it at its next health check.
    pub fn set_max_condition(&mut self, condition: MaxCondition) {
        let now = self.now();
        self.account.max.set_condition(condition, &self.webhook_url, now);
        self.account.health = None;
    }

    /// An update arrives now (dev controls), without a customer behind it: «Последнее
    /// обращение» only. [`Fake::deliver_update`] is a customer's, with dialogs and tests.
    pub fn deliver_inbound(&mut self) {
        self.inbound_at(self.now());
    }

    /// MAX delivered an update at `at`: «Последнее обращение», and the kept health is stale.
    pub(crate) fn inbound_at(&mut self, at: i64) {
        self.account.max.deliveries.last_inbound_at = Some(at);
        self.account.health = None;
    }

    /// Forces the channel's state, e.g. `error` with `token_revoked` (dev controls).
    pub fn force_state(&mut self, state: ChannelState, reason: Option<StateReason>) {
        self.account.state = state;
        self.account.state_reason = reason;
    }

    /// Replaces the work schedule (dev controls), if it keeps the contract's rules.
    pub fn set_schedule(&mut self, schedule: WorkSchedule) -> Result<(), Vec<ScheduleProblem>> {
        let problems = check_schedule(&schedule);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.account.schedule = schedule;
        Ok(())
    }

    /// `getSchedule`.
    pub fn schedule(&self) -> WorkSchedule {
        self.account.schedule.clone()
    }

    pub fn set_chat_bots_service(&mut self, on: bool) {
        self.account.chat_bots_service = on;
    }
}
