//! Every earlier schema opens: a frozen database of each version (tests/fixtures/db/vN.sql)
//! is upgraded by `Store::open` with nothing lost, and a newer one is refused by name.

use std::path::Path;

use pizhu::core::annotation::AnchorStatus;
use pizhu::core::outline::char_slice;
use pizhu::store::schema::SCHEMA_VERSION;
use pizhu::store::{content_hash, ReadingPosition, Store, DEFAULT_COLOR_NAMES};

/// Write the frozen SQL of an old version into a database file, as an old pizhu left it.
fn database_from_fixture(dir: &Path, version: i64) -> std::path::PathBuf {
    let sql = std::fs::read_to_string(format!("tests/fixtures/db/v{version}.sql")).unwrap();
    let path = dir.join(format!("v{version}.sqlite3"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&sql).unwrap();
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(found, version);
    path
}

#[test]
fn version_1_upgrades_with_documents_annotations_and_tags_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_from_fixture(dir.path(), 1);
    let mut store = Store::open(&path).unwrap();

    let docs = store.documents().unwrap();
    assert_eq!(docs.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(docs[0].title, "春耕时节田间忙");
    assert_eq!(
        docs[1].title, "notes.txt",
        "untitled documents show their file name"
    );
    assert_eq!((docs[0].annotations, docs[1].annotations), (2, 1));
    for summary in &docs {
        let doc = store.document(summary.id).unwrap();
        assert_eq!(doc.outline.char_len(), summary.chars);
        for a in &doc.outline.articles {
            for s in &a.sections {
                for p in &s.paragraphs {
                    assert_eq!(char_slice(&doc.outline.text, p.start, p.end), p.text);
                }
            }
        }
    }
    let page = store.document(1).unwrap();
    assert_eq!(page.encoding, "GB18030");
    assert_eq!(page.reflow_version, 1);
    assert_eq!(page.outline.articles[0].display_title(), "春耕时节田间忙");

    let annotations = store.annotations(None).unwrap();
    assert_eq!(annotations.len(), 3);
    for a in &annotations {
        assert_eq!(
            a.status,
            AnchorStatus::Anchored,
            "v1 had no status: every annotation was anchored"
        );
        let text = store.document(a.document_id).unwrap().outline.text;
        assert_eq!(char_slice(&text, a.start, a.end), a.quote);
    }
    let numbers = store
        .annotation("5d2e8c91-7a4b-4f3e-8c6d-2b1a9e0f7c02")
        .unwrap()
        .unwrap();
    assert_eq!(numbers.tags, vec!["统计", "农业"], "tag order as linked");
    assert_eq!(numbers.note, "数字：一百二十万亩\n第二行");
    assert_eq!(
        (numbers.color, numbers.created.as_str()),
        (4, "2025-03-05T08:20:00.000Z")
    );
    assert_eq!(store.tags().unwrap(), vec!["english", "农业", "统计"]);

    // What v2 added works on the upgraded file.
    assert_eq!(store.color_names().unwrap(), DEFAULT_COLOR_NAMES);
    let pos = ReadingPosition {
        article: 0,
        section: 0,
        scroll: 3.0,
    };
    store.set_reading_position(1, &pos).unwrap();
    store.set_setting("theme", "sepia").unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.reading_position(1).unwrap(), Some(pos));
    assert_eq!(store.setting("theme").unwrap().as_deref(), Some("sepia"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn version_1_documents_still_deduplicate_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_from_fixture(dir.path(), 1);
    let store = Store::open(&path).unwrap();
    let source = "Plain notes without a title.\n\nA second paragraph.\n";
    let doc = store
        .document_by_hash(&content_hash(source))
        .unwrap()
        .expect("hash kept by v1");
    assert_eq!(doc.id, 2);
}

#[test]
fn a_database_from_a_newer_pizhu_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains("schema version 99"), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

/// Issue 12, item 6: v3 stores each text once. A v2 database's outlines carried every
/// paragraph's text besides the reading text; after the upgrade they hold offsets and
/// flags only, and the outline read back is the same, its texts cut from the reading text.
#[test]
fn version_2_upgrades_to_outlines_that_store_no_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_from_fixture(dir.path(), 2);
    let before: Vec<_> = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let json: String = conn
            .query_row("SELECT outline_json FROM documents WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(
            json.contains("春耕时节田间忙"),
            "v2 kept the title's text in the JSON"
        );
        vec![json]
    };
    let store = Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT outline_json, reading_text FROM documents")
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (json, reading) in &rows {
        assert!(
            !json.contains("\"text\":\"") || json.contains("\"text\":\"\""),
            "{json}"
        );
        let first_line: String = reading.chars().take(4).collect();
        assert!(
            !json.contains(&first_line),
            "no text of the page in the outline: {json}"
        );
    }
    assert!(rows[0].0.len() < before[0].len());

    let page = store.document(1).unwrap();
    let article = &page.outline.articles[0];
    assert_eq!(article.display_title(), "春耕时节田间忙");
    for s in &article.sections {
        for p in &s.paragraphs {
            assert_eq!(char_slice(&page.outline.text, p.start, p.end), p.text);
            assert!(!p.text.is_empty());
        }
    }
    let a = store.annotations(Some(1)).unwrap();
    assert_eq!(a.len(), 2);
    assert!(
        a.iter().any(|a| a.status == AnchorStatus::Check),
        "v2 data kept"
    );
    assert_eq!(store.setting("ui.theme").unwrap().as_deref(), Some("sepia"));
}

/// Issue 14: v6 adds the name a user gives a document. A v5 library opens with every
/// document still shown by its first title (or file name); a name then shows instead,
/// and clearing it shows the title again.
#[test]
fn version_5_upgrades_and_documents_keep_their_titles_until_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_from_fixture(dir.path(), 5);
    let mut store = Store::open(&path).unwrap();
    let titles = |store: &Store| -> Vec<String> {
        store
            .documents()
            .unwrap()
            .into_iter()
            .map(|d| d.title)
            .collect()
    };
    assert_eq!(
        titles(&store),
        ["春耕时节田间忙", "Plain notes without a title."]
    );
    pizhu::library::rename(&mut store, 1, "  春耕 ").unwrap();
    assert_eq!(titles(&store)[0], "春耕");
    pizhu::library::rename(&mut store, 1, "").unwrap();
    assert_eq!(titles(&store)[0], "春耕时节田间忙");
    assert!(matches!(
        pizhu::library::rename(&mut store, 9, "x"),
        Err(pizhu::store::StoreError::NoDocument(9))
    ));
}
