//! «Откуда пишут клиенты» (Contract 1.2's `getMaxSources`) on «О канале»: the period switch
//! (kept in the page's address), the total, a bar per label with its share and «Ссылка с
//! этой меткой», the days as columns, and the same numbers as tables. The numbers are
//! `domain::sources`'; the pictures are SVG drawn here (`chart`).
//!
//! One answer is shown at a time, the newest asked: choosing another period cancels the
//! call still running (its fetch is aborted and it never answers), and the page leaving
//! cancels the last one.

mod chart;
mod period;
mod slot;
mod table;

use leptos::prelude::*;
use max_channel_contract::{SourceDays, SourceStats};

use crate::api::ApiError;
use crate::domain::sources::{label_lines, total_text};
use crate::i18n::Msg;
use crate::ui::link_kit::KitLabel;
use crate::ui::{use_app, use_tasks, Button, ButtonKind};
pub use slot::SourcesSlot;

/// An answer with the period it was asked for.
type Answer = (SourceDays, Result<SourceStats, ApiError>);

/// The card, or nothing: for a channel never connected (404), and — when the slot is
/// quiet — until the back end has answered with counts.
#[component]
pub fn SourcesCard() -> impl IntoView {
    let tr = use_app().tr;
    let quiet = use_context::<slot::Quiet>().is_some_and(|q| q.0);
    let (days, choose) = period::use_period();
    let Sources { answer, pending, retry } = use_sources(days);
    // A quiet card, once shown with counts, stays to say that a later call failed.
    let shown = Memo::new(move |before: Option<&bool>| {
        answer.with(|answer| match answer {
            None => !quiet,
            Some((_, Ok(_))) => true,
            Some((_, Err(ApiError::NotFound))) => false,
            Some((_, Err(_))) => !quiet || before.copied().unwrap_or(false),
        })
    });
    // Open or not, the tables stay so from one period to the next.
    let tables_open = RwSignal::new(false);
    let body = move || match answer.get() {
        None => view! { <p class="loading">{tr.t(Msg::Loading)}</p> }.into_any(),
        Some((days, Ok(stats))) => view! { <SourcesBody stats=stats days=days tables_open=tables_open /> }.into_any(),
        Some((_, Err(error))) => view! { <Failure error=error on_retry=retry /> }.into_any(),
    };
    view! {
        <Show when=move || shown.get()>
            <section class="card sources" aria-labelledby="sources-title" aria-busy=move || pending.get().to_string()>
                <h2 id="sources-title" class="card__title" tabindex="-1">
                    {tr.t(Msg::SourcesTitle)}
                </h2>
                <p>{tr.t(Msg::SourcesLead)}</p>
                <period::PeriodSwitch days=days choose=choose />
                {body}
            </section>
        </Show>
    }
}

/// The newest answer, whether a call runs, and «Повторить».
struct Sources {
    answer: RwSignal<Option<Answer>>,
    pending: RwSignal<bool>,
    retry: Callback<()>,
}

/// Asks for the period whenever it changes (and on «Повторить»). A newer question cancels
/// the call still running — its fetch is aborted and it never answers, so an older period
/// can never replace a newer one — and the page leaving cancels the last. (A `Resource`
/// would not do: it starts its next question only once the last has answered.) Until the
/// new answer comes, the old numbers stay, marked busy.
fn use_sources(days: Memo<SourceDays>) -> Sources {
    let insights = crate::ui::insights::use_insights();
    let answer = RwSignal::new(None::<Answer>);
    let pending = RwSignal::new(false);
    let attempt = RwSignal::new(0_u32);
    let tasks = use_tasks();
    Effect::new(move |latest| {
        let days = days.get();
        attempt.track();
        if let Some(Some(older)) = latest {
            tasks.abort(older);
        }
        pending.set(true);
        let insights = insights.clone();
        tasks.spawn(async move {
            let result = insights.sources(days).await;
            answer.set(Some((days, result)));
            pending.set(false);
        })
    });
    Sources { answer, pending, retry: Callback::new(move |()| attempt.update(|n| *n += 1)) }
}

/// The numbers of one period: the total, then the labels and the days — or, when nobody
/// wrote, the words for that and the way to the link kit.
#[component]
fn SourcesBody(stats: SourceStats, days: SourceDays, tables_open: RwSignal<bool>) -> impl IntoView {
    let tr = use_app().tr;
    if stats.total == 0 {
        return view! { <Empty /> }.into_any();
    }
    let total = total_text(tr.0, stats.total, days);
    let lines = label_lines(tr.0, &stats);
    view! {
        <p class="sources__total">{total}</p>
        <h3 class="sources__subtitle">{tr.t(Msg::SourcesByLabel)}</h3>
        <chart::LabelBars lines=lines.clone() />
        <h3 class="sources__subtitle">{tr.t(Msg::SourcesByDay)}</h3>
        <chart::DayColumns stats=stats.clone() days=days />
        <table::Tables stats=stats lines=lines days=days open=tables_open />
    }
    .into_any()
}

/// An empty period: said in words, with the way to the link and QR code that bring dialogs
/// (when the link kit is on the page).
#[component]
fn Empty() -> impl IntoView {
    let tr = use_app().tr;
    let kit = use_context::<KitLabel>();
    view! {
        <p class="sources__empty">{tr.t(Msg::SourcesEmpty)}</p>
        {kit
            .map(|kit| {
                view! {
                    <p>{tr.t(Msg::SourcesEmptyHint)}</p>
                    <Button kind=ButtonKind::Secondary id="sources-to-kit" on_press=move |()| kit.show()>
                        {tr.t(Msg::SourcesToLinkKit)}
                    </Button>
                }
            })}
    }
}

/// A failed call: its reason, and «Повторить» (the focus stays in the card).
#[component]
fn Failure(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let tr = use_app().tr;
    let wait = crate::ui::use_retry_wait(&error);
    let retry = error.is_retryable();
    view! {
        <div class="alert alert--danger" role="alert">
            <p class="alert__text">{move || error.message_waiting(tr, wait.get())}</p>
            {retry
                .then(|| {
                    view! { <crate::ui::RetryButton tr=tr on_retry=on_retry wait=wait focus="#sources-title" /> }
                })}
        </div>
    }
}
