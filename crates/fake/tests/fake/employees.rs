//! `listEmployees` on the one directory: search, paging by the cursors it gives, `ids=`,
//! and the 400s for what the contract's schema refuses.

use crate::common::*;
use max_channel_contract::*;

fn query(text: &str, limit: Option<u32>, cursor: Option<&str>) -> EmployeeQuery {
    EmployeeQuery { query: Some(text.into()), limit, cursor: cursor.map(str::to_owned), ids: None }
}

#[test]
fn pages_follow_each_other_without_repeats_or_gaps() {
    let (fake, _) = fake();
    let all: Vec<Employee> = fake.directory.search("кузнецов").cloned().collect();
    assert!(all.len() > 60, "{}", all.len());
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = fake.employees(&query("КУЗНЕЦОВ", Some(25), cursor.as_deref())).unwrap();
        assert!(page.items.len() <= 25);
        seen.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(seen, all);
}

#[test]
fn what_the_schema_refuses_is_a_bad_request() {
    let (fake, _) = fake();
    let status = |q: EmployeeQuery| fake.employees(&q).map_or_else(|r| r.status, |_| 200);
    assert_eq!(status(query("", Some(0), None)), 400);
    assert_eq!(status(query("", Some(101), None)), 400);
    assert_eq!(status(query("", Some(100), None)), 200);
    assert_eq!(status(query(&"я".repeat(101), None, None)), 400);
    assert_eq!(status(query(&"я".repeat(100), None, None)), 200);
    for cursor in ["", "0", "-5", "05", "abc", "99999999"] {
        assert_eq!(status(query("", None, Some(cursor))), 400, "cursor {cursor:?}");
    }
    assert_eq!(status(query("", None, Some("50"))), 200);
}

#[test]
fn ids_resolve_names_and_skip_the_unknown() {
    let (fake, _) = fake();
    let page =
        fake.employees(&EmployeeQuery { ids: Some("e-101, e-999999,e-102".into()), ..Default::default() }).unwrap();
    let ids: Vec<&str> = page.items.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e-101", "e-102"]);
    assert_eq!(page.next_cursor, None);
    assert_eq!(fake.actor().name, page.items[0].name, "the session's administrator is e-101");
}
