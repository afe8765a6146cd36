//! Logs and crash reports. A desktop launch has no terminal, so everything worth knowing
//! goes to files in the user's state dir (`$XDG_STATE_HOME/pizhu`, usually
//! `~/.local/state/pizhu`): a daily log, rotated, and one report per panic, whose path the
//! window shows.
//!
//! The log level is `info` in the file and `warn` on stderr when stderr is a terminal;
//! `PIZHU_LOG` (e.g. `debug` or `pizhu=trace,info`) sets both. Piped or redirected stderr
//! gets no log lines: scripts rely on the command line's one-line errors.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// Daily log files kept; older ones are deleted at start-up.
pub const LOG_FILES_KEPT: usize = 7;
/// Crash reports kept; older ones are deleted at start-up.
pub const CRASH_REPORTS_KEPT: usize = 20;
/// Prefix of the log files, one a day: `pizhu.2026-11-27.log` (UTC dates).
pub const LOG_FILE_PREFIX: &str = "pizhu";
const LOG_FILE_SUFFIX: &str = ".log";
/// The target of `main`'s final error: it is logged to the file, but `main` has already
/// printed it to stderr as `pizhu: …`, so the stderr layer leaves it out.
pub const EXIT_ERROR_TARGET: &str = "pizhu::exit";
const CRASH_REPORT_PREFIX: &str = "crash-";
/// Holds the name of the newest crash report the user has been shown.
const SEEN_MARKER: &str = "crash-reports-seen";

/// Where logging went, for the About box and the window's error messages.
#[derive(Debug, Clone)]
pub struct LogInfo {
    /// The directory holding the log files and crash reports.
    pub log_dir: PathBuf,
    /// The log file at start-up (today's), when file logging works.
    pub log_file: Option<PathBuf>,
    /// Why logs are not written to a file, if they are not (e.g. the dir is not writable).
    pub file_error: Option<String>,
}

static LOG_INFO: OnceLock<LogInfo> = OnceLock::new();
static LAST_PANIC_REPORT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The log directory: the XDG state dir, or the data dir where a platform has no state dir.
pub fn default_log_dir() -> PathBuf {
    match directories::ProjectDirs::from("", "", "pizhu") {
        Some(dirs) => dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf(),
        None => std::env::temp_dir().join("pizhu"),
    }
}

/// Start logging and install the panic hook. Call once, first thing in `main`; later calls
/// return the first call's answer. Never fails: if the log dir cannot be written, logs go
/// only to a terminal's stderr (if there is one) and [`LogInfo::file_error`] says why.
pub fn init() -> LogInfo {
    LOG_INFO.get_or_init(|| init_in(default_log_dir())).clone()
}

/// What [`init`] returned, if it ran.
pub fn log_info() -> Option<LogInfo> {
    LOG_INFO.get().cloned()
}

fn init_in(log_dir: PathBuf) -> LogInfo {
    let filter = std::env::var("PIZHU_LOG")
        .ok()
        .and_then(|spec| spec.parse::<Targets>().ok());
    let file_filter = filter
        .clone()
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO));
    let stderr_filter = filter
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::WARN))
        .with_target(EXIT_ERROR_TARGET, LevelFilter::OFF);

    let (file_layer, log_file, file_error) = match open_log_file(&log_dir) {
        Ok(appender) => {
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(appender);
            let today = current_log_file(&log_dir);
            (Some(layer.with_filter(file_filter)), Some(today), None)
        }
        Err(reason) => (None, None, Some(reason)),
    };
    let stderr_layer = std::io::stderr().is_terminal().then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(stderr_filter)
    });
    // Another subscriber may already be set (a test harness); then ours is not needed.
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .try_init();

    install_panic_hook(log_dir.clone());
    prune_oldest(&log_dir, CRASH_REPORT_PREFIX, ".txt", CRASH_REPORTS_KEPT);
    prune_oldest(
        &log_dir,
        &format!("{LOG_FILE_PREFIX}."),
        LOG_FILE_SUFFIX,
        LOG_FILES_KEPT,
    );
    if let Some(reason) = &file_error {
        tracing::warn!("not logging to a file: {reason}");
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        pid = std::process::id(),
        "pizhu started"
    );
    LogInfo {
        log_dir,
        log_file,
        file_error,
    }
}

/// The daily appender. Old files are pruned by [`prune_oldest`], not by the appender: its
/// pruning and its "latest" link race when several pizhu processes start at once, and it
/// reports those races on stderr.
fn open_log_file(log_dir: &Path) -> Result<RollingFileAppender, String> {
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(LOG_FILE_PREFIX)
        .filename_suffix(LOG_FILE_SUFFIX.trim_start_matches('.'))
        .build(log_dir)
        .map_err(|e| format!("cannot write logs in {}: {e}", log_dir.display()))
}

/// Today's log file in `log_dir` (the appender names its files by UTC date).
pub fn current_log_file(log_dir: &Path) -> PathBuf {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let today = time::OffsetDateTime::now_utc()
        .format(&format)
        .unwrap_or_default();
    log_dir.join(format!("{LOG_FILE_PREFIX}.{today}{LOG_FILE_SUFFIX}"))
}

/// The crash report written by a panic in this process, if one happened.
pub fn last_panic_report() -> Option<PathBuf> {
    LAST_PANIC_REPORT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// On a panic: write a report (version, thread, message, location, backtrace) to the log
/// dir, log it, remember its path for the window, then let the previous hook print as usual.
fn install_panic_hook(log_dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let report = crash_report_text(info, &std::backtrace::Backtrace::force_capture());
        match write_crash_report(&log_dir, &report) {
            Ok(path) => {
                tracing::error!("panic; report written to {}", path.display());
                *LAST_PANIC_REPORT.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
            }
            Err(e) => tracing::error!(
                "panic; could not write a report in {}: {e}",
                log_dir.display()
            ),
        }
        previous(info);
    }));
}

fn crash_report_text(
    info: &std::panic::PanicHookInfo<'_>,
    backtrace: &std::backtrace::Backtrace,
) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a panic without a message)".to_string());
    let location = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_else(|| "unknown".to_string());
    let thread = std::thread::current();
    format!(
        "pizhu {version} crashed.\n\
         time: {time}\n\
         thread: {thread}\n\
         message: {message}\n\
         location: {location}\n\
         os: {os} {arch}\n\
         \n\
         Please attach this file when you report the problem. The log beside it may help too.\n\
         \n\
         backtrace:\n{backtrace}\n",
        version = env!("CARGO_PKG_VERSION"),
        time = crate::timestamp::now(),
        thread = thread.name().unwrap_or("unnamed"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
    )
}

fn write_crash_report(log_dir: &Path, report: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(log_dir)?;
    let stamp = crate::timestamp::now().replace(':', "");
    let path = log_dir.join(format!(
        "{CRASH_REPORT_PREFIX}{stamp}-{}.txt",
        std::process::id()
    ));
    std::fs::write(&path, report)?;
    Ok(path)
}

/// Crash reports in `log_dir`, newest first.
pub fn crash_reports(log_dir: &Path) -> Vec<PathBuf> {
    newest_first(log_dir, CRASH_REPORT_PREFIX, ".txt")
}

/// Files in `dir` named `PREFIX…SUFFIX`, newest first: log files and crash reports carry
/// their date in the name, so names sort by time.
fn newest_first(dir: &Path, prefix: &str, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .collect();
    files.sort();
    files.reverse();
    files
}

/// The newest crash report not yet shown to the user, if any, marked as shown by this call.
/// A panic on the window's thread ends the process before the window can show its report,
/// so the next launch asks this and shows it then.
pub fn take_unseen_crash_report(log_dir: &Path) -> Option<PathBuf> {
    let newest = crash_reports(log_dir).into_iter().next()?;
    let name = newest.file_name()?.to_string_lossy().into_owned();
    let marker = log_dir.join(SEEN_MARKER);
    let seen = std::fs::read_to_string(&marker).unwrap_or_default();
    if seen.trim() >= name.as_str() {
        return None;
    }
    let _ = std::fs::write(&marker, &name);
    Some(newest)
}

/// Delete all but the `keep` newest `PREFIX…SUFFIX` files. Another pizhu starting at the
/// same time may delete the same file first, so failures are ignored.
fn prune_oldest(dir: &Path, prefix: &str, suffix: &str, keep: usize) {
    for old in newest_first(dir, prefix, suffix).into_iter().skip(keep) {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_crash_reports_and_logs_are_pruned_newest_kept() {
        let dir = tempfile::tempdir().unwrap();
        for day in 10..15 {
            std::fs::write(
                dir.path()
                    .join(format!("crash-2026-01-{day}T000000Z-1.txt")),
                "x",
            )
            .unwrap();
        }
        for day in 10..13 {
            std::fs::write(dir.path().join(format!("pizhu.2026-01-{day}.log")), "a log").unwrap();
        }
        prune_oldest(dir.path(), CRASH_REPORT_PREFIX, ".txt", 2);
        let names: Vec<_> = crash_reports(dir.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "crash-2026-01-14T000000Z-1.txt",
                "crash-2026-01-13T000000Z-1.txt"
            ]
        );
        assert!(
            dir.path().join("pizhu.2026-01-10.log").exists(),
            "logs are pruned apart"
        );
        prune_oldest(dir.path(), "pizhu.", LOG_FILE_SUFFIX, 1);
        let logs = newest_first(dir.path(), "pizhu.", LOG_FILE_SUFFIX);
        assert_eq!(logs, [dir.path().join("pizhu.2026-01-12.log")]);
        assert_eq!(
            crash_reports(dir.path()).len(),
            2,
            "reports are pruned apart"
        );
    }

    #[test]
    fn each_crash_report_is_shown_once() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(take_unseen_crash_report(dir.path()), None);
        let first = dir.path().join("crash-2026-01-10T000000Z-1.txt");
        std::fs::write(&first, "x").unwrap();
        assert_eq!(take_unseen_crash_report(dir.path()), Some(first));
        assert_eq!(take_unseen_crash_report(dir.path()), None, "already shown");
        let second = dir.path().join("crash-2026-01-11T000000Z-2.txt");
        std::fs::write(&second, "x").unwrap();
        assert_eq!(take_unseen_crash_report(dir.path()), Some(second));
        assert_eq!(take_unseen_crash_report(dir.path()), None);
    }

    #[test]
    fn an_unwritable_log_dir_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file-not-dir");
        std::fs::write(&blocked, "").unwrap();
        let error = open_log_file(&blocked.join("logs")).unwrap_err();
        assert!(error.starts_with("cannot write logs in "), "{error}");
        assert!(error.contains("file-not-dir"), "{error}");
    }
}
