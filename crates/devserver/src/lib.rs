//! The development back end of the MAX channel admin app.
//!
//! It serves THE fake back end (`max-channel-fake`: the account, its rules, its directory,
//! the fake MAX, the schedule, the history, delivery tests and sources) over HTTP as
//! contract 1.2 says, so the dev back end and preview mode cannot answer differently. Every
//! handler is a thin adapter: decode the request, call the [`Fake`], write its answer as
//! JSON or its [`Refusal`](max_channel_fake::Refusal) as status, body and `Retry-After`.
//! With `--max-api` the calls that need MAX ask the real MAX Bot API in between the fake's
//! two steps (see [`max`]). It also serves the built app with a runtime configuration.
//! Test-only controls (faults, request log, the fake MAX's condition, the clock, presets,
//! customers' updates, seeded dialogs) are off by default.
//!
//! Who saves: the session's administrator — the actor of every history entry a save or
//! disconnect adds — is employee `e-101` of the directory
//! ([`max_channel_fake::DEFAULT_ACTOR_ID`]) unless `POST /__dev/actor` says otherwise.
//! A real back end would take it from the cabinet's session.

pub mod api;
/// The codecs of the precompressed siblings (the crate the xtask writes them with).
pub use max_channel_codecs as compress;
pub mod console;
pub mod csp;
pub mod fallback;
pub mod faults;
pub mod host_page;
pub mod max;
pub mod open_requests;
pub mod page;
pub mod preview;
pub mod state_file;
pub mod static_files;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use max_channel_fake::clock::SystemClock;
use max_channel_fake::Fake;
use tokio::net::TcpListener;

pub use csp::CspReport;
pub use faults::{FaultSpec, LoggedRequest};
pub use max::{MaxApi, RealMax};
pub use max_channel_fake::SeedKind;

/// How the server was started.
#[derive(Debug, Clone)]
pub struct Config {
    pub bind: std::net::IpAddr,
    /// 0 picks a free port (tests).
    pub port: u16,
    /// The built app (Trunk's `dist/`); `None` serves only the API.
    pub dist: Option<PathBuf>,
    /// The designers' build (the `preview` feature, built with `--public-url /preview/`),
    /// served at [`preview::PREVIEW_PATH`] beside `dist`; its pages open preview mode.
    pub preview_dist: Option<PathBuf>,
    /// Persist the state to this JSON file.
    pub state_file: Option<PathBuf>,
    pub max: MaxApi,
    /// Where MAX is asked to deliver the bot's updates (`--webhook-url`): what a repair
    /// subscribes and what the health check expects to find.
    pub webhook_url: String,
    pub chat_bots_service: bool,
    pub seed: SeedKind,
    /// Enables `/__dev/*`: fault injection, the request log, reset.
    pub test_controls: bool,
    /// The value `X-CSRF-Token` must carry; handed to the app in its runtime config.
    pub csrf_token: String,
    /// The router base path the app is mounted under (`/` or e.g. `/dialogs`).
    pub base_path: String,
    /// Handed to the app as `parent_origin` (where it posts embedding messages).
    pub parent_origin: Option<String>,
    /// Serve the API; off serves the app alone, as preview mode runs with no back end.
    pub serve_api: bool,
    /// Handed to the app as `request_timeout_ms` (tests shorten it).
    pub request_timeout_ms: Option<u32>,
    /// Handed to the app as `health_refresh_ms` (tests shorten the minute).
    pub health_refresh_ms: Option<u32>,
    /// Handed to the app as `account_id` (its draft is kept per account).
    pub account_id: Option<String>,
    /// Serve the bundle's files below the base only, never at the site root
    /// (`--files-below-base-only`): a bundle built for the base path must need no file from
    /// the root (issue 35), and the browser suite proves it so.
    pub files_below_base_only: bool,
    /// Handed to the app as `locale`: `ru` (default) or `en`, as the cabinet's language.
    pub locale: String,
    /// Send a strict `Content-Security-Policy` with the app and the host page (see [`csp`]);
    /// on by default, `--no-csp` switches it off. `frame-ancestors` is `'self'` and
    /// `parent_origin`; with `test_controls` violations are reported to `/__dev/csp-reports`.
    pub csp: bool,
    /// With `test_controls`: the app's page loads [`console::SCRIPT`], which sends its
    /// console to `/__dev/console` for the end-to-end tests (see [`console`]).
    pub console_capture: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: [127, 0, 0, 1].into(),
            port: 8080,
            dist: None,
            preview_dist: None,
            state_file: None,
            max: MaxApi::Fake,
            webhook_url: max_channel_fake::DEFAULT_WEBHOOK_URL.into(),
            chat_bots_service: true,
            seed: SeedKind::Standard,
            test_controls: false,
            csrf_token: "dev-csrf-token".into(),
            locale: "ru".into(),
            base_path: "/".into(),
            parent_origin: None,
            serve_api: true,
            request_timeout_ms: None,
            health_refresh_ms: None,
            account_id: None,
            files_below_base_only: false,
            csp: true,
            console_capture: false,
        }
    }
}

/// The shared state of the handlers.
pub struct AppState {
    pub config: Config,
    /// The one account. Held only between awaits: a handler that asks the real MAX
    /// releases it meanwhile, and the fake checks the version again when it commits.
    fake: Mutex<Fake>,
    controls: Mutex<faults::Controls>,
    console: Mutex<console::Console>,
    open_requests: Mutex<open_requests::OpenRequests>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let mut fake = new_fake(&config, config.chat_bots_service);
        if let Some(path) = config.state_file.as_deref().filter(|p| p.exists()) {
            fake.restore(state_file::load(path)?);
            // The command line wins over the file for the service flag.
            fake.set_chat_bots_service(config.chat_bots_service);
        }
        let state = AppState {
            fake: Mutex::new(fake),
            controls: Mutex::new(faults::Controls::default()),
            console: Mutex::new(console::Console::default()),
            open_requests: Mutex::new(open_requests::OpenRequests::default()),
            config,
        };
        state.persist(&state.fake())?;
        Ok(state)
    }

    /// The fake back end. Never hold the guard across an `.await`.
    pub fn fake(&self) -> MutexGuard<'_, Fake> {
        self.fake.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn controls(&self) -> MutexGuard<'_, faults::Controls> {
        self.controls.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The requests being answered now (see [`open_requests`]).
    pub fn open_requests(&self) -> MutexGuard<'_, open_requests::OpenRequests> {
        self.open_requests.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// What the page's console said (with `Config::console_capture`).
    pub fn console(&self) -> MutexGuard<'_, console::Console> {
        self.console.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the account to the state file, if there is one.
    pub fn persist(&self, fake: &Fake) -> Result<(), String> {
        match &self.config.state_file {
            Some(path) => state_file::persist(fake.account(), path),
            None => Ok(()),
        }
    }

    /// Back to a fresh account and the real time (test controls): a new fake, since the
    /// fake's clock skew only moves by [`Fake::advance`].
    pub fn reset(&self, chat_bots_service: bool) -> Result<(), String> {
        self.replace(new_fake(&self.config, chat_bots_service))
    }

    /// Puts `fake` in place of the current one, and keeps it.
    pub fn replace(&self, fake: Fake) -> Result<(), String> {
        let mut current = self.fake();
        *current = fake;
        self.persist(&current)
    }
}

/// A fresh fake as the configuration wants it: its seed, the system clock, the webhook
/// URL, and — with `--max-api` — no fake MAX consulted behind the real one's back.
pub fn new_fake(config: &Config, chat_bots_service: bool) -> Fake {
    let mut fake = Fake::new(config.seed, chat_bots_service, Box::new(SystemClock));
    fake.set_webhook_url(&config.webhook_url);
    if config.max.is_real() {
        fake.use_external_max();
    }
    fake
}

/// The whole application: API, test controls, and the built app.
pub fn app(state: Shared) -> Router {
    let mut router = Router::new()
        .route("/__host", axum::routing::get(host_page::page))
        .route("/__host.js", axum::routing::get(host_page::script))
        .route("/__host.css", axum::routing::get(host_page::style));
    if state.config.serve_api {
        router = router.nest("/api/v1", api::routes(state.clone()));
    }
    if state.config.test_controls {
        let mut dev = api::dev::routes();
        if state.config.console_capture {
            dev = dev
                .route("/test-page.js", axum::routing::get(console::script))
                .route("/console", axum::routing::post(console::receive));
        }
        router = router.nest("/__dev", dev);
    }
    router
        .fallback(fallback::serve)
        .layer(axum::middleware::from_fn_with_state(state.clone(), open_requests::track))
        .with_state(state)
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    pub state: Shared,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Binds and serves in the background of the current tokio runtime.
    pub async fn start(config: Config) -> Result<Server, String> {
        let listener = TcpListener::bind((config.bind, config.port))
            .await
            .map_err(|e| format!("bind {}:{}: {e}", config.bind, config.port))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let state: Shared = Arc::new(AppState::new(config)?);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let router = app(state.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Server { addr, state, shutdown: Some(tx), task })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting and ends the server; open connections are dropped.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.abort();
        let _ = (&mut self.task).await;
    }

    /// Waits until the server ends (Ctrl-C for the binary).
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}
