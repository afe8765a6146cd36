//! `pizhu export` and `pizhu import-annotations` as a user types them.

use std::path::Path;
use std::process::{Command, Output};

fn pizhu(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(args)
        .env("PIZHU_DB", db)
        .output()
        .expect("run pizhu")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "pizhu failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn export_to_a_file_and_import_into_another_library() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "今年以来，全区社会消费品零售总额增长8.5%。\n\n村民说：“日子越过越红火！”\n",
    )
    .unwrap();
    let (one, two) = (
        dir.path().join("one.sqlite3"),
        dir.path().join("two.sqlite3"),
    );
    let page = page.to_str().unwrap();

    stdout(&pizhu(&one, &["import", page]));
    let id = stdout(&pizhu(
        &one,
        &[
            "annotate",
            "1",
            "--start",
            "0",
            "--end",
            "4",
            "--tag",
            "经济",
            "--note",
            "一\n二，\"三\"",
        ],
    ));
    let out_file = dir.path().join("notes.json");
    let written = pizhu(
        &one,
        &[
            "export",
            "--format",
            "json",
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(stdout(&written), "", "with --out nothing goes to stdout");
    assert!(String::from_utf8_lossy(&written.stderr).contains("wrote 1 annotation from 1 document"));
    let exported = std::fs::read_to_string(&out_file).unwrap();
    assert!(exported.contains(&format!("urn:uuid:{}", id.trim())));

    let md = stdout(&pizhu(&one, &["export", "--format", "md", "--doc", "1"]));
    assert!(
        md.starts_with("# 批注\n") && md.contains("- 标签：经济"),
        "{md}"
    );
    let csv = stdout(&pizhu(&one, &["export", "--format", "csv"]));
    assert!(csv.starts_with(
        "\u{feff}id,document,paper,date,page,article,section,start,end,quote,colour,tags,note,created,modified\r\n"
    ));

    stdout(&pizhu(&two, &["import", page]));
    let json_path = out_file.to_str().unwrap();
    assert_eq!(
        stdout(&pizhu(&two, &["import-annotations", json_path])),
        "1 added, 0 updated, 0 unchanged\n"
    );
    assert_eq!(
        stdout(&pizhu(&two, &["import-annotations", json_path])),
        "0 added, 0 updated, 1 unchanged\n"
    );
    assert_eq!(
        stdout(&pizhu(&two, &["export", "--format", "json"])),
        exported
    );
}

#[test]
fn bad_files_fail_with_a_message_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"type\": \"AnnotationPage\",\n  \"items\": [\n").unwrap();
    let out = pizhu(&db, &["import-annotations", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot import") && err.contains("bad.json") && err.contains("line 4"),
        "{err}"
    );

    let missing = dir.path().join("missing.json");
    let err = pizhu(&db, &["import-annotations", missing.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("cannot read") && !err.status.success());

    let unknown_doc = pizhu(&db, &["export", "--format", "md", "--doc", "7"]);
    assert!(String::from_utf8_lossy(&unknown_doc.stderr).contains("no document 7"));
}

/// Issue 12, item 2: the window's export dialog and `pizhu export` go through one path,
/// so for the same library and scope they write the same bytes.
#[test]
fn the_windows_export_equals_pizhu_export_for_every_format_and_scope() {
    use pizhu::export::Format;
    use pizhu::session::{AppState, Command as Do, ExportScope};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (one, two, bare) = (
        dir.path().join("one.txt"),
        dir.path().join("two.txt"),
        dir.path().join("bare.txt"),
    );
    std::fs::write(&one, "今年以来，全区社会消费品零售总额增长8.5%。\n").unwrap();
    std::fs::write(&two, "村民说：“日子越过越红火！”\n\n记者 王伟\n").unwrap();
    std::fs::write(&bare, "没有批注的一页。\n").unwrap();
    for file in [&one, &two, &bare] {
        stdout(&pizhu(&db, &["import", file.to_str().unwrap()]));
    }
    for (doc, note) in [("1", "一"), ("2", "二"), ("1", "三")] {
        stdout(&pizhu(
            &db,
            &[
                "annotate", doc, "--start", "0", "--end", "3", "--note", note,
            ],
        ));
    }

    let mut state = AppState::new(pizhu::store::Store::open(&db).unwrap());
    state.apply(Do::OpenDocument(1));
    for (format, flag) in [
        (Format::Markdown, "md"),
        (Format::Csv, "csv"),
        (Format::W3cJson, "json"),
    ] {
        for (scope, doc) in [
            (ExportScope::ThisDocument, Some("1")),
            (ExportScope::AllDocuments, None),
        ] {
            let path = dir.path().join(format!("window-{flag}-{doc:?}"));
            state.apply(Do::Export {
                format,
                scope,
                path: path.clone(),
            });
            let mut args = vec!["export", "--format", flag];
            args.extend(doc.iter().flat_map(|d| ["--doc", *d]));
            let cli = pizhu(&db, &args);
            assert!(cli.status.success());
            assert_eq!(
                std::fs::read(&path).unwrap(),
                cli.stdout,
                "{flag}, {scope:?}: the window wrote what `pizhu export` prints"
            );
        }
    }
}
