//! The command line against hostile inputs (issue 16): each case runs the real binary with a
//! time limit, must fail with exit code 1 and a one-line error naming the file and the reason
//! (or, where the input is acceptable after all, succeed), and must leave the library as it
//! was: `PRAGMA integrity_check` ok and the same annotations before and after.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous for an unoptimised build on a busy machine; a hang is what this catches.
const TIME_LIMIT: Duration = Duration::from_secs(60);

const SAMPLE: &str = include_str!("../seeds/000_51e883962f205273.txt");

struct Library {
    _temp: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
    hash: String,
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Library {
    fn new() -> Library {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().to_path_buf();
        let db = dir.join("library.sqlite3");
        let page = dir.join("page.txt");
        std::fs::write(&page, SAMPLE).unwrap();
        let mut lib = Library {
            _temp: temp,
            dir,
            db,
            hash: String::new(),
        };
        let out = lib.run(&["import", page.to_str().unwrap()]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let out = lib.run(&[
            "annotate", "1", "--start", "10", "--end", "20", "--tag", "经济", "--note", "批注",
        ]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        // The document's identity in W3C files: urn:sha256 of its source text.
        let export = lib.run(&["export", "--format", "json"]).stdout;
        let at = export.find("urn:sha256:").expect("a source") + "urn:sha256:".len();
        lib.hash = export[at..at + 64].to_string();
        lib
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Run pizhu with this library, killed (and the test failed) past [`TIME_LIMIT`].
    fn run(&self, args: &[&str]) -> Outcome {
        self.run_with(Command::new(env!("CARGO_BIN_EXE_pizhu")).args(args))
    }

    fn run_with(&self, command: &mut Command) -> Outcome {
        let mut child = command
            .env("PIZHU_DB", &self.db)
            .env("XDG_STATE_HOME", self.dir.join("state"))
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env_remove("PIZHU_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
        let reader = std::thread::spawn(move || {
            let (mut o, mut e) = (Vec::new(), Vec::new());
            let _ = out.read_to_end(&mut o);
            let _ = err.read_to_end(&mut e);
            (o, e)
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > TIME_LIMIT {
                let _ = child.kill();
                panic!("{command:?} took longer than {TIME_LIMIT:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let (o, e) = reader.join().unwrap();
        Outcome {
            code: status.code(),
            stdout: String::from_utf8_lossy(&o).into_owned(),
            stderr: String::from_utf8_lossy(&e).into_owned(),
        }
    }

    /// What must not change: integrity, and every annotation as JSON.
    fn state(&self) -> (String, String) {
        let conn = rusqlite::Connection::open_with_flags(
            &self.db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        let annotations = self.run(&["annotations", "--json"]).stdout;
        (integrity, annotations)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}

/// A W3C annotation on the library's document with these extra members.
fn w3c(lib: &Library, extra: &str) -> String {
    format!(
        r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "id": "urn:uuid:0b7e4c1a-1111-4222-8333-444455556666",
            "target": {{"source": "urn:sha256:{}",
                        "selector": {{"type": "TextQuoteSelector", "exact": "不存在的引文"}}}}{extra}}}"#,
        lib.hash
    )
}

fn tag_bodies(tags: impl Iterator<Item = String>) -> String {
    let bodies: Vec<String> = tags
        .map(|t| {
            serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": t}).to_string()
        })
        .collect();
    format!(r#", "body": [{}]"#, bodies.join(","))
}

/// A case: a name, the arguments (`{FILE}` stands for the prepared file), and the reason the
/// error must state; `None` for inputs that must be accepted.
struct Case {
    name: &'static str,
    file: PathBuf,
    args: Vec<String>,
    reason: Option<&'static str>,
}

fn cases(lib: &Library) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case =
        |name: &'static str, file: PathBuf, args: &[&str], reason: Option<&'static str>| {
            let args = args
                .iter()
                .map(|a| a.replace("{FILE}", file.to_str().unwrap()))
                .collect();
            cases.push(Case {
                name,
                file,
                args,
                reason,
            });
        };

    let fifo = lib.path("pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    case(
        "FIFO to import",
        fifo.clone(),
        &["import", "{FILE}"],
        Some("named pipe (FIFO), not a regular file"),
    );
    case(
        "FIFO to outline",
        fifo.clone(),
        &["outline", "{FILE}"],
        Some("named pipe (FIFO)"),
    );
    case(
        "FIFO to import-annotations",
        fifo,
        &["import-annotations", "{FILE}"],
        Some("named pipe (FIFO)"),
    );
    case(
        "/dev/zero",
        "/dev/zero".into(),
        &["import", "{FILE}"],
        Some("character device, not a regular file"),
    );
    case(
        "/dev/null",
        "/dev/null".into(),
        &["outline", "{FILE}"],
        Some("character device"),
    );
    case(
        "a directory",
        lib.dir.join("state"),
        &["import", "{FILE}"],
        Some("directory"),
    );
    case(
        "missing",
        lib.path("missing.txt"),
        &["import", "{FILE}"],
        Some("no such file"),
    );

    let empty = lib.path("empty.txt");
    std::fs::write(&empty, "").unwrap();
    case(
        "empty",
        empty,
        &["import", "{FILE}"],
        Some("the file is empty"),
    );

    let late_nul = lib.path("late-nul.txt");
    std::fs::write(&late_nul, "正文。".repeat(3000) + "\0尾").unwrap();
    case(
        "NUL after 9,000 chars",
        late_nul,
        &["import", "{FILE}"],
        Some("not a text file (NUL"),
    );

    let huge = lib.path("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    case(
        "65 MB page (sparse)",
        huge,
        &["import", "{FILE}"],
        Some("pizhu reads files up to 64 MB"),
    );

    let bad_byte = lib.path("bad-byte.txt");
    let mut bytes = SAMPLE.as_bytes().to_vec();
    bytes[300] = 0xFF;
    std::fs::write(&bad_byte, bytes).unwrap();
    case(
        "one bad UTF-8 byte",
        bad_byte,
        &["outline", "{FILE}"],
        Some("not valid UTF-8 (byte 0xFF at offset 300"),
    );

    let not_json = lib.path("not.json");
    std::fs::write(&not_json, "{ nope").unwrap();
    case(
        "not JSON",
        not_json,
        &["import-annotations", "{FILE}"],
        Some("not valid JSON"),
    );

    let bad_utf8_json = lib.path("latin1.json");
    std::fs::write(&bad_utf8_json, b"[\"caf\xe9\"]").unwrap();
    case(
        "JSON not UTF-8",
        bad_utf8_json,
        &["import-annotations", "{FILE}"],
        Some("not valid UTF-8 (byte 0xE9 at offset 5)"),
    );

    let bom_json = lib.path("bom.json");
    std::fs::write(&bom_json, "\u{FEFF}[]").unwrap();
    case(
        "JSON with a BOM",
        bom_json,
        &["import-annotations", "{FILE}"],
        None,
    );

    let many_tags = lib.path("many-tags.json");
    std::fs::write(
        &many_tags,
        w3c(lib, &tag_bodies((0..100_000).map(|i| format!("t{i}")))),
    )
    .unwrap();
    case(
        "100,000 different tags",
        many_tags,
        &["import-annotations", "{FILE}"],
        Some("at most 64"),
    );

    let nul_tag = lib.path("nul-tag.json");
    std::fs::write(
        &nul_tag,
        w3c(lib, &tag_bodies(std::iter::once("a\0b".to_string()))),
    )
    .unwrap();
    case(
        "tag with NUL",
        nul_tag,
        &["import-annotations", "{FILE}"],
        Some("control character U+0000"),
    );

    let zwsp_tag = lib.path("zwsp-tag.json");
    std::fs::write(
        &zwsp_tag,
        w3c(lib, &tag_bodies(std::iter::once("\u{200B}".to_string()))),
    )
    .unwrap();
    case(
        "tag of a zero-width space",
        zwsp_tag,
        &["import-annotations", "{FILE}"],
        Some("visible character"),
    );

    let long_tag = lib.path("long-tag.json");
    std::fs::write(
        &long_tag,
        w3c(lib, &tag_bodies(std::iter::once("长".repeat(10_000)))),
    )
    .unwrap();
    case(
        "10,000-char tag",
        long_tag,
        &["import-annotations", "{FILE}"],
        Some("10000 characters long"),
    );

    let foreign = lib.path("foreign.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE moz_places (url TEXT); PRAGMA application_id = 42;")
            .unwrap();
    }
    case(
        "--db another program's database",
        foreign.clone(),
        &["--db", "{FILE}", "list"],
        Some("belongs to another program"),
    );
    case(
        "--db another program's database, import",
        foreign,
        &["--db", "{FILE}", "import", SAMPLE_PATH],
        Some("pizhu left it unchanged"),
    );
    let text_db = lib.path("notes.txt");
    std::fs::write(&text_db, "纯文本，不是数据库").unwrap();
    case(
        "--db a text file",
        text_db,
        &["--db", "{FILE}", "annotations"],
        Some("not an SQLite database"),
    );
    cases
}

const SAMPLE_PATH: &str = "seeds/000_51e883962f205273.txt";

#[test]
fn hostile_inputs_fail_fast_with_one_line_and_change_nothing() {
    let lib = Library::new();
    let before = lib.state();
    assert_eq!(before.0, "ok");
    assert!(before.1.contains("批注"));
    for case in cases(&lib) {
        let file_hash = std::fs::metadata(&case.file)
            .ok()
            .filter(|m| m.is_file() && m.len() < 1 << 20)
            .map(|_| sha256_hex(&std::fs::read(&case.file).unwrap()));
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let out = lib.run(&args);
        let took = started.elapsed();
        match case.reason {
            Some(reason) => {
                assert_eq!(out.code, Some(1), "{}: {}", case.name, out.stderr);
                let line = out.stderr.trim_end();
                assert_eq!(line.lines().count(), 1, "{}: {line}", case.name);
                let name = case.file.file_name().unwrap().to_string_lossy();
                assert!(
                    line.contains(&*name),
                    "{}: does not name the file: {line}",
                    case.name
                );
                assert!(line.contains(reason), "{}: {line}", case.name);
                // A cause is not repeated.
                for part in line.split(": ").filter(|p| p.len() > 12) {
                    assert_eq!(
                        line.matches(part).count(),
                        1,
                        "{}: repeats {part:?}: {line}",
                        case.name
                    );
                }
            }
            None => assert_eq!(out.code, Some(0), "{}: {}", case.name, out.stderr),
        }
        if let Some(hash) = file_hash {
            assert_eq!(
                sha256_hex(&std::fs::read(&case.file).unwrap()),
                hash,
                "{}: file changed",
                case.name
            );
        }
        assert_eq!(lib.state(), before, "{}: library changed", case.name);
        eprintln!(
            "{:<45} {:>6} ms  {}",
            case.name,
            took.as_millis(),
            out.stderr.trim_end()
        );
    }
}

#[test]
fn export_to_a_closed_stdout_fails() {
    let lib = Library::new();
    let out = lib.run_with(
        Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" export --format md >&-")
            .arg(env!("CARGO_BIN_EXE_pizhu")),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("stdout: it is closed"),
        "{}",
        out.stderr
    );
}

#[test]
fn terminal_output_escapes_control_characters_in_notes_and_tags() {
    let lib = Library::new();
    let out = lib.run(&[
        "annotate",
        "1",
        "--start",
        "30",
        "--end",
        "40",
        "--tag",
        "a\u{202E}b",
        "--note",
        "safe\rEVIL\x1b[2J\x07",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let listed = lib.run(&["annotations", "1"]).stdout;
    assert!(
        listed.contains("> safe\\u{d}EVIL\\u{1b}[2J\\u{7}"),
        "{listed}"
    );
    assert!(listed.contains("tags: a\\u{202e}b"), "{listed}");
    assert!(
        !listed.contains(['\r', '\x1b', '\x07', '\u{202E}']),
        "{listed:?}"
    );
    // Tags with no visible character, or with control characters, are refused.
    // (NUL cannot travel in an argument; the JSON cases cover it.)
    for tag in ["\u{200B}", "\u{7}", "a\u{1b}b"] {
        let out = lib.run(&[
            "annotate", "1", "--start", "30", "--end", "40", "--tag", tag,
        ]);
        assert_eq!(out.code, Some(1), "{tag:?}");
        assert!(out.stderr.contains("tag"), "{}", out.stderr);
    }
}

#[test]
fn reading_commands_leave_a_library_in_a_read_only_state_unwritten() {
    let lib = Library::new();
    let before = std::fs::read(&lib.db).unwrap();
    for args in [
        &["list"][..],
        &["text", "1"],
        &["annotations"],
        &["export", "--format", "csv"],
    ] {
        let out = lib.run(args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    }
    assert_eq!(std::fs::read(&lib.db).unwrap(), before);
}

#[test]
fn a_future_modified_time_is_clamped_to_the_import_time() {
    let lib = Library::new();
    let text = lib.run(&["text", "1"]).stdout;
    let quote: String = text.chars().skip(50).take(12).collect();
    let file = lib.path("future.json");
    let json = format!(
        r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "id": "urn:uuid:0b7e4c1a-9999-4222-8333-444455556666",
            "created": "2999-01-01T00:00:00Z", "modified": "2999-01-01T00:00:00Z",
            "bodyValue": "来自未来",
            "target": {{"source": "urn:sha256:{}", "selector": {{"type": "TextQuoteSelector", "exact": {quote:?}}}}}}}"#,
        lib.hash
    );
    std::fs::write(&file, json).unwrap();
    let out = lib.run(&["import-annotations", file.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("1 added"), "{}", out.stdout);
    let listed: serde_json::Value =
        serde_json::from_str(&lib.run(&["annotations", "--json"]).stdout).unwrap();
    let imported = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["note"] == "来自未来")
        .unwrap();
    let year = |k: &str| imported[k].as_str().unwrap()[..4].parse::<i32>().unwrap();
    assert!(
        year("modified") < 2999 && year("created") < 2999,
        "{imported}"
    );
    // Importing the same file again changes nothing.
    let again = lib.run(&["import-annotations", file.to_str().unwrap()]);
    assert!(
        again.stdout.starts_with("0 added, 0 updated, 1 unchanged"),
        "{}",
        again.stdout
    );
}
