//! «История изменений» in words: what changed between two saved versions of the settings,
//! one line per changed field («Кто принимает обращения: группа «Отдел продаж» → группа
//! «Техподдержка»», «Автоответ 2: удалён», «Автозавершение: через 1 день → выключено»).
//! Pure: the names of employees, groups and chat-bots come from the caller.

use max_channel_contract::{AutoReply, NonWorkingHours, Repeat, Routing, Settings, Target};

use crate::domain::when::{after_text, duration_text};
use crate::i18n::{count, plural, Msg, Tr};

/// Where names come from; an id none of them knows reads as «удалённый …».
pub struct Names<'a> {
    pub group: &'a dyn Fn(&str) -> Option<String>,
    pub chat_bot: &'a dyn Fn(&str) -> Option<String>,
    pub employee: &'a dyn Fn(&str) -> Option<String>,
}

fn named(tr: Tr, found: Option<String>, known: Msg, gone: Msg, id: &str) -> String {
    match found {
        Some(name) => tr.f(known, &[("name", &name)]),
        None => tr.f(gone, &[("id", id)]),
    }
}

fn target_text(tr: Tr, names: &Names<'_>, target: &Target) -> String {
    match target {
        Target::Employee { employee_id: id } => {
            named(tr, (names.employee)(id), Msg::WhoEmployee, Msg::WhoEmployeeGone, id)
        }
        Target::Group { group_id: id } => named(tr, (names.group)(id), Msg::WhoGroup, Msg::WhoGroupGone, id),
    }
}

fn chat_bot_text(tr: Tr, names: &Names<'_>, id: &str) -> String {
    named(tr, (names.chat_bot)(id), Msg::WhoChatBot, Msg::WhoChatBotGone, id)
}

/// «группа «Отдел продаж»», «чат-бот «Продажи» (если недоступен: сотрудник Иванова Мария)».
fn routing_text(tr: Tr, names: &Names<'_>, routing: &Routing) -> String {
    match routing {
        Routing::Employee { employee_id } => {
            target_text(tr, names, &Target::Employee { employee_id: employee_id.clone() })
        }
        Routing::Group { group_id } => target_text(tr, names, &Target::Group { group_id: group_id.clone() }),
        Routing::ChatBot { chat_bot_id, fallback } => {
            let bot = chat_bot_text(tr, names, chat_bot_id);
            match fallback {
                Some(target) => {
                    tr.f(Msg::WhoWithFallback, &[("who", &bot), ("fallback", &target_text(tr, names, target))])
                }
                None => bot,
            }
        }
    }
}

/// A line «<what>: <before> → <after>»; `subject` names a reply where the message has one.
fn change(tr: Tr, msg: Msg, subject: &str, before: &str, after: &str) -> String {
    tr.f(msg, &[("subject", subject), ("before", before), ("after", after)])
}

fn routing_lines(tr: Tr, names: &Names<'_>, before: &Routing, after: &Routing, out: &mut Vec<String>) {
    match (before, after) {
        // The same chat-bot: its fallback alone has its own line.
        (Routing::ChatBot { chat_bot_id: a, fallback: fa }, Routing::ChatBot { chat_bot_id: b, fallback: fb }) => {
            if a != b {
                out.push(change(tr, Msg::DiffRouting, "", &chat_bot_text(tr, names, a), &chat_bot_text(tr, names, b)));
            }
            if fa != fb {
                let text = |t: &Option<Target>| {
                    t.as_ref().map_or_else(|| tr.t(Msg::DiffNone).to_owned(), |t| target_text(tr, names, t))
                };
                out.push(change(tr, Msg::DiffFallback, "", &text(fa), &text(fb)));
            }
        }
        _ if before != after => {
            out.push(change(
                tr,
                Msg::DiffRouting,
                "",
                &routing_text(tr, names, before),
                &routing_text(tr, names, after),
            ));
        }
        _ => {}
    }
}

/// «один раз», «раз в 5 минут».
fn repeat_text(tr: Tr, repeat: &Repeat) -> String {
    match repeat {
        Repeat::Once => tr.t(Msg::RepeatOnceWords).to_owned(),
        Repeat::Every { interval_seconds } => {
            // One whole unit reads without its «1»: «раз в минуту», «раз в час».
            let single = [(60, Msg::UnitMinuteAgo), (3600, Msg::UnitHour), (86_400, Msg::UnitDay)]
                .into_iter()
                .find(|(size, _)| size == interval_seconds)
                .map(|(_, unit)| plural(tr.0, unit, 1).to_owned());
            let every = single.unwrap_or_else(|| duration_text(tr.0, *interval_seconds));
            tr.f(Msg::RepeatEveryWords, &[("every", &every)])
        }
    }
}

fn quoted(text: &str) -> String {
    format!("«{text}»")
}

/// A text's change; one that appears or goes is told so, never as empty quotes («текст «»
/// → «Спасибо!»» read as a mistake).
fn text_change(tr: Tr, subject: &str, before: &str, after: &str) -> String {
    match (before.trim().is_empty(), after.trim().is_empty()) {
        (true, _) => tr.f(Msg::DiffTextAdded, &[("subject", subject), ("what", &quoted(after))]),
        (_, true) => tr.f(Msg::DiffTextRemoved, &[("subject", subject), ("what", &quoted(before))]),
        _ => change(tr, Msg::DiffText, subject, &quoted(before), &quoted(after)),
    }
}

/// One reply's own changes, each field its line.
fn reply_changes(tr: Tr, subject: &str, before: &AutoReply, after: &AutoReply, out: &mut Vec<String>) {
    if before.delay_seconds != after.delay_seconds {
        let (a, b) = (after_text(tr.0, before.delay_seconds), after_text(tr.0, after.delay_seconds));
        out.push(change(tr, Msg::DiffReplyDelay, subject, &a, &b));
    }
    if before.text != after.text {
        out.push(text_change(tr, subject, &before.text, &after.text));
    }
    if before.repeat != after.repeat {
        out.push(change(
            tr,
            Msg::DiffReplyRepeat,
            subject,
            &repeat_text(tr, &before.repeat),
            &repeat_text(tr, &after.repeat),
        ));
    }
}

/// Where one reply was added or removed, if that is the whole difference.
fn one_apart(short: &[AutoReply], long: &[AutoReply]) -> Option<usize> {
    if long.len() != short.len() + 1 {
        return None;
    }
    let at = short.iter().zip(long).position(|(a, b)| a != b).unwrap_or(short.len());
    (short[at..] == long[at + 1..]).then_some(at)
}

/// A reply whole: «через 10 минут, «Скоро ответим», раз в 5 минут».
fn reply_text(tr: Tr, reply: &AutoReply) -> String {
    [after_text(tr.0, reply.delay_seconds), quoted(&reply.text), repeat_text(tr, &reply.repeat)].join(", ")
}

fn reply_lines(tr: Tr, subject: Msg, before: &[AutoReply], after: &[AutoReply], out: &mut Vec<String>) {
    let name = |index: usize| tr.f(subject, &[("n", &(index + 1).to_string())]);
    let added = |index: usize, reply: &AutoReply| {
        tr.f(Msg::DiffReplyAdded, &[("subject", &name(index)), ("what", &reply_text(tr, reply))])
    };
    // A removed reply is named by its text: «Автоответ 2» alone no longer exists to look at.
    let removed = |index: usize, reply: &AutoReply| {
        tr.f(Msg::DiffReplyRemoved, &[("subject", &name(index)), ("what", &quoted(&reply.text))])
    };
    if let Some(at) = one_apart(after, before) {
        out.push(removed(at, &before[at]));
        return;
    }
    if let Some(at) = one_apart(before, after) {
        out.push(added(at, &after[at]));
        return;
    }
    for index in 0..before.len().max(after.len()) {
        match (before.get(index), after.get(index)) {
            (Some(a), Some(b)) => reply_changes(tr, &name(index), a, b, out),
            (Some(a), None) => out.push(removed(index, a)),
            (None, Some(b)) => out.push(added(index, b)),
            (None, None) => {}
        }
    }
}

fn on_off(tr: Tr, on: bool) -> &'static str {
    tr.t(if on { Msg::DiffOn } else { Msg::DiffOff })
}

fn non_working_text(tr: Tr, names: &Names<'_>, mode: &NonWorkingHours) -> String {
    match mode {
        NonWorkingHours::Off => tr.t(Msg::DiffOff).to_owned(),
        NonWorkingHours::ChatBot { chat_bot_id } => chat_bot_text(tr, names, chat_bot_id),
        NonWorkingHours::AutoReplies { auto_replies } => count(tr.0, Msg::UnitAutoReply, auto_replies.len() as u64),
    }
}

/// «через 1 день», «выключено»; «выключено (через 1 день)» when only the period of a
/// switched-off auto-close changed.
fn auto_close_text(tr: Tr, enabled: bool, minutes: i64, with_period: bool) -> String {
    let period = after_text(tr.0, minutes.saturating_mul(60));
    match (enabled, with_period) {
        (true, _) => period,
        (false, false) => tr.t(Msg::DiffOff).to_owned(),
        (false, true) => format!("{} ({period})", tr.t(Msg::DiffOff)),
    }
}

/// What changed from `before` to `after`, top to bottom in the form's order.
pub fn changes(tr: Tr, names: &Names<'_>, before: &Settings, after: &Settings) -> Vec<String> {
    let mut out = Vec::new();
    routing_lines(tr, names, &before.routing, &after.routing, &mut out);
    reply_lines(tr, Msg::DiffReplyName, &before.auto_replies, &after.auto_replies, &mut out);
    let (a, b) = (&before.closing_message, &after.closing_message);
    if a.enabled != b.enabled {
        out.push(change(tr, Msg::DiffClosing, "", on_off(tr, a.enabled), on_off(tr, b.enabled)));
    }
    if a.text != b.text {
        out.push(text_change(tr, tr.t(Msg::DiffClosingName), &a.text, &b.text));
    }
    match (&before.non_working_hours, &after.non_working_hours) {
        (NonWorkingHours::AutoReplies { auto_replies: a }, NonWorkingHours::AutoReplies { auto_replies: b }) => {
            reply_lines(tr, Msg::DiffNwhReplyName, a, b, &mut out);
        }
        (a, b) if a != b => {
            out.push(change(
                tr,
                Msg::DiffNonWorking,
                "",
                &non_working_text(tr, names, a),
                &non_working_text(tr, names, b),
            ));
        }
        _ => {}
    }
    let (a, b) = (&before.auto_close, &after.auto_close);
    if a != b {
        let only_period = !a.enabled && !b.enabled;
        let (x, y) = (
            auto_close_text(tr, a.enabled, a.after_minutes, only_period),
            auto_close_text(tr, b.enabled, b.after_minutes, only_period),
        );
        out.push(change(tr, Msg::DiffAutoClose, "", &x, &y));
    }
    out
}

/// A version's settings whole, one line per field in the form's order: what an entry of the
/// history held, for the person who wants more than its changes.
pub fn describe(tr: Tr, names: &Names<'_>, settings: &Settings) -> Vec<String> {
    let line = |subject: Msg, what: &str| tr.f(Msg::FieldLine, &[("subject", tr.t(subject)), ("what", what)]);
    let mut out = vec![line(Msg::DiffRoutingName, &routing_text(tr, names, &settings.routing))];
    let replies = |subject: Msg, replies: &[AutoReply], out: &mut Vec<String>| {
        for (index, reply) in replies.iter().enumerate() {
            let name = tr.f(subject, &[("n", &(index + 1).to_string())]);
            out.push(tr.f(Msg::FieldLine, &[("subject", &name), ("what", &reply_text(tr, reply))]));
        }
    };
    replies(Msg::DiffReplyName, &settings.auto_replies, &mut out);
    let closing = &settings.closing_message;
    out.push(match closing.enabled {
        true => line(Msg::DiffClosingName, &format!("{} — {}", on_off(tr, true), quoted(&closing.text))),
        false => line(Msg::DiffClosingName, on_off(tr, false)),
    });
    match &settings.non_working_hours {
        NonWorkingHours::AutoReplies { auto_replies } if !auto_replies.is_empty() => {
            replies(Msg::DiffNwhReplyName, auto_replies, &mut out)
        }
        other => out.push(line(Msg::DiffNonWorkingName, &non_working_text(tr, names, other))),
    }
    let close = &settings.auto_close;
    out.push(line(Msg::DiffAutoCloseName, &auto_close_text(tr, close.enabled, close.after_minutes, false)));
    out
}

#[cfg(test)]
#[path = "history_diff_tests.rs"]
mod tests;
