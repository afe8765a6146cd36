use std::io::Write;

use super::*;
use crate::core::annotation::AnchorStatus;
use crate::export::fixture::Fixture;
use crate::export::qdpx;

/// A zip of `files` (name, content), as another tool might write it.
fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const TEXT: &str = "第一段：经济增长。\r\n第二段：人物访谈🙂。";

fn project_xml(sources: &str, extra: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
  <CodeBook><Codes>
    <Code guid="{{AAAAAAAA-0000-0000-0000-000000000001}}" name="Economy" isCodable="true" color="#FF0000"/>
    <Code guid="AAAAAAAA-0000-0000-0000-000000000002" name="Parent" isCodable="false">
      <Code guid="aaaaaaaa-0000-0000-0000-000000000003" name="Interview" isCodable="true" color="#808080"/>
    </Code>
  </Codes></CodeBook>
  <Sources>{sources}</Sources>
  {extra}
</Project>"##
    )
}

#[test]
fn pizhus_own_export_reads_back_whole() {
    let f = Fixture::new();
    let bytes = qdpx::render(&[f.document()], &f.color_names);
    let project = read(&bytes).unwrap();
    assert_eq!(project.sources.len(), 1);
    assert_eq!(project.sources[0].text, f.outline.text);
    assert_eq!(
        project.sources[0].pizhu_hash.as_deref(),
        Some(f.document().content_hash)
    );
    let exported: Vec<_> = f
        .annotations
        .iter()
        .filter(|a| a.status != AnchorStatus::Orphan)
        .collect();
    assert_eq!(project.selections.len(), exported.len());
    for a in exported {
        let s = project.selections.iter().find(|s| s.id == a.id).unwrap();
        assert_eq!((s.start, s.end), (a.start, a.end));
        assert_eq!(s.quote, a.quote);
        assert_eq!(s.color, a.color);
        assert_eq!(s.tags, a.tags);
        assert_eq!(s.note, a.note);
        assert_eq!(s.created.as_deref(), Some(a.created.as_str()));
        assert_eq!(s.modified.as_deref(), Some(a.modified.as_str()));
    }
}

#[test]
fn other_tools_quirks_are_accepted() {
    // Any *.qde name, `Sources/`, upper-case GUIDs in braces, a Description without a
    // Coding (MAXQDA), a coded selection with a note linked through <Links> (NVivo),
    // colours as #RGB, CRLF in the text.
    let sources = r#"<TextSource guid="{BBBBBBBB-0000-0000-0000-000000000001}" name="interview.txt" plainTextPath="internal://BBBBBBBB-0000-0000-0000-000000000001.txt">
      <PlainTextSelection guid="{CCCCCCCC-0000-0000-0000-000000000001}" startPosition="4" endPosition="8">
        <Description>MAXQDA comment</Description>
      </PlainTextSelection>
      <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000002" startPosition="15" endPosition="19" creationDateTime="2020-01-02T03:04:05">
        <Coding guid="DDDDDDDD-0000-0000-0000-000000000001"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000001"/></Coding>
        <Coding guid="DDDDDDDD-0000-0000-0000-000000000002"><CodeRef targetGUID="{AAAAAAAA-0000-0000-0000-000000000003}"/></Coding>
      </PlainTextSelection>
    </TextSource>"#;
    let links = r#"<Notes><Note guid="EEEEEEEE-0000-0000-0000-000000000001" name="memo"><PlainTextContent>linked memo</PlainTextContent></Note></Notes>
    <Links><Link guid="FFFFFFFF-0000-0000-0000-000000000001" originGUID="CCCCCCCC-0000-0000-0000-000000000002" targetGUID="EEEEEEEE-0000-0000-0000-000000000001"/></Links>"#;
    let bytes = zip_of(&[
        ("My Study.qde", &project_xml(sources, links)),
        ("Sources/bbbbbbbb-0000-0000-0000-000000000001.TXT", TEXT),
    ]);
    let project = read(&bytes).unwrap();
    assert_eq!(project.sources[0].text, TEXT.replace("\r\n", "\n"));
    let [first, second] = project.selections.as_slice() else {
        panic!("{:?}", project.selections)
    };
    assert_eq!(first.id, "cccccccc-0000-0000-0000-000000000001");
    assert_eq!(first.quote, "经济增长");
    assert_eq!(first.note, "MAXQDA comment");
    assert_eq!((first.color, first.tags.len()), (1, 0));
    // Offsets after the CR LF shift by one once the text has LF line ends.
    let chars: Vec<char> = project.sources[0].text.chars().collect();
    let quote: String = chars[second.start..second.end].iter().collect();
    assert_eq!(quote, second.quote);
    assert_eq!(second.quote, "人物访谈");
    assert_eq!(second.tags, vec!["Economy", "Interview"]);
    assert_eq!(second.color, 2, "#FF0000 is closest to pizhu's red");
    assert_eq!(second.note, "linked memo");
    assert_eq!(second.created.as_deref(), Some("2020-01-02T03:04:05Z"));
}

#[test]
fn inline_text_and_non_text_sources() {
    let sources = r#"<PDFSource guid="11111111-0000-0000-0000-000000000001" path="internal://x.pdf"/>
    <TextSource guid="11111111-0000-0000-0000-000000000002" name="inline"><PlainTextContent>abc 内容</PlainTextContent>
      <PlainTextSelection guid="not-a-uuid" startPosition="4" endPosition="6"/></TextSource>"#;
    let bytes = zip_of(&[("project.qde", &project_xml(sources, ""))]);
    let project = read(&bytes).unwrap();
    assert_eq!(project.skipped_sources, 1);
    assert_eq!(project.selections[0].quote, "内容");
    // A GUID that is no UUID gets a stable derived one.
    let again = read(&bytes).unwrap();
    assert_eq!(project.selections[0].id, again.selections[0].id);
    assert!(uuid::Uuid::parse_str(&project.selections[0].id).is_ok());
}

#[test]
fn bad_projects_are_refused_with_the_reason() {
    let one = |sel: &str| {
        let s = format!(
            r#"<TextSource guid="22222222-0000-0000-0000-000000000001" plainTextPath="internal://22222222-0000-0000-0000-000000000001.txt">{sel}</TextSource>"#
        );
        zip_of(&[
            ("project.qde", &project_xml(&s, "")),
            ("sources/22222222-0000-0000-0000-000000000001.txt", TEXT),
        ])
    };
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"PK\x03\x04 truncated".to_vec(), "not a zip"),
        (zip_of(&[("readme.txt", "x")]), "no project file"),
        (
            zip_of(&[("project.qde", "<Project><Sources>")]),
            "ends inside",
        ),
        (zip_of(&[("project.qde", "<Other/>")]), "not a REFI-QDA"),
        (
            one(
                r#"<PlainTextSelection guid="33333333-0000-0000-0000-000000000001" startPosition="5" endPosition="500"/>"#,
            ),
            "outside the text",
        ),
        (
            one(
                r#"<PlainTextSelection guid="33333333-0000-0000-0000-000000000001" startPosition="1" endPosition="2"><Coding guid="44444444-0000-0000-0000-000000000001"><CodeRef targetGUID="55555555-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>"#,
            ),
            "not in the codebook",
        ),
        (
            one(
                r#"<PlainTextSelection guid="33333333-0000-0000-0000-000000000001" startPosition="1" endPosition="2"><NoteRef targetGUID="55555555-0000-0000-0000-000000000001"/></PlainTextSelection>"#,
            ),
            "not in the project",
        ),
        (
            one(
                r#"<PlainTextSelection guid="33333333-0000-0000-0000-000000000001" startPosition="1" endPosition="2"/><PlainTextSelection guid="{33333333-0000-0000-0000-000000000001}" startPosition="2" endPosition="3"/>"#,
            ),
            "appears twice",
        ),
        (
            zip_of(&[(
                "project.qde",
                &project_xml(
                    r#"<TextSource guid="22222222-0000-0000-0000-000000000001" plainTextPath="relative:///C:/x.txt"/>"#,
                    "",
                ),
            )]),
            "outside the project",
        ),
        (
            zip_of(&[(
                "project.qde",
                &project_xml(
                    r#"<TextSource guid="22222222-0000-0000-0000-000000000001" plainTextPath="internal://missing.txt"/>"#,
                    "",
                ),
            )]),
            "not in its sources folder",
        ),
    ];
    for (bytes, expected) in cases {
        let e = read(&bytes).unwrap_err();
        assert!(e.contains(expected), "{e:?} should say {expected:?}");
    }
}
