use super::*;
use crate::core::annotation::AnchorStatus;
use crate::core::colors::COLORS;
use crate::core::outline::char_slice;
use crate::export::fixture::Fixture;
use crate::export::xml_tree::{self, Element};

fn parsed(f: &Fixture) -> (Project, Element) {
    let project = project(&[f.document()], &f.color_names);
    let root = xml_tree::parse(&project.qde).expect("project.qde is well-formed XML");
    (project, root)
}

fn selections(root: &Element) -> Vec<&Element> {
    root.descendants()
        .into_iter()
        .filter(|e| e.name == "PlainTextSelection")
        .collect()
}

#[test]
fn one_text_source_per_document_with_its_reading_text_by_guid() {
    let f = Fixture::new();
    let (project, root) = parsed(&f);
    let sources: Vec<&Element> = root.child("Sources").unwrap().children.iter().collect();
    assert_eq!(sources.len(), 1);
    let source = sources[0];
    assert_eq!(source.name, "TextSource");
    let guid = source.attr("guid").unwrap();
    assert_eq!(guid, guids::source(f.document().content_hash));
    assert_eq!(
        source.attr("plainTextPath"),
        Some(format!("internal://{guid}.txt").as_str())
    );
    assert_eq!(source.attr("richTextPath"), None);
    assert_eq!(
        project.sources,
        vec![(format!("{guid}.txt"), f.outline.text.clone())]
    );
    assert!(!f.outline.text.contains('\r') && !f.outline.text.starts_with('\u{FEFF}'));
    let description = &source.child("Description").unwrap().text;
    assert!(
        description.contains("2024-07-06 第3版.txt"),
        "{description}"
    );
}

#[test]
fn each_selection_selects_its_quote_in_code_points() {
    let f = Fixture::new();
    let (project, root) = parsed(&f);
    let text = &project.sources[0].1;
    let sels = selections(&root);
    let exported: Vec<&Annotation> = f
        .annotations
        .iter()
        .filter(|a| a.status != AnchorStatus::Orphan)
        .collect();
    assert_eq!(sels.len(), exported.len());
    assert_eq!(project.selections, exported.len());
    for sel in sels {
        let a = exported
            .iter()
            .find(|a| Some(a.id.as_str()) == sel.attr("guid"))
            .expect("the selection's GUID is its annotation's id");
        let start: usize = sel.attr("startPosition").unwrap().parse().unwrap();
        let end: usize = sel.attr("endPosition").unwrap().parse().unwrap();
        assert_eq!(char_slice(text, start, end), a.quote);
        assert_eq!(sel.attr("name"), Some(a.quote.as_str()));
    }
}

#[test]
fn codings_come_before_the_note_ref_and_carry_colour_and_every_tag() {
    let f = Fixture::new();
    let (_, root) = parsed(&f);
    let notes = root.child("Notes").unwrap();
    for sel in selections(&root) {
        let a = f
            .annotations
            .iter()
            .find(|a| Some(a.id.as_str()) == sel.attr("guid"))
            .unwrap();
        let names: Vec<&str> = sel.children.iter().map(|c| c.name.as_str()).collect();
        let codes: Vec<&str> = sel
            .children_named("Coding")
            .map(|c| c.child("CodeRef").unwrap().attr("targetGUID").unwrap())
            .collect();
        let mut expected = vec![guids::color(a.color)];
        expected.extend(a.tags.iter().map(|t| guids::tag(t)));
        assert_eq!(codes, expected);
        if a.note.is_empty() {
            assert!(!names.contains(&"NoteRef"));
            continue;
        }
        assert_eq!(names.last(), Some(&"NoteRef"), "{names:?}");
        let target = sel.child("NoteRef").unwrap().attr("targetGUID").unwrap();
        let note = notes
            .children_named("Note")
            .find(|n| n.attr("guid") == Some(target))
            .expect("the note is in <Notes>");
        // Line breaks (CR LF too), quotes, tabs, emoji and `&amp;` come back as written.
        assert_eq!(note.child("PlainTextContent").unwrap().text, a.note);
    }
}

#[test]
fn the_codebook_has_the_six_colours_and_each_tag_once() {
    let f = Fixture::new();
    let (_, root) = parsed(&f);
    let codes = root.child("CodeBook").unwrap().child("Codes").unwrap();
    let parents: Vec<&Element> = codes.children_named("Code").collect();
    assert_eq!(parents.len(), 2);
    assert_eq!(parents[0].attr("isCodable"), Some("false"));
    let colours: Vec<&Element> = parents[0].children_named("Code").collect();
    assert_eq!(colours.len(), 6);
    for (code, c) in colours.iter().zip(COLORS.iter()) {
        assert_eq!(
            code.attr("name"),
            Some(f.color_names[usize::from(c.number) - 1].as_str())
        );
        assert_eq!(
            code.attr("color"),
            Some(crate::core::colors::hex(c.highlight).as_str())
        );
        assert_eq!(code.attr("guid"), Some(guids::color(c.number).as_str()));
    }
    let tags: Vec<&str> = parents[1]
        .children_named("Code")
        .map(|c| c.attr("name").unwrap())
        .collect();
    let mut expected: Vec<&str> = f
        .annotations
        .iter()
        .filter(|a| a.status != AnchorStatus::Orphan)
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .collect();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(tags, expected);
}

#[test]
fn the_same_annotations_give_the_same_bytes_in_any_order() {
    let f = Fixture::new();
    let first = render(&[f.document()], &f.color_names);
    assert_eq!(first, render(&[f.document()], &f.color_names));
    let mut shuffled = f.annotations.clone();
    shuffled.reverse();
    let doc = ExportDocument {
        annotations: &shuffled,
        ..f.document()
    };
    assert_eq!(first, render(&[doc], &f.color_names));
    let fewer = ExportDocument {
        annotations: &f.annotations[1..],
        ..f.document()
    };
    assert_ne!(first, render(&[fewer], &f.color_names));
}

#[test]
fn the_zip_holds_the_project_then_a_flat_sources_folder() {
    use std::io::Read;
    let f = Fixture::new();
    let bytes = render(&[f.document()], &f.color_names);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let guid = guids::source(f.document().content_hash);
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec![
            PROJECT_FILE.to_string(),
            SOURCES_DIR.to_string(),
            format!("{SOURCES_DIR}{guid}.txt")
        ]
    );
    let mut text = String::new();
    zip.by_name(&format!("{SOURCES_DIR}{guid}.txt"))
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, f.outline.text);
    let entry = zip.by_name(PROJECT_FILE).unwrap();
    assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
}

#[test]
fn derived_guids_are_uuids_and_differ_by_what_they_name() {
    let a = guids::derived("tag", "经济");
    assert_eq!(a, guids::tag("经济"));
    assert_ne!(a, guids::tag("数据"));
    assert_ne!(guids::color(1), guids::color(2));
    assert!(uuid::Uuid::parse_str(&a).is_ok());
    assert_eq!(a, a.to_lowercase());
}
