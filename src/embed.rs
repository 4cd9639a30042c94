//! Talking to the cabinet that embeds the app in an iframe: `postMessage` of
//! `{source: "max-channel", type: "height" | "state" | "session-expired", …}`.
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
    }
    members.end();
    out
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
    }

    fn report_height() {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height().max(0) as u32)
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
    }

    #[test]
    fn the_target_is_never_a_wildcard() {
        assert_eq!(target_origin(Some("https://lk.example"), "https://app.example"), "https://lk.example");
        assert_eq!(target_origin(None, "https://app.example"), "https://app.example");
    }
}
