//! Annotations in the store: quoting with context, range checks that name the numbers,
//! edits, deletes and undo by put, tags, the colour codebook, positions and settings.

mod store_support;

use std::path::Path;

use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::outline::char_slice;
use pizhu::store::{
    AnnotationEdit, NewAnnotation, ReadingPosition, Store, StoreError, DEFAULT_COLOR_NAMES,
};
use store_support::{highlight, ingested, page, OLD, QUOTE};

#[test]
fn adding_an_annotation_quotes_it_with_context() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = pizhu::library::import(
        &mut store,
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
    let (doc, _) = pizhu::library::import(
        &mut store,
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
    let (doc, _) = pizhu::library::import(
        &mut store,
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

    let (doc, _) = pizhu::library::import(
        &mut store,
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
fn put_annotations_lands_all_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, _) = pizhu::library::import(
        &mut store,
        Path::new("/virtual/a.txt"),
        &ingested(page(Some("春耕"), OLD), 1),
    )
    .unwrap();
    let text = store.document(doc).unwrap().outline.text;
    let good = store.add_annotation(&highlight(doc, &text, QUOTE)).unwrap();
    store.delete_annotation(&good.id).unwrap();
    let copy = Annotation {
        id: "copy".into(),
        ..good.clone()
    };
    let bad = Annotation {
        id: "bad".into(),
        color: 8,
        ..good.clone()
    };

    let err = store
        .put_annotations(&[good.clone(), bad, copy.clone()])
        .unwrap_err();
    assert!(matches!(err, StoreError::BadColor(8)), "{err}");
    assert!(
        store.annotations(None).unwrap().is_empty(),
        "none of the batch landed"
    );

    store
        .put_annotations(&[good.clone(), copy.clone()])
        .unwrap();
    assert_eq!(store.annotations(None).unwrap().len(), 2);
}
