use super::draft::Draft;
use super::*;
use crate::core::outline::Outline;
use crate::core::reflow::reflow;

const SAMPLE: &str = include_str!("../../../seeds/000_51e883962f205273.txt");

/// A few harness pages (the raw extraction of each layout family) and the sample.
pub(crate) fn pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages/train");
    let mut out = vec![SAMPLE.to_string()];
    for name in ["f1_01.raw.txt", "f3_01.raw.txt", "f6_01.raw.txt"] {
        out.push(std::fs::read_to_string(format!("{dir}/{name}")).expect("harness page"));
    }
    out
}

fn text_of(doc: &Document) -> String {
    Outline::from_document(doc).text
}

/// Reading-text offset of the first occurrence of `needle`.
fn offset_of(doc: &Document, needle: &str) -> usize {
    let text = text_of(doc);
    let byte = text.find(needle).expect("needle in text");
    text[..byte].chars().count()
}

#[test]
fn a_document_survives_the_round_trip_through_a_draft() {
    for page in pages() {
        let doc = reflow(&page);
        let mut draft = Draft::from_document(&doc);
        assert_eq!(draft.to_document(), doc);
        draft.normalize();
        assert_eq!(draft.to_document(), doc);
    }
}

#[test]
fn nearly_every_block_is_found_in_its_source() {
    for page in pages() {
        let doc = reflow(&page);
        let mut draft = Draft::from_document(&doc);
        source::SourceIndex::new(&page).align(&mut draft);
        let total = draft.positions().count();
        let found = draft
            .positions()
            .filter(|(_, _, b)| b.origin.is_some())
            .count();
        assert!(total > 10);
        let missing: Vec<&str> = draft
            .positions()
            .filter(|(_, _, b)| b.origin.is_none())
            .map(|(_, _, b)| b.text.as_str())
            .collect();
        assert!(
            found * 100 >= total * 98,
            "{found} of {total} blocks found; missing {missing:?}"
        );
    }
}

fn fix(
    base: &Document,
    source: &str,
    done: &[Correction],
    action: Action,
    at: usize,
) -> Correction {
    Corrector::new(base, source, done)
        .correction_at(action, at)
        .unwrap_or_else(|e| panic!("{action:?} at {at}: {e}"))
}

#[test]
fn split_then_join_gives_the_document_back() {
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let p = &outline.articles[0].sections[0].paragraphs[0];
    let split = fix(&base, SAMPLE, &[], Action::Split, p.start + 10);
    let (after, missed) = apply(&base, SAMPLE, std::slice::from_ref(&split));
    assert!(missed.is_empty());
    let text = text_of(&after);
    assert_eq!(
        squeezed(&text),
        squeezed(&outline.text),
        "only breaks changed"
    );
    assert_eq!(
        text.matches('\n').count(),
        outline.text.matches('\n').count() + 1
    );
    let join = fix(
        &base,
        SAMPLE,
        std::slice::from_ref(&split),
        Action::Join,
        p.start,
    );
    let (back, missed) = apply(&base, SAMPLE, &[split, join]);
    assert!(missed.is_empty());
    assert_eq!(plain(back), plain(base));
}

/// The document without the reflow's doubts (a corrected block is no longer doubtful).
fn plain(mut doc: Document) -> Document {
    for a in &mut doc.articles {
        a.uncertain = false;
        for s in &mut a.sections {
            s.heading_uncertain = false;
            s.uncertain_paragraphs.clear();
        }
    }
    doc
}

fn squeezed(text: &str) -> String {
    source::squeeze(text)
}

#[test]
fn marking_a_paragraph_a_heading_makes_a_section() {
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let before = base.section_count();
    let p = &outline.articles[0].sections[0].paragraphs[2];
    let mark = fix(
        &base,
        SAMPLE,
        &[],
        Action::Mark(MarkKind::Heading),
        p.start + 3,
    );
    let (after, _) = apply(&base, SAMPLE, &[mark]);
    assert_eq!(after.section_count(), before + 1);
    assert_eq!(text_of(&after), outline.text, "a label changes no text");
    let heading = after.articles[0].sections[1].heading.as_deref();
    assert_eq!(heading, Some(p.text.as_str()));
}

#[test]
fn an_article_can_be_started_merged_and_given_a_title_from_above() {
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let articles = base.articles.len();
    let p = &outline.articles[0].sections[0].paragraphs[1];
    let new = fix(&base, SAMPLE, &[], Action::NewArticle, p.start);
    let (after, _) = apply(&base, SAMPLE, std::slice::from_ref(&new));
    assert_eq!(after.articles.len(), articles + 1);
    assert_eq!(after.articles[1].title, None);
    // The first article's title goes down to the new one, then back up.
    let title_at = 0;
    let down = fix(
        &base,
        SAMPLE,
        std::slice::from_ref(&new),
        Action::TitleDown,
        title_at,
    );
    let (moved, _) = apply(&base, SAMPLE, &[new.clone(), down.clone()]);
    assert_eq!(moved.articles[1].title, base.articles[0].title);
    assert_eq!(moved.articles[0].title, None);
    let up_at = offset_of(&moved, base.articles[0].title.as_deref().unwrap());
    let up = fix(
        &base,
        SAMPLE,
        &[new.clone(), down.clone()],
        Action::TitleUp,
        up_at,
    );
    let merge_at = offset_of(&after, &p.text);
    let merge = fix(
        &base,
        SAMPLE,
        &[new.clone(), down.clone(), up.clone()],
        Action::MergeArticle,
        merge_at,
    );
    let (back, missed) = apply(&base, SAMPLE, &[new, down, up, merge]);
    assert!(missed.is_empty(), "{missed:?}");
    assert_eq!(plain(back), plain(base));
}

#[test]
fn offsets_that_do_not_fit_are_refused_with_a_reason() {
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let c = Corrector::new(&base, SAMPLE, &[]);
    let p = &outline.articles[0].sections[0].paragraphs[0];
    let refused = |action, at| c.correction_at(action, at).unwrap_err().0;
    assert!(refused(Action::Split, p.start).contains("start"));
    assert!(refused(Action::Split, p.end).contains("end"));
    assert!(refused(Action::NewArticle, 0).contains("already starts"));
    assert!(refused(Action::MergeArticle, 0).contains("not the start"));
    assert!(refused(Action::TitleUp, 0).contains("no article above"));
    assert!(refused(Action::Mark(MarkKind::Paragraph), p.start).contains("already"));
    assert!(refused(Action::Split, outline.char_len() + 5).contains("past the end"));
}

#[test]
fn corrections_follow_their_lines_into_a_changed_file() {
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let p = &outline.articles[0].sections[0].paragraphs[1];
    let split = fix(&base, SAMPLE, &[], Action::Split, p.start + 5);
    // Lines added at the top shift every line; the correction finds its line again.
    let changed = format!("新加的一行说明文字。\n\n{SAMPLE}");
    let new_base = reflow(&changed);
    let (after, missed) = apply(&new_base, &changed, std::slice::from_ref(&split));
    assert!(missed.is_empty());
    let head: String = p.text.chars().take(5).collect();
    let paragraphs: Vec<&String> = after
        .articles
        .iter()
        .flat_map(|a| a.sections.iter().flat_map(|s| s.paragraphs.iter()))
        .collect();
    assert!(paragraphs.contains(&&head), "split re-applied at its line");
    // A file without that line: the correction is reported, with the line it wanted.
    let gone = SAMPLE.replace(split.at.quote.as_str(), "");
    let (unchanged, missed) = apply(&reflow(&gone), &gone, &[split]);
    assert_eq!(unchanged, reflow(&gone));
    assert_eq!(missed.len(), 1);
    assert!(
        missed[0].reason.contains("no longer in the source"),
        "{}",
        missed[0].reason
    );
}

#[test]
fn corrections_reapply_to_a_different_reflow_of_the_same_source() {
    // A later reflow that, say, joined the first two paragraphs: a split made on the
    // old reading still finds its char; a join of what is already joined is reported.
    let base = reflow(SAMPLE);
    let outline = Outline::from_document(&base);
    let first = &outline.articles[0].sections[0].paragraphs[0];
    let join = fix(&base, SAMPLE, &[], Action::Join, first.start);
    let split = fix(&base, SAMPLE, &[], Action::Split, first.start + 4);
    let (newer, _) = apply(&base, SAMPLE, std::slice::from_ref(&join));
    let (after, missed) = apply(&newer, SAMPLE, &[split, join]);
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].index, 1);
    assert!(missed[0].reason.contains("no longer starts a block"));
    assert_eq!(
        after.articles[0].sections[0].paragraphs[0].chars().count(),
        4
    );
}

#[test]
fn corrections_are_stored_as_plain_json() {
    let c = Correction {
        action: Action::Mark(MarkKind::EndMatter),
        at: SourcePoint {
            line: 3,
            quote: "（新华社电）".into(),
            column: 0,
        },
    };
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"op":"mark","kind":"end-matter","at":{"line":3,"quote":"（新华社电）","column":0}}"#
    );
    assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
    let join = r#"{"op":"join","at":{"line":1,"quote":"x","column":2}}"#;
    assert_eq!(
        serde_json::from_str::<Correction>(join).unwrap().action,
        Action::Join
    );
}

mod properties;
