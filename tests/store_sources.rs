//! Sources (paper, date, page) in the store (issue 14): the migration that adds them keeps
//! every earlier database working and detects the sources of its documents; a source is
//! stored on import, replaced by the user's edit, kept by a re-import, gone with its
//! document.

use std::path::Path;

use pizhu::core::source::SourceMeta;
use pizhu::ingest::ingest_bytes;
use pizhu::store::schema::SCHEMA_VERSION;
use pizhu::store::{Store, StoreError};

fn database_from_fixture(dir: &Path, version: i64) -> std::path::PathBuf {
    let sql = std::fs::read_to_string(format!("tests/fixtures/db/v{version}.sql")).unwrap();
    let path = dir.join(format!("v{version}.sqlite3"));
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&sql)
        .unwrap();
    path
}

#[test]
fn version_3_upgrades_and_its_documents_get_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_from_fixture(dir.path(), 3);
    let mut store = Store::open(&path).unwrap();
    let version: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    // Nothing detected yet: the migration is SQL only.
    assert_eq!(store.undetected_sources().unwrap().len(), 2);
    assert_eq!(pizhu::library::fill_missing_sources(&mut store).unwrap(), 2);
    assert_eq!(
        pizhu::library::fill_missing_sources(&mut store).unwrap(),
        0,
        "once"
    );
    let page = store.source(1).unwrap();
    assert_eq!(page.paper.as_deref(), Some("人民日报"));
    assert_eq!(page.date.as_deref(), Some("2025-01-02"));
    assert_eq!(page.page, Some(5));
    assert!(
        store.source(2).unwrap().is_empty(),
        "notes.txt names no source"
    );
    // What v3 held is all there.
    assert_eq!(store.annotations(None).unwrap().len(), 3);
    assert_eq!(store.documents().unwrap()[0].source, page);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

const PAGE: &str = "人民日报\n2025年1月2日 星期四\n第 5 版 评论\n\n春耕时节田间忙\n\n　　农民在田间劳作，春耕生产有序推进。\n";

fn import(store: &mut Store, name: &str, text: &str) -> i64 {
    let ingested = ingest_bytes(Path::new(name), text.as_bytes()).unwrap();
    pizhu::library::import(store, Path::new(name), &ingested)
        .unwrap()
        .0
}

#[test]
fn detected_on_import_edited_kept_on_reimport_and_removed_with_the_document() {
    let mut store = Store::open_in_memory().unwrap();
    let id = import(&mut store, "/papers/2025-01-02_p07.txt", PAGE);
    let detected = store.source(id).unwrap();
    assert_eq!(detected.date.as_deref(), Some("2025-01-02"));
    assert!(detected.page.is_some());

    let mine = SourceMeta {
        paper: Some("人民日报".into()),
        date: Some("2025-01-02".into()),
        page: Some(5),
        page_name: Some("评论".into()),
    };
    store.set_source(id, &mine).unwrap();
    let again = import(
        &mut store,
        "/papers/2025-01-02_p07.txt",
        &PAGE.replace("有序", "全面"),
    );
    assert_eq!(again, id, "the changed file updates its document");
    assert_eq!(store.source(id).unwrap(), mine, "the user's source is kept");

    assert!(matches!(
        store.set_source(99, &mine),
        Err(StoreError::NoDocument(99))
    ));
    assert!(matches!(store.source(99), Err(StoreError::NoDocument(99))));
    store.delete_document(id).unwrap();
    assert!(store.corpus().unwrap().documents.is_empty());
}

#[test]
fn a_date_that_is_not_iso_is_refused_by_the_schema() {
    let mut store = Store::open_in_memory().unwrap();
    let id = import(&mut store, "a.txt", PAGE);
    let bad = SourceMeta {
        date: Some("2025/01/02".into()),
        ..Default::default()
    };
    assert!(store.set_source(id, &bad).is_err());
}

#[test]
fn the_corpus_holds_every_document_with_its_source_and_annotations() {
    let mut store = Store::open_in_memory().unwrap();
    let one = import(&mut store, "rmrb_2025-01-02_p05.txt", PAGE);
    let two = import(&mut store, "notes.txt", "A title\n\nSome text.\n");
    store
        .add_annotation(&pizhu::store::NewAnnotation {
            document_id: two,
            start: 0,
            end: 1,
            color: 1,
            note: "n".into(),
            tags: vec![],
        })
        .unwrap();
    let corpus = store.corpus().unwrap();
    assert_eq!(
        corpus.documents.iter().map(|d| d.id).collect::<Vec<_>>(),
        [one, two]
    );
    // The document's outline, its paragraphs without a copy of their text (search reads
    // the reading text).
    let mut outline = store.document(one).unwrap().outline;
    for a in &mut outline.articles {
        for s in &mut a.sections {
            for p in &mut s.paragraphs {
                assert!(!p.text.is_empty());
                p.text.clear();
            }
        }
    }
    assert_eq!(corpus.documents[0].outline, outline);
    assert_eq!(corpus.documents[0].source, store.source(one).unwrap());
    assert_eq!(corpus.annotation_count(), 1);
}
