//! The employee picker's keyboard, as a pure `key → action` function (the view only
//! carries the action out), after the ARIA combobox pattern.

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
}
