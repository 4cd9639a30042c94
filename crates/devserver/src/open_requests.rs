//! The requests the server is answering right now: what a test reports when a page never
//! finishes loading, to tell a browser waiting for this server from one waiting for itself
//! (docs/browsers.md, «A navigation that never ends»).

use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::Shared;

/// The requests whose answer has not begun, oldest first.
#[derive(Debug, Default)]
pub struct OpenRequests {
    next: u64,
    open: Vec<(u64, String, Instant)>,
}

impl OpenRequests {
    /// A request arrived; its id ends it.
    pub fn start(&mut self, what: String) -> u64 {
        self.next += 1;
        self.open.push((self.next, what, Instant::now()));
        self.next
    }

    pub fn end(&mut self, id: u64) {
        self.open.retain(|(open, ..)| *open != id);
    }

    /// «GET /channels, 61.2 s» for each request still open.
    pub fn describe(&self) -> Vec<String> {
        self.open.iter().map(|(_, what, since)| format!("{what}, {:.1} s", since.elapsed().as_secs_f64())).collect()
    }
}

/// Ends its request when dropped: answered, or dropped with a closed connection.
struct Ending {
    state: Shared,
    id: u64,
}

impl Drop for Ending {
    fn drop(&mut self) {
        self.state.open_requests().end(self.id);
    }
}

/// The middleware: every request is open from its arrival until its answer begins.
pub async fn track(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let what = format!("{} {}", request.method(), request.uri().path());
    let id = state.open_requests().start(what);
    let _ending = Ending { state, id };
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_open_until_it_ends() {
        let mut open = OpenRequests::default();
        let page = open.start("GET /channels".into());
        let wasm = open.start("GET /app.wasm".into());
        open.end(page);
        let described = open.describe();
        assert_eq!(described.len(), 1);
        assert!(described[0].starts_with("GET /app.wasm, "), "{described:?}");
        open.end(wasm);
        assert!(open.describe().is_empty());
    }
}
