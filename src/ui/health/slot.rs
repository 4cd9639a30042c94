//! Where «Работа канала» stands on a page. With the `split` feature the card's code is a
//! module of its own (split point `health`): it leaves the first load and comes while the
//! page's health is asked for anyway. Meanwhile the slot shows what the card shows while it
//! loads (same box, no jump); a failed download says so with «Повторить» — never a panic.

use leptos::prelude::*;

#[cfg(feature = "split")]
use crate::i18n::Msg;

/// What «Заменить токен» does where the card is shown, for the card's module.
#[derive(Clone, Copy)]
pub struct CardCure(pub Callback<()>);

/// «Работа канала» while its module comes, or when it cannot.
#[cfg(feature = "split")]
const CARD_WORDS: crate::ui::split::CardWords = crate::ui::split::CardWords {
    class: "health",
    title_id: "health-title",
    focus: "#health-title",
    title: Msg::HealthTitle,
    loading: Msg::HealthLoading,
    failed: Msg::HealthLoadFailed,
};

/// The card. `on_replace_token` is what «Заменить токен» does where the card is shown.
#[component]
pub fn HealthCard(#[prop(into)] on_replace_token: Callback<()>) -> impl IntoView {
    provide_context(CardCure(on_replace_token));
    #[cfg(not(feature = "split"))]
    return view! { <super::card::HealthCardBody /> };
    #[cfg(feature = "split")]
    view! { <crate::ui::split::SplitCard words=CARD_WORDS load=|| Box::pin(points::health_card()) /> }
}

#[cfg(feature = "split")]
mod points {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(health, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn health_card() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::super::card::HealthCardBody /> }.into_any())
    }
}
