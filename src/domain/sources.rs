//! «Откуда пишут клиенты»: what the card draws from `getMaxSources`' answer — each label's
//! share in whole percent that add up to 100, the days' totals, the columns' scale and
//! its ticks, the days named under the columns, the sentence that says it all in words.
//! Pure: the card only places what these give.

use max_channel_contract::time::Date;
use max_channel_contract::{SourceDays, SourceStats};

use crate::i18n::{count, Locale, Msg, Tr};

use super::when::day_text;

/// The query parameter that keeps the period in the page's address.
pub const DAYS_PARAM: &str = "days";

/// The period a page address asks for: `?days=7|30|90`; absent or anything else is the
/// default 30 days (a hand-edited address never breaks the card).
pub fn period_of_query(days: Option<&str>) -> SourceDays {
    SourceDays::parse_query(days).unwrap_or_default()
}

/// The query value for a period; `None` for the default, so the plain address stays plain.
pub fn query_of_period(days: SourceDays) -> Option<String> {
    (days != SourceDays::default()).then(|| days.days().to_string())
}

/// Whole percents of `counts` that add up to exactly 100 (when any count is not zero):
/// each is rounded down, and the points still missing go to the largest remainders — on a
/// tie the smaller count first (995 and 5 of 1 000 read 99 % and 1 %, not 100 % and 0 %),
/// then the earlier item — so «52 % + 30 % + 17 %» never reads as 99 %.
pub fn shares(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<u64> = counts.iter().map(|&c| u64::from(c) * 100).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| (e / total) as u32).collect();
    let missing = 100 - out.iter().sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..counts.len()).collect();
    // A stable sort keeps the earlier item first among equal remainders and counts.
    by_remainder.sort_by(|&a, &b| (exact[b] % total).cmp(&(exact[a] % total)).then(counts[a].cmp(&counts[b])));
    for &at in by_remainder.iter().take(missing as usize) {
        out[at] += 1;
    }
    out
}

/// The period's day totals, oldest first: the items' `by_day` summed column by column.
/// A row shorter than the period (a broken answer) counts as zeros where it ends.
pub fn day_totals(stats: &SourceStats, days: usize) -> Vec<u32> {
    let mut totals = vec![0_u32; days];
    for item in &stats.items {
        for (total, n) in totals.iter_mut().zip(&item.by_day) {
            *total = total.saturating_add(*n);
        }
    }
    totals
}

/// The columns' vertical scale: the top line and the step between lines, a step of 1, 2
/// or 5 times a power of ten, at most four steps to the top — lines a person can read at
/// a glance, with the tallest column under the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub top: u32,
    pub step: u32,
}

impl Scale {
    pub fn for_max(max: u32) -> Scale {
        let mut unit = 1_u32;
        loop {
            for step in [unit, unit * 2, unit * 5] {
                if max.div_ceil(step) <= 4 {
                    let top = max.div_ceil(step).max(1) * step;
                    return Scale { top, step };
                }
            }
            unit = unit.saturating_mul(10);
        }
    }

    /// The lines' values from 0 to the top.
    pub fn ticks(self) -> Vec<u32> {
        (0..=self.top / self.step).map(|i| i * self.step).collect()
    }

    /// How many of a plot's `plot` pixels `n` stands high (rounded down).
    pub fn height(self, n: u32, plot: u32) -> u32 {
        plot * n.min(self.top) / self.top
    }
}

/// `parts / whole` of a width as SVG writes it, to the hundredth of a percent: «12.34%».
/// Whole-number arithmetic: formatting a float would bring its formatter into the wasm
/// (~6 KB brotli measured for this card).
pub fn percent(parts: u64, whole: u64) -> String {
    let hundredths = (parts * 10_000).checked_div(whole).unwrap_or(0);
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

/// The days of the period, from the answer's `from`; `None` when the
/// answer's dates cannot be read.
pub fn period_days(stats: &SourceStats, days: usize) -> Option<Vec<Date>> {
    let from = Date::parse(&stats.from)?;
    Some((0..days as i64).map(|i| from.add_days(i)).collect())
}

/// The days named under the columns: the first, the middle and the last — three names
/// fit a phone's width whatever the period, and the table names every day.
pub fn named_days(days: usize) -> Vec<usize> {
    match days {
        0 => Vec::new(),
        1 => vec![0],
        2 => vec![0, 1],
        _ => vec![0, (days - 1) / 2, days - 1],
    }
}

/// One label's line: its name («Без метки» for none), dialogs and share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelLine {
    pub label: Option<String>,
    pub name: String,
    pub dialogs: u32,
    pub share: u32,
}

impl LabelLine {
    /// «site — 12 (52 %)».
    pub fn text(&self) -> String {
        format!("{} — {} ({} %)", self.name, self.dialogs, self.share)
    }
}

/// The answer's labels in its order, with their shares.
pub fn label_lines(locale: Locale, stats: &SourceStats) -> Vec<LabelLine> {
    let counts: Vec<u32> = stats.items.iter().map(|i| i.dialogs).collect();
    stats
        .items
        .iter()
        .zip(shares(&counts))
        .map(|(item, share)| LabelLine {
            label: item.label.clone(),
            name: item.label.clone().unwrap_or_else(|| Msg::SourcesNoLabel.text(locale).to_owned()),
            dialogs: item.dialogs,
            share,
        })
        .collect()
}

/// «23 новых диалога за 30 дней».
pub fn total_text(locale: Locale, total: u32, days: SourceDays) -> String {
    let dialogs = count(locale, Msg::UnitNewDialog, u64::from(total));
    let period = count(locale, Msg::UnitDay, u64::from(days.days()));
    Tr(locale).f(Msg::SourcesTotal, &[("dialogs", &dialogs), ("days", &period)])
}

/// How many labels the chart's words name.
const NAMED_LABELS: usize = 3;

/// The chart in words, for those who cannot see it: the period's dates, the total and the
/// labels that brought the most — «С 6 ноября по 5 декабря 23 новых диалога. Больше всего:
/// site — 12, без метки — 7, print-flyer — 4.»
pub fn chart_words(locale: Locale, stats: &SourceStats) -> String {
    let tr = Tr(locale);
    let dates = match (Date::parse(&stats.from), Date::parse(&stats.to)) {
        (Some(from), Some(to)) => (day_text(locale, from, to.year), day_text(locale, to, to.year)),
        _ => (stats.from.clone(), stats.to.clone()),
    };
    let dialogs = count(locale, Msg::UnitNewDialog, u64::from(stats.total));
    let mut text = tr.f(Msg::SourcesChartWords, &[("from", &dates.0), ("to", &dates.1), ("dialogs", &dialogs)]);
    let top: Vec<String> = label_lines(locale, stats)
        .iter()
        .take(NAMED_LABELS)
        .map(|line| format!("{} — {}", line.name, line.dialogs))
        .collect();
    if !top.is_empty() {
        text.push(' ');
        text.push_str(&tr.f(Msg::SourcesChartTop, &[("labels", &top.join(", "))]));
    }
    text
}

/// A day's name with its dialogs, for a column's tooltip: «3 декабря — 2 новых диалога».
pub fn day_line(locale: Locale, day: Date, this_year: i32, dialogs: u32) -> String {
    format!("{} — {}", day_text(locale, day, this_year), count(locale, Msg::UnitNewDialog, u64::from(dialogs)))
}

#[cfg(test)]
#[path = "sources_tests.rs"]
mod tests;
