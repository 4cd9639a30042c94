//! The schedule, read-only, in «Нерабочее время»: its zone, the week in groups, the
//! exceptions within 60 days, whether it is working time now, and where to change it.

use leptos::prelude::*;
use max_channel_contract::WorkSchedule;

use super::ScheduleInfo;
use crate::domain::schedule::Schedule;
use crate::domain::schedule_text::{exception_text, now_text, week_text};
use crate::domain::zone_name::zone_words;
use crate::i18n::{Msg, Tr};
use crate::ui::{ExternalLink, RetryButton};

#[component]
pub fn ScheduleBlock() -> impl IntoView {
    let info = expect_context::<ScheduleInfo>();
    let tr = crate::ui::use_app().tr;
    view! {
        <div class="schedule" id="schedule" tabindex="-1">
            {move || match info.loaded.get() {
                None => view! { <p class="schedule__line">{tr.t(Msg::ScheduleLoading)}</p> }.into_any(),
                Some(Err(error)) => {
                    let wait = crate::ui::use_retry_wait(&error);
                    let text = move || tr.f(Msg::ScheduleFailed, &[("reason", &error.message_waiting(tr, wait.get()))]);
                    view! {
                        <div class="alert alert--danger" role="alert">
                            <p class="alert__text">{text}</p>
                            <RetryButton tr=tr on_retry=move |()| info.fetch() focus="#schedule" wait=wait />
                        </div>
                    }
                        .into_any()
                }
                Some(Ok(schedule)) => view! { <Loaded schedule=schedule tr=tr /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Loaded(schedule: WorkSchedule, tr: Tr) -> impl IntoView {
    let info = expect_context::<ScheduleInfo>();
    let valid = Schedule::new(&schedule);
    let week =
        valid.as_ref().map_or_else(|| tr.t(Msg::ScheduleInvalid).to_owned(), |s| week_text(tr.0, &s.week_groups()));
    // A valid schedule without a reading is one whose zone the browser does not know.
    let valid = valid.is_some();
    // The schedule's «today» moves at its midnight: the exceptions ahead follow it.
    let today = Memo::new(move |_| info.reading.with(|r| r.as_ref().map(|r| r.today)));
    let kept = StoredValue::new(schedule.clone());
    let exceptions = move || -> Vec<String> {
        let Some(today) = today.get() else { return Vec::new() };
        kept.with_value(|schedule| {
            Schedule::new(schedule).map_or_else(Vec::new, |s| {
                s.upcoming_exceptions(today).into_iter().map(|e| exception_text(tr.0, e)).collect()
            })
        })
    };
    let zone = schedule.timezone.clone();
    let title = {
        let zone = zone.clone();
        move || {
            let offset = info.reading.with(|r| r.as_ref().map(|r| r.offset));
            tr.f(Msg::ScheduleTitle, &[("zone", &zone_words(tr.0, &zone, offset))])
        }
    };
    view! {
        <p class="schedule__title">{title}</p>
        <p class="schedule__line" id="schedule-week">
            {week}
        </p>
        {move || {
            let list = exceptions();
            (!list.is_empty())
                .then(|| {
                    view! {
                        <p class="schedule__line schedule__subtitle">{tr.t(Msg::ScheduleExceptions)}</p>
                        <ul class="schedule__exceptions" id="schedule-exceptions">
                            {list.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                        </ul>
                    }
                })
        }}
        <p class="schedule__line schedule__now" id="schedule-now">
            {move || match info.reading.get() {
                Some(reading) => now_text(tr.0, reading.state, reading.today),
                None if valid => tr.f(Msg::ScheduleUnknownZone, &[("zone", &zone)]),
                None => String::new(),
            }}
        </p>
        {schedule
            .settings_url
            .map(|url| {
                view! {
                    <p class="schedule__line">
                        <ExternalLink url=url text=tr.t(Msg::ScheduleEdit).to_owned() tr=tr class="link" />
                    </p>
                }
            })}
    }
}
