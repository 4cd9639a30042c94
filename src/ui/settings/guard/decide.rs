//! What the guard does with a click or a step back, decided from plain facts: no browser
//! here, so every case is a row of a native test.

use crate::ui::navigation::Click;

/// Where the person wanted to go when the guard stopped them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Route(String),
    Back,
}

/// The guard asks about a click on a link that leaves the page for another of the app
/// while the form has changes; anything else goes on as usual. The route is below `base`.
pub fn on_click(click: &Click, dirty: bool, base: &str, origin: &str) -> Option<Pending> {
    if !dirty || click.default_prevented || click.button != 0 || click.modifier {
        return None;
    }
    let link = click.link.as_ref()?;
    // «Отмена» asks on its own; a new tab leaves nothing; another site is not the app's.
    if link.id == "cancel" || link.target.as_deref() == Some("_blank") || link.origin != origin {
        return None;
    }
    let path = format!("{}{}", link.pathname, link.search);
    let route = path.strip_prefix(base).filter(|route| route.starts_with('/')).unwrap_or(&path);
    Some(Pending::Route(route.to_owned()))
}

/// What «Назад» does while the guard's extra history entry may be on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBack {
    /// Not the guard's entry: the router handles it.
    NotOurs,
    /// Changes remain: the entry goes back on top, and the person is asked.
    Ask,
    /// Saved or discarded meanwhile: one more step back, where the person was going.
    GoOn,
}

pub fn on_back(guard_pushed: bool, dirty: bool) -> OnBack {
    match (guard_pushed, dirty) {
        (false, _) => OnBack::NotOurs,
        (true, true) => OnBack::Ask,
        (true, false) => OnBack::GoOn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::navigation::Link;

    const ORIGIN: &str = "https://lk.example.ru";

    fn link(pathname: &str) -> Click {
        Click {
            link: Some(Link { origin: ORIGIN.into(), pathname: pathname.into(), ..Link::default() }),
            ..Click::default()
        }
    }

    #[test]
    fn a_plain_click_on_an_app_link_asks_with_the_route_below_the_base() {
        let route = |pathname: &str| Some(Pending::Route(pathname.to_owned()));
        assert_eq!(on_click(&link("/channels/max"), true, "", ORIGIN), route("/channels/max"));
        assert_eq!(on_click(&link("/dialogs/channels"), true, "/dialogs", ORIGIN), route("/channels"));
        let mut with_query = link("/channels/max");
        with_query.link.as_mut().unwrap().search = "?days=7".into();
        assert_eq!(on_click(&with_query, true, "", ORIGIN), route("/channels/max?days=7"));
        // A path beside the base (not below it) is kept whole.
        assert_eq!(on_click(&link("/dialogsx"), true, "/dialogs", ORIGIN), route("/dialogsx"));
    }

    #[test]
    fn everything_else_goes_on_as_usual() {
        assert_eq!(on_click(&link("/channels"), false, "", ORIGIN), None, "no changes");
        assert_eq!(on_click(&Click::default(), true, "", ORIGIN), None, "not on a link");
        let cases: [fn(&mut Click); 6] = [
            |c| c.default_prevented = true,
            |c| c.button = 1,
            |c| c.modifier = true,
            |c| c.link.as_mut().unwrap().id = "cancel".into(),
            |c| c.link.as_mut().unwrap().target = Some("_blank".into()),
            |c| c.link.as_mut().unwrap().origin = "https://max.ru".into(),
        ];
        for (n, change) in cases.into_iter().enumerate() {
            let mut click = link("/channels");
            change(&mut click);
            assert_eq!(on_click(&click, true, "", ORIGIN), None, "case {n}");
        }
    }

    #[test]
    fn back_asks_only_over_its_own_entry_with_changes() {
        assert_eq!(on_back(false, true), OnBack::NotOurs);
        assert_eq!(on_back(false, false), OnBack::NotOurs);
        assert_eq!(on_back(true, true), OnBack::Ask);
        assert_eq!(on_back(true, false), OnBack::GoOn);
    }
}
