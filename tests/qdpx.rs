//! REFI-QDA projects end to end: the bundled sample page annotated, exported as `.qdpx`
//! (validated against the REFI schema, its zip layout and offsets checked), imported into
//! a fresh library (the same W3C export comes out), and projects written the way
//! QualCoder, ATLAS.ti, MAXQDA and NVivo write them imported.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use pizhu::core::outline::char_slice;
use pizhu::export::Format;
use pizhu::notes::{export_to_file, render};
use pizhu::notes_qdpx::import_qdpx_file;
use pizhu::store::{DocId, NewAnnotation, Store};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/refi-qda");

fn sample_library() -> (Store, DocId) {
    let mut store = Store::open_in_memory().unwrap();
    let path = Path::new(pizhu::session::SAMPLE_PATH);
    let ingested = pizhu::ingest::ingest_bytes(path, pizhu::session::SAMPLE_TEXT).unwrap();
    let (id, _) = pizhu::library::import(&mut store, path, &ingested).unwrap();
    (store, id)
}

/// Annotations whose notes carry newlines, quotes, `&`, `<`, emoji, and several tags.
fn annotate(store: &mut Store, doc: DocId) {
    let text = store.document(doc).unwrap().outline.text;
    let len = text.chars().count();
    let spans = [
        (10, 24),
        (len / 3, len / 3 + 9),
        (len / 2, len / 2 + 30),
        (len - 20, len - 4),
    ];
    let notes = [
        "第一行\n第二行 \"quoted\" & <tag> 🙂",
        "",
        "a < b && c > d\r\n'single' \"double\"",
        "只有一行",
    ];
    let tags: [&[&str]; 4] = [&["经济", "数据", "R&D <1>"], &[], &["人物"], &["经济"]];
    for (i, (start, end)) in spans.into_iter().enumerate() {
        store
            .add_annotation(&NewAnnotation {
                document_id: doc,
                start,
                end,
                color: (i % 6) as u8 + 1,
                note: notes[i].into(),
                tags: tags[i].iter().map(|t| t.to_string()).collect(),
            })
            .unwrap();
    }
    assert!(text.chars().count() > 60);
}

fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// Validates `qde` against the vendored Project.xsd with Python's xmlschema.
fn validate(qde: &Path) {
    let script = "import sys, xmlschema\nxmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])";
    let out = Command::new("python3")
        .args(["-c", script, &format!("{FIXTURES}/Project.xsd")])
        .arg(qde)
        .output()
        .expect("python3 (with `pip install xmlschema`, as .ci/run does) validates project.qde");
    assert!(
        out.status.success(),
        "{} is not valid against Project.xsd:\n{}",
        qde.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_sample_exports_as_a_valid_project_whose_selections_select_their_quotes() {
    let (mut store, doc) = sample_library();
    annotate(&mut store, doc);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.qdpx");
    let rendered = export_to_file(&store, Format::Qdpx, Some(doc), &out).unwrap();
    assert_eq!(rendered.annotations, 4);

    let files = unzip(&out);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "project.qde");
    assert_eq!(names[1], "sources/");
    assert_eq!(names.len(), 3, "{names:?}");
    let (txt_name, txt) = &files[2];
    let guid = txt_name
        .strip_prefix("sources/")
        .and_then(|n| n.strip_suffix(".txt"))
        .expect("sources/<GUID>.txt");
    assert!(uuid::Uuid::parse_str(guid).is_ok(), "{guid}");
    assert!(!txt.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let text = String::from_utf8(txt.clone()).expect("UTF-8");
    assert!(!text.contains('\r'), "LF line ends");
    assert_eq!(text, store.document(doc).unwrap().outline.text);

    let qde_path = dir.path().join("project.qde");
    std::fs::write(&qde_path, &files[0].1).unwrap();
    validate(&qde_path);

    let qde = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(qde.contains(&format!("plainTextPath=\"internal://{guid}.txt\"")));
    assert!(!qde.contains("richTextPath"));
    let mut checked = 0;
    for a in store.annotations(Some(doc)).unwrap() {
        let tag = format!("<PlainTextSelection guid=\"{}\" name=\"", a.id);
        let at = qde.find(&tag).expect("a selection per annotation");
        let rest = &qde[at..];
        let number = |key: &str| -> usize {
            let from = rest.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            rest[from..].split('"').next().unwrap().parse().unwrap()
        };
        let (start, end) = (number("startPosition"), number("endPosition"));
        assert_eq!(char_slice(&text, start, end), a.quote);
        checked += 1;
    }
    assert_eq!(checked, 4);
    // The same library exports the same bytes.
    let again = dir.path().join("again.qdpx");
    export_to_file(&store, Format::Qdpx, Some(doc), &again).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn export_then_import_into_a_fresh_library_gives_the_same_w3c_export() {
    let (mut a, doc) = sample_library();
    annotate(&mut a, doc);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("round.qdpx");
    export_to_file(&a, Format::Qdpx, None, &file).unwrap();

    let mut b = Store::open_in_memory().unwrap();
    let summary = import_qdpx_file(&mut b, &file).unwrap();
    assert_eq!(summary.documents_added, 1);
    assert_eq!(summary.annotations.added, 4);
    assert_eq!(summary.annotations.check + summary.annotations.orphaned, 0);
    let w3c = |s: &Store| render(s, Format::W3cJson, None).unwrap().bytes;
    assert_eq!(
        String::from_utf8(w3c(&b)).unwrap(),
        String::from_utf8(w3c(&a)).unwrap()
    );

    // Importing again changes nothing; into the library it came from, neither.
    let again = import_qdpx_file(&mut b, &file).unwrap();
    assert_eq!((again.documents_added, again.documents_found), (0, 1));
    assert_eq!(again.annotations.unchanged, 4);
    assert_eq!(again.annotations.added + again.annotations.updated, 0);
    let before = a.annotations(None).unwrap();
    assert_eq!(
        import_qdpx_file(&mut a, &file)
            .unwrap()
            .annotations
            .unchanged,
        4
    );
    assert_eq!(a.annotations(None).unwrap(), before);
}

#[test]
fn a_bad_project_imports_nothing_and_says_why() {
    let (mut store, _) = sample_library();
    let dir = tempfile::tempdir().unwrap();
    let docs_before = store.documents().unwrap().len();
    // A good source, then a selection pointing past the end of its text.
    let project = tool_project("qualcoder", "project.qde", "sources")
        .replace("endPosition=\"", "endPosition=\"9999");
    let file = write_zip(dir.path(), "bad.qdpx", &project);
    let e = import_qdpx_file(&mut store, &file).unwrap_err();
    let message = pizhu::cli::error_line(&e);
    assert!(message.contains("bad.qdpx"), "{message}");
    assert!(message.contains("outside the text"), "{message}");
    assert_eq!(store.documents().unwrap().len(), docs_before);
    assert!(store.annotations(None).unwrap().is_empty());

    std::fs::write(dir.path().join("junk.qdpx"), b"not a zip").unwrap();
    let e = import_qdpx_file(&mut store, &dir.path().join("junk.qdpx")).unwrap_err();
    assert!(pizhu::cli::error_line(&e).contains("not a zip"));
    assert_eq!(store.documents().unwrap().len(), docs_before);
}

/// The files of a fixture folder as (name in the zip, bytes), the project file renamed
/// and the sources folder spelled as the tool does.
fn tool_project(tool: &str, qde: &str, sources: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(FIXTURES).join(tool);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for source in std::fs::read_dir(&path).unwrap() {
                let source = source.unwrap().path();
                let name = source.file_name().unwrap().to_string_lossy().into_owned();
                files.push((format!("{sources}/{name}"), std::fs::read(&source).unwrap()));
            }
        } else {
            assert_eq!(path.file_name().unwrap().to_string_lossy(), qde);
            files.push((qde.to_string(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

trait Replace {
    fn replace(self, from: &str, to: &str) -> Self;
}

impl Replace for Vec<(String, Vec<u8>)> {
    fn replace(self, from: &str, to: &str) -> Self {
        self.into_iter()
            .map(|(n, b)| {
                let b = String::from_utf8(b.clone())
                    .map(|s| s.replace(from, to).into_bytes())
                    .unwrap_or(b);
                (n, b)
            })
            .collect()
    }
}

fn write_zip(dir: &Path, name: &str, files: &[(String, Vec<u8>)]) -> PathBuf {
    let path = dir.join(name);
    let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (n, bytes) in files {
        w.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    path
}

/// (quote, colour, tags, note) of each annotation of the library, in reading order.
fn annotations(store: &Store) -> Vec<(String, u8, Vec<String>, String)> {
    let mut all = store.annotations(None).unwrap();
    all.sort_by_key(|a| a.start);
    all.into_iter()
        .map(|a| (a.quote, a.color, a.tags, a.note))
        .collect()
}

fn row(quote: &str, color: u8, tags: &[&str], note: &str) -> (String, u8, Vec<String>, String) {
    (
        quote.into(),
        color,
        tags.iter().map(|t| t.to_string()).collect(),
        note.into(),
    )
}

#[test]
fn projects_from_other_tools_import() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        // QualCoder: project.qde, sources/, upper-case GUIDs, a memo in the Description.
        (
            "qualcoder",
            "project.qde",
            "sources",
            vec![
                row(
                    "国内生产总值增长5%左右",
                    1,
                    &["Economy"],
                    "GDP target & \"around\" 5%",
                ),
                row(
                    "城镇新增就业1200万人以上",
                    3,
                    &["Employment", "Economy"],
                    "",
                ),
            ],
        ),
        // ATLAS.ti: any .qde name, CR LF text with a BOM, notes as texts of their own.
        (
            "atlasti",
            "Atlas Project.qde",
            "sources",
            vec![
                row(
                    "国内生产总值增长5%左右",
                    3,
                    &["GDP"],
                    "Target is lower than last year's.\r\nCompare <2023>.",
                ),
                row("居民消费价格涨幅3%左右", 2, &["Prices"], ""),
            ],
        ),
        // MAXQDA: Sources/, GUIDs in braces, a Description and no Coding, #RGB colours.
        (
            "maxqda",
            "MAXQDA Export.qde",
            "Sources",
            vec![
                row("国内生产总值增长5%左右", 1, &[], "Memo only, no code 🙂"),
                row("城镇新增就业1200万人以上", 4, &["Jobs"], ""),
            ],
        ),
        // NVivo: a note attached through <Links>, times without a zone.
        (
            "nvivo",
            "project.qde",
            "sources",
            vec![row(
                "居民消费价格涨幅3%左右",
                5,
                &["Inflation"],
                "Linked memo: CPI 3%",
            )],
        ),
    ];
    for (tool, qde, sources, expected) in cases {
        let files = tool_project(tool, qde, sources);
        let qde_path = dir.path().join(format!("{tool}.qde"));
        std::fs::write(&qde_path, &files.iter().find(|(n, _)| n == qde).unwrap().1).unwrap();
        validate(&qde_path);
        let file = write_zip(dir.path(), &format!("{tool}.qdpx"), &files);
        let mut store = Store::open_in_memory().unwrap();
        let summary = import_qdpx_file(&mut store, &file)
            .unwrap_or_else(|e| panic!("{tool}: {}", pizhu::cli::error_line(&e)));
        assert_eq!(summary.documents_added, 1, "{tool}");
        assert_eq!(summary.annotations.orphaned, 0, "{tool}");
        assert_eq!(annotations(&store), expected, "{tool}");
        let again = import_qdpx_file(&mut store, &file).unwrap();
        assert_eq!(
            again.annotations.unchanged,
            expected.len(),
            "{tool}: idempotent"
        );
        assert_eq!(again.documents_added, 0, "{tool}");
    }
}

#[test]
fn the_command_line_exports_and_imports_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.db"), dir.path().join("two.db"));
    let page = dir.path().join("page.txt");
    std::fs::write(&page, "今年以来，全区社会消费品零售总额增长8.5%。\n").unwrap();
    let pizhu = |db: &Path, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .args(args)
            .env("PIZHU_DB", db)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, id, err) = pizhu(&one, &["import", page.to_str().unwrap()]);
    assert!(ok, "{err}");
    let id = id.trim();
    let (ok, _, err) = pizhu(
        &one,
        &[
            "annotate", id, "--start", "5", "--end", "16", "--tag", "经济", "--note", "a & <b>",
        ],
    );
    assert!(ok, "{err}");
    let out = dir.path().join("out.qdpx");
    let (ok, _, err) = pizhu(
        &one,
        &[
            "export",
            "--format",
            "qdpx",
            "--doc",
            id,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    assert!(err.contains("wrote 1 annotation"), "{err}");
    let (ok, _, err) = pizhu(&one, &["export", "--format", "qdpx"]);
    assert!(!ok && err.contains("--out"), "{err}");
    let (ok, summary, err) = pizhu(&two, &["import-annotations", out.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        summary.contains("1 documents added") && summary.contains("1 added"),
        "{summary}"
    );
    let (_, json, _) = pizhu(&two, &["annotations", "--json"]);
    assert!(json.contains("a & <b>") && json.contains("经济"), "{json}");
}
