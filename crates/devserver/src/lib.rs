//! The development back end of the MAX channel admin app.
//!
//! It implements every operation of the contract (`max-channel-contract`) over in-memory
//! state with realistic Russian data, validates writes with the very functions the app
//! uses, checks tokens with a fake or the real MAX, and serves the built app with a
//! runtime configuration. Test-only controls (faults, request log) are off by default.

pub mod api;
pub mod compress;
pub mod csp;
pub mod faults;
pub mod host_page;
pub mod max;
pub mod seed;
pub mod static_files;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use tokio::net::TcpListener;

pub use csp::CspReport;
pub use faults::{FaultSpec, LoggedRequest};
pub use max::{MaxApi, MaxOutcome};
pub use seed::SeedKind;
pub use store::Store;

/// How the server was started.
#[derive(Debug, Clone)]
pub struct Config {
    pub bind: std::net::IpAddr,
    /// 0 picks a free port (tests).
    pub port: u16,
    /// The built app (Trunk's `dist/`); `None` serves only the API.
    pub dist: Option<PathBuf>,
    /// Persist the state to this JSON file.
    pub state_file: Option<PathBuf>,
    pub max: MaxApi,
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
    /// Send a strict `Content-Security-Policy` with the app and the host page (see [`csp`]);
    /// on by default, `--no-csp` switches it off. `frame-ancestors` is `'self'` and
    /// `parent_origin`; with `test_controls` violations are reported to `/__dev/csp-reports`.
    pub csp: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: [127, 0, 0, 1].into(),
            port: 8080,
            dist: None,
            state_file: None,
            max: MaxApi::Fake,
            chat_bots_service: true,
            seed: SeedKind::Standard,
            test_controls: false,
            csrf_token: "dev-csrf-token".into(),
            base_path: "/".into(),
            parent_origin: None,
            serve_api: true,
            request_timeout_ms: None,
            csp: true,
        }
    }
}

/// The shared state of the handlers.
pub struct AppState {
    pub config: Config,
    pub directory: seed::Directory,
    store: Mutex<Store>,
    controls: Mutex<faults::Controls>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let store = match &config.state_file {
            Some(path) if path.exists() => Store::load(path)?,
            _ => Store::new(config.chat_bots_service),
        };
        let mut store = store;
        // The command line wins over the file for the service flag.
        store.chat_bots_service = config.chat_bots_service;
        let state = AppState {
            directory: seed::Directory::new(config.seed),
            store: Mutex::new(store),
            controls: Mutex::new(faults::Controls::default()),
            config,
        };
        state.persist(&state.store())?;
        Ok(state)
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn controls(&self) -> MutexGuard<'_, faults::Controls> {
        self.controls.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the store to the state file, if there is one.
    pub fn persist(&self, store: &Store) -> Result<(), String> {
        match &self.config.state_file {
            Some(path) => store.persist(path),
            None => Ok(()),
        }
    }

    /// Back to a fresh account (test controls).
    pub fn reset(&self, chat_bots_service: bool) -> Result<(), String> {
        let mut store = self.store();
        *store = Store::new(chat_bots_service);
        self.persist(&store)
    }
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
        router = router.nest("/__dev", api::dev_routes());
    }
    router
        .fallback(static_files::serve)
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
        Ok(Server {
            addr,
            state,
            shutdown: Some(tx),
            task,
        })
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
