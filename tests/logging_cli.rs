//! Logging never gets in the way of the command line: scripts read one-line errors on
//! stderr, and the log file gets the same error for desktop launches that have no stderr.

use std::process::Command;

fn outline_of_missing_file(state_home: &std::path::Path) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(["outline", "/nonexistent/page.txt"])
        .env("XDG_STATE_HOME", state_home)
        .env_remove("PIZHU_LOG")
        .output()
        .unwrap();
    assert!(!output.status.success());
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_failing_command_prints_one_line_and_logs_it() {
    let temp = tempfile::tempdir().unwrap();
    let (stdout, stderr) = outline_of_missing_file(temp.path());
    assert_eq!(stdout, "");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("pizhu: ") && stderr.contains("/nonexistent/page.txt"),
        "{stderr}"
    );

    let logs: Vec<_> = std::fs::read_dir(temp.path().join("pizhu"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(logs.len(), 1, "one daily log file: {logs:?}");
    let log = std::fs::read_to_string(&logs[0]).unwrap();
    assert!(log.contains("pizhu started"), "{log}");
    assert!(
        log.contains("ERROR") && log.contains("/nonexistent/page.txt"),
        "{log}"
    );
}

#[test]
fn an_unwritable_log_dir_still_leaves_one_line_on_stderr() {
    let temp = tempfile::tempdir().unwrap();
    let not_a_dir = temp.path().join("state-is-a-file");
    std::fs::write(&not_a_dir, "").unwrap();
    let (_, stderr) = outline_of_missing_file(&not_a_dir);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
