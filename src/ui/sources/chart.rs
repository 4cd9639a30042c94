//! The card's two pictures, SVG drawn by the app. Both print their numbers (never colour
//! alone) and take their colours from the theme's custom properties through classes (the
//! page's CSP refuses inline styles). Horizontal positions are percentages, so a picture
//! is as wide as the card at any width and its text keeps its size.

use leptos::prelude::*;
use max_channel_contract::{SourceDays, SourceStats};

use crate::domain::sources::{chart_words, day_line, day_totals, named_days, percent, period_days, LabelLine, Scale};
use crate::i18n::Msg;
use crate::ui::link_kit::KitLabel;
use crate::ui::{use_app, Button, ButtonKind};

/// A bar's height, px.
const BAR: u32 = 8;

/// One row per label, in the back end's order: «site — 12 (52 %)», a bar as long as the
/// share, and «Ссылка с этой меткой» where the link kit is on the page (not for «Без
/// метки»: its link is the kit's plain one).
#[component]
pub fn LabelBars(lines: Vec<LabelLine>) -> impl IntoView {
    let tr = use_app().tr;
    let kit = use_context::<KitLabel>();
    let rows = lines.into_iter().enumerate().map(move |(i, line)| {
        let name_id = format!("sources-label-{i}");
        let ask = kit.map(|kit| match line.label.clone() {
            Some(label) => view! {
                <Button
                    kind=ButtonKind::Secondary
                    class="sources__use"
                    on_press=move |()| kit.fill(label.clone())
                    attr:aria-describedby=name_id.clone()
                >
                    {tr.t(Msg::SourcesUseLabel)}
                </Button>
            }
            .into_any(),
            // The button's room, unseen: every bar then has the same length to fill.
            None => view! {
                <span class="button button--secondary sources__use sources__use--none" aria-hidden="true">
                    {tr.t(Msg::SourcesUseLabel)}
                </span>
            }
            .into_any(),
        });
        // A label with a share under half a percent still gets a sliver of bar.
        let width = format!("{}%", line.share.max(1));
        view! {
            <li class="sources__row">
                <span class="sources__label" id=name_id>
                    {line.text()}
                </span>
                <svg class="sources__bar" aria-hidden="true" focusable="false" width="100%" height=BAR>
                    <rect class="sources__track" width="100%" height=BAR rx="4" />
                    <rect class="sources__fill" width=width height=BAR rx="4" />
                </svg>
                {ask}
            </li>
        }
    });
    view! { <ol class="sources__rows">{rows.collect_view()}</ol> }
}

/// The plot's height, the room above it for the top line's number, below it for the days.
const PLOT: u32 = 120;
const ABOVE: u32 = 16;
const BELOW: u32 = 22;

/// A column per day, oldest first: the day's new dialogs against lines at round numbers,
/// the first, middle and last days named below, each column's day and count in its
/// tooltip. Its words (the period, the total, the top labels) are the picture's name.
#[component]
pub fn DayColumns(stats: SourceStats, days: SourceDays) -> impl IntoView {
    let tr = use_app().tr;
    let n = days.days() as usize;
    let totals = day_totals(&stats, n);
    let dates = period_days(&stats, n).unwrap_or_default();
    let year = dates.last().map_or(0, |d| d.year);
    let scale = Scale::for_max(totals.iter().copied().max().unwrap_or(0));
    let whole = 100 * n as u64;
    let y_of = move |value: u32| ABOVE + PLOT - scale.height(value, PLOT);
    let lines = scale.ticks().into_iter().map(move |tick| {
        let y = y_of(tick);
        view! { <line class="sources__grid" x1="0" x2="100%" y1=y y2=y /> }
    });
    // The lines' numbers over the columns, on a halo of the card's colour (CSS).
    let ticks = scale.ticks().into_iter().map(move |tick| {
        view! {
            <text class="sources__tick" x="0" y=y_of(tick) - 3>
                {tick}
            </text>
        }
    });
    let columns =
        totals.iter().zip(dates.clone()).enumerate().filter(|(_, (n, _))| **n > 0).map(move |(i, (&n, day))| {
            let top = y_of(n);
            view! {
                <rect
                    class="sources__column"
                    x=percent(100 * i as u64 + 15, whole)
                    width=percent(70, whole)
                    y=top
                    height=ABOVE + PLOT - top
                >
                    <title>{day_line(tr.0, day, year, n)}</title>
                </rect>
            }
        });
    let named = dates.len();
    let names = named_days(named).into_iter().map(move |i| {
        let (x, anchor) = match i {
            0 => ("0%".to_owned(), "start"),
            i if i + 1 == named => ("100%".to_owned(), "end"),
            i => (percent(100 * i as u64 + 50, whole), "middle"),
        };
        let name = crate::domain::when::day_text(tr.0, dates[i], year);
        view! {
            <text class="sources__day" x=x y=ABOVE + PLOT + BELOW - 6 text-anchor=anchor>
                {name}
            </text>
        }
    });
    view! {
        <svg
            class="sources__days"
            role="img"
            aria-label=chart_words(tr.0, &stats)
            width="100%"
            height=ABOVE + PLOT + BELOW
        >
            {lines.collect_view()}
            {columns.collect_view()}
            {ticks.collect_view()}
            {names.collect_view()}
        </svg>
    }
}
