//! A test whose browser session was lost (the engine's page process crashed or hung, named by
//! the harness's «BROWSER SESSION LOST» report, tests/e2e/support/lost.rs) is run once more in
//! a fresh session of the same engine (decision 73); so is a test that met a wasm memory fault
//! of WebKitGTK's («WEBKIT WASM FAULT», tests/e2e/support/wasm_fault.rs), if it failed in no
//! other engine (decision 80). Its first run's report stays in the log and the summary names
//! it; a test that fails for any other reason, or fails again, fails.

/// What the harness prints when a session is lost under a test.
const LOST: &str = "BROWSER SESSION LOST";
/// What the harness prints when WebKitGTK's wasm read memory it never wrote.
const WASM_FAULT: &str = "WEBKIT WASM FAULT";

/// Why a test failed, as far as a second run is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The browser session was lost under it.
    Lost,
    /// WebKitGTK's wasm faulted under it.
    WasmFault,
    /// Anything else: the test's own verdict.
    Other,
}

/// The most tests of one engine's run given a second run: more lost sessions than that is no
/// accident of load, and the run fails as it is.
pub const MOST_RETRIED: usize = 2;

/// libtest's failures in `output`: each failed test's name and why, from its captured output.
pub fn failures(output: &str) -> Vec<(String, Cause)> {
    let mut found: Vec<(String, Cause)> = Vec::new();
    let mut current: Option<usize> = None;
    for line in output.lines() {
        if let Some(name) = line.strip_prefix("---- ").and_then(|rest| rest.strip_suffix(" stdout ----")) {
            found.push((name.trim().to_owned(), Cause::Other));
            current = Some(found.len() - 1);
        } else if line.starts_with("failures:") || line.starts_with("test result:") {
            current = None;
        } else if let Some(i) = current {
            if line.contains(LOST) {
                found[i].1 = Cause::Lost;
            } else if line.contains(WASM_FAULT) && found[i].1 == Cause::Other {
                found[i].1 = Cause::WasmFault;
            }
        }
    }
    found
}

/// The tests to run again: every failure was a lost session or a wasm fault of a test that
/// failed in no other engine (`failed_elsewhere`), and there are few enough.
pub fn to_retry(failures: &[(String, Cause)], failed_elsewhere: &[String]) -> Option<Vec<String>> {
    let accidental = |(name, cause): &(String, Cause)| match cause {
        Cause::Lost => true,
        Cause::WasmFault => !failed_elsewhere.contains(name),
        Cause::Other => false,
    };
    let all = !failures.is_empty() && failures.iter().all(accidental);
    (all && failures.len() <= MOST_RETRIED).then(|| failures.iter().map(|(name, _)| name.clone()).collect())
}

/// After a second run that failed again: the tests to run a third time, only when every
/// failure of that run was WebKitGTK's wasm fault again (the QR encoder's fault comes about
/// one run in three of its chaos case even on an idle machine, docs/browsers.md); a lost
/// session or anything else twice is no accident.
pub fn to_retry_again(second: &[(String, Cause)]) -> Option<Vec<String>> {
    let faults = !second.is_empty() && second.iter().all(|(_, cause)| *cause == Cause::WasmFault);
    (faults && second.len() <= MOST_RETRIED).then(|| second.iter().map(|(name, _)| name.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_FAILED: &str = "\
test a::one ... FAILED
test b::two ... FAILED
test c::three ... ok

failures:

---- a::one stdout ----
case: x
thread 'a::one' panicked at tests/e2e/support/lost.rs:92:9:
BROWSER SESSION LOST: webkit in a::one, 12.0 s into the test, while opening /channels.

---- b::two stdout ----
thread 'b::two' panicked at tests/e2e/x.rs:1:1:
no element #f-token

failures:
    a::one
    b::two

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 3.00s
";

    #[test]
    fn reads_each_failure_and_whether_its_session_was_lost() {
        assert_eq!(failures(TWO_FAILED), vec![("a::one".to_owned(), Cause::Lost), ("b::two".to_owned(), Cause::Other)]);
        let fault = TWO_FAILED.replace("no element #f-token", "WEBKIT WASM FAULT: after x: the console shows");
        assert_eq!(failures(&fault)[1], ("b::two".to_owned(), Cause::WasmFault));
        // A wait that failed first, and the console's note printed after its backtrace.
        let late = TWO_FAILED.replace(
            "no element #f-token\n",
            "#link-kit-link never held «…?start=site»; it holds «…?start=s»\nstack backtrace:\n\
             note: Some details are omitted\nWEBKIT WASM FAULT: before the test failed: the console shows\n",
        );
        assert_eq!(failures(&late)[1], ("b::two".to_owned(), Cause::WasmFault));
    }

    #[test]
    fn a_third_run_only_for_a_wasm_fault_again() {
        let fault = vec![("a".to_owned(), Cause::WasmFault)];
        assert_eq!(to_retry_again(&fault), Some(vec!["a".to_owned()]));
        assert_eq!(to_retry_again(&[("a".to_owned(), Cause::Lost)]), None, "a lost session twice");
        assert_eq!(to_retry_again(&[("a".to_owned(), Cause::Other)]), None);
        let mixed = vec![("a".to_owned(), Cause::WasmFault), ("b".to_owned(), Cause::Other)];
        assert_eq!(to_retry_again(&mixed), None);
        assert_eq!(to_retry_again(&[]), None);
    }

    #[test]
    fn retries_only_when_every_failure_was_a_lost_session() {
        assert_eq!(to_retry(&failures(TWO_FAILED), &[]), None);
        let lost_only = TWO_FAILED.replace("no element #f-token", "BROWSER SESSION LOST: webkit in b::two");
        assert_eq!(to_retry(&failures(&lost_only), &[]), Some(vec!["a::one".to_owned(), "b::two".to_owned()]));
        let three = vec![("a".to_owned(), Cause::Lost), ("b".to_owned(), Cause::Lost), ("c".to_owned(), Cause::Lost)];
        assert_eq!(to_retry(&three, &[]), None, "three lost sessions in one run are no accident");
        assert_eq!(to_retry(&[], &[]), None);
    }

    #[test]
    fn retries_a_wasm_fault_only_when_no_other_engine_failed_that_test() {
        let fault = TWO_FAILED
            .replace("no element #f-token", "WEBKIT WASM FAULT: after x: the console shows")
            .replace("BROWSER SESSION LOST: webkit in a::one", "no element #f-token");
        assert_eq!(to_retry(&failures(&fault), &[]), None, "a::one failed for its own reasons");
        let only_fault = vec![("b::two".to_owned(), Cause::WasmFault)];
        assert_eq!(to_retry(&only_fault, &[]), Some(vec!["b::two".to_owned()]));
        assert_eq!(to_retry(&only_fault, &["b::two".to_owned()]), None, "failed in Chromium too: the app's");
    }
}
