//! `cargo xtask build [--dev]`: the app bundle in dist/, built for `/preview/`; a release
//! build also builds the production bundle (no preview mode) in dist-production/. Trunk
//! builds the page, the style sheet and `public/`, the xtask the wasm and its JS (see
//! [`app_wasm`]: split by route in a release build); a release build's JS and style sheet
//! are minified (see [`minify`]) and get precompressed `.br` and `.gz` siblings (see
//! [`compress`]).

#[path = "app_wasm.rs"]
pub mod app_wasm;
#[path = "boot_page.rs"]
pub mod boot_page;
#[path = "compress.rs"]
pub mod compress;
#[path = "minify.rs"]
pub mod minify;
#[path = "verified.rs"]
pub mod verified;

use std::time::Instant;

use crate::env;
use crate::setup::setup;
use crate::shell::{run, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
}

pub fn build_command(args: &[String]) -> Result {
    let profile = match args {
        [] => Profile::Release,
        [flag] if flag == "--dev" => Profile::Dev,
        _ => return Err(format!("usage: cargo xtask build [--dev] (got `{}`)", args.join(" "))),
    };
    setup()?;
    build_app(profile)
}

/// Assumes `setup` already ran. Fetching first lets Trunk build offline, so a
/// missing tool fails loudly instead of Trunk quietly downloading another one.
pub fn build_app(profile: Profile) -> Result {
    run("cargo fetch", env::cargo_command()?.arg("fetch"))?;
    trunk_build(profile, &env::dist_dir(), true)?;
    // A dev build's wasm is many megabytes and nobody measures it: no production twin.
    if profile == Profile::Release {
        trunk_build(profile, &env::production_dist_dir(), false)?;
    }
    Ok(())
}

/// Where the dev back end mounts the preview build (`max_channel_devserver::preview::
/// PREVIEW_PATH` and a slash): its `index.html` must name its files from there, so that they
/// never meet the production build's at the root (decision 63).
pub const PREVIEW_PUBLIC_URL: &str = "/preview/";

/// One bundle into `dist`, with or without preview mode: `trunk build` of the page, its
/// style sheet and `public/`, (release) the style sheet minified, then the app's wasm and
/// glue ([`app_wasm`]: Trunk cannot split it) and (release) the precompressed siblings.
fn trunk_build(profile: Profile, dist: &std::path::Path, preview: bool) -> Result {
    let public_url = if preview { PREVIEW_PUBLIC_URL } else { "/" };
    let mut trunk = env::tool_command("trunk")?;
    trunk.arg("build");
    if profile == Profile::Release {
        trunk.arg("--release");
    }
    trunk.args(["--public-url", public_url]).arg("--offline").arg("--dist").arg(dist);
    let what = if preview { "trunk build" } else { "trunk build (production, no preview)" };
    run(what, &mut trunk)?;
    // A dev build's wasm is many megabytes and nobody measures it: served as it is, its glue
    // readable for debugging.
    if profile == Profile::Release {
        println!("{}", minify::summary(&minify::minify_bundle(dist)?));
    }
    let scripts = app_wasm::build(profile, dist, public_url, preview)?;
    println!("built {}: {scripts:?}", dist.display());
    if profile == Profile::Release {
        // Before the siblings: they are compressed from the minified file.
        let started = Instant::now();
        let outcomes = compress::precompress(dist)?;
        println!(
            "precompressed {} files (brotli 11, gzip 9) in {:.1} s:\n{}",
            outcomes.len() / 2,
            started.elapsed().as_secs_f64(),
            compress::summary(dist, &outcomes)
        );
    }
    Ok(())
}
