//! The document model recovered from an extracted newspaper page.
//!
//! A page holds articles; an article holds sections; a section holds paragraphs.
//! All text here is already cleaned (wrapped lines joined, extraction spaces removed).

use serde::{Deserialize, Serialize};

/// One page (or any plain-text file) after reflow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub articles: Vec<Article>,
    /// Lines that belong to the page, not to an article: running heads and feet (paper
    /// name, date, 第5版, page name), page numbers, 责编 lines. Not part of the reading text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_furniture: Vec<String>,
}

/// One article in reading order. Fields a page lacks are `None` or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    /// Page this article continues from ("■上接第1版" gives `Some(1)`).
    pub continued_from_page: Option<u32>,
    /// The continuation marker exactly as printed, e.g. `■上接第 2 版`.
    pub continued_marker: Option<String>,
    pub sections: Vec<Section>,
    /// Credit and dateline lines after the body: （执笔记者：…）, （新华社北京7月5日电）, 下转第N版.
    pub end_matter: Vec<String>,
    /// The reflow was unsure where this article starts or what its title is.
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
}

impl Article {
    /// Does it hold at least one paragraph?
    pub fn has_body(&self) -> bool {
        self.sections.iter().any(|s| !s.paragraphs.is_empty())
    }

    /// Does it hold nothing at all (no deck, byline, marker, body or end matter)?
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.subtitle.is_none()
            && self.byline.is_none()
            && self.continued_marker.is_none()
            && self.end_matter.is_empty()
            && self.sections.is_empty()
    }
}

/// A run of paragraphs under one heading (the first section of an article usually has none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    /// The reflow was unsure this heading is a heading.
    #[serde(default, skip_serializing_if = "is_false")]
    pub heading_uncertain: bool,
    /// Indices into `paragraphs` whose start (the break before them, or a join inside
    /// them) the reflow was unsure of. Sorted, no duplicates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain_paragraphs: Vec<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Document {
    /// Number of sections across all articles.
    pub fn section_count(&self) -> usize {
        self.articles.iter().map(|a| a.sections.len()).sum()
    }
}
