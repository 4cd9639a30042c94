//! «Часы» of the panel: the real time, or a weekday and a time in the schedule's zone.

use leptos::prelude::*;

use super::controls::edit;
use super::labels::moment_text;
use crate::api::demo::{Scenario, WeekMoment};
use crate::domain::zone_name::zone_words;
use crate::i18n::{Msg, Tr};
use crate::ui::use_app;

/// «Часы»: the real time, or a weekday and a time in the schedule's zone.
#[component]
pub(super) fn ClockFields(
    scenario: RwSignal<Scenario>,
    change: Callback<Scenario>,
    zone: Signal<String>,
) -> impl IntoView {
    let tr: Tr = use_app().tr;
    let clock = move || scenario.get().clock;
    let time = RwSignal::new(scenario.get_untracked().clock.map_or(10 * 60, |m| m.minute));
    let set_day = move |day: Option<u8>| {
        let moment = day.map(|weekday| WeekMoment { weekday, minute: time.get_untracked() });
        edit(scenario, change, |s| s.clock = moment);
    };
    let days = tr.t(Msg::WeekdaysShort).split('|').enumerate();
    view! {
        <fieldset class="preview__group">
            <legend>{tr.t(Msg::PreviewClock)}</legend>
            <label class="preview__field">
                <span>{tr.t(Msg::PreviewWeekday)}</span>
                <select
                    class="select"
                    id="preview-clock-day"
                    prop:value=move || clock().map(|m| m.weekday.to_string()).unwrap_or_default()
                    on:change=move |ev| set_day(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || clock().is_none()>
                        {tr.t(Msg::ClockReal)}
                    </option>
                    {days
                        .map(|(i, day)| {
                            let i = i as u8;
                            view! {
                                <option value=i.to_string() selected=move || clock().is_some_and(|m| m.weekday == i)>
                                    {day}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="preview__field">
                <span>{tr.t(Msg::PreviewTime)}</span>
                <input
                    class="input"
                    id="preview-clock-time"
                    type="time"
                    prop:value=move || {
                        WeekMoment {
                            weekday: 0,
                            minute: time.get(),
                        }
                            .time_id()
                    }
                    on:change=move |ev| {
                        let Some(moment) = WeekMoment::from_id(&format!("mon-{}", event_target_value(&ev))) else {
                            return
                        };
                        time.set(moment.minute);
                        set_day(clock().map(|m| m.weekday));
                    }
                />
            </label>
            <p class="preview__note" id="preview-clock-note">
                {move || match clock() {
                    Some(moment) => {
                        tr.f(
                            Msg::PreviewClockNote,
                            &[("moment", &moment_text(tr, moment)), ("zone", &zone_words(tr.0, &zone.get(), None))],
                        )
                    }
                    None => tr.t(Msg::PreviewClockRealNote).to_owned(),
                }}
            </p>
        </fieldset>
    }
}
