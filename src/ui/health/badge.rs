//! The channel's state as the pages show it, corrected by the known health and told to
//! the host cabinet.

use leptos::prelude::*;
use max_channel_contract::{ChannelState, StateReason};

use crate::domain::{badge_with_health, tile_reason};
use crate::embed;
use crate::i18n::Msg;
use crate::ui::{use_app, StateBadge};

/// The state and reason to show: the loaded ones, unless a «Работа канала» card learnt
/// better since (a lost subscription is «Требует внимания» before the state says so).
/// The host gets a `state` message whenever the shown state changes.
fn use_shown(state: Signal<ChannelState>, reason: Signal<Option<StateReason>>) -> Memo<(ChannelState, Option<Msg>)> {
    let health = use_app().health.read();
    let shown = Memo::new(move |_| {
        health.with(|health| state.with(|s| reason.with(|r| badge_with_health(s, r.as_ref(), health.as_ref()))))
    });
    Effect::new(move |_| shown.with(|(state, _)| embed::report_state(state)));
    shown
}

/// «Состояние канала: <badge>» and, when it needs attention, why — on «О канале» and
/// above the settings form.
#[component]
pub fn ChannelStateLine(
    #[prop(into)] state: Signal<ChannelState>,
    #[prop(into)] reason: Signal<Option<StateReason>>,
) -> impl IntoView {
    let tr = use_app().tr;
    let shown = use_shown(state, reason);
    view! {
        <p class="about__state">
            <span class="about__state-label">{tr.t(Msg::CurrentState)}</span>
            " "
            {move || view! { <StateBadge state=shown.with(|(state, _)| state.clone()) tr=tr /> }}
        </p>
        {move || {
            shown
                .with(|(_, reason)| *reason)
                .map(|reason| {
                    view! {
                        <p class="alert alert--danger" role="status">
                            {tr.t(reason)}
                        </p>
                    }
                })
        }}
    }
}

/// The Max tile's badge and, when it needs attention, why in a few words: the tile's own
/// `state_reason`, or what a «Работа канала» card learnt since.
#[component]
pub fn ChannelBadge(
    #[prop(into)] state: Signal<ChannelState>,
    #[prop(into)] reason: Signal<Option<StateReason>>,
) -> impl IntoView {
    let tr = use_app().tr;
    let shown = use_shown(state, reason);
    view! {
        {move || view! { <StateBadge state=shown.with(|(state, _)| state.clone()) tr=tr /> }}
        {move || {
            shown
                .with(|(_, reason)| *reason)
                .map(|reason| view! { <span class="tile__reason">{tr.t(tile_reason(reason))}</span> })
        }}
    }
}
