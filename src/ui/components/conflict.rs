//! The conflict banner: someone else saved meanwhile.

use leptos::prelude::*;

use super::{Answer, ChoiceAlert};
use crate::i18n::{Msg, Tr};

/// Someone else saved: load their version, or keep editing and overwrite it on save.
#[component]
pub fn ConflictBanner(
    tr: Tr,
    /// «Загрузить их версию».
    #[prop(into)]
    on_load: Callback<()>,
    /// «Продолжить редактирование».
    #[prop(into)]
    on_keep: Callback<()>,
) -> impl IntoView {
    view! {
        <ChoiceAlert
            first=Answer {
                id: "conflict-load",
                label: tr.t(Msg::ConflictLoad).to_owned(),
                on_press: on_load,
            }
            second=Answer {
                id: "conflict-keep",
                label: tr.t(Msg::ConflictKeep).to_owned(),
                on_press: on_keep,
            }
        >
            {tr.t(Msg::ConflictText)}
        </ChoiceAlert>
    }
}
