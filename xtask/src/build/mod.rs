//! `cargo xtask build [--dev]`: the app bundle in dist/, built for `/preview/`; a release
//! build also builds the production bundle (no preview mode) in dist-production/. Trunk
//! builds the page, the style sheet and `public/`, the xtask the wasm and its JS (see
//! [`app_wasm`]: split by route in a release build); a release build's JS and style sheet
//! are minified (see [`minify`]) and get precompressed `.br` and `.gz` siblings (see
//! [`compress`]).

pub mod app_wasm;
pub mod boot_page;
pub mod compress;
pub mod minify;
pub mod verified;

use std::time::Instant;

use crate::env;
use crate::setup::setup_build;
use crate::shell::{run, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
}

pub fn build_command(args: &[String]) -> Result {
    let usage = || format!("usage: cargo xtask build [--dev | --public-url /path/] (got `{}`)", args.join(" "));
    let profile = match args {
        [] => Profile::Release,
        [flag] if flag == "--dev" => Profile::Dev,
        [flag, path] if flag == "--public-url" => {
            let path = public_url_of(path).ok_or_else(usage)?;
            setup_build()?;
            run("cargo fetch", env::cargo_command()?.arg("fetch"))?;
            return build_production_for(&path, &env::production_dist_dir());
        }
        _ => return Err(usage()),
    };
    setup_build()?;
    build_app(profile)
}

/// `path` as a public URL: `/dialogs/` from `/dialogs`, `dialogs` or `/dialogs/`; `None` for
/// anything but letters, digits, `-`, `_` and `/` (it is written into the page's links).
pub fn public_url_of(path: &str) -> Option<String> {
    let inner = path.trim_matches('/');
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_/".contains(c);
    if !inner.chars().all(allowed) || inner.contains("//") {
        return None;
    }
    Some(if inner.is_empty() { "/".to_owned() } else { format!("/{inner}/") })
}

/// The public path the browser suite builds a second production bundle for
/// (`env::dialogs_dist_dir`), as docs/embedding.md's example mounts the app.
pub const DIALOGS_PUBLIC_URL: &str = "/dialogs/";

/// The production bundle (no preview mode) with every file named below `public_url`.
pub fn build_production_for(public_url: &str, dist: &std::path::Path) -> Result {
    trunk_build(Profile::Release, dist, false, public_url)
}

/// The designers' bundle alone (release), for `dev`, which builds the production one first.
pub fn build_preview() -> Result {
    trunk_build(Profile::Release, &env::dist_dir(), true, PREVIEW_PUBLIC_URL)
}

/// Assumes `setup` already ran. Fetching first lets Trunk build offline, so a
/// missing tool fails loudly instead of Trunk quietly downloading another one.
pub fn build_app(profile: Profile) -> Result {
    run("cargo fetch", env::cargo_command()?.arg("fetch"))?;
    trunk_build(profile, &env::dist_dir(), true, PREVIEW_PUBLIC_URL)?;
    // A dev build's wasm is many megabytes and nobody measures it: no production twin.
    if profile == Profile::Release {
        trunk_build(profile, &env::production_dist_dir(), false, "/")?;
    }
    Ok(())
}

/// Where the dev back end mounts the preview build (`max_channel_devserver::preview::
/// PREVIEW_PATH` and a slash): its `index.html` must name its files from there, so that they
/// never meet the production build's at the root (decision 63).
pub const PREVIEW_PUBLIC_URL: &str = "/preview/";

/// One bundle into `dist`, with or without preview mode, read top to bottom: Trunk builds
/// the page, its style sheet and `public/` (the project's page builder; it cannot split the
/// wasm), then a release bundle's style sheet is minified, then the app's script is built
/// ([`app_wasm`]: link → split by route → wasm-bindgen → wasm-opt → terser → every file
/// named after its bytes → the boot script and its `integrity` into the page), then every
/// file gets its precompressed siblings. A dev bundle stops after one unsplit, unoptimised
/// module: it is many megabytes and nobody measures it.
fn trunk_build(profile: Profile, dist: &std::path::Path, preview: bool, public_url: &str) -> Result {
    trunk_page(profile, dist, preview, public_url)?;
    if profile == Profile::Release {
        println!("{}", minify::summary(&minify::minify_bundle(dist)?));
    }
    let scripts = app_wasm::build(profile, dist, public_url, preview)?;
    println!("built {}: {scripts:?}", dist.display());
    if profile == Profile::Release {
        // After everything else: the siblings are compressed from the final files.
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

/// `trunk build` of the page, its style sheet and `public/`, offline, for `public_url`.
fn trunk_page(profile: Profile, dist: &std::path::Path, preview: bool, public_url: &str) -> Result {
    let mut trunk = env::tool_command("trunk")?;
    trunk.arg("build");
    if profile == Profile::Release {
        trunk.arg("--release");
    }
    trunk.args(["--public-url", public_url]).arg("--offline").arg("--dist").arg(dist);
    let what = if preview { "trunk build".to_owned() } else { format!("trunk build (production for {public_url})") };
    run(&what, &mut trunk)
}

#[cfg(test)]
mod tests {
    use super::public_url_of;

    #[test]
    fn a_public_url_is_a_path_with_both_slashes_and_nothing_that_could_break_a_link() {
        for given in ["/dialogs", "dialogs", "/dialogs/", "dialogs/"] {
            assert_eq!(public_url_of(given).as_deref(), Some("/dialogs/"), "{given}");
        }
        assert_eq!(public_url_of("/").as_deref(), Some("/"));
        assert_eq!(public_url_of("/a/b-c_1").as_deref(), Some("/a/b-c_1/"));
        for bad in ["/dia logs", "/a\"b", "//cdn.example/x", "/a//b", "/x?y"] {
            assert_eq!(public_url_of(bad), None, "{bad}");
        }
    }
}
