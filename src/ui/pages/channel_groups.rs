//! «Группы каналов»: one section per group, tiles in the back end's order.

use leptos::prelude::*;
use max_channel_contract::{ChannelGroup, ChannelGroups, ChannelKind, ChannelTile};

use crate::i18n::{Msg, Tr};
use crate::ui::health::ChannelBadge;
use crate::ui::{owned, use_app, Button, ButtonKind, PageData, StateBadge};

#[component]
pub fn ChannelGroupsPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    crate::ui::set_page_title(tr, Msg::ChannelGroupsTitle);
    let api = app.api.clone();
    let refresh = crate::ui::use_reload();
    let groups = LocalResource::new(move || {
        refresh.track();
        let api = api.clone();
        owned(async move { api.channel_groups().await })
    });
    view! {
        <main class="page">
            <h1 class="page__title" tabindex="-1">
                {tr.t(Msg::ChannelGroupsTitle)}
            </h1>
            <p class="page__lead">{tr.t(Msg::ChannelGroupsLead)}</p>
            <PageData
                data=groups
                loading=move || view! { <GroupsSkeleton tr=tr /> }
                ready=move |answer: ChannelGroups| {
                    if answer.groups.iter().all(|g| g.channels.is_empty()) {
                        // Groups with no channel say nothing; with none at all, say so.
                        view! { <NoChannels tr=tr on_refresh=move |_| groups.refetch() /> }
                            .into_any()
                    } else {
                        answer
                            .groups
                            .into_iter()
                            .filter(|group| !group.channels.is_empty())
                            .map(|group| view! { <GroupSection group=group /> })
                            .collect_view()
                            .into_any()
                    }
                }
            />
        </main>
    }
}

/// The empty state: an account with no channel at all.
#[component]
fn NoChannels(tr: Tr, #[prop(into)] on_refresh: Callback<()>) -> impl IntoView {
    view! {
        <section class="card empty-state" aria-labelledby="no-channels">
            <h2 class="card__title" id="no-channels">
                {tr.t(Msg::NoChannelsTitle)}
            </h2>
            <p>{tr.t(Msg::NoChannelsText)}</p>
            <Button kind=ButtonKind::Secondary on_press=on_refresh>
                {tr.t(Msg::Refresh)}
            </Button>
        </section>
    }
}

#[component]
fn GroupsSkeleton(tr: Tr) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label=tr.t(Msg::Loading)>
            {(0..3)
                .map(|_| {
                    view! {
                        <div class="skeleton__section">
                            <div class="skeleton__line"></div>
                            <div class="tiles">
                                <div class="tile tile--skeleton"></div>
                                <div class="tile tile--skeleton"></div>
                                <div class="tile tile--skeleton"></div>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn GroupSection(group: ChannelGroup) -> impl IntoView {
    let heading_id = format!("group-{}", group.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="group" aria-labelledby=labelled_by>
            <h2 class="group__title" id=heading_id>
                {group.title}
            </h2>
            <ul class="tiles">
                {group
                    .channels
                    .into_iter()
                    .map(|tile| {
                        view! {
                            <li>
                                <Tile tile=tile />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// A channel tile. Only channels this app configures open; the rest (unavailable, or of a
/// kind it does not know) read «Скоро» and are not links.
#[component]
fn Tile(tile: ChannelTile) -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    let opens = tile.available && tile.kind == ChannelKind::Max;
    let kind = tile.kind.to_string();
    let body = view! {
        // Decorative: the title says which channel it is.
        <img class="tile__icon" src=app.href(icon_src(&tile.kind)) alt="" width="40" height="40" />
        <span class="tile__title">{tile.title.clone()}</span>
        {if tile.kind == ChannelKind::Max {
            view! { <ChannelBadge state=tile.state.clone() reason=Signal::stored(tile.state_reason.clone()) /> }
                .into_any()
        } else {
            view! { <StateBadge state=tile.state.clone() tr=tr /> }.into_any()
        }}
    };
    if opens {
        view! {
            <a class="tile tile--link" href=app.href("/channels/max") data-kind=kind>
                {body}
            </a>
        }
        .into_any()
    } else {
        view! {
            <div class="tile tile--soon" aria-disabled="true" data-kind=kind>
                {body}
                <span class="tile__soon">{tr.t(Msg::Soon)}</span>
            </div>
        }
        .into_any()
    }
}

/// The icon of a channel kind: a file of the bundle (`public/icons/`), so the strict CSP's
/// `img-src 'self'` allows it. Its path in the bundle; the tile asks for it below the app's
/// base (`RuntimeConfig::href`), where the bundle's files lie (decision 83), so a bundle
/// built for `/dialogs/` needs nothing from the site root. A kind this version does not know gets
/// the neutral icon; the tile's `icon_url` from the back end is not used (another origin
/// would break the CSP).
pub fn icon_src(kind: &ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Max => "/public/icons/max.svg",
        ChannelKind::Telegram => "/public/icons/telegram.svg",
        ChannelKind::Whatsapp => "/public/icons/whatsapp.svg",
        ChannelKind::Vk => "/public/icons/vk.svg",
        ChannelKind::WebWidget => "/public/icons/web_widget.svg",
        ChannelKind::MobileSdk => "/public/icons/mobile_sdk.svg",
        ChannelKind::Avito => "/public/icons/avito.svg",
        ChannelKind::Other(_) => "/public/icons/channel.svg",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind has an icon file in `public/` (Trunk copies it to `dist/public/`), the
    /// known kinds each their own, an unknown kind the neutral one.
    #[test]
    fn every_kind_has_an_icon_file() {
        let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        let mut seen = std::collections::HashSet::new();
        for kind in ChannelKind::KNOWN.iter().chain([&ChannelKind::from("ok_ru")]) {
            let src = icon_src(kind);
            let file = public.join(src.strip_prefix("/public/").expect("below /public/"));
            assert!(file.is_file(), "{kind}: no {}", file.display());
            let svg = std::fs::read_to_string(&file).unwrap();
            assert!(svg.contains(r#"viewBox="0 0 40 40""#), "{kind}: viewBox");
            // Small, self-contained, inert: no script, no event handler, no link out.
            let without_namespace = svg.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
            assert!(svg.len() < 2_000, "{kind}: {} bytes", svg.len());
            assert!(
                !svg.contains("<script") && !svg.contains("href") && !without_namespace.contains("http"),
                "{kind}: {src}"
            );
            assert!(!svg.split_whitespace().any(|w| w.starts_with("on") && w.contains('=')), "{kind}: {src}");
            assert!(seen.insert(src) || !kind.is_known(), "{kind}: shares {src}");
        }
        assert_eq!(icon_src(&ChannelKind::from("instagram")), "/public/icons/channel.svg");
    }
}
