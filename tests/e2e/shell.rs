//! End to end: the release build, served by the dev back end, in headless Chromium.

use max_channel_contract::*;
use max_channel_fake::samples;

use crate::support::E2e;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_channel_groups_show_the_max_tile_and_its_state() {
    let e2e = E2e::start().await;
    e2e.open("/channels").await;
    e2e.wait_for_text("h1", "Группы каналов").await;
    let tile = e2e.find("a.tile[data-kind=max]").await;
    assert!(tile.text().await.unwrap().contains("MAX"));
    e2e.wait_for_text("[data-kind=max] .badge", "Не подключён").await;
    // Tiles this app cannot configure are shown, not clickable, and say «Скоро».
    let soon = e2e.find("div.tile--soon[data-kind=telegram]").await;
    assert!(soon.text().await.unwrap().contains("Скоро"));
    // An available tile of a kind the app does not know is shown the same way, never a crash.
    let unknown = e2e.find("div.tile--soon[data-kind=ok_ru]").await;
    assert!(unknown.text().await.unwrap().contains("Одноклассники"));
    assert!(e2e.browser.find(fantoccini::Locator::Css("a[data-kind=ok_ru]")).await.is_err());
    let sections = e2e.browser.find_all(fantoccini::Locator::Css("section.group h2")).await.unwrap();
    let mut titles = Vec::new();
    for s in sections {
        titles.push(s.text().await.unwrap());
    }
    assert_eq!(titles, ["Мессенджеры", "Социальные сети", "Сайт и приложения"], "the back end's order");

    // Once saved, the badge follows the state.
    e2e.server().state.fake().store_directly(
        samples::settings(),
        Some(("e2e-token".into(), BotInfo { user_id: 1, first_name: "Бот".into(), username: None, avatar_url: None })),
    );
    e2e.browser.refresh().await.unwrap();
    e2e.wait_for_text("[data-kind=max] .badge", "Подключён").await;
    e2e.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn routes_deep_links_and_the_not_found_page() {
    let e2e = E2e::start().await;
    e2e.open("/").await;
    e2e.wait_for_path("/channels").await;
    e2e.wait_for_text("h1", "Группы каналов").await;

    e2e.find("a.tile[data-kind=max]").await.click().await.unwrap();
    e2e.wait_for_path("/channels/max").await;
    e2e.wait_for_text("h1", "О канале").await;

    e2e.open("/channels/max/settings").await;
    e2e.wait_for_text("h1", "Подключение и настройки канала MAX").await;
    e2e.browser.back().await.unwrap();
    e2e.wait_for_path("/channels/max").await;

    e2e.open("/no/such/page").await;
    e2e.wait_for_text("h1", "Страница не найдена").await;
    e2e.find("a[href='/channels']").await.click().await.unwrap();
    e2e.wait_for_path("/channels").await;
    e2e.finish().await;
}
