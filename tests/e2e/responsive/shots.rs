//! The widths, the pictures and how they are taken: at rest, named by page and width, with the action bar's place checked.

use super::*;

/// The widths the app is held to: a phone, a tablet, a laptop, a wide desktop.
pub(super) const WIDTHS: [(u32, u32); 4] = [(360, 740), (768, 1024), (1280, 800), (1920, 1080)];

/// Chromium's pictures are the documented ones; another engine's go into a folder named
/// after it, so that runs side by side do not write over each other.
pub(super) fn screenshots_dir() -> PathBuf {
    let dir = std::env::var_os("MAX_SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots"));
    match crate::support::engine::current() {
        Engine::Chromium => dir,
        other => dir.join(other.name()),
    }
}

max_channel_kit::closed_enum! {
    /// The pages and states of the screenshots, each reached the way a person reaches it.
    #[derive(Debug, Clone, Copy)]
    pub(super) enum Shot {
        ChannelGroups = "channel-groups",
        About = "about",
        Settings = "settings",
        SettingsErrors = "settings-errors",
        SettingsConnected = "settings-connected",
        // Issue 34's states (the account is connected from `SettingsConnected` on).
        SettingsWarnings = "settings-warnings",
        TokenRefused = "token-refused",
        DisconnectDialog = "disconnect-dialog",
        AboutConnected = "about-connected",
        NotFound = "not-found",
    }
}

impl Shot {
    pub(super) async fn reach(self, e2e: &E2e) {
        // No draft of an earlier state offered back: leave the form (which keeps one as
        // it goes) for a page that keeps none, then forget it.
        e2e.open("/screenshots-start").await;
        e2e.js("localStorage.clear(); sessionStorage.clear();").await;
        match self {
            Shot::ChannelGroups => {
                e2e.open("/channels").await;
                e2e.find("a.tile[data-kind=max]").await;
            }
            Shot::About => {
                e2e.open("/channels/max").await;
                e2e.wait_for_text(".price", "₽").await;
            }
            Shot::Settings => {
                e2e.open("/channels/max/settings").await;
                e2e.find("button[type=submit]").await;
            }
            Shot::SettingsErrors => {
                e2e.open("/channels/max/settings").await;
                e2e.type_into(&control(FieldPath::Token), "токен с пробелом").await;
                e2e.click("label[for=closing-enabled]").await;
                e2e.click(&part(FieldPath::Replies(ReplyList::Working), "add")).await;
                e2e.click("button[type=submit]").await;
                e2e.find(&error(FieldPath::Token)).await;
            }
            Shot::SettingsConnected => {
                e2e.open("/channels/max/settings").await;
                e2e.find(".token-stored").await;
            }
            Shot::SettingsWarnings => {
                e2e.open("/channels/max/settings").await;
                e2e.select("#auto-close-preset", "60").await;
                e2e.type_into(&control(reply(0, ReplyField::Delay)), "2").await;
                e2e.select(&part(reply(0, ReplyField::Delay), "unit"), "h").await;
                e2e.find("#bar-warnings").await;
            }
            Shot::TokenRefused => {
                e2e.open("/channels/max/settings").await;
                e2e.click("#token-replace").await;
                e2e.type_into(&control(FieldPath::Token), "revoked-abc").await;
                e2e.click("#token-check").await;
                e2e.find("#token-guide[open]").await;
            }
            Shot::DisconnectDialog => {
                e2e.open("/channels/max/settings").await;
                e2e.click(".danger-zone .button--danger-outline").await;
                e2e.wait_for_dialog("disconnect-dialog", true).await;
            }
            Shot::AboutConnected => {
                e2e.open("/channels/max").await;
                e2e.find("#link-kit-preview").await;
                e2e.find(".link-kit__qr svg").await;
            }
            Shot::NotFound => {
                e2e.open("/no/such/page").await;
                e2e.wait_for_text("h1", "Страница не найдена").await;
            }
        }
        // Screenshots start at the top, as the page opens.
        e2e.js("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();").await;
    }
}

/// `prefers-reduced-motion: reduce`. Pictures at rest: no transition caught half-way, so the
/// same page gives the same file.
pub(super) async fn hold_still(e2e: &E2e) {
    e2e.prefer_reduced_motion().await;
}

/// Where the settings' «Сохранить» is when it is not inside the window without scrolling.
pub(super) async fn save_button_off_screen(e2e: &E2e) -> Option<String> {
    let script = "const b = document.querySelector('.action-bar button[type=submit]'); if (!b) return 'no button'; \
                  const r = b.getBoundingClientRect(); const bar = document.querySelector('.action-bar').getBoundingClientRect(); \
                  if (r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth) return null; \
                  return `button ${Math.round(r.left)},${Math.round(r.top)}…${Math.round(r.right)},${Math.round(r.bottom)}; \
                  bar ${Math.round(bar.top)}…${Math.round(bar.bottom)}; window ${window.innerWidth}×${window.innerHeight}, scrolled ${Math.round(scrollY)}`;";
    e2e.js(script).await.as_str().map(str::to_owned)
}
