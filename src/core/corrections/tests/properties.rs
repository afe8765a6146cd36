//! No sequence of corrections loses an annotation or moves it to other words: each
//! annotation, carried from the reflowed text to the corrected text as the store does
//! (the source map, then the usual `Reanchorer` for what it cannot follow), lands on the
//! same source characters, anchored.

use proptest::prelude::*;

use super::super::draft::Draft;
use super::super::*;
use super::pages;
use crate::core::anchor::{quote_context, Reanchorer, TextQuote};
use crate::core::annotation::AnchorStatus;
use crate::core::outline::Outline;
use crate::core::reflow::reflow;

/// The actions a reader may take on annotated text (page furniture is refused where an
/// annotation lies: the store checks that, see `library::fix`).
const ACTIONS: [Action; 11] = [
    Action::Join,
    Action::Split,
    Action::NewArticle,
    Action::MergeArticle,
    Action::TitleDown,
    Action::TitleUp,
    Action::Mark(MarkKind::Title),
    Action::Mark(MarkKind::Subtitle),
    Action::Mark(MarkKind::Heading),
    Action::Mark(MarkKind::Paragraph),
    Action::Mark(MarkKind::EndMatter),
];

/// Source char of every non-space char in `[start, end)` of the draft's reading text.
fn source_chars(draft: &Draft, start: usize, end: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (_, _, b) in draft.positions() {
        let mut k = 0;
        for c in b.text.chars() {
            if (start..end).contains(&at) && !c.is_whitespace() {
                out.push(b.origin.as_ref().and_then(|o| o.get(k).copied()));
            }
            if !c.is_whitespace() {
                k += 1;
            }
            at += 1;
        }
        at += 1; // the line break
    }
    out
}

/// Spans inside single blocks, from fractions of the block list and of each block.
fn annotation_spans(text: &str, picks: &[(f64, f64, usize)]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        if n >= 4 {
            blocks.push((at, n));
        }
        at += n + 1;
    }
    picks
        .iter()
        .map(|&(which, from, len)| {
            let (start, n) = blocks[((which * blocks.len() as f64) as usize).min(blocks.len() - 1)];
            let s = ((from * n as f64) as usize).min(n - 2);
            (start + s, start + (s + len).min(n))
        })
        .collect()
}

fn check_page(page: &str, base: &Document, steps: &[(usize, f64)], picks: &[(f64, f64, usize)]) {
    let old = Corrector::new(base, page, &[]);
    let old_text = Outline::from_document(&old.document()).text;
    let spans = annotation_spans(&old_text, picks);
    let mut c = Corrector::new(base, page, &[]);
    for &(action, at) in steps {
        let len = Outline::from_document(&c.document()).char_len();
        let offset = (at * len as f64) as usize;
        if let Ok(correction) = c.correction_at(ACTIONS[action], offset) {
            c.push(&correction).expect("a checked correction applies");
        }
    }
    let new_text = Outline::from_document(&c.document()).text;
    let (old_map, new_map) = (old.source_map(), c.source_map());
    let reanchorer = Reanchorer::new(&old_text, &new_text);
    for (start, end) in spans {
        let (quote, prefix, suffix) = quote_context(&old_text, start, end);
        // As `library::replace_carrying` does: the source map first, then the quote.
        let found = match old_map.carry(&new_map, start, end) {
            Some((start, end)) => crate::core::anchor::Reanchored {
                start,
                end,
                status: AnchorStatus::Anchored,
            },
            None => reanchorer.reanchor(&TextQuote {
                start,
                end,
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix,
            }),
        };
        assert_eq!(found.status, AnchorStatus::Anchored, "«{quote}» lost");
        let was = source_chars(&old.draft, start, end);
        let now = source_chars(&c.draft, found.start, found.end);
        assert_eq!(was, now, "«{quote}» moved to other words");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_correction_loses_or_moves_an_annotation(
        page in 0usize..4,
        steps in proptest::collection::vec((0usize..ACTIONS.len(), 0.0f64..1.0), 1..12),
        picks in proptest::collection::vec((0.0f64..1.0, 0.0f64..1.0, 2usize..12), 1..8),
    ) {
        let all = pages();
        let source = &all[page];
        check_page(source, &reflow(source), &steps, &picks);
    }
}
