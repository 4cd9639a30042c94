//! The first-load bytes of the built app: what a browser fetches before the first page
//! shows (the page, its script, its wasm, its style sheet), raw, gzip and brotli.

use std::path::Path;

/// The brotli budget of an administrator's first load — the production build, without
/// preview mode (decision 47) — enforced in CI by `tests/e2e/size_budget.rs` (sizes are
/// deterministic). 290 000 B since 2026-11; raised once, to 302 000 B, by issue 15's
/// «Работа канала» (measured 284 269 → 301 279 B: +17 010 B for the card, its minute, the
/// health-aware badges, relative times and 58 catalogue rows; decision 58), then to 315 000 B
/// by issue 18's link kit (301 279 → 314 471 B: +13 192 B for the QR encoder, the kit's view,
/// the clipboard and 21 catalogue rows; decision 59), then to 338 000 B by issue 16's
/// schedule, customer view and warnings (314 087 → 337 291 B: +23 204 B for the schedule's
/// zone reading through `Intl`, the timeline panel with its four situations, the warnings
/// and 57 catalogue rows; decision 60), then to 356 000 B by issue 17's «История изменений»
/// (337 291 → 353 484 B: +16 193 B for the route and its page, the feed and its entries,
/// the diff in words and 41 catalogue rows; decision 61) and a review's fixes to both
/// (→ 355 615 B: +2 131 B for touching intervals, the resume time in the customer view, the
/// exceptions following midnight, the history's held-back entries, focus and status after
/// «Показать ещё», 9 catalogue rows). Issue 20, the round's last, takes the
/// round's new capabilities back under 240 000 B; it measured each lever and kept what paid
/// (the catalogue as tables, wasm-opt's flatten/rereloop pass, the preview panel's rows out,
/// the glue and the style sheet minified): 355 615 → 346 090 B, and the budget follows it
/// down to 346 500 B (decision 64); reading JSON with the contract's own small reader instead
/// of serde's derives took it to 319 656 B and the budget to 320 000 B, writing it too
/// (serde out of the wasm) to 312 908 B and 313 500 B (decision 65), the English column a
/// file fetched only by an English cabinet to 309 382 B and 309 500 B (decision 66), a
/// second flatten/rereloop round with binaryen's whole-program type flow
/// (`--gufa-optimizing`) to 308 103 B and 308 500 B (decision 67), and splitting the wasm by
/// route — «Настройки» and «История изменений» fetched when first opened (decision 68) — to
/// 203 003 B and 203 500 B, under the 240 000 B. Contract 1.2 (issue 31, decision 70):
/// reading its new fields — the tile's reason, the health's outage, restored history entries —
/// and three more operations in the contract's tables took it to 203 589 B (+586 B; the new
/// calls themselves are kept out of the first load until a page uses them) and the budget to
/// 204 100 B, for this round's later issues to bring back under 203 500 B. «Проверка связи»
/// (issue 33, decision 74) did: its button and launcher and 29 catalogue rows joined the first
/// load, its panel and the QR encoder left it as modules of their own, fetched when first
/// needed: 203 589 → 202 770 B, budget 203 300 B. Issue 34's honest statuses (the card's
/// first line, the outage, the tile's reason) and the warnings' rows took it to 203 510 B
/// (+740 B); «Работа канала» as a module of its own, fetched as «О канале» or the settings
/// open (decision 76), to 187 878 B. The rest of issue 34 so far (decision 77: the counting
/// waits, «Исправьте N поле», the disconnect's words, the link kit's PNG, per-button «Скопировано»
/// and live preview, ~50 catalogue rows) took it to 194 651 B (+6 773 B; a float remainder
/// that pulled libm's `fmod` in was 1 190 B of it before it became integer arithmetic),
/// budget 195 100 B. The bar on a phone (decision 78) and the link kit as a module of its own,
/// fetched as «О канале» shows a bot with a username (decision 79): 180 924 B (−13 727 B),
/// budget 181 100 B — 22 200 B under the round's 203 300 B. A release the cabinet can ship
/// (issue 35, decision 81): every split module's integrity in the loader (SHA-256, 805 B less
/// than SHA-384 would be), the route hints' too, the boot script that fetches the main wasm
/// with its integrity and tells a failed start to the page and the host, the build id, and in
/// the wasm the host's messages both ways, a deploy told from the network, drafts per account:
/// 186 265 B (+5 341 B; the loader 2 120 B and the page 2 593 B of it); a refusal told by
/// the digest of what arrives, «Проверка связи» and the QR encoder telling the host too:
/// 186 629 B (+364 B), budget 187 100 B — still 16 200 B under the round's start. «Откуда
/// пишут клиенты» (issue 36, decision 84): 188 392 B (+1 644 B: its 24 catalogue rows and
/// slot in the wasm +1 236 B, its styles +248 B, the loader +99 B), budget 188 800 B —
/// 14 500 B under the round's start. Preview mode's styles out of the production style sheet
/// (issue 37, decision 85: compiled into the designers' wasm): 188 218 B (−237 B), budget
/// 188 700 B. Issue 38 so far (decision 86: async owned by Leptos, `AppValue`, the ui room
/// straightened, closed enums from one macro): 190 177 B (+1 959 B), budget 190 700 B — a
/// rise issue 38 owes back ("the production first load is not larger"): tried and measured,
/// `<PageData>` cost 874 B and the root fetching English as a task 1 759 B (both taken out
/// again), preview's reload kept out of production −605 B; the rest is the tasks' and
/// `AppValue`'s code, shared now by the first load and the split routes. Then the page by a
/// plain match instead of leptos_router's `<Routes>` and the app's own moves (decision 87,
/// for the leak): 166 955 B (−23 222 B; 21 263 B under the round's 188 218 B), budget
/// 167 400 B. The form primitives (`<Button>`, `<Field>`, `<RadioGroup>`, `<Switch>`,
/// `<ChoiceAlert>`, `<PageData>`, decision 88): 169 729 B (+2 774 B), budget 170 200 B —
/// still 18 489 B under the 188 218 B issue 38 started from.
pub const BROTLI_BUDGET: usize = 170_200;

/// The brotli budget of the full build with preview mode (the designers' build, the one the
/// browser tests run): measured 299 490 B on 2026-12-01 with contract 1.1's one fake back end
/// in it; 304 017 B once every field error reached a visible control (issue 13: +4 527 B,
/// decision 51), plus a little room, so that its growth is a decision too; 320 804 B with
/// «Работа канала» (issue 15: +16 700 B), 334 071 B with the link kit (issue 18: +13 267 B),
/// 356 848 B with the schedule and the customer view (issue 16: +22 807 B), 372 857 B with
/// «История изменений» (issue 17: +16 009 B), 374 978 B with the review's fixes (+2 121 B).
/// Issue 20 brought it down with the production build's levers and its own `/preview/`
/// public URL: 374 978 → 366 546 B, budget 367 000 B (decision 64); the JSON reader
/// (decision 65): 338 800 B, budget 339 000 B; the writer: 332 568 B, budget 333 000 B;
/// English out of the wasm (decision 66): 328 763 B, budget 329 000 B; the second wasm-opt
/// round (decision 67): 327 960 B, budget 328 500 B; split by route (decision 68): 226 973 B,
/// budget 227 500 B; contract 1.2 in the one fake back end (delivery tests, dialogs by label,
/// outages, five presets) and the panel's scenarios (issue 31, decision 70): 231 888 B
/// (+4 915 B), budget 232 400 B; with «Проверка связи» (issue 33) 232 005 B; issue 34 and
/// «Работа канала» as a module of its own (decision 76): 217 814 B, budget 218 300 B; the rest
/// of issue 34 so far (decision 77): 224 446 B, budget 224 900 B; the bar and the link kit as a
/// module (decisions 78, 79): 212 537 B, budget 212 800 B; a release the cabinet can ship
/// (issue 35): 218 227 B, budget 218 700 B; «Откуда пишут клиенты» (issue 36): 219 585 B,
/// budget 220 000 B; a preview a designer can work with (issue 37, decision 85: the state in
/// the address, errors per operation, the clock, the language, the token's answer, held
/// loading, `open=check`, the docked panel and its styles, the gallery): 241 873 B
/// (+22 288 B), budget 242 300 B; issue 38 so far: 244 943 B (+3 070 B, see the production
/// budget), budget 245 400 B; with decision 87 222 097 B (−22 846 B), budget 222 600 B;
/// the form primitives (decision 88) 224 536 B (+2 439 B), budget 225 000 B.
/// Every budget since the
/// split keeps ~500 B of room: the splitter's
/// generated names hash each split point's source position, so an edit of `ui/split.rs`
/// that changes nothing else moved a bundle's brotli by up to ~250 B.
pub const PREVIEW_BROTLI_BUDGET: usize = 225_000;

/// A route split off the first load (decision 68), opened first: the first load, its own
/// module and the shared chunk, brotli, in the production build. Measured when the split
/// landed: «settings» 325 185 B (the module 111 092 B, the chunk 11 090 B), «history»
/// 238 283 B (24 190 B and the chunk): the settings opened cold cost 17 082 B more than the
/// single-wasm first load of 308 103 B before it (the seams between the modules), every other way in less.
/// Each with ~500 B of room (see the preview budget). Contract 1.2 (issue 31): «settings»
/// 325 861 B (the first load's +586 B), budget 326 400 B; «history» 238 823 B, budget 239 300 B.
/// «Проверка связи» (issue 33, decision 74): two more split points (the panel, the QR
/// encoder) cut the code the settings share with them into chunks of their own: «settings»
/// opened first 330 238 B (+4 377 B of seams: its module −1 524 B, its chunks +6 810 B, the
/// first load −819 B), budget 330 700 B; «history» 244 265 B (+5 442 B, the same way), budget
/// 244 700 B. A person who opens «О канале» first (the common way in) fetches less than before.
/// Issue 34 (decision 76): the warnings' fixes and the night warning in the settings' module,
/// and «Работа канала» a module of its own that the settings fetch too: «settings» opened
/// first 336 461 B (+6 223 B: the first load −14 892 B, the settings' module and chunks and
/// the card's module +21 115 B), budget 337 000 B; «history» 247 715 B (+3 450 B: the code it
/// shares with the card now sits in chunks of its own), budget 248 200 B. Then (decision 77)
/// the token's guide, the zones in words, the restore's banner — which names what will
/// change, so the history's wording of changes is now the settings' too — and the
/// first load's +6 773 B: «settings» 348 790 B, budget 349 300 B; «history» 254 964 B (+7 249 B: the first load and
/// the whole settings of an entry), budget 255 400 B. This figure is a bound: the route's own
/// module and *every* shared chunk, fetched or not. The link kit as a module of its own
/// (decision 79) cut shared code into more chunks, which the bound now counts though neither
/// route fetches the link kit's, and the bar (decision 78) added its own code to the
/// settings' module: «settings» 356 790 B (+8 000 B), budget 357 300 B; «history» 260 188 B
/// (+5 224 B), budget 260 700 B. What each route's hint names (what it fetches when opened):
/// «settings» 180 652 + 160 346 B (plus «Работа канала»'s module once connected), «history»
/// 180 652 + 45 601 B, measured before the bar's last change (+272 B in the first load).
/// Issue 35 (the first load's +5 341 B, the modules' download-failure words): «settings»
/// 363 163 B, budget 363 600 B; «history» 266 110 B, budget 266 600 B. Issue 36 («Откуда
/// пишут клиенты» in the cards' module of «О канале», decision 84): the bound counts that
/// module's chunks too — «settings» 373 545 B, budget 374 000 B; «history» 279 255 B,
/// budget 279 700 B. What «settings» fetches grew by 3 368 B (code it shares with
/// the card now sits in chunks of its own), plus the first load's 1 644 B. Issue 38 so far
/// (see the production budget): «settings» 376 532 B, budget 377 000 B; «history» 281 982 B
/// (+2 727 B), budget 282 500 B. Decision 87 (no `<Routes>`): «settings» 353 546 B, budget
/// 354 000 B; «history» 259 832 B, budget 260 300 B. The form primitives (decision 88):
/// «settings» 362 082 B (+8 536 B), budget 362 500 B; «history» 268 247 B (+8 415 B),
/// budget 268 700 B.
pub const ROUTE_BUDGETS: [(&str, usize); 2] = [("settings", 362_500), ("history", 268_700)];

/// Issue 20's target for the same total (the first round aimed at 100 KiB, with a single
/// wasm and without this round's capabilities).
pub const BROTLI_TARGET: usize = 240_000;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Asset {
    pub kind: &'static str,
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// The first-load assets of `dist`, in a fixed order: html, js, wasm, css — the page and
/// every file it names (its boot script's glue and main wasm, the split loader, the style
/// sheet). A split route's modules are not among them, though the page's hint names them:
/// they are fetched when that route opens (see [`route_modules`]).
pub fn first_load(dist: &Path) -> Vec<Asset> {
    let page = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|e| panic!("{}: {e}", dist.display()));
    let assets: Vec<Asset> =
        bundle_files(dist, |name| name == "index.html" || (page.contains(name) && !is_route_module(name)));
    assert!(
        ["html", "js", "wasm", "css"].iter().all(|k| assets.iter().any(|a| a.kind == *k)),
        "{} is not a built app: {assets:?}",
        dist.display()
    );
    assets
}

/// The split modules a route fetches when it first opens: its own (`split_<route>-….wasm`)
/// and every shared chunk (`chunk_…`; counted whole for each route, an upper bound).
pub fn route_modules(dist: &Path, route: &str) -> Vec<Asset> {
    let own = format!("split_{route}-");
    let modules =
        bundle_files(dist, |name| name.ends_with(".wasm") && (name.starts_with(&own) || name.starts_with("chunk_")));
    assert!(modules.iter().any(|m| m.name.starts_with(&own)), "{}: no module of the route «{route}»", dist.display());
    modules
}

/// A split route's module or a chunk they share, by the name the xtask gives it.
fn is_route_module(name: &str) -> bool {
    name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"))
}

/// The files at the top of `dist` whose name `keep` accepts, of the four kinds, in order.
fn bundle_files(dist: &Path, keep: impl Fn(&str) -> bool) -> Vec<Asset> {
    let mut assets = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e}", dist.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| p.file_name().is_some_and(|name| keep(&name.to_string_lossy())))
        .collect();
    entries.sort();
    for kind in ["html", "js", "wasm", "css"] {
        for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == kind)) {
            let bytes = std::fs::read(path).unwrap();
            assets.push(Asset {
                kind,
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                raw: bytes.len(),
                gzip: max_channel_devserver::compress::gzip(&bytes).len(),
                brotli: max_channel_devserver::compress::brotli(&bytes).len(),
            });
        }
    }
    assets
}

/// The sum of one column.
pub fn total(assets: &[Asset], column: fn(&Asset) -> usize) -> usize {
    assets.iter().map(column).sum()
}
