//! `max-channel-devserver`: the development back end. See `--help`.

use std::path::PathBuf;

use max_channel_devserver::{Config, MaxApi, SeedKind, Server};

const HELP: &str = "\
max-channel-devserver — the dev back end of the MAX channel admin app

USAGE: max-channel-devserver [OPTIONS]

  --bind ADDR          address to listen on (default 127.0.0.1)
  --port N             port (default 8080; 0 picks a free one)
  --dist DIR           serve the built app from DIR at / (SPA fallback)
  --base PATH          mount the app under PATH, e.g. /dialogs (default /)
  --state FILE         keep the state in FILE (JSON, written atomically)
  --max-api URL        check tokens with the real MAX Bot API at URL (GET /me);
                       default: the built-in fake MAX (see README)
  --no-chat-bots       the account has no «Чат-боты» service
  --seed KIND          standard (default) or hostile (XSS test names and URLs)
  --csrf-token VALUE   the X-CSRF-Token value writes must carry (default dev-csrf-token)
  --parent-origin URL  the embedding cabinet's origin (scheme://host[:port]), handed to
                       the app and allowed in the CSP's frame-ancestors
  --request-timeout-ms N  the app's API time-out (default 15000)
  --no-api             serve the app alone (for preview mode: ?demo)
  --no-csp             send no Content-Security-Policy (default: a strict one with a
                       fresh script nonce per page, see README)
  --test-controls      enable /__dev/* (fault injection, request log, reset) — tests only
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
            "--base" => config.base_path = normalize_base(&value("--base")?),
            "--state" => config.state_file = Some(PathBuf::from(value("--state")?)),
            "--max-api" => config.max = MaxApi::real(&value("--max-api")?),
            "--no-chat-bots" => config.chat_bots_service = false,
            "--seed" => {
                let kind = value("--seed")?;
                config.seed = SeedKind::parse(&kind).ok_or_else(|| format!("--seed: unknown {kind}"))?;
            }
            "--csrf-token" => config.csrf_token = value("--csrf-token")?,
            "--test-controls" => config.test_controls = true,
            "--parent-origin" => {
                let parent = value("--parent-origin")?;
                let origin = max_channel_devserver::csp::origin(&parent)
                    .ok_or_else(|| format!("--parent-origin: {parent} is not an origin like https://lk.mango-office.ru"))?;
                config.parent_origin = Some(origin);
            }
            "--request-timeout-ms" => {
                config.request_timeout_ms =
                    Some(value("--request-timeout-ms")?.parse().map_err(|e| format!("--request-timeout-ms: {e}"))?)
            }
            "--no-api" => config.serve_api = false,
            "--no-csp" => config.csp = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
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
        let parent = args("--parent-origin https://lk.mango-office.ru/").unwrap().parent_origin;
        assert_eq!(parent.as_deref(), Some("https://lk.mango-office.ru"));
        assert!(args("--parent-origin *").is_err());
        assert_eq!(c.seed, SeedKind::Hostile);
        assert!(args("--port").is_err());
        assert!(args("--frobnicate").is_err());
        assert_eq!(normalize_base("/"), "/");
    }
}
