//! The size budgets, enforced on every test run: the first load of each release bundle,
//! brotli compressed — the production build within `BROTLI_BUDGET`, the full build with
//! preview mode within `PREVIEW_BROTLI_BUDGET`. Sizes are deterministic, so this cannot flake.

use std::path::Path;

use crate::support::sizes::{first_load, total, BROTLI_BUDGET, PREVIEW_BROTLI_BUDGET};
use crate::support::{dist, production_dist, take_turn};

/// Prints the bundle's first load and fails when it is over `budget`.
fn fits(what: &str, dist: &Path, budget: usize) -> usize {
    let assets = first_load(dist);
    let brotli = total(&assets, |a| a.brotli);
    for a in &assets {
        println!("{:5} {:>9} B raw {:>8} B gzip {:>8} B brotli  {}", a.kind, a.raw, a.gzip, a.brotli, a.name);
    }
    println!("{what} first load: {brotli} B brotli (budget {budget} B)");
    assert!(brotli <= budget, "the {what} first load is {brotli} B brotli, over the budget of {budget} B: {assets:#?}");
    brotli
}

#[test]
fn the_production_first_load_fits_the_brotli_budget() {
    let _turn = take_turn();
    fits("production", &production_dist(), BROTLI_BUDGET);
}

#[test]
fn the_preview_build_fits_its_own_budget_and_preview_is_what_it_adds() {
    let _turn = take_turn();
    let preview = fits("preview", &dist(), PREVIEW_BROTLI_BUDGET);
    let production = total(&first_load(&production_dist()), |a| a.brotli);
    // The production bundle really leaves the fake back end out: if both were built the
    // same way, this would say so.
    assert!(
        preview > production + 5_000,
        "preview {preview} B vs production {production} B: is dist-production built without `preview`?"
    );
    println!("preview mode costs {} B brotli", preview - production);
}
