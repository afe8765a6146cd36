//! The `Exec` line `install-desktop` writes survives real desktop-entry readers (issue 16.8):
//! for a binary under directories named with `% " ' $ \`, backquote and spaces, the entry
//! passes `desktop-file-validate`, and `gio launch` (GLib's parser, as a desktop runs
//! entries) starts exactly that binary with the file as its argument. The "binary" is a
//! shell script that records its path and arguments. Each tool is skipped when missing.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const HOSTILE_DIRS: &[&str] = &[
    "plain",
    "with space",
    "100%",
    "100%F %u %%",
    "it's",
    "say \"hi\"",
    "$HOME",
    "back\\slash",
    "tick`echo`",
    "all % \" ' $ \\ ` ; & | * ? # ( ) < > ~ =",
];

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A script at `dir/pizhu` that writes its own path and its arguments, one a line, to `log`.
fn recording_binary(dir: &Path, log: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let exe = dir.join("pizhu");
    let script = format!(
        "#!/bin/sh\n{{ printf '%s\\n' \"$0\"; for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }} > '{}'\n",
        log.display()
    );
    std::fs::write(&exe, script).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    exe
}

fn entry_file(dir: &Path, exe: &Path) -> PathBuf {
    let entry = pizhu::desktop::desktop_entry_for(exe).unwrap();
    let path = dir.join("pizhu.desktop");
    std::fs::write(&path, entry).unwrap();
    path
}

#[test]
fn hostile_binary_paths_validate() {
    if !have("desktop-file-validate") {
        eprintln!("skipped: no desktop-file-validate");
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    for (i, name) in HOSTILE_DIRS.iter().enumerate() {
        let exe = recording_binary(&temp.path().join(name), &temp.path().join("log"));
        let entry = entry_file(&temp.path().join(format!("entry{i}")).tap_mkdir(), &exe);
        let out = Command::new("desktop-file-validate")
            .arg(&entry)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !text.contains("error"),
            "{name:?}: {text}\n{}",
            std::fs::read_to_string(&entry).unwrap()
        );
    }
}

#[test]
fn gio_launch_runs_the_binary_at_a_hostile_path_with_the_file() {
    if !have("gio") {
        eprintln!("skipped: no gio");
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let page = temp.path().join("第 1 版 100%.txt");
    std::fs::write(&page, "正文").unwrap();
    for (i, name) in HOSTILE_DIRS.iter().enumerate() {
        let log = temp.path().join(format!("log{i}"));
        let exe = recording_binary(&temp.path().join(name), &log);
        let entry = entry_file(&temp.path().join(format!("entry{i}")).tap_mkdir(), &exe);
        let out = Command::new("gio")
            .arg("launch")
            .arg(&entry)
            .arg(&page)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // gio spawns and returns; wait for the script to write its record.
        let deadline = Instant::now() + Duration::from_secs(10);
        let record = loop {
            if let Ok(text) = std::fs::read_to_string(&log) {
                if text.lines().count() >= 2 {
                    break text;
                }
            }
            assert!(
                Instant::now() < deadline,
                "{name:?}: the binary did not run"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let lines: Vec<&str> = record.lines().collect();
        assert_eq!(
            lines,
            [exe.to_str().unwrap(), page.to_str().unwrap()],
            "{name:?}"
        );
    }
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}
