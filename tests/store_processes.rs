//! Durability and sharing across processes. A writer process is this test binary
//! re-run as `writer_process` (ignored in normal runs): it opens the store, imports a
//! page, then adds annotations and prints `committed <id>` after each commit returns.
//! The parent kills writers with SIGKILL or runs two at once, then checks the database.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::Outline;
use pizhu::ingest::{Decoded, Ingested};
use pizhu::store::{NewAnnotation, Store};

const DB_VAR: &str = "PIZHU_TEST_WRITER_DB";
const COUNT_VAR: &str = "PIZHU_TEST_WRITER_COUNT";
const NAME_VAR: &str = "PIZHU_TEST_WRITER_NAME";

fn page() -> Ingested {
    let paragraphs = (0..40)
        .map(|i| format!("第{i}段：本报记者报道，今年春耕进展顺利，各地抢抓农时。"))
        .collect();
    let document = Document {
        articles: vec![Article {
            title: Some("春耕".into()),
            sections: vec![Section {
                heading: None,
                paragraphs,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let outline = Outline::from_document(&document);
    Ingested {
        decoded: Decoded {
            text: outline.text.clone(),
            encoding: "UTF-8",
        },
        document,
        outline,
        reflow_version: 1,
    }
}

/// The writer side. Does nothing unless a parent test started it with the variables set.
#[test]
#[ignore = "helper process for the crash and two-process tests"]
fn writer_process() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    let count: usize = std::env::var(COUNT_VAR)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(usize::MAX);
    let name = std::env::var(NAME_VAR).unwrap_or_default();
    let mut store = Store::open(Path::new(&db)).unwrap();
    let page = page();
    let (doc, _) =
        pizhu::library::import(&mut store, Path::new("/virtual/spring.txt"), &page).unwrap();
    let len = page.outline.char_len();
    let mut out = std::io::stdout().lock();
    writeln!(out, "document {doc}").unwrap();
    for i in 0..count {
        let start = (i * 7) % (len - 10);
        let new = NewAnnotation {
            document_id: doc,
            start,
            end: start + 1 + i % 9,
            color: (i % 6) as u8 + 1,
            note: format!("{name} 第{i}条"),
            tags: vec![format!("{name}"), format!("t{}", i % 5)],
        };
        let id = store.add_annotation(&new).unwrap().id;
        // Reported only after add_annotation returned, i.e. after COMMIT.
        writeln!(out, "committed {id}").unwrap();
        out.flush().unwrap();
    }
}

fn spawn_writer(db: &Path, name: &str, count: Option<usize>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "writer_process",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(DB_VAR, db)
    .env(NAME_VAR, name)
    .stdout(Stdio::piped())
    .stderr(Stdio::inherit());
    if let Some(count) = count {
        cmd.env(COUNT_VAR, count.to_string());
    }
    cmd.spawn().unwrap()
}

/// Complete `committed <id>` lines (a line cut by the kill has no newline and is not a report).
fn committed_ids(output: &str) -> Vec<String> {
    output
        .split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .filter_map(|l| l.trim_end().strip_prefix("committed ").map(str::to_string))
        .collect()
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Kill a writer after it has reported `after` commits; return every id it reported.
fn kill_midway(db: &Path, after: usize) -> Vec<String> {
    let mut child = spawn_writer(db, "crash", None);
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while committed_ids(&seen).len() < after {
        assert!(Instant::now() < deadline, "writer too slow: {seen}");
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("writer ended early: {seen}");
        }
        seen.push_str(&line);
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructors, no clean close
    let status = child.wait().unwrap();
    assert!(!status.success());
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut reader, &mut rest);
    seen.push_str(&rest);
    committed_ids(&seen)
}

#[test]
fn every_reported_annotation_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let mut reported = Vec::new();
    for after in [40, 120, 250] {
        reported.extend(kill_midway(&db, after));
        let store = Store::open(&db).expect("reopens after SIGKILL");
        let present: HashSet<String> = store
            .annotations(None)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        let lost: Vec<_> = reported
            .iter()
            .filter(|id| !present.contains(*id))
            .collect();
        assert!(
            lost.is_empty(),
            "{} reported ids lost: {lost:?}",
            lost.len()
        );
        assert_eq!(store.integrity_check().unwrap(), "ok");
        assert_eq!(
            store.documents().unwrap().len(),
            1,
            "the page is imported once across runs"
        );
        for a in store.annotations(None).unwrap() {
            assert_eq!(
                a.tags.len(),
                2,
                "an annotation never lands without its tags"
            );
        }
    }
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn two_processes_writing_at_once_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite3");
    const EACH: usize = 150;
    // Both start on a file that does not exist yet: creation and migration race too.
    let writers = [
        spawn_writer(&db, "甲", Some(EACH)),
        spawn_writer(&db, "乙", Some(EACH)),
    ];
    let outputs: Vec<String> = writers
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "a writer failed");
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    // libtest may print "test writer_process ... " on the same line, so search within lines.
    let docs: HashSet<&str> = outputs
        .iter()
        .flat_map(|o| {
            o.lines()
                .filter_map(|l| l.find("document ").map(|at| &l[at..]))
        })
        .collect();
    assert_eq!(
        docs.len(),
        1,
        "both imported the same page as one document: {docs:?}"
    );

    let store = Store::open(&db).unwrap();
    let present: HashSet<String> = store
        .annotations(None)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    for output in &outputs {
        let ids = committed_ids(output);
        assert_eq!(ids.len(), EACH);
        assert!(ids.iter().all(|id| present.contains(id)));
    }
    assert_eq!(present.len(), 2 * EACH);
    for name in ["甲", "乙"] {
        let notes = store
            .annotations(None)
            .unwrap()
            .into_iter()
            .filter(|a| a.tags[0] == name)
            .count();
        assert_eq!(notes, EACH, "all of {name}'s annotations");
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn two_shells_running_pizhu_annotate_at_once_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let file = dir.path().join("page.txt");
    std::fs::write(&file, page().outline.text).unwrap();
    let pizhu = env!("CARGO_BIN_EXE_pizhu");
    let import = Command::new(pizhu)
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&import.stdout), "1\n");

    const EACH: usize = 25;
    let loops: Vec<_> = (0..2)
        .map(|shell| {
            let db = db.clone();
            std::thread::spawn(move || {
                (0..EACH)
                    .map(|i| {
                        let start = (shell * 50 + i).to_string();
                        let end = (shell * 50 + i + 3).to_string();
                        let out = Command::new(pizhu)
                            .arg("--db")
                            .arg(&db)
                            .args([
                                "annotate", "1", "--start", &start, "--end", &end, "--tag", "并发",
                            ])
                            .output()
                            .unwrap();
                        assert!(
                            out.status.success(),
                            "{}",
                            String::from_utf8_lossy(&out.stderr)
                        );
                        String::from_utf8(out.stdout).unwrap().trim().to_string()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<String> = loops.into_iter().flat_map(|t| t.join().unwrap()).collect();
    let store = Store::open(&db).unwrap();
    let present: HashSet<String> = store
        .annotations(Some(1))
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 2 * EACH);
    assert!(ids.iter().all(|id| present.contains(id)));
    assert_eq!(present.len(), 2 * EACH);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
