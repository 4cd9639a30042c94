//! The table's axes: the faults, the calls, what each cell must show and where.

use super::*;

/// The client's time-out in this run: short, so a stalled answer is a quick cell.
pub(super) const TIMEOUT_MS: u32 = 1_500;
/// What the person typed before the faulted call; it must survive every fault.
pub(super) const MINE: &str = "Моё несохранённое прощание";
pub(super) const TOKEN: &str = "fault-token-1234";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fault {
    Status(u16),
    /// The answer comes later than the client's time-out.
    Slow,
    /// The back end is not running.
    Stopped,
    /// 200 with a body that is not JSON.
    Malformed,
    /// An HTML error page from a proxy instead of the contract's JSON.
    Html,
}

pub(super) const FAULTS: [Fault; 12] = [
    Fault::Status(401),
    Fault::Status(403),
    Fault::Status(404),
    Fault::Status(412),
    Fault::Status(422),
    Fault::Status(429),
    Fault::Status(500),
    Fault::Status(502),
    Fault::Slow,
    Fault::Stopped,
    Fault::Malformed,
    Fault::Html,
];

impl Fault {
    pub(super) fn label(self) -> String {
        match self {
            Fault::Status(s) => s.to_string(),
            Fault::Slow => "time-out".into(),
            Fault::Stopped => "back end stopped".into(),
            Fault::Malformed => "malformed JSON".into(),
            Fault::Html => "HTML page".into(),
        }
    }

    /// The fault as the dev back end injects it (none for a stopped back end).
    pub(super) fn spec(self, op: Operation) -> Option<FaultSpec> {
        let id = op.name();
        let value = match self {
            // A 422 as the contract words it for the two calls that document one.
            Fault::Status(422) if op == Operation::PutMaxSettings => json!({
                "operation": id, "status": 422,
                "body": {"error": {"code": "validation_failed", "message": "Проверьте выделенные поля.",
                    "fields": [{"path": "closing_message.text", "code": "too_long", "message": "Не больше 250 символов."}]}}
            }),
            Fault::Status(422) if op == Operation::VerifyMaxToken => json!({
                "operation": id, "status": 422,
                "body": {"error": {"code": "token_invalid", "message": "MAX не принял токен."}}
            }),
            Fault::Status(status) => json!({"operation": id, "status": status, "retry_after": 2}),
            Fault::Slow => json!({"operation": id, "stall": true}),
            Fault::Stopped => return None,
            Fault::Malformed => json!({"operation": id, "malformed": true}),
            Fault::Html => json!({
                "operation": id, "status": 502,
                "raw": "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
            }),
        };
        Some(fault(value))
    }
}

/// What the person must see for a fault, and how they get past it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expect {
    /// A message and «Повторить».
    Retry(&'static str),
    /// A message; the request itself must change or be sent again by the person's action.
    Again(&'static str),
    /// Not a failure: the call's contract gives the answer a meaning (no settings yet).
    Fine,
}

/// What a 429 says at every second of its wait.
pub(super) const RATE_LIMITED: &str = "Слишком много попыток.";

pub(super) fn expect(op: Operation, fault: Fault) -> Expect {
    use Expect::*;
    const UNEXPECTED: &str = "Сервер ответил неожиданно";
    match (op, fault) {
        (_, Fault::Status(401)) => Retry("Сессия истекла — войдите снова"),
        (_, Fault::Status(403)) => Retry("Недостаточно прав"),
        (Operation::GetMaxSettings, Fault::Status(404)) => Fine,
        (Operation::PutMaxSettings, Fault::Status(412)) => Again("настройки сохранил другой пользователь"),
        (Operation::PutMaxSettings, Fault::Status(422)) => Again("Не больше 250 символов."),
        (Operation::VerifyMaxToken, Fault::Status(422)) => Again("MAX не принял токен"),
        // Elsewhere the contract gives these no meaning: not guessed at.
        (_, Fault::Status(404 | 412 | 422)) => Retry(UNEXPECTED),
        // The seconds count down (2, 1, then «Теперь можно повторить»): the start is common.
        (_, Fault::Status(429)) => Retry(RATE_LIMITED),
        (_, Fault::Status(500)) => Retry("Сервер временно недоступен (ошибка 500)"),
        (Operation::VerifyMaxToken, Fault::Status(502)) => Retry("Сервис MAX сейчас недоступен"),
        (_, Fault::Status(502)) => Retry("Сервер временно недоступен (ошибка 502)"),
        (_, Fault::Status(other)) => unreachable!("no expectation for {other}"),
        (_, Fault::Slow) => Retry("Сервер не ответил вовремя"),
        (Operation::VerifyMaxToken, Fault::Stopped) => Retry("Не удалось проверить токен: нет связи с сервером"),
        (_, Fault::Stopped) => Retry("Нет связи с сервером"),
        (_, Fault::Malformed | Fault::Html) => Retry(UNEXPECTED),
    }
}

/// Where a call happens in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// A page load, reached by an in-app link.
    Load { from: &'static str, link: &'static str, loaded: &'static str },
    /// Something done in the settings form.
    Form,
    /// A load beside a page's own (the schedule beside the settings form): its failure
    /// shows in its own place, and the page around it stands.
    Beside { from: &'static str, link: &'static str, loaded: &'static str },
}

/// The operations the app calls today. Contract 1.1's health joins this table with the UI
/// that calls it.
pub(super) const APP_CALLS: [Operation; 11] = [
    Operation::ListChannelGroups,
    Operation::GetMaxChannel,
    Operation::VerifyMaxToken,
    Operation::GetMaxSettings,
    Operation::PutMaxSettings,
    Operation::DisconnectMax,
    Operation::ListEmployees,
    Operation::ListGroups,
    Operation::ListChatBots,
    Operation::GetSchedule,
    Operation::ListMaxSettingsHistory,
];

pub(super) fn place(op: Operation) -> Place {
    const SETTINGS_LINK: &str = "a.button--primary[href$='/channels/max/settings']";
    const FORM: &str = "form.settings";
    match op {
        Operation::ListChannelGroups => {
            Place::Load { from: "/channels/max", link: ".back-link", loaded: "[data-kind=max]" }
        }
        Operation::GetMaxChannel => Place::Load { from: "/channels", link: "[data-kind=max]", loaded: SETTINGS_LINK },
        Operation::GetMaxSettings | Operation::ListGroups | Operation::ListChatBots => {
            Place::Load { from: "/channels/max", link: SETTINGS_LINK, loaded: FORM }
        }
        Operation::VerifyMaxToken | Operation::PutMaxSettings | Operation::DisconnectMax | Operation::ListEmployees => {
            Place::Form
        }
        Operation::GetSchedule => {
            Place::Beside { from: "/channels/max", link: SETTINGS_LINK, loaded: "#schedule-week" }
        }
        Operation::ListMaxSettingsHistory => {
            Place::Load { from: "/channels/max", link: "#history-link", loaded: "#history-empty" }
        }
        other => unreachable!("{other:?} is not in APP_CALLS"),
    }
}
