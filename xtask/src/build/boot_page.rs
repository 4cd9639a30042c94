//! The page's part of the app's script (decision 68): the boot script, the split routes'
//! hint and the preload links `cargo xtask build` writes into the `index.html` Trunk built,
//! as Trunk wrote them before the xtask built the wasm itself.

use crate::build::app_wasm::Scripts;
use crate::build::verified::VERIFIED_FETCH;

/// The boot script and the preload links, as Trunk wrote them (the nonce placeholder the
/// server fills per response; `window.wasmBindings` for the bench), plus the loader's;
/// `None` when `integrity` knows one of the files not (never a page with an empty one).
/// The main wasm is fetched with its integrity (`verified`), and a start that fails — the
/// glue or the wasm refused or not downloaded, or the wasm failing as it starts — shows the
/// page's `#max-channel-boot-failed` and posts `error {kind, key, build}` to the host.
pub fn boot_html(public_url: &str, scripts: &Scripts, integrity: impl Fn(&str) -> Option<String>) -> Option<String> {
    let (glue, wasm) = (&scripts.glue, &scripts.wasm);
    let nonce = r#"nonce="{{__TRUNK NONCE__}}""#;
    let mut html = String::new();
    if !scripts.hints.is_empty() {
        // A classic script runs as the page is parsed, before the module script's imports
        // arrive: a page opened at a split route starts its modules' download at once
        // (the loader's verified `fetch` then takes the preloaded response, whose integrity
        // is the same). Any router base.
        let mut routes = Vec::new();
        for (path, files) in &scripts.hints {
            let files =
                files.iter().map(|f| Some(format!("[\"{f}\",\"{}\"]", integrity(f)?))).collect::<Option<Vec<_>>>()?;
            routes.push(format!("[\"{path}\",[{}]]", files.join(",")));
        }
        html += &format!(
            "<script {nonce}>for(const[p,f]of[{}])if(location.pathname.replace(/\\/$/,'').endsWith(p))\
             for(const[n,i]of f){{const l=document.createElement('link');l.rel='preload';l.as='fetch';\
             l.crossOrigin='anonymous';l.integrity=i;l.href='{public_url}'+n;document.head.append(l)}}</script>\n",
            routes.join(",")
        );
    }
    // The preloads before the module script: an inline module fetches its imports as it is
    // parsed, and a later `modulepreload` would find the glue already fetching without its
    // integrity. First, the glue and the loader are fetched with it, and the import takes
    // those fetches.
    for module in std::iter::once(glue).chain(&scripts.loader) {
        html += &format!(
            "<link rel=\"modulepreload\" {nonce} href=\"{public_url}{module}\" crossorigin=\"anonymous\" integrity=\"{}\">\n",
            integrity(module)?
        );
    }
    html += &format!(
        "<link rel=\"preload\" {nonce} href=\"{public_url}{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" \
         as=\"fetch\" type=\"application/wasm\">\n",
        integrity(wasm)?
    );
    html += &format!(
        "<script {nonce}>{}</script>\n",
        boot_helpers(&format!("{public_url}{glue}"), glue, &integrity(glue)?)
    );
    html += &format!(
        "<script type=\"module\" id=\"max-channel-boot\" {nonce}>\nimport init, * as bindings from '{public_url}{glue}';\n\
         let started = false;\ntry {{\n  await init({{ module_or_path: maxChannelVerified('{public_url}{wasm}', '{}')\
         .then(r => (started = true, r)) }});\n  window.wasmBindings = bindings;\n}} catch {{\n  \
         maxChannelBootFailed('{wasm}', started);\n}}\n</script>\n",
        integrity(wasm)?
    );
    Some(html)
}

/// The classic script before the module script: the verified fetch, `maxChannelBootFailed(key,
/// started)` (`kind`: `start` when the wasm arrived and failed as it started, `refused` when
/// a file's bytes were not the build's, else `download`), and the glue's own failure — a
/// module script whose import fails never runs, and its element hears `error`.
fn boot_helpers(glue_url: &str, glue: &str, glue_integrity: &str) -> String {
    format!(
        "{VERIFIED_FETCH}\
         function maxChannelBootFailed(key,started){{\
         const kind=started?'start':(globalThis.maxChannelRefused??[]).length?'refused':'download';\
         let c={{}};try{{c=JSON.parse(document.getElementById('max-channel-config')?.textContent||'{{}}')}}catch{{}}\
         const box=document.getElementById('max-channel-boot-failed');\
         if(box){{if(/^en/i.test(c.locale||''))box.textContent=box.dataset.en;box.hidden=false}}\
         console.error('max-channel: the app did not start ('+kind+': '+key+')');\
         const build=document.querySelector('meta[name={BUILD_META}]')?.content??null;\
         const to=c.parent_origin&&c.parent_origin!=='*'?c.parent_origin:location.origin;\
         try{{if(parent!==window)parent.postMessage({{source:'max-channel',type:'error',kind,key,build}},to)}}catch{{}}}}\
         addEventListener('error',e=>{{if(e.target?.id==='max-channel-boot')maxChannelVerified('{glue_url}','{glue_integrity}')\
         .catch(()=>{{}}).finally(()=>maxChannelBootFailed('{glue}',false))}},true);"
    )
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

/// `index` with its links to `public/` (the favicon; Trunk copies the folder as it is and
/// leaves those links alone) below `public_url`, like every other file of the bundle: built
/// for `/dialogs/`, nothing is asked from the site root (issue 35).
pub fn with_public_files(index: &str, public_url: &str) -> String {
    index.replace("href=\"/public/", &format!("href=\"{public_url}public/"))
}

/// `index` with `head` inserted just before `</head>`.
pub fn with_head_end(index: &str, head: &str) -> Option<String> {
    let at = index.find("</head>")?;
    Some(format!("{}{head}{}", &index[..at], &index[at..]))
}

/// The `name` of the build id's `<meta>` (`src/domain/release.rs` reads it).
pub const BUILD_META: &str = "max-channel-build";

/// `page` (the finished `index.html`) with its build id in a `<meta>` before `</head>`, and
/// that id: the short hash of the page, which names every file of the bundle by its hash
/// and integrity (the loader names the split modules), so any change of the bundle is
/// another id and a rebuild of the same sources the same one.
pub fn with_build_id(page: &str) -> Option<(String, String)> {
    let id = crate::build::minify::short_hash(page.as_bytes());
    let page = with_head_end(page, &format!("<meta name=\"{BUILD_META}\" content=\"{id}\">\n"))?;
    Some((id, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_favicon_is_named_below_the_public_url() {
        let page = "<link rel=\"icon\" href=\"/public/favicon.svg\" type=\"image/svg+xml\" />";
        assert_eq!(with_public_files(page, "/"), page);
        assert_eq!(
            with_public_files(page, "/dialogs/"),
            "<link rel=\"icon\" href=\"/dialogs/public/favicon.svg\" type=\"image/svg+xml\" />"
        );
    }

    #[test]
    fn the_boot_script_preloads_every_script_with_its_integrity() {
        let scripts = Scripts {
            glue: "app-1.js".into(),
            wasm: "app-2_bg.wasm".into(),
            loader: Some("wasm-split-1.js".into()),
            modules: vec!["split_settings-3.wasm".into()],
            hints: vec![(
                "/channels/max/settings".into(),
                vec!["chunk_3-4.wasm".into(), "split_settings-3.wasm".into()],
            )],
        };
        let head = boot_html("/preview/", &scripts, |name| Some(format!("sha384-{name}"))).unwrap();
        assert_eq!(boot_html("/", &scripts, |name| (name != "wasm-split-1.js").then(|| name.to_owned())), None);
        assert!(head.contains("import init, * as bindings from '/preview/app-1.js'"), "{head}");
        assert!(
            head.contains("module_or_path: maxChannelVerified('/preview/app-2_bg.wasm', 'sha384-app-2_bg.wasm')"),
            "the main wasm is fetched with its integrity: {head}"
        );
        assert!(
            head.contains("maxChannelVerified('/preview/app-1.js','sha384-app-1.js')"),
            "the glue's refusal: {head}"
        );
        assert!(head.find(VERIFIED_FETCH) < head.find("<script type=\"module\""), "defined before use: {head}");
        assert!(
            head.find("rel=\"modulepreload\"") < head.find("<script type=\"module\""),
            "the glue is fetched with its integrity before the import would fetch it without: {head}"
        );
        for (href, integrity) in [("app-1.js", "app-1.js"), ("wasm-split-1.js", "wasm-split-1.js")] {
            assert!(
                head.contains(&format!(
                    "href=\"/preview/{href}\" crossorigin=\"anonymous\" integrity=\"sha384-{integrity}\""
                )),
                "{head}"
            );
        }
        assert_eq!(head.matches(r#"nonce="{{__TRUNK NONCE__}}""#).count(), 6, "{head}");
        assert!(
            head.contains(
                r#"[["/channels/max/settings",[["chunk_3-4.wasm","sha384-chunk_3-4.wasm"],["split_settings-3.wasm","sha384-split_settings-3.wasm"]]]]"#
            ),
            "the settings' modules, hinted on its path with their integrity: {head}"
        );
        assert!(
            !head.contains("href=\"/preview/split_settings"),
            "a route's module is never preloaded on every page: {head}"
        );
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

    #[test]
    fn the_build_id_follows_every_byte_of_the_page() {
        let (id, page) = with_build_id("<head><x integrity=\"sha384-a\"></head>").unwrap();
        assert_eq!(id.len(), 16);
        assert_eq!(
            page,
            format!("<head><x integrity=\"sha384-a\"><meta name=\"max-channel-build\" content=\"{id}\">\n</head>")
        );
        let (other, _) = with_build_id("<head><x integrity=\"sha384-b\"></head>").unwrap();
        assert_ne!(id, other, "another file, another build");
        assert_eq!(
            with_build_id("<head><x integrity=\"sha384-a\"></head>").unwrap().0,
            id,
            "the same bundle, the same id"
        );
        assert_eq!(with_build_id("<html>"), None);
    }
}
