//! Reflow: from the lines of an extracted page to articles, sections and paragraphs.

use super::model::{Article, Document, Section};

/// Bumped whenever reflow output can change for some input, so stored annotations
/// know their offsets were computed against an older reading text.
pub const REFLOW_VERSION: u32 = 1;

/// Recover the structure of a page. `text` has LF line ends.
pub fn reflow(text: &str) -> Document {
    // Placeholder until the real reflow lands: blank-line paragraphs in one article.
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    Document {
        articles: vec![Article {
            sections: vec![Section { heading: None, paragraphs }],
            ..Default::default()
        }],
    }
}
