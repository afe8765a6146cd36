//! Properties of reflow over arbitrary text: nothing lost or invented, offsets select
//! their text, and the outline does not depend on encoding or line ends.

use std::collections::BTreeMap;

use pizhu::core::outline::{char_slice, Outline};
use pizhu::core::reflow::{reflow, Doubling};
use proptest::prelude::*;

/// Pieces that exercise every reflow rule: CJK text and punctuation, markers, bylines,
/// end matter, dashes, Latin words, digits, hyphens, spaces and blank lines.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[一-龥]{1,18}",
        Just("。".to_string()),
        Just("，".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("……".to_string()),
        Just("——".to_string()),
        Just("（".to_string()),
        Just("）".to_string()),
        Just("■上接第1版".to_string()),
        Just("■上接第 2 版 ".to_string()),
        Just("（下转第三版）".to_string()),
        Just("□新华社记者".to_string()),
        Just("本报记者 张三".to_string()),
        Just("（新华社北京7月5日电）".to_string()),
        Just("（二）".to_string()),
        "[a-z]{1,8}-?",
        "[0-9]{1,4}",
        Just(" ".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn non_whitespace(texts: impl IntoIterator<Item = String>) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for t in texts {
        for c in t.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

/// The text less what reflow drops as the second drawing of a faked-bold heading
/// (`pizhu::core::reflow::Doubling`): a line repeating the one before, and the second
/// half of a line that is one text twice.
fn without_repeats(text: &str) -> String {
    let mut doubling = Doubling::default();
    let mut kept = Vec::new();
    for line in text.split('\n') {
        if !line.trim().is_empty() && !doubling.is_second_drawing(line.trim()) {
            kept.push(doubling.drawn_twice_in_line(line.trim_end()));
        }
    }
    kept.join("\n")
}

/// Every text field of the outline, the continuation marker and page furniture included.
fn outline_fields(o: &Outline) -> Vec<String> {
    let mut out = o.page_furniture.clone();
    for a in &o.articles {
        for l in [&a.title, &a.subtitle, &a.byline].into_iter().flatten() {
            out.push(l.text.clone());
        }
        out.extend(a.continued_marker.clone());
        for s in &a.sections {
            out.extend(s.heading.iter().map(|h| h.text.clone()));
            out.extend(s.paragraphs.iter().map(|p| p.text.clone()));
        }
        out.extend(a.end_matter.iter().map(|e| e.text.clone()));
    }
    out
}

proptest! {
    // The top level holds only the product's folders; regressions live under tests/.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
            "tests/proptest-regressions/reflow_properties.txt"
        ))),
        ..ProptestConfig::default()
    })]

    /// Hyphens are the one exception: a word hyphenated at a line end loses its hyphen.
    #[test]
    fn no_character_is_lost_or_invented(text in page()) {
        let outline = Outline::from_document(&reflow(&text));
        prop_assert_eq!(non_whitespace(outline_fields(&outline)), non_whitespace([without_repeats(&text)]));
        let hyphens = |s: &str| s.matches('-').count();
        prop_assert!(hyphens(&outline.text) <= hyphens(&text));
    }

    #[test]
    fn offsets_select_their_paragraph(text in page()) {
        let outline = Outline::from_document(&reflow(&text));
        for a in &outline.articles {
            let located = [&a.title, &a.subtitle, &a.byline].into_iter().flatten()
                .chain(a.sections.iter().flat_map(|s| s.heading.iter().chain(&s.paragraphs)))
                .chain(&a.end_matter);
            for l in located {
                prop_assert_eq!(char_slice(&outline.text, l.start, l.end), l.text.as_str());
                prop_assert!(!l.text.contains('\n'));
            }
        }
    }

    #[test]
    fn line_ends_do_not_change_the_outline(text in page()) {
        let lf = reflow(&text);
        let crlf = pizhu::ingest::normalize_newlines(&text.replace('\n', "\r\n"));
        let cr = pizhu::ingest::normalize_newlines(&text.replace('\n', "\r"));
        prop_assert_eq!(&reflow(&crlf), &lf);
        prop_assert_eq!(&reflow(&cr), &lf);
    }
}

/// The same page in UTF-8, UTF-16 (with BOM) and GB18030, with LF, CRLF or CR line
/// ends, decodes to the same outline.
#[test]
fn encodings_and_line_ends_give_the_same_outline() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_51e883962f205273.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let reference = pizhu::ingest::ingest_bytes(&path, text.as_bytes())
        .unwrap()
        .outline;
    for ending in ["\n", "\r\n", "\r"] {
        let t = text.replace('\n', ending);
        let (gb, _, _) = encoding_rs::GB18030.encode(&t);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(t.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(t.as_bytes());
        for (name, bytes) in [
            ("GB18030", gb.to_vec()),
            ("UTF-16LE", utf16),
            ("UTF-8", bom8),
        ] {
            let ingested = pizhu::ingest::ingest_bytes(&path, &bytes).unwrap();
            assert_eq!(ingested.decoded.encoding, name);
            assert_eq!(ingested.outline, reference, "{name} with {ending:?}");
        }
    }
}
