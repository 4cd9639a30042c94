//! The settings form as a plain struct: what the person typed, converted to and from the
//! contract's `Settings`, validated by the contract's own rules with the contract's paths.
//!
//! Numbers stay text until validation, so nothing typed is ever lost or reformatted; delays
//! and periods are entered in a unit and stored in the contract's (seconds, minutes).

use max_channel_contract::{
    field_error, validate_settings, AutoClose, AutoReply, ClosingMessage, FieldError, FieldErrorCode,
    NonWorkingHours, Repeat, Routing, Settings, Target,
};

/// A unit of a duration the person picks, with its size in the contract's base unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Seconds,
    Minutes,
    Hours,
    Days,
}

impl Unit {
    /// How many seconds one of this unit is.
    pub fn seconds(self) -> i64 {
        match self {
            Unit::Seconds => 1,
            Unit::Minutes => 60,
            Unit::Hours => 3_600,
            Unit::Days => 86_400,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Unit::Seconds => "s",
            Unit::Minutes => "min",
            Unit::Hours => "h",
            Unit::Days => "d",
        }
    }

    pub fn from_id(id: &str) -> Option<Unit> {
        [Unit::Seconds, Unit::Minutes, Unit::Hours, Unit::Days]
            .into_iter()
            .find(|u| u.id() == id)
    }
}

/// Units offered for an auto-reply's delay («секунд / минут / часов»).
pub const DELAY_UNITS: [Unit; 3] = [Unit::Seconds, Unit::Minutes, Unit::Hours];
/// Units offered for a repeat interval («минут / часов»).
pub const INTERVAL_UNITS: [Unit; 2] = [Unit::Minutes, Unit::Hours];
/// Units offered for a custom auto-close period («минут / часов / дней»).
pub const PERIOD_UNITS: [Unit; 3] = [Unit::Minutes, Unit::Hours, Unit::Days];

/// The auto-close presets, in minutes: 15 мин … 7 дней.
pub const AUTO_CLOSE_PRESETS: [i64; 8] = [15, 30, 60, 180, 720, 1_440, 4_320, 10_080];

/// A duration as typed: the number's text and its unit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DurationInput {
    pub text: String,
    pub unit: Unit,
}

impl DurationInput {
    /// `amount` of the base unit, shown in the largest of `units` that divides it evenly, so
    /// 300 s reads «5 минут» and 90 s «90 секунд». When none does (an interval of 61 s), it
    /// stays in the base unit: never rounded, so nothing saved is changed by showing it.
    pub fn from_amount(amount: i64, base: Unit, units: &[Unit]) -> DurationInput {
        let seconds = amount.saturating_mul(base.seconds());
        let unit = units
            .iter()
            .rev()
            .copied()
            .find(|u| u.seconds() >= base.seconds() && seconds % u.seconds() == 0 && seconds != 0)
            .unwrap_or(base);
        DurationInput {
            text: (seconds / unit.seconds()).to_string(),
            unit,
        }
    }

    /// The amount in `base` units, or why the text is not a whole number.
    pub fn amount(&self, base: Unit) -> Result<i64, NumberError> {
        let value = parse_whole(&self.text)?;
        let seconds = value.checked_mul(self.unit.seconds()).ok_or(NumberError::TooLarge)?;
        Ok(seconds / base.seconds())
    }
}

/// Why a number field's text is not a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// Letters or other characters.
    NotANumber,
    /// «1,5» or «1.5».
    Decimal,
    /// «1 000»: digits grouped with spaces.
    Spaces,
    /// More than fits anywhere.
    TooLarge,
}

impl NumberError {
    /// The code this error carries in the form's field errors (not a contract code: the
    /// contract never sees such text).
    pub fn code(self) -> FieldErrorCode {
        FieldErrorCode::Other(
            match self {
                NumberError::Empty => "required",
                NumberError::NotANumber => "not_a_number",
                NumberError::Decimal => "not_whole",
                NumberError::Spaces => "has_spaces",
                NumberError::TooLarge => "out_of_range",
            }
            .into(),
        )
    }
}

/// A whole number as a person types it: surrounding space allowed, a leading minus kept
/// (the range rule then speaks), anything else refused with its reason.
pub fn parse_whole(text: &str) -> Result<i64, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let digits = text.strip_prefix(['-', '−']).unwrap_or(text);
    let negative = digits.len() != text.len();
    if digits.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) && digits.chars().any(|c| c.is_ascii_digit()) {
        if digits.chars().any(char::is_whitespace) {
            return Err(NumberError::Spaces);
        }
        let value: i64 = digits.parse().map_err(|_| NumberError::TooLarge)?;
        return Ok(if negative { -value } else { value });
    }
    let decimal = digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && digits.chars().filter(|c| *c == ',' || *c == '.').count() == 1
        && digits.chars().any(|c| c.is_ascii_digit());
    Err(if decimal { NumberError::Decimal } else { NumberError::NotANumber })
}

/// One auto-reply row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReplyForm {
    pub delay: DurationInput,
    pub text: String,
    pub repeat_every: bool,
    pub interval: DurationInput,
}

impl Default for ReplyForm {
    fn default() -> Self {
        ReplyForm {
            delay: DurationInput {
                text: "0".into(),
                unit: Unit::Seconds,
            },
            text: String::new(),
            repeat_every: false,
            interval: DurationInput {
                text: "5".into(),
                unit: Unit::Minutes,
            },
        }
    }
}

impl ReplyForm {
    pub fn from_reply(reply: &AutoReply) -> ReplyForm {
        let (repeat_every, interval) = match reply.repeat {
            Repeat::Once => (false, ReplyForm::default().interval),
            Repeat::Every { interval_seconds } => (
                true,
                DurationInput::from_amount(interval_seconds, Unit::Seconds, &INTERVAL_UNITS),
            ),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoutingKind {
    Employee,
    Group,
    ChatBot,
}

/// Who takes dialogs while the chat-bot is unavailable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FallbackKind {
    Employee,
    Group,
}

/// Every choice of the routing section is kept while another kind is picked, so switching
/// back and forth loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NonWorkingForm {
    pub chat_bot_on: bool,
    pub chat_bot_id: String,
    pub replies_on: bool,
    pub replies: Vec<ReplyForm>,
}

/// «Автоматическое завершение диалогов»: a preset, or a custom period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            custom: DurationInput {
                text: "1".into(),
                unit: Unit::Days,
            },
        }
    }
}

/// The whole form. The token is here while typed, and never leaves memory.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            RoutingKind::Employee => Routing::Employee {
                employee_id: r.employee_id.clone(),
            },
            RoutingKind::Group => Routing::Group {
                group_id: r.group_id.clone(),
            },
            RoutingKind::ChatBot => Routing::ChatBot {
                chat_bot_id: r.chat_bot_id.clone(),
                fallback: r.fallback.map(|kind| match kind {
                    FallbackKind::Employee => Target::Employee {
                        employee_id: r.fallback_employee_id.clone(),
                    },
                    FallbackKind::Group => Target::Group {
                        group_id: r.fallback_group_id.clone(),
                    },
                }),
            },
        };
        let non_working_hours = match (&self.non_working.chat_bot_on, &self.non_working.replies_on) {
            (true, _) => NonWorkingHours::ChatBot {
                chat_bot_id: self.non_working.chat_bot_id.clone(),
            },
            (false, true) => NonWorkingHours::AutoReplies {
                auto_replies: build_replies("non_working_hours.auto_replies", &self.non_working.replies, errors),
            },
            (false, false) => NonWorkingHours::Off,
        };
        let after_minutes = match self.auto_close.preset {
            Some(minutes) => minutes,
            None => number(&self.auto_close.custom, Unit::Minutes, "auto_close.after_minutes", errors),
        };
        Settings {
            routing,
            auto_replies: build_replies("auto_replies", &self.replies, errors),
            closing_message: ClosingMessage {
                enabled: self.closing_enabled,
                text: self.closing_text.clone(),
            },
            non_working_hours,
            auto_close: AutoClose {
                enabled: self.auto_close.enabled,
                after_minutes,
            },
        }
    }

    /// Whether anything differs from `baseline` (what was loaded or last saved).
    pub fn is_dirty(&self, baseline: &SettingsForm) -> bool {
        self != baseline
    }
}

fn number(input: &DurationInput, base: Unit, path: &str, errors: &mut Vec<FieldError>) -> i64 {
    input.amount(base).unwrap_or_else(|e| {
        errors.push(field_error(path, e.code()));
        i64::MIN
    })
}

fn build_replies(prefix: &str, rows: &[ReplyForm], errors: &mut Vec<FieldError>) -> Vec<AutoReply> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| AutoReply {
            delay_seconds: number(&row.delay, Unit::Seconds, &format!("{prefix}[{i}].delay_seconds"), errors),
            text: row.text.clone(),
            repeat: if row.repeat_every {
                Repeat::Every {
                    interval_seconds: number(
                        &row.interval,
                        Unit::Seconds,
                        &format!("{prefix}[{i}].repeat.interval_seconds"),
                        errors,
                    ),
                }
            } else {
                Repeat::Once
            },
        })
        .collect()
}

/// Where a path's control sits in the form, top to bottom, so the first error is the first
/// control to fix.
pub fn field_order(path: &str) -> (usize, Vec<usize>, String) {
    const SECTIONS: [&str; 6] = ["token", "routing", "auto_replies", "closing_message", "non_working_hours", "auto_close"];
    let section = SECTIONS.iter().position(|s| path.starts_with(s)).unwrap_or(SECTIONS.len());
    let indices = path
        .split('[')
        .skip(1)
        .filter_map(|part| part.split(']').next()?.parse().ok())
        .collect();
    (section, indices, path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_contract::samples;

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_whole(" 42 "), Ok(42));
        assert_eq!(parse_whole("-5"), Ok(-5));
        assert_eq!(parse_whole("0"), Ok(0));
        assert_eq!(parse_whole(""), Err(NumberError::Empty));
        assert_eq!(parse_whole("   "), Err(NumberError::Empty));
        assert_eq!(parse_whole("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_whole("5 минут"), Err(NumberError::NotANumber));
        assert_eq!(parse_whole("1,5"), Err(NumberError::Decimal));
        assert_eq!(parse_whole("1.5"), Err(NumberError::Decimal));
        assert_eq!(parse_whole("1 000"), Err(NumberError::Spaces));
        assert_eq!(parse_whole("1\u{a0}000"), Err(NumberError::Spaces));
        assert_eq!(parse_whole("99999999999999999999"), Err(NumberError::TooLarge));
    }

    #[test]
    fn durations_read_in_the_largest_even_unit() {
        let d = |s| DurationInput::from_amount(s, Unit::Seconds, &DELAY_UNITS);
        assert_eq!(d(0), DurationInput { text: "0".into(), unit: Unit::Seconds });
        assert_eq!(d(90), DurationInput { text: "90".into(), unit: Unit::Seconds });
        assert_eq!(d(120), DurationInput { text: "2".into(), unit: Unit::Minutes });
        assert_eq!(d(7_200), DurationInput { text: "2".into(), unit: Unit::Hours });
        let p = |m| DurationInput::from_amount(m, Unit::Minutes, &PERIOD_UNITS);
        assert_eq!(p(1_440), DurationInput { text: "1".into(), unit: Unit::Days });
        assert_eq!(p(90), DurationInput { text: "90".into(), unit: Unit::Minutes });
        assert_eq!(p(43_200).amount(Unit::Minutes), Ok(43_200));
        let i = DurationInput { text: "5".into(), unit: Unit::Minutes };
        assert_eq!(i.amount(Unit::Seconds), Ok(300));
    }

    #[test]
    fn the_contract_example_round_trips() {
        let settings = samples::settings();
        let form = SettingsForm::from_settings(&settings);
        assert_eq!(form.replies[1].delay, DurationInput { text: "2".into(), unit: Unit::Minutes });
        assert_eq!(form.auto_close.preset, Some(1_440));
        assert_eq!(form.to_settings(true), Ok(settings));
    }

    #[test]
    fn typed_numbers_report_on_the_contracts_paths() {
        let mut form = SettingsForm::from_settings(&samples::settings());
        form.replies[1].delay.text = "1,5".into();
        form.replies[0].text = "ж".repeat(251);
        form.non_working.replies[0].delay.text = "-1".into();
        form.auto_close.preset = None;
        form.auto_close.custom = DurationInput { text: "4".into(), unit: Unit::Minutes };
        let errors: Vec<(String, String)> = form
            .to_settings(true)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.path, e.code.to_string()))
            .collect();
        assert_eq!(
            errors,
            vec![
                ("auto_replies[0].text".to_owned(), "too_long".to_owned()),
                ("auto_replies[1].delay_seconds".into(), "not_whole".into()),
                ("non_working_hours.auto_replies[0].delay_seconds".into(), "out_of_range".into()),
                ("auto_close.after_minutes".into(), "out_of_range".into()),
            ]
        );
    }

    #[test]
    fn a_number_that_does_not_parse_makes_no_other_row_a_duplicate() {
        let mut form = SettingsForm::from_settings(&samples::settings());
        form.replies[1].delay.text = "abc".into();
        form.replies.push(ReplyForm { text: "Третий".into(), ..ReplyForm::default() });
        form.replies[0].delay.text = "xyz".into();
        let paths: Vec<String> = form.to_settings(true).unwrap_err().into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["auto_replies[0].delay_seconds", "auto_replies[1].delay_seconds"]);
    }

    #[test]
    fn routing_choices_survive_switching_kinds() {
        let mut form = SettingsForm::default();
        form.routing.employee_id = "e-101".into();
        form.routing.kind = RoutingKind::ChatBot;
        form.routing.chat_bot_id = "b-faq".into();
        let errors = form.to_settings(true).unwrap_err();
        assert_eq!(errors[0].path, "routing.fallback");
        form.routing.fallback = Some(FallbackKind::Group);
        form.routing.fallback_group_id = "g-sales".into();
        assert!(form.to_settings(true).is_ok());
        assert_eq!(form.to_settings(false).unwrap_err()[0].path, "routing.type");
        form.routing.kind = RoutingKind::Employee;
        assert_eq!(
            form.to_settings(false).unwrap().routing,
            Routing::Employee { employee_id: "e-101".into() }
        );
    }

    #[test]
    fn non_working_hours_are_never_both_on() {
        let mut form = SettingsForm::default();
        assert_eq!(form.set_non_working_replies(true), None);
        assert_eq!(form.non_working.replies.len(), 1, "a first row to fill");
        assert_eq!(form.set_non_working_chat_bot(true), Some(ExclusionNotice::RepliesTurnedOff));
        assert!(form.non_working.chat_bot_on && !form.non_working.replies_on);
        assert_eq!(form.set_non_working_replies(true), Some(ExclusionNotice::ChatBotTurnedOff));
        assert!(!form.non_working.chat_bot_on && form.non_working.replies_on);
        assert_eq!(form.set_non_working_replies(false), None);
        assert_eq!(form.non_working.replies.len(), 1, "the rows are kept while off");
    }

    #[test]
    fn the_closing_text_is_kept_while_switched_off() {
        let mut form = SettingsForm::from_settings(&samples::settings());
        form.closing_enabled = false;
        let saved = form.to_settings(true).unwrap();
        assert_eq!(saved.closing_message.text, samples::settings().closing_message.text);
    }

    #[test]
    fn dirty_tracking() {
        let loaded = SettingsForm::from_settings(&samples::settings());
        let mut form = loaded.clone();
        assert!(!form.is_dirty(&loaded));
        form.replies[0].text.push('!');
        assert!(form.is_dirty(&loaded));
        form.replies[0].text.pop();
        assert!(!form.is_dirty(&loaded));
    }

    #[test]
    fn errors_come_in_the_forms_order() {
        let mut paths = vec!["auto_close.after_minutes", "auto_replies[10].text", "auto_replies[2].text", "token", "routing.fallback"];
        paths.sort_by_key(|p| field_order(p));
        assert_eq!(paths, ["token", "routing.fallback", "auto_replies[2].text", "auto_replies[10].text", "auto_close.after_minutes"]);
    }
}

// Proptest is a native dev-dependency: the property tests run natively, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use max_channel_contract::arbitrary::{any_settings, valid_settings};
    use proptest::prelude::*;

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Every valid `Settings` survives contract → form → contract unchanged.
        #[test]
        fn valid_settings_round_trip(settings in valid_settings(true)) {
            let form = SettingsForm::from_settings(&settings);
            prop_assert_eq!(form.to_settings(true), Ok(settings));
        }

        /// Validation never panics, whatever was loaded or typed.
        #[test]
        fn validation_is_total(settings in any_settings(), typed in ".{0,12}", chat_bots in any::<bool>()) {
            let mut form = SettingsForm::from_settings(&settings);
            if let Some(row) = form.replies.first_mut() {
                row.delay.text = typed.clone();
            }
            form.auto_close.preset = None;
            form.auto_close.custom.text = typed;
            let _ = form.to_settings(chat_bots);
        }
    }
}
