//! Where the link kit stands on «О канале». With the `split` feature its code is in the
//! module of «О канале»'s cards with «Откуда пишут клиенты» (split point `about_cards`,
//! decisions 79, 84), fetched as «О канале» opens. Meanwhile the card's heading and a line
//! say it is coming; a failed download says so with «Повторить» — never a panic.

use leptos::prelude::*;

/// What another card of the page («Откуда пишут клиенты») asks of the kit: show the link
/// with a label — fill «Метка источника» and take the focus there — or just show the kit.
/// Provided where the kit is on the page; its absence means there is no kit to point at.
#[derive(Clone, Copy)]
pub struct KitLabel(RwSignal<Option<String>>);

impl KitLabel {
    pub fn new() -> KitLabel {
        KitLabel(RwSignal::new(None))
    }

    /// «Ссылка с этой меткой»: the kit takes `label` (every time, the same one again too).
    pub fn fill(self, label: String) {
        self.0.set(Some(label));
    }

    /// The label asked for, for the kit to watch.
    pub fn asked(self) -> RwSignal<Option<String>> {
        self.0
    }

    /// The focus to the kit's heading (it is focusable: the card's `h2` has `tabindex=-1`).
    pub fn show(self) {
        use wasm_bindgen::JsCast;
        let heading = document().get_element_by_id("link-kit-title");
        if let Some(heading) = heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = heading.focus();
        }
    }
}

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
    view! { <crate::ui::split::SplitCard words=KIT_WORDS load=|| Box::pin(points::about_card(AboutCard::LinkKit)) /> }
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

/// The cards of «О канале» that are modules: one split point for both (`about_cards`), the
/// link kit and «Откуда пишут клиенты», which open on the same page. Two points cost the
/// first load ~1.4 KB more (the loader's line for each of 17 more chunks among it): every
/// split point cuts the code the others share into more chunks (decision 84).
#[cfg(feature = "split")]
#[derive(Clone, Copy)]
pub enum AboutCard {
    LinkKit,
    Sources,
}

#[cfg(feature = "split")]
pub use points::about_card;

#[cfg(feature = "split")]
mod points {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    use super::AboutCard;

    #[wasm_split(about_cards, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn about_card(card: AboutCard) -> Result<AnyView, SplitLoaderError> {
        Ok(match card {
            AboutCard::LinkKit => view! { <super::KitOfContext /> }.into_any(),
            AboutCard::Sources => view! { <crate::ui::sources::SourcesCard /> }.into_any(),
        })
    }
}
