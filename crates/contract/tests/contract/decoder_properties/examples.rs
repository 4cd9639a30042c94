//! The real examples: the spec's, with their types, and a few more built from them so that every type and variant has one.

use super::*;

pub(super) fn spec_example(pointer: &str) -> Value {
    let spec = common::spec();
    let at = format!("{pointer}/content/application~1json/example");
    spec.pointer(&at).unwrap_or_else(|| panic!("no example at {at}")).clone()
}

/// The spec's examples with their types, and a few more built from them and from the
/// samples written out here, so that every type and every variant of every enum has one.
pub(super) fn examples() -> &'static [(Dto, Value)] {
    static EXAMPLES: OnceLock<Vec<(Dto, Value)>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let settings_get = spec_example("/paths/~1channels~1max~1settings/get/responses/200");
        let put_422 = spec_example("/paths/~1channels~1max~1settings/put/responses/422");
        let chat_bot_settings = json!({
            "routing": {"type": "chat_bot", "chat_bot_id": "b-faq", "fallback": {"type": "employee", "employee_id": "e-101"}},
            "auto_replies": [{"delay_seconds": 30, "text": "Ждите ответа 👍\nСкоро будем.", "repeat": {"type": "every", "interval_seconds": 600}}],
            "closing_message": {"enabled": false, "text": ""},
            "non_working_hours": {"mode": "chat_bot", "chat_bot_id": "b-night"},
            "auto_close": {"enabled": false, "after_minutes": 43200}
        });
        let off_settings = json!({
            "routing": {"type": "chat_bot", "chat_bot_id": "b-faq", "fallback": {"type": "group", "group_id": "g-sales"}},
            "auto_replies": [],
            "closing_message": {"enabled": true, "text": "Спасибо!"},
            "non_working_hours": {"mode": "off"},
            "auto_close": {"enabled": true, "after_minutes": 5}
        });
        let mut out = vec![
            (Dto::ChannelGroups, spec_example("/paths/~1channel-groups/get/responses/200")),
            (
                Dto::ChannelGroups,
                json!({"groups": [
                    {"id": "messengers", "title": "Мессенджеры", "channels": [
                        {"kind": "max", "title": "Max", "state": "error", "available": true, "state_reason": "bot_blocked"},
                        {"kind": "telegram", "title": "Telegram", "state": "not_connected", "available": false}
                    ]},
                    {"id": "social", "title": "Социальные сети", "channels": [
                        {"kind": "ok_ru", "title": "Одноклассники", "state": "token_authorized", "available": true, "icon_url": "/i.svg"}
                    ]}
                ]}),
            ),
            (
                Dto::ChannelGroups,
                json!({"groups": [{"id": "x", "title": "Иконки", "channels": [
                    {"kind": "max", "title": "Max", "state": "token_authorized", "available": true, "icon_url": "https://example.com/max.svg"}
                ]}]}),
            ),
            (Dto::MaxChannel, spec_example("/paths/~1channels~1max/get/responses/200")),
            (
                Dto::MaxChannel,
                json!({
                    "kind": "max", "title": "Max", "state": "error", "state_reason": "token_revoked",
                    "pricing": {"monthly_fee": {"amount_minor": 150000, "currency": "RUB"}},
                    "guide_url": "https://example.com/guide", "distribution_settings_url": null,
                    "non_working_hours_rules_url": null,
                    "bot": {"user_id": -1, "first_name": "Бот", "avatar_url": "https://example.com/a.png"},
                    "token_hint": "…x7Qa", "features": {"chat_bots_service": false}
                }),
            ),
            (
                Dto::TokenVerifyResponse,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/200"),
            ),
            (
                Dto::TokenVerifyRequest,
                spec_example("/paths/~1channels~1max~1token~1verify/post/requestBody"),
            ),
            (
                Dto::ErrorBody,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/422"),
            ),
            (
                Dto::ErrorBody,
                spec_example("/paths/~1channels~1max~1token~1verify/post/responses/502"),
            ),
            (Dto::ErrorBody, put_422.clone()),
            (Dto::VersionedSettings, settings_get.clone()),
            (Dto::VersionedSettings, json!({"version": "8", "settings": chat_bot_settings})),
            (Dto::VersionedSettings, json!({"version": "", "settings": off_settings.clone()})),
            (Dto::EmployeePage, spec_example("/paths/~1employees/get/responses/200")),
            (
                Dto::EmployeePage,
                json!({"items": [{"id": "e-1", "name": "Без номера"}], "next_cursor": null}),
            ),
            (Dto::GroupList, spec_example("/paths/~1groups/get/responses/200")),
            (
                Dto::GroupList,
                json!({"items": [
                    {"id": "g-sales", "name": "Отдел продаж", "members": 12, "distribution": "round_robin"},
                    {"id": "g-support", "name": "Техподдержка", "members": 5, "distribution": "all_at_once"},
                    {"id": "g-logistics", "name": "Логистика", "members": 4, "distribution": "in_order"},
                    {"id": "g-callcenter", "name": "Контакт-центр", "members": 28, "distribution": "least_busy"},
                    {"id": "g-vip", "name": "VIP", "members": 3, "distribution": "skills_based"}
                ]}),
            ),
            (Dto::ChatBotList, spec_example("/paths/~1chat-bots/get/responses/200")),
            (
                Dto::ConflictBody,
                json!({
                    "error": {"code": "version_conflict", "message": "Настройки уже изменены."},
                    "current": settings_get.clone()
                }),
            ),
            (
                Dto::ConflictBody,
                json!({"error": put_422["error"].clone(), "current": {"version": "9", "settings": chat_bot_settings}}),
            ),
            (
                Dto::SettingsWrite,
                json!({"token": "f9LHodD0cOIv2yHfW2Qv-x7Qa", "settings": settings_get["settings"].clone()}),
            ),
            (Dto::SettingsWrite, json!({"settings": chat_bot_settings.clone()})),
            (Dto::SettingsWrite, json!({"settings": off_settings.clone(), "restored_from": "7"})),
            (Dto::ChannelHealth, spec_example("/paths/~1channels~1max~1health/get/responses/200")),
            (
                Dto::ChannelHealth,
                json!({
                    "checked_at": "2026-12-01T10:00:00+03:00", "overall": "failing",
                    "token": {"status": "failing", "reason": "bot_blocked"},
                    "subscription": {"status": "wrong_url", "url": "https://bots.example.com/h", "update_types": ["message_created"],
                        "missing_types": ["bot_started", "message_callback"], "since": "2026-11-01T09:00:00+03:00"},
                    "delivery": {"last_inbound_at": null, "failing_since": null, "last_error": null}
                }),
            ),
            (
                Dto::ChannelHealth,
                json!({
                    "checked_at": "2026-12-05T10:00:00+03:00", "overall": "ok",
                    "token": {"status": "ok"},
                    "subscription": {"status": "active", "url": "https://bots.example.com/h",
                        "update_types": ["message_created", "bot_started", "message_callback"],
                        "missing_types": [], "since": "2026-12-01T09:00:00+03:00"},
                    "delivery": {"last_inbound_at": "2026-12-05T09:58:00+03:00", "failing_since": null, "last_error": null,
                        "last_outage": {"from": "2026-11-30T22:20:00+03:00", "to": "2026-12-01T10:05:00+03:00"}}
                }),
            ),
            (Dto::WorkSchedule, spec_example("/paths/~1schedule/get/responses/200")),
            (
                Dto::WorkSchedule,
                json!({"timezone": "Asia/Vladivostok", "week": [[{"from": "00:00", "to": "24:00"}], [], [], [], [], [], []],
                    "exceptions": [{"date": "2027-01-07", "intervals": []}]}),
            ),
            (Dto::HistoryPage, spec_example("/paths/~1channels~1max~1settings~1history/get/responses/200")),
            (
                Dto::HistoryPage,
                json!({"items": [
                    {"version": "3", "at": "2026-12-01T10:02:11+03:00", "actor": null, "event": "reconnected",
                        "token_replaced": true, "settings": chat_bot_settings},
                    {"version": "2", "at": "2026-11-30T10:02:11+03:00", "actor": {"id": "e-9", "name": "Бот"}, "event": "saved",
                        "token_replaced": false, "settings": off_settings.clone()}
                ], "next_cursor": null}),
            ),
            (
                Dto::HistoryPage,
                json!({"items": [
                    {"version": "5", "at": "2026-12-05T11:00:00+03:00", "actor": {"id": "e-101", "name": "Иванова Мария"},
                        "event": "restored", "token_replaced": false, "settings": off_settings, "restored_from": "2"}
                ], "next_cursor": "c-2"}),
            ),
            (Dto::DeliveryTest, spec_example("/paths/~1channels~1max~1delivery-tests/post/responses/201")),
            (Dto::DeliveryTest, spec_example("/paths/~1channels~1max~1delivery-tests~1{id}/get/responses/200")),
            (
                Dto::DeliveryTest,
                json!({
                    "id": "dt-2", "state": "received", "code": "check_A-1",
                    "link": "https://max.ru/romashka_shop_bot?start=check_A-1",
                    "created_at": "2026-12-05T10:00:00+03:00", "expires_at": "2026-12-05T10:10:00+03:00",
                    "received": {"at": "2026-12-05T10:03:00+03:00", "via": "message", "from_name": null},
                    "reply": {"state": "failed", "at": "2026-12-05T10:03:01+03:00", "error": "MAX не принял токен бота."}
                }),
            ),
            (
                Dto::DeliveryTest,
                json!({
                    "id": "dt-3", "state": "expired", "code": "C", "link": "https://max.ru/b?start=C",
                    "created_at": "2026-12-05T09:00:00Z", "expires_at": "2026-12-05T09:10:00Z",
                    "received": null, "reply": null
                }),
            ),
            (Dto::SourceStats, spec_example("/paths/~1channels~1max~1sources/get/responses/200")),
            (
                Dto::SourceStats,
                json!({"timezone": "Asia/Vladivostok", "from": "2026-11-29", "to": "2026-12-05", "total": 3, "items": [
                    {"label": null, "dialogs": 2, "by_day": [0, 0, 0, 0, 0, 1, 1]},
                    {"label": "qr_A-1", "dialogs": 1, "by_day": [1, 0, 0, 0, 0, 0, 0]}
                ]}),
            ),
            (
                Dto::SourceStats,
                json!({"timezone": "Europe/Moscow", "from": "2026-11-06", "to": "2026-12-05", "total": 0, "items": []}),
            ),
        ];
        // Every example decodes and re-encodes to itself: the mutations below rely on it.
        for (dto, example) in &mut out {
            let encoded = dto.decode(Input::Value(example)).unwrap_or_else(|e| panic!("{dto:?}: {e}\n{example}"));
            assert_eq!(&encoded, example, "{dto:?} example does not re-encode to itself");
        }
        out
    })
}
