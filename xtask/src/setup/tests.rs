//! Setup's probes and versions: what is found counts, what is missing is named.

use super::*;

const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.55"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
"#;

#[test]
fn finds_exact_package_not_prefix_matches() {
    assert_eq!(locked_version(LOCK, "wasm-bindgen").as_deref(), Some("0.2.130"));
    assert_eq!(locked_version(LOCK, "wasm-bindgen-futures").as_deref(), Some("0.4.55"));
}

#[test]
fn missing_package_is_none() {
    assert_eq!(locked_version(LOCK, "leptos"), None);
    assert_eq!(locked_version("", "wasm-bindgen"), None);
}

#[test]
fn reads_the_real_workspace_lock() {
    let lock = std::fs::read_to_string(env::cargo_lock()).unwrap();
    let version = locked_version(&lock, "wasm-bindgen").unwrap();
    assert!(version.starts_with("0.2."), "{version}");
}

#[test]
fn quoted_value_parses_key_value_lines() {
    assert_eq!(quoted_value(r#"version = "1.2.3""#, "version").as_deref(), Some("1.2.3"));
    assert_eq!(quoted_value(r#"version="1.2.3""#, "version").as_deref(), Some("1.2.3"));
    assert_eq!(quoted_value(r#"name = "x""#, "version"), None);
    assert_eq!(quoted_value("version = 1", "version"), None);
}

#[test]
fn trunk_series_021_only() {
    assert!(is_wanted_trunk("trunk 0.21.14"));
    assert!(is_wanted_trunk("trunk 0.21.0"));
    assert!(!is_wanted_trunk("trunk 0.22.0"));
    assert!(!is_wanted_trunk("trunk 0.210.1"));
    assert!(!is_wanted_trunk("trunk 0.2.1"));
    assert!(!is_wanted_trunk(""));
}

#[test]
fn wasm_bindgen_must_match_lock_exactly() {
    assert!(is_wanted_wasm_bindgen("wasm-bindgen", "wasm-bindgen 0.2.130", "0.2.130"));
    assert!(is_wanted_wasm_bindgen("wasm-bindgen-test-runner", "wasm-bindgen-test-runner 0.2.130", "0.2.130"));
    assert!(!is_wanted_wasm_bindgen("wasm-bindgen", "wasm-bindgen 0.2.1300", "0.2.130"));
    assert!(!is_wanted_wasm_bindgen("wasm-bindgen", "wasm-bindgen 0.2.129", "0.2.130"));
    assert!(!is_wanted_wasm_bindgen("wasm-bindgen", "", "0.2.130"));
}

#[test]
fn wasm_opt_version_132() {
    assert!(is_wanted_wasm_opt("wasm-opt version 132 (version_132)"));
    assert!(is_wanted_wasm_opt("wasm-opt version 132"));
    assert!(!is_wanted_wasm_opt("wasm-opt version 114"));
    assert!(!is_wanted_wasm_opt("wasm-opt version 1320"));
    assert!(!is_wanted_wasm_opt("wasm-opt version 132.1"));
}

#[test]
fn target_list_needs_whole_line_match() {
    let list = "wasm32-unknown-unknown\nx86_64-unknown-linux-gnu\n";
    assert!(has_installed_target(list, "wasm32-unknown-unknown"));
    assert!(!has_installed_target("wasm32-unknown-unknown-foo\n", "wasm32-unknown-unknown"));
    assert!(!has_installed_target("", "wasm32-unknown-unknown"));
}
