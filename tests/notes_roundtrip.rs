//! Export → import → export: annotations leave the library and come back unchanged;
//! importing is idempotent, newer edits win, and a bad file imports nothing.

mod notes_support;

use notes_support::{annotate, library};
use pizhu::core::annotation::AnchorStatus;
use pizhu::export::Format;
use pizhu::notes::{import_annotations, render as render_library, ImportSummary};
use pizhu::store::Store;
use serde_json::Value;

fn export(store: &Store, format: Format) -> String {
    render_library(store, format, None)
        .expect("export")
        .text()
        .into_owned()
}

fn items(json: &mut Value) -> &mut Vec<Value> {
    json["first"]["items"].as_array_mut().expect("items")
}

#[test]
fn export_then_import_into_a_fresh_library_gives_the_same_annotations() {
    let (mut a, doc) = library();
    let made = annotate(&mut a, doc);
    let json = export(&a, Format::W3cJson);

    let (mut b, _) = library();
    let summary = import_annotations(&mut b, &json).unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            added: made.len(),
            orphaned: 1,
            ..Default::default()
        }
    );
    assert_eq!(b.annotations(None).unwrap(), made);
    for format in Format::ALL {
        assert_eq!(
            render_library(&b, format, None).unwrap().bytes,
            render_library(&a, format, None).unwrap().bytes,
            "{format:?} differs after the round trip"
        );
    }
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let (mut a, doc) = library();
    let made = annotate(&mut a, doc);
    let json = export(&a, Format::W3cJson);
    let (mut b, _) = library();
    import_annotations(&mut b, &json).unwrap();
    let after_first = b.annotations(None).unwrap();

    let again = import_annotations(&mut b, &json).unwrap();
    assert_eq!(
        again,
        ImportSummary {
            unchanged: made.len(),
            ..Default::default()
        }
    );
    assert_eq!(b.annotations(None).unwrap(), after_first);
    // Importing a library's own export into itself is a no-op too.
    assert_eq!(
        import_annotations(&mut a, &json).unwrap().unchanged,
        made.len()
    );
    assert_eq!(a.annotations(None).unwrap(), made);
}

#[test]
fn a_newer_modified_time_updates_and_an_older_one_does_not() {
    let (mut a, doc) = library();
    annotate(&mut a, doc);
    let (mut b, _) = library();
    import_annotations(&mut b, &export(&a, Format::W3cJson)).unwrap();

    let mut json: Value = serde_json::from_str(&export(&a, Format::W3cJson)).unwrap();
    let first = &mut items(&mut json)[0];
    let id = first["id"]
        .as_str()
        .unwrap()
        .trim_start_matches("urn:uuid:")
        .to_string();
    first["body"][0]["value"] = "改过的批注".into();
    first["modified"] = "2999-01-01T00:00:00Z".into();
    let summary = import_annotations(&mut b, &json.to_string()).unwrap();
    assert_eq!((summary.updated, summary.added), (1, 0));
    let updated = b.annotation(&id).unwrap().unwrap();
    // A time in the future is clamped to the import time (issue 16.10).
    assert_eq!(updated.note, "改过的批注");
    assert!(updated.modified.as_str() < "2999", "{}", updated.modified);

    let first = &mut items(&mut json)[0];
    first["body"][0]["value"] = "更旧的版本".into();
    first["modified"] = "2000-01-01T00:00:00Z".into();
    assert_eq!(
        import_annotations(&mut b, &json.to_string())
            .unwrap()
            .updated,
        0
    );
    assert_eq!(b.annotation(&id).unwrap().unwrap().note, "改过的批注");
}

#[test]
fn positions_that_no_longer_fit_are_found_again_by_the_quote() {
    let (mut a, doc) = library();
    let made = annotate(&mut a, doc);
    let mut json: Value = serde_json::from_str(&export(&a, Format::W3cJson)).unwrap();
    for item in items(&mut json).iter_mut() {
        item["target"]["selector"][1]["start"] = 0.into();
        item["target"]["selector"][1]["end"] = 1.into();
    }
    let (mut b, _) = library();
    import_annotations(&mut b, &json.to_string()).unwrap();
    for original in made.iter().filter(|m| m.status == AnchorStatus::Anchored) {
        let found = b.annotation(&original.id).unwrap().unwrap();
        assert_eq!(
            (found.start, found.end, found.status),
            (original.start, original.end, AnchorStatus::Anchored)
        );
    }
}

#[test]
fn invalid_json_imports_nothing_and_says_where() {
    let (mut a, doc) = library();
    annotate(&mut a, doc);
    let json = export(&a, Format::W3cJson);
    let broken = json.replacen("\"type\": \"Annotation\"", "\"type\" \"Annotation\"", 3);
    let (mut b, _) = library();
    let message = import_annotations(&mut b, &broken).unwrap_err().to_string();
    assert!(
        message.starts_with("not valid JSON: expected `:` at line"),
        "{message}"
    );
    assert!(b.annotations(None).unwrap().is_empty());
}

#[test]
fn a_missing_document_imports_nothing() {
    let (mut a, doc) = library();
    let made = annotate(&mut a, doc);
    let mut json: Value = serde_json::from_str(&export(&a, Format::W3cJson)).unwrap();
    let last = items(&mut json).last_mut().unwrap();
    last["target"]["source"] = format!("urn:sha256:{}", "ab".repeat(32)).into();
    let (mut b, _) = library();
    let message = import_annotations(&mut b, &json.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(&format!("annotation {} (urn:uuid:", made.len())),
        "{message}"
    );
    assert!(message.contains("not in the library"), "{message}");
    assert!(
        b.annotations(None).unwrap().is_empty(),
        "the valid annotations before it were not written"
    );

    // A library without the page at all refuses the whole file the same way.
    let mut empty = Store::open_in_memory().unwrap();
    assert!(import_annotations(&mut empty, &export(&a, Format::W3cJson)).is_err());
    assert!(empty.annotations(None).unwrap().is_empty());
}

#[test]
fn a_bad_annotation_at_the_end_imports_nothing() {
    let (mut a, doc) = library();
    let made = annotate(&mut a, doc);
    let mut json: Value = serde_json::from_str(&export(&a, Format::W3cJson)).unwrap();
    items(&mut json).last_mut().unwrap()["target"]["selector"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    let (mut b, _) = library();
    let message = import_annotations(&mut b, &json.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(&format!("annotation {}", made.len()))
            && message.ends_with("has no TextQuoteSelector")
    );
    assert!(b.annotations(None).unwrap().is_empty());
}

#[test]
fn one_document_exports_even_without_annotations() {
    let (a, doc) = library();
    let md = render_library(&a, Format::Markdown, Some(doc)).unwrap();
    assert_eq!((md.documents, md.annotations), (1, 0));
    assert!(md.text().contains("（没有批注）"));
    assert_eq!(
        render_library(&a, Format::Markdown, None)
            .unwrap()
            .documents,
        0
    );
    assert!(render_library(&a, Format::Csv, Some(99))
        .unwrap_err()
        .to_string()
        .contains("no document 99"));
}

#[test]
fn large_files_merge_the_same_way() {
    // Past a few hundred records the importer looks stored annotations up in bulk.
    let (mut a, doc) = library();
    let text = a.document(doc).unwrap().outline.text;
    let chars = text.chars().count();
    let many: Vec<_> = (0..450)
        .map(|i| {
            let start = i % (chars - 8);
            let (quote, prefix, suffix) =
                pizhu::core::anchor::quote_context(&text, start, start + 5);
            pizhu::core::annotation::Annotation {
                id: format!("00000000-0000-4000-8000-{i:012}"),
                document_id: doc,
                start,
                end: start + 5,
                quote,
                prefix,
                suffix,
                color: (i % 6) as u8 + 1,
                note: format!("第{i}条"),
                tags: vec![],
                created: "2024-05-01T08:00:00Z".into(),
                modified: "2024-05-01T08:00:00Z".into(),
                status: AnchorStatus::Anchored,
            }
        })
        .collect();
    a.put_annotations(&many).unwrap();
    let json = export(&a, Format::W3cJson);
    let (mut b, _) = library();
    assert_eq!(import_annotations(&mut b, &json).unwrap().added, 450);
    assert_eq!(import_annotations(&mut b, &json).unwrap().unchanged, 450);
    assert_eq!(b.annotations(None).unwrap(), a.annotations(None).unwrap());
    assert_eq!(export(&b, Format::W3cJson), json);
}
