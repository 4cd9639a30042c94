//! A test whose browser session was lost (the engine's page process crashed or hung, named by
//! the harness's «BROWSER SESSION LOST» report, tests/e2e/support/lost.rs) is run once more in
//! a fresh session of the same engine (decision 73). Its first run's report stays in the log
//! and the summary names it; a test that fails for any other reason, or fails again, fails.

/// What the harness prints when a session is lost under a test.
const LOST: &str = "BROWSER SESSION LOST";

/// The most tests of one engine's run given a second run: more lost sessions than that is no
/// accident of load, and the run fails as it is.
pub const MOST_RETRIED: usize = 2;

/// libtest's failures in `output`: each failed test's name and whether its captured output
/// carries the lost-session report.
pub fn failures(output: &str) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = Vec::new();
    let mut current: Option<usize> = None;
    for line in output.lines() {
        if let Some(name) = line.strip_prefix("---- ").and_then(|rest| rest.strip_suffix(" stdout ----")) {
            found.push((name.trim().to_owned(), false));
            current = Some(found.len() - 1);
        } else if line.starts_with("failures:") || line.starts_with("test result:") {
            current = None;
        } else if let Some(i) = current {
            found[i].1 |= line.contains(LOST);
        }
    }
    found
}

/// The tests to run again: all failures were lost sessions, and there are few enough.
pub fn to_retry(failures: &[(String, bool)]) -> Option<Vec<String>> {
    let all_lost = !failures.is_empty() && failures.iter().all(|(_, lost)| *lost);
    (all_lost && failures.len() <= MOST_RETRIED).then(|| failures.iter().map(|(name, _)| name.clone()).collect())
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
        assert_eq!(failures(TWO_FAILED), vec![("a::one".to_owned(), true), ("b::two".to_owned(), false)]);
    }

    #[test]
    fn retries_only_when_every_failure_was_a_lost_session() {
        assert_eq!(to_retry(&failures(TWO_FAILED)), None);
        let lost_only = TWO_FAILED.replace("no element #f-token", "BROWSER SESSION LOST: webkit in b::two");
        assert_eq!(to_retry(&failures(&lost_only)), Some(vec!["a::one".to_owned(), "b::two".to_owned()]));
        let three = vec![("a".to_owned(), true), ("b".to_owned(), true), ("c".to_owned(), true)];
        assert_eq!(to_retry(&three), None, "three lost sessions in one run are no accident");
        assert_eq!(to_retry(&[]), None);
    }
}
