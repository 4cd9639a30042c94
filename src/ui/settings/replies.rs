//! The auto-replies list state (at most 10 rows), used for working and non-working hours.

use leptos::prelude::*;
use max_channel_contract::{text_len, MAX_AUTO_REPLIES, TEXT_MAX_CHARS};

use super::fields::{error_of, ErrorText};
use super::FormState;
pub use crate::domain::ReplyList;
use crate::domain::{FieldPath, ReplyField, ReplyForm, Unit, DELAY_UNITS, INTERVAL_UNITS};
use crate::i18n::{Msg, Tr};
use crate::ui::{Button, ButtonKind, Choice, Field, RadioGroup};

pub fn unit_msg(unit: Unit) -> Msg {
    match unit {
        Unit::Seconds => Msg::UnitWordSeconds,
        Unit::Minutes => Msg::UnitWordMinutes,
        Unit::Hours => Msg::UnitWordHours,
        Unit::Days => Msg::UnitWordDays,
    }
}

/// The units to offer: the usual ones, plus the current one if a saved value needs it.
pub fn offered_units(usual: &[Unit], current: Unit) -> Vec<Unit> {
    let mut units = usual.to_vec();
    if !units.contains(&current) {
        units.insert(0, current);
    }
    units
}

/// A number input with its unit select.
#[component]
pub fn DurationField(
    path: FieldPath,
    label: Msg,
    help: Option<Msg>,
    usual: &'static [Unit],
    #[prop(into)] text: Signal<String>,
    #[prop(into)] unit: Signal<Unit>,
    on_text: Callback<String>,
    on_unit: Callback<Unit>,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr: Tr = state.tr;
    let id = path.control_id();
    view! {
        <Field
            id=id.clone()
            label=tr.t(label)
            help=help.map(|help| tr.t(help).to_owned())
            error=error_of(state, path)
            class="field--duration"
            let:control
        >
            <div class="duration">
                <input
                    id=control.id
                    class="input input--number"
                    type="text"
                    inputmode="numeric"
                    aria-invalid=control.invalid
                    aria-describedby=control.described_by
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        on_text.run(event_target_value(&ev));
                        state.clear_error(path);
                    }
                />
                <select
                    class="select"
                    aria-label=tr.t(Msg::TimeUnit)
                    id=format!("{id}-unit")
                    on:change=move |ev| {
                        if let Some(u) = Unit::parse(&event_target_value(&ev)) {
                            on_unit.run(u);
                            state.clear_error(path);
                        }
                    }
                >
                    {move || {
                        offered_units(usual, unit.get())
                            .into_iter()
                            .map(|u| {
                                view! {
                                    <option value=u.name() selected=move || unit.get() == u>
                                        {tr.t(unit_msg(u))}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Field>
    }
}

#[component]
pub fn RepliesEditor(list: ReplyList) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let form = state.form;
    let len = Memo::new(move |_| form.with(|f| list.rows(f).len()));
    let len = move || len.get();
    let add = move |()| {
        if len() < MAX_AUTO_REPLIES {
            form.update(|f| list.rows_mut(f).push(ReplyForm::default()));
            state.clear_error(list.path());
            super::fields::focus_later(list.row(len().saturating_sub(1), ReplyField::Text));
        }
    };
    view! {
        <div class="replies" id=list.path().control_id() tabindex="-1">
            <ol class="replies__list">
                <For each=move || 0..len() key=|i| *i let:index>
                    <ReplyRow list=list index=index />
                </For>
            </ol>
            <ErrorText path=list.path() />
            <Button
                kind=ButtonKind::Secondary
                blocked=Signal::derive(move || len() >= MAX_AUTO_REPLIES)
                id=format!("{}-add", list.path().control_id())
                on_press=add
                attr:aria-describedby=move || {
                    (len() >= MAX_AUTO_REPLIES).then(|| format!("{}-limit", list.path().control_id()))
                }
            >
                {tr.t(Msg::ReplyAdd)}
            </Button>
            {move || {
                (len() >= MAX_AUTO_REPLIES)
                    .then(|| {
                        view! {
                            <p class="field__help" id=format!("{}-limit", list.path().control_id())>
                                {tr.t(Msg::RepliesLimit)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A row's title and «Удалить автоответ N».
#[component]
fn ReplyHead(list: ReplyList, index: usize) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let number = (index + 1).to_string();
    let remove = move |()| {
        state.form.update(|f| {
            let rows = list.rows_mut(f);
            if index < rows.len() {
                rows.remove(index);
            }
        });
        // Row paths shift: errors of this list are stale now.
        state.clear_error(list.path());
        // The last row's button goes with its row; the list's «Добавить» stays.
        crate::ui::focus::keep_focus_in_page(format!("#{}-add", list.path().control_id()));
    };
    view! {
        <div class="reply__head">
            <h3 class="reply__title">{tr.f(Msg::ReplyTitle, &[("n", &number)])}</h3>
            <Button kind=ButtonKind::Link on_press=remove>
                {tr.f(Msg::ReplyRemove, &[("n", &number)])}
            </Button>
        </div>
    }
}

#[component]
fn ReplyRow(list: ReplyList, index: usize) -> impl IntoView {
    let state = expect_context::<FormState>();
    let form = state.form;
    // One memo per value the row shows: a keystroke anywhere re-reads each (cheap), but only
    // a value that changed reaches the DOM — the other 19 rows are left alone.
    let field = move |read: fn(&ReplyForm) -> String| {
        Memo::new(move |_| form.with(|f| list.rows(f).get(index).map(read).unwrap_or_default()))
    };
    let unit_of = move |read: fn(&ReplyForm) -> Unit| {
        Memo::new(move |_| form.with(|f| list.rows(f).get(index).map(read).unwrap_or(Unit::Seconds)))
    };
    let text = field(|r| r.text.clone());
    let delay_text = field(|r| r.delay.text.clone());
    let delay_unit = unit_of(|r| r.delay.unit);
    let interval_text = field(|r| r.interval.text.clone());
    let interval_unit = unit_of(|r| r.interval.unit);
    let repeat_every = Memo::new(move |_| form.with(|f| list.rows(f).get(index).is_some_and(|r| r.repeat_every)));
    let edit = move |change: &dyn Fn(&mut ReplyForm)| {
        form.update(|f| {
            if let Some(r) = list.rows_mut(f).get_mut(index) {
                change(r);
            }
        })
    };
    let every_name = format!("{}-{index}-repeat", list.path().control_id());
    let repeat_path = list.row(index, ReplyField::RepeatType);
    let choose_repeat = Callback::new(move |every: bool| {
        state.choose(&[repeat_path], |f| {
            if let Some(r) = list.rows_mut(f).get_mut(index) {
                r.repeat_every = every;
            }
        })
    });
    view! {
        <li class="reply">
            <ReplyHead list=list index=index />
            <DurationField
                path=list.row(index, ReplyField::Delay)
                label=Msg::ReplyDelay
                help=Some(Msg::ReplyDelayHelp)
                usual=&DELAY_UNITS
                text=delay_text
                unit=delay_unit
                on_text=Callback::new(move |t: String| edit(&|r| r.delay.text = t.clone()))
                on_unit=Callback::new(move |u: Unit| edit(&|r| r.delay.unit = u))
            />
            <ReplyTextField list=list index=index text=text />
            <RepeatChoice path=repeat_path name=every_name every=repeat_every choose=choose_repeat />
            <Show when=move || repeat_every.get()>
                <DurationField
                    path=list.row(index, ReplyField::RepeatInterval)
                    label=Msg::RepeatInterval
                    help=None
                    usual=&INTERVAL_UNITS
                    text=interval_text
                    unit=interval_unit
                    on_text=Callback::new(move |t: String| edit(&|r| r.interval.text = t.clone()))
                    on_unit=Callback::new(move |u: Unit| edit(&|r| r.interval.unit = u))
                />
            </Show>
        </li>
    }
}

/// «Текст сообщения» of a row, with its counter.
#[component]
fn ReplyTextField(list: ReplyList, index: usize, text: Memo<String>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let path = list.row(index, ReplyField::Text);
    let counter_id = format!("{}-count", path.control_id());
    view! {
        <Field
            id=path.control_id()
            label=state.tr.t(Msg::ReplyText)
            error=error_of(state, path)
            described=vec![counter_id.clone()]
            let:control
        >
            <textarea
                id=control.id
                class="textarea"
                rows="3"
                aria-invalid=control.invalid
                aria-describedby=control.described_by
                prop:value=text
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    state
                        .form
                        .update(|f| {
                            if let Some(r) = list.rows_mut(f).get_mut(index) {
                                r.text = t;
                            }
                        });
                    state.clear_error(path);
                }
            ></textarea>
            <TextCounter id=counter_id text=text.into() />
        </Field>
    }
}

/// «Периодичность»: once, or every interval. The anchor of the row's `repeat.type`, which
/// also shows the interval's errors while the row repeats once (and so has no interval).
#[component]
fn RepeatChoice(path: FieldPath, name: String, every: Memo<bool>, choose: Callback<bool>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    // The anchor of its errors: a refused save takes the focus to it.
    view! {
        <RadioGroup
            name=name
            legend=tr.t(Msg::ReplyRepeat)
            choices=vec![Choice::new(tr.t(Msg::RepeatOnce)), Choice::new(tr.t(Msg::RepeatEvery))]
            selected=Signal::derive(move || usize::from(every.get()))
            on_choose=Callback::new(move |place: usize| choose.run(place == 1))
            id=path.control_id()
            error=error_of(state, path)
        />
    }
}

/// «N / 250», counted exactly as the contract counts: code points after trimming.
#[component]
pub fn TextCounter(id: String, text: Signal<String>) -> impl IntoView {
    let used = move || text.with(|t| text_len(t));
    view! {
        <p class="counter" id=id class:counter--over={move || used() > TEXT_MAX_CHARS} aria-live="polite">
            {move || format!("{} / {TEXT_MAX_CHARS}", used())}
        </p>
    }
}
