//! `cargo xtask build [--dev]`: the app bundle in dist/, built by Trunk for `/preview/`; a
//! release build also builds the production bundle (no preview mode) in dist-production/,
//! and both get their JS glue and style sheet minified (see [`minify`]) and precompressed `.br` and `.gz`
//! siblings of their files (see [`compress`]).

#[path = "compress.rs"]
pub mod compress;
#[path = "minify.rs"]
pub mod minify;

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

/// One `trunk build` into `dist`, with or without preview mode, then (release) its glue and
/// style sheet minified and its precompressed siblings.
fn trunk_build(profile: Profile, dist: &std::path::Path, preview: bool) -> Result {
    let mut trunk = env::tool_command("trunk")?;
    trunk.arg("build");
    if profile == Profile::Release {
        trunk.arg("--release");
    }
    if preview {
        trunk.args(["--public-url", PREVIEW_PUBLIC_URL]);
    } else {
        trunk.arg("--no-default-features");
    }
    trunk.arg("--offline").arg("--dist").arg(dist);
    let what = if preview { "trunk build" } else { "trunk build (production, no preview)" };
    run(what, &mut trunk)?;
    println!("built {}", dist.display());
    // A dev build's wasm is many megabytes and nobody measures it: served as it is, its glue
    // readable for debugging.
    if profile == Profile::Release {
        // Before the siblings: they are compressed from the minified file.
        println!("{}", minify::summary(&minify::minify_bundle(dist)?));
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
