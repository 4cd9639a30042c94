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

mod report;
mod steps;
mod table;
use report::*;
use steps::*;
use table::*;

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
