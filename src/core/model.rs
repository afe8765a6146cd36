//! The document model recovered from an extracted newspaper page.
//!
//! A page holds articles; an article holds sections; a section holds paragraphs.
//! All text here is already cleaned (wrapped lines joined, extraction spaces removed).

use serde::{Deserialize, Serialize};

/// One page (or any plain-text file) after reflow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub articles: Vec<Article>,
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
}

/// A run of paragraphs under one heading (the first section of an article usually has none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Document {
    /// Number of sections across all articles.
    pub fn section_count(&self) -> usize {
        self.articles.iter().map(|a| a.sections.len()).sum()
    }
}
