//! «Проверьте настройки»: what cannot work as meant, each naming its control and focusing
//! it on a press. Never blocks «Сохранить».

use leptos::prelude::*;

use crate::domain::timeline::auto_close_seconds;
use crate::domain::warnings::{warning_text, warnings};
use crate::i18n::Msg;
use crate::ui::schedule::ScheduleInfo;
use crate::ui::settings::{focus_later, FormState};

#[component]
pub fn Checks() -> impl IntoView {
    let state = expect_context::<FormState>();
    let schedule = expect_context::<ScheduleInfo>();
    let tr = state.tr;
    let found = Memo::new(move |_| {
        let non_working_time = schedule.has_non_working_time();
        state.form.with(|form| (warnings(form, non_working_time), auto_close_seconds(form)))
    });
    move || {
        let (list, close) = found.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="checks" id="checks" aria-labelledby="checks-title">
                    <h3 class="checks__title" id="checks-title">
                        {tr.t(Msg::ChecksTitle)}
                    </h3>
                    <p class="field__help">{tr.t(Msg::ChecksHelp)}</p>
                    <ul class="checks__list">
                        {list
                            .into_iter()
                            .map(|placed| {
                                let at = placed.at;
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="checks__item"
                                            data-control=at.control_id()
                                            on:click=move |_| focus_later(at)
                                        >
                                            {warning_text(tr, &placed, close)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
