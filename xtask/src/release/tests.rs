//! The release archive: its manifest, its names, and its verification.

use super::*;

const PAGE: &str = "<head><link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"x\">\
    <script type=\"module\">import init from '/app-2.js';init({module_or_path: maxChannelVerified('/app-3_bg.wasm', 'y')})</script>\
    <meta name=\"max-channel-build\" content=\"00aa11bb22cc33dd\">\n</head>";

fn bundle(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-release-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("public/i18n")).unwrap();
    for (path, text) in [
        ("index.html", PAGE),
        ("main-1.css", "a{}"),
        ("main-1.css.br", "br"),
        ("app-2.js", "js"),
        ("app-3_bg.wasm", "\0asm"),
        ("split_history-4.wasm", "\0asm history"),
        ("public/i18n/en-5.json", "{}"),
    ] {
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

#[test]
fn the_archive_holds_the_bundle_its_manifest_and_rules_and_matches_them() {
    let dist = bundle("ok");
    let out = dist.with_extension("out");
    let archive = write_release(&dist, &out).unwrap();
    assert!(archive.ends_with("max-channel-admin-00aa11bb22cc33dd.tar.gz"), "{}", archive.display());
    let mut packed = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&archive).unwrap()).read_to_end(&mut packed).unwrap();
    let files = untar(&packed).unwrap();
    let manifest = &files.iter().find(|(p, _)| p.ends_with("manifest.json")).unwrap().1;
    let manifest: serde_json::Value = serde_json::from_slice(manifest).unwrap();
    assert_eq!(manifest["build"], "00aa11bb22cc33dd");
    assert_eq!(manifest["public_url"], "/");
    let first: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["first_load"] == true)
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(first, ["app-2.js", "app-3_bg.wasm", "index.html", "main-1.css", "main-1.css.br"]);
    assert!(files.iter().any(|(p, _)| p == "max-channel-admin-00aa11bb22cc33dd/public/i18n/en-5.json"));
    assert!(files.iter().any(|(p, b)| p.ends_with("/nginx.conf") && b.starts_with(b"# MAX channel admin app")));
    // The same bundle packs to the same bytes.
    let again = std::fs::read(write_release(&dist, &dist.with_extension("out2")).unwrap()).unwrap();
    assert!(again == std::fs::read(&archive).unwrap(), "the same bundle, other bytes");
    for dir in [dist.clone(), out, dist.with_extension("out2")] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_bundle_built_for_a_path_is_served_there_by_its_rules() {
    let root = PAGE.replace("href=\"/", "href=\"/dialogs/").replace("'/", "'/dialogs/");
    assert_eq!(public_url(PAGE).as_deref(), Some("/"));
    assert_eq!(public_url(&root).as_deref(), Some("/dialogs/"));
    assert!(first_load(&root, "main-1.css") && first_load(&root, "app-3_bg.wasm"));
    let rules = nginx("/dialogs/");
    assert!(rules.contains("location ~ \"^/dialogs/((?:max-channel-admin|"), "{rules}");
    assert!(rules.contains("location ~ \"^/dialogs/public/(.+)$\" {"), "{rules}");
    let root = nginx("/");
    assert!(root.contains("location ~ \"^/((?:max-channel-admin|"), "{root}");
    // The root build's favicon at /public/, the icons the app asks for below /dialogs.
    assert!(root.contains("location ~ \"^(?:/dialogs)?/public/(.+)$\" {"), "{root}");
    for rules in [rules, root] {
        assert!(!rules.contains("FILES") && !rules.contains("PUBLIC"), "{rules}");
        assert!(rules.contains("alias /srv/max-channel/assets/$1;"), "{rules}");
        assert!(rules.contains("alias /srv/max-channel/assets/public/$1;"), "{rules}");
    }
}

#[test]
fn a_bundle_without_a_build_id_or_an_archive_unlike_its_manifest_is_refused() {
    let dist = bundle("no-id");
    std::fs::write(dist.join("index.html"), "<head></head>").unwrap();
    assert!(write_release(&dist, &dist.with_extension("out")).unwrap_err().contains("build id"));
    let entries = vec![
        (
            "r/manifest.json".to_owned(),
            br#"{"build":"ab","files":[{"path":"a.js","bytes":2,"integrity":"sha384-x"}]}"#.to_vec(),
        ),
        ("r/a.js".to_owned(), b"js".to_vec()),
        ("r/nginx.conf".to_owned(), b"".to_vec()),
    ];
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzip.write_all(&tar(&entries).unwrap()).unwrap();
    let bad = dist.join("bad.tar.gz");
    std::fs::write(&bad, gzip.finish().unwrap()).unwrap();
    assert!(check_release(&bad).unwrap_err().contains("not what manifest.json says"));
    let _ = std::fs::remove_dir_all(&dist);
}
