//! What the channel pages derive from the contract: badges, prices, links.

use max_channel_contract::{BotInfo, ChannelState, Money, StateReason};

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

/// Whether the channel has saved settings to edit: «Изменить настройки» rather than
/// «Настроить и подключить».
pub fn is_set_up(state: &ChannelState) -> bool {
    matches!(state, ChannelState::Connected | ChannelState::Error)
}

/// How a sentence names the company's bot: by its address in MAX («@romashka_bot»), which
/// a person can look up, or else by its name. `None` when the channel knows no bot.
pub fn bot_handle(bot: Option<&BotInfo>) -> Option<String> {
    let bot = bot?;
    Some(bot.username.as_ref().map_or_else(|| bot.first_name.clone(), |username| format!("@{username}")))
}

/// Why a channel needs attention, in words.
pub fn state_reason_msg(reason: &StateReason) -> Msg {
    match reason {
        StateReason::TokenRevoked => Msg::ReasonTokenRevoked,
        StateReason::BotBlocked => Msg::ReasonBotBlocked,
        StateReason::MaxUnavailable => Msg::ReasonMaxUnavailable,
        StateReason::SubscriptionLost => Msg::ReasonSubscriptionLost,
        StateReason::Other(_) => Msg::ReasonUnknown,
    }
}

/// A reason as a tile says it under its badge: a few words that fit a tile at 360 px
/// («Обращения не поступают»); the full sentence with its cure is on «О канале».
pub fn tile_reason(reason: Msg) -> Msg {
    match reason {
        // The card's own words where it has them.
        Msg::ReasonTokenRevoked => Msg::HealthTokenRefused,
        Msg::ReasonBotBlocked => Msg::HealthTokenBotBlocked,
        Msg::ReasonMaxUnavailable => Msg::TileReasonMaxSilent,
        Msg::ReasonSubscriptionLost | Msg::ReasonDeliveryFailing => Msg::HealthFailing,
        Msg::ReasonSubscriptionWrongUrl => Msg::TileReasonElsewhere,
        _ => Msg::ReasonUnknown,
    }
}

/// Money the Russian way: «1 500 ₽», «500 ₽», «1 500,50 ₽», with non-breaking spaces
/// between thousands and before the sign, so a price never breaks across lines.
pub fn format_money(money: &Money) -> String {
    const NBSP: char = '\u{a0}';
    let whole = money.amount_minor / 100;
    let minor = money.amount_minor % 100;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(NBSP);
        }
        grouped.push(digit);
    }
    if minor != 0 {
        grouped.push_str(&format!(",{minor:02}"));
    }
    let sign = match money.currency.as_str() {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        other => other,
    };
    format!("{grouped}{NBSP}{sign}")
}

/// A URL from the back end that may become a link: only `http:` and `https:`. Anything
/// else (`javascript:`, `data:`, relative paths) is shown as text, never as a link.
pub fn safe_link(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_distinct_badge() {
        let labels: std::collections::HashSet<_> = ChannelState::KNOWN.iter().map(|s| state_badge(s).0).collect();
        assert_eq!(labels.len(), ChannelState::KNOWN.len());
        assert_eq!(state_badge(&ChannelState::Connected).0, Msg::StateConnected);
        assert_eq!(state_badge(&ChannelState::Other("paused".into())).0, Msg::StateUnknown);
    }

    #[test]
    fn a_bot_is_named_by_its_address_or_else_its_name() {
        let bot = |username: Option<&str>| BotInfo {
            user_id: 7,
            first_name: "Магазин «Ромашка»".into(),
            username: username.map(Into::into),
            avatar_url: None,
        };
        assert_eq!(bot_handle(Some(&bot(Some("romashka_bot")))).as_deref(), Some("@romashka_bot"));
        assert_eq!(bot_handle(Some(&bot(None))).as_deref(), Some("Магазин «Ромашка»"));
        assert_eq!(bot_handle(None), None);
    }

    #[test]
    fn set_up_states() {
        assert!(is_set_up(&ChannelState::Connected));
        assert!(is_set_up(&ChannelState::Error));
        assert!(!is_set_up(&ChannelState::NotConnected));
        assert!(!is_set_up(&ChannelState::TokenAuthorized));
    }

    #[test]
    fn russian_money() {
        let rub = |minor| format_money(&Money { amount_minor: minor, currency: "RUB".into() });
        assert_eq!(rub(50_000), "500\u{a0}₽");
        assert_eq!(rub(150_000), "1\u{a0}500\u{a0}₽");
        assert_eq!(rub(150_050), "1\u{a0}500,50\u{a0}₽");
        assert_eq!(rub(12_345_678_900), "123\u{a0}456\u{a0}789\u{a0}₽");
        assert_eq!(rub(0), "0\u{a0}₽");
        assert_eq!(rub(5), "0,05\u{a0}₽");
        let kzt = format_money(&Money { amount_minor: 100_000, currency: "KZT".into() });
        assert_eq!(kzt, "1\u{a0}000\u{a0}KZT");
    }

    #[test]
    fn a_tile_says_every_reason_in_a_few_words() {
        use crate::i18n::Locale;
        let table = [
            (StateReason::TokenRevoked, "MAX не принимает токен"),
            (StateReason::BotBlocked, "MAX заблокировал бота"),
            (StateReason::MaxUnavailable, "MAX не отвечает"),
            (StateReason::SubscriptionLost, "Обращения из MAX не поступают"),
            (StateReason::Other("new".into()), "Проверьте настройки канала."),
        ];
        for (reason, words) in table {
            assert_eq!(tile_reason(state_reason_msg(&reason)).text(Locale::Ru), words, "{reason:?}");
        }
        assert_eq!(tile_reason(Msg::ReasonSubscriptionWrongUrl).text(Locale::Ru), "Обращения уходят в другую систему");
        assert_eq!(tile_reason(Msg::ReasonDeliveryFailing).text(Locale::Ru), "Обращения из MAX не поступают");
    }

    #[test]
    fn only_web_links_become_links() {
        assert_eq!(safe_link("https://www.mango-office.ru/x"), Some("https://www.mango-office.ru/x"));
        assert_eq!(safe_link(" HTTP://lk.example/x "), Some("HTTP://lk.example/x"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(document.domain)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "/relative",
            "https://ex ample.com",
            "https://a\u{0}b",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }
}
