//! «Показать таблицей»: the pictures' numbers as two tables — by label, by day — drawn only
//! while shown (a 90-day table is 90 rows).

use leptos::prelude::*;
use max_channel_contract::{SourceDays, SourceStats};

use crate::domain::sources::{day_totals, period_days, total_text, LabelLine};
use crate::domain::when::day_text;
use crate::i18n::Msg;
use crate::ui::{use_app, Button, ButtonKind};

#[component]
pub fn Tables(stats: SourceStats, lines: Vec<LabelLine>, days: SourceDays, open: RwSignal<bool>) -> impl IntoView {
    let tr = use_app().tr;
    let total = total_text(tr.0, stats.total, days);
    let n = days.days() as usize;
    let by_day: Vec<(String, u32)> = match period_days(&stats, n) {
        Some(dates) => {
            let year = dates.last().map_or(0, |d| d.year);
            dates.into_iter().map(|d| day_text(tr.0, d, year)).zip(day_totals(&stats, n)).collect()
        }
        None => Vec::new(),
    };
    let caption = move |title: Msg| format!("{} · {}", tr.t(title), total);
    let tables = move || {
        let label_rows = lines.iter().map(|line| {
            view! {
                <tr>
                    <th scope="row">{line.name.clone()}</th>
                    <td>{line.dialogs}</td>
                    <td>{format!("{} %", line.share)}</td>
                </tr>
            }
        });
        let day_rows = by_day.iter().map(|(day, n)| {
            view! {
                <tr>
                    <th scope="row">{day.clone()}</th>
                    <td>{*n}</td>
                </tr>
            }
        });
        view! {
            <table class="table" id="sources-by-label">
                <caption>{caption(Msg::SourcesByLabel)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.t(Msg::SourcesLabelColumn)}</th>
                        <th scope="col">{tr.t(Msg::SourcesDialogsColumn)}</th>
                        <th scope="col">{tr.t(Msg::SourcesShareColumn)}</th>
                    </tr>
                </thead>
                <tbody>{label_rows.collect_view()}</tbody>
            </table>
            <table class="table" id="sources-by-day">
                <caption>{caption(Msg::SourcesByDay)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.t(Msg::SourcesDayColumn)}</th>
                        <th scope="col">{tr.t(Msg::SourcesDialogsColumn)}</th>
                    </tr>
                </thead>
                <tbody>{day_rows.collect_view()}</tbody>
            </table>
        }
    };
    view! {
        <Button
            kind=ButtonKind::Secondary
            id="sources-table-toggle"
            on_press=move |()| open.update(|o| *o = !*o)
            attr:aria-expanded=move || open.get().to_string()
            attr:aria-controls="sources-tables"
        >
            {move || tr.t(if open.get() { Msg::SourcesHideTable } else { Msg::SourcesShowTable })}
        </Button>
        <div id="sources-tables" class="sources__tables">
            <Show when=move || open.get()>{tables.clone()}</Show>
        </div>
    }
}
