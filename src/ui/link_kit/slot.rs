//! Where the link kit stands on «О канале». With the `split` feature its code is a module of
//! its own (split point `link_kit`, decision 79): it leaves the first load and is fetched as
//! «О канале» opens for a connected channel. Meanwhile the card's heading and a line say it
//! is coming; a failed download says so with «Повторить» — never a panic.

use leptos::prelude::*;

/// The bot the kit is for, handed to the kit's module.
#[derive(Clone)]
pub struct KitBot {
    pub username: String,
    pub bot_name: String,
}

#[component]
pub fn LinkKitSlot(username: String, bot_name: String) -> impl IntoView {
    provide_context(KitBot { username, bot_name });
    #[cfg(not(feature = "split"))]
    return view! { <KitOfContext /> };
    #[cfg(feature = "split")]
    view! { <crate::ui::split::SplitCard words=KIT_WORDS load=|| Box::pin(points::link_kit()) /> }
}

/// The link kit's card while its module comes, or when it cannot.
#[cfg(feature = "split")]
const KIT_WORDS: crate::ui::split::CardWords = crate::ui::split::CardWords {
    class: "link-kit",
    title_id: "link-kit-title",
    focus: "#link-kit-title",
    title: crate::i18n::Msg::LinkKitTitle,
    loading: crate::i18n::Msg::LinkKitLead,
    failed: crate::i18n::Msg::LinkKitLoadFailed,
};

/// The kit for the bot of the context.
#[component]
fn KitOfContext() -> impl IntoView {
    let bot = expect_context::<KitBot>();
    view! { <super::LinkKit username=bot.username bot_name=bot.bot_name /> }
}

#[cfg(feature = "split")]
mod points {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(link_kit, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn link_kit() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::KitOfContext /> }.into_any())
    }
}
