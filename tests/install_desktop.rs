//! `pizhu install-desktop` as a user runs it: the real binary, a temporary XDG data dir.

use std::path::{Path, PathBuf};
use std::process::Command;

fn pizhu(data_home: &Path, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("XDG_STATE_HOME", data_home.join("state"))
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (
        output.status.success(),
        text(output.stdout),
        text(output.stderr),
    )
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn install_writes_entry_and_icons_and_uninstall_removes_them() {
    let temp = tempfile::tempdir().unwrap();
    let data = temp.path().join("data");
    let (ok, stdout, stderr) = pizhu(&data, &["install-desktop"]);
    assert!(ok, "{stderr}");

    let expected = [
        "applications/pizhu.desktop",
        "icons/hicolor/48x48/apps/pizhu.png",
        "icons/hicolor/128x128/apps/pizhu.png",
        "icons/hicolor/256x256/apps/pizhu.png",
        "icons/hicolor/scalable/apps/pizhu.svg",
    ];
    for relative in expected {
        let path = data.join(relative);
        assert!(path.is_file(), "{relative} missing");
        assert!(
            stdout.contains(&format!("wrote {}", path.display())),
            "{stdout}"
        );
    }
    let entry = std::fs::read_to_string(data.join("applications/pizhu.desktop")).unwrap();
    let binary = std::fs::canonicalize(env!("CARGO_BIN_EXE_pizhu")).unwrap();
    assert!(
        entry.contains(&format!("\nExec={} %F\n", binary.display())),
        "{entry}"
    );
    assert!(
        entry.contains("\nIcon=pizhu\n") && entry.contains("\nName[zh_CN]=批注\n"),
        "{entry}"
    );
    // Issue 11: file managers offer pizhu for newspaper PDFs too ("open with").
    let mime = entry
        .lines()
        .find_map(|l| l.strip_prefix("MimeType="))
        .unwrap_or_default();
    assert!(
        mime.split(';').any(|m| m == "application/pdf")
            && mime.split(';').any(|m| m == "text/plain"),
        "{entry}"
    );
    let png = std::fs::read(data.join("icons/hicolor/256x256/apps/pizhu.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");

    let (ok, stdout, stderr) = pizhu(&data, &["install-desktop", "--uninstall"]);
    assert!(ok, "{stderr}");
    for relative in expected {
        assert!(
            stdout.contains(&format!("removed {}", data.join(relative).display())),
            "{stdout}"
        );
    }
    let left: Vec<_> = files_under(&data)
        .into_iter()
        .filter(|p| p.starts_with(data.join("applications")) || p.starts_with(data.join("icons")))
        .filter(|p| {
            std::fs::read(p).unwrap().windows(5).any(|w| w == b"pizhu") || p.ends_with("pizhu.png")
        })
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");

    let (ok, stdout, _) = pizhu(&data, &["install-desktop", "--uninstall"]);
    assert!(ok);
    assert!(stdout.starts_with("nothing to remove"), "{stdout}");
}
