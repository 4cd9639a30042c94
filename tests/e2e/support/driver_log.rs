//! What tells of a browser's end besides its driver's answer: the driver's log (its browser's
//! output too), its process family in `/proc`, and the kernel's lines ([`DriverLog`]).

use std::path::PathBuf;
use std::process::Command;

use super::engine::Engine;

/// A driver's log and its processes: what [`crash_report`](super::lost) quotes when a
/// session ends under a test. WebKitGTK's MiniBrowser writes `WebProcess CRASHED` there when
/// its web process dies; its own logging (`WEBKIT_DEBUG`) goes to journald only in Debian's
/// build, which a CI machine does not run, so it is not asked for (docs/browsers.md).
#[derive(Clone, Debug)]
pub(super) struct DriverLog {
    engine: Engine,
    path: PathBuf,
    pid: u32,
    /// The kernel's clock (seconds since boot) when the driver started.
    since: f64,
}

impl DriverLog {
    /// The log at `path` of the driver `pid` just started (the kernel's clock read now).
    pub(super) fn new(engine: Engine, path: PathBuf, pid: u32) -> DriverLog {
        DriverLog { engine, path, pid, since: uptime() }
    }

    /// The log's last `lines` lines (a line cut to 300 characters).
    pub(super) fn tail(&self, lines: usize) -> Vec<String> {
        let text = std::fs::read(&self.path).unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let from = all.len().saturating_sub(lines);
        all[from..].iter().map(|l| l.chars().take(300).collect()).collect()
    }

    /// Whether the browser wrote that its page process crashed: MiniBrowser's
    /// `WebProcess CRASHED` (its handler of `web-process-terminated`, reason «crashed»).
    pub(super) fn tells_of_crash(&self) -> bool {
        let text = std::fs::read(&self.path).unwrap_or_default();
        String::from_utf8_lossy(&text).contains("WebProcess CRASHED")
    }

    /// Copies the whole log to `target/e2e/<engine>-crash-<pid>.log` (the scratch directory
    /// goes with the driver) and says where.
    pub(super) fn keep(&self) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
        let _ = std::fs::create_dir_all(&dir);
        let kept = dir.join(format!("{}-crash-{}.log", self.engine.name(), self.pid));
        let _ = std::fs::copy(&self.path, &kept);
        kept
    }

    /// The driver and the processes it started that still run, with their memory, e.g.
    /// `WebKitWebDriver 1200 (8 MB), MiniBrowser 1210 (150 MB), WebKitNetworkProcess 1221 (60 MB)`:
    /// a web process missing from it is the one that ended.
    pub(super) fn processes(&self) -> String {
        let table = process_table();
        let family = self.family(&table);
        let alive: Vec<String> = family
            .iter()
            .filter_map(|pid| table.iter().find(|p| p.pid == *pid))
            .map(|p| {
                let state = if p.state == 'Z' { ", exited" } else { "" };
                format!("{} {} ({} MB{state})", p.name, p.pid, p.rss_kb / 1024)
            })
            .collect();
        if alive.is_empty() {
            "none (the driver itself is gone)".into()
        } else {
            alive.join(", ")
        }
    }

    /// The driver and every process it started, and they started.
    fn family(&self, table: &[ProcessRow]) -> Vec<u32> {
        let mut family = vec![self.pid];
        let mut i = 0;
        while i < family.len() {
            let parent = family[i];
            family.extend(table.iter().filter(|p| p.parent == parent).map(|p| p.pid));
            i += 1;
        }
        family
    }

    /// The browser's page processes that still run: WebKitGTK's web process, Chromium's
    /// renderers, Firefox's tab content processes.
    pub(super) fn page_processes(&self) -> Vec<u32> {
        let table = process_table();
        let family = self.family(&table);
        let page = |row: &ProcessRow| {
            let cmdline = std::fs::read(format!("/proc/{}/cmdline", row.pid)).unwrap_or_default();
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            row.state != 'Z'
                && match self.engine {
                    Engine::WebKit => row.name == "WebKitWebProcess",
                    Engine::Chromium => cmdline.contains("--type=renderer"),
                    Engine::Firefox => cmdline.contains("-contentproc") && cmdline.trim_end().ends_with(" tab"),
                }
        };
        table.iter().filter(|row| family.contains(&row.pid) && page(row)).map(|row| row.pid).collect()
    }

    /// The CPU time each page process used over one second, e.g. `WebKitWebProcess 1234: 0.99 s
    /// of CPU in 1 s (busy)`: a hung page that burns CPU is running something for ever; an
    /// idle one waits for something that never comes.
    pub(super) fn page_cpu(&self) -> String {
        let before: Vec<(u32, Option<u64>)> =
            self.page_processes().into_iter().map(|pid| (pid, cpu_ticks(pid))).collect();
        if before.is_empty() {
            return "no page process".into();
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
        let rows: Vec<String> = before
            .into_iter()
            .map(|(pid, first)| match (first, cpu_ticks(pid)) {
                (Some(first), Some(then)) => {
                    // The kernel's clock ticks: 100 a second on Linux.
                    let used = then.saturating_sub(first) as f64 / 100.0;
                    let what = if used >= 0.5 { "busy" } else { "idle" };
                    format!("{pid}: {used:.2} s of CPU in 1 s ({what})")
                }
                _ => format!("{pid}: ended"),
            })
            .collect();
        rows.join(", ")
    }

    /// Stops (SIGSTOP) the browser's page processes, as a hang would leave them; returns
    /// their ids. For the harness's own test of a page that never loads.
    pub(super) fn stop_page_processes(&self) -> Vec<u32> {
        self.signal_page_processes("-STOP")
    }

    /// Kills (SIGKILL) the browser's page processes, as a crash would end them; returns their
    /// ids. For the harness's own test of [`is_session_lost`](super::lost::is_session_lost).
    pub(super) fn kill_page_processes(&self) -> Vec<u32> {
        self.signal_page_processes("-9")
    }

    fn signal_page_processes(&self, signal: &str) -> Vec<u32> {
        let pages = self.page_processes();
        for pid in &pages {
            let _ = Command::new("kill").args([signal, &pid.to_string()]).status();
        }
        pages
    }

    /// What the kernel logged since the driver started about a browser process or memory:
    /// a segfault, an abort, the OOM killer (`dmesg`, where the machine lets the run read it).
    pub(super) fn kernel(&self) -> Vec<String> {
        let Ok(out) = Command::new("dmesg").output() else { return Vec::new() };
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|line| {
                let at = line.trim_start_matches('[').split(']').next().and_then(|t| t.trim().parse::<f64>().ok());
                at.is_some_and(|at| at >= self.since)
            })
            .filter(|line| KERNEL_WORDS.iter().any(|word| line.contains(word)))
            .map(str::to_owned)
            .collect()
    }
}

/// What marks a kernel line about a browser process or memory.
const KERNEL_WORDS: [&str; 9] =
    ["WebKit", "MiniBrowser", "chrom", "firefox", "Web Content", "oom", "Out of memory", "segfault", "traps:"];

/// One row of `/proc`: a process's id, parent, state, name and resident memory.
struct ProcessRow {
    pid: u32,
    parent: u32,
    state: char,
    name: String,
    rss_kb: u64,
}

fn process_table() -> Vec<ProcessRow> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let status = std::fs::read_to_string(entry.path().join("status")).ok()?;
            let field = |key: &str| {
                status.lines().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_owned()).unwrap_or_default()
            };
            // The program's own name (`Name:` is cut to 15 characters: «WebKitWebProces»).
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            let program = cmdline.split(|b| *b == 0).next().unwrap_or_default();
            let program = String::from_utf8_lossy(program);
            // (Chromium rewrites its helpers' command line into one string: its first word.)
            let program = program.split(' ').next().unwrap_or_default();
            let program = program.rsplit('/').next().unwrap_or_default().to_owned();
            Some(ProcessRow {
                pid,
                parent: field("PPid:").parse().ok()?,
                state: field("State:").chars().next().unwrap_or('?'),
                name: if program.is_empty() { field("Name:") } else { program },
                rss_kb: field("VmRSS:").trim_end_matches("kB").trim().parse().unwrap_or(0),
            })
        })
        .collect()
}

/// The kernel's clock: seconds since boot, as `dmesg` stamps its lines.
fn uptime() -> f64 {
    let text = std::fs::read_to_string("/proc/uptime").unwrap_or_default();
    text.split_whitespace().next().and_then(|t| t.parse().ok()).unwrap_or(0.0)
}

/// A process's user and system CPU time so far, in clock ticks (`/proc/<pid>/stat` fields 14
/// and 15, counted after the command's name, which may hold spaces).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}
