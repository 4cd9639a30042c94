//! «Откуда пишут клиенты» against the dev back end seeded with labelled dialogs: the total,
//! the bars and their shares, the columns and both tables hold the back end's numbers; 30
//! days by default, the switch asks `days=7` / `days=90` and keeps the period in the
//! address through a reload; «Ссылка с этой меткой» makes the link kit's QR code decode to
//! `…?start=<label>`; an empty period, a channel never connected (no card), one connected
//! before (the card), a 500 then «Повторить»; fast switching shows the last period asked.
//! axe in every state, the console clean.

use max_channel_contract::{SourceDays, SourceStats};
use max_channel_fake::{samples, Preset};
use serde_json::json;

use crate::a11y::Audit;
use crate::delivery_check::change;
use crate::link_kit::decode_png;
use crate::support::{eventually, fault, waits, E2e, PATIENCE};

/// The back end's own count, asked natively: what the card must show.
fn expected(e2e: &E2e, days: SourceDays) -> SourceStats {
    e2e.server().state.fake().sources(days).expect("the channel has counts")
}

/// A connected channel with `count` labelled dialogs over the last 90 days.
fn seeded(e2e: &E2e, count: u32) {
    e2e.save_settings(samples::settings(), Some("sources-token-5Rt8"));
    change(e2e, |fake| {
        assert_eq!(fake.seed_dialogs(36, count), count);
    });
}

/// The `days` of every `getMaxSources` the back end answered, in order.
fn asked(e2e: &E2e) -> Vec<String> {
    e2e.requests_of("getMaxSources").iter().map(|r| r.query.clone().unwrap_or_default()).collect()
}

/// Waits until the card shows `stats`' total for `days`; then checks the bars against it:
/// one row per label in the back end's order, each with its count and a share that is its
/// exact percentage rounded up or down, the shares adding up to 100.
async fn shows(e2e: &E2e, stats: &SourceStats, days: u32) {
    let total = e2e.wait_for_text(".sources__total", &format!(" за {days} дней")).await;
    assert!(total.starts_with(&format!("{} ", stats.total)), "the total of {days} days: {total}");
    let rows = e2e.strings("return [...document.querySelectorAll('.sources__label')].map(e => e.textContent);").await;
    assert_eq!(rows.len(), stats.items.len(), "a row per label: {rows:?}");
    let mut shares = 0;
    for (row, item) in rows.iter().zip(&stats.items) {
        let name = item.label.clone().unwrap_or_else(|| "Без метки".to_owned());
        let (head, share) = row.rsplit_once(" (").expect("a share in brackets");
        assert_eq!(head, format!("{name} — {}", item.dialogs), "{row}");
        let share: u32 = share.trim_end_matches(" %)").parse().expect("a whole percent");
        let exact = f64::from(item.dialogs) * 100.0 / f64::from(stats.total);
        assert!(f64::from(share) >= exact.floor() && f64::from(share) <= exact.ceil(), "{row}: {exact}");
        shares += share;
    }
    assert_eq!(shares, 100, "the shares add up: {rows:?}");
}

/// Every day's total, from the columns' tooltips (no column for a day without dialogs).
async fn columns(e2e: &E2e) -> Vec<u32> {
    let titles =
        e2e.strings("return [...document.querySelectorAll('.sources__column title')].map(e => e.textContent);").await;
    titles.iter().map(|t| t.rsplit_once(" — ").and_then(|(_, n)| n.split(' ').next()?.parse().ok()).expect(t)).collect()
}

fn day_totals(stats: &SourceStats) -> Vec<u32> {
    let days = stats.items.first().map_or(0, |i| i.by_day.len());
    (0..days).map(|d| stats.items.iter().map(|i| i.by_day[d]).sum()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_card_shows_the_seeded_counts_in_words_bars_columns_and_tables() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    seeded(&e2e, 120);
    let month = expected(&e2e, SourceDays::Month);
    assert!(month.items.len() >= 3 && month.total > 0, "the seed gives several labels: {month:?}");
    e2e.open("/channels/max").await;
    shows(&e2e, &month, 30).await;
    assert_eq!(asked(&e2e), ["days=30"], "30 days by default, asked in words");
    assert_eq!(e2e.js("return location.search;").await, json!(""), "the default period keeps the address plain");
    let by_day: Vec<u32> = day_totals(&month).into_iter().filter(|&n| n > 0).collect();
    assert_eq!(columns(&e2e).await, by_day, "a column per day with dialogs, oldest first");
    let words = e2e.find("svg.sources__days").await.attr("aria-label").await.unwrap().unwrap_or_default();
    let top = month.items[0].label.clone().unwrap_or_else(|| "Без метки".into());
    assert!(words.contains(&format!("{} ", month.total)) && words.contains(&top), "the picture in words: {words}");
    audit.check(&e2e, "sources").await;

    // The same numbers as tables.
    e2e.click("#sources-table-toggle").await;
    e2e.find("#sources-by-day tbody tr").await;
    let label_rows = e2e
        .strings("return [...document.querySelectorAll('#sources-by-label tbody tr')].map(r => [...r.cells].map(c => c.textContent).join('|'));")
        .await;
    let bars = e2e.strings("return [...document.querySelectorAll('.sources__label')].map(e => e.textContent);").await;
    let from_bars: Vec<String> = bars
        .iter()
        .map(|b| {
            let (name, rest) = b.rsplit_once(" — ").expect("name — count");
            let (count, share) = rest.split_once(" (").expect("count (share)");
            format!("{name}|{count}|{}", share.trim_end_matches(')'))
        })
        .collect();
    assert_eq!(label_rows, from_bars, "the label table holds the bars' numbers");
    let day_rows = e2e
        .strings("return [...document.querySelectorAll('#sources-by-day tbody tr')].map(r => r.cells[1].textContent);")
        .await;
    let day_rows: Vec<u32> = day_rows.iter().map(|n| n.parse().expect("a count")).collect();
    assert_eq!(day_rows, day_totals(&month), "a row per day of the period");
    assert_eq!(e2e.find("#sources-table-toggle").await.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    audit.check(&e2e, "sources as tables").await;

    // The switch asks the back end for the period and keeps it in the address.
    for (days, period, value) in [(7, SourceDays::Week, "7"), (90, SourceDays::Quarter, "90")] {
        e2e.click(&format!("input[name='sources-days'][value='{value}']")).await;
        shows(&e2e, &expected(&e2e, period), days).await;
        assert_eq!(asked(&e2e).last().map(String::as_str), Some(format!("days={days}").as_str()));
        let url = e2e.js("return location.search;").await;
        assert_eq!(url, json!(format!("?days={days}")), "the period in the address");
    }
    e2e.open("/channels/max?days=90").await;
    shows(&e2e, &expected(&e2e, SourceDays::Quarter), 90).await;
    assert_eq!(
        e2e.js("return document.querySelector(\"input[name='sources-days'][value='90']\").checked;").await,
        json!(true)
    );

    // «Ссылка с этой меткой»: the kit's label, link and QR code follow, the focus is there.
    let label = month.items.iter().find_map(|i| i.label.clone()).expect("a labelled row");
    let quarter = expected(&e2e, SourceDays::Quarter);
    let row = quarter.items.iter().position(|i| i.label.as_deref() == Some(label.as_str())).expect("the label's row");
    e2e.click(&format!(".sources__row:nth-child({}) .sources__use", row + 1)).await;
    e2e.wait_for_value("#link-kit-label", &label).await;
    e2e.wait_for_focus("#link-kit-label").await;
    let link = format!("https://max.ru/shop_bot?start={label}");
    e2e.wait_for_value("#link-kit-link", &link).await;
    e2e.find(".link-kit__qr svg").await;
    let qr = e2e.find_centered(".link-kit__qr").await;
    assert_eq!(decode_png(&qr.screenshot().await.expect("the QR code")), link);
    e2e.assert_console_clean("sources").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_period_a_channel_never_connected_and_a_failure_each_say_so() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    // Never connected: 404, and no card — not even for a moment.
    e2e.open("/channels/max").await;
    e2e.find(".about__header").await;
    eventually(PATIENCE, "getMaxSources never answered", || async {
        e2e.requests_of("getMaxSources").iter().any(|r| r.status == 404)
    })
    .await;
    waits::round_trip(&e2e).await;
    assert!(!e2e.is_present("section.sources").await, "no card for a channel never connected");

    // Connected a moment ago: nobody wrote yet.
    e2e.save_settings(samples::settings(), Some("sources-token-5Rt8"));
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".sources__empty", "За эти дни новых диалогов не было.").await;
    assert!(!e2e.is_present("svg.sources__days").await, "no empty picture");
    audit.check(&e2e, "sources, empty").await;
    e2e.click("#sources-to-kit").await;
    e2e.wait_for_focus("#link-kit-title").await;

    // A 500: the reason and «Повторить» in the card, the rest of the page as it was.
    change(&e2e, |fake| {
        fake.seed_dialogs(7, 40);
    });
    e2e.server().state.controls().add_fault(fault(json!({"operation": "getMaxSources", "status": 500})));
    e2e.open("/channels/max?days=7").await;
    e2e.wait_for_text("section.sources [role=alert]", "Повторить").await;
    e2e.find("section.link-kit #link-kit-link").await;
    assert!(e2e.is_present(".health__overall").await || e2e.is_present("section.health").await);
    audit.check(&e2e, "sources, failed").await;
    e2e.click("section.sources .retry").await;
    shows(&e2e, &expected(&e2e, SourceDays::Week), 7).await;
    e2e.assert_console_clean("sources, failed then retried").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_connected_before_keeps_its_card() {
    let e2e = E2e::start().await;
    change(&e2e, |fake| {
        fake.apply(Preset::Sources);
        fake.disconnect();
    });
    let month = expected(&e2e, SourceDays::Month);
    e2e.open("/channels/max").await;
    shows(&e2e, &month, 30).await;
    // No link kit on a channel not connected now: no way to a link with a label.
    assert!(!e2e.is_present(".sources__use").await, "«Ссылка с этой меткой» without a kit");
    e2e.assert_console_clean("sources, disconnected").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fast_switching_shows_the_last_period_asked() {
    let e2e = E2e::start().await;
    seeded(&e2e, 120);
    e2e.open("/channels/max").await;
    shows(&e2e, &expected(&e2e, SourceDays::Month), 30).await;
    // The week's answer comes late; the quarter's, asked after it, at once.
    e2e.server().state.controls().add_fault(fault(json!({"operation": "getMaxSources", "delay_ms": 1500})));
    e2e.click("input[name='sources-days'][value='7']").await;
    e2e.click("input[name='sources-days'][value='90']").await;
    shows(&e2e, &expected(&e2e, SourceDays::Quarter), 90).await;
    // Once the back end has nothing left open, the week's answer — had it come — is in.
    eventually(PATIENCE, "getMaxSources still open", || async {
        e2e.server().state.open_requests().describe().is_empty()
    })
    .await;
    waits::round_trip(&e2e).await;
    shows(&e2e, &expected(&e2e, SourceDays::Quarter), 90).await;
    assert_eq!(e2e.js("return location.search;").await, json!("?days=90"));
    e2e.assert_console_clean("sources, fast switching").await;
    e2e.finish().await;
}
