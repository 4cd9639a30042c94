//! The period: read from the page's address (`?days=7|30|90`, 30 without it) and written
//! back when another is chosen, so a reload or a shared link keeps it. The address is
//! replaced, not added to: «Назад» leaves the page instead of stepping through periods.
//!
//! The address is read once, as the card opens, and the choice is the card's own signal:
//! the period changes only by this switch, and a page that followed the router's address
//! reactively would leave an entry in the router's list of readers each visit (decision 86).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use max_channel_contract::SourceDays;

use crate::domain::sources::{period_of_query, query_of_period, DAYS_PARAM};
use crate::i18n::{count, Msg};
use crate::ui::{place_of, use_app, Choice, RadioGroup};

/// The page's path, where the card is: navigation resolves it below the app's base.
const PAGE: &str = "/channels/max";

/// The period of the address, and how to choose another.
pub fn use_period() -> (Memo<SourceDays>, Callback<SourceDays>) {
    let query = use_location().query;
    let chosen = RwSignal::new(query.with_untracked(|q| period_of_query(q.get_str(DAYS_PARAM))));
    let days = Memo::new(move |_| chosen.get());
    let go = crate::ui::navigation::use_go();
    let choose = Callback::new(move |period: SourceDays| {
        chosen.set(period);
        let mut params = query.get_untracked();
        match query_of_period(period) {
            Some(value) => params.replace(DAYS_PARAM, value),
            None => {
                params.remove(DAYS_PARAM);
            }
        }
        go.replace(&format!("{PAGE}{}", params.to_query_string()));
    });
    (days, choose)
}

/// «7 дней» | «30 дней» | «90 дней» as radios: the arrow keys move between them, as in
/// every radio group.
#[component]
pub fn PeriodSwitch(days: Memo<SourceDays>, choose: Callback<SourceDays>) -> impl IntoView {
    let tr = use_app().tr;
    let choices = SourceDays::ALL
        .into_iter()
        .map(|period| Choice::new(count(tr.0, Msg::UnitDay, u64::from(period.days()))).form_value(period.days()))
        .collect();
    view! {
        <RadioGroup
            name="sources-days"
            legend=tr.t(Msg::SourcesPeriod)
            legend_hidden=true
            class="choices sources__period"
            choices=choices
            selected=Signal::derive(move || place_of(&SourceDays::ALL, &days.get()))
            on_choose=Callback::new(move |place: usize| {
                if let Some(period) = SourceDays::ALL.get(place) {
                    choose.run(*period);
                }
            })
        />
    }
}
