//! Documents in the store: dedup by content, update in place with re-anchoring, older
//! reflows redone, summaries, and opening files (folders made, bad paths named).

mod store_support;

use std::path::Path;

use pizhu::core::annotation::AnchorStatus;
use pizhu::core::outline::char_slice;
use pizhu::core::reflow::REFLOW_VERSION;
use pizhu::ingest::Ingested;
use pizhu::store::{content_hash, ImportOutcome, ReadingPosition, Store};
use store_support::{char_offset, highlight, ingested, page, OLD, QUOTE};

#[test]
fn same_content_twice_is_one_document() {
    let mut store = Store::open_in_memory().unwrap();
    let file = ingested(page(Some("春耕"), OLD), REFLOW_VERSION);
    let (a, first) =
        pizhu::library::import(&mut store, Path::new("/virtual/a.txt"), &file).unwrap();
    let (b, second) =
        pizhu::library::import(&mut store, Path::new("/virtual/copy-of-a.txt"), &file).unwrap();
    assert_eq!(
        (first, second),
        (ImportOutcome::New, ImportOutcome::Unchanged)
    );
    assert_eq!(a, b);
    assert_eq!(store.documents().unwrap().len(), 1);

    let stored = store.document(a).unwrap();
    assert_eq!(stored.outline, file.outline);
    assert_eq!(stored.content_hash, content_hash(&file.decoded.text));
    assert_eq!(stored.content_hash.len(), 64);
    assert_eq!(stored.source_path, "/virtual/a.txt");
    assert_eq!(stored.encoding, "UTF-8");
    assert_eq!(stored.reflow_version, REFLOW_VERSION);
    assert!(time::OffsetDateTime::parse(
        &stored.imported_at,
        &time::format_description::well_known::Rfc3339
    )
    .is_ok());
    assert_eq!(
        store.document_by_hash(&stored.content_hash).unwrap(),
        Some(stored)
    );
    assert_eq!(store.document_by_hash("00").unwrap(), None);
}

#[test]
fn summaries_give_title_counts_and_fall_back_to_the_file_name() {
    let mut store = Store::open_in_memory().unwrap();
    let (titled, _) = pizhu::library::import(
        &mut store,
        Path::new("/virtual/a.txt"),
        &ingested(page(Some("春耕"), OLD), 1),
    )
    .unwrap();
    let (untitled, _) = pizhu::library::import(
        &mut store,
        Path::new("/virtual/notes.txt"),
        &ingested(page(None, &["Plain notes."]), 1),
    )
    .unwrap();
    store
        .add_annotation(&highlight(
            titled,
            &store.document(titled).unwrap().outline.text,
            QUOTE,
        ))
        .unwrap();
    let list = store.documents().unwrap();
    assert_eq!(
        list.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![titled, untitled]
    );
    assert_eq!(list[0].title, "春耕");
    assert_eq!(list[0].articles, 1);
    assert_eq!(
        list[0].chars,
        store.document(titled).unwrap().outline.char_len()
    );
    assert_eq!(list[0].annotations, 1);
    assert_eq!(list[1].title, "notes.txt");
    assert_eq!(list[1].chars, "Plain notes.".len());
    assert_eq!(list[1].annotations, 0);
}

#[test]
fn reimport_of_a_changed_file_moves_its_annotations() {
    let mut store = Store::open_in_memory().unwrap();
    let path = Path::new("/virtual/page.txt");
    let (doc, _) =
        pizhu::library::import(&mut store, path, &ingested(page(Some("春耕"), OLD), 1)).unwrap();
    let old_text = store.document(doc).unwrap().outline.text;
    let a = store
        .add_annotation(&highlight(doc, &old_text, QUOTE))
        .unwrap();
    store
        .set_reading_position(
            doc,
            &ReadingPosition {
                article: 0,
                section: 0,
                scroll: 12.5,
            },
        )
        .unwrap();

    let inserted = ["编者按：这是新加的一段文字，放在最前面。", OLD[0], OLD[1]];
    let (same, outcome) = pizhu::library::import(
        &mut store,
        path,
        &ingested(page(Some("春耕"), &inserted), 1),
    )
    .unwrap();
    assert_eq!(
        same, doc,
        "same source path, new content: the document is updated, not duplicated"
    );
    assert_eq!(
        outcome,
        ImportOutcome::Updated {
            kept: 0,
            moved: 1,
            check: 0,
            orphaned: 0
        }
    );
    let new_text = store.document(doc).unwrap().outline.text;
    let moved = store.annotation(&a.id).unwrap().unwrap();
    assert_eq!(char_slice(&new_text, moved.start, moved.end), QUOTE);
    assert_eq!(moved.start, char_offset(&new_text, QUOTE));
    assert_eq!(
        (moved.status, moved.created.as_str()),
        (AnchorStatus::Anchored, a.created.as_str())
    );
    assert_eq!(store.documents().unwrap().len(), 1);
    assert!(store.reading_position(doc).unwrap().is_some());

    let removed = ["编者按：这是新加的一段文字，放在最前面。", OLD[0]];
    let (_, outcome) =
        pizhu::library::import(&mut store, path, &ingested(page(Some("春耕"), &removed), 1))
            .unwrap();
    assert_eq!(
        outcome,
        ImportOutcome::Updated {
            kept: 0,
            moved: 0,
            check: 0,
            orphaned: 1
        }
    );
    let orphan = store
        .annotation(&a.id)
        .unwrap()
        .expect("an orphan is kept, never deleted");
    assert_eq!(
        (orphan.status, orphan.quote.as_str()),
        (AnchorStatus::Orphan, QUOTE)
    );
    let len = store.document(doc).unwrap().outline.char_len();
    assert!(orphan.start <= orphan.end && orphan.end <= len);
}

#[test]
fn an_older_reflow_is_redone_on_import_and_on_request() {
    let mut store = Store::open_in_memory().unwrap();
    let old = ingested(page(Some("春耕"), OLD), REFLOW_VERSION.saturating_sub(1));
    let (doc, _) = pizhu::library::import(&mut store, Path::new("/virtual/a.txt"), &old).unwrap();
    let text = store.document(doc).unwrap().outline.text;
    store.add_annotation(&highlight(doc, &text, QUOTE)).unwrap();
    assert_eq!(
        pizhu::library::reflow_stale(&mut store).unwrap().len(),
        usize::from(REFLOW_VERSION > 0)
    );

    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = pizhu::library::import(&mut store, Path::new("/virtual/a.txt"), &old).unwrap();
    let current = Ingested {
        reflow_version: old.reflow_version + 1,
        ..old.clone()
    };
    let (same, outcome) =
        pizhu::library::import(&mut store, Path::new("/virtual/a.txt"), &current).unwrap();
    assert_eq!(same, doc);
    assert_eq!(
        outcome,
        ImportOutcome::Updated {
            kept: 0,
            moved: 0,
            check: 0,
            orphaned: 0
        }
    );
    assert_eq!(
        store.document(doc).unwrap().reflow_version,
        old.reflow_version + 1
    );
    let (_, again) =
        pizhu::library::import(&mut store, Path::new("/virtual/a.txt"), &current).unwrap();
    assert_eq!(again, ImportOutcome::Unchanged);
}

#[test]
fn a_file_store_creates_its_folder_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/pizhu.sqlite3");
    let id = {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        let (doc, _) = pizhu::library::import(
            &mut store,
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
        let text = store.document(doc).unwrap().outline.text;
        store
            .add_annotation(&highlight(doc, &text, QUOTE))
            .unwrap()
            .id
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.annotation(&id).unwrap().unwrap().quote, QUOTE);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(Store::open_in_memory().unwrap().path().is_none());
}

#[test]
fn an_unopenable_path_names_itself() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let err = Store::open(&blocker.join("pizhu.sqlite3"))
        .unwrap_err()
        .to_string();
    assert!(err.contains(&blocker.display().to_string()), "{err}");

    let not_sqlite = dir.path().join("notes.txt");
    std::fs::write(
        &not_sqlite,
        "this is not a database, just some text that is long enough",
    )
    .unwrap();
    let err = Store::open(&not_sqlite).unwrap_err().to_string();
    assert!(err.contains("notes.txt"), "{err}");
}

#[test]
fn default_path_is_in_the_data_dir() {
    let path = Store::default_path().unwrap();
    assert!(path.ends_with("pizhu/pizhu.sqlite3"), "{}", path.display());
}
