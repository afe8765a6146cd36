//! The sample's articles set again in 74 other layouts (`pages_support::resets`): reflow
//! must recover titles, bylines, headings and paragraphs in each. These re-settings are
//! among the reflow model's training pages, so this checks that the model fits them;
//! generalisation to other papers is `tests/reflow_pages.rs`'s holdout split.

mod pages_support;

use pages_support::resets::{expected, layouts, render};
use pizhu::core::model::Document;
use pizhu::core::reflow::reflow;

/// Everything but the paragraphs; credit lines compared without spaces (a line wrapped
/// at the space between two names cannot say the space was there).
fn furniture(doc: &Document) -> Vec<String> {
    doc.articles
        .iter()
        .map(|a| {
            let headings: Vec<_> = a.sections.iter().map(|s| s.heading.clone()).collect();
            let end: Vec<String> = a.end_matter.iter().map(|e| e.replace(' ', "")).collect();
            format!(
                "{:?} {:?} {:?} {:?} {:?} {:?}",
                a.title, a.subtitle, a.byline, a.continued_from_page, end, headings
            )
        })
        .collect()
}

fn paragraphs(doc: &Document) -> Vec<&String> {
    doc.articles
        .iter()
        .flat_map(|a| a.sections.iter().flat_map(|s| &s.paragraphs))
        .collect()
}

#[test]
fn other_layouts_of_the_same_articles_reflow_to_the_same_structure() {
    let want = expected();
    let want_paragraphs = paragraphs(&want);
    let (mut found, mut total, mut whole_heads, mut count) = (0, 0, 0, 0);
    for layout in layouts() {
        let got = reflow(&render(&want, layout));
        let same = furniture(&got) == furniture(&want);
        if !same {
            eprintln!("{layout:?}: titles, bylines, headings or end matter differ");
        }
        whole_heads += usize::from(same);
        count += 1;
        let got_paragraphs = paragraphs(&got);
        found += want_paragraphs
            .iter()
            .filter(|p| got_paragraphs.contains(p))
            .count();
        total += want_paragraphs.len();
    }
    println!("{whole_heads}/{count} layouts with every title, byline, heading and end matter; {found}/{total} paragraphs exact");
    // Floors just under what reflow model 2 reaches (58/74 layouts, 98.7% of paragraphs
    // when written; the rule-based reflow 1 had 74/74 on these, its own tuning set,
    // and failed on other papers' pages). Some breaks
    // are undecidable (a sentence ending exactly at a line end, the next paragraph's
    // first line indistinguishable from a continuation).
    assert!(
        whole_heads * 100 >= count * 75,
        "{whole_heads}/{count} layouts whole"
    );
    assert!(
        found * 100 >= total * 97,
        "{found}/{total} paragraphs exact over all layouts"
    );
}
