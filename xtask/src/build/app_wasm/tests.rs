//! The app's wasm steps: the split's hints, names and checks, read back.

use super::*;

fn module(name: &str, bytes: &[u8]) -> (String, String, Vec<u8>) {
    named_file(Path::new(&format!("target/split/{name}.wasm")), bytes)
}

#[test]
fn the_glue_and_the_loader_find_each_other_and_the_modules_by_their_new_names() {
    let settings = module("split_settings", b"\0asm settings");
    assert!(settings.0.starts_with("split_settings-") && settings.0.ends_with(".wasm"), "{}", settings.0);
    let glue = format!("import*as s from\"{LOADER_PLACEHOLDER}\";const i={{\"{LOADER_PLACEHOLDER}\":s}};");
    let loader = format!(
        "import{{initSync}}from\"{GLUE_PLACEHOLDER}\";fetch(new URL(\"./split_settings.wasm\",import.meta.url))"
    );
    let named = name_scripts(glue.as_bytes(), Some(loader.as_bytes()), std::slice::from_ref(&settings)).unwrap();
    let (loader_name, loader_bytes) = named.loader.unwrap();
    let (glue_text, loader_text) = (text(&named.glue.1).unwrap(), text(&loader_bytes).unwrap());
    assert!(glue_text.contains(&format!("from\"./{loader_name}\"")), "{glue_text}");
    assert!(glue_text.contains(&format!("{{\"{LOADER_PLACEHOLDER}\":s}}")), "the imports' key stays: {glue_text}");
    assert!(loader_text.contains(&format!("\"./{}\"", named.glue.0)), "{loader_text}");
    assert!(loader_text.contains(&format!("\"./{}\"", settings.0)), "{loader_text}");
    assert!(!loader_text.contains("split_settings.wasm") && !loader_text.contains(GLUE_PLACEHOLDER), "{loader_text}");
    // Another module's bytes: other names for all three.
    let other = module("split_settings", b"\0asm settings 2");
    let renamed = name_scripts(glue.as_bytes(), Some(loader.as_bytes()), &[other]).unwrap();
    assert_ne!(renamed.glue.0, named.glue.0);
    assert_ne!(renamed.loader.unwrap().0, loader_name);
}

#[test]
fn the_linked_wasm_is_where_cargo_says() {
    let messages = [
        r#"{"reason":"compiler-artifact","target":{"name":"leptos","kind":["lib"]},"filenames":["/t/libleptos.rlib"]}"#,
        "not json",
        r#"{"reason":"compiler-artifact","target":{"name":"max-channel-admin","kind":["bin"]},"filenames":["/elsewhere/wasm32-unknown-unknown/release/max-channel-admin.wasm"]}"#,
        r#"{"reason":"build-finished","success":true}"#,
    ]
    .join("\n");
    assert_eq!(
        linked_wasm(&messages),
        Some(PathBuf::from("/elsewhere/wasm32-unknown-unknown/release/max-channel-admin.wasm"))
    );
    assert_eq!(linked_wasm(&messages.replace("max-channel-admin\"", "other\"")), None);
}

#[test]
fn every_split_point_is_hinted_on_its_route_with_the_modules_it_needs() {
    let files = [module("chunk_3", b"c"), module("split_settings", b"s")];
    let prefetch = vec![("settings".to_string(), vec!["chunk_3".to_string(), "split_settings".to_string()])];
    let hints = route_hints(&prefetch, &files).unwrap();
    assert_eq!(hints, [("/channels/max/settings".to_string(), vec![files[0].0.clone(), files[1].0.clone()])]);
    let unknown = vec![("billing".to_string(), vec!["chunk_3".to_string()])];
    assert!(route_hints(&unknown, &files).is_err(), "a split point without a route");
    let missing = vec![("history".to_string(), vec!["split_history".to_string()])];
    assert!(route_hints(&missing, &files).is_err(), "a module that was not written");
}

#[test]
fn a_loader_that_does_not_name_its_module_fails_the_build() {
    let settings = module("split_settings", b"\0asm");
    let loader = format!("import{{initSync}}from\"{GLUE_PLACEHOLDER}\";");
    assert!(name_scripts(b"x", Some(loader.as_bytes()), &[settings]).is_err());
    assert_eq!(replaced_imports("import x from 'a';f('a')", "a", "b").unwrap(), "import x from 'b';f('a')");
    assert!(replaced_imports("f('a')", "a", "b").is_err());
}
