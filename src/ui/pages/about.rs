//! «О канале» for Max: what it is, what it costs, how to connect it, where the guide is.

use leptos::prelude::*;
use max_channel_contract::MaxChannel;

use crate::domain::{format_money, is_set_up};
use crate::i18n::{count, Msg, Tr};
use crate::ui::health::{ChannelStateLine, HealthCard};
use crate::ui::link_kit::{KitLabel, LinkKitSlot};
use crate::ui::sources::SourcesSlot;
use crate::ui::{loading_text, owned, use_app, ExternalLink, PageData};

#[component]
pub fn AboutPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::AboutTitle);
    let api = app.api.clone();
    let refresh = crate::ui::use_reload();
    let channel = LocalResource::new(move || {
        refresh.track();
        let api = api.clone();
        owned(async move { api.max_channel().await })
    });
    view! {
        <main class="page">
            <a class="back-link" href=app.href("/channels")>
                {tr.t(Msg::ChannelGroupsTitle)}
            </a>
            <PageData
                loading=loading_text
                data=channel
                error_heading=Msg::AboutTitle
                ready=|channel: MaxChannel| view! { <AboutChannel channel=channel /> }
            />
        </main>
    }
}

#[component]
fn AboutChannel(channel: MaxChannel) -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    let set_up = is_set_up(&channel.state);
    let bot = channel.bot.as_ref().map(|bot| {
        let name = match &bot.username {
            Some(username) => format!("{} (@{username})", bot.first_name),
            None => bot.first_name.clone(),
        };
        tr.f(Msg::BotLabel, &[("name", &name)])
    });
    let price = tr.f(Msg::PricePerMonth, &[("price", &format_money(&channel.pricing.monthly_fee))]);
    let guide = channel.guide_url.clone();
    let kit = channel
        .bot
        .clone()
        .filter(|_| set_up)
        .and_then(|bot| bot.username.map(|username| (username, bot.first_name)))
        .filter(|(username, _)| crate::domain::bot_link(username, None).is_some());
    view! {
        <header class="about__header">
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::AboutTitle)}
                " "
                {channel.title.clone()}
            </h1>
            <ChannelStateLine state=channel.state.clone() reason=channel.state_reason.clone() />
            {bot.map(|text| view! { <p class="about__bot">{text}</p> })}
            <div class="actions">
                <a class="button button--primary" href=app.href("/channels/max/settings")>
                    {tr.t(if set_up { Msg::EditSettings } else { Msg::ConfigureAndConnect })}
                </a>
                <a class="button button--secondary" id="history-link" href=app.href("/channels/max/history")>
                    {tr.t(Msg::HistoryTitle)}
                </a>
                <GuideLink url=guide.clone() tr=tr class="button button--secondary" />
            </div>
        </header>
        {set_up
            .then(|| {
                let go = crate::ui::navigation::use_go();
                let replace_token = move |()| go.to("/channels/max/settings?token=replace");
                view! { <HealthCard on_replace_token=replace_token /> }
            })}
        {kit
            .map(|(username, bot_name)| {
                provide_context(KitLabel::new());
                view! { <LinkKitSlot username=username bot_name=bot_name /> }
            })}
        <SourcesSlot quiet=!set_up />
        <section class="card" aria-labelledby="about-what">
            <h2 id="about-what" class="card__title">
                {tr.t(Msg::AboutTitle)}
            </h2>
            <p>{tr.t(Msg::AboutText1)}</p>
            <p>{tr.t(Msg::AboutText2)}</p>
            <p>{tr.t(Msg::AboutText3)}</p>
        </section>
        <section class="card" aria-labelledby="about-price">
            <h2 id="about-price" class="card__title">
                {tr.t(Msg::PriceTitle)}
            </h2>
            <p class="price">{price}</p>
        </section>
        <section class="card" aria-labelledby="about-connect">
            <h2 id="about-connect" class="card__title">
                {tr.t(Msg::ConnectTitle)}
            </h2>
            <ConnectionSteps tr=tr done=set_up />
        </section>
        <section class="card" aria-labelledby="about-help">
            <h2 id="about-help" class="card__title">
                {tr.t(Msg::HelpTitle)}
            </h2>
            <p>{tr.t(Msg::HelpText)}</p>
            <GuideLink url=guide tr=tr class="link" />
        </section>
    }
}

/// The connection steps as a checklist with their durations; all ticked once connected.
#[component]
fn ConnectionSteps(tr: Tr, done: bool) -> impl IntoView {
    let minute = count(tr.0, Msg::UnitMinute, 1);
    let step = move |text: Msg, duration: Option<String>| {
        view! {
            <li class="checklist__item" data-done=done.to_string()>
                <span class="checklist__mark" aria-hidden="true"></span>
                <span class="checklist__text">{tr.t(text)}</span>
                {duration.map(|d| view! { <span class="checklist__duration">{d}</span> })}
                {done.then(|| view! { <span class="visually-hidden">" — " {tr.t(Msg::StepDone)}</span> })}
            </li>
        }
    };
    view! {
        <h3 class="stage__title">{tr.t(Msg::Stage1Title)}</h3>
        <ul class="checklist">{step(Msg::Stage1Item, None)}</ul>
        <p class="hint">{tr.t(Msg::Stage1Note)}</p>
        <h3 class="stage__title">{tr.t(Msg::Stage2Title)}</h3>
        <ul class="checklist">
            {step(Msg::Stage2Create, Some(tr.t(Msg::Stage2CreateDuration).to_owned()))}
            {step(Msg::Stage2Token, Some(minute.clone()))} {step(Msg::Stage2Paste, Some(minute))}
        </ul>
    }
}

/// «Посмотреть руководство» in a new tab.
#[component]
fn GuideLink(url: String, tr: Tr, class: &'static str) -> impl IntoView {
    view! { <ExternalLink url=url text=tr.t(Msg::GuideLink).to_owned() tr=tr class=class /> }
}
