//! Where «Откуда пишут клиенты» stands on «О канале». With the `split` feature its code is
//! in the module of «О канале»'s cards (split point `about_cards`, with the link kit): it
//! leaves the first load and comes as the page opens. For a channel that is set up the card's heading and a line say it is coming
//! and a failed download offers «Повторить»; for one that is not, the card may not belong
//! on the page at all (only a channel connected before has counts), so nothing shows until
//! the back end answers with them — never a heading that then vanishes.

use leptos::prelude::*;

#[cfg(feature = "split")]
use crate::ui::link_kit::{about_card, AboutCard};

/// Whether the card waits quietly: `true` where the channel is not set up now, so the card
/// shows only if the back end has counts from an earlier connection.
#[derive(Clone, Copy)]
pub struct Quiet(pub bool);

#[component]
pub fn SourcesSlot(quiet: bool) -> impl IntoView {
    provide_context(Quiet(quiet));
    #[cfg(not(feature = "split"))]
    return view! { <super::SourcesCard /> };
    #[cfg(feature = "split")]
    view! { <crate::ui::split::SplitCard words=WORDS quiet=quiet load=|| Box::pin(about_card(AboutCard::Sources)) /> }
}

/// The card while its module comes, or when it cannot.
#[cfg(feature = "split")]
const WORDS: crate::ui::split::CardWords = crate::ui::split::CardWords {
    class: "sources",
    title_id: "sources-title",
    focus: "#sources-title",
    title: crate::i18n::Msg::SourcesTitle,
    loading: crate::i18n::Msg::SourcesLead,
    failed: crate::i18n::Msg::SourcesLoadFailed,
};
