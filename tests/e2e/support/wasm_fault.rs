//! A WebKitGTK wasm fault: the page's wasm read memory it never wrote (docs/browsers.md
//! «Seen once: a wasm trap in WebKitGTK» and the sightings after it). Safe Rust cannot make
//! either sign below, and neither has ever shown in Chromium or Firefox; the harness names
//! such a failure so that xtask may run the test once more (decision 80).

use super::{ConsoleLog, Engine};

/// What the failure's report starts with; xtask's `e2e_retry` looks for it.
pub const WASM_FAULT: &str = "WEBKIT WASM FAULT";

/// Whether `problems` (the console's, as the harness collects them) carry a sign of a wasm
/// memory fault in WebKitGTK: a trap on an address outside memory, or a bounds check that
/// saw an index no collection of this app comes near ([`IMPOSSIBLE_INDEX`] or more: a value
/// read from memory that was never written). Other engines' problems are never called so,
/// and a test that fails in another engine too is never run again (decision 80).
pub fn is_wasm_fault(engine: Engine, problems: &[String]) -> bool {
    engine == Engine::WebKit
        && problems.iter().any(|m| m.contains("Out of bounds memory access") || impossible_index(m))
}

/// No list of the app holds near 2²⁴ (16 777 216) items; the sightings' indexes were
/// 4 145 676 267 and 1 179 671 235 into a QR code's 841 modules, while an off-by-one is the
/// length itself.
pub const IMPOSSIBLE_INDEX: u64 = 1 << 24;

/// `index out of bounds: the len is L but the index is I` with I ≥ [`IMPOSSIBLE_INDEX`].
fn impossible_index(message: &str) -> bool {
    let Some((_, rest)) = message.split_once("but the index is ") else { return false };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<u64>().is_ok_and(|index| index >= IMPOSSIBLE_INDEX)
}

/// The failure's report: marked when it is a wasm fault of WebKitGTK's.
pub fn report(engine: Engine, when: &str, problems: &[String]) -> String {
    let mark = if is_wasm_fault(engine, problems) { format!("{WASM_FAULT}: ") } else { String::new() };
    format!("{mark}{when}: the console shows\n{}", problems.join("\n"))
}

/// What a test that failed before [`super::E2e::finish`] adds to its report: the console's
/// problems, if any. A failed wait reads as «never held …» or «no element …», while the page
/// may have stopped answering because its wasm faulted (stop 43's CI: a label typed into the
/// link kit stopped at its first letter) — said here, marked so, xtask may run it again.
pub fn failure_note(engine: Engine, problems: &[String]) -> Option<String> {
    (!problems.is_empty()).then(|| report(engine, "before the test failed", problems))
}

/// Prints [`failure_note`] when a test panics while it holds this (a test's [`super::E2e`]
/// does until `finish`, which judges the console itself).
pub struct ConsoleOnFailure {
    pub engine: Engine,
    pub console: ConsoleLog,
    pub armed: bool,
}

impl Drop for ConsoleOnFailure {
    fn drop(&mut self) {
        if self.armed && std::thread::panicking() {
            // Printed on the test's thread, into the output libtest keeps with its failure.
            if let Some(note) = failure_note(self.engine, &self.console.problems()) {
                println!("{note}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEVENTH: &str = "error: panicked at qrcodegen-1.8.0/src/lib.rs:366:21:\n\
        index out of bounds: the len is 841 but the index is 4145676267";

    #[test]
    fn only_webkit_and_only_the_memory_signs_are_called_a_wasm_fault() {
        let seventh = vec![SEVENTH.to_owned()];
        assert!(is_wasm_fault(Engine::WebKit, &seventh));
        assert!(!is_wasm_fault(Engine::Chromium, &seventh), "another engine's is the app's");
        let trap = vec!["error: Uncaught RuntimeError: Out of bounds memory access".to_owned()];
        assert!(is_wasm_fault(Engine::WebKit, &trap));
        let ordinary =
            vec!["error: panicked at src/x.rs:1:1:\nindex out of bounds: the len is 3 but the index is 3".to_owned()];
        assert!(!is_wasm_fault(Engine::WebKit, &ordinary), "an off-by-one is ours");
        let ninth = vec![SEVENTH.replace("4145676267", "1179671235")];
        assert!(is_wasm_fault(Engine::WebKit, &ninth), "run 10's index, below 2³¹");
        let large = vec![SEVENTH.replace("4145676267", "70000")];
        assert!(!is_wasm_fault(Engine::WebKit, &large), "a wrong index a program can compute");
        let borrowed = vec!["error: panicked at x.rs:1:1:\nRefCell already borrowed".to_owned()];
        assert!(!is_wasm_fault(Engine::WebKit, &borrowed));
        assert!(
            report(Engine::WebKit, "after x", &seventh).starts_with("WEBKIT WASM FAULT: after x: the console shows\n")
        );
        assert!(report(Engine::Firefox, "after x", &seventh).starts_with("after x:"));
    }

    #[test]
    fn a_failed_test_quotes_the_console_only_when_it_has_problems() {
        assert_eq!(failure_note(Engine::WebKit, &[]), None);
        let seventh = vec![SEVENTH.to_owned()];
        let note = failure_note(Engine::WebKit, &seventh).expect("a note");
        assert!(note.starts_with("WEBKIT WASM FAULT: before the test failed: the console shows\n"), "{note}");
        assert!(note.ends_with("the index is 4145676267"));
        let panic = vec!["error: panicked at src/x.rs:1:1:\nboom".to_owned()];
        assert_eq!(
            failure_note(Engine::Chromium, &panic).as_deref(),
            Some("before the test failed: the console shows\nerror: panicked at src/x.rs:1:1:\nboom")
        );
    }
}
