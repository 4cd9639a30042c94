//! What may be in the way now, from the channel's health as it is when the test failed
//! («Сообщение не пришло», «Бот не смог ответить»), with the cures «Восстановить подписку»
//! and «Заменить токен». The health it learns is the app's: the badges follow it too.

use leptos::prelude::*;
use max_channel_contract::ChannelHealth;

use super::control::PanelHost;
use crate::api::ApiError;
use crate::domain::when::ViewerClock;
use crate::domain::{cures, health_rows, Cure, HealthRow, Tone};
use crate::i18n::{Msg, Tr};
use crate::ui::health::failure_text;
use crate::ui::{use_app, use_tasks, Button, ButtonKind};

/// The causes; `expired`: nothing arrived (then «MAX не сообщает о неполадках» when the
/// health shows none), else the bot's reply failed (then only a cause the health names).
#[component]
pub fn Causes(host: PanelHost, tr: Tr, expired: bool) -> impl IntoView {
    let app = use_app();
    let api = app.api.clone();
    let tasks = use_tasks();
    let known = app.health;
    let health = known.read();
    let learnt = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let repaired = RwSignal::new(false);
    let run = move |repair: bool| {
        let api = api.clone();
        busy.set(true);
        failure.set(None);
        tasks.spawn(async move {
            let answer = if repair { api.repair_health().await } else { api.health().await };
            busy.set(false);
            learnt.set(true);
            match answer {
                Ok(now) => {
                    repaired.set(repair);
                    known.set(Some(now));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    run(false);
    let rows = move || health.with(|h| h.as_ref().map(|h| failing_rows(h, tr, &app.api)).unwrap_or_default());
    let list = move || {
        if !learnt.get() {
            return view! {
                <p class="loading" aria-busy="true">
                    {tr.t(Msg::HealthLoading)}
                </p>
            }
            .into_any();
        }
        let rows = rows();
        if rows.is_empty() {
            return expired.then(|| view! { <p class="delivery__cause">{tr.t(Msg::DeliveryNoCause)}</p> }).into_any();
        }
        let buttons =
            cures(&rows).into_iter().map(|cure| cure_button(cure, host, tr, busy, run.clone())).collect_view();
        let items = rows.into_iter().map(|row| view! { <li>{tr.t(row.label)} ": " {row.text}</li> }).collect_view();
        view! {
            <p class="delivery__causes-title">{tr.t(Msg::DeliveryCauses)}</p>
            <ul class="delivery__causes">{items}</ul>
            <div class="actions">{buttons}</div>
        }
        .into_any()
    };
    view! {
        <div class="delivery__causes-block" id="delivery-causes">
            {list}
            <CheckOutcome failure=failure repaired=repaired tr=tr />
        </div>
    }
}

/// The health's rows that may be in the way: the failing ones and the warnings.
fn failing_rows(health: &ChannelHealth, tr: Tr, api: &crate::api::SharedBackend) -> Vec<HealthRow> {
    let clock = ViewerClock {
        now: (api.server_now_ms(js_sys::Date::now()) / 1000.0).floor() as i64,
        offset_at: &crate::ui::browser_offset_at,
    };
    let mut rows = health_rows(health, tr.0, &clock);
    rows.retain(|row| matches!(row.tone, Tone::Failing | Tone::Warning));
    rows
}

/// What asking (or repairing) did: the failure with its wait, or «Подписка восстановлена».
#[component]
fn CheckOutcome(failure: RwSignal<Option<ApiError>>, repaired: RwSignal<bool>, tr: Tr) -> impl IntoView {
    view! {
        {move || {
            failure
                .get()
                .map(|e| {
                    let wait = crate::ui::use_retry_wait(&e);
                    view! {
                        <p class="alert alert--danger" role="alert">
                            {move || failure_text(tr, &e, wait.get())}
                        </p>
                    }
                })
        }}
        {move || {
            repaired
                .get()
                .then(|| {
                    view! {
                        <p class="alert alert--success" role="status">
                            {tr.t(Msg::HealthRepaired)}
                        </p>
                    }
                })
        }}
    }
}

fn cure_button(
    cure: Cure,
    host: PanelHost,
    tr: Tr,
    busy: RwSignal<bool>,
    run: impl Fn(bool) + Clone + Send + Sync + 'static,
) -> AnyView {
    match cure {
        Cure::Repair => view! {
            <Button kind=ButtonKind::Primary id="delivery-repair" blocked=busy on_press=move |()| run(true)>
                {move || tr.t(if busy.get() { Msg::HealthRepairing } else { Msg::HealthRepair })}
            </Button>
        }
        .into_any(),
        // The token field is elsewhere: the panel closes, and the opener takes the person there.
        Cure::ReplaceToken => view! {
            <Button kind=ButtonKind::Primary id="delivery-replace-token" on_press=move |()| host.to_token_field()>
                {tr.t(Msg::HealthReplaceToken)}
            </Button>
        }
        .into_any(),
    }
}
