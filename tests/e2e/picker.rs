//! The employee picker's paging against a newer search (issue 32): «Показать ещё» pressed
//! while the search for newer text is still due shows that text's first page — never a
//! page of the older list appended, never the two mixed. The interleavings are tabled in
//! `src/domain/combobox_tests.rs`; this proves the view carries the state's decision out.

use crate::support::controls::*;
use crate::support::{eventually, E2e, PATIENCE};

/// The list's names, lower-cased, as a person reads them.
async fn names(e2e: &E2e) -> Vec<String> {
    let texts = e2e
        .js(&format!(
            "return [...document.querySelectorAll('{}')].map(li => li.textContent.toLowerCase())",
            employee_options()
        ))
        .await;
    texts.as_array().into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect()
}

/// Waits until the list shows `count` names, each holding `typed`.
async fn wait_for_answer(e2e: &E2e, typed: &str, count: usize, what: &str) {
    eventually(PATIENCE, what, || async {
        let names = names(e2e).await;
        names.len() == count && names.iter().all(|n| n.contains(typed))
    })
    .await;
}

#[tokio::test]
async fn show_more_while_a_newer_search_is_due_shows_the_newer_querys_first_page() {
    let e2e = E2e::start().await;
    e2e.open("/channels/max/settings").await;
    // Focusing lists everyone, with a next page.
    e2e.click(&control(FieldPath::RoutingEmployee)).await;
    eventually(PATIENCE, "focusing never listed everyone", || async { names(&e2e).await.len() == 20 }).await;
    e2e.find(".picker__more").await;
    let everyone = names(&e2e).await;
    assert!(everyone.iter().any(|n| !n.contains("ова")), "the first list holds names without «ова»: {everyone:?}");

    // Every change of the list from now on, as the page showed it.
    e2e.js(&format!(
        "window.__lists = []; new MutationObserver(() => window.__lists.push(\
         [...document.querySelectorAll('{}')].map(li => li.textContent.toLowerCase())))\
         .observe(document.querySelector('{}'), {{ childList: true, subtree: true }});",
        employee_options(),
        part(FieldPath::RoutingEmployee, "list")
    ))
    .await;
    // The person types «ова» and presses «Показать ещё» before the typing pause is over:
    // one script, so the debounce cannot have run in between, whatever the machine's load.
    e2e.js(&format!(
        "const input = document.querySelector('{}'); input.value = 'ова';\
         input.dispatchEvent(new Event('input', {{ bubbles: true }}));\
         document.querySelector('.picker__more').click();",
        control(FieldPath::RoutingEmployee)
    ))
    .await;
    wait_for_answer(&e2e, "ова", 20, "«Показать ещё» never showed the first page of «ова»").await;
    e2e.click(".picker__more").await;
    wait_for_answer(&e2e, "ова", 40, "the next page of «ова» never came").await;

    let lists = e2e.js("return window.__lists").await;
    for list in lists.as_array().into_iter().flatten() {
        let list: Vec<String> =
            list.as_array().into_iter().flatten().filter_map(|n| n.as_str().map(str::to_owned)).collect();
        let mixed = list != everyone && list.iter().any(|n| !n.contains("ова"));
        assert!(!mixed, "the list showed a mix of two searches: {list:?}");
    }
    // What went: the first page of «ова», then its second — no page of the older list.
    let searches: Vec<Option<String>> =
        e2e.requests_of("listEmployees").iter().filter(|r| r.query.is_some()).map(|r| r.query.clone()).collect();
    let typed: Vec<&Option<String>> =
        searches.iter().filter(|q| q.as_deref().is_some_and(|q| q.contains("query="))).collect();
    assert_eq!(typed.len(), 2, "one request per page of «ова»: {searches:?}");
    assert!(typed.iter().all(|q| q.as_deref().is_some_and(|q| q.contains("query=%D0%BE%D0%B2%D0%B0"))), "{searches:?}");
    assert!(!typed[0].as_deref().unwrap_or("").contains("cursor="), "its first page first: {searches:?}");
    e2e.finish().await;
}
