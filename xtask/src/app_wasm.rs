//! The app's wasm and JS glue, built by the xtask instead of Trunk (decision 68): Trunk 0.21
//! runs wasm-bindgen straight after the link, and route-level code splitting needs a step
//! between them. A release build links with `--emit-relocs` and the `split` feature, splits
//! the wasm (the same splitter cargo-leptos runs) into the main module, one module per split
//! route and a shared chunk, runs wasm-bindgen on the main module, wasm-opt on every module
//! (decision 67's passes) and terser on the glue and the split loader; a dev build is one
//! unsplit, unoptimised module. Every file is named after its bytes and `index.html` gets the
//! boot script and the preload links Trunk used to write, with their `integrity`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::minify::{short_hash, sri, Minifier};
use crate::build::Profile;
use crate::env;
use crate::shell::{run, Result};

const BIN: &str = "max-channel-admin";

/// What the split wasm imports its loader as, and what the loader imports the glue as:
/// placeholders, replaced by the content-named files.
const LOADER_PLACEHOLDER: &str = "./__wasm_split.______________________.js";
const GLUE_PLACEHOLDER: &str = "./max-channel-admin.js";

/// After the `-Oz` Trunk ran first: decision 67's second flatten/rereloop round with GUFA.
const WASM_OPT_PASSES: [&str; 9] =
    ["-Oz", "--flatten", "--rereloop", "-Oz", "--gufa-optimizing", "-Oz", "--flatten", "--rereloop", "-Oz"];
/// The features rustc's wasm32 target uses that binaryen does not assume (the split
/// modules carry no `target_features` section to say so).
const WASM_OPT_FEATURES: [&str; 2] = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int"];

/// The files of one bundle's script, as `index.html` names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scripts {
    pub glue: String,
    pub wasm: String,
    /// The split loader; `None` in a dev build.
    pub loader: Option<String>,
    /// The split routes' modules and the shared chunk.
    pub modules: Vec<String>,
}

/// Builds the app's wasm for `dist` (a Trunk build of the page, its style and `public/`),
/// writes its files there and its boot script into `dist/index.html`.
pub fn build(profile: Profile, dist: &Path, public_url: &str, preview: bool) -> Result<Scripts> {
    let linked = link(profile, preview)?;
    let staging = env::workspace_root().join("target/app-wasm").join(if preview { "preview" } else { "production" });
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| format!("cannot clear {}: {e}", staging.display()))?;
    }
    let bound = staging.join("bound");
    let mut files = Vec::new();
    let mut loader = None;
    if profile == Profile::Release {
        let split = split(&linked, &staging)?;
        bindgen(&split.main, &bound, true)?;
        for module in &split.modules {
            optimise(module)?;
            files.push(named_file(module, &read(module)?));
        }
        loader = Some(minified(&split.loader)?);
        optimise(&bound.join(format!("{BIN}_bg.wasm")))?;
    } else {
        bindgen(&linked, &bound, false)?;
    }
    let wasm = read(&bound.join(format!("{BIN}_bg.wasm")))?;
    let wasm_name = format!("{BIN}-{}_bg.wasm", short_hash(&wasm));
    let glue_path = bound.join(format!("{BIN}.js"));
    let glue = if profile == Profile::Release { minified(&glue_path)? } else { read(&glue_path)? };
    let named = name_scripts(&glue, loader.as_deref(), &files)?;
    let mut out = vec![(wasm_name.clone(), wasm), (named.glue.0.clone(), named.glue.1)];
    out.extend(named.loader.clone());
    out.extend(files.iter().map(|(name, _, bytes)| (name.clone(), bytes.clone())));
    for (name, bytes) in &out {
        write(&dist.join(name), bytes)?;
    }
    let scripts = Scripts {
        glue: named.glue.0,
        wasm: wasm_name,
        loader: named.loader.map(|(name, _)| name),
        modules: files.into_iter().map(|(name, _, _)| name).collect(),
    };
    let index_path = dist.join("index.html");
    let index = String::from_utf8(read(&index_path)?).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let head = boot_html(public_url, &scripts, |name| sri(&read(&dist.join(name)).unwrap_or_default()));
    let index = without_skipped_rust_link(&index)
        .and_then(|index| with_head_end(&index, &head))
        .ok_or_else(|| format!("{}: no skipped Rust link or no </head>", index_path.display()))?;
    write(&index_path, index.as_bytes())?;
    Ok(scripts)
}

/// `cargo build` of the app's binary for wasm32; the path of the linked wasm.
fn link(profile: Profile, preview: bool) -> Result<PathBuf> {
    let mut cargo = env::cargo_command()?;
    cargo.args(["build", "--target", "wasm32-unknown-unknown", "--bin", BIN, "-p", BIN]);
    if !preview {
        cargo.arg("--no-default-features");
    }
    if profile == Profile::Release {
        // The splitter reads the relocations; setting the flags replaces the target's own
        // from .cargo/config.toml, so `erase_components` is said again.
        cargo.args(["--release", "--features", "split"]).env(
            "CARGO_ENCODED_RUSTFLAGS",
            ["--cfg", "erase_components", "-Clink-arg=--emit-relocs"].join("\u{1f}"),
        );
    }
    run(&format!("cargo build (wasm, {})", if preview { "preview" } else { "production" }), &mut cargo)?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| env::workspace_root().join("target"), PathBuf::from);
    let profile_dir = if profile == Profile::Release { "release" } else { "debug" };
    Ok(target.join("wasm32-unknown-unknown").join(profile_dir).join(format!("{BIN}.wasm")))
}

struct Split {
    main: PathBuf,
    loader: PathBuf,
    modules: Vec<PathBuf>,
}

fn split(linked: &Path, staging: &Path) -> Result<Split> {
    let input = read(linked)?;
    let out_dir = staging.join("split");
    let main = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &out_dir;
    options.main_out_path = &main;
    options.link_name = LOADER_PLACEHOLDER;
    options.main_module = GLUE_PLACEHOLDER;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("wasm-split: {e:#}"))?;
    let mut modules = split.split_modules;
    modules.sort();
    println!("split the wasm: main and {} modules", modules.len());
    Ok(Split { main, loader: out_dir.join(LOADER_PLACEHOLDER), modules })
}

/// wasm-bindgen on the main module (the splitter's exports kept for the split modules).
fn bindgen(wasm: &Path, out_dir: &Path, split: bool) -> Result {
    let mut bindgen = env::tool_command("wasm-bindgen")?;
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", BIN]).arg("--out-dir").arg(out_dir);
    if split {
        bindgen.args(["--keep-lld-exports", "--no-demangle"]);
    }
    run("wasm-bindgen", bindgen.arg(wasm))?;
    if out_dir.join("snippets").exists() {
        return Err("wasm-bindgen wrote JS snippets; the xtask does not serve them yet".into());
    }
    Ok(())
}

/// wasm-opt in place.
fn optimise(wasm: &Path) -> Result {
    let mut opt = Command::new(env::wasm_opt_binary()?);
    opt.env("PATH", env::tools_path()?).args(WASM_OPT_FEATURES).args(WASM_OPT_PASSES).arg(wasm).arg("-o").arg(wasm);
    run("wasm-opt", &mut opt)
}

/// The file minified by terser (an ES module), as bytes.
fn minified(file: &Path) -> Result<Vec<u8>> {
    let out = file.with_extension("min.js");
    run("terser", &mut Minifier::Terser.command(file, &out)?)?;
    read(&out)
}

/// A split module's name after its bytes: `split_settings.wasm` → `split_settings-<hex>.wasm`.
fn named_file(module: &Path, bytes: &[u8]) -> (String, String, Vec<u8>) {
    let stem = module.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    (format!("{stem}-{}.wasm", short_hash(bytes)), format!("./{stem}.wasm"), bytes.to_vec())
}

struct NamedScripts {
    glue: (String, Vec<u8>),
    loader: Option<(String, Vec<u8>)>,
}

/// The glue and the loader named after their bytes. They import each other, so one name
/// cannot hold the other's hash: both take the hash of both (and of the module names the
/// loader fetches), which changes whenever either does.
fn name_scripts(glue: &[u8], loader: Option<&[u8]>, modules: &[(String, String, Vec<u8>)]) -> Result<NamedScripts> {
    let Some(loader) = loader else {
        return Ok(NamedScripts { glue: (format!("{BIN}-{}.js", short_hash(glue)), glue.to_vec()), loader: None });
    };
    let mut loader = text(loader)?;
    for (name, placeholder, _) in modules {
        loader = replaced(&loader, placeholder, &format!("./{name}"))?;
    }
    let id = short_hash(&[glue, loader.as_bytes()].concat());
    let (glue_name, loader_name) = (format!("{BIN}-{id}.js"), format!("wasm-split-{id}.js"));
    let glue = replaced(&text(glue)?, LOADER_PLACEHOLDER, &format!("./{loader_name}"))?;
    let loader = replaced(&loader, GLUE_PLACEHOLDER, &format!("./{glue_name}"))?;
    Ok(NamedScripts { glue: (glue_name, glue.into_bytes()), loader: Some((loader_name, loader.into_bytes())) })
}

/// `text` with every `from` made `to`; an error when there is none (the splitter or
/// wasm-bindgen changed what it writes: fail, never ship a loader that fetches nothing).
pub fn replaced(text: &str, from: &str, to: &str) -> Result<String> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(format!("expected `{from}` in the split build's JS, found none"))
    }
}

/// The boot script and the preload links, as Trunk wrote them (the nonce placeholder the
/// server fills per response; `window.wasmBindings` for the bench), plus the loader's.
pub fn boot_html(public_url: &str, scripts: &Scripts, integrity: impl Fn(&str) -> String) -> String {
    let (glue, wasm) = (&scripts.glue, &scripts.wasm);
    let nonce = r#"nonce="{{__TRUNK NONCE__}}""#;
    let mut html = format!(
        "<script type=\"module\" {nonce}>\nimport init, * as bindings from '{public_url}{glue}';\n\
         await init({{ module_or_path: '{public_url}{wasm}' }});\nwindow.wasmBindings = bindings;\n</script>\n"
    );
    for module in std::iter::once(glue).chain(&scripts.loader) {
        html += &format!(
            "<link rel=\"modulepreload\" {nonce} href=\"{public_url}{module}\" crossorigin=\"anonymous\" integrity=\"{}\">",
            integrity(module)
        );
    }
    html += &format!(
        "<link rel=\"preload\" {nonce} href=\"{public_url}{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" \
         as=\"fetch\" type=\"application/wasm\">",
        integrity(wasm)
    );
    html
}

/// `index` without the `<link data-trunk rel="rust" data-trunk-skip …/>` line Trunk leaves
/// in the page (it only tells Trunk not to build the crate).
pub fn without_skipped_rust_link(index: &str) -> Option<String> {
    let start = index.find("<link data-trunk rel=\"rust\"")?;
    let end = start + index[start..].find("/>")? + "/>".len();
    let line_start = index[..start].rfind('\n').map_or(start, |at| at + 1);
    let line_end = if index[end..].starts_with('\n') { end + 1 } else { end };
    Some(format!("{}{}", &index[..line_start], &index[line_end..]))
}

/// `index` with `head` inserted just before `</head>`.
pub fn with_head_end(index: &str, head: &str) -> Option<String> {
    let at = index.find("</head>")?;
    Some(format!("{}{head}{}", &index[..at], &index[at..]))
}

fn text(bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("the split build's JS is not UTF-8: {e}"))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(name: &str, bytes: &[u8]) -> (String, String, Vec<u8>) {
        named_file(Path::new(&format!("target/split/{name}.wasm")), bytes)
    }

    #[test]
    fn the_glue_and_the_loader_find_each_other_and_the_modules_by_their_new_names() {
        let settings = module("split_settings", b"\0asm settings");
        assert!(settings.0.starts_with("split_settings-") && settings.0.ends_with(".wasm"), "{}", settings.0);
        let glue = format!("import * as s from \"{LOADER_PLACEHOLDER}\";export default 1;");
        let loader = format!("import{{initSync}}from\"{GLUE_PLACEHOLDER}\";fetch(new URL(\"./split_settings.wasm\",import.meta.url))");
        let named = name_scripts(glue.as_bytes(), Some(loader.as_bytes()), std::slice::from_ref(&settings)).unwrap();
        let (loader_name, loader_bytes) = named.loader.unwrap();
        let (glue_text, loader_text) = (text(&named.glue.1).unwrap(), text(&loader_bytes).unwrap());
        assert!(glue_text.contains(&format!("\"./{loader_name}\"")), "{glue_text}");
        assert!(loader_text.contains(&format!("\"./{}\"", named.glue.0)), "{loader_text}");
        assert!(loader_text.contains(&format!("\"./{}\"", settings.0)), "{loader_text}");
        assert!(!loader_text.contains("split_settings.wasm") && !glue_text.contains("____"), "{loader_text}");
        // Another module's bytes: other names for all three.
        let other = module("split_settings", b"\0asm settings 2");
        let renamed = name_scripts(glue.as_bytes(), Some(loader.as_bytes()), &[other]).unwrap();
        assert_ne!(renamed.glue.0, named.glue.0);
        assert_ne!(renamed.loader.unwrap().0, loader_name);
    }

    #[test]
    fn a_loader_that_does_not_name_its_module_fails_the_build() {
        let settings = module("split_settings", b"\0asm");
        let loader = format!("import{{initSync}}from\"{GLUE_PLACEHOLDER}\";");
        assert!(name_scripts(b"x", Some(loader.as_bytes()), &[settings]).is_err());
        assert!(replaced("abc", "d", "e").is_err());
        assert_eq!(replaced("a.b.a", "a", "c").unwrap(), "c.b.c");
    }

    #[test]
    fn the_boot_script_preloads_every_script_with_its_integrity() {
        let scripts = Scripts {
            glue: "app-1.js".into(),
            wasm: "app-2_bg.wasm".into(),
            loader: Some("wasm-split-1.js".into()),
            modules: vec!["split_settings-3.wasm".into()],
        };
        let head = boot_html("/preview/", &scripts, |name| format!("sha384-{name}"));
        assert!(head.contains("import init, * as bindings from '/preview/app-1.js'"), "{head}");
        assert!(head.contains("module_or_path: '/preview/app-2_bg.wasm'"), "{head}");
        for (href, integrity) in [("app-1.js", "app-1.js"), ("wasm-split-1.js", "wasm-split-1.js")] {
            assert!(head.contains(&format!("href=\"/preview/{href}\" crossorigin=\"anonymous\" integrity=\"sha384-{integrity}\"")), "{head}");
        }
        assert_eq!(head.matches(r#"nonce="{{__TRUNK NONCE__}}""#).count(), 4, "{head}");
        assert!(!head.contains("split_settings"), "a route's module is fetched when the route opens: {head}");
        let index = with_head_end("<html><head><title>t</title></head><body></body></html>", "<x>").unwrap();
        assert_eq!(index, "<html><head><title>t</title><x></head><body></body></html>");
        assert_eq!(with_head_end("<html>", "<x>"), None);
        let built = "<head>\n    <link rel=\"icon\" />\n    <link data-trunk rel=\"rust\" data-trunk-skip data-trunk-id=\"0\" />\n    <link rel=\"stylesheet\"/>\n</head>";
        assert_eq!(
            without_skipped_rust_link(built).unwrap(),
            "<head>\n    <link rel=\"icon\" />\n    <link rel=\"stylesheet\"/>\n</head>"
        );
        assert_eq!(without_skipped_rust_link("<head></head>"), None);
    }
}
