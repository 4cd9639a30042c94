//! The whole server's fallback: the preview build below `/preview` ([`crate::preview`]),
//! a file of the app ([`crate::static_files`]), else the app's page for a route.

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::static_files::{below_base, file_in, is_asset_like, serve_file};
use crate::Shared;

/// The preview build below `/preview`, files of the app, else its `index.html`.
pub async fn serve(State(state): State<Shared>, request: Request) -> Response {
    if let Some(response) = crate::preview::serve(&state.config, request.uri(), request.headers()).await {
        return response;
    }
    let config = &state.config;
    let path = request.uri().path();
    // A bundle built for `/` names its files from the root, one built for the base below it
    // (decision 83): files are served at the root and below the base alike, unless
    // `files_below_base_only` proves a bundle built for the base needs nothing from the root.
    let below = below_base(path, &config.base_path);
    let at_root = |dist: &Path| if config.files_below_base_only { None } else { file_in(dist, path) };
    let file = match (&config.dist, &config.preview_dist) {
        (Some(dist), _) => at_root(dist).or_else(|| below.and_then(|b| file_in(dist, b))),
        (None, Some(preview)) => file_in(preview, path),
        (None, None) => None,
    };
    if let Some(file) = file.filter(|f| !f.ends_with("index.html")) {
        return serve_file(&file, request.headers()).await;
    }
    let Some(dist) = &config.dist else {
        if config.preview_dist.is_some() {
            let target = format!("{}/", crate::preview::PREVIEW_PATH);
            return (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
        }
        return (StatusCode::NOT_FOUND, "no app: start with --dist DIR").into_response();
    };
    if is_asset_like(path) {
        return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such file in this build")
            .into_response();
    }
    if below.is_none() {
        // Outside the base: send the browser to the app.
        let target = format!("{}/", config.base_path.trim_end_matches('/'));
        return (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
    }
    // Any other path is a route of the app (or its «Страница не найдена»).
    crate::page::app_page(config, dist, &config.base_path).await
}
