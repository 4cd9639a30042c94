//! «Группы каналов»: one section per group, tiles in the back end's order.

use leptos::prelude::*;
use max_channel_contract::{ChannelGroup, ChannelKind, ChannelTile};

use crate::embed;
use crate::i18n::{Msg, Tr};
use crate::ui::{use_app, use_page_api, ErrorPanel, StateBadge};

#[component]
pub fn ChannelGroupsPage() -> impl IntoView {
    let app = use_app();
    let tr = app.tr;
    let api = use_page_api();
    let refresh = app.refresh;
    let groups = LocalResource::new(move || {
        refresh.track();
        let api = api.clone();
        async move {
            let answer = api.channel_groups().await;
            if let Some(max) = answer.iter().flat_map(|a| &a.groups).flat_map(|g| &g.channels).find(|t| t.kind == ChannelKind::Max) {
                embed::report_state(&max.state);
            }
            answer
        }
    });
    view! {
        <main class="page">
            <h1 class="page__title" tabindex="-1">{tr.t(Msg::ChannelGroupsTitle)}</h1>
            <p class="page__lead">{tr.t(Msg::ChannelGroupsLead)}</p>
            <Suspense fallback=move || view! { <GroupsSkeleton tr=tr /> }>
                {move || Suspend::new(async move {
                    match groups.await {
                        Ok(answer) => answer
                            .groups
                            .into_iter()
                            .map(|group| view! { <GroupSection group=group /> })
                            .collect_view()
                            .into_any(),
                        Err(error) => view! {
                            <ErrorPanel error=error tr=tr on_retry=move |_| groups.refetch() />
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn GroupsSkeleton(tr: Tr) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label=tr.t(Msg::Loading)>
            {(0..3).map(|_| view! {
                <div class="skeleton__section">
                    <div class="skeleton__line"></div>
                    <div class="tiles">
                        <div class="tile tile--skeleton"></div>
                        <div class="tile tile--skeleton"></div>
                        <div class="tile tile--skeleton"></div>
                    </div>
                </div>
            }).collect_view()}
        </div>
    }
}

#[component]
fn GroupSection(group: ChannelGroup) -> impl IntoView {
    let heading_id = format!("group-{}", group.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="group" aria-labelledby=labelled_by>
            <h2 class="group__title" id=heading_id>{group.title}</h2>
            <ul class="tiles">
                {group.channels.into_iter().map(|tile| view! { <li><Tile tile=tile /></li> }).collect_view()}
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
    let initial: String = tile.title.chars().take(1).collect();
    let body = view! {
        <span class="tile__icon" aria-hidden="true">{initial}</span>
        <span class="tile__title">{tile.title.clone()}</span>
        <StateBadge state=tile.state.clone() tr=tr />
    };
    if opens {
        view! {
            <a class="tile tile--link" href=app.href("/channels/max") data-kind=kind>{body}</a>
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
