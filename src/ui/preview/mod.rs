//! Preview mode's panel: the designer's controls over the fake back end — the account,
//! an error on one operation or every call, the network, held loading, the token check's
//! answer, a fixed clock, the language — all kept in the page's address, so a reload or a
//! copied link opens the same state. Docked beside or above the page, never over it; folded,
//! one line says what is on. `chrome=0` leaves it out (clean screenshots, the gallery).

mod address;
mod clock;
mod clock_fields;
mod controls;
mod gallery;
mod labels;
mod takes;

use std::sync::Arc;

use leptos::prelude::*;
use max_channel_contract::DELIVERY_TEST_SECONDS;

use crate::api::demo::{DemoBackend, Scenario};
use crate::config::RuntimeConfig;
use crate::i18n::{count, Msg, Tr};
use crate::ui::{use_app, AppContext, Button, ButtonKind};

pub use gallery::not_found_or_gallery;

/// The app over the in-browser fake, in the state the address's query names.
pub fn context(config: RuntimeConfig, query: &str) -> (AppContext, Option<Arc<DemoBackend>>) {
    let scenario = Scenario::from_query(query);
    let demo = Arc::new(DemoBackend::new(scenario));
    clock::apply(&demo, scenario.clock);
    (AppContext::with_backend(config, demo.clone()), Some(demo))
}

/// Preview mode's own part of the page: the address kept in step, and the panel unless
/// `chrome=0`.
#[component]
pub fn PreviewRoot(demo: Arc<DemoBackend>) -> impl IntoView {
    let refresh = use_app().refresh;
    adopt_styles();
    let scenario = RwSignal::new(demo.scenario());
    // An error set for once switches itself off: the panel and the address follow.
    demo.listen(Box::new(move |now| {
        let _ = scenario.try_set(now);
    }));
    address::use_state_in_address(scenario);
    let chrome = scenario.get_untracked().chrome;
    if scenario.get_untracked().check {
        open_check(CHECK_LOOKS);
    }
    let fake = demo.clone();
    let change = Callback::new(move |next: Scenario| {
        let before = scenario.get_untracked();
        if before == next {
            return;
        }
        let takes = takes::takes(&before, &next);
        fake.set_scenario(next);
        if takes.clock {
            clock::apply(&fake, next.clock);
        }
        scenario.set(next);
        if next.check && !before.check {
            open_check(CHECK_LOOKS);
        }
        if takes.document {
            address::write_address(&next);
            let _ = web_sys::window().map(|w| w.location().reload());
        } else if takes.pages {
            refresh.update(|n| *n += 1);
        }
    });
    chrome.then(|| view! { <PreviewPanel demo=demo scenario=scenario change=change /> })
}

/// The panel's and the gallery's styles: in the designers' wasm only, so the production
/// style sheet carries none of them (decision 85).
const STYLES: &str = include_str!("preview.css");

/// Adds [`STYLES`] to the page as a constructed style sheet (`adoptedStyleSheets`: no
/// `<style>` element, which the page's `style-src 'self'` would refuse). Read through
/// `Reflect`, so a browser without constructed sheets shows the panel unstyled, not a panic.
fn adopt_styles() -> Option<()> {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsCast;
    let constructor: Function = Reflect::get(&js_sys::global(), &"CSSStyleSheet".into()).ok()?.dyn_into().ok()?;
    let sheet = Reflect::construct(&constructor, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into()).ok()?.dyn_into().ok()?;
    replace.call1(&sheet, &STYLES.into()).ok()?;
    let document = web_sys::window()?.document()?;
    let sheets = Array::from(&Reflect::get(&document, &"adoptedStyleSheets".into()).ok()?);
    sheets.push(&sheet);
    Reflect::set(&document, &"adoptedStyleSheets".into(), &sheets).ok()?;
    Some(())
}

/// How often, and how many times, `open=check` looks for «Проверить связь» (the page and
/// «Работа канала» load first; 30 s in all).
const CHECK_LOOK_MS: u64 = 100;
const CHECK_LOOKS: u32 = 300;

/// Presses «Проверить связь» once the page shows it: the check's states are a link away.
fn open_check(looks: u32) {
    let button = document().get_element_by_id("health-delivery-check");
    match button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
        Some(button) => button.click(),
        None if looks > 0 => {
            set_timeout(move || open_check(looks - 1), std::time::Duration::from_millis(CHECK_LOOK_MS))
        }
        None => {}
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

/// Room for the open panel beside the page's column (125rem, 2000 px at the usual font
/// size): it starts open only there; a designer opens it on purpose elsewhere, and then it
/// docks beside the page (from 64rem) or above it, never over it.
fn room_beside_the_page() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 125rem)").ok().flatten())
        .is_none_or(|query| query.matches())
}

/// Docked at the window's side from 64rem on: the page gives it room (`body.preview-docked`).
fn dock(open: bool) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.class_list().toggle_with_force("preview-docked", open);
    }
}

#[component]
fn PreviewPanel(demo: Arc<DemoBackend>, scenario: RwSignal<Scenario>, change: Callback<Scenario>) -> impl IntoView {
    let tr: Tr = use_app().tr;
    let open = RwSignal::new(room_beside_the_page());
    Effect::new(move |_| dock(open.get()));
    on_cleanup(|| dock(false));
    // The account's compressed wait and zone, read from the fake again on every change.
    let fake = demo.clone();
    let compressed = move || {
        scenario.track();
        fake.compressed_wait_seconds()
    };
    let zone = Signal::derive(move || {
        scenario.track();
        demo.schedule_now().timezone
    });
    view! {
        <aside class="preview" aria-label=tr.t(Msg::PreviewTitle) data-open=move || open.get().to_string()>
            <div class="preview__bar">
                <Button
                    kind=ButtonKind::Secondary
                    class="preview__toggle"
                    on_press=move |()| open.update(|o| *o = !*o)
                    attr:aria-expanded=move || open.get().to_string()
                    attr:aria-controls="preview-body"
                >
                    {move || if open.get() { tr.t(Msg::PreviewHide) } else { tr.t(Msg::PreviewTitle) }}
                </Button>
                <p class="preview__summary" id="preview-summary">
                    {move || labels::summary(tr, &scenario.get())}
                </p>
            </div>
            <div id="preview-body" class="preview__body" hidden=move || !open.get()>
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
                <controls::Controls scenario=scenario change=change zone=zone />
                <controls::ShareLink scenario=scenario />
            </div>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

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
