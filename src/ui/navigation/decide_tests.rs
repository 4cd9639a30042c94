//! Tests of `decide.rs`.

use super::*;

const ORIGIN: &str = "https://lk.example.ru";

fn link(pathname: &str) -> Click {
    Click {
        link: Some(Link { origin: ORIGIN.into(), pathname: pathname.into(), ..Link::default() }),
        ..Click::default()
    }
}

#[test]
fn a_plain_click_on_an_app_link_goes_to_its_route_below_the_base() {
    let route = |r: &str| Some(r.to_owned());
    assert_eq!(route_of(&link("/channels/max"), "", ORIGIN, "/channels"), route("/channels/max"));
    assert_eq!(route_of(&link("/dialogs/channels"), "/dialogs", ORIGIN, "/"), route("/channels"));
    let mut with_query = link("/channels/max");
    with_query.link.as_mut().unwrap().search = "?days=7".into();
    assert_eq!(route_of(&with_query, "", ORIGIN, "/channels"), route("/channels/max?days=7"));
    let mut own_tab = link("/channels");
    own_tab.link.as_mut().unwrap().target = Some("_self".into());
    assert_eq!(route_of(&own_tab, "", ORIGIN, "/channels/max"), route("/channels"));
    let mut elsewhere = link("/channels/max");
    elsewhere.link.as_mut().unwrap().hash = "#top".into();
    assert_eq!(route_of(&elsewhere, "", ORIGIN, "/channels"), route("/channels/max"), "another page's anchor");
}

#[test]
fn the_browser_and_the_page_keep_everything_else() {
    assert_eq!(route_of(&Click::default(), "", ORIGIN, "/"), None, "not on a link");
    let cases: [fn(&mut Click); 8] = [
        |c| c.default_prevented = true,
        |c| c.button = 1,
        |c| c.modifier = true,
        |c| c.link.as_mut().unwrap().target = Some("_blank".into()),
        |c| c.link.as_mut().unwrap().browsers = true,
        |c| c.link.as_mut().unwrap().origin = "https://max.ru".into(),
        |c| c.link.as_mut().unwrap().pathname = "/dialogsx/channels".into(),
        |c| c.link.as_mut().unwrap().hash = "#customer-view".into(),
    ];
    for (n, change) in cases.into_iter().enumerate() {
        let mut click = link("/dialogs/channels/max/settings");
        change(&mut click);
        assert_eq!(route_of(&click, "/dialogs", ORIGIN, "/dialogs/channels/max/settings"), None, "case {n}");
    }
}

#[test]
fn every_address_shows_its_page() {
    let rows = [
        ("", "", Page::Start),
        ("/", "", Page::Start),
        ("/channels", "", Page::Groups),
        ("/channels/", "", Page::Groups),
        ("/channels/max", "", Page::About),
        ("/channels/max/settings", "", Page::Settings),
        ("/channels/max/history/", "", Page::History),
        ("/channels/maxx", "", Page::NotFound),
        ("/channels/max/settings/x", "", Page::NotFound),
        ("/gallery", "", Page::NotFound),
        ("/dialogs", "/dialogs", Page::Start),
        ("/dialogs/channels/max", "/dialogs", Page::About),
        ("/channels/max", "/dialogs", Page::NotFound),
        ("/dialogsx/channels", "/dialogs", Page::NotFound),
    ];
    for (path, base, page) in rows {
        assert_eq!(page_at(path, base), page, "{path} below {base:?}");
    }
}
