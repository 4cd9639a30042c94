//! The page's part of the app's script (decision 68): the boot script, the split routes'
//! hint and the preload links `cargo xtask build` writes into the `index.html` Trunk built,
//! as Trunk wrote them before the xtask built the wasm itself.

use crate::build::app_wasm::Scripts;

/// The boot script and the preload links, as Trunk wrote them (the nonce placeholder the
/// server fills per response; `window.wasmBindings` for the bench), plus the loader's;
/// `None` when `integrity` knows one of the files not (never a page with an empty one).
pub fn boot_html(public_url: &str, scripts: &Scripts, integrity: impl Fn(&str) -> Option<String>) -> Option<String> {
    let (glue, wasm) = (&scripts.glue, &scripts.wasm);
    let nonce = r#"nonce="{{__TRUNK NONCE__}}""#;
    let mut html = String::new();
    if !scripts.hints.is_empty() {
        // A classic script runs as the page is parsed, before the module script's imports
        // arrive: a page opened at a split route starts its modules' download at once
        // (the loader's `fetch` then takes the preloaded response). Any router base.
        let routes: Vec<String> = scripts
            .hints
            .iter()
            .map(|(path, files)| {
                format!("[\"{path}\",[{}]]", files.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(","))
            })
            .collect();
        html += &format!(
            "<script {nonce}>for(const[p,f]of[{}])if(location.pathname.replace(/\\/$/,'').endsWith(p))\
             for(const n of f){{const l=document.createElement('link');l.rel='preload';l.as='fetch';\
             l.crossOrigin='anonymous';l.href='{public_url}'+n;document.head.append(l)}}</script>\n",
            routes.join(",")
        );
    }
    html += &format!(
        "<script type=\"module\" {nonce}>\nimport init, * as bindings from '{public_url}{glue}';\n\
         await init({{ module_or_path: '{public_url}{wasm}' }});\nwindow.wasmBindings = bindings;\n</script>\n"
    );
    for module in std::iter::once(glue).chain(&scripts.loader) {
        html += &format!(
            "<link rel=\"modulepreload\" {nonce} href=\"{public_url}{module}\" crossorigin=\"anonymous\" integrity=\"{}\">",
            integrity(module)?
        );
    }
    html += &format!(
        "<link rel=\"preload\" {nonce} href=\"{public_url}{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" \
         as=\"fetch\" type=\"application/wasm\">",
        integrity(wasm)?
    );
    Some(html)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(head.contains("module_or_path: '/preview/app-2_bg.wasm'"), "{head}");
        for (href, integrity) in [("app-1.js", "app-1.js"), ("wasm-split-1.js", "wasm-split-1.js")] {
            assert!(
                head.contains(&format!(
                    "href=\"/preview/{href}\" crossorigin=\"anonymous\" integrity=\"sha384-{integrity}\""
                )),
                "{head}"
            );
        }
        assert_eq!(head.matches(r#"nonce="{{__TRUNK NONCE__}}""#).count(), 5, "{head}");
        assert!(
            head.contains(r#"[["/channels/max/settings",["chunk_3-4.wasm","split_settings-3.wasm"]]]"#),
            "the settings' modules, hinted on its path: {head}"
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
}
