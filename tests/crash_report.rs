//! A panic anywhere in pizhu leaves a report in the log dir instead of vanishing: this
//! runs the real `logging::init()` (its own test binary, so the process-wide logger and
//! panic hook are ours alone) with the XDG state dir pointed at a temp dir.

use std::path::Path;

#[test]
fn a_panic_writes_a_report_the_window_can_show() {
    let state = tempfile::tempdir().unwrap();
    // The only test in this binary, so no other thread reads the environment meanwhile.
    std::env::set_var("XDG_STATE_HOME", state.path());
    let info = pizhu::logging::init();
    assert_eq!(info.log_dir, state.path().join("pizhu"));
    assert_eq!(info.file_error, None);
    tracing::info!("a line for the log file");

    let result = std::thread::Builder::new()
        .name("reader".into())
        .spawn(|| panic!("the page ran out of ink"))
        .unwrap()
        .join();
    assert!(result.is_err());

    let report = pizhu::logging::last_panic_report().expect("the hook remembers its report");
    assert_eq!(report.parent(), Some(info.log_dir.as_path()));
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.starts_with(&format!("pizhu {} crashed.", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains("message: the page ran out of ink"), "{text}");
    assert!(text.contains("thread: reader"), "{text}");
    assert!(text.contains("location: tests/crash_report.rs:"), "{text}");
    assert!(text.contains("backtrace:"), "{text}");

    // The next launch would show it once.
    assert_eq!(
        pizhu::logging::take_unseen_crash_report(&info.log_dir),
        Some(report.clone())
    );
    assert_eq!(
        pizhu::logging::take_unseen_crash_report(&info.log_dir),
        None
    );

    let log = std::fs::read_to_string(info.log_file.as_ref().unwrap()).unwrap();
    assert!(log.contains("pizhu started"), "{log}");
    assert!(log.contains("a line for the log file"), "{log}");
    assert!(
        log.contains(&format!("report written to {}", report.display())),
        "{log}"
    );

    let about = pizhu::about::about(Path::new("/data/pizhu.sqlite3"));
    assert_eq!(about.log_dir, info.log_dir);
    assert_eq!(about.log_file, info.log_file);
}
