//! Scratch directories for the browsers the tests start: each is the `TMPDIR` of one
//! WebDriver server or Lighthouse run, so everything a Chromium writes to the temporary
//! directory (its `org.chromium.Chromium.scoped_dir.*`, ~94 MB each; Lighthouse's own
//! Chromium profile) lands inside it and goes with it. A Chromium killed rather than closed
//! (a run timed out or interrupted) used to leave those in `/tmp` for good — 7.5 GB once,
//! enough to refuse a CI run for want of disk.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;

const PREFIX: &str = "max-e2e-tmp-";

/// A directory removed on drop.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(what: &str) -> Scratch {
        static SWEEP: Once = Once::new();
        SWEEP.call_once(|| sweep(&std::env::temp_dir(), is_running));
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("{PREFIX}{}-{what}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        Scratch(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Kills every process whose command line names this directory: a Chromium that
    /// Lighthouse started detached and left running when its run was cut short, or a
    /// browser whose test failed before closing its session.
    /// Returns once none is left (at most ~10 s): a process ends a moment after its
    /// SIGKILL — longer on a loaded machine, where a CI run once found the browser still
    /// listed right after — and a Chromium may start a helper in between.
    pub fn kill_its_processes(&self) {
        for _ in 0..200 {
            let left = processes_naming(&self.0);
            if left.is_empty() {
                return;
            }
            for pid in left {
                let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// The processes whose command line names `dir`.
fn processes_naming(dir: &Path) -> Vec<u32> {
    let needle = dir.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            String::from_utf8_lossy(&cmdline).contains(&needle).then_some(pid)
        })
        .collect()
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn is_running(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes the scratch directories in `tmp` of test processes that no longer run.
fn sweep(tmp: &Path, running: impl Fn(u32) -> bool) {
    let Ok(entries) = std::fs::read_dir(tmp) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.strip_prefix(PREFIX).and_then(|rest| rest.split('-').next()).and_then(|p| p.parse().ok());
        if pid.is_some_and(|pid| !running(pid)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[test]
fn scratch_goes_with_its_owner_and_leftovers_of_dead_runs_are_swept() {
    let scratch = Scratch::new("self-test");
    let inside = scratch.path().join("org.chromium.Chromium.scoped_dir.x");
    std::fs::create_dir_all(&inside).unwrap();
    let kept = scratch.path().to_owned();
    drop(scratch);
    assert!(!kept.exists(), "removed with its owner");

    let tmp = std::env::temp_dir().join(format!("max-e2e-sweep-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    for name in [
        format!("{PREFIX}4000000-chromium-0"),
        format!("{PREFIX}{}-chromium-1", std::process::id()),
        "other-4000000".into(),
    ] {
        std::fs::create_dir_all(tmp.join(name).join("scoped")).unwrap();
    }
    sweep(&tmp, is_running);
    let mut left: Vec<String> =
        std::fs::read_dir(&tmp).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, [format!("{PREFIX}{}-chromium-1", std::process::id()), "other-4000000".into()]);
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_left_open_by_a_failed_test_ends_with_its_driver() {
    use super::engine::{Driver, Engine, Motion, Scripts};
    let _turn = super::BROWSER.lock().await;
    let engine = super::engine::current();
    let driver = Driver::start(engine, Motion::Normal);
    let scratch = driver.scratch().to_owned();
    let browser =
        driver.open_session(engine, &scratch.join("profile"), "dismiss", Motion::Normal, Scripts::Compiled).await;
    if engine != Engine::WebKit {
        // MiniBrowser's command line does not name its profile; the others' do.
        assert!(!processes_naming(&scratch).is_empty(), "the browser runs with its profile in {}", scratch.display());
    }
    // As when a test panics: the session is never closed.
    std::mem::forget(browser);
    drop(driver);
    assert!(processes_naming(&scratch).is_empty(), "a browser outlived its driver");
    assert!(!scratch.exists(), "its scratch directory is gone");
}
