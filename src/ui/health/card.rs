//! The card «Работа канала»: the overall line, one row per check, «Проверено …», and the
//! actions «Проверить сейчас», «Восстановить подписку», «Заменить токен».

use leptos::prelude::*;
use max_channel_contract::ChannelHealth;

use super::control::{failure_text, Call, HealthControl};
use super::refresh::use_health_refresh;
use crate::domain::when::{relative_text, unix_of, ViewerClock};
use crate::domain::{cures, health_rows, overall_line, Cure, HealthRow};
use crate::i18n::{Msg, Tr};
use crate::ui::delivery_check::{DeliveryButton, DeliveryLauncher, DeliverySlot};
use crate::ui::{use_app, Button, ButtonKind};

/// The card, once its code is in (see `slot`); «Заменить токен» does what the page gave.
#[component]
pub fn HealthCardBody() -> impl IntoView {
    let on_replace_token = use_context::<super::slot::CardCure>().map_or_else(|| Callback::new(|()| ()), |cure| cure.0);
    let app = use_app();
    let tr = app.tr;
    let ctl = HealthControl::new(app.api.clone(), app.health);
    use_health_refresh(ctl);
    // «Проверка связи» outlives the body, which is drawn anew with each health.
    let launcher = DeliveryLauncher::new("health-delivery-check", on_replace_token);
    // A save or a disconnection forgets the health: check the new one at once.
    Effect::new(move |known_before: Option<bool>| {
        let known = ctl.health.with(Option::is_some);
        if known_before == Some(true) && !known && !ctl.stopped() {
            ctl.run(Call::Refresh);
        }
        known
    });
    // The health is the app's and may change as the card goes (a disconnection forgets it
    // and unmounts the card at once): what is the card's own is read with `try_`.
    let body = move || match ctl.health.get() {
        Some(health) => {
            view! { <HealthBody health=health ctl=ctl on_replace_token=on_replace_token launcher=launcher /> }
                .into_any()
        }
        None if ctl.failure.try_with(Option::is_some).unwrap_or(true) => ().into_any(),
        None => view! {
            <p class="loading" aria-busy="true">
                {tr.t(Msg::HealthLoading)}
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="card health" aria-labelledby="health-title">
            <h2 id="health-title" class="card__title">
                {tr.t(Msg::HealthTitle)}
            </h2>
            {body}
            <DeliverySlot launcher=launcher />
            <HealthNotice ctl=ctl tr=tr on_replace_token=on_replace_token />
        </section>
    }
}

#[component]
fn HealthBody(
    health: ChannelHealth,
    ctl: HealthControl,
    on_replace_token: Callback<()>,
    launcher: DeliveryLauncher,
) -> impl IntoView {
    let tr = use_app().tr;
    let (overall, tone) = overall_line(&health);
    let checked_at = unix_of(&health.checked_at);
    let nobody_wrote = health.delivery.last_inbound_at.is_none();
    let texts = Memo::new(move |_| {
        let now = ctl.server_now(ctl.now_ms.get());
        let clock = ViewerClock { now, offset_at: &crate::ui::browser_offset_at };
        let rows = health_rows(&health, tr.0, &clock);
        let checked = checked_at.map(|at| relative_text(tr.0, &clock, at));
        (rows, checked)
    });
    let rows = move || texts.with(|(rows, _)| rows.iter().map(row_view(tr)).collect_view());
    let checked =
        move || texts.with(|(_, checked)| checked.clone().map(|when| tr.f(Msg::HealthCheckedAt, &[("when", &when)])));
    let cures = move || texts.with(|(rows, _)| cures(rows));
    view! {
        <p class=format!("health__overall tone--{}", tone.class()) data-overall=tone.class()>
            <span class="health__icon" aria-hidden="true"></span>
            {tr.t(overall)}
        </p>
        <dl class="health__rows">{rows}</dl>
        <p class="health__checked">{checked}</p>
        <div class="actions health__actions">
            <CheckButton ctl=ctl tr=tr />
            <DeliveryButton launcher=launcher primary=nobody_wrote />
            {move || {
                cures()
                    .into_iter()
                    .map(|cure| match cure {
                        Cure::Repair => view! { <RepairButton ctl=ctl tr=tr /> }.into_any(),
                        Cure::ReplaceToken => {
                            view! { <ReplaceTokenButton id="health-replace-token" tr=tr on_press=on_replace_token /> }
                                .into_any()
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

fn row_view(tr: Tr) -> impl Fn(&HealthRow) -> AnyView {
    move |row| {
        let tone = row.tone.class();
        view! {
            <div class=format!("health__row tone--{tone}") data-tone=tone>
                <dt>{tr.t(row.label)}</dt>
                <dd>
                    <span class="health__icon" aria-hidden="true"></span>
                    {row.text.clone()}
                </dd>
            </div>
        }
        .into_any()
    }
}

/// «Проверить сейчас»: progress while any call runs; after a 429 it counts down and
/// refuses presses until the wait is over. It stays focusable throughout.
#[component]
fn CheckButton(ctl: HealthControl, tr: Tr) -> impl IntoView {
    let wait = move || ctl.seconds_to_wait(Call::Check, ctl.now_ms.get());
    let blocked = move || ctl.busy.with(Option::is_some) || wait().is_some();
    let label = move || match (ctl.busy.get(), wait()) {
        (Some(Call::Refresh | Call::Check), _) => tr.t(Msg::HealthChecking).to_owned(),
        (_, Some(seconds)) => tr.f(Msg::HealthCheckWait, &[("seconds", &seconds.to_string())]),
        _ => tr.t(Msg::HealthCheckNow).to_owned(),
    };
    view! {
        <Button
            kind=ButtonKind::Secondary
            id="health-check"
            blocked=Signal::derive(blocked)
            busy=Signal::derive(move || ctl.busy.get() == Some(Call::Check))
            on_press=move |()| ctl.run(Call::Check)
        >
            {label}
        </Button>
    }
}

#[component]
fn RepairButton(ctl: HealthControl, tr: Tr) -> impl IntoView {
    let busy = move || ctl.busy.get() == Some(Call::Repair);
    let blocked =
        move || ctl.busy.with(Option::is_some) || ctl.seconds_to_wait(Call::Repair, ctl.now_ms.get()).is_some();
    view! {
        <Button
            kind=ButtonKind::Primary
            id="health-repair"
            blocked=Signal::derive(blocked)
            busy=Signal::derive(busy)
            on_press=move |()| ctl.run(Call::Repair)
        >
            {move || tr.t(if busy() { Msg::HealthRepairing } else { Msg::HealthRepair })}
        </Button>
    }
}

#[component]
fn ReplaceTokenButton(id: &'static str, tr: Tr, on_press: Callback<()>) -> impl IntoView {
    view! {
        <Button kind=ButtonKind::Primary id=id on_press=on_press>
            {tr.t(Msg::HealthReplaceToken)}
        </Button>
    }
}

/// What the last call said: its failure (an alert; the health above stays) or the repair's
/// success (a status). A refused repair for a token MAX refuses offers the token's cure.
#[component]
fn HealthNotice(ctl: HealthControl, tr: Tr, on_replace_token: Callback<()>) -> impl IntoView {
    let failure = move || {
        ctl.failure.with(|failure| {
            failure.as_ref().map(|(call, error)| {
                // The cure of a repair refused for the token, also while the known health
                // (a minute old) still shows the token as valid.
                let token = matches!(error, crate::api::ApiError::TokenInvalid);
                let (call, error) = (*call, error.clone());
                // A 429's wait counts down with the card's one-second clock.
                let text = move || {
                    let left = ctl.seconds_to_wait(call, ctl.now_ms.get()).unwrap_or(0);
                    failure_text(tr, &error, left)
                };
                view! {
                    <div class="alert alert--danger health__failure" role="alert">
                        <p class="alert__text">{text}</p>
                        {token
                            .then(|| {
                                view! {
                                    <ReplaceTokenButton
                                        id="health-failure-replace-token"
                                        tr=tr
                                        on_press=on_replace_token
                                    />
                                }
                            })}
                    </div>
                }
            })
        })
    };
    let repaired =
        move || ctl.repaired.get().then(|| view! { <p class="alert alert--success">{tr.t(Msg::HealthRepaired)}</p> });
    view! {
        {failure}
        <div role="status" class="health__status">
            {repaired}
        </div>
    }
}
