//! A demo host page at `/__host`: it embeds the app in an iframe, as the MANGO OFFICE
//! cabinet does, and lists the messages the app posts to it. The script is a file of its
//! own (`/__host.js`), so the page works under its strict CSP ([`csp::host_policy`]). The
//! iframe fills the content area below the cabinet's bar and scrolls itself: the documented
//! mode (docs/embedding.md «Sizing the frame»), in which the app's sticky action bar and its
//! dialogs stay in view.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};

use crate::{csp, Shared};

pub async fn page(State(state): State<Shared>) -> Response {
    let base = state.config.base_path.trim_end_matches('/');
    let mut response = Html(format!(
        r#"<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Кабинет MANGO OFFICE — демо встраивания</title>
<link rel="stylesheet" href="/__host.css">
</head>
<body>
<header class="host-bar">Личный кабинет MANGO OFFICE · Инструменты → Манго Диалоги <span id="session"></span></header>
<main class="host-main">
<iframe id="app" title="Канал MAX" src="{base}/channels"></iframe>
<section class="host-log">
<h2>Сообщения приложения</h2>
<ol id="messages"></ol>
</section>
</main>
<script src="/__host.js"></script>
</body>
</html>
"#
    ))
    .into_response();
    if state.config.csp {
        if let Ok(policy) = HeaderValue::from_str(&csp::host_policy(&state.config)) {
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
        }
    }
    response
}

const SCRIPT: &str = r#"// Receives the app's postMessage calls and shows them. The iframe fills the content area
// and scrolls itself (docs/embedding.md «Sizing the frame»), so `height` is only listed.
(function () {
  var list = document.getElementById('messages');
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || data.source !== 'max-channel') return;
    var item = document.createElement('li');
    item.textContent = JSON.stringify(data);
    item.setAttribute('data-type', String(data.type));
    list.appendChild(item);
    if (data.type === 'session-expired') {
      document.getElementById('session').textContent = '— сессия истекла, войдите снова';
    }
  });
})();
"#;

const STYLE: &str = "body{margin:0;font-family:sans-serif;background:#eef0f3}\
.host-bar{background:#1f2329;color:#fff;padding:12px 16px}\
.host-main{display:grid;grid-template-columns:1fr 320px;gap:16px;padding:16px}\
#app{width:100%;height:calc(100vh - 80px);border:1px solid #ccc;box-sizing:border-box;background:#fff}\
.host-log{font-size:12px;overflow:auto;max-height:calc(100vh - 80px)}\
.host-log li{word-break:break-all;margin-bottom:4px}";

pub async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response()
}

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}
