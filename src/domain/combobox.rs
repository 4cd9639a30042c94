//! A headless combobox (the employee picker's): its state as a plain struct, the keyboard as
//! a pure `key → action` function, after the ARIA combobox pattern. The view only renders
//! the state and carries out what it is told: send a search, show a pick.

/// What a key does in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Highlight this option (or none); the list is open.
    Move(Option<usize>),
    /// Open the list (search with what is typed), then highlight this option.
    OpenAndMove(Option<usize>),
    /// Choose this option.
    Pick(usize),
    /// Enter with nothing highlighted: nothing happens — and the form is not submitted.
    Swallow,
    /// Close the list.
    Close,
    /// Not the picker's key: the browser does what it does.
    Pass,
}

impl KeyAction {
    /// Whether the browser's own handling must be stopped (scrolling, submitting).
    pub fn prevents_default(self) -> bool {
        !matches!(self, KeyAction::Pass | KeyAction::Close)
    }
}

/// The action of `key` with the list `open`, option `active` highlighted, `len` options.
pub fn key_action(key: &str, open: bool, active: Option<usize>, len: usize) -> KeyAction {
    match key {
        "ArrowDown" => {
            let next = if len == 0 { active } else { Some(active.map_or(0, |i| (i + 1).min(len - 1))) };
            if open {
                KeyAction::Move(next)
            } else {
                KeyAction::OpenAndMove(next)
            }
        }
        "ArrowUp" => KeyAction::Move(active.map(|i| i.saturating_sub(1))),
        "Enter" => match active {
            Some(i) if open && i < len => KeyAction::Pick(i),
            _ => KeyAction::Swallow,
        },
        "Escape" => KeyAction::Close,
        _ => KeyAction::Pass,
    }
}

/// The longest query sent: the contract's limit for `query`.
pub const QUERY_MAX_CHARS: usize = 100;

/// A search the view must send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// Which search this is: only the latest one's answer counts.
    pub ticket: u64,
    /// What was typed, trimmed and cut to [`QUERY_MAX_CHARS`]; `None` lists everyone.
    pub query: Option<String>,
    /// The page after the ones shown («Показать ещё»), or `None` for the first.
    pub cursor: Option<String>,
}

/// What the view does after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyOutcome<T> {
    Nothing,
    /// Search now with what is typed (a debounced search still waiting is superseded).
    SearchNow(Search),
    /// This option was chosen.
    Picked(T),
}

/// The state of a type-ahead combobox over paged search results.
#[derive(Debug, Clone, PartialEq)]
pub struct Combobox<T> {
    /// What is typed (or the chosen option's label).
    pub text: String,
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
    pub open: bool,
    pub active: Option<usize>,
    /// Whether a search has answered: an empty list then says that nobody was found.
    pub searched: bool,
    latest: u64,
}

impl<T> Default for Combobox<T> {
    fn default() -> Self {
        Combobox {
            text: String::new(),
            items: Vec::new(),
            next_cursor: None,
            open: false,
            active: None,
            searched: false,
            latest: 0,
        }
    }
}

impl<T: Clone> Combobox<T> {
    /// A search for what is typed: the first page, or the next one (`more`).
    pub fn search(&mut self, more: bool) -> Search {
        self.latest += 1;
        let trimmed = self.text.trim();
        Search {
            ticket: self.latest,
            query: (!trimmed.is_empty()).then(|| trimmed.chars().take(QUERY_MAX_CHARS).collect()),
            cursor: if more { self.next_cursor.clone() } else { None },
        }
    }

    /// A search's answer; `false` (and nothing changes) when a newer search was sent since.
    pub fn answered(&mut self, search: &Search, items: Vec<T>, next_cursor: Option<String>) -> bool {
        if search.ticket != self.latest {
            return false;
        }
        if search.cursor.is_some() {
            self.items.extend(items);
        } else {
            self.items = items;
            self.active = None;
        }
        self.next_cursor = next_cursor;
        self.searched = true;
        self.open = true;
        true
    }

    /// A search failed; `false` when it was stale. The list no longer answers what was
    /// typed, so it closes (the failure takes its place).
    pub fn failed(&mut self, search: &Search) -> bool {
        if search.ticket != self.latest {
            return false;
        }
        self.open = false;
        true
    }

    /// What a key does, applied to the state.
    pub fn key(&mut self, key: &str) -> (KeyAction, KeyOutcome<T>) {
        let action = key_action(key, self.open, self.active, self.items.len());
        let outcome = match action {
            KeyAction::OpenAndMove(next) => {
                self.active = next;
                KeyOutcome::SearchNow(self.search(false))
            }
            KeyAction::Move(next) => {
                self.active = next;
                KeyOutcome::Nothing
            }
            KeyAction::Pick(i) => self.items.get(i).cloned().map_or(KeyOutcome::Nothing, KeyOutcome::Picked),
            KeyAction::Close => {
                self.open = false;
                KeyOutcome::Nothing
            }
            KeyAction::Swallow | KeyAction::Pass => KeyOutcome::Nothing,
        };
        (action, outcome)
    }

    /// An option was chosen: its label fills the field and the list closes.
    pub fn picked(&mut self, label: String) {
        self.text = label;
        self.open = false;
    }
}

#[cfg(test)]
mod tests {
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
        let search = c.search(false);
        assert!(c.answered(&search, items.iter().map(|s| s.to_string()).collect(), Some("p2".into())));
        c
    }

    #[test]
    fn a_search_sends_what_is_typed_trimmed_and_cut() {
        let mut c = Combobox::<String>::default();
        assert_eq!(c.search(false).query, None, "nothing typed lists everyone");
        c.text = "  Цв  ".into();
        assert_eq!(c.search(false).query.as_deref(), Some("Цв"));
        c.text = "я".repeat(150);
        assert_eq!(c.search(false).query.map(|q| q.chars().count()), Some(QUERY_MAX_CHARS));
    }

    #[test]
    fn only_the_latest_searchs_answer_counts() {
        let mut c = Combobox::<String>::default();
        let old = c.search(false);
        let new = c.search(false);
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
        let more = c.search(true);
        assert_eq!(more.cursor.as_deref(), Some("p2"));
        assert!(c.answered(&more, vec!["c".into()], None));
        assert_eq!((c.items.len(), c.active, c.next_cursor.clone()), (3, Some(1), None));
        // A new search starts over and drops the highlight.
        let fresh = c.search(false);
        assert_eq!(fresh.cursor, None);
        assert!(c.answered(&fresh, vec!["z".into()], None));
        assert_eq!((c.items.len(), c.active), (1, None));
    }

    #[test]
    fn a_failed_search_closes_the_list() {
        let mut c = boxed(&["a"]);
        let search = c.search(false);
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
        for (key, active, open) in [
            ("ArrowDown", Some(1), true),
            ("ArrowDown", Some(2), true),
            ("ArrowDown", Some(2), true),
            ("ArrowUp", Some(1), true),
            ("Escape", Some(1), false),
        ] {
            let (_, outcome) = c.key(key);
            assert_eq!((c.active, c.open, outcome), (active, open, KeyOutcome::Nothing), "{key}");
        }
        c.open = true;
        assert_eq!(c.key("Enter").1, KeyOutcome::Picked("b".to_string()));
        c.picked("b · 101".into());
        assert_eq!((c.text.as_str(), c.open), ("b · 101", false));
        assert_eq!(c.key("Enter"), (KeyAction::Swallow, KeyOutcome::Nothing), "closed: Enter never submits");
    }
}
