//! Reading libtest / wasm-bindgen-test summaries out of captured output.

use std::ops::AddAssign;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub passed: u64,
    pub failed: u64,
}

impl AddAssign for Totals {
    fn add_assign(&mut self, other: Totals) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

impl Totals {
    pub fn ran(&self) -> u64 {
        self.passed + self.failed
    }
}

/// Sums every `test result: …` line (one per test binary and doc-test run).
pub fn sum_test_results(output: &str) -> Totals {
    let mut totals = Totals::default();
    for line in output.lines() {
        if let Some(result) = parse_result_line(line) {
            totals += result;
        }
    }
    totals
}

/// `test result: ok. 3 passed; 1 failed; 0 ignored; …` → 3 passed, 1 failed.
/// Also accepts `FAILED.` and tolerates colour codes and leading noise.
pub fn parse_result_line(line: &str) -> Option<Totals> {
    let line = strip_ansi(line);
    let (_, tail) = line.split_once("test result:")?;
    let tail = tail.trim_start();
    let counts = tail.strip_prefix("ok.").or_else(|| tail.strip_prefix("FAILED."))?;
    let mut totals = Totals::default();
    for part in counts.split(';') {
        match part.split_whitespace().collect::<Vec<_>>()[..] {
            [n, "passed"] => totals.passed = n.parse().ok()?,
            [n, "failed"] => totals.failed = n.parse().ok()?,
            _ => {}
        }
    }
    Some(totals)
}

/// Drops `ESC [ … letter` sequences, in case a tool colours its output anyway.
fn strip_ansi(line: &str) -> String {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ok_line() {
        let line = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.03s";
        assert_eq!(parse_result_line(line), Some(Totals { passed: 12, failed: 0 }));
    }

    #[test]
    fn parses_failed_line() {
        let line = "test result: FAILED. 7 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.00s";
        assert_eq!(parse_result_line(line), Some(Totals { passed: 7, failed: 2 }));
    }

    #[test]
    fn parses_wasm_bindgen_test_runner_line() {
        let line = "test result: ok. 5 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.41s";
        assert_eq!(parse_result_line(line), Some(Totals { passed: 5, failed: 0 }));
    }

    #[test]
    fn tolerates_colour_codes() {
        let line = "test result: \u{1b}[32mok\u{1b}[0m. 4 passed; 1 failed; 0 ignored";
        assert_eq!(parse_result_line(line), Some(Totals { passed: 4, failed: 1 }));
    }

    #[test]
    fn ignores_other_lines() {
        assert_eq!(parse_result_line("test foo::bar ... ok"), None);
        assert_eq!(parse_result_line("running 3 tests"), None);
        assert_eq!(parse_result_line("test result: weird. 1 passed"), None);
        assert_eq!(parse_result_line("test result: ok. many passed; 0 failed"), None);
    }

    #[test]
    fn sums_all_result_lines() {
        let output = "\
running 2 tests
test a ... ok
test b ... ok

test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running tests/e2e.rs
test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 9.10s

   Doc-tests max_channel_contract
test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
";
        let totals = sum_test_results(output);
        assert_eq!(totals, Totals { passed: 5, failed: 1 });
        assert_eq!(totals.ran(), 6);
    }

    #[test]
    fn nothing_ran_sums_to_zero() {
        assert_eq!(sum_test_results("error: could not compile `x`"), Totals::default());
    }
}
