//! Integrity for every byte the app runs (issue 35): the page's `<script integrity>` and
//! `<link integrity>` cover the glue and the style sheet only; the main wasm and the split
//! modules are fetched by script, so the boot script and the split loader fetch them with
//! `fetch(url, { integrity })`. A file whose bytes are not the build's is refused by the
//! browser before it is compiled.
//!
//! The browser says no more than «failed to fetch» for a refusal, a 404 and the network
//! alike, so after a failure the same URL is asked once more without integrity: when it
//! arrives and its digest is not the one the page names (or the browser offers no digest
//! outside a secure context), the file was refused, and its name goes to
//! `globalThis.maxChannelRefused` — which the boot script and the app read to tell the
//! person and the host «refused», not «download failed». When it arrives whole, the first
//! failure was the network's.

use crate::shell::Result;

/// The fetch both scripts use: `maxChannelVerified(url, integrity)`, a `fetch` promise.
pub const VERIFIED_FETCH: &str = "const maxChannelVerified=(u,i)=>fetch(u,{integrity:i}).catch(async e=>{let r;\
try{r=await fetch(u,{cache:\"no-store\"})}catch{throw e}if(!r.ok)throw e;const[a,h]=i.split(\"-\");let d;\
try{d=btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest(a==\"sha256\"?\"SHA-256\":\"SHA-384\",\
await r.arrayBuffer()))))}catch{}if(d!==h)(globalThis.maxChannelRefused??=[]).push(new URL(u,location.href)\
.pathname.split(\"/\").pop());throw e});";

/// The split loader (as terser writes it) with each module's fetch made a verified fetch of
/// its final name: `fetch(new URL("./chunk_7.wasm",import.meta.url))` becomes
/// `maxChannelVerified(new URL("./chunk_7-<hash>.wasm",import.meta.url),"sha384-…")`. Each
/// module (name, placeholder, integrity) must be fetched: an error otherwise (the splitter
/// changed what it writes: fail, never ship a loader that fetches unverified).
pub fn verified_loader(loader: &str, modules: &[(String, String, String)]) -> Result<String> {
    let mut out = loader.to_owned();
    for (name, placeholder, integrity) in modules {
        let mut found = false;
        for space in ["", " "] {
            let fetch = format!("fetch(new URL(\"{placeholder}\",{space}import.meta.url))");
            found |= out.contains(&fetch);
            let verified = format!("maxChannelVerified(new URL(\"./{name}\",import.meta.url),\"{integrity}\")");
            out = out.replace(&fetch, &verified);
        }
        if !found {
            return Err(format!("expected the split loader to fetch `{placeholder}`, found no such fetch"));
        }
    }
    if out.contains("fetch(new URL(") {
        return Err("the split loader fetches a module that is not in the build".into());
    }
    Ok(format!("{VERIFIED_FETCH}{out}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(stem: &str) -> (String, String, String) {
        (format!("{stem}-ab12.wasm"), format!("./{stem}.wasm"), format!("sha384-{stem}"))
    }

    #[test]
    fn every_module_is_fetched_with_its_integrity_under_its_final_name() {
        let loader = "import{initSync}from\"./g.js\";const a=fetch(new URL(\"./chunk_7.wasm\",import.meta.url)),\
            b=fetch(new URL(\"./split_qr.wasm\", import.meta.url));";
        let out = verified_loader(loader, &[module("chunk_7"), module("split_qr")]).unwrap();
        assert!(out.starts_with(VERIFIED_FETCH), "{out}");
        assert!(out.contains("maxChannelVerified(new URL(\"./chunk_7-ab12.wasm\",import.meta.url),\"sha384-chunk_7\")"));
        assert!(
            out.contains("maxChannelVerified(new URL(\"./split_qr-ab12.wasm\",import.meta.url),\"sha384-split_qr\")")
        );
        assert!(!out.contains("fetch(new URL("), "no unverified fetch is left: {out}");
    }

    #[test]
    fn a_module_not_fetched_or_a_fetch_of_no_module_fails_the_build() {
        let loader = "fetch(new URL(\"./chunk_7.wasm\",import.meta.url))";
        assert!(verified_loader(loader, &[module("chunk_7"), module("split_qr")]).is_err(), "split_qr never fetched");
        let two =
            "fetch(new URL(\"./chunk_7.wasm\",import.meta.url));fetch(new URL(\"./chunk_8.wasm\",import.meta.url))";
        assert!(verified_loader(two, &[module("chunk_7")]).is_err(), "chunk_8 is not in the build");
    }
}
