//! The bar's one line: the last save in a few words — «Настройки сохранены» for a few
//! seconds, «Исправьте 1 поле», «Не удалось сохранить» with «Подробнее» — and «2
//! предупреждения», which takes the focus to them. The full words stand in the outcome
//! just above the bar, which is what screen readers hear: this line is not read twice.

use std::time::Duration;

use leptos::prelude::*;

use super::workflows::{Banner, Workflows};
use crate::domain::warnings::warnings;
use crate::i18n::{count, Msg};
use crate::ui::schedule::ScheduleInfo;
use crate::ui::{Button, ButtonKind};

/// How long «Настройки сохранены» stays in the bar; the outcome above keeps it.
const SAVED_FOR: Duration = Duration::from_secs(4);

fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// A saved banner's message in the bar's few words.
fn short(saved: Msg) -> Msg {
    match saved {
        Msg::SavedFirst => Msg::HistoryConnected,
        Msg::Disconnected => Msg::HistoryDisconnected,
        _ => Msg::Saved,
    }
}

/// Whether «Сохранено» shows: it leaves the bar after a while; the timer dies with the page.
/// A save that resolves as the page goes may wake this effect after the banner was disposed
/// (seen in WebKitGTK, chaos «Save left by Link AtResolve»): then it does nothing, and no
/// timer starts.
fn use_saved_shown(flows: Workflows) -> RwSignal<bool> {
    let saved_shown = RwSignal::new(false);
    let timer = crate::ui::use_timer();
    Effect::new(move |_| {
        let Some(saved) = flows.banner.try_with(|b| matches!(b, Some(Banner::Saved(_)))) else { return };
        if saved_shown.try_set(saved).is_some() {
            return;
        }
        match saved {
            true => timer.schedule(SAVED_FOR, move || {
                let _ = saved_shown.try_set(false);
            }),
            false => timer.cancel(),
        }
    });
    saved_shown
}

#[component]
pub fn BarStatus() -> impl IntoView {
    let flows = expect_context::<Workflows>();
    let state = flows.state;
    let tr = state.tr;
    let schedule = expect_context::<ScheduleInfo>();
    let saved_shown = use_saved_shown(flows);
    // (words, whether «Подробнее» leads to more above)
    let line = move || -> Option<(String, bool)> {
        flows.banner.try_with(|banner| match banner {
            Some(Banner::Saved(msg)) => saved_shown.get().then(|| (tr.t(short(*msg)).to_owned(), false)),
            Some(Banner::Invalid(n)) => {
                Some((tr.f(Msg::FixErrors, &[("count", &count(tr.0, Msg::UnitField, *n as u64))]), false))
            }
            Some(Banner::Failed(..)) => Some((tr.t(Msg::BarFailed).to_owned(), true)),
            Some(Banner::Conflict(_)) => Some((tr.t(Msg::BarConflict).to_owned(), true)),
            None => None,
        })?
    };
    let warned = Memo::new(move |_| {
        let facts = schedule.facts();
        state.form.try_with(|form| warnings(form, facts).len()).unwrap_or(0)
    });
    view! {
        <div class="action-bar__line">
            {move || {
                line()
                    .map(|(text, more)| {
                        view! {
                            <div class="action-bar__said">
                                <p class="action-bar__status" aria-hidden="true">
                                    {text}
                                </p>
                                {more
                                    .then(|| {
                                        view! {
                                            <Button
                                                kind=ButtonKind::Bare
                                                class="link-button"
                                                on_press=move |()| focus_id("save-outcome")
                                            >
                                                {tr.t(Msg::BarDetails)}
                                            </Button>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
            {move || {
                let n = warned.get();
                (n > 0)
                    .then(|| {
                        view! {
                            <Button
                                kind=ButtonKind::Bare
                                class="link-button action-bar__warnings"
                                id="bar-warnings"
                                on_press=move |()| focus_id("checks")
                            >
                                {count(tr.0, Msg::UnitWarning, n as u64)}
                            </Button>
                        }
                    })
            }}
        </div>
    }
}
