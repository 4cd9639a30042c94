//! `max-channel-devserver`: the development back end. See `--help`.

use std::path::PathBuf;

use max_channel_devserver::{Config, MaxApi, SeedKind, Server};

const HELP: &str = "\
max-channel-devserver — the dev back end of the MAX channel admin app

Serves the fake back end (crate max-channel-fake) over HTTP as contract 1.2 says, the
built app, and a demo host page. The session's administrator (the actor of the history)
is employee e-101 unless POST /__dev/actor says otherwise.

USAGE: max-channel-devserver [OPTIONS]

  --bind ADDR          address to listen on (default 127.0.0.1)
  --port N             port (default 8080; 0 picks a free one)
  --dist DIR           serve the built app from DIR at / (SPA fallback)
  --preview-dist DIR   serve the preview build (the `preview` feature, built with
                       --public-url /preview/) from DIR at /preview/ (SPA fallback); its
                       pages open preview mode (`?demo` is added when missing)
  --base PATH          mount the app under PATH, e.g. /dialogs (default /)
  --files-below-base-only
                       serve the --dist files below --base only, not at the site root
                       too (for a bundle built with `cargo xtask build --public-url PATH`)
  --state FILE         keep the account in FILE (JSON, written atomically): settings,
                       token, history, schedule, the fake MAX's state
  --max-api URL        ask the real MAX Bot API at URL: GET /me for tokens, GET and
                       POST /subscriptions for the channel's health and its repair,
                       POST /messages for a delivery test's reply; default: the
                       built-in fake MAX (see docs/dev-backend.md)
  --webhook-url URL    where MAX is to deliver the bot's updates: what a repair subscribes
                       and the health expects (default https://dialogs.mango-office.ru/
                       webhooks/max/account-1)
  --no-chat-bots       the account has no «Чат-боты» service
  --seed KIND          standard (default) or hostile (XSS test names and URLs)
  --csrf-token VALUE   the X-CSRF-Token value writes must carry (default dev-csrf-token)
  --parent-origin URL  the embedding cabinet's origin (scheme://host[:port]), handed to
                       the app and allowed in the CSP's frame-ancestors
  --request-timeout-ms N  the app's API time-out (default 15000)
  --health-refresh-ms N   how often «Работа канала» refreshes (default 60000, min 1000)
  --locale ru|en       the cabinet's language, handed to the app (default ru)
  --account-id ID      the cabinet's account, handed to the app (drafts are kept per account)
  --no-api             serve the app alone (for preview mode: ?demo)
  --no-csp             send no Content-Security-Policy (default: a strict one with a
                       fresh script nonce per page, see docs/dev-backend.md)
  --test-controls      enable /__dev/* — tests and demos only:
                         POST /__dev/reset            {\"chat_bots_service\": false} optional
                         POST /__dev/preset           {\"id\": \"long_history\"} (not_connected,
                                                      connected, error, no_chat_bots,
                                                      health_warning, health_failing,
                                                      health_unknown, subscription_lost,
                                                      long_history, other_zone,
                                                      delivery_received,
                                                      delivery_reply_failed,
                                                      delivery_expires, sources,
                                                      no_dialogs)
                         POST /__dev/max-condition    {\"condition\": \"deliveries_failing\"}
                                                      (healthy, subscription_lost, wrong_url,
                                                      missing_types, token_revoked,
                                                      bot_blocked, max_down, rate_limited)
                         POST /__dev/inbound          a customer's message arrives now
                         POST /__dev/updates          MAX delivers a customer's update:
                                                      {\"type\": \"bot_started\", \"payload\":
                                                      \"check-…\"} or {\"type\":
                                                      \"message_created\", \"text\": \"…\"}
                                                      (\"name\", \"user_id\" optional)
                         POST /__dev/dialogs          {\"seed\": 7, \"count\": 120} labelled
                                                      dialogs over the last 90 days
                         GET|POST /__dev/clock        {\"advance_hours\": 8} (_minutes, _seconds)
                         POST /__dev/actor            {\"id\": \"e-102\"}
                         POST /__dev/schedule         a WorkSchedule, or {\"preset\":
                                                      \"moscow\"|\"vladivostok\"|\"always_open\"}
                         POST /__dev/channel-state    {\"state\": \"error\", \"state_reason\": ...}
                         POST|GET|DELETE /__dev/faults   fault injection (FaultSpec)
                         POST /__dev/latency          {\"ms\": 300}
                         GET|DELETE /__dev/requests   the request log
                         GET|DELETE /__dev/csp-reports   CSP violations
";

fn parse(args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut config = Config::default();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--bind" => config.bind = value("--bind")?.parse().map_err(|e| format!("--bind: {e}"))?,
            "--port" => config.port = value("--port")?.parse().map_err(|e| format!("--port: {e}"))?,
            "--dist" => config.dist = Some(PathBuf::from(value("--dist")?)),
            "--preview-dist" => config.preview_dist = Some(PathBuf::from(value("--preview-dist")?)),
            "--base" => config.base_path = normalize_base(&value("--base")?),
            "--files-below-base-only" => config.files_below_base_only = true,
            "--state" => config.state_file = Some(PathBuf::from(value("--state")?)),
            "--max-api" => config.max = MaxApi::real(&value("--max-api")?),
            "--webhook-url" => {
                let url = value("--webhook-url")?;
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(format!("--webhook-url: {url} is not an http(s) URL"));
                }
                config.webhook_url = url;
            }
            "--no-chat-bots" => config.chat_bots_service = false,
            "--seed" => {
                let kind = value("--seed")?;
                config.seed = SeedKind::parse(&kind).ok_or_else(|| format!("--seed: unknown {kind}"))?;
            }
            "--csrf-token" => config.csrf_token = value("--csrf-token")?,
            "--test-controls" => config.test_controls = true,
            "--parent-origin" => {
                let parent = value("--parent-origin")?;
                let origin = max_channel_devserver::csp::origin(&parent).ok_or_else(|| {
                    format!("--parent-origin: {parent} is not an origin like https://lk.mango-office.ru")
                })?;
                config.parent_origin = Some(origin);
            }
            "--request-timeout-ms" => {
                config.request_timeout_ms =
                    Some(value("--request-timeout-ms")?.parse().map_err(|e| format!("--request-timeout-ms: {e}"))?)
            }
            "--health-refresh-ms" => {
                config.health_refresh_ms =
                    Some(value("--health-refresh-ms")?.parse().map_err(|e| format!("--health-refresh-ms: {e}"))?)
            }
            "--account-id" => config.account_id = Some(value("--account-id")?),
            "--locale" => {
                config.locale = match value("--locale")?.as_str() {
                    tag @ ("ru" | "en") => tag.to_owned(),
                    other => return Err(format!("--locale: {other} is neither ru nor en")),
                }
            }
            "--no-api" => config.serve_api = false,
            "--no-csp" => config.csp = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    // The preview mount answers first below /preview: an app based there would never be reached.
    let preview = max_channel_devserver::preview::PREVIEW_PATH;
    if config.preview_dist.is_some()
        && max_channel_devserver::static_files::below_base(&config.base_path, preview).is_some()
    {
        return Err(format!("--base {} is where --preview-dist is served", config.base_path));
    }
    Ok(config)
}

/// "/dialogs/" and "dialogs" both mean "/dialogs"; "" means "/".
fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}")
    }
}

#[tokio::main]
async fn main() {
    let config = match parse(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}\n");
            }
            eprint!("{HELP}");
            std::process::exit(if message.is_empty() { 0 } else { 2 });
        }
    };
    let base = config.base_path.trim_end_matches('/').to_owned();
    let serving_app = config.dist.is_some();
    let serving_preview = config.preview_dist.is_some();
    let server = match Server::start(config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("Dev back end: API at {}/api/v1 · demo host page {}/__host", server.url(), server.url());
    if serving_app {
        println!("App: {}{base}/channels", server.url());
    }
    if serving_preview {
        println!("Preview mode: {}{}/", server.url(), max_channel_devserver::preview::PREVIEW_PATH);
    }
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = server.wait() => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let args = |s: &str| parse(s.split_whitespace().map(str::to_owned));
        let c = args("--port 0 --base dialogs/ --no-chat-bots --test-controls --seed hostile").unwrap();
        assert_eq!(c.port, 0);
        assert_eq!(c.base_path, "/dialogs");
        assert!(!c.chat_bots_service && c.test_controls);
        assert!(c.csp, "CSP is on by default");
        assert!(!args("--no-csp").unwrap().csp);
        assert!(!c.files_below_base_only, "files at the root too by default");
        assert!(args("--base /dialogs --files-below-base-only").unwrap().files_below_base_only);
        let parent = args("--parent-origin https://lk.mango-office.ru/").unwrap().parent_origin;
        assert_eq!(parent.as_deref(), Some("https://lk.mango-office.ru"));
        assert!(args("--parent-origin *").is_err());
        assert_eq!(c.locale, "ru");
        assert_eq!(args("--locale en").unwrap().locale, "en");
        assert!(args("--locale de").is_err());
        assert_eq!(c.seed, SeedKind::Hostile);
        assert_eq!(c.webhook_url, max_channel_fake::DEFAULT_WEBHOOK_URL);
        assert!(!c.max.is_real());
        let c = args("--max-api http://127.0.0.1:9/ --webhook-url https://hooks.example/max").unwrap();
        assert!(c.max.is_real());
        assert_eq!(c.webhook_url, "https://hooks.example/max");
        assert!(args("--webhook-url ftp://x").is_err());
        assert!(HELP.contains("--webhook-url") && HELP.contains("/__dev/max-condition"));
        assert!(HELP.contains("/__dev/updates") && HELP.contains("/__dev/dialogs"));
        for preset in max_channel_fake::Preset::ALL {
            assert!(HELP.contains(preset.name()), "--help names the preset {}", preset.name());
        }
        assert!(args("--port").is_err());
        let both = args("--dist dist-production --preview-dist dist").unwrap();
        assert_eq!(both.preview_dist, Some(PathBuf::from("dist")));
        assert!(args("--preview-dist dist --base /preview/").is_err());
        assert!(args("--preview-dist dist --base /preview/x").is_err());
        assert!(args("--preview-dist dist --base /previews").is_ok());
        assert!(args("--frobnicate").is_err());
        assert_eq!(normalize_base("/"), "/");
    }
}
