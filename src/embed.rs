//! Talking to the cabinet that embeds the app in an iframe: `postMessage` of
//! `{source: "max-channel", type: "height" | "state" | "session-expired" | "ready" | "error", …}`.
//!
//! Messages go to the configured parent origin — never `*`. Without one configured they go
//! to the app's own origin (the cabinet serves the app same-origin by default), so a
//! foreign page that frames the app learns nothing.

use max_channel_contract::json::Members;

/// The `source` of every message.
pub const SOURCE: &str = "max-channel";

/// A message to the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMessage {
    /// The content's height in CSS pixels changed.
    Height { height: u32 },
    /// The channel's state changed (`ChannelState` of the contract).
    State { state: String },
    /// A call answered 401: the cabinet must log in again.
    SessionExpired,
    /// The host's `session-renewed` was taken: writes carry its token from now on.
    SessionRenewed,
    /// The app has started and shows its first page; `build` is the bundle's build id
    /// (`<meta name="max-channel-build">`; `None` in a build without one).
    Ready { build: Option<String> },
    /// Something the host should know failed: `kind` `config` (`key`: the configuration's
    /// key at fault), `download` / `refused` / `new-version` (`key`: the part of the app or
    /// the file). The page also shows it to the person.
    Error { kind: &'static str, key: String, build: Option<String> },
}

/// The JSON of a message: `source`, `type` (kebab-case), then the message's field.
pub fn message_json(message: &HostMessage) -> String {
    let mut out = String::new();
    let mut members = Members::start(&mut out);
    members.member("source", SOURCE);
    match message {
        HostMessage::Height { height } => {
            members.member("type", "height");
            members.member("height", height);
        }
        HostMessage::State { state } => {
            members.member("type", "state");
            members.member("state", state);
        }
        HostMessage::SessionExpired => members.member("type", "session-expired"),
        HostMessage::SessionRenewed => members.member("type", "session-renewed"),
        HostMessage::Ready { build } => {
            members.member("type", "ready");
            members.member("build", build);
        }
        HostMessage::Error { kind, key, build } => {
            members.member("type", "error");
            members.member("kind", *kind);
            members.member("key", key.as_str());
            members.member("build", build);
        }
    }
    members.end();
    out
}

/// The token of a host's `{source: "max-channel", type: "session-renewed", csrf_token}`
/// (its fields as read), if it is one the app can send as a header: 1–1024 visible ASCII
/// characters. Anything else is not for the app, or not usable, and is ignored.
pub fn renewed_token<'a>(source: Option<&str>, kind: Option<&str>, token: Option<&'a str>) -> Option<&'a str> {
    let usable = |t: &&str| (1..=1024).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_graphic());
    (source == Some(SOURCE) && kind == Some("session-renewed")).then_some(token?).filter(usable)
}

/// The `targetOrigin` for `postMessage`.
pub fn target_origin(configured: Option<&str>, own_origin: &str) -> String {
    configured.unwrap_or(own_origin).to_owned()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use super::*;

    thread_local! {
        static TARGET: RefCell<Option<String>> = const { RefCell::new(None) };
        static LAST_HEIGHT: RefCell<u32> = const { RefCell::new(0) };
        static LAST_STATE: RefCell<Option<String>> = const { RefCell::new(None) };
        static READY_SENT: RefCell<bool> = const { RefCell::new(false) };
    }

    /// The bundle's build id, from the page's `<meta>` (`cargo xtask build` writes it).
    pub fn build_id() -> Option<String> {
        let selector = format!("meta[name={}]", crate::domain::release::BUILD_META);
        web_sys::window()?.document()?.query_selector(&selector).ok()??.get_attribute("content")
    }

    pub fn report_ready() {
        if !READY_SENT.with(|sent| std::mem::replace(&mut *sent.borrow_mut(), true)) {
            post(&HostMessage::Ready { build: build_id() });
        }
    }

    fn parent() -> Option<web_sys::Window> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        // Not embedded: the parent is the window itself.
        (!js_sys::Object::is(&parent, &window)).then_some(parent)
    }

    pub fn post(message: &HostMessage) {
        let Some(parent) = parent() else { return };
        let Some(target) = TARGET.with(|t| t.borrow().clone()) else { return };
        let Ok(data) = js_sys::JSON::parse(&message_json(message)) else { return };
        let _ = parent.post_message(&data, &target);
    }

    /// Starts reporting: remembers the target origin and watches the content's height.
    pub fn start(parent_origin: Option<&str>) {
        let Some(window) = web_sys::window() else { return };
        let own = window.location().origin().unwrap_or_default();
        TARGET.with(|t| *t.borrow_mut() = Some(target_origin(parent_origin, &own)));
        if parent().is_none() {
            return;
        }
        let Some(body) = window.document().and_then(|d| d.body()) else { return };
        let on_resize = Closure::<dyn FnMut()>::new(report_height);
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&body);
        }
        // The observer lives as long as the page.
        on_resize.forget();
        report_height();
        listen_to_the_host();
    }

    /// The host's messages: only from the configured origin (the app's own by default) and
    /// from the parent window itself, like the app's own messages go only there.
    fn listen_to_the_host() {
        let Some(window) = web_sys::window() else { return };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let from_parent = parent().is_some_and(|p| event.source().is_some_and(|s| js_sys::Object::is(&s, &p)));
            let from_origin = TARGET.with(|t| t.borrow().as_deref() == Some(event.origin().as_str()));
            if !(from_parent && from_origin) {
                return;
            }
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
            let (source, kind, token) = (field("source"), field("type"), field("csrf_token"));
            if let Some(token) = renewed_token(source.as_deref(), kind.as_deref(), token.as_deref()) {
                crate::api::renew_csrf_token(token);
                post(&HostMessage::SessionRenewed);
            }
        });
        let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        // Heard as long as the page lives, as the height is reported.
        on_message.forget();
    }

    fn report_height() {
        // The content's own height: `<html>`'s box, which follows the content down as well as
        // up. Its `scrollHeight` never falls below the frame's height, so a host sizing the
        // frame by it could only grow it (issue 35).
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.get_bounding_client_rect().height().ceil().max(0.0) as u32)
            .unwrap_or(0);
        let changed = LAST_HEIGHT.with(|h| std::mem::replace(&mut *h.borrow_mut(), height) != height);
        if changed {
            post(&HostMessage::Height { height });
        }
    }

    pub fn report_state(state: &str) {
        let changed = LAST_STATE.with(|s| {
            let mut last = s.borrow_mut();
            let changed = last.as_deref() != Some(state);
            *last = Some(state.to_owned());
            changed
        });
        if changed {
            post(&HostMessage::State { state: state.to_owned() });
        }
    }
}

/// Starts reporting to the host (height changes); a no-op outside an iframe.
pub fn start(parent_origin: Option<&str>) {
    #[cfg(target_arch = "wasm32")]
    browser::start(parent_origin);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = parent_origin;
}

/// Tells the host the channel's state, once per change.
pub fn report_state(state: &max_channel_contract::ChannelState) {
    #[cfg(target_arch = "wasm32")]
    browser::report_state(state.as_str());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

/// Tells the host the session expired.
pub fn report_session_expired() {
    #[cfg(target_arch = "wasm32")]
    browser::post(&HostMessage::SessionExpired);
}

/// Tells the host, once, that the app has started and shows its first page.
pub fn report_ready() {
    #[cfg(target_arch = "wasm32")]
    browser::report_ready();
}

/// Tells the host what failed (the person sees it on the page): [`HostMessage::Error`].
pub fn report_error(kind: &'static str, key: &str) {
    #[cfg(target_arch = "wasm32")]
    browser::post(&HostMessage::Error { kind, key: key.to_owned(), build: browser::build_id() });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (kind, key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_source_and_type() {
        let height: serde_json::Value =
            serde_json::from_str(&message_json(&HostMessage::Height { height: 640 })).unwrap();
        assert_eq!(height, serde_json::json!({"source": "max-channel", "type": "height", "height": 640}));
        let state: serde_json::Value =
            serde_json::from_str(&message_json(&HostMessage::State { state: "connected".into() })).unwrap();
        assert_eq!(state["type"], "state");
        assert_eq!(state["state"], "connected");
        let expired: serde_json::Value = serde_json::from_str(&message_json(&HostMessage::SessionExpired)).unwrap();
        assert_eq!(expired, serde_json::json!({"source": "max-channel", "type": "session-expired"}));
        let ready: serde_json::Value =
            serde_json::from_str(&message_json(&HostMessage::Ready { build: Some("4afbe06abf6f78db".into()) }))
                .unwrap();
        assert_eq!(ready, serde_json::json!({"source": "max-channel", "type": "ready", "build": "4afbe06abf6f78db"}));
        let error = HostMessage::Error { kind: "config", key: "api_base".into(), build: None };
        let error: serde_json::Value = serde_json::from_str(&message_json(&error)).unwrap();
        assert_eq!(
            error,
            serde_json::json!({"source": "max-channel", "type": "error", "kind": "config", "key": "api_base", "build": null})
        );
    }

    #[test]
    fn only_a_usable_renewed_token_is_taken() {
        let renewed = |token| renewed_token(Some("max-channel"), Some("session-renewed"), token);
        assert_eq!(renewed(Some("csrf-2")), Some("csrf-2"));
        assert_eq!(renewed(None), None);
        assert_eq!(renewed(Some("")), None);
        assert_eq!(renewed(Some("two words")), None, "not a header value");
        assert_eq!(renewed(Some("токен")), None);
        assert_eq!(renewed(Some(&"a".repeat(1025))), None);
        assert_eq!(renewed_token(Some("other"), Some("session-renewed"), Some("t")), None);
        assert_eq!(renewed_token(Some("max-channel"), Some("height"), Some("t")), None);
    }

    #[test]
    fn the_target_is_never_a_wildcard() {
        assert_eq!(target_origin(Some("https://lk.example"), "https://app.example"), "https://lk.example");
        assert_eq!(target_origin(None, "https://app.example"), "https://app.example");
    }
}
