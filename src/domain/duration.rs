//! A duration as a person types it: a whole number's text and a unit, converted to the
//! contract's base unit (seconds, minutes) only when read, so nothing typed is reformatted.

use max_channel_contract::FieldErrorCode;

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
