//! Sample data of the one fake account, so the dev back end and preview mode show the same:
//! the channel catalogue, groups with every distribution rule, chat-bots, saved settings.

use max_channel_contract::*;

/// «Группы каналов» with the Max tile in `max_state`, and with state `error` its
/// `max_reason` (1.2). It includes a kind this version of the app does not know (`ok_ru`),
/// which must be shown as «Скоро».
pub fn channel_groups(max_state: ChannelState, max_reason: Option<StateReason>) -> ChannelGroups {
    let max_reason = max_reason.filter(|_| max_state == ChannelState::Error);
    let tile = |kind: &str, title: &str, state: ChannelState, available: bool| ChannelTile {
        kind: ChannelKind::from(kind),
        title: title.into(),
        state,
        available,
        icon_url: None,
        state_reason: None,
    };
    let off = || ChannelState::NotConnected;
    let group = |id: &str, title: &str, channels| ChannelGroup { id: id.into(), title: title.into(), channels };
    ChannelGroups {
        groups: vec![
            group(
                "messengers",
                "Мессенджеры",
                vec![
                    ChannelTile { state_reason: max_reason, ..tile("max", "MAX", max_state, true) },
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
    let bot = |id: &str, name: &str| ChatBot { id: id.into(), name: name.into() };
    vec![bot("b-faq", "Бот — частые вопросы"), bot("b-night", "Ночной бот"), bot("b-orders", "Статус заказа")]
}

/// The settings of the contract's example.
pub fn settings() -> Settings {
    let reply = |delay_seconds, text: &str, repeat| AutoReply { delay_seconds, text: text.into(), repeat };
    Settings {
        routing: Routing::Group { group_id: "g-sales".into() },
        auto_replies: vec![
            reply(0, "Здравствуйте! Мы получили ваше сообщение.", Repeat::Once),
            reply(120, "Все операторы заняты, ответим в течение 5 минут.", Repeat::Every { interval_seconds: 300 }),
        ],
        closing_message: ClosingMessage {
            enabled: true,
            text: "Спасибо за обращение! Оцените, пожалуйста, нашу работу.".into(),
        },
        non_working_hours: NonWorkingHours::AutoReplies {
            auto_replies: vec![reply(0, "Сейчас мы не работаем. Ответим утром с 9:00.", Repeat::Once)],
        },
        auto_close: AutoClose { enabled: true, after_minutes: 1440 },
    }
}

fn interval(from: &str, to: &str) -> TimeInterval {
    TimeInterval { from: from.into(), to: to.into() }
}

fn exception(date: &str, title: &str, intervals: Vec<TimeInterval>) -> ScheduleException {
    ScheduleException { date: date.into(), title: Some(title.into()), intervals }
}

/// The account's work schedule, as in the contract's example: Moscow, a lunch break
/// Monday to Thursday, a short Friday, the weekend off, two New Year exceptions.
pub fn schedule() -> WorkSchedule {
    let long = || vec![interval("09:00", "13:00"), interval("14:00", "18:00")];
    WorkSchedule {
        timezone: "Europe/Moscow".into(),
        week: vec![long(), long(), long(), long(), vec![interval("09:00", "17:00")], vec![], vec![]],
        exceptions: vec![
            exception("2026-12-31", "Предпраздничный день", vec![interval("09:00", "15:00")]),
            exception("2027-01-01", "Новый год", vec![]),
        ],
        settings_url: Some("https://lk.mango-office.ru/vpbx/schedule".into()),
    }
}

/// A schedule in another zone (seven hours ahead of Moscow), open till midnight on
/// weekdays and on Saturday morning.
pub fn schedule_vladivostok() -> WorkSchedule {
    let weekday = || vec![interval("08:00", "24:00")];
    WorkSchedule {
        timezone: "Asia/Vladivostok".into(),
        week: vec![weekday(), weekday(), weekday(), weekday(), weekday(), vec![interval("10:00", "14:00")], vec![]],
        exceptions: vec![exception("2027-01-01", "Новый год", vec![])],
        settings_url: Some("https://lk.mango-office.ru/vpbx/schedule".into()),
    }
}

/// Round the clock, every day.
pub fn schedule_always_open() -> WorkSchedule {
    WorkSchedule {
        timezone: "Europe/Moscow".into(),
        week: vec![vec![interval("00:00", "24:00")]; 7],
        exceptions: vec![],
        settings_url: Some("https://lk.mango-office.ru/vpbx/schedule".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use max_channel_contract::validate_settings;

    #[test]
    fn samples_are_valid_and_complete() {
        assert!(validate_settings(&settings(), true).is_empty());
        for schedule in [schedule(), schedule_vladivostok(), schedule_always_open()] {
            assert_eq!(check_schedule(&schedule), vec![], "{}", schedule.timezone);
        }
        for rule in Distribution::KNOWN {
            assert!(groups().iter().any(|g| &g.distribution == rule), "{rule}");
        }
        assert!(groups().iter().any(|g| !g.distribution.is_known()));
        let tiles = channel_groups(ChannelState::Connected, None);
        assert!(tiles.groups[0]
            .channels
            .iter()
            .any(|t| t.kind == ChannelKind::Max && t.state == ChannelState::Connected));
        assert!(tiles.groups.iter().flat_map(|g| &g.channels).any(|t| !t.kind.is_known()));
    }
}
