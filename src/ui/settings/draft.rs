//! Draft recovery: what was typed and not saved is kept in sessionStorage (never the token:
//! the form state has no token in it) and offered back after a reload or a session expiry.

use leptos::prelude::*;
use max_channel_contract::json::{from_json_str, to_json_string};
use max_channel_contract::{from_json_struct, from_json_unit_enum, to_json_struct, to_json_unit_enum};

use super::FormState;
use crate::domain::{
    AutoCloseForm, DurationInput, FallbackKind, NonWorkingForm, ReplyForm, RoutingForm, RoutingKind, SettingsForm, Unit,
};
use crate::i18n::Msg;
use crate::ui::{Answer, ChoiceAlert};

/// The sessionStorage key without an account.
pub const KEY: &str = "max-channel:draft";

/// The sessionStorage key of `account`'s draft (the host's `account_id`): one account's
/// unsaved changes are never offered in another's.
pub fn key_for(account: Option<&str>) -> String {
    match account {
        Some(account) => format!("{KEY}:{account}"),
        None => KEY.to_owned(),
    }
}

/// A draft: the form and the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub base_version: Option<String>,
    pub form: SettingsForm,
}

// Written and read back with the contract's small JSON writer and reader (the wasm carries
// no serde, decision 65); the field lists are the storage format.
from_json_unit_enum!(Unit { Seconds, Minutes, Hours, Days });
from_json_unit_enum!(RoutingKind { Employee, Group, ChatBot });
from_json_unit_enum!(FallbackKind { Employee, Group });
to_json_unit_enum!(Unit { Seconds, Minutes, Hours, Days });
to_json_unit_enum!(RoutingKind { Employee, Group, ChatBot });
to_json_unit_enum!(FallbackKind { Employee, Group });
macro_rules! both_ways {
    ($($body:tt)*) => {
        from_json_struct! { $($body)* }
        to_json_struct! { $($body)* }
    };
}
both_ways! {
    Draft { base_version, form }
    SettingsForm { routing, replies, closing_enabled, closing_text, non_working, auto_close }
    RoutingForm { kind, employee_id, group_id, chat_bot_id, fallback, fallback_employee_id, fallback_group_id }
    ReplyForm { delay, text, repeat_every, interval }
    DurationInput { text, unit }
    NonWorkingForm { chat_bot_on, chat_bot_id, replies_on, replies }
    AutoCloseForm { enabled, preset, custom }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn read(key: &str) -> Option<Draft> {
    let text = storage()?.get_item(key).ok()??;
    from_json_str(&text).ok()
}

pub fn write(key: &str, draft: &Draft) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, &to_json_string(draft));
    }
}

pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Keeps the draft in step with the form, and offers back a draft left by a reload or an
/// expired session when it differs from what was loaded.
#[component]
pub fn DraftOffer() -> impl IntoView {
    let state = expect_context::<FormState>();
    let tr = state.tr;
    let key = state.draft_key;
    let offer = RwSignal::new(key.with_value(|key| read(key)).filter(|d| state.form.with_untracked(|f| &d.form != f)));
    Effect::new(move |_| {
        let dirty = state.is_dirty();
        if offer.with(Option::is_some) {
            return; // keep the old draft until the person decides
        }
        if dirty {
            let draft = Draft { base_version: state.version.get_untracked(), form: state.form.get() };
            key.with_value(|key| write(key, &draft));
        } else {
            key.with_value(|key| clear(key));
        }
    });
    let settle = move |restore: Option<Draft>| {
        match restore {
            Some(draft) => {
                state.form.set(draft.form);
                state.version.set(draft.base_version);
            }
            None => key.with_value(|key| clear(key)),
        }
        offer.set(None);
        crate::ui::focus::keep_focus_in_page("main h1");
    };
    move || {
        offer.get().map(|draft| {
            let draft = StoredValue::new(draft);
            view! {
                <ChoiceAlert
                    id="draft-offer"
                    first=Answer {
                        id: "draft-restore",
                        label: tr.t(Msg::DraftRestore).to_owned(),
                        on_press: Callback::new(move |()| settle(Some(draft.get_value()))),
                    }
                    second=Answer {
                        id: "draft-discard",
                        label: tr.t(Msg::DraftDiscard).to_owned(),
                        on_press: Callback::new(move |()| settle(None)),
                    }
                >
                    <strong>{tr.t(Msg::DraftOffer)}</strong>
                    " "
                    {tr.t(Msg::DraftText)}
                </ChoiceAlert>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_fake::samples;

    #[test]
    fn each_account_keeps_its_own_draft() {
        assert_eq!(key_for(None), "max-channel:draft");
        assert_eq!(key_for(Some("lk-4021")), "max-channel:draft:lk-4021");
        assert_ne!(key_for(Some("a")), key_for(Some("b")));
    }

    fn round_trips(draft: &Draft) -> Result<Draft, String> {
        let text = to_json_string(draft);
        if text.contains("token") {
            return Err(format!("a token in {text}"));
        }
        from_json_str::<Draft>(&text).map_err(|e| format!("{e}: {text}"))
    }

    #[test]
    fn a_draft_round_trips_and_holds_no_token() {
        let draft = Draft { base_version: Some("7".into()), form: SettingsForm::from_settings(&samples::settings()) };
        assert_eq!(round_trips(&draft), Ok(draft));
    }

    #[test]
    fn every_unit_and_routing_kind_round_trips() {
        let mut form = SettingsForm::default();
        form.routing.fallback = Some(FallbackKind::Group);
        form.replies.push(ReplyForm { text: "«Ждём» 👍\n\"q\"".into(), ..ReplyForm::default() });
        form.auto_close.preset = None;
        for (kind, unit) in [
            (RoutingKind::Employee, Unit::Seconds),
            (RoutingKind::Group, Unit::Minutes),
            (RoutingKind::ChatBot, Unit::Hours),
            (RoutingKind::ChatBot, Unit::Days),
        ] {
            form.routing.kind = kind;
            form.auto_close.custom.unit = unit;
            let draft = Draft { base_version: None, form: form.clone() };
            assert_eq!(round_trips(&draft), Ok(draft));
        }
        // What an older or foreign value in the storage gives: no draft, not a panic.
        assert!(from_json_str::<Draft>(r#"{"base_version":null,"form":{}}"#).is_err());
        assert!(from_json_str::<Unit>(r#""Weeks""#).is_err());
    }

    // Proptest is a native dev-dependency: the property test runs natively, not in the browser.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use max_channel_contract::arbitrary::any_settings;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]
            #[test]
            fn any_settings_as_a_form_round_trip_through_the_storage(settings in any_settings()) {
                let draft = Draft { base_version: Some("v".into()), form: SettingsForm::from_settings(&settings) };
                prop_assert_eq!(round_trips(&draft), Ok(draft));
            }
        }
    }
}
