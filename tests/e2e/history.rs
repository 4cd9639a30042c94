//! «История изменений» against the dev back end: two saves (the second switching routing
//! from an employee to a group) in words with names and the actor, another administrator's
//! save on reload, «Вернуть настройки после этого изменения» → the banner and what it changes, the older values, one PUT with
//! `If-Match` of the current version; a long history paged to its end with no duplicate,
//! no gap (also when someone saves meanwhile) and never a token. axe in every state.

use max_channel_contract::{Routing, Settings, SettingsWrite};
use max_channel_fake::Precondition;
use max_channel_fake::{samples, Preset};

use crate::a11y::Audit;
use crate::support::controls::*;
use crate::support::{eventually, E2e, PATIENCE};

const TOKEN: &str = "history-token-Hq47Zx";

/// The shown entries as «meta | action | change lines» texts, newest first.
async fn entries(e2e: &E2e) -> Vec<String> {
    e2e.strings("return Array.from(document.querySelectorAll('#history > li'), li => li.innerText.replace(/\\s+/g, ' ').trim());")
        .await
}

/// Saves `settings` in the back end as the administrator `actor`, as the app would.
fn save_as(e2e: &E2e, actor: &str, settings: Settings) {
    let state = &e2e.server().state;
    let mut fake = state.fake();
    fake.set_actor(actor).expect("a known actor");
    let version = fake.account().settings.as_ref().map(|s| s.version.clone()).expect("saved before");
    fake.save(&Precondition::IfMatch(version), &SettingsWrite { token: None, settings, restored_from: None })
        .expect("saved");
    fake.set_actor(max_channel_fake::DEFAULT_ACTOR_ID).expect("back to the session's");
    state.persist(&fake).expect("persisted");
}

fn name_of(e2e: &E2e, employee: &str) -> String {
    let state = &e2e.server().state;
    let mut fake = state.fake();
    fake.set_actor(employee).expect("a known employee");
    let name = fake.actor().name;
    fake.set_actor(max_channel_fake::DEFAULT_ACTOR_ID).expect("back");
    name
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saves_in_words_another_administrator_and_restoring_an_older_version() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    let me = name_of(&e2e, max_channel_fake::DEFAULT_ACTOR_ID);
    let petrov = name_of(&e2e, "e-102");
    let kuznetsova = name_of(&e2e, "e-103");
    // The first save: routed to an employee (the back end records it as this session's).
    let by_employee = Settings { routing: Routing::Employee { employee_id: "e-102".into() }, ..samples::settings() };
    e2e.save_settings(by_employee, Some(TOKEN));
    let first_version = e2e.server().state.fake().account().settings.clone().expect("saved").version;

    // The second, in the form: the group instead.
    e2e.open("/channels/max/settings").await;
    crate::support::waits::settled(&e2e).await;
    e2e.click("label:has(#routing-group)").await;
    e2e.select(&control(FieldPath::RoutingGroup), "g-sales").await;
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;

    e2e.click("#history-link").await;
    e2e.wait_for_path("/channels/max/history").await;
    e2e.wait_for_text("h1", "История изменений").await;
    assert_eq!(e2e.js("return document.title").await, "История изменений · Канал MAX — Манго Диалоги");
    let shown = e2e.wait_for_text("#history > li:first-child", "Настройки изменены").await;
    assert!(shown.contains(&me), "the actor: {shown}");
    assert!(shown.contains(&format!("Кто принимает обращения: сотрудник {petrov} → группа «Отдел продаж»")), "{shown}");
    let all = entries(&e2e).await;
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all[1].contains("Канал подключён") && all[1].contains("Первая версия настроек"), "{all:#?}");
    assert!(!e2e.is_present("#history > li:first-child .history__restore").await, "the newest is what is saved");
    audit.check(&e2e, "history").await;

    // Another administrator changes the closing message; a reload shows it.
    let mut theirs = e2e.server().state.fake().account().settings.clone().expect("saved").settings;
    theirs.closing_message.text = "До свидания!".into();
    save_as(&e2e, "e-103", theirs);
    e2e.open("/channels/max/history").await;
    let newest = e2e.wait_for_text("#history > li:first-child", "Настройки изменены").await;
    assert!(newest.contains(&kuznetsova), "{newest}");
    assert!(
        newest.contains(
            "Сообщение при закрытии: текст «Спасибо за обращение! Оцените, пожалуйста, нашу работу.» → «До свидания!»"
        ),
        "{newest}"
    );

    // Every moment that shares its minute with a neighbour shows its seconds, and only those.
    seconds_where_a_minute_is_shared(&e2e).await;
    // An entry's settings whole, on request.
    let first = format!("#history > li[data-version='{first_version}']");
    e2e.click(&format!("{first} .history__all-summary")).await;
    let whole = e2e.wait_for_text(&format!("{first} .history__all-lines"), "Кто принимает обращения").await;
    assert!(whole.contains(&format!("Кто принимает обращения: сотрудник {petrov}")), "{whole}");
    assert!(whole.contains("Автозавершение: через 1 день"), "{whole}");

    // «Вернуть настройки после этого изменения» on the first save: what it restores is said.
    let current = e2e.server().state.fake().account().settings.clone().expect("saved").version;
    let restore = format!("{first} .history__restore");
    assert!(e2e.text_content(&restore).await.starts_with("Вернуть настройки после этого изменения"));
    let first_moment = e2e.text_content(&format!("{first} time")).await;
    e2e.click(&restore).await;
    e2e.wait_for_path("/channels/max/settings").await;
    // The banner lists what saving will change against what is saved now.
    let banner = e2e.wait_for_text("#restored-banner", "После сохранения изменится:").await;
    assert!(banner.contains(&format!("Загружены настройки от {first_moment}")), "{banner}");
    assert!(
        banner.contains(&format!("Кто принимает обращения: группа «Отдел продаж» → сотрудник {petrov}")),
        "{banner}"
    );
    assert!(
        banner.contains(
            "Сообщение при закрытии: текст «До свидания!» → «Спасибо за обращение! Оцените, пожалуйста, нашу работу.»"
        ),
        "{banner}"
    );
    e2e.find("#routing-employee:checked").await;
    eventually(PATIENCE, "the employee of that version", || async {
        e2e.value_of(&control(FieldPath::RoutingEmployee)).await.starts_with(&petrov)
    })
    .await;
    assert_eq!(
        e2e.value_of(&control(FieldPath::ClosingText)).await,
        "Спасибо за обращение! Оцените, пожалуйста, нашу работу."
    );
    assert!(!e2e.is_present(&control(FieldPath::Token)).await, "the stored token stays; a version never brings one");
    audit.check(&e2e, "restored").await;
    let puts = e2e.requests_of("putMaxSettings").len();
    e2e.click("button[type=submit]").await;
    e2e.wait_for_text(".save-outcome [role=status]", "Настройки сохранены").await;
    let sent = e2e.requests_of("putMaxSettings");
    assert_eq!(sent.len() - puts, 1, "one PUT");
    let put = sent.last().expect("the PUT");
    let if_match = put.if_match.as_deref().map(|v| v.trim_matches('"'));
    assert_eq!(if_match, Some(current.as_str()), "If-Match of the current version");
    assert!(put.body.as_ref().is_some_and(|b| b.get("token").is_none()), "no token in the restoring save");
    let restored_from = put.body.as_ref().and_then(|b| b.get("restored_from")).and_then(|v| v.as_str());
    assert_eq!(restored_from, Some(first_version.as_str()), "the save says which version it restores");
    assert!(!e2e.is_present("#restored-banner").await, "saved: the banner goes");
    let saved = e2e.server().state.fake().account().settings.clone().expect("saved").settings;
    assert_eq!(saved.routing, Routing::Employee { employee_id: "e-102".into() });
    // The history reads it as a restore of that moment.
    e2e.open("/channels/max/history").await;
    let newest = e2e.wait_for_text("#history > li:first-child", "Возвращены настройки от").await;
    assert!(newest.contains(&format!("Возвращены настройки от {first_moment}")), "{newest}");
    audit.assert_clean();
    e2e.finish().await;
}

/// Each shown moment has seconds exactly when a neighbour was made in the same minute.
async fn seconds_where_a_minute_is_shared(e2e: &E2e) {
    let read = e2e
        .js("return Array.from(document.querySelectorAll('#history > li time'), t => [t.getAttribute('datetime'), t.textContent]);")
        .await;
    let moments: Vec<(i64, String)> = read
        .as_array()
        .into_iter()
        .flatten()
        .map(|pair| {
            let at = max_channel_admin::domain::when::unix_of(pair[0].as_str().unwrap_or_default()).expect("RFC 3339");
            (at.div_euclid(60), pair[1].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    for (i, (minute, text)) in moments.iter().enumerate() {
        let shared = (i > 0 && moments[i - 1].0 == *minute) || moments.get(i + 1).is_some_and(|m| m.0 == *minute);
        let with_seconds = text.rsplit(' ').next().is_some_and(|clock| clock.matches(':').count() == 2);
        assert_eq!(with_seconds, shared, "«{text}» among {moments:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_history_pages_to_its_end_without_a_duplicate_a_gap_or_a_token() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    e2e.open("/channels/max/history").await;
    e2e.wait_for_text("#history-empty", "Изменений пока не было").await;
    audit.check(&e2e, "empty history").await;
    {
        let state = &e2e.server().state;
        let mut fake = state.fake();
        fake.apply(Preset::LongHistory);
        state.persist(&fake).expect("persisted");
    }
    let total = {
        let fake = e2e.server().state.fake();
        let query = max_channel_contract::HistoryQuery { limit: Some(100), cursor: None };
        fake.history(&query).expect("a page").items.len()
    };
    assert!(total > 40, "a long history: {total}");
    e2e.open("/channels/max/history").await;
    e2e.find("#history > li").await;
    let mut pages = 1;
    while e2e.is_present("#history-more").await {
        let before = entries(&e2e).await.len();
        if pages == 1 {
            // Someone saves meanwhile: the pages go on from where they were.
            let mut settings = e2e.server().state.fake().account().settings.clone().expect("saved").settings;
            settings.auto_close.after_minutes = 30;
            save_as(&e2e, "e-104", settings);
        }
        e2e.click("#history-more").await;
        eventually(PATIENCE, "the next page", || async {
            entries(&e2e).await.len() > before || !e2e.is_present("#history-more").await
        })
        .await;
        pages += 1;
        let text = e2e.text_content("main").await;
        for token in ["demo-token", max_channel_fake::presets::DEMO_TOKEN, "Lk2m"] {
            assert!(!text.contains(token), "a token on page {pages}");
        }
    }
    assert!(pages >= 3, "{pages} pages");
    // The last page took the button away: the focus is on the first entry it brought, and
    // the count was announced.
    eventually(PATIENCE, "the focus on the first new entry", || async {
        e2e.js("return document.activeElement.matches('#history > li')").await == serde_json::json!(true)
    })
    .await;
    let status = e2e.text_content("#history-status").await;
    assert!(
        status.starts_with("Показано ") && status.ends_with(" записей")
            || status.ends_with(" записи")
            || status.ends_with(" запись"),
        "{status}"
    );
    let shown = entries(&e2e).await;
    assert_eq!(shown.len(), total, "every entry once: no gap, no duplicate");
    let versions = e2e
        .js("return Array.from(document.querySelectorAll('#history > li[data-version]'), li => li.dataset.version);")
        .await;
    let versions: Vec<&str> = versions.as_array().expect("versions").iter().filter_map(|v| v.as_str()).collect();
    let mut unique = versions.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), versions.len(), "no version twice");
    assert!(shown.iter().any(|e| e.contains("Система") && e.contains("Канал отключён")), "the system's disconnection");
    assert!(shown.iter().any(|e| e.contains("заменён токен")), "a token replacement is said, never shown");
    audit.check(&e2e, "long history, all pages").await;
    audit.assert_clean();
    e2e.finish().await;
}
