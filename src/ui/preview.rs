//! Preview mode's floating panel: switch the fake back end's scenario — the account (one of
//! the fake's presets, the same the dev back end offers), a back-end error, a slow network
//! — and every page loads again. When the account compresses time (`delivery_expires`: a
//! delivery test waits a minute, not ten), the panel says so, with the fake's own number.

use std::sync::Arc;

use leptos::prelude::*;
use max_channel_contract::DELIVERY_TEST_SECONDS;

use crate::api::demo::{DemoBackend, DemoFault, Preset, Scenario};
use crate::config::RuntimeConfig;
use crate::i18n::{count, Msg, Tr};
use crate::ui::{use_app, AppContext};

/// The app over the in-browser fake, starting with the preset `?demo=<id>` names.
pub fn context(config: RuntimeConfig, data: &str) -> (AppContext, Option<Arc<DemoBackend>>) {
    let scenario = Scenario { data: Preset::from_id(data).unwrap_or(Preset::NotConnected), ..Scenario::default() };
    let demo = Arc::new(DemoBackend::new(scenario));
    (AppContext::with_backend(config, demo.clone()), Some(demo))
}

fn data_label(data: Preset) -> Msg {
    match data {
        Preset::NotConnected => Msg::DataNotConnected,
        Preset::Connected => Msg::DataConnected,
        Preset::TokenRevoked => Msg::DataNeedsAttention,
        Preset::NoChatBots => Msg::DataNoChatBots,
        Preset::HealthWarning => Msg::DataHealthWarning,
        Preset::HealthFailing => Msg::DataHealthFailing,
        Preset::HealthUnknown => Msg::DataHealthUnknown,
        Preset::SubscriptionLost => Msg::DataSubscriptionLost,
        Preset::LongHistory => Msg::DataLongHistory,
        Preset::OtherZone => Msg::DataOtherZone,
        Preset::DeliveryReceived => Msg::DataDeliveryReceived,
        Preset::DeliveryReplyFailed => Msg::DataDeliveryReplyFailed,
        Preset::DeliveryExpires => Msg::DataDeliveryExpires,
        Preset::Sources => Msg::DataSources,
        Preset::NoDialogs => Msg::DataNoDialogs,
    }
}

/// A wait as «ждёт …» says it: «1 минуту», «10 минут», «90 секунд».
fn wait_words(tr: Tr, seconds: i64) -> String {
    let seconds = seconds.unsigned_abs();
    if seconds.is_multiple_of(60) {
        count(tr.0, Msg::UnitMinuteAgo, seconds / 60)
    } else {
        count(tr.0, Msg::UnitSecondAfter, seconds)
    }
}

/// «Время сжато: проверка связи ждёт 1 минуту вместо 10 минут».
fn time_compressed(tr: Tr, seconds: i64) -> String {
    tr.f(
        Msg::PreviewTimeCompressed,
        &[("wait", &wait_words(tr, seconds)), ("usual", &wait_words(tr, DELIVERY_TEST_SECONDS))],
    )
}

fn fault_label(fault: DemoFault) -> Msg {
    match fault {
        DemoFault::Unauthorized => Msg::Fault401,
        DemoFault::Forbidden => Msg::Fault403,
        DemoFault::Internal => Msg::Fault500,
        DemoFault::BadGateway => Msg::Fault502,
        DemoFault::RateLimited => Msg::Fault429,
        DemoFault::Network => Msg::FaultNetwork,
        DemoFault::Timeout => Msg::FaultTimeout,
        DemoFault::Unexpected => Msg::FaultUnexpected,
        DemoFault::MaxUnavailable => Msg::FaultMaxUnavailable,
        DemoFault::VersionConflict => Msg::FaultConflict,
    }
}

/// Room for the open panel beside the page's column (125rem, 2000 px at the usual font
/// size: the settings page with «Как это увидит клиент» beside its form is 1304 px wide and
/// leaves 348 px on each side for the 320 px panel). In rem, like the style sheet's
/// breakpoints, so a larger root font moves both together.
fn room_beside_the_page() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 125rem)").ok().flatten())
        .is_none_or(|query| query.matches())
}

#[component]
pub fn PreviewPanel(demo: Arc<DemoBackend>) -> impl IntoView {
    let app = use_app();
    let tr: Tr = app.tr;
    let refresh = app.refresh;
    // Open where it fits beside the page; folded where it would cover the form.
    let open = RwSignal::new(room_beside_the_page());
    let scenario = RwSignal::new(demo.scenario());
    // The account's compressed wait, read from the fake again whenever the scenario changes.
    let compressed = {
        let demo = demo.clone();
        move || {
            scenario.track();
            demo.compressed_wait_seconds()
        }
    };
    // Every change goes to the fake and makes the pages load again.
    let apply = move |change: &dyn Fn(&mut Scenario)| {
        let mut next = scenario.get_untracked();
        change(&mut next);
        demo.set_scenario(next);
        scenario.set(next);
        refresh.update(|n| *n += 1);
    };
    let apply = StoredValue::new(apply);
    view! {
        <aside class="preview" aria-label=tr.t(Msg::PreviewTitle) data-open=move || open.get().to_string()>
            <button
                type="button"
                class="preview__toggle button button--secondary"
                aria-expanded=move || open.get().to_string()
                aria-controls="preview-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { tr.t(Msg::PreviewHide) } else { tr.t(Msg::PreviewTitle) }}
            </button>
            <div id="preview-body" class="preview__body" hidden=move || !open.get()>
                <p class="preview__title">{tr.t(Msg::PreviewTitle)}</p>
                <p class="preview__note">{tr.t(Msg::PreviewNote)}</p>
                {move || {
                    compressed()
                        .map(|seconds| {
                            view! {
                                <p class="preview__note" id="preview-time">
                                    {time_compressed(tr, seconds)}
                                </p>
                            }
                        })
                }}
                <label class="preview__field">
                    <span>{tr.t(Msg::PreviewData)}</span>
                    <select
                        id="preview-data"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            if let Some(data) = Preset::from_id(&id) {
                                apply.with_value(|apply| apply(&|s| s.data = data));
                            }
                        }
                    >
                        {Preset::ALL
                            .into_iter()
                            .map(|data| {
                                view! {
                                    <option value=data.id() selected=move || scenario.get().data == data>
                                        {tr.t(data_label(data))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="preview__field">
                    <span>{tr.t(Msg::PreviewFault)}</span>
                    <select
                        id="preview-fault"
                        on:change=move |ev| {
                            let fault = DemoFault::from_id(&event_target_value(&ev));
                            apply.with_value(|apply| apply(&|s| s.fault = fault));
                        }
                    >
                        <option value="" selected=move || scenario.get().fault.is_none()>
                            {tr.t(Msg::PreviewNoFault)}
                        </option>
                        {DemoFault::ALL
                            .into_iter()
                            .map(|fault| {
                                view! {
                                    <option value=fault.id() selected=move || scenario.get().fault == Some(fault)>
                                        {tr.t(fault_label(fault))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="preview__check">
                    <input
                        id="preview-slow"
                        type="checkbox"
                        prop:checked=move || scenario.get().slow
                        on:change=move |ev| {
                            let slow = event_target_checked(&ev);
                            apply.with_value(|apply| apply(&|s| s.slow = slow));
                        }
                    />
                    <span>{tr.t(Msg::PreviewSlow)}</span>
                </label>
            </div>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_preset_has_its_own_name() {
        for locale in Locale::ALL {
            let names: std::collections::HashSet<&str> =
                Preset::ALL.into_iter().map(|p| Tr(locale).t(data_label(p))).collect();
            assert_eq!(names.len(), Preset::ALL.len(), "{locale}");
        }
    }

    #[test]
    fn the_compressed_wait_is_said_with_the_fakes_number() {
        let ru = Tr(Locale::Ru);
        assert_eq!(time_compressed(ru, 60), "Время сжато: проверка связи ждёт 1 минуту вместо 10 минут");
        assert_eq!(time_compressed(ru, 120), "Время сжато: проверка связи ждёт 2 минуты вместо 10 минут");
        assert_eq!(time_compressed(ru, 90), "Время сжато: проверка связи ждёт 90 секунд вместо 10 минут");
        assert_eq!(
            time_compressed(Tr(Locale::En), 60),
            "Time is compressed: the connection check waits 1 minute instead of 10 minutes"
        );
    }
}
