//! «Проверьте настройки»: what cannot work as meant, each naming its control and focusing
//! it on a press, with its fix beside it where one is obvious («Закрывать через 3 дня»),
//! applied as an ordinary unsaved change. Never blocks «Сохранить».

use leptos::prelude::*;

use super::FormView;
use crate::domain::timeline::auto_close_seconds;
use crate::domain::warning_fix::{apply_fix, fix_label, fix_of, Fix};
use crate::domain::warnings::{warning_text, warnings, Placed};
use crate::i18n::{Msg, Tr};
use crate::ui::schedule::ScheduleInfo;
use crate::ui::{Button, ButtonKind};

#[component]
pub fn Checks() -> impl IntoView {
    let state = expect_context::<FormView>();
    let schedule = expect_context::<ScheduleInfo>();
    let tr = state.tr;
    let found = Memo::new(move |_| {
        let facts = schedule.facts();
        state.form.with(|form| {
            let list: Vec<(Placed, Option<Fix>)> =
                warnings(form, facts).into_iter().map(|placed| (placed.clone(), fix_of(form, &placed))).collect();
            (list, auto_close_seconds(form))
        })
    });
    move || {
        let (list, close) = found.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="checks" id="checks" tabindex="-1" aria-labelledby="checks-title">
                    <h3 class="checks__title" id="checks-title">
                        {tr.t(Msg::ChecksTitle)}
                    </h3>
                    <p class="field__help">{tr.t(Msg::ChecksHelp)}</p>
                    <ul class="checks__list">
                        {list
                            .into_iter()
                            .map(|(placed, fix)| view! { <CheckItem placed=placed fix=fix close=close tr=tr /> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// One warning: the button that focuses its control, and its fix.
#[component]
fn CheckItem(placed: Placed, fix: Option<Fix>, close: Option<i64>, tr: Tr) -> impl IntoView {
    let state = expect_context::<FormView>();
    let at = placed.at;
    let fix_button = fix.map(|fix| {
        // The fix moves the focus to what it changed: the warning and its button go.
        let apply = move |()| {
            let mut changed = None;
            state.form.update(|form| changed = Some(apply_fix(form, fix)));
            if let Some(path) = changed {
                (state.focus)(path);
            }
        };
        view! {
            <Button kind=ButtonKind::Secondary class="checks__fix" on_press=apply attr:data-control=at.control_id()>
                {fix_label(tr, fix)}
            </Button>
        }
    });
    view! {
        <li class="checks__entry">
            <Button
                kind=ButtonKind::Bare
                class="checks__item"
                on_press=move |()| (state.focus)(at)

                attr:data-control=at.control_id()
            >
                {warning_text(tr, &placed, close)}
            </Button>
            {fix_button}
        </li>
    }
}
