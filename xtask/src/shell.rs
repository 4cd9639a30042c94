//! Running child processes: one error type, readable failure messages, and a
//! "tee" mode that streams output to the terminal while keeping a copy.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;

/// The single error path of xtask: a message for the human at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

/// `program arg1 arg2` for error messages.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `cmd` with inherited stdio and fails unless it exits successfully.
pub fn run(step: &str, cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(|e| format!("{step}: cannot start `{}`: {e}", describe(cmd)))?;
    check_status(step, cmd, status)
}

pub fn check_status(step: &str, cmd: &Command, status: ExitStatus) -> Result {
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step}: `{}` failed ({status})", describe(cmd)))
    }
}

/// Runs `cmd` with its stderr ours (progress and diagnostics as they come) and returns its
/// exit status and its stdout (e.g. cargo's JSON messages).
pub fn run_capture(step: &str, cmd: &mut Command) -> Result<(ExitStatus, String)> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("{step}: cannot start `{}`: {e}", describe(cmd)))?;
    Ok((output.status, String::from_utf8_lossy(&output.stdout).into_owned()))
}

/// Trimmed stdout of a quick probe such as `tool --version`; `None` when the
/// tool is missing or unhappy, which callers treat as "needs installing".
pub fn probe_stdout(cmd: &mut Command) -> Option<String> {
    let output = cmd.stderr(Stdio::null()).stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Runs `cmd`, streaming stdout/stderr to ours as they arrive, and returns the
/// exit status together with everything it printed (both streams).
pub fn run_tee(step: &str, cmd: &mut Command) -> Result<(ExitStatus, String)> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{step}: cannot start `{}`: {e}", describe(cmd)))?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let stderr = child.stderr.take().expect("stderr was piped");
    let out_copy = thread::spawn(move || copy_lines(stdout, io::stdout()));
    let err_copy = thread::spawn(move || copy_lines(stderr, io::stderr()));
    let mut captured = out_copy.join().unwrap_or_default();
    captured.push_str(&err_copy.join().unwrap_or_default());
    let status = child.wait().map_err(|e| format!("{step}: waiting for `{}` failed: {e}", describe(cmd)))?;
    Ok((status, captured))
}

/// Forwards `source` line by line (so output appears live) and returns a copy.
fn copy_lines(source: impl Read, mut sink: impl Write) -> String {
    let mut reader = BufReader::new(source);
    let mut captured = String::new();
    let mut line = Vec::new();
    while matches!(reader.read_until(b'\n', &mut line), Ok(n) if n > 0) {
        // A closed terminal must not stop the capture, so write errors are ignored.
        let _ = sink.write_all(&line);
        let _ = sink.flush();
        captured.push_str(&String::from_utf8_lossy(&line));
        line.clear();
    }
    captured
}
