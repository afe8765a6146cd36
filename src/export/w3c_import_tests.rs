use super::*;
use crate::export::fixture::Fixture;
use crate::export::w3c;

fn names() -> Vec<String> {
    Fixture::new().color_names
}

fn error(json: &str) -> String {
    parse(json, &names())
        .expect_err("should be refused")
        .to_string()
}

const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn one(extra: &str) -> String {
    format!(
        r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "http://example.org/anno/1",
            "target": {{"source": "urn:sha256:{HASH}", "selector": {{"type": "TextQuoteSelector", "exact": "零售"}}}}{extra}}}"#
    )
}

#[test]
fn reads_back_every_field_of_an_export() {
    let f = Fixture::new();
    let json = w3c::render(&[f.document()], &f.color_names);
    let records = parse(&json, &f.color_names).unwrap();
    assert_eq!(records.len(), f.annotations.len());
    for a in &f.annotations {
        let r = records
            .iter()
            .find(|r| r.id == a.id)
            .expect("every annotation comes back");
        assert_eq!(r.original_id, format!("urn:uuid:{}", a.id));
        assert_eq!(r.content_hash, HASH);
        assert_eq!(r.position, Some((a.start, a.end)));
        assert_eq!(
            (&r.quote, &r.prefix, &r.suffix),
            (&a.quote, &a.prefix, &a.suffix)
        );
        assert_eq!(r.color, a.color);
        assert_eq!(r.note, a.note);
        assert_eq!(r.tags, a.tags);
        assert_eq!(r.created.as_deref(), Some(a.created.as_str()));
        assert_eq!(r.modified.as_deref(), Some(a.modified.as_str()));
    }
    // The colour number travels in the target's styleClass, whatever the codebook says.
    let without_codebook = parse(&json, &[]).unwrap();
    for a in &f.annotations {
        assert_eq!(
            without_codebook
                .iter()
                .find(|r| r.id == a.id)
                .unwrap()
                .color,
            a.color
        );
    }
}

#[test]
fn accepts_a_page_a_single_annotation_and_an_array() {
    let page = format!(r#"{{"type": "AnnotationPage", "items": [{}]}}"#, one(""));
    assert_eq!(parse(&page, &names()).unwrap().len(), 1);
    assert_eq!(parse(&one(""), &names()).unwrap().len(), 1);
    assert_eq!(
        parse(
            &format!("[{}, {}]", one(""), one("").replace("anno/1", "anno/2")),
            &names()
        )
        .unwrap()
        .len(),
        2
    );
}

#[test]
fn foreign_annotations_get_stable_ids_defaults_and_named_colours() {
    let body = r#", "body": [{"type": "TextualBody", "value": "存疑", "purpose": "classifying"},
                             {"type": "TextualBody", "value": "a note"}, {"value": "t", "purpose": ["tagging"]}]"#;
    let first = parse(&one(body), &names()).unwrap().remove(0);
    let again = parse(&one(body), &names()).unwrap().remove(0);
    assert_eq!(first.id, again.id);
    assert!(uuid::Uuid::parse_str(&first.id).is_ok());
    assert_eq!(
        (first.color, first.note.as_str(), first.tags.clone()),
        (2, "a note", vec!["t".to_string()])
    );
    assert_eq!(first.position, None);
    assert_eq!(
        parse(&one(r#", "bodyValue": "plain""#), &names()).unwrap()[0].note,
        "plain"
    );
    assert_eq!(parse(&one(""), &names()).unwrap()[0].color, 1);
}

#[test]
fn invalid_json_names_line_and_column() {
    let message = error("{\n  \"type\": \"Annotation\",\n  oops\n}");
    assert!(message.starts_with("not valid JSON:"), "{message}");
    assert!(message.contains("line 3 column 3"), "{message}");
}

#[test]
fn problems_name_the_annotation() {
    let no_quote = one("").replace("TextQuoteSelector", "TextPositionSelector");
    let page = format!(
        r#"{{"type": "AnnotationPage", "items": [{}, {}, {no_quote}]}}"#,
        one(""),
        one("").replace("/1", "/2")
    );
    assert_eq!(
        error(&page),
        "annotation 3 (http://example.org/anno/1) has no TextQuoteSelector"
    );

    let m = error(&one("").replace(&format!("urn:sha256:{HASH}"), "http://example.org/page.txt"));
    assert!(
        m.contains("target source \"http://example.org/page.txt\""),
        "{m}"
    );
    assert!(error(&one(r#", "modified": "yesterday""#))
        .contains("has modified \"yesterday\", which is not an RFC 3339"));
    assert!(
        error(&one("").replace(r#""id": "http://example.org/anno/1","#, "")).contains("has no id")
    );
    assert!(error(&format!("[{}, {}]", one(""), one("")))
        .contains("annotation 2 (http://example.org/anno/1) repeats an id"));
    assert!(
        error(&one("").replace(r#""exact": "零售""#, r#""exact": """#))
            .contains("empty exact quote")
    );
    assert!(
        error(r#"{"type": "AnnotationCollection", "first": "http://example.org/page1"}"#)
            .contains("not embedded")
    );
    assert!(error(r#"{"type": "Person"}"#).starts_with("not W3C Web Annotation JSON"));
    assert!(error("42").contains("the top level is a number"));
    assert!(error(r#"["http://example.org/anno/9"]"#).contains("annotation 1 (no id) is a string"));
}

#[test]
fn newer_means_a_later_instant() {
    assert!(is_newer(
        Some("2024-05-02T00:00:00Z"),
        "2024-05-01T23:59:59Z"
    ));
    assert!(!is_newer(
        Some("2024-05-01T23:59:59Z"),
        "2024-05-01T23:59:59Z"
    ));
    // Same instant written in another zone is not newer.
    assert!(!is_newer(
        Some("2024-05-02T07:59:59+08:00"),
        "2024-05-01T23:59:59Z"
    ));
    assert!(!is_newer(None, "2024-05-01T00:00:00Z"));
}

fn with_tags(tags: impl Iterator<Item = String>) -> String {
    let bodies: Vec<String> = tags
        .map(|t| {
            let value = serde_json::to_string(&t).unwrap();
            format!(r#"{{"type": "TextualBody", "purpose": "tagging", "value": {value}}}"#)
        })
        .collect();
    one(&format!(r#", "body": [{}]"#, bodies.join(",")))
}

#[test]
fn a_hundred_thousand_repeated_tag_bodies_are_one_tag_and_fast() {
    let started = std::time::Instant::now();
    let records = parse(
        &with_tags((0..100_000).map(|i| format!("t{}", i % 3))),
        &names(),
    )
    .unwrap();
    assert_eq!(records[0].tags, ["t0", "t1", "t2"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn too_many_or_bad_tags_refuse_the_file_naming_the_annotation() {
    let many = error(&with_tags((0..100_000).map(|i| format!("t{i}"))));
    assert!(
        many.contains("annotation 1 (http://example.org/anno/1)"),
        "{many}"
    );
    assert!(many.contains("at most 64"), "{many}");
    let long = error(&with_tags(std::iter::once("长".repeat(101))));
    assert!(long.contains("101 characters long"), "{long}");
    let nul = error(&with_tags(std::iter::once("a\u{0}b".to_string())));
    assert!(nul.contains("U+0000"), "{nul}");
    let zwsp = error(&with_tags(std::iter::once("\u{200B}".to_string())));
    assert!(zwsp.contains("visible character"), "{zwsp}");
}
