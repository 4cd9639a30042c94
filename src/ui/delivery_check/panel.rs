//! The panel «Проверка связи» inside its dialog: it starts a test as it opens, shows the
//! link and its QR code while the test waits, then the outcome in words. With the `split`
//! feature this is a wasm module of its own, fetched the first time a panel opens.

use leptos::prelude::*;

use super::causes::Causes;
use super::control::{Check, PanelHost, Stage};
use super::poll::use_delivery_poll;
use crate::api::ApiError;
use crate::domain::delivery_check::{
    announcement, announcement_text, expired_text, received_text, waiting_text, Announcement, Outcome, Reply,
};
use crate::i18n::{count, Msg, Tr};
use crate::ui::components::keep_tab_inside;
use crate::ui::link_kit::{use_qr_svg, CopyField, CopyOutcome, QrImage};
use crate::ui::{use_app, Button, ButtonKind};

/// The panel in its modal dialog, open as it mounts; the heading takes the focus.
/// «Закрыть» and Escape close it (the dialog's own `close`).
#[component]
pub fn Panel() -> impl IntoView {
    // Always given by the launcher; without it there is nothing to open (never a panic).
    let Some(host) = use_context::<PanelHost>() else { return ().into_any() };
    let tr = use_app().tr;
    let check = Check::new(host);
    use_delivery_poll(check);
    check.start();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let (Some(dialog), Some(title)) = (dialog.get(), title.get()) {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
            let _ = title.focus();
        }
    });
    let body = move || match check.stage.get() {
        Stage::Starting => view! {
            <p class="loading" aria-busy="true">
                {tr.t(Msg::DeliveryStarting)}
            </p>
        }
        .into_any(),
        Stage::StartFailed(error) => view! { <StartFailed check=check error=error tr=tr /> }.into_any(),
        Stage::Started => view! { <Started check=check tr=tr /> }.into_any(),
    };
    let title_id = host.title_id.get_value();
    let dialog_id = title_id.replace("-title", "-dialog");
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            id=dialog_id
            class="dialog delivery"
            aria-labelledby=labelled_by
            on:close=move |_| host.dismiss(None)
            on:keydown=move |ev| keep_tab_inside(&ev)
        >
            <h2 id=title_id class="dialog__title" tabindex="-1" node_ref=title>
                {tr.t(Msg::DeliveryTitle)}
            </h2>
            <p class="delivery__lead">{tr.t(Msg::DeliveryLead)}</p>
            <div class="delivery__body">{body}</div>
            <Announcer check=check tr=tr />
            <div class="dialog__buttons">
                <Button kind=ButtonKind::Secondary id="delivery-close" on_press=move |()| host.dismiss(None)>
                    {tr.t(Msg::Close)}
                </Button>
            </div>
        </dialog>
    }
    .into_any()
}

/// A start that failed: why, and the way to start again (after a 429, once the wait is over).
#[component]
fn StartFailed(check: Check, error: ApiError, tr: Tr) -> impl IntoView {
    let retry = error.is_retryable().then(|| view! { <AgainButton check=check tr=tr label=Msg::Retry /> });
    // The wait counts down with the panel's clock, as the button beside it does.
    let text = move || match &error {
        ApiError::RateLimited { .. } => match check.seconds_to_wait(check.now_ms.get()) {
            Some(seconds) => {
                tr.f(Msg::DeliveryTooSoon, &[("wait", &count(tr.0, Msg::UnitSecondAfter, u64::from(seconds)))])
            }
            None => tr.t(Msg::DeliveryCanStart).to_owned(),
        },
        other => other.message(tr),
    };
    view! {
        <div class="alert alert--danger" role="alert">
            <p class="alert__text">{text}</p>
            {retry}
        </div>
    }
}

/// The test once started: waiting, arrived or not arrived; a failed question about it.
#[component]
fn Started(check: Check, tr: Tr) -> impl IntoView {
    let outcome = Memo::new(move |_| check.outcome(check.now_ms.get()));
    // Which view: re-rendered when the kind changes, not on every tick of the clock.
    let kind = Memo::new(move |_| {
        outcome.with(|o| match o {
            Some(Outcome::Waiting { .. }) => 0,
            Some(Outcome::Received { .. }) => 1,
            Some(Outcome::Expired { .. }) => 2,
            None => 3,
        })
    });
    let view = move || match kind.get() {
        0 => view! { <Waiting check=check outcome=outcome tr=tr /> }.into_any(),
        1 => view! { <Arrived check=check outcome=outcome tr=tr /> }.into_any(),
        2 => view! { <NotArrived check=check outcome=outcome tr=tr /> }.into_any(),
        _ => ().into_any(),
    };
    let failure = move || {
        check.failure.get().map(|error| {
            view! {
                <div class="alert alert--danger delivery__failure" role="alert">
                    <p class="alert__text">{error.message(tr)}</p>
                    <Button kind=ButtonKind::Secondary class="retry" on_press=move |()| check.retry()>
                        {tr.t(Msg::Retry)}
                    </Button>
                </div>
            }
        })
    };
    view! {
        {view}
        {failure}
    }
}

/// While the test waits: the link as a QR code and as text, the code, the time left.
#[component]
fn Waiting(check: Check, outcome: Memo<Option<Outcome>>, tr: Tr) -> impl IntoView {
    let (link, code) =
        check.test.with_untracked(|t| t.as_ref().map(|t| (t.link.clone(), t.code.clone())).unwrap_or_default());
    let link = Memo::new(move |_| link.clone());
    let copied = RwSignal::new(None);
    let left = move || match outcome.get() {
        Some(Outcome::Waiting { seconds_left }) => waiting_text(tr, seconds_left),
        _ => String::new(),
    };
    view! {
        <p class="delivery__scan">{tr.t(Msg::DeliveryScan)}</p>
        <QrImage link=link svg=use_qr_svg(link) label=Msg::DeliveryQr class="delivery__qr" />
        <CopyField
            id="delivery-link"
            label=Msg::DeliveryLink
            button=Msg::LinkKitCopyLink
            text=link
            outcome=CopyOutcome {
                copied: Msg::LinkKitLinkCopied,
                selected: Msg::LinkKitLinkSelected,
            }
            announce=copied
        />
        <p class="delivery__code" id="delivery-code">
            {tr.f(Msg::DeliveryCode, &[("code", &code)])}
        </p>
        // The time left changes every second: not a live region (the announcer says the minutes).
        <p class="delivery__left" id="delivery-left" aria-busy="true">
            {left}
        </p>
    }
}

/// The code arrived: how long it took, from whom, how; then the bot's reply.
#[component]
fn Arrived(check: Check, outcome: Memo<Option<Outcome>>, tr: Tr) -> impl IntoView {
    let arrived = move || match outcome.get() {
        Some(Outcome::Received { took, via, from_name, reply }) => Some((took, via, from_name, reply)),
        _ => None,
    };
    let reply = move || {
        arrived().map(|(_, _, _, reply)| match reply {
            None => view! {
                <p class="loading" aria-busy="true">
                    {tr.t(Msg::DeliveryReplying)}
                </p>
            }
            .into_any(),
            Some(Reply::Sent) => view! {
                <p class="delivery__line tone--ok" id="delivery-reply">
                    {tr.t(Msg::DeliveryReplySent)}
                </p>
            }
            .into_any(),
            Some(Reply::Failed(error)) => {
                let text = match error {
                    Some(error) => tr.f(Msg::DeliveryReplyFailed, &[("error", &error)]),
                    None => tr.t(Msg::DeliveryReplyFailedBare).to_owned(),
                };
                view! {
                    <p class="delivery__line tone--failing" id="delivery-reply">
                        {text}
                    </p>
                    <Causes host=check.host tr=tr expired=false />
                }
                .into_any()
            }
        })
    };
    view! {
        <p class="delivery__line tone--ok" id="delivery-received">
            {move || arrived().map(|(took, via, _, _)| received_text(tr, took, &via))}
        </p>
        {move || {
            arrived()
                .and_then(|(_, _, name, _)| name)
                .map(|name| view! { <p class="delivery__from">{tr.f(Msg::DeliveryFrom, &[("name", &name)])}</p> })
        }}
        {reply}
        <div class="actions">
            <AgainButton check=check tr=tr label=Msg::DeliveryAgain />
        </div>
    }
}

/// Nothing arrived in time: what may be in the way now, and «Проверить ещё раз».
#[component]
fn NotArrived(check: Check, outcome: Memo<Option<Outcome>>, tr: Tr) -> impl IntoView {
    let text = move || match outcome.get() {
        Some(Outcome::Expired { waited }) => expired_text(tr, waited),
        _ => String::new(),
    };
    view! {
        <p class="delivery__line tone--failing" id="delivery-expired">
            {text}
        </p>
        <Causes host=check.host tr=tr expired=true />
        <div class="actions">
            <AgainButton check=check tr=tr label=Msg::DeliveryAgain />
        </div>
    }
}

/// Starts a new test; after a 429 it counts down and refuses presses until the wait is
/// over, staying focusable.
#[component]
fn AgainButton(check: Check, tr: Tr, label: Msg) -> impl IntoView {
    let wait = move || check.seconds_to_wait(check.now_ms.get());
    let text = move || match wait() {
        Some(seconds) => tr.f(Msg::HealthCheckWait, &[("seconds", &seconds.to_string())]),
        None => tr.t(label).to_owned(),
    };
    view! {
        <Button
            kind=ButtonKind::Secondary
            id="delivery-again"
            blocked=Signal::derive(move || wait().is_some() || check.in_flight.get())
            on_press=move |()| check.start()
        >
            {text}
        </Button>
    }
}

/// The polite region: the start, each minute left, the outcome — never every second.
#[component]
fn Announcer(check: Check, tr: Tr) -> impl IntoView {
    let last = StoredValue::new(None::<Announcement>);
    let said = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(outcome) = check.outcome(check.now_ms.get()) else { return };
        if let Some(now) = announcement(&outcome, last.get_value()) {
            last.set_value(Some(now));
            said.set(announcement_text(tr, &outcome));
        }
    });
    view! {
        <p class="visually-hidden" role="status" id="delivery-announce">
            {move || said.get()}
        </p>
    }
}
