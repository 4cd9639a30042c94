//! The contract's validation rules as pure functions.
//!
//! The app runs them before it sends anything, the dev back end runs them on every write;
//! both report the same `FieldError { path, code }`, so a 422 from the server and a
//! client-side refusal land on the same control.

use core::ops::RangeInclusive;

use crate::types::*;

/// Token: 1 to 512 characters after trimming.
pub const TOKEN_MAX_CHARS: usize = 512;
/// `MessageText`: 1 to 250 code points after trimming.
pub const TEXT_MAX_CHARS: usize = 250;
/// `AutoReplies`: at most 10.
pub const MAX_AUTO_REPLIES: usize = 10;
/// `AutoReply.delay_seconds`: from at once to a day.
pub const DELAY_SECONDS: RangeInclusive<i64> = 0..=86_400;
/// `Repeat.interval_seconds`: from a minute to a day.
pub const INTERVAL_SECONDS: RangeInclusive<i64> = 60..=86_400;
/// `AutoClose.after_minutes`: from 5 minutes to 30 days.
pub const AUTO_CLOSE_MINUTES: RangeInclusive<i64> = 5..=43_200;

/// The trimming the contract applies to tokens and texts before counting and storing.
pub fn trimmed(text: &str) -> &str {
    text.trim()
}

/// A text's length as the contract counts it: Unicode scalar values after trimming.
/// "Привет" is 6, "👍" is 1, the family "👨‍👩‍👧" is 5.
pub fn text_len(text: &str) -> usize {
    trimmed(text).chars().count()
}

/// The token rules: trim; 1–512 characters; printable ASCII (0x21–0x7E), so no inner white
/// space. Returns the trimmed token, the one to send and store.
pub fn check_token(raw: &str) -> Result<&str, FieldErrorCode> {
    let token = trimmed(raw);
    if token.is_empty() {
        return Err(FieldErrorCode::Required);
    }
    if !token.bytes().all(|b| (0x21..=0x7E).contains(&b)) {
        return Err(FieldErrorCode::BadCharacters);
    }
    // Only ASCII is left, so bytes are characters.
    if token.len() > TOKEN_MAX_CHARS {
        return Err(FieldErrorCode::TooLong);
    }
    Ok(token)
}

/// `MaxChannel.token_hint` for a token: "…" and its last 4 characters. The token itself is
/// never sent back; this is all anyone sees of it.
pub fn token_hint(token: &str) -> String {
    let skip = token.chars().count().saturating_sub(4);
    let tail: String = token.chars().skip(skip).collect();
    format!("…{tail}")
}

/// The `MessageText` rules. `required` is false only for a switched-off closing message,
/// whose kept text may be empty.
pub fn check_text(text: &str, required: bool) -> Option<FieldErrorCode> {
    let text = trimmed(text);
    if text.is_empty() {
        return required.then_some(FieldErrorCode::Required);
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Some(FieldErrorCode::BadCharacters);
    }
    if text.chars().count() > TEXT_MAX_CHARS {
        return Some(FieldErrorCode::TooLong);
    }
    None
}

/// A whole-number range rule.
pub fn check_range(value: i64, range: &RangeInclusive<i64>) -> Option<FieldErrorCode> {
    (!range.contains(&value)).then_some(FieldErrorCode::OutOfRange)
}

/// A reference to an employee, group or chat-bot must name one.
pub fn check_id(id: &str) -> Option<FieldErrorCode> {
    id.trim().is_empty().then_some(FieldErrorCode::Required)
}

/// What validation needs to know beyond the body itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteContext {
    /// `features.chat_bots_service`.
    pub chat_bots_service: bool,
    /// Whether the back end holds a token: without one a save must carry `token`.
    pub token_stored: bool,
}

/// Collects field errors in document order.
#[derive(Debug, Default)]
struct Report {
    errors: Vec<FieldError>,
}

impl Report {
    fn add(&mut self, path: impl Into<String>, code: Option<FieldErrorCode>) {
        if let Some(code) = code {
            self.errors.push(field_error(path.into(), code));
        }
    }
}

/// A `FieldError` with the back end's Russian prose for it.
pub fn field_error(path: impl Into<String>, code: FieldErrorCode) -> FieldError {
    let path = path.into();
    let message = default_message_ru(&path, &code);
    FieldError { path, code, message }
}

/// Validates `Settings`. Paths are those of `FieldError.path`, e.g. `auto_replies[1].text`.
pub fn validate_settings(settings: &Settings, chat_bots_service: bool) -> Vec<FieldError> {
    let mut report = Report::default();
    validate_routing(&mut report, &settings.routing, chat_bots_service);
    validate_auto_replies(&mut report, "auto_replies", &settings.auto_replies);
    let closing = &settings.closing_message;
    report.add("closing_message.text", check_text(&closing.text, closing.enabled));
    validate_non_working_hours(&mut report, &settings.non_working_hours, chat_bots_service);
    report.add("auto_close.after_minutes", check_range(settings.auto_close.after_minutes, &AUTO_CLOSE_MINUTES));
    report.errors
}

/// Validates the body of `putMaxSettings`: the token (required while none is stored), the
/// settings, and a `restored_from` that is no version at all (empty). Whether it names a
/// version the history knows is the back end's reference check (422 `unknown_reference`).
pub fn validate_write(write: &SettingsWrite, ctx: WriteContext) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> =
        check_write_token(write.token.as_deref(), ctx.token_stored).err().into_iter().collect();
    errors.extend(validate_settings(&write.settings, ctx.chat_bots_service));
    if write.restored_from.as_deref().is_some_and(str::is_empty) {
        errors.push(field_error(RESTORED_FROM_PATH, FieldErrorCode::UnknownReference));
    }
    errors
}

/// The field path of `SettingsWrite.restored_from` in a 422.
pub const RESTORED_FROM_PATH: &str = "restored_from";

/// The token of a save: a carried token must pass [`check_token`] (the trimmed token is what
/// to send); none is fine only while one is stored.
pub fn check_write_token(token: Option<&str>, token_stored: bool) -> Result<Option<&str>, FieldError> {
    match token {
        Some(token) => check_token(token).map(Some).map_err(|code| field_error("token", code)),
        None if token_stored => Ok(None),
        None => Err(field_error("token", FieldErrorCode::Required)),
    }
}

fn validate_target(report: &mut Report, path: &str, target: &Target) {
    match target {
        Target::Employee { employee_id } => report.add(format!("{path}.employee_id"), check_id(employee_id)),
        Target::Group { group_id } => report.add(format!("{path}.group_id"), check_id(group_id)),
    }
}

fn validate_routing(report: &mut Report, routing: &Routing, chat_bots_service: bool) {
    match routing {
        Routing::Employee { employee_id } => report.add("routing.employee_id", check_id(employee_id)),
        Routing::Group { group_id } => report.add("routing.group_id", check_id(group_id)),
        Routing::ChatBot { chat_bot_id, fallback } => {
            if !chat_bots_service {
                report.add("routing.type", Some(FieldErrorCode::ServiceNotConnected));
            }
            report.add("routing.chat_bot_id", check_id(chat_bot_id));
            match fallback {
                None => report.add("routing.fallback", Some(FieldErrorCode::Required)),
                Some(target) => validate_target(report, "routing.fallback", target),
            }
        }
    }
}

fn validate_auto_replies(report: &mut Report, path: &str, replies: &[AutoReply]) {
    if replies.len() > MAX_AUTO_REPLIES {
        report.add(path, Some(FieldErrorCode::TooMany));
    }
    for (index, reply) in replies.iter().enumerate() {
        let row = format!("{path}[{index}]");
        let delay_code = check_range(reply.delay_seconds, &DELAY_SECONDS).or_else(|| {
            // The later of two rows with the same delay is the one at fault.
            replies[..index]
                .iter()
                .any(|earlier| earlier.delay_seconds == reply.delay_seconds)
                .then_some(FieldErrorCode::DuplicateDelay)
        });
        report.add(format!("{row}.delay_seconds"), delay_code);
        report.add(format!("{row}.text"), check_text(&reply.text, true));
        if let Repeat::Every { interval_seconds } = reply.repeat {
            report.add(format!("{row}.repeat.interval_seconds"), check_range(interval_seconds, &INTERVAL_SECONDS));
        }
    }
}

fn validate_non_working_hours(report: &mut Report, nwh: &NonWorkingHours, chat_bots_service: bool) {
    match nwh {
        NonWorkingHours::Off => {}
        NonWorkingHours::ChatBot { chat_bot_id } => {
            if !chat_bots_service {
                report.add("non_working_hours.mode", Some(FieldErrorCode::ServiceNotConnected));
            }
            report.add("non_working_hours.chat_bot_id", check_id(chat_bot_id));
        }
        NonWorkingHours::AutoReplies { auto_replies } => {
            if auto_replies.is_empty() {
                report.add("non_working_hours.auto_replies", Some(FieldErrorCode::Required));
            }
            validate_auto_replies(report, "non_working_hours.auto_replies", auto_replies);
        }
    }
}

/// Lookups of the account's directory, for the references a write makes.
pub trait Directory {
    fn has_employee(&self, id: &str) -> bool;
    fn has_group(&self, id: &str) -> bool;
    fn has_chat_bot(&self, id: &str) -> bool;
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    Employee,
    Group,
    ChatBot,
}

/// Every id the settings refer to, with its path and kind, in document order.
pub fn references(settings: &Settings) -> Vec<(String, ReferenceKind, &str)> {
    fn target<'a>(out: &mut Vec<(String, ReferenceKind, &'a str)>, path: &str, t: &'a Target) {
        match t {
            Target::Employee { employee_id } => {
                out.push((format!("{path}.employee_id"), ReferenceKind::Employee, employee_id))
            }
            Target::Group { group_id } => out.push((format!("{path}.group_id"), ReferenceKind::Group, group_id)),
        }
    }
    let mut out = Vec::new();
    match &settings.routing {
        Routing::Employee { employee_id } => {
            out.push(("routing.employee_id".to_owned(), ReferenceKind::Employee, employee_id.as_str()))
        }
        Routing::Group { group_id } => {
            out.push(("routing.group_id".to_owned(), ReferenceKind::Group, group_id.as_str()))
        }
        Routing::ChatBot { chat_bot_id, fallback } => {
            out.push(("routing.chat_bot_id".to_owned(), ReferenceKind::ChatBot, chat_bot_id.as_str()));
            if let Some(fallback) = fallback {
                target(&mut out, "routing.fallback", fallback);
            }
        }
    }
    if let NonWorkingHours::ChatBot { chat_bot_id } = &settings.non_working_hours {
        out.push(("non_working_hours.chat_bot_id".to_owned(), ReferenceKind::ChatBot, chat_bot_id.as_str()));
    }
    out
}

/// `unknown_reference` for every non-empty id the directory does not know (empty ids are
/// `required`, reported by [`validate_settings`]). Only the back end can run this in full;
/// the app picks ids from the back end's own lists.
pub fn validate_references(settings: &Settings, directory: &impl Directory) -> Vec<FieldError> {
    let mut report = Report::default();
    for (path, kind, id) in references(settings) {
        let known = match kind {
            ReferenceKind::Employee => directory.has_employee(id),
            ReferenceKind::Group => directory.has_group(id),
            ReferenceKind::ChatBot => directory.has_chat_bot(id),
        };
        let unknown = !id.trim().is_empty() && !known;
        report.add(path, unknown.then_some(FieldErrorCode::UnknownReference));
    }
    report.errors
}

/// The settings as the back end stores them: texts trimmed, ids trimmed.
pub fn normalized(settings: &Settings) -> Settings {
    fn replies(list: &[AutoReply]) -> Vec<AutoReply> {
        list.iter().map(|r| AutoReply { text: trimmed(&r.text).to_owned(), ..r.clone() }).collect()
    }
    let mut out = settings.clone();
    out.auto_replies = replies(&settings.auto_replies);
    out.closing_message.text = trimmed(&settings.closing_message.text).to_owned();
    if let NonWorkingHours::AutoReplies { auto_replies } = &settings.non_working_hours {
        out.non_working_hours = NonWorkingHours::AutoReplies { auto_replies: replies(auto_replies) };
    }
    out
}

/// The back end's Russian prose for a field error (`FieldError.message`). The app shows
/// its own catalogue's messages, keyed by `code` and the control; this text is for other
/// clients and logs.
pub fn default_message_ru(path: &str, code: &FieldErrorCode) -> String {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    let text = match code {
        FieldErrorCode::Required => match leaf {
            "token" => "Введите токен.",
            "fallback" => "Выберите сотрудника или группу на случай недоступности чат-бота.",
            "employee_id" => "Выберите сотрудника.",
            "group_id" => "Выберите группу.",
            "chat_bot_id" => "Выберите чат-бота.",
            "auto_replies" => "Добавьте хотя бы один автоответ.",
            _ => "Заполните поле.",
        },
        FieldErrorCode::TooLong if leaf == "token" => "Токен не длиннее 512 символов.",
        FieldErrorCode::TooLong => "Не больше 250 символов.",
        FieldErrorCode::TooShort => "Слишком коротко.",
        FieldErrorCode::OutOfRange => match leaf {
            "delay_seconds" => "От 0 секунд до 24 часов.",
            "interval_seconds" => "От 1 минуты до 24 часов.",
            "after_minutes" => "От 5 минут до 30 дней.",
            _ => "Значение вне допустимого диапазона.",
        },
        FieldErrorCode::TooMany => "Не больше 10 автоответов.",
        FieldErrorCode::DuplicateDelay => "Автоответ с такой задержкой уже есть.",
        FieldErrorCode::BadCharacters if leaf == "token" => {
            "Токен состоит из латинских букв, цифр и знаков, без пробелов."
        }
        FieldErrorCode::BadCharacters => "Текст содержит недопустимые управляющие символы.",
        FieldErrorCode::TokenInvalid => "MAX не принял токен. Проверьте, что он скопирован полностью.",
        FieldErrorCode::ServiceNotConnected => "Подключите услугу «Чат-боты».",
        FieldErrorCode::UnknownReference if leaf == RESTORED_FROM_PATH => {
            "Этой версии нет в истории изменений: восстановить её нельзя."
        }
        FieldErrorCode::UnknownReference => "Такого значения больше нет. Выберите другое.",
        FieldErrorCode::Other(_) => "Проверьте значение.",
    };
    text.to_owned()
}
