//! The settings form as a plain struct: what the person typed, converted to and from the
//! contract's `Settings`, validated by the contract's own rules with the contract's paths.
//!
//! Numbers stay text until validation, so nothing typed is ever lost or reformatted; delays
//! and periods are entered in a unit and stored in the contract's (seconds, minutes).

use max_channel_contract::{
    field_error, validate_settings, AutoClose, AutoReply, ClosingMessage, FieldError, FieldErrorCode, NonWorkingHours,
    Repeat, Routing, Settings, Target,
};

use crate::domain::{field_order, FieldPath, ReplyField, ReplyList};

max_channel_kit::closed_enum! {
    /// A unit of a duration the person picks, with its size in the contract's base unit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Unit {
        Seconds = "s",
        Minutes = "min",
        Hours = "h",
        Days = "d",
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
        DurationInput { text: (seconds / unit.seconds()).to_string(), unit }
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
    /// The code this error carries in the form's field errors. An empty field and a number
    /// too large for any unit are the contract's own `required` and `out_of_range`, so the
    /// control shows the same message as when the contract's rules find them («От 0 секунд
    /// до 24 часов.»); the other three are the form's (the contract never sees such text).
    pub fn code(self) -> FieldErrorCode {
        match self {
            NumberError::Empty => FieldErrorCode::Required,
            NumberError::TooLarge => FieldErrorCode::OutOfRange,
            NumberError::NotANumber => FieldErrorCode::Other("not_a_number".into()),
            NumberError::Decimal => FieldErrorCode::Other("not_whole".into()),
            NumberError::Spaces => FieldErrorCode::Other("has_spaces".into()),
        }
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
mod tests {
    use super::*;
    use max_channel_fake::samples;

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

    #[derive(Debug, Clone, Copy)]
    enum NumberControl {
        /// «Через какое время отправить»: seconds, 0 – 24 h; units с / мин / ч.
        Delay,
        /// «Повторять каждые»: seconds, 1 min – 24 h; units мин / ч.
        Interval,
        /// «Своё значение» of auto-close: minutes, 5 min – 30 days; units мин / ч / дн.
        AutoClose,
    }

    /// «Сохранить» with `text` in `unit` typed into one number control of an otherwise valid
    /// form: the value saved (in the contract's unit), or the message under the control,
    /// exactly as the person reads it.
    fn number_outcome(control: NumberControl, text: &str, unit: Unit) -> Result<i64, &'static str> {
        let mut form = SettingsForm::from_settings(&samples::settings());
        form.replies.truncate(1);
        let (path, input) = match control {
            NumberControl::Delay => (ReplyList::Working.row(0, ReplyField::Delay), &mut form.replies[0].delay),
            NumberControl::Interval => {
                form.replies[0].repeat_every = true;
                (ReplyList::Working.row(0, ReplyField::RepeatInterval), &mut form.replies[0].interval)
            }
            NumberControl::AutoClose => {
                form.auto_close.preset = None;
                (FieldPath::AutoCloseAfter, &mut form.auto_close.custom)
            }
        };
        *input = DurationInput { text: text.into(), unit };
        match form.to_settings(true) {
            Ok(s) => Ok(match control {
                NumberControl::Delay => s.auto_replies[0].delay_seconds,
                NumberControl::Interval => match s.auto_replies[0].repeat {
                    Repeat::Every { interval_seconds } => interval_seconds,
                    Repeat::Once => unreachable!(),
                },
                NumberControl::AutoClose => s.auto_close.after_minutes,
            }),
            Err(errors) => {
                assert_eq!(errors.len(), 1, "{control:?} {text:?}: {errors:?}");
                assert_eq!(errors[0].path, path.to_string());
                Err(crate::domain::message_at(Some(path), &errors[0].code).text(crate::i18n::Locale::Ru))
            }
        }
    }

    /// Bad numbers → the message under the control (docs/bad-input.md lists the same rows).
    /// «1 000» (spaces or no-break spaces between digit groups) is refused with its own
    /// message rather than read as 1000: the field keeps exactly what was typed (decision 16).
    #[test]
    fn bad_numbers_and_their_messages() {
        use NumberControl::*;
        use Unit::*;
        const REQUIRED: &str = "Укажите число.";
        const DIGITS: &str = "Введите число цифрами.";
        const WHOLE: &str = "Введите целое число.";
        const SPACES: &str = "Введите число без пробелов: 1000, а не 1 000.";
        const DELAY: &str = "От 0 секунд до 24 часов.";
        const INTERVAL: &str = "От 1 минуты до 24 часов.";
        const PERIOD: &str = "От 5 минут до 30 дней.";
        let cases: &[(NumberControl, &str, Unit, Result<i64, &str>)] = &[
            // Accepted, as typed.
            (Delay, "0", Seconds, Ok(0)),
            (Delay, " 42 ", Seconds, Ok(42)),
            (Delay, "007", Seconds, Ok(7)),
            (Delay, "-0", Seconds, Ok(0)),
            (Delay, "86400", Seconds, Ok(86_400)),
            (Delay, "1440", Minutes, Ok(86_400)),
            (Delay, "24", Hours, Ok(86_400)),
            (Interval, "1", Minutes, Ok(60)),
            (Interval, "24", Hours, Ok(86_400)),
            (AutoClose, "5", Minutes, Ok(5)),
            (AutoClose, "720", Hours, Ok(43_200)),
            (AutoClose, "30", Days, Ok(43_200)),
            // Empty.
            (Delay, "", Seconds, Err(REQUIRED)),
            (Interval, "   ", Minutes, Err(REQUIRED)),
            (AutoClose, "", Days, Err(REQUIRED)),
            // Negative: the range says what is allowed.
            (Delay, "-5", Seconds, Err(DELAY)),
            (Delay, "−5", Minutes, Err(DELAY)),
            (Interval, "-1", Minutes, Err(INTERVAL)),
            (AutoClose, "-30", Minutes, Err(PERIOD)),
            // Zero where it is not allowed.
            (Interval, "0", Minutes, Err(INTERVAL)),
            (AutoClose, "0", Minutes, Err(PERIOD)),
            (AutoClose, "4", Minutes, Err(PERIOD)),
            // Above the maximum.
            (Delay, "86401", Seconds, Err(DELAY)),
            (Delay, "1441", Minutes, Err(DELAY)),
            (Delay, "25", Hours, Err(DELAY)),
            (Interval, "1441", Minutes, Err(INTERVAL)),
            (Interval, "25", Hours, Err(INTERVAL)),
            (AutoClose, "43201", Minutes, Err(PERIOD)),
            (AutoClose, "721", Hours, Err(PERIOD)),
            (AutoClose, "31", Days, Err(PERIOD)),
            // Too large for any unit: the same range message, not a vague one.
            (Delay, "99999999999999999999", Seconds, Err(DELAY)),
            (Delay, "9223372036854775807", Hours, Err(DELAY)),
            (AutoClose, "-9223372036854775808", Days, Err(PERIOD)),
            // Not a number.
            (Delay, "пять", Seconds, Err(DIGITS)),
            (Delay, "5 минут", Minutes, Err(DIGITS)),
            (Delay, "5мин", Minutes, Err(DIGITS)),
            (Delay, "+5", Seconds, Err(DIGITS)),
            (Delay, "1e3", Seconds, Err(DIGITS)),
            (Delay, "0x10", Seconds, Err(DIGITS)),
            (Delay, "１２", Seconds, Err(DIGITS)),
            (Delay, "1'000", Seconds, Err(DIGITS)),
            (Delay, "1.000.000", Seconds, Err(DIGITS)),
            (Interval, "--5", Minutes, Err(DIGITS)),
            (AutoClose, "1д", Days, Err(DIGITS)),
            // Digits grouped with spaces, as pasted from a document.
            (Delay, "1 000", Seconds, Err(SPACES)),
            (Delay, "1\u{a0}000", Seconds, Err(SPACES)),
            (Delay, "1\u{202f}000", Seconds, Err(SPACES)),
            (Interval, "1 440", Minutes, Err(SPACES)),
            (AutoClose, "10 080", Minutes, Err(SPACES)),
            // Decimals.
            (Delay, "1,5", Minutes, Err(WHOLE)),
            (Delay, "1.5", Minutes, Err(WHOLE)),
            (Delay, ",5", Hours, Err(WHOLE)),
            (Delay, "5.", Seconds, Err(WHOLE)),
            (Interval, "0,5", Hours, Err(WHOLE)),
            (AutoClose, "1,5", Days, Err(WHOLE)),
            (AutoClose, "-1,5", Days, Err(WHOLE)),
        ];
        for (control, text, unit, expected) in cases {
            assert_eq!(&number_outcome(*control, text, *unit), expected, "{control:?} {text:?} {unit:?}");
        }
        // Each cause its own message at each control.
        for (control, unit) in [(Delay, Seconds), (Interval, Minutes), (AutoClose, Minutes)] {
            let said: Vec<_> = ["", "пять", "1,5", "1 000", "-1"]
                .iter()
                .map(|t| number_outcome(control, t, unit).unwrap_err())
                .collect();
            for (i, a) in said.iter().enumerate() {
                assert!(!said[..i].contains(a), "{control:?}: {a} twice in {said:?}");
            }
        }
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
        let errors: Vec<(String, String)> =
            form.to_settings(true).unwrap_err().into_iter().map(|e| (e.path, e.code.to_string())).collect();
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
        assert_eq!(form.to_settings(false).unwrap().routing, Routing::Employee { employee_id: "e-101".into() });
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
        use FieldPath as P;
        let text = |i| ReplyList::Working.row(i, ReplyField::Text);
        let mut paths = vec![P::AutoCloseAfter, text(10), text(2), P::Token, P::Fallback];
        paths.sort_by_key(FieldPath::render_order);
        assert_eq!(paths, [P::Token, P::Fallback, text(2), text(10), P::AutoCloseAfter]);
        // Their strings sort the same way.
        let mut raw: Vec<String> = paths.iter().rev().map(ToString::to_string).collect();
        raw.sort_by_key(|p| field_order(p));
        assert_eq!(raw, paths.iter().map(ToString::to_string).collect::<Vec<_>>());
    }

    /// The order the controls are rendered in, not the alphabet's (issue 13): a row's
    /// interval comes after its text, the non-working mode before its replies.
    #[test]
    fn errors_come_in_render_order_within_a_row_and_a_section() {
        use FieldPath as P;
        use ReplyField::{Delay, RepeatInterval, Text};
        let (w, n) = (ReplyList::Working, ReplyList::NonWorking);
        let rendered = [
            P::Token,
            P::RoutingType,
            P::RoutingChatBot,
            P::Fallback,
            P::FallbackEmployee,
            w.row(0, Delay),
            w.row(0, Text),
            w.row(0, RepeatInterval),
            w.row(1, Delay),
            w.row(1, Text),
            w.path(),
            P::ClosingText,
            P::NonWorkingMode,
            P::NonWorkingChatBot,
            n.row(0, Text),
            n.row(0, RepeatInterval),
            n.path(),
            P::AutoCloseAfter,
        ];
        let mut shuffled: Vec<FieldPath> = rendered.iter().rev().copied().collect();
        shuffled.swap(2, 9);
        shuffled.sort_by_key(FieldPath::render_order);
        assert_eq!(shuffled, rendered);
        let mut raw: Vec<String> = shuffled.iter().rev().map(ToString::to_string).collect();
        raw.swap(3, 11);
        raw.sort_by_key(|p| field_order(p));
        assert_eq!(raw, rendered.map(|p| p.to_string()));
        // A path the form does not know: after its section's known ones, rows and list too.
        let mut unknown = vec![
            "routing.zzz",
            "auto_close.after_minutes",
            "non_working_hours.zzz",
            "routing.type",
            "non_working_hours.auto_replies",
            "non_working_hours.auto_replies[3].text",
            "zzz",
            "routing.fallback.group_id",
        ];
        unknown.sort_by_key(|p| field_order(p));
        assert_eq!(
            unknown,
            [
                "routing.type",
                "routing.fallback.group_id",
                "routing.zzz",
                "non_working_hours.auto_replies[3].text",
                "non_working_hours.auto_replies",
                "non_working_hours.zzz",
                "auto_close.after_minutes",
                "zzz",
            ],
            "unknown after its section's known"
        );
    }
}

// Proptest is a native dev-dependency: the property tests run natively, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use max_channel_contract::arbitrary::{any_settings, any_string, regex, valid_settings};
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// 10 000 cases each by default; `PROPTEST_CASES` may raise it.
    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(10_000, |n: u32| n.max(10_000))
    }

    /// `(path, code)` pairs, sorted, to compare error lists whatever their order. The code by
    /// its `Debug` form, so that `Other("out_of_range")` is not taken for `OutOfRange`: the
    /// two read the same in JSON, but the control shows a different message for each.
    fn pairs(errors: &[FieldError]) -> Vec<(String, String)> {
        let mut out: Vec<_> = errors.iter().map(|e| (e.path.clone(), format!("{:?}", e.code))).collect();
        out.sort();
        out
    }

    /// Every number control of a form, with its path, base unit and offered units.
    fn numbers(form: &mut SettingsForm) -> Vec<(FieldPath, &mut DurationInput, Unit, &'static [Unit])> {
        let mut out = Vec::new();
        let nwh_rows = !form.non_working.chat_bot_on && form.non_working.replies_on;
        let lists = [
            (ReplyList::Working, &mut form.replies, true),
            (ReplyList::NonWorking, &mut form.non_working.replies, nwh_rows),
        ];
        for (list, rows, shown) in lists {
            if !shown {
                continue;
            }
            for (i, row) in rows.iter_mut().enumerate() {
                out.push((list.row(i, ReplyField::Delay), &mut row.delay, Unit::Seconds, &DELAY_UNITS[..]));
                if row.repeat_every {
                    let path = list.row(i, ReplyField::RepeatInterval);
                    out.push((path, &mut row.interval, Unit::Seconds, &INTERVAL_UNITS[..]));
                }
            }
        }
        if form.auto_close.preset.is_none() {
            out.push((FieldPath::AutoCloseAfter, &mut form.auto_close.custom, Unit::Minutes, &PERIOD_UNITS[..]));
        }
        out
    }

    /// What a form means in the contract's terms, restated here apart from `build`: the
    /// settings (a number that does not parse stands as `i64::MIN`, which no typed text can
    /// give and every range refuses) and the numbers that did not parse.
    fn meant(form: &SettingsForm) -> (Settings, Vec<FieldError>) {
        fn value(failed: &mut Vec<FieldError>, path: FieldPath, input: &DurationInput, base: Unit) -> i64 {
            let amount = parse_whole(&input.text).and_then(|n| {
                n.checked_mul(input.unit.seconds()).map(|s| s / base.seconds()).ok_or(NumberError::TooLarge)
            });
            amount.unwrap_or_else(|e| {
                failed.push(field_error(path.to_string(), e.code()));
                i64::MIN
            })
        }
        fn rows(failed: &mut Vec<FieldError>, list: ReplyList, rows: &[ReplyForm]) -> Vec<AutoReply> {
            let mut out = Vec::new();
            for (i, r) in rows.iter().enumerate() {
                let delay_seconds = value(failed, list.row(i, ReplyField::Delay), &r.delay, Unit::Seconds);
                let repeat = if r.repeat_every {
                    let path = list.row(i, ReplyField::RepeatInterval);
                    Repeat::Every { interval_seconds: value(failed, path, &r.interval, Unit::Seconds) }
                } else {
                    Repeat::Once
                };
                out.push(AutoReply { delay_seconds, text: r.text.clone(), repeat });
            }
            out
        }
        let mut failed = Vec::new();
        let auto_replies = rows(&mut failed, ReplyList::Working, &form.replies);
        let nw = &form.non_working;
        let non_working_hours = if nw.chat_bot_on {
            NonWorkingHours::ChatBot { chat_bot_id: nw.chat_bot_id.clone() }
        } else if nw.replies_on {
            NonWorkingHours::AutoReplies { auto_replies: rows(&mut failed, ReplyList::NonWorking, &nw.replies) }
        } else {
            NonWorkingHours::Off
        };
        let r = &form.routing;
        let routing = match r.kind {
            RoutingKind::Employee => Routing::Employee { employee_id: r.employee_id.clone() },
            RoutingKind::Group => Routing::Group { group_id: r.group_id.clone() },
            RoutingKind::ChatBot => Routing::ChatBot {
                chat_bot_id: r.chat_bot_id.clone(),
                fallback: match r.fallback {
                    None => None,
                    Some(FallbackKind::Employee) => {
                        Some(Target::Employee { employee_id: r.fallback_employee_id.clone() })
                    }
                    Some(FallbackKind::Group) => Some(Target::Group { group_id: r.fallback_group_id.clone() }),
                },
            },
        };
        let after_minutes = match form.auto_close.preset {
            Some(m) => m,
            None => value(&mut failed, FieldPath::AutoCloseAfter, &form.auto_close.custom, Unit::Minutes),
        };
        let settings = Settings {
            routing,
            auto_replies,
            closing_message: ClosingMessage { enabled: form.closing_enabled, text: form.closing_text.clone() },
            non_working_hours,
            auto_close: AutoClose { enabled: form.auto_close.enabled, after_minutes },
        };
        (settings, failed)
    }

    /// The same value typed another way a person might: padded with spaces, with leading
    /// zeros, with the Unicode minus, or in a smaller offered unit.
    fn retype(input: &mut DurationInput, base: Unit, units: &[Unit], how: u8) {
        match how % 5 {
            1 => input.text = format!("  {} ", input.text),
            2 if !input.text.starts_with('-') => input.text = format!("00{}", input.text),
            3 => input.text = input.text.replacen('-', "−", 1),
            4 => {
                let smaller =
                    units.iter().copied().filter(|u| u.seconds() >= base.seconds()).min_by_key(|u| u.seconds());
                if let (Some(unit), Ok(n)) = (smaller, parse_whole(&input.text)) {
                    let factor = input.unit.seconds() / unit.seconds();
                    if let Some(n) = n.checked_mul(factor).filter(|_| factor >= 1) {
                        *input = DurationInput { text: n.to_string(), unit };
                    }
                }
            }
            _ => {}
        }
    }

    /// Texts people type into a number control, and worse.
    fn number_text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => regex("[0-9]{1,6}"),
            2 => regex("[-−]?[0-9]{1,3}"),
            1 => regex(" {0,2}[0-9]{1,4} {0,2}"),
            1 => regex("[0-9]{1,3}[  \u{202f}][0-9]{3}"),
            1 => regex("[0-9]{1,3}[.,][0-9]{1,2}"),
            1 => regex("[0-9]{19,22}"),
            1 => Just(String::new()),
            2 => any_string(6),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Every valid `Settings` survives contract → form → contract unchanged, with and
        /// without the «Чат-боты» service, and showing it again gives the same form.
        #[test]
        fn valid_settings_round_trip(
            (chat_bots, settings) in any::<bool>().prop_flat_map(|cb| (Just(cb), valid_settings(cb))),
        ) {
            let form = SettingsForm::from_settings(&settings);
            prop_assert_eq!(form.to_settings(chat_bots), Ok(settings.clone()));
            prop_assert_eq!(SettingsForm::from_settings(&settings), form);
        }

        /// For any settings, valid or not, the form made of them (numbers retyped the way
        /// people type them) and the contract find the same errors at the same paths, and a
        /// form the form accepts is exactly the settings.
        #[test]
        fn the_form_and_the_contract_agree_on_any_settings(
            settings in any_settings(),
            chat_bots in any::<bool>(),
            how in vec(any::<u8>(), 1..8),
        ) {
            let mut form = SettingsForm::from_settings(&settings);
            for (n, (_, input, base, units)) in numbers(&mut form).into_iter().enumerate() {
                retype(input, base, units, how[n % how.len()]);
            }
            let contract = validate_settings(&settings, chat_bots);
            match form.to_settings(chat_bots) {
                Ok(back) => {
                    prop_assert!(contract.is_empty(), "the form accepts what the contract refuses: {:?}", contract);
                    prop_assert_eq!(back, settings);
                }
                Err(errors) => {
                    prop_assert!(!contract.is_empty(), "the form refuses what the contract accepts: {:?}", errors);
                    prop_assert_eq!(pairs(&errors), pairs(&contract));
                    let mut sorted = errors.clone();
                    sorted.sort_by_key(|e| field_order(&e.path));
                    prop_assert_eq!(sorted, errors, "errors come in the form's order");
                }
            }
        }

        /// Whatever is typed into the number controls, and whichever switches are on: a
        /// number that does not parse has its own error at its path, every other control has
        /// the contract's verdict on what the form means, and a form accepted is accepted by
        /// the contract too.
        #[test]
        fn typed_numbers_and_switches_are_judged_as_the_contract_would(
            settings in any_settings(),
            typed in vec(number_text(), 1..6),
            units in vec(0usize..3, 1..6),
            (kind, fallback, chat_bot_on, replies_on, preset) in (0..3u8, 0..3u8, any::<bool>(), any::<bool>(), 0..10usize),
            chat_bots in any::<bool>(),
        ) {
            let mut form = SettingsForm::from_settings(&settings);
            form.routing.kind = [RoutingKind::Employee, RoutingKind::Group, RoutingKind::ChatBot][usize::from(kind)];
            form.routing.fallback = [None, Some(FallbackKind::Employee), Some(FallbackKind::Group)][usize::from(fallback)];
            form.non_working.chat_bot_on = chat_bot_on;
            form.non_working.replies_on = replies_on;
            form.auto_close.preset = AUTO_CLOSE_PRESETS.get(preset).copied();
            for (n, (_, input, _, offered)) in numbers(&mut form).into_iter().enumerate() {
                input.text = typed[n % typed.len()].clone();
                input.unit = offered[units[n % units.len()] % offered.len()];
            }
            let (meant, failed) = meant(&form);
            let failed_paths: Vec<&str> = failed.iter().map(|e| e.path.as_str()).collect();
            let mut expected = failed.clone();
            expected.extend(
                validate_settings(&meant, chat_bots).into_iter().filter(|e| !failed_paths.contains(&e.path.as_str())),
            );
            match form.to_settings(chat_bots) {
                Ok(back) => {
                    prop_assert!(expected.is_empty(), "accepted, but {:?}", expected);
                    prop_assert!(validate_settings(&back, chat_bots).is_empty());
                    prop_assert_eq!(back, meant);
                }
                Err(errors) => prop_assert_eq!(pairs(&errors), pairs(&expected)),
            }
        }
    }
}
