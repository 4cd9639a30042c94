//! End to end, the settings form: a first connection, a 422 from the server landing on its
//! control, a 412 with nothing lost, disconnect and reconnect with only a new token.

use fantoccini::key::Key;
use fantoccini::Locator;
use max_channel_contract::*;

use crate::support::controls::*;
use crate::support::{eventually, fault, E2e, Options, PATIENCE};

/// Fills the whole form the way the first-connection story goes.
pub(crate) async fn fill_first_connection(e2e: &E2e) {
    // Token → «Проверить» → «Токен авторизован» with the bot.
    e2e.type_into(&control(FieldPath::Token), "  shop-token-7Qa1  ").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;
    e2e.wait_for_text(".token-valid .bot__username", "@").await;

    // An employee found by typing part of a surname among 10 000.
    e2e.type_into(&control(FieldPath::RoutingEmployee), "кузнецова ан").await;
    e2e.wait_for_text(&part(FieldPath::RoutingEmployee, "list"), "Кузнецова Анна").await;
    let input = e2e.find(&control(FieldPath::RoutingEmployee)).await;
    input.send_keys(&Key::Down.to_string()).await.unwrap();
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    let chosen = e2e.value_of(&control(FieldPath::RoutingEmployee)).await;
    assert!(chosen.starts_with("Кузнецова Анна"), "{chosen}");

    // Two auto-replies.
    e2e.click(&part(FieldPath::Replies(ReplyList::Working), "add")).await;
    e2e.type_into(&control(reply(0, ReplyField::Text)), "Здравствуйте! Мы получили ваше сообщение.").await;
    e2e.click(&part(FieldPath::Replies(ReplyList::Working), "add")).await;
    e2e.type_into(&control(reply(1, ReplyField::Delay)), "2").await;
    e2e.select(&part(reply(1, ReplyField::Delay), "unit"), "min").await;
    e2e.type_into(&control(reply(1, ReplyField::Text)), "Все операторы заняты, ответим в течение 5 минут.").await;
    e2e.wait_for_text(&part(reply(1, ReplyField::Text), "count"), "48 / 250").await;

    // The closing message.
    e2e.click("label[for=closing-enabled]").await;
    e2e.type_into(&control(FieldPath::ClosingText), "Спасибо за обращение!").await;

    // Non-working hours: auto-replies.
    e2e.click("label[for=nwh-replies]").await;
    e2e.type_into(
        &control(ReplyList::NonWorking.row(0, ReplyField::Text)),
        "Сейчас мы не работаем. Ответим утром с 9:00.",
    )
    .await;

    // Auto-close after 1 day.
    e2e.click("label[for=auto-close-enabled]").await;
    e2e.select("#auto-close-preset", "1440").await;
}

fn expected_settings(employee_id: &str) -> Settings {
    let reply = |delay_seconds, text: &str| AutoReply { delay_seconds, text: text.into(), repeat: Repeat::Once };
    Settings {
        routing: Routing::Employee { employee_id: employee_id.into() },
        auto_replies: vec![
            reply(0, "Здравствуйте! Мы получили ваше сообщение."),
            reply(120, "Все операторы заняты, ответим в течение 5 минут."),
        ],
        closing_message: ClosingMessage { enabled: true, text: "Спасибо за обращение!".into() },
        non_working_hours: NonWorkingHours::AutoReplies {
            auto_replies: vec![reply(0, "Сейчас мы не работаем. Ответим утром с 9:00.")],
        },
        auto_close: AutoClose { enabled: true, after_minutes: 1440 },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_connection_end_to_end() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    fill_first_connection(&e2e).await;

    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    e2e.wait_for_text(".about__state .badge", "Подключён").await;

    let stored = e2e.server().state.fake().account().settings.clone().expect("saved");
    let employee_id = match &stored.settings.routing {
        Routing::Employee { employee_id } => employee_id.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(stored.settings, expected_settings(&employee_id));
    assert_eq!(
        e2e.server().state.fake().account().token.as_deref().map(token_hint).as_deref(),
        Some("…7Qa1"),
        "the token was trimmed"
    );
    let puts = e2e.requests_of("putMaxSettings");
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].if_none_match.as_deref(), Some("*"), "a first save creates");

    // A reload shows exactly what was saved.
    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text(".token-stored", "…7Qa1").await;
    e2e.wait_for_text(".token-stored", "@").await;
    eventually(PATIENCE, "the saved employee's name never showed", || async {
        e2e.value_of(&control(FieldPath::RoutingEmployee)).await.starts_with("Кузнецова Анна")
    })
    .await;
    assert_eq!(e2e.value_of(&control(reply(1, ReplyField::Delay))).await, "2");
    assert_eq!(e2e.value_of(&part(reply(1, ReplyField::Delay), "unit")).await, "min");
    assert_eq!(
        e2e.value_of(&control(reply(1, ReplyField::Text))).await,
        "Все операторы заняты, ответим в течение 5 минут."
    );
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Спасибо за обращение!");
    assert_eq!(
        e2e.value_of(&control(ReplyList::NonWorking.row(0, ReplyField::Text))).await,
        "Сейчас мы не работаем. Ответим утром с 9:00."
    );
    assert_eq!(e2e.value_of("#auto-close-preset").await, "1440");

    e2e.open("/channels").await;
    e2e.wait_for_text("[data-kind=max] .badge", "Подключён").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_refusals_send_nothing_and_a_422_lands_on_its_control() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    // Nothing filled: refused here, nothing sent, focus on the first bad control.
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(&error(FieldPath::Token), "Вставьте токен из MAX.").await;
    assert_eq!(e2e.find(&control(FieldPath::Token)).await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    // The focus follows a moment later (WebKit first gives it to the pressed button).
    e2e.wait_for_focus(&control(FieldPath::Token)).await;
    e2e.wait_for_text(&error(FieldPath::RoutingEmployee), "Выберите сотрудника.").await;

    fill_first_connection(&e2e).await;
    assert!(e2e.requests_of("putMaxSettings").is_empty(), "a refused save sends nothing");

    // The server refuses one text: it lands on exactly that control.
    e2e.server().state.controls().add_fault(fault(serde_json::json!({
        "operation": "putMaxSettings", "status": 422,
        "body": {"error": {"code": "validation_failed", "message": "Проверьте выделенные поля.",
            "fields": [{"path": "auto_replies[1].text", "code": "too_long", "message": "Не больше 250 символов."}]}}
    })));
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(&error(reply(1, ReplyField::Text)), "Не больше 250 символов.").await;
    assert_eq!(
        e2e.find(&control(reply(1, ReplyField::Text))).await.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    e2e.wait_for_focus(&control(reply(1, ReplyField::Text))).await;
    // Nothing typed was lost.
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Спасибо за обращение!");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conflict_loses_nothing_and_disconnect_keeps_the_settings() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    fill_first_connection(&e2e).await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;

    // Another user, in a second browser, saves meanwhile.
    let other = e2e.second_browser().await;
    other.open("/channels/max/settings").await;
    other.type_into(&control(FieldPath::ClosingText), "Их прощание").await;
    other.click("button[type=submit]").await;
    other.find(".save-outcome [role=status]").await;
    other.close().await;
    assert_eq!(
        e2e.server().state.fake().account().settings.clone().unwrap().settings.closing_message.text,
        "Их прощание"
    );
    e2e.type_into(&control(FieldPath::ClosingText), "Моё новое прощание").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=alert]", "настройки сохранил другой пользователь").await;
    assert_eq!(e2e.value_of(&control(FieldPath::ClosingText)).await, "Моё новое прощание", "nothing typed is lost");
    // Keep editing: the next save overwrites on their version.
    assert_eq!(e2e.text_content(".save-outcome #conflict-keep").await, "Продолжить редактирование");
    e2e.click(".save-outcome #conflict-keep").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    let saved = e2e.server().state.fake().account().settings.clone().unwrap();
    assert_eq!(saved.settings.closing_message.text, "Моё новое прощание");

    // Disconnect: a dialog names the bot, what its customers meet, what to take off the
    // site and what is kept; its buttons say what they do. Then not connected, token gone,
    // settings kept.
    let bot = e2e.server().state.fake().account().bot.clone().and_then(|bot| bot.username).expect("a bot");
    e2e.click(".button--danger-outline").await;
    let words = e2e.wait_for_text("#disconnect-dialog", "никто не получит").await;
    for part in [
        format!("Бот @{bot} останется в MAX, но сообщения, которые ему напишут клиенты, никто не получит"),
        "пока канал не подключат снова".to_owned(),
        "Уберите ссылку на бота и QR-код с сайта.".to_owned(),
        "Токен будет удалён, остальные настройки сохранятся.".to_owned(),
    ] {
        assert!(words.contains(&part), "«{part}» in {words}");
    }
    assert_eq!(e2e.text_content("#disconnect-dialog .button--danger").await, "Отключить канал");
    assert_eq!(e2e.text_content("#disconnect-dialog .button--secondary").await, "Не отключать");
    e2e.click("#disconnect-dialog .button--danger").await;
    e2e.wait_for_text(".about__state .badge", "Не подключён").await;
    assert!(e2e.server().state.fake().account().token.is_none());
    assert_eq!(e2e.server().state.fake().account().settings.as_ref().unwrap().settings, saved.settings);

    // Reconnecting needs only a new token.
    e2e.type_into(&control(FieldPath::Token), "second-token-9999").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    e2e.wait_for_text(".about__state .badge", "Подключён").await;
    assert_eq!(e2e.server().state.fake().account().token.as_deref().map(token_hint).as_deref(), Some("…9999"));
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_routing_shows_the_distribution_rule_and_chat_bot_needs_a_fallback() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    e2e.type_into(&control(FieldPath::Token), "group-token-1").await;

    e2e.click("label:has(#routing-group)").await;
    e2e.select(&control(FieldPath::RoutingGroup), "g-support").await;
    e2e.wait_for_text("#distribution", "Всем одновременно").await;
    e2e.wait_for_text("#distribution", "5 сотрудников в группе").await;
    let link = e2e.find("#distribution a").await;
    assert!(link.text().await.unwrap().starts_with("настраивается в Личном кабинете ВАТС"));
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://lk.mango-office.ru/vpbx/groups"));
    e2e.select(&control(FieldPath::RoutingGroup), "g-vip").await;
    e2e.wait_for_text("#distribution", "skills_based").await; // an unknown rule is shown as is

    // Chat-bot: the fallback is required.
    e2e.click("label:has(#routing-chat_bot)").await;
    e2e.select(&control(FieldPath::RoutingChatBot), "b-faq").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(&error(FieldPath::Fallback), "на случай недоступности чат-бота").await;
    e2e.click("label:has(#fallback-group)").await;
    e2e.select(&control(FieldPath::FallbackGroup), "g-sales").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    assert_eq!(
        e2e.server().state.fake().account().settings.clone().unwrap().settings.routing,
        Routing::ChatBot { chat_bot_id: "b-faq".into(), fallback: Some(Target::Group { group_id: "g-sales".into() }) }
    );
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_bot_choices_are_disabled_without_the_service() {
    let e2e = E2e::start_with(Options { chat_bots_service: false, ..Default::default() }).await;
    e2e.open("/channels/max/settings").await;
    let routing_bot = e2e.find("#routing-chat_bot").await;
    assert_eq!(routing_bot.attr("disabled").await.unwrap().as_deref(), Some("true"));
    let nwh_bot = e2e.find("#nwh-chat-bot").await;
    assert_eq!(nwh_bot.attr("disabled").await.unwrap().as_deref(), Some("true"));
    e2e.wait_for_text("#chat-bots-off", "Подключите услугу «Чат-боты»").await;
    e2e.wait_for_text("#nwh-chat-bots-off", "Подключите услугу «Чат-боты»").await;
    let described =
        e2e.find(&control(FieldPath::RoutingType)).await.attr("aria-describedby").await.unwrap().unwrap_or_default();
    assert!(described.contains("chat-bots-off"), "the reason is tied to the choice: {described}");
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_token_outcome_has_its_message_and_a_double_click_saves_once() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    let outcomes = [
        ("revoked-abc", "MAX не принял токен"),
        ("down-abc", "Сервис MAX сейчас недоступен"),
        ("busy-abc", "Слишком много попыток. Повторите через"),
        ("a b", "без пробелов"),
    ];
    for (token, message) in outcomes {
        e2e.type_into(&control(FieldPath::Token), token).await;
        e2e.click("#token-check").await;
        let where_ = if token == "a b" { &error(FieldPath::Token) } else { "#token-check-error" };
        e2e.wait_for_text(where_, message).await;
    }
    // The check's network failure is its own message.
    e2e.server().state.controls().add_fault(fault(serde_json::json!({
        "operation": "verifyMaxToken", "status": 502, "raw": "<html>Bad Gateway</html>"
    })));
    e2e.type_into(&control(FieldPath::Token), "good-token-1").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text("#token-check-error", "Сервер ответил неожиданно").await;
    e2e.click("#token-check").await;
    e2e.wait_for_text(".token-valid", "Токен авторизован").await;
    // Editing the token drops the badge.
    e2e.find(&control(FieldPath::Token)).await.send_keys("x").await.unwrap();
    assert!(e2e.browser.find(Locator::Css(".token-valid")).await.is_err());

    // A double click on «Сохранить» sends one request.
    e2e.click("label:has(#routing-group)").await;
    e2e.select(&control(FieldPath::RoutingGroup), "g-sales").await;
    e2e.server().state.controls().add_fault(fault(serde_json::json!({
        "operation": "putMaxSettings", "delay_ms": 500
    })));
    let save = e2e.find_centered("button[type=submit]").await;
    save.click().await.unwrap();
    save.click().await.unwrap();
    e2e.wait_for_text(".save-outcome [role=status]", "Канал MAX успешно настроен").await;
    assert_eq!(e2e.requests_of("putMaxSettings").len(), 1);
    e2e.finish().await;
}

mod leaving;
