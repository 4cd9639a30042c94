//! The size budgets, enforced on every test run: the first load of each release bundle,
//! brotli compressed — the production build within `BROTLI_BUDGET`, the full build with
//! preview mode within `PREVIEW_BROTLI_BUDGET`. Sizes are deterministic, so this cannot flake.
//! And the production wasm carries nothing of preview mode's fake back end (decision 63).

use std::path::Path;

use crate::support::sizes::{first_load, route_modules, total, BROTLI_BUDGET, PREVIEW_BROTLI_BUDGET, ROUTE_BUDGETS};
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

/// A split route (decision 68), opened straight from a link: the first load and the
/// modules it fetches, within the route's budget.
#[test]
fn each_split_route_fits_its_budget() {
    let _turn = take_turn();
    let first = total(&first_load(&production_dist()), |a| a.brotli);
    for (route, budget) in ROUTE_BUDGETS {
        let modules = route_modules(&production_dist(), route);
        for m in &modules {
            println!("{:5} {:>9} B raw {:>8} B gzip {:>8} B brotli  {}", m.kind, m.raw, m.gzip, m.brotli, m.name);
        }
        let load = first + total(&modules, |a| a.brotli);
        println!("«{route}» opened first: {load} B brotli (first load {first} B; budget {budget} B)");
        assert!(load <= budget, "«{route}» opened first is {load} B brotli, over its budget of {budget} B");
    }
}

/// Text that only the `preview` feature puts in a wasm: the fake back end's (`crates/fake`)
/// standard seed's chat-bot names and the preview accounts' token, and the preview panel's
/// own words (catalogue rows marked `#[cfg(feature = "preview")]`; their Russian: no wasm
/// carries English, see below).
fn preview_only_texts() -> Vec<String> {
    use max_channel_admin::i18n::{Locale, Msg};
    let directory = max_channel_fake::Directory::new(max_channel_fake::SeedKind::Standard);
    let mut texts: Vec<String> = directory.chat_bots.into_iter().map(|bot| bot.name).collect();
    texts.push(max_channel_fake::presets::DEMO_TOKEN.to_owned());
    let rows = [
        Msg::PreviewNote,
        Msg::PreviewSlow,
        Msg::FaultUnexpected,
        Msg::DataOtherZone,
        Msg::PreviewCopyLink,
        Msg::TargetDeliveryPoll,
        Msg::GalleryLead,
        Msg::PreviewClockNote,
    ];
    for msg in rows {
        texts.push(msg.text(Locale::Ru).to_owned());
    }
    // The address's own words (issue 37).
    texts.extend(["token_check", "gallery__frame"].map(String::from));
    texts
}

/// The bytes of every wasm of a bundle, one after the other: the main module (`*_bg.wasm`)
/// and the split routes' modules (decision 68).
fn wasm_of(dist: &Path) -> Vec<u8> {
    let mut wasm: Vec<_> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e}", dist.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "wasm"))
        .collect();
    wasm.sort();
    assert_eq!(
        wasm.iter().filter(|path| path.to_string_lossy().ends_with("_bg.wasm")).count(),
        1,
        "one main module in {}: {wasm:?}",
        dist.display()
    );
    wasm.iter().flat_map(|path| std::fs::read(path).unwrap()).collect()
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|window| window == text.as_bytes())
}

#[test]
fn the_production_wasm_carries_no_preview_code() {
    let (preview, production) = (wasm_of(&dist()), wasm_of(&production_dist()));
    for text in preview_only_texts() {
        // Present in the preview build, or this test could no longer fail.
        assert!(holds(&preview, &text), "the preview build has no «{text}»: pick another text of the fake");
        assert!(!holds(&production, &text), "the production wasm carries the fake back end's «{text}»");
    }
}

/// The English column is a file of each bundle (decision 66), in neither wasm: every
/// English row long enough to be told apart is absent where its Russian row is present.
#[test]
fn english_is_a_file_of_each_bundle_and_in_no_wasm() {
    use max_channel_admin::i18n::{english, Locale, Msg};
    let path = english::file_path();
    for dist in [dist(), production_dist()] {
        let file = dist.join(path.trim_start_matches('/'));
        let rows: Vec<String> =
            serde_json::from_slice(&std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())))
                .expect("the English file is a JSON array of strings");
        assert!(english::rows_of_this_build(rows).is_ok(), "{}: not this catalogue's", file.display());
        let wasm = wasm_of(&dist);
        let mut checked = 0;
        for &msg in Msg::ALL {
            let (ru, en) = (msg.text(Locale::Ru), msg.text(Locale::En));
            if en.len() < 16 || Msg::ALL.iter().any(|m| m.text(Locale::Ru).contains(en)) {
                continue;
            }
            // Rows of the other build are in neither language.
            if !holds(&wasm, ru) {
                continue;
            }
            assert!(!holds(&wasm, en), "{}: the wasm carries English «{en}»", dist.display());
            checked += 1;
        }
        assert!(checked > 200, "{}: only {checked} English rows checked", dist.display());
    }
}
