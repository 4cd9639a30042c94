//! The fault table, end to end: every call the app makes × every fault the back end (or the
//! network) can throw at it. For each cell the person sees the specific message, the way
//! back («Повторить», or the action again where the request itself had to change) works
//! once the fault clears, and what was typed is still there.
//!
//! The run writes the table to `target/reports/fault-table.md`; `cargo xtask test` prints it.

use std::fmt::Write as _;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use futures::FutureExt;
use max_channel_contract::Operation;
use max_channel_devserver::FaultSpec;
use max_channel_fake::samples;
use serde_json::json;

use crate::support::controls::*;
use crate::support::{eventually, fault, E2e, Engine, Options, PATIENCE};

/// The client's time-out in this run: short, so a stalled answer is a quick cell.
const TIMEOUT_MS: u32 = 1_500;
/// What the person typed before the faulted call; it must survive every fault.
const MINE: &str = "Моё несохранённое прощание";
const TOKEN: &str = "fault-token-1234";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
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

const FAULTS: [Fault; 12] = [
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
    fn label(self) -> String {
        match self {
            Fault::Status(s) => s.to_string(),
            Fault::Slow => "time-out".into(),
            Fault::Stopped => "back end stopped".into(),
            Fault::Malformed => "malformed JSON".into(),
            Fault::Html => "HTML page".into(),
        }
    }

    /// The fault as the dev back end injects it (none for a stopped back end).
    fn spec(self, op: Operation) -> Option<FaultSpec> {
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
enum Expect {
    /// A message and «Повторить».
    Retry(&'static str),
    /// A message; the request itself must change or be sent again by the person's action.
    Again(&'static str),
    /// Not a failure: the call's contract gives the answer a meaning (no settings yet).
    Fine,
}

/// What a 429 says at every second of its wait.
const RATE_LIMITED: &str = "Слишком много попыток.";

fn expect(op: Operation, fault: Fault) -> Expect {
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
enum Place {
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
const APP_CALLS: [Operation; 11] = [
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

fn place(op: Operation) -> Place {
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

/// A fresh account with saved settings (and, for disconnect, a connected channel), and
/// the settings form open with something typed and not saved.
async fn open_form(e2e: &E2e, op: Operation) {
    e2e.save_settings(samples::settings(), (op == Operation::DisconnectMax).then_some("stored-token-0001"));
    e2e.open("/channels/max/settings").await;
    e2e.type_into(&control(FieldPath::ClosingText), MINE).await;
    if matches!(op, Operation::VerifyMaxToken | Operation::PutMaxSettings) {
        e2e.type_into(&control(FieldPath::Token), TOKEN).await;
    }
    if op == Operation::ListEmployees {
        e2e.click("label:has(#routing-employee)").await;
        e2e.type_into(&control(FieldPath::RoutingEmployee), "Кузн").await;
        e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецова").await;
    }
    if op == Operation::DisconnectMax {
        e2e.click(".button--danger-outline").await;
        e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
    }
}

/// Makes the call the fault is waiting for.
async fn trigger(e2e: &E2e, op: Operation) {
    match (op, place(op)) {
        (_, Place::Load { link, .. } | Place::Beside { link, .. }) => e2e.click(link).await,
        (Operation::VerifyMaxToken, _) => e2e.click("#token-check").await,
        (Operation::PutMaxSettings, _) => e2e.click("button[type=submit]").await,
        (Operation::DisconnectMax, _) => e2e.click("#disconnect-dialog .button--danger").await,
        (Operation::ListEmployees, _) => {
            e2e.find(&control(FieldPath::RoutingEmployee)).await.send_keys("е").await.unwrap()
        }
        (other, _) => unreachable!("{other:?} is a page load"),
    }
}

/// Where the failure's message shows.
fn message_at(op: Operation, expect: &Expect) -> String {
    match (op, expect) {
        (Operation::PutMaxSettings, Expect::Again("Не больше 250 символов.")) => {
            error(FieldPath::ClosingText)
        }
        (Operation::VerifyMaxToken, _) => "#token-check-error".into(),
        (Operation::PutMaxSettings | Operation::DisconnectMax, _) => ".save-outcome [role=alert]".into(),
        (Operation::ListEmployees, _) => ".picker__failed".into(),
        // With the server stopped, the page's own loads fail too: the page says so.
        (Operation::GetSchedule, Expect::Retry("Нет связи с сервером")) => "main [role=alert]".into(),
        (Operation::GetSchedule, _) => "#schedule [role=alert]".into(),
        _ => "main [role=alert]".into(),
    }
}

/// The way back once the fault has cleared.
async fn recover(e2e: &E2e, op: Operation, expect: &Expect) {
    match (op, expect) {
        // «Повторить» waits out the wait the server asked for, as its message counts down.
        (_, Expect::Retry(RATE_LIMITED)) => {
            e2e.wait_for_text(&message_at(op, expect), "Теперь можно повторить").await;
            e2e.click(".retry").await
        }
        (_, Expect::Retry(_)) => e2e.click(".retry").await,
        (Operation::PutMaxSettings, Expect::Again(text)) if text.contains("другой пользователь") => {
            e2e.click("#conflict-keep").await;
            eventually(PATIENCE, "the conflict banner never left", || async {
                !e2e.is_present("#conflict-keep").await
            })
            .await;
            e2e.click("button[type=submit]").await;
        }
        (Operation::PutMaxSettings, Expect::Again(_)) => e2e.click("button[type=submit]").await,
        (Operation::VerifyMaxToken, Expect::Again(_)) => e2e.click("#token-check").await,
        (other, expect) => unreachable!("{other:?}: {expect:?}"),
    }
}

/// The call went through.
async fn recovered(e2e: &E2e, op: Operation) {
    match (op, place(op)) {
        (_, Place::Load { loaded, .. } | Place::Beside { loaded, .. }) => {
            e2e.find(loaded).await;
        }
        (Operation::VerifyMaxToken, _) => {
            e2e.wait_for_text(".token-valid", "Токен авторизован").await;
        }
        (Operation::PutMaxSettings, _) => {
            e2e.find(".save-outcome [role=status]").await;
            let saved = e2e.server().state.fake().account().settings.clone().expect("saved");
            assert_eq!(saved.settings.closing_message.text, MINE, "what was typed is what got saved");
        }
        (Operation::DisconnectMax, _) => {
            e2e.wait_for_text(".about__state .badge", "Не подключён").await;
            assert!(e2e.server().state.fake().account().token.is_none());
        }
        (Operation::ListEmployees, _) => {
            e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецова").await;
        }
        (other, _) => unreachable!("{other:?}"),
    }
}

/// Nothing typed was lost.
async fn intact(e2e: &E2e, op: Operation, with_token: bool) {
    if place(op) != Place::Form {
        return;
    }
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, MINE, "the typed closing message");
    if with_token && matches!(op, Operation::VerifyMaxToken | Operation::PutMaxSettings) {
        assert_eq!(e2e.value_of(&control(FieldPath::Token)).await, TOKEN, "the typed token");
    }
    if op == Operation::ListEmployees {
        assert_eq!(e2e.value_of(&control(FieldPath::RoutingEmployee)).await, "Кузне", "the typed search");
    }
}

/// What a split route (decision 68) says when its module cannot be fetched.
const SPLIT_ROUTE_FAILED: &str = "Не удалось загрузить эту страницу";

/// Whether the operation's page is a split route (the settings, the history), whose module
/// the browser fetches when the route first opens in the page. With the whole back end
/// stopped, that page says the page's own «Нет связи с сервером» when the browser kept the
/// module from an earlier cell (Chromium's and Firefox's cache of an `immutable` file), or
/// the route's «Не удалось загрузить эту страницу» when it did not (WebKitGTK fetches it
/// again); both offer «Повторить», which the recovery presses.
fn opens_split_route(op: Operation) -> bool {
    matches!(
        op,
        Operation::GetMaxSettings
            | Operation::ListGroups
            | Operation::ListChatBots
            | Operation::GetSchedule
            | Operation::ListMaxSettingsHistory
    )
}

/// One cell of the table.
async fn cell(e2e: &mut E2e, op: Operation, fault: Fault) {
    e2e.server().state.reset(true).unwrap();
    e2e.server().state.controls().clear_faults();
    // No draft from the cell before (the page may be about:blank, where storage throws).
    let _ = e2e.browser.execute("try { sessionStorage.clear() } catch (e) {}", vec![]).await;
    match place(op) {
        Place::Load { from, link, .. } | Place::Beside { from, link, .. } => {
            e2e.open(from).await;
            e2e.find(link).await;
        }
        Place::Form => open_form(e2e, op).await,
    }
    let expect = expect(op, fault);
    match fault.spec(op) {
        Some(spec) => e2e.server().state.controls().add_fault(spec),
        None => e2e.stop_server().await,
    }
    trigger(e2e, op).await;
    match &expect {
        Expect::Fine => {
            // Nothing saved yet: an empty form, and no error.
            e2e.find("form.settings").await;
            assert!(!e2e.is_present("main [role=alert]").await, "a 404 of the settings is no error");
            return;
        }
        Expect::Retry(text) if fault == Fault::Stopped && opens_split_route(op) => {
            let at = message_at(op, &expect);
            eventually(PATIENCE, "the page's or the route's «no connection»", || async {
                let said = e2e.text_content(&at).await;
                said.contains(*text) || said.contains(SPLIT_ROUTE_FAILED)
            })
            .await;
        }
        Expect::Retry(text) | Expect::Again(text) => {
            e2e.wait_for_text(&message_at(op, &expect), text).await;
        }
    }
    intact(e2e, op, true).await;
    let retry_shown = e2e.is_present(".retry").await;
    assert_eq!(
        retry_shown,
        matches!(expect, Expect::Retry(_)),
        "«Повторить» is offered exactly for a retryable failure"
    );
    if fault == Fault::Stopped {
        e2e.restart_server().await;
    }
    // The fault has cleared (it was for one call); the way back works.
    recover(e2e, op, &expect).await;
    recovered(e2e, op).await;
    intact(e2e, op, false).await;
}

/// `fault-table.md` of the Chromium run, `fault-table-firefox.md` … of the others.
fn report_path() -> PathBuf {
    let name = match crate::support::engine::current() {
        Engine::Chromium => "fault-table.md".to_owned(),
        other => format!("fault-table-{}.md", other.name()),
    };
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/reports").join(name)
}

/// One call's row of the fault table: each fault and how long its way back took (or why it
/// failed); `None` for a cell this engine does not play ([`Plan`]).
type Row = (Operation, Vec<(Fault, Option<Result<Duration, String>>)>);

/// Which cells an engine plays (decision 72). The table tests the app's own handling of
/// each call's failure, which is the same Rust in every engine; what differs between
/// engines is how `fetch` meets each fault (a status, a time-out's abort, a refused
/// connection, a body that is not JSON). Chromium plays every cell; Firefox and WebKitGTK
/// play a cover: every call once and every fault once (12 cells, not 132), each engine a
/// different diagonal. `FAULT_TABLE_FULL=1` plays the whole table in any engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    Full,
    /// Cell `k` of `0..max(rows, columns)` is (`k mod rows`, `(k + shift) mod columns`).
    Cover {
        shift: usize,
    },
}

impl Plan {
    fn for_engine(engine: Engine) -> Plan {
        if std::env::var_os("FAULT_TABLE_FULL").is_some() {
            return Plan::Full;
        }
        match engine {
            Engine::Chromium => Plan::Full,
            Engine::Firefox => Plan::Cover { shift: 0 },
            Engine::WebKit => Plan::Cover { shift: FAULTS.len() / 2 },
        }
    }

    fn plays(self, row: usize, column: usize) -> bool {
        let (rows, columns) = (APP_CALLS.len(), FAULTS.len());
        match self {
            Plan::Full => true,
            Plan::Cover { shift } => (0..rows.max(columns)).any(|k| k % rows == row && (k + shift) % columns == column),
        }
    }
}

fn write_report(rows: &[Row]) -> String {
    let mut out = String::from("| call |");
    for fault in FAULTS {
        let _ = write!(out, " {} |", fault.label());
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(FAULTS.len()));
    out.push('\n');
    for (op, cells) in rows {
        let _ = write!(out, "| {} |", op.name());
        for (_, result) in cells {
            out.push_str(match result {
                Some(Ok(_)) => " pass |",
                Some(Err(_)) => " FAIL |",
                None => " — |",
            });
        }
        out.push('\n');
    }
    let played: Vec<_> = rows.iter().flat_map(|(_, c)| c).filter_map(|(_, r)| r.as_ref()).collect();
    let passed = played.iter().filter(|r| r.is_ok()).count();
    let _ = writeln!(out, "\n{passed} of {} cells pass.", played.len());
    if played.len() < rows.iter().map(|(_, c)| c.len()).sum::<usize>() {
        let _ = writeln!(out, "«—»: not played in this engine; Chromium plays every cell (decision 72).");
    }
    let path = report_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &out).unwrap();
    out
}

/// The first line of a failed cell's panic, for the summary.
fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panicked".into());
    text.lines().next().unwrap_or_default().chars().take(300).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_call_survives_every_fault() {
    let state = std::env::temp_dir().join(format!("max-fault-table-{}.json", std::process::id()));
    let mut e2e = E2e::start_with(Options {
        request_timeout_ms: Some(TIMEOUT_MS),
        state_file: Some(state.clone()),
        ..Default::default()
    })
    .await;
    let only = std::env::var("FAULT_TABLE_ONLY").ok();
    let plan = Plan::for_engine(crate::support::engine::current());
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for (row, op) in APP_CALLS.into_iter().enumerate() {
        if only.as_deref().is_some_and(|o| o != op.name()) {
            continue;
        }
        let mut cells = Vec::new();
        for (column, fault) in FAULTS.into_iter().enumerate() {
            if !plan.plays(row, column) {
                cells.push((fault, None));
                continue;
            }
            let started = Instant::now();
            let result = AssertUnwindSafe(cell(&mut e2e, op, fault)).catch_unwind().await;
            if !e2e.is_running() {
                e2e.restart_server().await; // a cell that failed half-way through a stop
            }
            let result = result.map(|()| started.elapsed()).map_err(panic_text);
            if let Err(why) = &result {
                failures.push(format!("{} × {}: {why}", op.name(), fault.label()));
            }
            cells.push((fault, Some(result)));
        }
        rows.push((op, cells));
    }
    let table = write_report(&rows);
    println!("{table}");
    e2e.finish().await;
    let _ = std::fs::remove_file(&state);
    assert!(failures.is_empty(), "failing cells:\n{}", failures.join("\n"));
    if only.is_none() && plan == Plan::Full {
        docs_show(&table);
    }
}

/// docs/faults.md shows the table this run produced (`UPDATE_DOCS=1` rewrites it).
fn docs_show(table: &str) {
    const START: &str = "<!-- fault-table -->\n";
    const END: &str = "<!-- /fault-table -->";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/faults.md");
    let doc = std::fs::read_to_string(&path).expect("docs/faults.md");
    let start = doc.find(START).expect("the table's start marker") + START.len();
    let end = doc.find(END).expect("the table's end marker");
    let fresh = format!("{}\n", table.trim_end());
    if doc[start..end] == fresh {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, format!("{}{fresh}{}", &doc[..start], &doc[end..])).unwrap();
    } else {
        panic!("docs/faults.md shows another table than this run's; run with UPDATE_DOCS=1 to update it:\n{table}");
    }
}

#[test]
fn a_cover_plays_every_call_and_every_fault_and_the_two_covers_differ() {
    let cells = |plan: Plan| -> Vec<(usize, usize)> {
        let mut cells = Vec::new();
        for row in 0..APP_CALLS.len() {
            for column in 0..FAULTS.len() {
                if plan.plays(row, column) {
                    cells.push((row, column));
                }
            }
        }
        cells
    };
    let full = cells(Plan::Full);
    assert_eq!(full.len(), APP_CALLS.len() * FAULTS.len());
    let firefox = cells(Plan::Cover { shift: 0 });
    let webkit = cells(Plan::Cover { shift: FAULTS.len() / 2 });
    for cover in [&firefox, &webkit] {
        assert_eq!(cover.len(), APP_CALLS.len().max(FAULTS.len()), "{cover:?}");
        assert!((0..APP_CALLS.len()).all(|row| cover.iter().any(|c| c.0 == row)), "a call never played: {cover:?}");
        assert!((0..FAULTS.len()).all(|col| cover.iter().any(|c| c.1 == col)), "a fault never played: {cover:?}");
    }
    assert!(firefox.iter().all(|c| !webkit.contains(c)), "the engines play the same cells");
}
