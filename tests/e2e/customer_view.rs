//! «Как это увидит клиент» against the dev back end: the chat drawn from the form as it is
//! typed (no request while editing), the fold of many repeats, the four situations,
//! «Проверьте настройки» focusing its control without blocking the save, and the schedule
//! read in Asia/Vladivostok's own time. axe in every state.

use max_channel_contract::time::Date;
use max_channel_fake::samples;

use crate::a11y::Audit;
use crate::support::controls::*;
use crate::support::{eventually, waits, E2e, PATIENCE};

const TOKEN: &str = "customer-view-token-7Qp2";

/// The chat as «moment | who | text» lines.
async fn chat(e2e: &E2e) -> Vec<String> {
    e2e.strings("return Array.from(document.querySelectorAll('#customer-chat > li'), li => Array.from(li.children, c => c.textContent.trim()).join(' | '));")
        .await
}

/// Waits until the chat has `line`.
async fn has_line(e2e: &E2e, line: &str) {
    eventually(PATIENCE, &format!("the chat never said «{line}»"), || async {
        chat(e2e).await.iter().any(|l| l == line)
    })
    .await;
}

/// Every request the back end has seen.
fn requests(e2e: &E2e) -> usize {
    e2e.server().state.controls().requests().len()
}

/// Sets the back end's clock to `utc` (`YYYY-MM-DD`, hour, minute in UTC).
fn clock_at(e2e: &E2e, day: &str, hour: i64, minute: i64) {
    let target = Date::parse(day).expect("a date").days_since_epoch() * 86_400 + hour * 3600 + minute * 60;
    let state = &e2e.server().state;
    let mut fake = state.fake();
    let now = fake.now();
    fake.advance(target - now);
    state.persist(&fake).expect("persisted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chat_follows_the_form_as_it_is_typed_without_a_request() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    // 0 s once and 2 min every 5 min; auto-close after a day, the closing message on. No
    // token yet: the bot is «Ваш бот» until a token check names it.
    e2e.save_settings(samples::settings(), None);
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#customer-chat", "Все операторы заняты").await;
    let before = requests(&e2e);

    e2e.select("#auto-close-preset", "60").await;
    e2e.wait_for_text("#customer-chat", "Обращение завершено автоматически").await;
    let lines = chat(&e2e).await;
    let expected_start = [
        "0:00 | Клиент | Здравствуйте! Подскажите, пожалуйста, по заказу.",
        "сразу | Ваш бот | Здравствуйте! Мы получили ваше сообщение.",
        "через 2 минуты | Ваш бот | Все операторы заняты, ответим в течение 5 минут.",
        "через 7 минут | Ваш бот · повтор 1 | Все операторы заняты, ответим в течение 5 минут.",
    ];
    assert_eq!(lines[..4], expected_start, "{lines:#?}");
    // Twelve sendings before the hour is out: six shown, six folded; the last at 57 min.
    assert_eq!(lines[7], "через 27 минут | Ваш бот · повтор 5 | Все операторы заняты, ответим в течение 5 минут.");
    assert_eq!(lines[8], "через 57 минут | …и ещё 6 повторов");
    assert_eq!(lines[9], "через 1 час | Ваш бот | Спасибо за обращение! Оцените, пожалуйста, нашу работу.");
    assert_eq!(lines[10], "через 1 час | Обращение завершено автоматически");
    assert_eq!(lines.len(), 11, "{lines:#?}");

    // Typing into a reply redraws its messages at once.
    e2e.type_into(&control(reply(0, ReplyField::Text)), "Добрый день!").await;
    e2e.wait_for_text("#customer-chat > li:nth-child(2)", "Добрый день!").await;
    // The four situations.
    e2e.click("label[for=situation-operator-closed]").await;
    eventually(PATIENCE, "operator closed", || async {
        chat(&e2e).await
            == [
                "0:00 | Клиент | Здравствуйте! Подскажите, пожалуйста, по заказу.",
                "сразу | Оператор | Здравствуйте! Сейчас посмотрю.",
                "сразу | Оператор закрыл обращение",
                "сразу | Ваш бот | Спасибо за обращение! Оцените, пожалуйста, нашу работу.",
            ]
    })
    .await;
    e2e.click("label[for=situation-customer-silent]").await;
    e2e.wait_for_text("#customer-chat", "Обращение завершено автоматически").await;
    assert!(
        !e2e.text_content("#customer-chat").await.contains("Добрый день!"),
        "no auto-replies once an operator answered"
    );
    e2e.click("label[for=situation-non-working]").await;
    e2e.wait_for_text("#customer-chat", "Сейчас мы не работаем. Ответим утром с 9:00.").await;
    audit.check(&e2e, "customer view, non-working").await;
    // Nothing of it asked the back end anything: after the page's own next request has
    // come back, a request made while editing has reached the back end too.
    waits::round_trip(&e2e).await;
    // «Работа канала» refreshes on its own clock and when the window comes back into view
    // (WebKitGTK's window does, as the run focuses it): not editing's.
    let sent: Vec<String> = e2e.server().state.controls().requests()[before..]
        .iter()
        .filter(|r| r.operation.as_deref() != Some("getMaxHealth"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(sent.is_empty(), "editing sends no request; it sent {sent:?}");
    audit.assert_clean();
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_after_auto_close_is_a_warning_at_its_control_and_the_save_still_goes() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    e2e.save_settings(samples::settings(), Some(TOKEN));
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#customer-chat", "Все операторы заняты").await;
    e2e.select("#auto-close-preset", "60").await;
    e2e.type_into(&control(reply(0, ReplyField::Delay)), "2").await;
    e2e.select(&part(reply(0, ReplyField::Delay), "unit"), "h").await;
    let warning = e2e
        .wait_for_text(
            "#checks",
            "«Автоответ 1 — Через какое время отправить»: автоответ не придёт — обращение завершится раньше, через 1 час.",
        )
        .await;
    assert!(warning.contains("Проверьте настройки"), "{warning}");
    // The reply at 2 hours is not in the chat: the dialog closed at 1 hour. The stored
    // bot's name signs the messages.
    assert!(!e2e.text_content("#customer-chat").await.contains("Мы получили ваше сообщение"));
    assert!(chat(&e2e)
        .await
        .contains(&"через 2 минуты | Бот | Все операторы заняты, ответим в течение 5 минут.".to_owned()));
    audit.check(&e2e, "a warning").await;
    e2e.click("#checks button[data-control=f-auto_replies-0-delay_seconds]").await;
    eventually(PATIENCE, "the warning focuses its control", || async {
        e2e.js("return document.activeElement.id").await == reply(0, ReplyField::Delay).control_id()
    })
    .await;

    let puts = e2e.requests_of("putMaxSettings").len();
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    assert_eq!(e2e.requests_of("putMaxSettings").len() - puts, 1, "one PUT: a warning never blocks the save");
    let saved = e2e.server().state.fake().account().settings.clone().expect("saved");
    assert_eq!(saved.settings.auto_replies[0].delay_seconds, 7200);
    audit.assert_clean();
    e2e.finish().await;
}

/// The account's schedule becomes the sample one kept in Vladivostok's time (UTC+10).
fn use_vladivostoks_schedule(e2e: &E2e) {
    let state = &e2e.server().state;
    let mut fake = state.fake();
    fake.set_schedule(samples::schedule_vladivostok()).expect("a valid schedule");
    state.persist(&fake).expect("persisted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schedule_is_read_in_vladivostoks_own_time() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    e2e.save_settings(samples::settings(), None);
    use_vladivostoks_schedule(&e2e);
    // Sunday 6 December, 15:00 in Vladivostok (UTC+10): the day off.
    clock_at(&e2e, "2026-12-06", 5, 0);
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#schedule", "Рабочее время (владивостокское время, UTC+10)").await;
    assert_eq!(e2e.text_content("#schedule-week").await, "Пн–Пт 08:00–24:00 · Сб 10:00–14:00 · Вс — выходной");
    assert_eq!(e2e.text_content("#schedule-exceptions").await, "1 января — выходной (Новый год)");
    e2e.wait_for_text("#schedule-now", "Сейчас нерабочее время, до 08:00 понедельника").await;
    e2e.find("#schedule a[href='https://lk.mango-office.ru/vpbx/schedule']").await;
    // The non-working situation: the customer writes now; working time is 17 hours away.
    e2e.click("label[for=situation-non-working]").await;
    e2e.wait_for_text(
        "#customer-view-note",
        "Клиент пишет сейчас, в нерабочее время. Рабочее время начнётся в понедельник в 08:00.",
    )
    .await;
    has_line(&e2e, "через 17 часов | Начинается рабочее время (в понедельник в 08:00) — обращение получают операторы")
        .await;
    audit.check(&e2e, "schedule, Sunday").await;

    // Wednesday 9 December, 12:00 there: working until midnight.
    clock_at(&e2e, "2026-12-09", 2, 0);
    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("#schedule-now", "Сейчас рабочее время, до 24:00").await;
    e2e.click("label[for=situation-non-working]").await;
    e2e.wait_for_text(
        "#customer-view-note",
        "Клиент пишет в четверг в 00:00, в нерабочее время. Рабочее время начнётся в четверг в 08:00.",
    )
    .await;
    has_line(&e2e, "через 8 часов | Начинается рабочее время (в четверг в 08:00) — обращение получают операторы").await;
    audit.assert_clean();
    e2e.finish().await;
}

/// The value of the control `id`.
async fn value_of(e2e: &E2e, path: FieldPath) -> String {
    e2e.value_of(&control(path)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_night_warning_names_the_hours_and_the_fixes_are_unsaved_changes() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    e2e.save_settings(samples::settings(), Some(TOKEN));
    use_vladivostoks_schedule(&e2e);
    // Sunday 6 December, 15:00 in Vladivostok: the weekend from Saturday 14:00 to Monday
    // 08:00 is the longest time nobody answers; auto-close comes after 1 day.
    clock_at(&e2e, "2026-12-06", 5, 0);
    e2e.open("/channels/max/settings").await;
    let night = "«Автоматическое завершение диалогов»: обращение из нерабочего времени закроется через 1 день, а дольше всего никто не отвечает 1 день 18 часов: с 14:00 субботы до 08:00 понедельника.";
    e2e.wait_for_text("#checks", night).await;
    audit.check(&e2e, "the night warning and its fix").await;

    // Its fix: an ordinary unsaved change, the focus on what it changed.
    let fix = "#checks .checks__fix[data-control=f-auto_close-after_minutes]";
    e2e.wait_for_text(fix, "Закрывать через 2 дня").await;
    e2e.click(fix).await;
    eventually(PATIENCE, "the fix focuses the period", || async {
        e2e.js("return document.activeElement.id").await == FieldPath::AutoCloseAfter.control_id()
    })
    .await;
    assert_eq!(value_of(&e2e, FieldPath::AutoCloseAfter).await, "2");
    assert!(!e2e.text_content("#checks").await.contains("обращение из нерабочего времени"));
    // Every 5 minutes for the first day: 288 messages; the fix repeats every 2 hours.
    let repeats = "#checks .checks__fix[data-control=f-auto_replies-1-repeat-interval_seconds]";
    e2e.wait_for_text(repeats, "Повторять раз в 2 часа").await;
    e2e.click(repeats).await;
    eventually(PATIENCE, "the fix focuses the interval", || async {
        e2e.js("return document.activeElement.id").await == reply(1, ReplyField::RepeatInterval).control_id()
    })
    .await;
    assert_eq!(value_of(&e2e, reply(1, ReplyField::RepeatInterval)).await, "2");
    assert!(!e2e.is_present("#checks").await, "no warning left");

    // A new repeat starts at 30 minutes.
    e2e.click(&format!("{} label:nth-of-type(2)", control(reply(0, ReplyField::RepeatType)))).await;
    e2e.find(&control(reply(0, ReplyField::RepeatInterval))).await;
    assert_eq!(value_of(&e2e, reply(0, ReplyField::RepeatInterval)).await, "30");
    assert_eq!(e2e.value_of(&part(reply(0, ReplyField::RepeatInterval), "unit")).await, "min");
    audit.check(&e2e, "fixed").await;

    // Nothing was sent until the save; the save carries the fixes.
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    let saved = e2e.server().state.fake().account().settings.clone().expect("saved").settings;
    assert_eq!(saved.auto_close.after_minutes, 2_880);
    assert_eq!(saved.auto_replies[1].repeat, max_channel_contract::Repeat::Every { interval_seconds: 7_200 });
    assert_eq!(saved.auto_replies[0].repeat, max_channel_contract::Repeat::Every { interval_seconds: 1_800 });
    audit.assert_clean();
    e2e.finish().await;
}
