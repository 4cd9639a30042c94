//! `cargo xtask <command>`: one entry point for setting up, building, serving and
//! testing the MAX channel admin app. Std plus the house's codecs and engines, the route
//! splitter, SHA-384 and base64 for the bundle's integrity, and serde_json for cargo's
//! messages (xtask/Cargo.toml says why each).

mod browsers;
mod build;
mod dev;
mod e2e;
mod e2e_retry;
mod env;
mod gates;
mod install;
mod lighthouse;
mod release;
mod setup;
mod shell;
mod test_results;
mod test_suite;

use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup                 install missing tools (trunk, wasm-bindgen, wasm-opt, wasm target, rustfmt,
                        clippy, leptosfmt; chromium, firefox-esr, geckodriver, WebKitWebDriver, xvfb)
  gates                 setup, then the gates alone: rustfmt, leptosfmt, clippy -D warnings
                        (native; wasm32 preview + split; wasm32 production: no default
                        features, split)
  build [--dev]         what the build needs installed, then build the app into dist/ (release unless --dev), the preview
                        build, for /preview/: Trunk the page and style, the xtask the wasm (a
                        release build split by route); a release build also writes the production
                        bundle (no preview mode) into dist-production/ and minifies the JS and CSS
  dev [--port N] [--bind ADDR] [args…]
                        install what the build needs (no browser), build the production bundle,
                        run the dev server (default port 8080) and print its URL once it answers;
                        the preview build follows, at /preview/; other args are passed to
                        max-channel-devserver
  test [--engines LIST] setup, the gates, release build, native + wasm (headless Chromium) tests,
                        then the e2e suite in Chromium, Firefox ESR and WebKitGTK side by side
                        (or the engines of LIST, e.g. `chromium,firefox`); a line per layer and
                        engine, and the last line is `N passed, M failed`
  bench                 setup (and Lighthouse), release build, then the performance figures in
                        headless Chromium and Lighthouse's scores (mobile and desktop) of three
                        pages: a table, also saved as target/reports/bench.{md,json}
  screenshots           setup, release build, then every page at 360, 768, 1280 and 1920 px in
                        headless Chromium: fails on horizontal scrolling, else writes
                        docs/screenshots/<page>-<width>.png
  release               the built production bundle as the cabinet ships it:
                        target/releases/max-channel-admin-<build>.tar.gz with manifest.json
                        (every file's size, integrity, first load) and nginx.conf, read back
                        and checked (run `build` first)
  help                  show this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let outcome = match command {
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        "setup" => no_args(command, rest).and_then(|()| setup::setup()),
        "build" => build::build_command(rest),
        "dev" => dev::dev_command(rest),
        "gates" => no_args(command, rest).and_then(|()| setup::setup()).and_then(|()| gates_command()),
        "test" => test_engines(rest).and_then(|engines| test_suite::test_command(&engines)),
        "bench" => no_args(command, rest).and_then(|()| test_suite::bench_command()),
        "screenshots" => no_args(command, rest).and_then(|()| test_suite::screenshots_command()),
        "release" => no_args(command, rest).and_then(|()| release::release_command()),
        unknown => {
            eprintln!("unknown command `{unknown}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // An empty message means the command already explained the failure and
            // wants its own last line (e.g. the test summary) to stay last.
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

fn gates_command() -> shell::Result {
    let failures = gates::run_gates();
    if failures.is_empty() {
        println!("every gate passed");
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// `[--engines chromium,firefox,webkit]` (all three when not given).
fn test_engines(rest: &[String]) -> shell::Result<Vec<browsers::Engine>> {
    match rest {
        [] => Ok(browsers::Engine::ALL.to_vec()),
        [flag, list] if flag == "--engines" => browsers::Engine::parse_list(list),
        [flag] if flag == "--engines" => Err("`--engines` needs a list, e.g. `--engines chromium,firefox`".into()),
        [extra, ..] => Err(format!("`test` takes only `--engines LIST` (got `{extra}`)")),
    }
}

fn no_args(command: &str, rest: &[String]) -> shell::Result {
    match rest.first() {
        None => Ok(()),
        Some(extra) => Err(format!("`{command}` takes no arguments (got `{extra}`)")),
    }
}
