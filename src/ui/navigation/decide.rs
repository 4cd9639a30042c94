//! Which clicks the app moves on itself, and which page an address shows, decided from
//! plain facts: no browser here, so every case is a row of a native test.

/// What a click was, as the app needs it.
#[derive(Debug, Clone, Default)]
pub struct Click {
    /// Something else handled it already.
    pub default_prevented: bool,
    /// 0 is the main button.
    pub button: i16,
    /// Ctrl, ⌘, Shift or Alt: the browser opens a tab, a window or a download.
    pub modifier: bool,
    /// The link the click is in, if any.
    pub link: Option<Link>,
}

/// The `<a href>` a click landed in.
#[derive(Debug, Clone, Default)]
pub struct Link {
    pub id: String,
    pub target: Option<String>,
    /// `download`, or `rel="external"`: the browser's.
    pub browsers: bool,
    pub origin: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
}

/// The route below `base` (with its query) a plain click on a link of the app goes to;
/// `None` for anything the browser or someone else handles: another button, a modifier, a
/// new tab, a download, another site, a path beside the base, a jump within the page
/// (`here`: the address's path and query now).
pub fn route_of(click: &Click, base: &str, origin: &str, here: &str) -> Option<String> {
    if click.default_prevented || click.button != 0 || click.modifier {
        return None;
    }
    let link = click.link.as_ref()?;
    let own_tab = link.target.as_deref().is_none_or(|target| target.is_empty() || target == "_self");
    if !own_tab || link.browsers || link.origin != origin {
        return None;
    }
    // «#customer-view» on the same page: the browser scrolls, the page stays.
    if !link.hash.is_empty() && format!("{}{}", link.pathname, link.search) == here {
        return None;
    }
    let route = below_base(&link.pathname, base)?;
    Some(format!("{route}{}", link.search))
}

/// `path` without `base`, when it is below it (`/dialogs/channels` → `/channels`).
fn below_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let route = path.strip_prefix(base)?;
    (route.is_empty() || route.starts_with('/')).then_some(route)
}

/// The app's pages, as the address names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: sent on to «Группы каналов».
    Start,
    Groups,
    About,
    Settings,
    History,
    NotFound,
}

/// The page an address (`pathname`, below `base`) shows; a trailing `/` is the same page.
pub fn page_at(pathname: &str, base: &str) -> Page {
    let Some(route) = below_base(pathname, base) else {
        return Page::NotFound;
    };
    match route.trim_end_matches('/') {
        "" => Page::Start,
        "/channels" => Page::Groups,
        "/channels/max" => Page::About,
        "/channels/max/settings" => Page::Settings,
        "/channels/max/history" => Page::History,
        _ => Page::NotFound,
    }
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
