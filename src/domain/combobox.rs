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
    /// The list was closed: a debounced search still due is dropped (its answer would
    /// open the list the person just closed).
    Dismissed,
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
    /// The query whose answer `items` are: «Показать ещё» pages this one, never a newer text.
    shown: Option<String>,
    latest: u64,
    /// Whether the latest search has not answered yet (and what it was).
    waiting: Option<Search>,
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
            shown: None,
            latest: 0,
            waiting: None,
        }
    }
}

/// What «Показать ещё» asks the view to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoreOutcome {
    /// Send this search (the next page, or — when a newer text is typed — its first page,
    /// which also takes the place of a debounced search still waiting).
    Send(Search),
    /// Nothing to send: the answer asked for is already on its way, or there is no next page.
    Wait,
}

impl<T: Clone> Combobox<T> {
    /// What is typed now, as a search sends it: trimmed and cut; `None` lists everyone.
    fn typed_query(&self) -> Option<String> {
        let trimmed = self.text.trim();
        (!trimmed.is_empty()).then(|| trimmed.chars().take(QUERY_MAX_CHARS).collect())
    }

    /// A search for the first page of what is typed.
    pub fn search(&mut self) -> Search {
        let query = self.typed_query();
        self.send(query, None)
    }

    fn send(&mut self, query: Option<String>, cursor: Option<String>) -> Search {
        self.latest += 1;
        let search = Search { ticket: self.latest, query, cursor };
        self.waiting = Some(search.clone());
        search
    }

    /// The person typed: the list no longer answers the text, so an answer still on its
    /// way (to an older text) is dropped; the view then debounces [`Self::search`].
    pub fn typed(&mut self, text: String) {
        self.text = text;
        self.latest += 1;
        self.waiting = None;
    }

    /// «Показать ещё». The list shows the answer to `shown`; when a newer text is typed
    /// (its search debounced or on its way) the person asked for more of what they typed
    /// now, so they get its first page — never a page of the older query appended to it
    /// nor the newer answer mixed with the older. A second press while a page is on its
    /// way asks nothing more.
    pub fn more(&mut self) -> MoreOutcome {
        let typed = self.typed_query();
        if let Some(waiting) = &self.waiting {
            return if waiting.cursor.is_none() && waiting.query != typed {
                MoreOutcome::Send(self.search())
            } else {
                MoreOutcome::Wait
            };
        }
        if typed != self.shown || !self.searched {
            return MoreOutcome::Send(self.search());
        }
        match self.next_cursor.clone() {
            Some(cursor) => MoreOutcome::Send(self.send(typed, Some(cursor))),
            None => MoreOutcome::Wait,
        }
    }

    /// A search's answer; `false` (and nothing changes) when a newer search was sent or
    /// the text changed since.
    pub fn answered(&mut self, search: &Search, items: Vec<T>, next_cursor: Option<String>) -> bool {
        if search.ticket != self.latest {
            return false;
        }
        self.waiting = None;
        if search.cursor.is_some() {
            self.items.extend(items);
        } else {
            self.items = items;
            self.active = None;
            self.shown = search.query.clone();
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
        self.waiting = None;
        self.open = false;
        true
    }

    /// What a key does, applied to the state.
    pub fn key(&mut self, key: &str) -> (KeyAction, KeyOutcome<T>) {
        let action = key_action(key, self.open, self.active, self.items.len());
        let outcome = match action {
            KeyAction::OpenAndMove(next) => {
                self.active = next;
                KeyOutcome::SearchNow(self.search())
            }
            KeyAction::Move(next) => {
                self.active = next;
                KeyOutcome::Nothing
            }
            KeyAction::Pick(i) => self.items.get(i).cloned().map_or(KeyOutcome::Nothing, KeyOutcome::Picked),
            KeyAction::Close => {
                self.open = false;
                // An answer on its way would open the list again: it no longer counts.
                self.latest += 1;
                self.waiting = None;
                KeyOutcome::Dismissed
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
#[path = "combobox_tests.rs"]
mod tests;
