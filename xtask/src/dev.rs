//! `cargo xtask dev`: a newcomer's first run. Only what the build needs is installed (the
//! browsers, formatters and linters are `cargo xtask test`'s); the production build comes
//! first and is served at `/` as soon as it is built, its URL printed once the server
//! answers; the preview build (dist/, at `/preview/`) follows while the app is served.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Child;
use std::time::{Duration, Instant};

use crate::build::{build_preview, build_production_for};
use crate::env;
use crate::setup::setup_build;
use crate::shell::{describe, run, Result};

const DEFAULT_PORT: u16 = 8080;

#[derive(Debug, PartialEq, Eq)]
pub struct DevArgs {
    pub port: u16,
    pub bind: Option<String>,
    /// Everything else goes to the dev server untouched.
    pub passthrough: Vec<String>,
}

pub fn dev_command(args: &[String]) -> Result {
    let args = parse_dev_args(args)?;
    let started = Instant::now();
    setup_build()?;
    run("cargo fetch", env::cargo_command()?.arg("fetch"))?;
    build_production_for("/", &env::production_dist_dir())?;
    let mut server = env::cargo_command()?;
    // Unoptimised, as the e2e suite runs it: it serves files and a fake, and compiling it
    // with optimisations was a minute of a newcomer's first run (docs/performance.md).
    server
        .args(["run", "-p", "max-channel-devserver", "--", "--dist"])
        .arg(env::production_dist_dir())
        .arg("--preview-dist")
        .arg(env::dist_dir())
        .args(["--port", &args.port.to_string()]);
    if let Some(bind) = &args.bind {
        server.args(["--bind", bind]);
    }
    server.args(&args.passthrough);
    println!("==> dev server: {}", describe(&server));
    let mut child = server.spawn().map_err(|e| format!("dev server: cannot start: {e}"))?;
    let minutes = |t: Instant| t.elapsed().as_secs_f64() / 60.0;
    if args.port == 0 {
        println!("App: the dev server picks a free port; open the URL it prints + /channels");
    } else {
        wait_until_it_answers(&args, &mut child)?;
        println!(
            "App (production build): {}  — ready {:.1} min after `cargo xtask dev`",
            app_url(&args),
            minutes(started)
        );
    }
    // The designers' build, while the app is served: its page answers once it is built.
    match build_preview() {
        Ok(()) if args.port != 0 => {
            println!("Preview mode (the designers' build): {}  — {:.1} min", preview_url(&args), minutes(started))
        }
        Ok(()) => println!("Preview mode: below /preview/ of the URL the dev server printed"),
        Err(e) => println!("Preview mode is not built ({e}); the app is served on"),
    }
    let status = child.wait().map_err(|e| format!("dev server: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("dev server: {status}"))
    }
}

/// Waits until the dev server answers the app's page (it is compiled first on a fresh
/// machine), or says why it never will: it stopped.
fn wait_until_it_answers(args: &DevArgs, child: &mut Child) -> Result {
    let address: SocketAddr = origin(args)
        .trim_start_matches("http://")
        .parse()
        .map_err(|e| format!("dev server address {}: {e}", origin(args)))?;
    loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("dev server: {e}"))? {
            return Err(format!("the dev server stopped before it answered: {status}"));
        }
        if answers(address) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Whether `GET /channels` gets an HTTP answer.
fn answers(address: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_secs(1)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET /channels HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    let mut head = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.starts_with(b"HTTP/1.1 200")
}

pub fn parse_dev_args(args: &[String]) -> Result<DevArgs> {
    let mut parsed = DevArgs { port: DEFAULT_PORT, bind: None, passthrough: Vec::new() };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(value) = option_value(arg, "--port", &mut rest)? {
            parsed.port = value.parse().map_err(|_| format!("--port: `{value}` is not a port number"))?;
        } else if let Some(value) = option_value(arg, "--bind", &mut rest)? {
            parsed.bind = Some(value);
        } else {
            parsed.passthrough.push(arg.clone());
        }
    }
    Ok(parsed)
}

/// Accepts both `--name value` and `--name=value`; `None` if `arg` is another option.
fn option_value<'a>(arg: &str, name: &str, rest: &mut impl Iterator<Item = &'a String>) -> Result<Option<String>> {
    if arg == name {
        return rest.next().cloned().map(Some).ok_or_else(|| format!("{name} needs a value"));
    }
    Ok(arg.strip_prefix(name).and_then(|v| v.strip_prefix('=')).map(str::to_string))
}

/// The URL a browser on this machine should open; wildcard binds are reachable
/// through loopback.
pub fn app_url(args: &DevArgs) -> String {
    format!("{}/channels", origin(args))
}

/// Where the preview build is served (`--preview-dist`; the dev back end adds `?demo`).
pub fn preview_url(args: &DevArgs) -> String {
    format!("{}/preview/", origin(args))
}

fn origin(args: &DevArgs) -> String {
    let host = match args.bind.as_deref() {
        None | Some("0.0.0.0") | Some("::") | Some("[::]") | Some("") => "127.0.0.1".to_string(),
        Some(ip) if ip.contains(':') && !ip.starts_with('[') => format!("[{ip}]"),
        Some(host) => host.to_string(),
    };
    format!("http://{host}:{}", args.port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_to_port_8080_on_loopback() {
        let args = parse_dev_args(&[]).unwrap();
        assert_eq!(args, DevArgs { port: 8080, bind: None, passthrough: vec![] });
        assert_eq!(app_url(&args), "http://127.0.0.1:8080/channels");
        assert_eq!(preview_url(&args), "http://127.0.0.1:8080/preview/");
    }

    #[test]
    fn port_bind_and_passthrough() {
        let args = parse_dev_args(&strings(&["--port", "9000", "--latency-ms=300", "--bind=0.0.0.0", "-v"])).unwrap();
        assert_eq!(args.port, 9000);
        assert_eq!(args.bind.as_deref(), Some("0.0.0.0"));
        assert_eq!(args.passthrough, strings(&["--latency-ms=300", "-v"]));
        assert_eq!(app_url(&args), "http://127.0.0.1:9000/channels");
    }

    #[test]
    fn specific_bind_address_is_used_in_url() {
        let args = parse_dev_args(&strings(&["--bind", "192.168.1.5", "--port=81"])).unwrap();
        assert_eq!(app_url(&args), "http://192.168.1.5:81/channels");
        let v6 = parse_dev_args(&strings(&["--bind", "::1"])).unwrap();
        assert_eq!(app_url(&v6), "http://[::1]:8080/channels");
    }

    #[test]
    fn bad_or_missing_values_are_errors() {
        assert!(parse_dev_args(&strings(&["--port", "http"])).is_err());
        assert!(parse_dev_args(&strings(&["--port"])).is_err());
        assert!(parse_dev_args(&strings(&["--bind"])).is_err());
    }
}
