//! The settings form as a plain struct: what the person typed, converted to and from the
//! contract's `Settings`, validated by the contract's own rules with the contract's paths.
//!
//! Numbers stay text until validation, so nothing typed is ever lost or reformatted; delays
//! and periods are entered in a unit and stored in the contract's (seconds, minutes).

use max_channel_contract::{
    field_error, validate_settings, AutoClose, AutoReply, ClosingMessage, FieldError, NonWorkingHours, Repeat, Routing,
    Settings, Target,
};

use crate::domain::{
    field_order, DurationInput, FieldPath, ReplyField, ReplyList, Unit, AUTO_CLOSE_PRESETS, DELAY_UNITS,
    INTERVAL_UNITS, PERIOD_UNITS,
};

/// One auto-reply row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyForm {
    pub delay: DurationInput,
    pub text: String,
    pub repeat_every: bool,
    pub interval: DurationInput,
}

impl Default for ReplyForm {
    fn default() -> Self {
        ReplyForm {
            delay: DurationInput { text: "0".into(), unit: Unit::Seconds },
            text: String::new(),
            repeat_every: false,
            // 30 minutes: every 5 would send a day's dialog 288 messages.
            interval: DurationInput { text: "30".into(), unit: Unit::Minutes },
        }
    }
}

impl ReplyForm {
    pub fn from_reply(reply: &AutoReply) -> ReplyForm {
        let (repeat_every, interval) = match reply.repeat {
            Repeat::Once => (false, ReplyForm::default().interval),
            Repeat::Every { interval_seconds } => {
                (true, DurationInput::from_amount(interval_seconds, Unit::Seconds, &INTERVAL_UNITS))
            }
        };
        ReplyForm {
            delay: DurationInput::from_amount(reply.delay_seconds, Unit::Seconds, &DELAY_UNITS),
            text: reply.text.clone(),
            repeat_every,
            interval,
        }
    }
}

/// «Кто будет принимать обращение».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutingKind {
    Employee,
    Group,
    ChatBot,
}

/// Who takes dialogs while the chat-bot is unavailable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FallbackKind {
    Employee,
    Group,
}

/// Every choice of the routing section is kept while another kind is picked, so switching
/// back and forth loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutingForm {
    pub kind: RoutingKind,
    pub employee_id: String,
    pub group_id: String,
    pub chat_bot_id: String,
    pub fallback: Option<FallbackKind>,
    pub fallback_employee_id: String,
    pub fallback_group_id: String,
}

impl Default for RoutingForm {
    fn default() -> Self {
        RoutingForm {
            kind: RoutingKind::Employee,
            employee_id: String::new(),
            group_id: String::new(),
            chat_bot_id: String::new(),
            fallback: None,
            fallback_employee_id: String::new(),
            fallback_group_id: String::new(),
        }
    }
}

/// «Нерабочее время»: both switches are kept as typed; [`SettingsForm::set_non_working_chat_bot`]
/// and [`SettingsForm::set_non_working_replies`] keep them from both being on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NonWorkingForm {
    pub chat_bot_on: bool,
    pub chat_bot_id: String,
    pub replies_on: bool,
    pub replies: Vec<ReplyForm>,
}

/// «Автоматическое завершение диалогов»: a preset, or a custom period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoCloseForm {
    pub enabled: bool,
    /// A preset's minutes, or `None` for the custom value.
    pub preset: Option<i64>,
    pub custom: DurationInput,
}

impl Default for AutoCloseForm {
    fn default() -> Self {
        AutoCloseForm {
            enabled: false,
            preset: Some(1_440),
            custom: DurationInput { text: "1".into(), unit: Unit::Days },
        }
    }
}

/// The whole form. The token is here while typed, and never leaves memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsForm {
    pub routing: RoutingForm,
    pub replies: Vec<ReplyForm>,
    pub closing_enabled: bool,
    pub closing_text: String,
    pub non_working: NonWorkingForm,
    pub auto_close: AutoCloseForm,
}

/// What switching one «Нерабочее время» switch on did to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExclusionNotice {
    /// The auto-replies were switched off because the chat-bot was switched on.
    RepliesTurnedOff,
    /// The chat-bot was switched off because the auto-replies were switched on.
    ChatBotTurnedOff,
}

impl SettingsForm {
    /// The form for saved settings.
    pub fn from_settings(settings: &Settings) -> SettingsForm {
        let mut form = SettingsForm::default();
        let routing = &mut form.routing;
        match &settings.routing {
            Routing::Employee { employee_id } => {
                routing.kind = RoutingKind::Employee;
                routing.employee_id = employee_id.clone();
            }
            Routing::Group { group_id } => {
                routing.kind = RoutingKind::Group;
                routing.group_id = group_id.clone();
            }
            Routing::ChatBot { chat_bot_id, fallback } => {
                routing.kind = RoutingKind::ChatBot;
                routing.chat_bot_id = chat_bot_id.clone();
                match fallback {
                    Some(Target::Employee { employee_id }) => {
                        routing.fallback = Some(FallbackKind::Employee);
                        routing.fallback_employee_id = employee_id.clone();
                    }
                    Some(Target::Group { group_id }) => {
                        routing.fallback = Some(FallbackKind::Group);
                        routing.fallback_group_id = group_id.clone();
                    }
                    None => routing.fallback = None,
                }
            }
        }
        form.replies = settings.auto_replies.iter().map(ReplyForm::from_reply).collect();
        form.closing_enabled = settings.closing_message.enabled;
        form.closing_text = settings.closing_message.text.clone();
        match &settings.non_working_hours {
            NonWorkingHours::Off => {}
            NonWorkingHours::ChatBot { chat_bot_id } => {
                form.non_working.chat_bot_on = true;
                form.non_working.chat_bot_id = chat_bot_id.clone();
            }
            NonWorkingHours::AutoReplies { auto_replies } => {
                form.non_working.replies_on = true;
                form.non_working.replies = auto_replies.iter().map(ReplyForm::from_reply).collect();
            }
        }
        let minutes = settings.auto_close.after_minutes;
        form.auto_close = AutoCloseForm {
            enabled: settings.auto_close.enabled,
            preset: AUTO_CLOSE_PRESETS.contains(&minutes).then_some(minutes),
            custom: DurationInput::from_amount(minutes, Unit::Minutes, &PERIOD_UNITS),
        };
        form
    }

    /// Switches the non-working-hours chat-bot; on turns the auto-replies off, and says so.
    pub fn set_non_working_chat_bot(&mut self, on: bool) -> Option<ExclusionNotice> {
        self.non_working.chat_bot_on = on;
        (on && std::mem::replace(&mut self.non_working.replies_on, false)).then_some(ExclusionNotice::RepliesTurnedOff)
    }

    /// Switches the non-working-hours auto-replies; on turns the chat-bot off, and says so.
    /// Switching them on with an empty list adds a first row to fill.
    pub fn set_non_working_replies(&mut self, on: bool) -> Option<ExclusionNotice> {
        self.non_working.replies_on = on;
        if on && self.non_working.replies.is_empty() {
            self.non_working.replies.push(ReplyForm::default());
        }
        (on && std::mem::replace(&mut self.non_working.chat_bot_on, false)).then_some(ExclusionNotice::ChatBotTurnedOff)
    }

    /// The contract's settings, or every field error: first those of the typed numbers, then
    /// the contract's own rules on everything else, by the contract's paths.
    pub fn to_settings(&self, chat_bots_service: bool) -> Result<Settings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let settings = self.build(&mut errors);
        // A number that did not parse has its own error, not the range's.
        let rules: Vec<FieldError> = validate_settings(&settings, chat_bots_service)
            .into_iter()
            .filter(|e| !errors.iter().any(|n: &FieldError| n.path == e.path))
            .collect();
        errors.extend(rules);
        if errors.is_empty() {
            Ok(settings)
        } else {
            errors.sort_by_key(|e| field_order(&e.path));
            Err(errors)
        }
    }

    /// The settings as typed; a number that does not parse is noted as an error and built as
    /// `i64::MIN`, a value no row can really have, so it never makes another row a duplicate.
    fn build(&self, errors: &mut Vec<FieldError>) -> Settings {
        let r = &self.routing;
        let routing = match r.kind {
            RoutingKind::Employee => Routing::Employee { employee_id: r.employee_id.clone() },
            RoutingKind::Group => Routing::Group { group_id: r.group_id.clone() },
            RoutingKind::ChatBot => Routing::ChatBot {
                chat_bot_id: r.chat_bot_id.clone(),
                fallback: r.fallback.map(|kind| match kind {
                    FallbackKind::Employee => Target::Employee { employee_id: r.fallback_employee_id.clone() },
                    FallbackKind::Group => Target::Group { group_id: r.fallback_group_id.clone() },
                }),
            },
        };
        let non_working_hours = match (&self.non_working.chat_bot_on, &self.non_working.replies_on) {
            (true, _) => NonWorkingHours::ChatBot { chat_bot_id: self.non_working.chat_bot_id.clone() },
            (false, true) => NonWorkingHours::AutoReplies {
                auto_replies: build_replies(ReplyList::NonWorking, &self.non_working.replies, errors),
            },
            (false, false) => NonWorkingHours::Off,
        };
        let after_minutes = match self.auto_close.preset {
            Some(minutes) => minutes,
            None => number(&self.auto_close.custom, Unit::Minutes, FieldPath::AutoCloseAfter, errors),
        };
        Settings {
            routing,
            auto_replies: build_replies(ReplyList::Working, &self.replies, errors),
            closing_message: ClosingMessage { enabled: self.closing_enabled, text: self.closing_text.clone() },
            non_working_hours,
            auto_close: AutoClose { enabled: self.auto_close.enabled, after_minutes },
        }
    }

    /// Whether anything differs from `baseline` (what was loaded or last saved).
    pub fn is_dirty(&self, baseline: &SettingsForm) -> bool {
        self != baseline
    }
}

fn number(input: &DurationInput, base: Unit, path: FieldPath, errors: &mut Vec<FieldError>) -> i64 {
    input.amount(base).unwrap_or_else(|e| {
        errors.push(field_error(path.to_string(), e.code()));
        i64::MIN
    })
}

fn build_replies(list: ReplyList, rows: &[ReplyForm], errors: &mut Vec<FieldError>) -> Vec<AutoReply> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| AutoReply {
            delay_seconds: number(&row.delay, Unit::Seconds, list.row(i, ReplyField::Delay), errors),
            text: row.text.clone(),
            repeat: if row.repeat_every {
                Repeat::Every {
                    interval_seconds: number(
                        &row.interval,
                        Unit::Seconds,
                        list.row(i, ReplyField::RepeatInterval),
                        errors,
                    ),
                }
            } else {
                Repeat::Once
            },
        })
        .collect()
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;

// Proptest is a native dev-dependency: the property tests run natively, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "form_properties.rs"]
mod properties;
