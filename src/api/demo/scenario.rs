//! The preview's state as a designer sets it in the panel and shares it as a link: the
//! account, an error on one operation (once or always), the network's speed, loading held,
//! the token check's answer, a fixed clock, the language and the panel itself. Everything
//! is in the page's address (`?demo=connected&fault=500&on=putMaxSettings`), so a reload or
//! a copied link opens the same state. Pure: read and written here, tested natively.

use max_channel_contract::Operation;

pub use max_channel_fake::Preset;

max_channel_kit::closed_enum! {
    /// A back-end failure, as the panel offers it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum DemoFault {
        Unauthorized = "401",
        Forbidden = "403",
        Internal = "500",
        BadGateway = "502",
        RateLimited = "429",
        Network = "network",
        Timeout = "timeout",
        Unexpected = "unexpected",
        /// Calls that reach MAX (token check, save, health check and repair): MAX is down.
        MaxUnavailable = "max_unavailable",
        /// Saves only: someone else saved.
        VersionConflict = "412",
    }
}

/// Which calls an error meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultTarget {
    /// Every call: the pages' loads too.
    Every,
    /// The next call that changes something (a check, a save, a repair, a start…): the
    /// page stays as it is until the designer acts.
    NextAction,
    /// This operation only.
    Only(Operation),
}

impl FaultTarget {
    pub fn id(self) -> &'static str {
        match self {
            FaultTarget::Every => "every",
            FaultTarget::NextAction => "next",
            FaultTarget::Only(op) => op.name(),
        }
    }

    pub fn from_id(id: &str) -> Option<FaultTarget> {
        match id {
            "every" => Some(FaultTarget::Every),
            "next" => Some(FaultTarget::NextAction),
            other => Operation::parse(other).map(FaultTarget::Only),
        }
    }

    /// Whether a call of `op` meets the error.
    pub fn meets(self, op: Operation) -> bool {
        match self {
            FaultTarget::Every => true,
            FaultTarget::NextAction => op.method() != "GET",
            FaultTarget::Only(only) => only == op,
        }
    }

    /// Whether the pages must load again to show the error: only when a load meets it. An
    /// error waiting for an action leaves the page, and whatever was typed, as it is.
    pub fn meets_a_load(self) -> bool {
        Operation::ALL.into_iter().any(|op| op.method() == "GET" && self.meets(op))
    }
}

/// An error, the calls it meets, and whether it goes away after the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultRule {
    pub fault: DemoFault,
    pub on: FaultTarget,
    pub once: bool,
}

max_channel_kit::closed_enum! {
    /// What MAX says of a token the designer types, whatever it is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum TokenAnswer {
        /// A bot named after the token, as the fake's MAX answers.
        #[default]
        Valid = "ok",
        Refused = "refused",
        MaxUnavailable = "max_unavailable",
        RateLimited = "rate_limited",
    }
}

impl TokenAnswer {
    /// The token the fake's MAX is asked about instead, by the fake's own rule of
    /// beginnings (`revoked…`, `down…`, `busy…`): `None` keeps the typed one.
    pub fn stand_in(self) -> Option<&'static str> {
        match self {
            TokenAnswer::Valid => None,
            TokenAnswer::Refused => Some("revoked-preview-token"),
            TokenAnswer::MaxUnavailable => Some("down-preview-token"),
            TokenAnswer::RateLimited => Some("busy-preview-token"),
        }
    }
}

/// A moment of the week in the schedule's zone: Monday is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekMoment {
    pub weekday: u8,
    /// Minutes since midnight, 0–1439.
    pub minute: u16,
}

/// `mon` … `sun`, as the address writes a weekday.
pub const WEEKDAY_IDS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WeekMoment {
    /// `sat-19:30`.
    pub fn id(self) -> String {
        let day = WEEKDAY_IDS.get(usize::from(self.weekday)).copied().unwrap_or("mon");
        format!("{day}-{}", self.time_id())
    }

    /// `19:30`, as a time field holds it.
    pub fn time_id(self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }

    pub fn from_id(id: &str) -> Option<WeekMoment> {
        let (day, time) = id.split_once('-')?;
        let weekday = WEEKDAY_IDS.iter().position(|d| *d == day)?;
        let (hours, minutes) = time.split_once(':')?;
        let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
        (hours < 24 && minutes < 60 && time.len() == 5)
            .then_some(WeekMoment { weekday: weekday as u8, minute: hours * 60 + minutes })
    }
}

/// The preview's whole state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    /// The account: one of the fake's ready-made ones (`?demo=<id>`).
    pub data: Preset,
    pub fault: Option<FaultRule>,
    /// Every answer takes [`super::SLOW_MS`].
    pub slow: bool,
    /// Every call waits until this is switched off: the loading states stay on screen.
    pub hold: bool,
    pub token: TokenAnswer,
    /// The clock stands at this moment of the week when the preview starts, then runs.
    pub clock: Option<WeekMoment>,
    pub english: bool,
    /// «Проверка связи» opens by itself once the page shows its button (`open=check`): its
    /// states can be linked and drawn in the gallery.
    pub check: bool,
    /// `false` (`chrome=0`): no panel, for clean screenshots and the gallery's frames.
    pub chrome: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            data: Preset::NotConnected,
            fault: None,
            slow: false,
            hold: false,
            token: TokenAnswer::Valid,
            clock: None,
            english: false,
            check: false,
            chrome: true,
        }
    }
}

/// The address's keys the preview owns; every other key is the page's own (`days`).
pub const KEYS: [&str; 11] =
    ["demo", "fault", "on", "once", "slow", "hold", "token_check", "clock", "lang", "open", "chrome"];

/// `%3A` and `%2D` as a browser may write them; nothing else the preview writes is escaped.
fn unescape(value: &str) -> String {
    value.replace("%3A", ":").replace("%3a", ":").replace("%2D", "-").replace("%2d", "-")
}

/// The pairs of a query (`a=1&b`, with or without its `?`).
fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, "")))
}

impl Scenario {
    /// Reads the preview's keys of a query; what is missing or unknown keeps its default.
    pub fn from_query(query: &str) -> Scenario {
        let mut scenario = Scenario::default();
        let (mut fault, mut on, mut once) = (None, FaultTarget::Every, false);
        for (key, value) in pairs(query) {
            let value = unescape(value);
            match key {
                "demo" => scenario.data = Preset::parse(&value).unwrap_or(Preset::NotConnected),
                "fault" => fault = DemoFault::parse(&value),
                "on" => on = FaultTarget::from_id(&value).unwrap_or(FaultTarget::Every),
                "once" => once = value == "1",
                "slow" => scenario.slow = value == "1",
                "hold" => scenario.hold = value == "1",
                "token_check" => scenario.token = TokenAnswer::parse(&value).unwrap_or_default(),
                "clock" => scenario.clock = WeekMoment::from_id(&value),
                "lang" => scenario.english = value == "en",
                "open" => scenario.check = value == "check",
                "chrome" => scenario.chrome = value != "0",
                _ => {}
            }
        }
        scenario.fault = fault.map(|fault| FaultRule { fault, on, once });
        scenario
    }

    /// The preview's keys, defaults left out: `demo=connected&fault=500&on=putMaxSettings`.
    pub fn to_query(&self) -> String {
        let mut pairs = vec![format!("demo={}", self.data.name())];
        if let Some(rule) = self.fault {
            pairs.push(format!("fault={}", rule.fault.name()));
            if rule.on != FaultTarget::Every {
                pairs.push(format!("on={}", rule.on.id()));
            }
            if rule.once {
                pairs.push("once=1".into());
            }
        }
        for (on, key) in [(self.slow, "slow"), (self.hold, "hold")] {
            if on {
                pairs.push(format!("{key}=1"));
            }
        }
        if self.token != TokenAnswer::Valid {
            pairs.push(format!("token_check={}", self.token.name()));
        }
        if let Some(clock) = self.clock {
            pairs.push(format!("clock={}", clock.id()));
        }
        if self.english {
            pairs.push("lang=en".into());
        }
        if self.check {
            pairs.push("open=check".into());
        }
        if !self.chrome {
            pairs.push("chrome=0".into());
        }
        pairs.join("&")
    }

    /// A page's query with the preview's keys put in, the page's own kept first
    /// (`days=90&demo=sources`).
    pub fn merged_into(&self, query: &str) -> String {
        let own: Vec<String> = pairs(query)
            .filter(|(key, _)| !KEYS.contains(key))
            .map(|(key, value)| if value.is_empty() { key.to_owned() } else { format!("{key}={value}") })
            .collect();
        own.into_iter().chain([self.to_query()]).collect::<Vec<_>>().join("&")
    }

    /// Whether a query asks for preview mode at all (`?demo`, with or without a value).
    pub fn asked_in(query: &str) -> bool {
        pairs(query).any(|(key, _)| key == "demo")
    }
}

#[cfg(test)]
mod tests;
