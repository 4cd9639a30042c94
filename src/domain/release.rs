//! Which build a page is (issue 35): `cargo xtask build` names every bundle by a build id in
//! `<meta name="max-channel-build">`, so that a tab opened before a deploy can tell «the
//! files of my build are gone: a new version is out» from «the network failed».

/// The `name` of the page's build id `<meta>`.
pub const BUILD_META: &str = "max-channel-build";

/// The build id a page's HTML names in its `<meta name="max-channel-build" content="…">`
/// (as `cargo xtask build` writes it: `name` before `content`, double quotes).
pub fn build_in_page(html: &str) -> Option<&str> {
    let tag = format!("<meta name=\"{BUILD_META}\" content=\"");
    let start = html.find(&tag)? + tag.len();
    let length = html[start..].find('"')?;
    let id = &html[start..start + length];
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric())).then_some(id)
}

/// What a module that could not be downloaded means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadFailure {
    /// The server now serves another build: this tab's files are gone, a reload brings the
    /// new version (a retry never will).
    NewVersion,
    /// The file arrived but its bytes were not the build's, so the browser refused to run it
    /// (its integrity): a proxy or a server changed it. Nothing the person can fix.
    Refused,
    /// Anything else — the network, the same build's server failing, a build without an
    /// id: «Повторить» may help, a reload may.
    Unavailable,
}

impl DownloadFailure {
    /// Its name for the host (`error {kind}`) and the page's `data-split-failed`.
    pub fn kind(self) -> &'static str {
        match self {
            DownloadFailure::NewVersion => "new-version",
            DownloadFailure::Refused => "refused",
            DownloadFailure::Unavailable => "download",
        }
    }
}

/// Why a download failed: this page's build id and the one the server's page names now
/// (`None`: the page could not be fetched, or names none), then `refused` (the browser
/// refused a file of this attempt for its integrity).
pub fn why_download_failed(refused: bool, own: Option<&str>, served: Option<&str>) -> DownloadFailure {
    // A deploy first: a host that answers a gone file with its page (against the rules) makes
    // every old module look altered.
    match (own, served) {
        (Some(own), Some(served)) if own != served => DownloadFailure::NewVersion,
        _ if refused => DownloadFailure::Refused,
        _ => DownloadFailure::Unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_its_build_in_its_meta() {
        let page =
            "<head><meta charset=\"utf-8\" />\n<meta name=\"max-channel-build\" content=\"4afbe06abf6f78db\">\n</head>";
        assert_eq!(build_in_page(page), Some("4afbe06abf6f78db"));
        assert_eq!(build_in_page("<head></head>"), None, "a dev build has none");
        assert_eq!(build_in_page("<meta name=\"max-channel-build\" content=\"\">"), None);
        assert_eq!(build_in_page("<meta name=\"max-channel-build\" content=\"a<b\">"), None, "an id is plain");
        assert_eq!(build_in_page("<meta name=\"max-channel-build\" content=\"abc"), None, "cut short");
    }

    #[test]
    fn only_another_build_on_the_server_is_a_new_version() {
        use DownloadFailure::*;
        assert_eq!(why_download_failed(false, Some("a1"), Some("b2")), NewVersion);
        assert_eq!(why_download_failed(false, Some("a1"), Some("a1")), Unavailable, "same build: the server failed");
        assert_eq!(why_download_failed(false, Some("a1"), None), Unavailable, "offline, or a page without an id");
        assert_eq!(why_download_failed(false, None, Some("b2")), Unavailable, "a dev build knows no id");
        assert_eq!(why_download_failed(false, None, None), Unavailable);
        assert_eq!(why_download_failed(true, Some("a1"), Some("a1")), Refused, "bytes not the build's");
        assert_eq!(why_download_failed(true, Some("a1"), Some("b2")), NewVersion, "a deploy is said first");
        let kinds: Vec<_> = [NewVersion, Refused, Unavailable].map(DownloadFailure::kind).into();
        assert_eq!(kinds, ["new-version", "refused", "download"]);
    }
}
