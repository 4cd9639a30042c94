//! The size budget, enforced on every test run: the first load of the release build, brotli
//! compressed, stays within `BROTLI_BUDGET`. Sizes are deterministic, so this cannot flake.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::sizes::{first_load, total, BROTLI_BUDGET};

#[test]
fn the_first_load_fits_the_brotli_budget() {
    let assets = first_load(&support::dist());
    let brotli = total(&assets, |a| a.brotli);
    for a in &assets {
        println!("{:5} {:>9} B raw {:>8} B gzip {:>8} B brotli  {}", a.kind, a.raw, a.gzip, a.brotli, a.name);
    }
    println!("first load: {brotli} B brotli (budget {BROTLI_BUDGET} B)");
    assert!(
        brotli <= BROTLI_BUDGET,
        "the first load is {brotli} B brotli, over the budget of {BROTLI_BUDGET} B: {assets:#?}"
    );
}
