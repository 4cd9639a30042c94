//! `/preview/gallery`: the flow's states side by side, each a live page in two frames (390
//! and 1 440 px wide, drawn smaller) with a link to its own address, as a designer's board
//! of states. Frames load as they scroll into view (`loading=lazy`), so the page stays
//! usable with dozens of them. Not a route of its own: the not-found fallback shows it, so
//! the production build's router carries nothing of it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use max_channel_contract::Operation;

use super::labels::summary;
use crate::api::demo::{DemoFault, FaultRule, FaultTarget, Preset, Scenario, WeekMoment};
use crate::i18n::{Msg, Tr};
use crate::ui::{pages::NotFoundPage, set_page_title, use_app};

/// The page a state is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Groups,
    About,
    Settings,
    History,
}

impl Page {
    fn path(self) -> &'static str {
        match self {
            Page::Groups => "/channels",
            Page::About => "/channels/max",
            Page::Settings => "/channels/max/settings",
            Page::History => "/channels/max/history",
        }
    }

    fn title(self) -> Msg {
        match self {
            Page::Groups => Msg::ChannelGroupsTitle,
            Page::About => Msg::AboutTitle,
            Page::Settings => Msg::SettingsTitle,
            Page::History => Msg::HistoryTitle,
        }
    }
}

/// The two widths every state is drawn at.
pub const WIDTHS: [u32; 2] = [390, 1440];

fn on(data: Preset) -> Scenario {
    Scenario { data, chrome: false, ..Scenario::default() }
}

fn failing(data: Preset, fault: DemoFault, op: Option<Operation>) -> Scenario {
    let on = op.map_or(FaultTarget::Every, FaultTarget::Only);
    Scenario { fault: Some(FaultRule { fault, on, once: false }), ..self::on(data) }
}

/// Every account on «О канале», the other pages in their main states, each page's load
/// failing, «Проверка связи» open (received, nobody writing, its two calls failing),
/// loading held, a fixed clock on both sides of working hours, and English.
pub fn states() -> Vec<(Page, Scenario)> {
    use Operation::*;
    use Preset::*;
    let mut states: Vec<(Page, Scenario)> = Preset::ALL.map(|p| (Page::About, on(p))).into();
    let at = |weekday, minute| Scenario { clock: Some(WeekMoment { weekday, minute }), ..on(Connected) };
    states.extend([
        (Page::Groups, on(NotConnected)),
        (Page::Groups, on(Connected)),
        (Page::Settings, on(NotConnected)),
        (Page::Settings, on(Connected)),
        (Page::Settings, on(TokenRevoked)),
        (Page::Settings, at(0, 10 * 60)),
        (Page::Settings, at(5, 19 * 60 + 30)),
        (Page::History, on(Connected)),
        (Page::History, on(LongHistory)),
        (Page::Groups, failing(Connected, DemoFault::Internal, None)),
        (Page::About, failing(Connected, DemoFault::Unauthorized, None)),
        (Page::About, failing(Connected, DemoFault::Network, None)),
        (Page::About, failing(Connected, DemoFault::BadGateway, Some(GetMaxHealth))),
        (Page::About, failing(Sources, DemoFault::Internal, Some(GetMaxSources))),
        (Page::Settings, failing(Connected, DemoFault::Internal, Some(GetMaxSettings))),
        (Page::History, failing(LongHistory, DemoFault::Timeout, Some(ListMaxSettingsHistory))),
        (Page::About, Scenario { check: true, ..on(DeliveryReceived) }),
        (Page::About, Scenario { check: true, ..on(DeliveryExpires) }),
        (
            Page::About,
            Scenario { check: true, ..failing(Connected, DemoFault::RateLimited, Some(StartMaxDeliveryTest)) },
        ),
        (
            Page::About,
            Scenario { check: true, ..failing(DeliveryReceived, DemoFault::Internal, Some(GetMaxDeliveryTest)) },
        ),
        (Page::About, Scenario { hold: true, ..on(Connected) }),
        (Page::Settings, Scenario { hold: true, ..on(Connected) }),
        (Page::About, Scenario { english: true, ..on(Connected) }),
    ]);
    states
}

/// «О канале · Канал подключён · 500 — ошибка сервера при загрузке настроек»: the page, then
/// the panel's own summary of the state, and English where it is on.
fn state_name(tr: Tr, page: Page, scenario: &Scenario) -> String {
    let name = format!("{} · {}", tr.t(page.title()), summary(tr, scenario));
    if scenario.english {
        format!("{name} · English")
    } else {
        name
    }
}

/// The router's fallback in preview mode: the gallery at `/gallery`, else «Страница не найдена».
pub fn not_found_or_gallery() -> AnyView {
    if use_location().pathname.get_untracked().trim_end_matches('/').ends_with("/gallery") {
        view! { <GalleryPage /> }.into_any()
    } else {
        view! { <NotFoundPage /> }.into_any()
    }
}

#[component]
fn GalleryPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    set_page_title(tr, Msg::GalleryTitle);
    let cards = states()
        .into_iter()
        .enumerate()
        .map(|(i, (page, scenario))| {
            let name = state_name(tr, page, &scenario);
            let frame = format!("{}?{}", app.href(page.path()), scenario.to_query());
            let open = format!("{}?{}", app.href(page.path()), Scenario { chrome: true, ..scenario }.to_query());
            view! { <GalleryState index=i name=name frame=frame open=open /> }
        })
        .collect_view();
    view! {
        <main class="page gallery" id="main">
            <h1>{tr.t(Msg::GalleryTitle)}</h1>
            <p class="page__lead">{tr.t(Msg::GalleryLead)}</p>
            <ul class="gallery__states">{cards}</ul>
        </main>
    }
}

#[component]
fn GalleryState(index: usize, name: String, frame: String, open: String) -> impl IntoView {
    let tr: Tr = use_app().tr;
    let heading = format!("gallery-state-{index}");
    let frames = WIDTHS
        .map(|width| {
            let title = tr.f(Msg::GalleryFrame, &[("state", &name), ("width", &width.to_string())]);
            view! {
                <div class=format!(
                    "gallery__window gallery__window--{width}",
                )>
                    {view! { <iframe class="gallery__frame" src=frame.clone() title=title data-width=width></iframe> }
                        .attr("loading", "lazy")}
                </div>
            }
        })
        .collect_view();
    view! {
        <li class="gallery__state">
            <h2 class="gallery__name" id=heading>
                {name}
            </h2>
            // A page load of its own (`rel=external`): the state is read when preview mode starts.
            <a class="gallery__open" href=open rel="external">
                {tr.t(Msg::GalleryOpen)}
            </a>
            <div class="gallery__frames" inert>
                {frames}
            </div>
        </li>
    }
}
