//! The settings model and the rules of the screens, in pure Rust (native tests).

use max_channel_contract::ChannelState;

use crate::i18n::Msg;

/// How a channel's state reads on its badge, and the badge's tone (a CSS modifier).
pub fn state_badge(state: &ChannelState) -> (Msg, &'static str) {
    match state {
        ChannelState::NotConnected => (Msg::StateNotConnected, "neutral"),
        ChannelState::TokenAuthorized => (Msg::StateTokenAuthorized, "info"),
        ChannelState::Connected => (Msg::StateConnected, "success"),
        ChannelState::Error => (Msg::StateError, "danger"),
        ChannelState::Other(_) => (Msg::StateUnknown, "neutral"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_distinct_badge() {
        let labels: std::collections::HashSet<_> =
            ChannelState::KNOWN.iter().map(|s| state_badge(s).0).collect();
        assert_eq!(labels.len(), ChannelState::KNOWN.len());
        assert_eq!(state_badge(&ChannelState::Connected).0, Msg::StateConnected);
        assert_eq!(state_badge(&ChannelState::Other("paused".into())).0, Msg::StateUnknown);
    }
}
