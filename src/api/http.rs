//! The one request path every call takes.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use gloo_net::http::{Method, RequestBuilder};
use max_channel_contract::json::{parse, to_json_string, FromJson, Json, JsonError, ToJson};
use max_channel_contract::{Operation, CSRF_HEADER};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::ApiError;
use crate::config::RuntimeConfig;

/// Called when the session expired (any 401), so the embedding cabinet can log in again.
pub type SessionExpiredHook = Arc<dyn Fn() + Send + Sync>;

thread_local! {
    /// The token the host gave after the person logged in again (`session-renewed`).
    static RENEWED_CSRF: std::cell::RefCell<Option<Arc<str>>> = const { std::cell::RefCell::new(None) };
}

/// Every write from now on carries `token` (the host's `session-renewed`, docs/embedding.md):
/// after a new login the configured token is stale, and no reload is needed.
pub fn renew_csrf_token(token: &str) {
    RENEWED_CSRF.with(|renewed| *renewed.borrow_mut() = Some(token.into()));
}

/// The client over the network; cheap to clone.
#[derive(Clone)]
pub struct HttpClient {
    api_base: Arc<str>,
    csrf_token: Arc<str>,
    timeout_ms: u32,
    on_session_expired: Option<SessionExpiredHook>,
    /// The back end's clock minus the browser's, in ms, from the last `Date` read.
    clock_offset_ms: Arc<AtomicI64>,
}

/// A finished answer, body read.
struct Answer {
    status: u16,
    body: String,
    retry_after: Option<u32>,
}

/// A file of the bundle as text (the English catalogue), within `timeout_ms`.
pub async fn fetch_bundle_file(path: &str, timeout_ms: u32) -> Result<String, ApiError> {
    fetch_text(path, timeout_ms, web_sys::RequestCache::Default).await
}

/// The app's page as the server answers it now, never from a cache (which build it names:
/// `domain::release`), within `timeout_ms`.
pub async fn fetch_served_page(path: &str, timeout_ms: u32) -> Result<String, ApiError> {
    fetch_text(path, timeout_ms, web_sys::RequestCache::NoStore).await
}

async fn fetch_text(path: &str, timeout_ms: u32, cache: web_sys::RequestCache) -> Result<String, ApiError> {
    let guard = AbortGuard::new(timeout_ms);
    let request = RequestBuilder::new(path)
        .cache(cache)
        .abort_signal(guard.signal().as_ref())
        .build()
        .map_err(|_| ApiError::Network)?;
    let response = request.send().await.map_err(|_| guard.failure())?;
    if !response.ok() {
        return Err(ApiError::Unexpected(format!("HTTP {} for {path}", response.status())));
    }
    response.text().await.map_err(|_| guard.failure())
}

/// Aborts the fetch when dropped — when the caller (a resource of an unmounted page)
/// stops waiting — and after the time-out, which it remembers so the error can say so.
struct AbortGuard {
    controller: Option<web_sys::AbortController>,
    timed_out: Rc<Cell<bool>>,
    timer: Option<i32>,
    _on_timeout: Option<Closure<dyn FnMut()>>,
}

impl AbortGuard {
    fn new(timeout_ms: u32) -> AbortGuard {
        let controller = web_sys::AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let mut guard = AbortGuard { controller, timed_out: timed_out.clone(), timer: None, _on_timeout: None };
        if let (Some(window), Some(controller)) = (web_sys::window(), guard.controller.clone()) {
            let on_timeout = Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            });
            guard.timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    on_timeout.as_ref().unchecked_ref(),
                    timeout_ms.min(i32::MAX as u32) as i32,
                )
                .ok();
            guard._on_timeout = Some(on_timeout);
        }
        guard
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(|c| c.signal())
    }

    fn failure(&self) -> ApiError {
        if self.timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
        if let Some(controller) = &self.controller {
            // Harmless once the answer is in; stops the transfer when it is not.
            controller.abort();
        }
    }
}

impl HttpClient {
    pub fn new(config: &RuntimeConfig) -> HttpClient {
        HttpClient {
            api_base: config.api_base.as_str().into(),
            csrf_token: config.csrf_token.as_str().into(),
            timeout_ms: config.request_timeout_ms,
            on_session_expired: None,
            clock_offset_ms: Arc::default(),
        }
    }

    /// Runs `hook` on every 401 answer.
    pub fn on_session_expired(mut self, hook: SessionExpiredHook) -> HttpClient {
        self.on_session_expired = Some(hook);
        self
    }

    fn url(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut url = format!("{}{path}", self.api_base);
        for (i, (key, value)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&String::from(js_sys::encode_uri_component(value)));
        }
        url
    }

    /// Sends one request of `operation` to `path` (its own, or with its `{id}` filled in)
    /// and reads the whole answer, within the time-out. The operation decides the method
    /// and whether the CSRF header goes along (every state-changing call, POSTs without a
    /// body included).
    async fn exchange(
        &self,
        operation: Operation,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        header: Option<(&str, &str)>,
    ) -> Result<Answer, ApiError> {
        let guard = AbortGuard::new(self.timeout_ms);
        let signal = guard.signal();
        // The contract's methods are all valid tokens; the fallback is never taken.
        let method = Method::from_bytes(operation.method().as_bytes()).unwrap_or(Method::GET);
        let mut builder = RequestBuilder::new(&self.url(path, query))
            .method(method)
            .abort_signal(signal.as_ref())
            .header("Accept", "application/json");
        if operation.needs_csrf() {
            let renewed = RENEWED_CSRF.with(|renewed| renewed.borrow().clone());
            builder = builder.header(CSRF_HEADER, renewed.as_deref().unwrap_or(&self.csrf_token));
        }
        if let Some((name, value)) = header {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(json) => builder.header("Content-Type", "application/json").body(json),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;
        let response = request.send().await.map_err(|_| guard.failure())?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse::<u32>().ok());
        if let Some(date) = response.headers().get("date") {
            self.read_clock(&date);
        }
        let body = response.text().await.map_err(|_| guard.failure())?;
        if status == 401 {
            if let Some(hook) = &self.on_session_expired {
                hook();
            }
        }
        Ok(Answer { status, body, retry_after })
    }

    /// Remembers how far the back end's clock is from ours. `Date` has whole seconds and
    /// truncates, so the middle of its second is the best guess; a cross-origin back end
    /// must list `Date` in `Access-Control-Expose-Headers`, else the offset stays 0.
    fn read_clock(&self, date: &str) {
        let server = js_sys::Date::parse(date);
        if server.is_finite() {
            let offset = server + 500.0 - js_sys::Date::now();
            self.clock_offset_ms.store(offset as i64, Ordering::Relaxed);
        }
    }

    pub(super) fn clock_offset_ms(&self) -> f64 {
        self.clock_offset_ms.load(Ordering::Relaxed) as f64
    }

    /// The error a non-2xx answer of `operation` stands for. A 4xx the contract does not
    /// document for this call is not guessed at: it is an unexpected answer.
    fn failure(operation: Operation, answer: &Answer) -> ApiError {
        let error = if operation.understands(answer.status) {
            ApiError::from_response(answer.status, &answer.body, answer.retry_after)
        } else {
            ApiError::Unexpected(format!("HTTP {} is not in the contract of {}", answer.status, operation.name()))
        };
        if let ApiError::Unexpected(details) = &error {
            // The details go to the console for whoever debugs; the person sees a plain message.
            leptos::logging::warn!("max-channel: {details}");
        }
        error
    }

    /// Turns an answer into its JSON tree or the error it stands for.
    fn decode(operation: Operation, answer: Answer) -> Result<Json, ApiError> {
        if !(200..300).contains(&answer.status) {
            return Err(Self::failure(operation, &answer));
        }
        parse(&answer.body).map_err(|e| not_the_contract(operation, e))
    }

    /// A call without a request body that answers JSON: the GETs, and the POSTs the
    /// contract gives no body (`checkMaxHealth`, `repairMaxHealth`, `startMaxDeliveryTest`).
    pub(super) async fn fetch_json<T: FromJson>(
        &self,
        operation: Operation,
        query: Vec<(&'static str, String)>,
    ) -> Result<T, ApiError> {
        let json = self.exchange_json(operation, operation.path(), &query, None, None).await?;
        T::from_json(json).map_err(|e| not_the_contract(operation, e))
    }

    /// A GET of one item by its path's `{id}` (`getMaxDeliveryTest`), percent-encoded.
    pub(super) async fn fetch_json_by_id<T: FromJson>(&self, operation: Operation, id: &str) -> Result<T, ApiError> {
        let path = operation.path_for(id);
        let json = self.exchange_json(operation, &path, &[], None, None).await?;
        T::from_json(json).map_err(|e| not_the_contract(operation, e))
    }

    pub(super) async fn send_json<'a, B: ToJson, T: FromJson>(
        &'a self,
        operation: Operation,
        body: &'a B,
        header: Option<(&'a str, &'a str)>,
    ) -> Result<T, ApiError> {
        let json = self.exchange_json(operation, operation.path(), &[], Some(to_json_string(body)), header).await?;
        T::from_json(json).map_err(|e| not_the_contract(operation, e))
    }

    /// The exchange and the parse, one copy for every answer type: only reading the tree
    /// into `T` is per type (each generic future would otherwise carry its own copy).
    async fn exchange_json(
        &self,
        operation: Operation,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        header: Option<(&str, &str)>,
    ) -> Result<Json, ApiError> {
        let answer = self.exchange(operation, path, query, body, header).await?;
        Self::decode(operation, answer)
    }

    /// A call without a body either way (`disconnectMax`: 204).
    pub(super) async fn send_empty(&self, operation: Operation) -> Result<(), ApiError> {
        let answer = self.exchange(operation, operation.path(), &[], None, None).await?;
        match answer.status {
            // The contract answers 204; an empty 2xx means the same.
            200..=299 if answer.body.trim().is_empty() => Ok(()),
            200..=299 => {
                leptos::logging::warn!(
                    "max-channel: HTTP {} of {} carries a body the contract does not",
                    answer.status,
                    operation.name()
                );
                Err(ApiError::Unexpected(format!("HTTP {} with a body", answer.status)))
            }
            _ => Err(Self::failure(operation, &answer)),
        }
    }
}

/// A 2xx answer that is not the contract's JSON: the details go to the console.
fn not_the_contract(operation: Operation, error: JsonError) -> ApiError {
    leptos::logging::warn!("max-channel: the answer to {} is not the contract's JSON: {error}", operation.name());
    ApiError::Unexpected(error.to_string())
}
