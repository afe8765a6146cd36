//! The real `pizhu` binary run as scripts run it, against a library of its own: one
//! temporary directory and `--db` per test (`PIZHU_DB` ignored).
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Library {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Library {
    pub fn new() -> Library {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite3");
        Library { dir, db }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("PIZHU_DB")
            .output()
            .unwrap()
    }

    /// Run, expect success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "pizhu {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Run, expect exit code 1, return stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "pizhu {args:?} should fail; stdout {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// [`Library::fails`], and nothing was printed on stdout.
    pub fn fails_quietly(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "pizhu {args:?} should fail");
        assert!(out.stdout.is_empty(), "pizhu {args:?} printed on stdout");
        String::from_utf8(out.stderr).unwrap()
    }

    /// Write `content` to `name` in the library's directory.
    pub fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Import a file written under `name`; returns its document id.
    pub fn import(&self, name: &str, content: &str) -> String {
        let path = self.file(name, content);
        self.ok(&["import", path.to_str().unwrap()])
            .trim()
            .to_string()
    }

    /// Run, expect success, parse stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}
