//! The table as the run leaves it in target/reports, and the covers that share it between engines.

use super::*;

/// `fault-table.md` of the Chromium run, `fault-table-firefox.md` … of the others.
pub(super) fn report_path() -> PathBuf {
    let name = match crate::support::engine::current() {
        Engine::Chromium => "fault-table.md".to_owned(),
        other => format!("fault-table-{}.md", other.name()),
    };
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/reports").join(name)
}

/// One call's row of the fault table: each fault and how long its way back took (or why it
/// failed); `None` for a cell this engine does not play ([`Plan`]).
pub(super) type Row = (Operation, Vec<(Fault, Option<Result<Duration, String>>)>);

/// Which cells an engine plays (decision 72). The table tests the app's own handling of
/// each call's failure, which is the same Rust in every engine; what differs between
/// engines is how `fetch` meets each fault (a status, a time-out's abort, a refused
/// connection, a body that is not JSON). Chromium plays every cell; Firefox and WebKitGTK
/// play a cover: every call once and every fault once (12 cells, not 132), each engine a
/// different diagonal. `FAULT_TABLE_FULL=1` plays the whole table in any engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    Full,
    /// Cell `k` of `0..max(rows, columns)` is (`k mod rows`, `(k + shift) mod columns`).
    Cover {
        shift: usize,
    },
}

impl Plan {
    pub(super) fn for_engine(engine: Engine) -> Plan {
        if std::env::var_os("FAULT_TABLE_FULL").is_some() {
            return Plan::Full;
        }
        match engine {
            Engine::Chromium => Plan::Full,
            Engine::Firefox => Plan::Cover { shift: 0 },
            Engine::WebKit => Plan::Cover { shift: FAULTS.len() / 2 },
        }
    }

    pub(super) fn plays(self, row: usize, column: usize) -> bool {
        let (rows, columns) = (APP_CALLS.len(), FAULTS.len());
        match self {
            Plan::Full => true,
            Plan::Cover { shift } => (0..rows.max(columns)).any(|k| k % rows == row && (k + shift) % columns == column),
        }
    }
}

pub(super) fn write_report(rows: &[Row]) -> String {
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
pub(super) fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panicked".into());
    text.lines().next().unwrap_or_default().chars().take(300).collect()
}
