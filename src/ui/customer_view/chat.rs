//! The chat: a list of messages with their moments (a screen reader reads it as a list,
//! not as pictures). Items are keyed by their moment, so a keystroke in one auto-reply
//! rebuilds only that reply's messages.

use leptos::prelude::*;

use super::FormView;
use crate::domain::schedule_text::at_text;
use crate::domain::timeline::{Event, Moment, Situation};
use crate::domain::when::after_text;
use crate::domain::FallbackKind;
use crate::i18n::{count, Msg, Tr};
use crate::ui::schedule::ScheduleInfo;

/// Who speaks, as the item's modifier class.
fn kind(event: &Event) -> &'static str {
    match event {
        Event::CustomerWrites => "customer",
        Event::AutoReply { .. } | Event::ClosingMessage { .. } => "bot",
        Event::OperatorAnswers => "operator",
        Event::MoreRepeats { .. } => "fold",
        _ => "system",
    }
}

/// The chat-bot that takes the dialog in a situation, by name.
fn chat_bot_line(state: FormView, situation: Situation) -> String {
    let tr = state.tr;
    let id = state.form.with(|f| match situation {
        Situation::NonWorking => f.non_working.chat_bot_id.clone(),
        _ => f.routing.chat_bot_id.clone(),
    });
    let name = state.chat_bots.with_value(|bots| bots.iter().find(|b| b.id == id).map(|b| b.name.clone()));
    match name {
        Some(name) => tr.f(Msg::EventChatBot, &[("name", &name)]),
        None => tr.t(Msg::EventChatBotUnchosen).to_owned(),
    }
}

fn text_or_placeholder(tr: Tr, text: &str) -> String {
    match text.trim().is_empty() {
        true => tr.t(Msg::EmptyText).to_owned(),
        false => text.to_owned(),
    }
}

#[component]
pub fn Chat(moments: Memo<Vec<Moment>>, situation: RwSignal<Situation>) -> impl IntoView {
    let state = expect_context::<FormView>();
    let tr = state.tr;
    let bot = state.bot_name;
    view! {
        <ol class="chat" id="customer-chat" aria-label=tr.t(Msg::ChatLabel)>
            <For each=move || moments.get() key=Moment::clone let:moment>
                <ChatItem moment=moment bot=bot situation=situation />
            </For>
        </ol>
    }
}

#[component]
fn ChatItem(moment: Moment, bot: Memo<String>, situation: RwSignal<Situation>) -> impl IntoView {
    let state = expect_context::<FormView>();
    let schedule = expect_context::<ScheduleInfo>();
    let tr = state.tr;
    let when = match moment.event {
        Event::CustomerWrites => "0:00".to_owned(),
        _ => after_text(tr.0, moment.at_seconds),
    };
    let speaker = moment.event.clone();
    let who = move || -> Option<String> {
        match &speaker {
            Event::CustomerWrites => Some(tr.t(Msg::SenderCustomer).to_owned()),
            Event::OperatorAnswers => Some(tr.t(Msg::SenderOperator).to_owned()),
            Event::AutoReply { repeat: 0, .. } | Event::ClosingMessage { .. } => Some(bot.get()),
            Event::AutoReply { repeat, .. } => {
                let nth = tr.f(Msg::RepeatNth, &[("n", &repeat.to_string())]);
                Some(format!("{} · {nth}", bot.get()))
            }
            _ => None,
        }
    };
    // A closure: the chat-bot's line follows the form's choice of chat-bot and fallback,
    // which do not change the moment (the item's key).
    let event = moment.event.clone();
    let text = move || match &event {
        Event::CustomerWrites => tr.t(Msg::CustomerSample).to_owned(),
        Event::OperatorAnswers => tr.t(Msg::OperatorSample).to_owned(),
        Event::AutoReply { text, .. } | Event::ClosingMessage { text } => text_or_placeholder(tr, text),
        Event::MoreRepeats { count: n, .. } => tr.f(Msg::MoreRepeats, &[("count", &count(tr.0, Msg::UnitRepeat, *n))]),
        Event::ChatBotTakes { fallback } => {
            let mut line = chat_bot_line(state, situation.get());
            let fallback_kind = state.form.with(|f| f.routing.fallback);
            if let (true, Some(kind)) = (*fallback, fallback_kind) {
                let msg = match kind {
                    FallbackKind::Employee => Msg::EventFallbackEmployee,
                    FallbackKind::Group => Msg::EventFallbackGroup,
                };
                line = format!("{line}. {}", tr.t(msg));
            }
            line
        }
        Event::NoAnswer => tr.t(Msg::EventNoAnswer).to_owned(),
        Event::WorkingTimeResumes => {
            let when = schedule.reading.with_untracked(|r| {
                let r = r.as_ref()?;
                Some(at_text(tr.0, r.stretch?.resume?, r.today))
            });
            tr.f(Msg::EventResumes, &[("when", &when.unwrap_or_default())])
        }
        Event::OperatorCloses => tr.t(Msg::EventOperatorCloses).to_owned(),
        Event::AutoClose => tr.t(Msg::EventAutoClose).to_owned(),
    };
    view! {
        <li class=format!("chat__item chat__item--{}", kind(&moment.event))>
            <span class="chat__when">{when}</span>
            {move || who().map(|who| view! { <span class="chat__who">{who}</span> })}
            <p class="chat__text">{text}</p>
        </li>
    }
}
