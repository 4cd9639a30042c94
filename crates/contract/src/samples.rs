//! Sample data shared by the dev back end and preview mode, so both show the same account:
//! the channel catalogue, groups with every distribution rule, chat-bots, saved settings.

use crate::types::*;

/// «Группы каналов» with the Max tile in `max_state`. It includes a kind this version of
/// the app does not know (`ok_ru`), which must be shown as «Скоро».
pub fn channel_groups(max_state: ChannelState) -> ChannelGroups {
    let tile = |kind: &str, title: &str, state: ChannelState, available: bool| ChannelTile {
        kind: ChannelKind::from(kind),
        title: title.into(),
        state,
        available,
        icon_url: None,
    };
    let off = || ChannelState::NotConnected;
    let group = |id: &str, title: &str, channels| ChannelGroup {
        id: id.into(),
        title: title.into(),
        channels,
    };
    ChannelGroups {
        groups: vec![
            group(
                "messengers",
                "Мессенджеры",
                vec![
                    tile("max", "Max", max_state, true),
                    tile("telegram", "Telegram", off(), false),
                    tile("whatsapp", "WhatsApp", off(), false),
                ],
            ),
            group(
                "social",
                "Социальные сети",
                vec![
                    tile("vk", "ВКонтакте", off(), false),
                    tile("avito", "Авито", off(), false),
                    tile("ok_ru", "Одноклассники", off(), true),
                ],
            ),
            group(
                "site",
                "Сайт и приложения",
                vec![
                    tile("web_widget", "Онлайн-чат на сайте", off(), false),
                    tile("mobile_sdk", "Мобильное приложение", off(), false),
                ],
            ),
        ],
    }
}

/// Groups: every distribution rule of the contract, and one it does not name.
pub fn groups() -> Vec<Group> {
    let group = |id: &str, name: &str, members, distribution: &str| Group {
        id: id.into(),
        name: name.into(),
        members,
        distribution: Distribution::from(distribution),
    };
    vec![
        group("g-sales", "Отдел продаж", 12, "round_robin"),
        group("g-support", "Техподдержка", 5, "all_at_once"),
        group("g-logistics", "Логистика и доставка", 4, "in_order"),
        group("g-callcenter", "Контакт-центр", 28, "least_busy"),
        group("g-vip", "VIP-клиенты", 3, "skills_based"),
    ]
}

pub fn chat_bots() -> Vec<ChatBot> {
    let bot = |id: &str, name: &str| ChatBot {
        id: id.into(),
        name: name.into(),
    };
    vec![
        bot("b-faq", "Бот — частые вопросы"),
        bot("b-night", "Ночной бот"),
        bot("b-orders", "Статус заказа"),
    ]
}

/// The settings of the contract's example.
pub fn settings() -> Settings {
    let reply = |delay_seconds, text: &str, repeat| AutoReply {
        delay_seconds,
        text: text.into(),
        repeat,
    };
    Settings {
        routing: Routing::Group {
            group_id: "g-sales".into(),
        },
        auto_replies: vec![
            reply(0, "Здравствуйте! Мы получили ваше сообщение.", Repeat::Once),
            reply(
                120,
                "Все операторы заняты, ответим в течение 5 минут.",
                Repeat::Every {
                    interval_seconds: 300,
                },
            ),
        ],
        closing_message: ClosingMessage {
            enabled: true,
            text: "Спасибо за обращение! Оцените, пожалуйста, нашу работу.".into(),
        },
        non_working_hours: NonWorkingHours::AutoReplies {
            auto_replies: vec![reply(0, "Сейчас мы не работаем. Ответим утром с 9:00.", Repeat::Once)],
        },
        auto_close: AutoClose {
            enabled: true,
            after_minutes: 1440,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::validate_settings;

    #[test]
    fn samples_are_valid_and_complete() {
        assert!(validate_settings(&settings(), true).is_empty());
        for rule in Distribution::KNOWN {
            assert!(groups().iter().any(|g| &g.distribution == rule), "{rule}");
        }
        assert!(groups().iter().any(|g| !g.distribution.is_known()));
        let tiles = channel_groups(ChannelState::Connected);
        assert!(tiles.groups[0].channels.iter().any(|t| t.kind == ChannelKind::Max && t.state == ChannelState::Connected));
        assert!(tiles.groups.iter().flat_map(|g| &g.channels).any(|t| !t.kind.is_known()));
    }
}
