//! The combobox's keys, searches and paging, natively.

use super::*;
use KeyAction::*;

#[test]
fn keys_table() {
    // (key, open, active, len) → action
    let cases: &[(&str, bool, Option<usize>, usize, KeyAction)] = &[
        ("ArrowDown", true, None, 3, Move(Some(0))),
        ("ArrowDown", true, Some(0), 3, Move(Some(1))),
        ("ArrowDown", true, Some(2), 3, Move(Some(2))),
        ("ArrowDown", false, None, 3, OpenAndMove(Some(0))),
        ("ArrowDown", false, None, 0, OpenAndMove(None)),
        ("ArrowDown", true, None, 0, Move(None)),
        ("ArrowUp", true, Some(2), 3, Move(Some(1))),
        ("ArrowUp", true, Some(0), 3, Move(Some(0))),
        ("ArrowUp", true, None, 3, Move(None)),
        ("Enter", true, Some(1), 3, Pick(1)),
        ("Enter", true, None, 3, Swallow),
        ("Enter", false, None, 0, Swallow),
        ("Enter", false, Some(1), 3, Swallow),
        ("Enter", true, Some(5), 3, Swallow),
        ("Escape", true, Some(1), 3, Close),
        ("Tab", true, Some(1), 3, Pass),
        ("a", true, None, 3, Pass),
    ];
    for &(key, open, active, len, expected) in cases {
        assert_eq!(key_action(key, open, active, len), expected, "{key} open={open} active={active:?} len={len}");
    }
}

#[test]
fn enter_never_reaches_the_form() {
    for open in [false, true] {
        for active in [None, Some(0), Some(9)] {
            assert!(key_action("Enter", open, active, 3).prevents_default(), "open={open} active={active:?}");
        }
    }
    assert!(!key_action("Tab", true, None, 3).prevents_default(), "Tab moves on");
}

fn boxed(items: &[&str]) -> Combobox<String> {
    let mut c = Combobox::default();
    let search = c.search();
    assert!(c.answered(&search, items.iter().map(|s| s.to_string()).collect(), Some("p2".into())));
    c
}

#[test]
fn a_search_sends_what_is_typed_trimmed_and_cut() {
    let mut c = Combobox::<String>::default();
    assert_eq!(c.search().query, None, "nothing typed lists everyone");
    c.typed("  Цв  ".into());
    assert_eq!(c.search().query.as_deref(), Some("Цв"));
    c.typed("я".repeat(150));
    assert_eq!(c.search().query.map(|q| q.chars().count()), Some(QUERY_MAX_CHARS));
}

#[test]
fn only_the_latest_searchs_answer_counts() {
    let mut c = Combobox::<String>::default();
    let old = c.search();
    let new = c.search();
    assert!(!c.answered(&old, vec!["late".into()], None), "a stale answer is dropped");
    assert!(c.items.is_empty() && !c.open && !c.searched);
    assert!(!c.failed(&old), "a stale failure is dropped too");
    assert!(c.answered(&new, vec!["Ана".into()], None));
    assert_eq!((c.items.clone(), c.open, c.searched), (vec!["Ана".to_string()], true, true));
}

#[test]
fn show_more_appends_and_keeps_the_highlight() {
    let mut c = boxed(&["a", "b"]);
    c.active = Some(1);
    let MoreOutcome::Send(more) = c.more() else { panic!("a next page") };
    assert_eq!(more.cursor.as_deref(), Some("p2"));
    assert!(c.answered(&more, vec!["c".into()], None));
    assert_eq!((c.items.len(), c.active, c.next_cursor.clone()), (3, Some(1), None));
    // A new search starts over and drops the highlight.
    let fresh = c.search();
    assert_eq!(fresh.cursor, None);
    assert!(c.answered(&fresh, vec!["z".into()], None));
    assert_eq!((c.items.len(), c.active), (1, None));
}

#[test]
fn a_failed_search_closes_the_list() {
    let mut c = boxed(&["a"]);
    let search = c.search();
    assert!(c.failed(&search));
    assert!(!c.open);
}

#[test]
fn key_sequences_drive_the_state() {
    // (keys, then: open, active, what the last key asked)
    let mut c = boxed(&["a", "b", "c"]);
    c.open = false;
    let (_, outcome) = c.key("ArrowDown");
    assert!(matches!(outcome, KeyOutcome::SearchNow(Search { cursor: None, .. })), "{outcome:?}");
    assert_eq!(c.active, Some(0));
    c.open = true;
    for (key, active, open, asked) in [
        ("ArrowDown", Some(1), true, KeyOutcome::Nothing),
        ("ArrowDown", Some(2), true, KeyOutcome::Nothing),
        ("ArrowDown", Some(2), true, KeyOutcome::Nothing),
        ("ArrowUp", Some(1), true, KeyOutcome::Nothing),
        ("Escape", Some(1), false, KeyOutcome::Dismissed),
    ] {
        let (_, outcome) = c.key(key);
        assert_eq!((c.active, c.open, outcome), (active, open, asked), "{key}");
    }
    c.open = true;
    assert_eq!(c.key("Enter").1, KeyOutcome::Picked("b".to_string()));
    c.picked("b · 101".into());
    assert_eq!((c.text.as_str(), c.open), ("b · 101", false));
    assert_eq!(c.key("Enter"), (KeyAction::Swallow, KeyOutcome::Nothing), "closed: Enter never submits");
}

/// The people the table's searches find: a name matches a query it contains.
const PEOPLE: [&str; 7] = ["Иванова", "Петрова", "Орлов", "Смирнова", "Попов", "Козлова", "Новикова"];
/// The table's page size: small, so that three pages of «ова» exist.
const PAGE: usize = 2;

/// Everyone a query finds, in the back end's order.
fn found(query: &Option<String>) -> Vec<String> {
    let wanted = query.as_deref().unwrap_or("").to_lowercase();
    PEOPLE.iter().filter(|p| p.to_lowercase().contains(&wanted)).map(|p| p.to_string()).collect()
}

/// The back end's answer to a search: the page at its cursor (an offset) and the next one's.
fn page(search: &Search) -> (Vec<String>, Option<String>) {
    let all = found(&search.query);
    let from: usize = search.cursor.as_deref().map_or(0, |c| c.parse().unwrap_or(0));
    let to = (from + PAGE).min(all.len());
    (all[from..to].to_vec(), (to < all.len()).then(|| to.to_string()))
}

/// One step of what the person, the debounce and the network do.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// The field gets focus (or ArrowDown): a search of what is typed goes at once.
    Focus,
    /// The person types this text (the debounce starts over).
    Type(&'static str),
    /// The debounce runs out: the search of what is typed goes, if one is still due.
    Debounce,
    /// «Показать ещё» (the view cancels a due debounce when it sends).
    More,
    /// The n-th request sent (from 0) answers.
    Answer(usize),
    /// The n-th request sent fails.
    Fail(usize),
}

/// Plays `steps`, checking after each one that the list is one query's pages in order
/// (never a mix, never a gap, never a page twice) and returns the state and what was sent.
fn play(steps: &[Step]) -> (Combobox<String>, Vec<Search>) {
    let mut c = Combobox::<String>::default();
    let (mut sent, mut due) = (Vec::<Search>::new(), false);
    // A request answers (or fails) once.
    let mut done = std::collections::HashSet::new();
    for (n, step) in steps.iter().enumerate() {
        match *step {
            Step::Focus => sent.push(c.search()),
            Step::Type(text) => {
                c.typed(text.into());
                due = true;
            }
            Step::Debounce if due => {
                due = false;
                sent.push(c.search());
            }
            Step::Debounce => {}
            Step::More => {
                if let MoreOutcome::Send(search) = c.more() {
                    due = false;
                    sent.push(search);
                }
            }
            Step::Answer(i) => {
                if let Some(search) = sent.get(i).filter(|_| done.insert(i)) {
                    let (items, next) = page(search);
                    let typed = c.typed_query();
                    let shown = c.answered(search, items, next);
                    assert!(!shown || search.query == typed, "step {n}: an answer to an older text shown");
                }
            }
            Step::Fail(i) => {
                if let Some(search) = sent.get(i).filter(|_| done.insert(i)) {
                    c.failed(search);
                }
            }
        }
        let whole = found(&c.shown);
        assert_eq!(c.items, whole[..c.items.len().min(whole.len())], "after step {n} ({step:?}): a mix or a gap");
    }
    (c, sent)
}

#[test]
fn show_more_while_a_newer_search_is_due_shows_the_newer_querys_pages() {
    use Step::*;
    // (what happens, the list's query at the end, how many of its names it shows, requests sent)
    type Row = (&'static str, &'static [Step], Option<&'static str>, usize, usize);
    let table: &[Row] = &[
        (
            "more, then the text's first page: the debounce is not needed",
            &[Focus, Answer(0), Type("ова"), More, Debounce, Answer(1)],
            Some("ова"),
            2,
            2,
        ),
        (
            "the newer first page, then more pages it",
            &[Focus, Answer(0), Type("ова"), More, Answer(1), More, Answer(2)],
            Some("ова"),
            4,
            3,
        ),
        (
            "more while the text's search is on its way asks nothing",
            &[Focus, Answer(0), Type("ова"), Debounce, More, Answer(1)],
            Some("ова"),
            2,
            2,
        ),
        (
            "a page of the older query answering after typing is dropped",
            &[Focus, Answer(0), More, Type("ова"), Answer(1), Debounce, Answer(2)],
            Some("ова"),
            2,
            3,
        ),
        (
            "the older page answering after the newer first page is dropped",
            &[Focus, Answer(0), More, Type("ова"), Debounce, Answer(2), Answer(1)],
            Some("ова"),
            2,
            3,
        ),
        (
            "typed again: more sends the newest text, a late answer is dropped",
            &[Focus, Answer(0), Type("ова"), Debounce, Type("ов"), More, Answer(1), Answer(2)],
            Some("ов"),
            2,
            3,
        ),
        (
            "answers out of order: the latest text wins",
            &[Focus, Answer(0), Type("ова"), Debounce, Type("ов"), Debounce, Answer(2), Answer(1)],
            Some("ов"),
            2,
            3,
        ),
        ("a double press sends one page", &[Focus, Answer(0), More, More, Answer(1)], None, 4, 2),
        ("a failed page, then more asks for it again", &[Focus, Answer(0), More, Fail(1), More, Answer(2)], None, 4, 3),
        (
            "more with nothing newer typed pages the shown query",
            &[Focus, Answer(0), More, Answer(1), More, Answer(2), More, Answer(3)],
            None,
            7,
            4,
        ),
        (
            "the last page: more asks nothing",
            &[Focus, Answer(0), Type("ова"), Debounce, Answer(1), More, Answer(2), More, Answer(3), More],
            Some("ова"),
            5,
            4,
        ),
    ];
    for &(case, steps, query, shown, requests) in table {
        let (c, sent) = play(steps);
        assert_eq!(c.shown.as_deref(), query, "{case}: whose answer the list is");
        assert_eq!(c.items.len(), shown, "{case}: {:?}", c.items);
        assert_eq!(sent.len(), requests, "{case}: {sent:?}");
        assert!(c.open, "{case}: the list is open");
    }
}

#[test]
fn every_interleaving_settles_on_what_is_typed() {
    use Step::*;
    // Every sequence of five moves (7^5) among typing, the debounce, «Показать ещё» and answers to
    // the requests sent (an answer to one not sent yet is skipped): no step shows a mix
    // (`play` checks), and once every answer is in and the debounce ran, the list is what
    // is typed — the first page or pages of it.
    let moves = [Type("ова"), Type("ов"), Debounce, More, Answer(1), Answer(2), Answer(3)];
    let mut orders: Vec<Vec<Step>> = vec![vec![]];
    for _ in 0..5 {
        orders = orders.into_iter().flat_map(|o| moves.iter().map(move |m| [o.clone(), vec![*m]].concat())).collect();
    }
    for order in orders {
        let typed = order.iter().rev().find_map(|s| if let Type(t) = s { Some(*t) } else { None });
        let mut steps = [vec![Focus, Answer(0)], order].concat();
        steps.extend([Debounce, Answer(1), Answer(2), Answer(3), Answer(4), Answer(5), Answer(6)]);
        let (c, sent) = play(&steps);
        // The last request sent is the one the list answers (older ones were dropped).
        let last = sent.last().map(|s| s.query.as_deref());
        assert_eq!(c.shown.as_deref(), typed, "{steps:?}");
        assert_eq!(last, Some(typed), "{steps:?}");
    }
}

/// Escape closes the list for good: neither a search on its way nor one still due (the
/// view drops its debounce on `Dismissed`) opens it again; the next Down searches anew.
#[test]
fn escape_keeps_the_list_closed_whatever_answers_later() {
    let mut combo = boxed(&["Петрова"]);
    combo.typed("ова".into());
    let on_its_way = combo.search();
    combo.open = true;
    let (action, outcome) = combo.key("Escape");
    assert_eq!((action, outcome), (Close, KeyOutcome::Dismissed));
    assert!(!combo.answered(&on_its_way, vec!["Иванова".into()], None), "a late answer does not count");
    assert!(!combo.open);
    // Down asks again, and its answer opens the list.
    let (_, outcome) = combo.key("ArrowDown");
    let KeyOutcome::SearchNow(again) = outcome else { panic!("Down searches: {outcome:?}") };
    assert!(combo.answered(&again, vec!["Иванова".into()], None));
    assert!(combo.open);
}
