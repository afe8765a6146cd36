//! The store facade as the window, export and CLI use it: documents, annotations, tags,
//! the codebook, reading positions and settings, on small documents built from the model.

use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::{char_slice, Outline};
use pizhu::core::reflow::REFLOW_VERSION;
use pizhu::ingest::{Decoded, Ingested};
use pizhu::store::{
    content_hash, AnnotationEdit, ImportOutcome, NewAnnotation, ReadingPosition, Store, StoreError,
    DEFAULT_COLOR_NAMES,
};
use std::path::Path;

fn page(title: Option<&str>, paragraphs: &[&str]) -> Document {
    Document {
        articles: vec![Article {
            title: title.map(str::to_string),
            sections: vec![Section {
                heading: None,
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            }],
            ..Default::default()
        }],
    }
}

/// An ingested file whose "source" is its reading text (enough for dedup and re-anchoring).
fn ingested(doc: Document, reflow_version: u32) -> Ingested {
    let outline = Outline::from_document(&doc);
    Ingested {
        decoded: Decoded {
            text: outline.text.clone(),
            encoding: "UTF-8",
        },
        document: doc,
        outline,
        reflow_version,
    }
}

const OLD: &[&str] = &[
    "第一段说的是春耕时节的田间景象。",
    "第二段讲全县今年计划播种一百二十万亩粮食作物。",
];
const QUOTE: &str = "一百二十万亩粮食作物";

fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .chars()
        .count()
}

fn highlight(doc: i64, text: &str, needle: &str) -> NewAnnotation {
    let start = char_offset(text, needle);
    NewAnnotation {
        document_id: doc,
        start,
        end: start + needle.chars().count(),
        color: 4,
        note: String::new(),
        tags: vec![],
    }
}

#[test]
fn same_content_twice_is_one_document() {
    let mut store = Store::open_in_memory().unwrap();
    let file = ingested(page(Some("春耕"), OLD), REFLOW_VERSION);
    let (a, first) = store.import(Path::new("/virtual/a.txt"), &file).unwrap();
    let (b, second) = store
        .import(Path::new("/virtual/copy-of-a.txt"), &file)
        .unwrap();
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
    let (titled, _) = store
        .import(
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
    let (untitled, _) = store
        .import(
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
fn adding_an_annotation_quotes_it_with_context() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = store
        .import(
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
    let text = store.document(doc).unwrap().outline.text;
    let mut new = highlight(doc, &text, QUOTE);
    new.note = "数字\n待核对".into();
    new.tags = vec!["统计".into(), " 农业 ".into(), "统计".into()];
    let a = store.add_annotation(&new).unwrap();

    assert_eq!(a.quote, QUOTE);
    assert_eq!(char_slice(&text, a.start, a.end), QUOTE);
    assert!(text[..text.find(QUOTE).unwrap()].ends_with(&a.prefix));
    assert_eq!(
        a.prefix.chars().count(),
        32,
        "32 chars of prefix when the text has them"
    );
    assert_eq!(a.suffix, "。");
    assert_eq!(
        a.tags,
        vec!["统计", "农业"],
        "trimmed, repeats dropped, order kept"
    );
    assert_eq!(a.status, AnchorStatus::Anchored);
    assert_eq!(a.created, a.modified);
    assert!(a.created.ends_with('Z'));
    let uuid = uuid::Uuid::parse_str(&a.id).unwrap();
    assert_eq!(uuid.get_version_num(), 4);
    assert_eq!(store.annotation(&a.id).unwrap(), Some(a.clone()));
    assert_eq!(store.annotations(Some(doc)).unwrap(), vec![a.clone()]);
    assert_eq!(store.annotations(None).unwrap(), vec![a]);
}

#[test]
fn bad_ranges_and_values_are_refused_with_their_numbers() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = store
        .import(
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
    let chars = store.document(doc).unwrap().outline.char_len();
    let attempt = |store: &mut Store, start, end, color| {
        let new = NewAnnotation {
            document_id: doc,
            start,
            end,
            color,
            note: String::new(),
            tags: vec![],
        };
        store.add_annotation(&new).unwrap_err().to_string()
    };
    assert_eq!(
        attempt(&mut store, 5, 3, 1),
        "offsets 5..3 are inverted (start must be before end)"
    );
    assert_eq!(
        attempt(&mut store, 2, 900, 1),
        format!("offset 900 is past the end of document {doc} ({chars} characters)")
    );
    assert_eq!(
        attempt(&mut store, 950, 990, 1),
        format!("offset 950 is past the end of document {doc} ({chars} characters)")
    );
    assert_eq!(attempt(&mut store, 4, 4, 1), "offsets 4..4 select no text");
    assert_eq!(attempt(&mut store, 0, 2, 7), "colour 7 is not one of 1–6");
    assert_eq!(attempt(&mut store, 0, 2, 0), "colour 0 is not one of 1–6");
    let unknown = NewAnnotation {
        document_id: 42,
        start: 0,
        end: 1,
        color: 1,
        note: String::new(),
        tags: vec![],
    };
    assert!(matches!(
        store.add_annotation(&unknown),
        Err(StoreError::NoDocument(42))
    ));
    let blank_tag = NewAnnotation {
        tags: vec!["  ".into()],
        ..highlight(doc, &store.document(doc).unwrap().outline.text, QUOTE)
    };
    assert!(matches!(
        store.add_annotation(&blank_tag),
        Err(StoreError::EmptyTag(_))
    ));
    assert!(
        store.annotations(None).unwrap().is_empty(),
        "nothing half-written"
    );
    assert!(matches!(
        store.document(42),
        Err(StoreError::NoDocument(42))
    ));
    assert_eq!(
        store.document(42).unwrap_err().to_string(),
        "no document 42 in the library"
    );
    assert!(matches!(
        store.annotations(Some(42)),
        Err(StoreError::NoDocument(42))
    ));
}

#[test]
fn edit_delete_and_undo_by_put() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = store
        .import(
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
    let text = store.document(doc).unwrap().outline.text;
    let a = store
        .add_annotation(&NewAnnotation {
            tags: vec!["乙".into()],
            ..highlight(doc, &text, QUOTE)
        })
        .unwrap();
    let b = store
        .add_annotation(&NewAnnotation {
            tags: vec!["甲".into(), "乙".into()],
            ..highlight(doc, &text, "春耕")
        })
        .unwrap();
    assert_eq!(
        store.tags().unwrap(),
        vec!["乙", "甲"],
        "shared, each once, sorted"
    );
    assert_eq!(
        store
            .annotations(Some(doc))
            .unwrap()
            .iter()
            .map(|x| &x.id)
            .collect::<Vec<_>>(),
        vec![&b.id, &a.id],
        "reading order"
    );

    std::thread::sleep(std::time::Duration::from_millis(5));
    let edit = AnnotationEdit {
        color: Some(2),
        note: Some("改过".into()),
        tags: Some(vec!["丙".into()]),
    };
    let edited = store.update_annotation(&a.id, &edit).unwrap();
    assert_eq!(
        (edited.color, edited.note.as_str(), edited.tags.clone()),
        (2, "改过", vec!["丙".to_string()])
    );
    assert_eq!(
        (edited.created.as_str(), edited.start, edited.end),
        (a.created.as_str(), a.start, a.end)
    );
    assert!(
        edited.modified > a.modified,
        "{} > {}",
        edited.modified,
        a.modified
    );
    assert_eq!(store.annotation(&a.id).unwrap(), Some(edited.clone()));
    let partial = store
        .update_annotation(
            &a.id,
            &AnnotationEdit {
                note: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (partial.color, partial.tags.clone(), partial.note.as_str()),
        (2, vec!["丙".to_string()], "")
    );
    assert!(matches!(
        store.update_annotation(
            &a.id,
            &AnnotationEdit {
                color: Some(9),
                ..Default::default()
            }
        ),
        Err(StoreError::BadColor(9))
    ));

    let deleted = store.delete_annotation(&b.id).unwrap();
    assert_eq!(deleted, b);
    assert_eq!(store.annotation(&b.id).unwrap(), None);
    assert_eq!(
        store.tags().unwrap(),
        vec!["丙"],
        "tags nobody uses any more are gone"
    );
    assert!(
        matches!(store.delete_annotation(&b.id), Err(StoreError::NoAnnotation(id)) if id == b.id)
    );

    store.put_annotation(&deleted).unwrap();
    assert_eq!(
        store.annotation(&b.id).unwrap(),
        Some(b.clone()),
        "undo restores the record exactly"
    );
    store.put_annotation(&a).unwrap();
    assert_eq!(
        store.annotation(&a.id).unwrap(),
        Some(a.clone()),
        "put replaces the whole record"
    );
    let past_end = Annotation {
        id: "x".into(),
        start: 0,
        end: 10_000,
        ..a.clone()
    };
    assert!(matches!(
        store.put_annotation(&past_end),
        Err(StoreError::PastEnd { offset: 10_000, .. })
    ));
    let orphan = Annotation {
        id: "y".into(),
        start: 10_000,
        end: 10_004,
        status: AnchorStatus::Orphan,
        ..a
    };
    store.put_annotation(&orphan).unwrap();
    assert_eq!(
        store.annotation("y").unwrap().unwrap().status,
        AnchorStatus::Orphan
    );
}

#[test]
fn reimport_of_a_changed_file_moves_its_annotations() {
    let mut store = Store::open_in_memory().unwrap();
    let path = Path::new("/virtual/page.txt");
    let (doc, _) = store
        .import(path, &ingested(page(Some("春耕"), OLD), 1))
        .unwrap();
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
    let (same, outcome) = store
        .import(path, &ingested(page(Some("春耕"), &inserted), 1))
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
    let (_, outcome) = store
        .import(path, &ingested(page(Some("春耕"), &removed), 1))
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
    let (doc, _) = store.import(Path::new("/virtual/a.txt"), &old).unwrap();
    let text = store.document(doc).unwrap().outline.text;
    store.add_annotation(&highlight(doc, &text, QUOTE)).unwrap();
    assert_eq!(
        store.reflow_stale_documents().unwrap().len(),
        usize::from(REFLOW_VERSION > 0)
    );

    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = store.import(Path::new("/virtual/a.txt"), &old).unwrap();
    let current = Ingested {
        reflow_version: old.reflow_version + 1,
        ..old.clone()
    };
    let (same, outcome) = store.import(Path::new("/virtual/a.txt"), &current).unwrap();
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
    let (_, again) = store.import(Path::new("/virtual/a.txt"), &current).unwrap();
    assert_eq!(again, ImportOutcome::Unchanged);
}

#[test]
fn codebook_positions_and_settings() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.color_names().unwrap(), DEFAULT_COLOR_NAMES);
    store.set_color_name(2, " 疑问 ").unwrap();
    assert_eq!(store.color_names().unwrap()[1], "疑问");
    assert!(matches!(
        store.set_color_name(7, "x"),
        Err(StoreError::BadColor(7))
    ));
    assert!(matches!(
        store.set_color_name(3, " "),
        Err(StoreError::EmptyColorName(3))
    ));

    let (doc, _) = store
        .import(
            Path::new("/virtual/a.txt"),
            &ingested(page(Some("春耕"), OLD), 1),
        )
        .unwrap();
    assert_eq!(store.reading_position(doc).unwrap(), None);
    let pos = ReadingPosition {
        article: 2,
        section: 3,
        scroll: 140.25,
    };
    store.set_reading_position(doc, &pos).unwrap();
    assert_eq!(store.reading_position(doc).unwrap(), Some(pos));
    assert!(matches!(
        store.set_reading_position(99, &pos),
        Err(StoreError::NoDocument(99))
    ));
    let nan = ReadingPosition {
        scroll: f32::NAN,
        ..pos
    };
    assert!(store.set_reading_position(doc, &nan).is_err());

    assert_eq!(store.setting("theme").unwrap(), None);
    store.set_setting("theme", "sepia").unwrap();
    store.set_setting("theme", "dark").unwrap();
    assert_eq!(store.setting("theme").unwrap().as_deref(), Some("dark"));

    store.delete_document(doc).unwrap();
    assert_eq!(store.reading_position(doc).unwrap(), None);
    assert!(matches!(
        store.delete_document(doc),
        Err(StoreError::NoDocument(_))
    ));
}

#[test]
fn a_file_store_creates_its_folder_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/pizhu.sqlite3");
    let id = {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        let (doc, _) = store
            .import(
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
