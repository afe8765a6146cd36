//! The document as a flat list of blocks per article, the form corrections work on.
//!
//! A `Document` holds its text in typed fields (title, sections, end matter); moving a
//! block between them is awkward there. A `Draft` lists each article's blocks in
//! reading-text order (title, subtitle, byline, headings and paragraphs, end matter),
//! each with its kind, so a correction is a small edit of a list. `normalize` then
//! restores the order an article can hold, starting a new article where a block can no
//! longer belong to the one it is in (a title after a paragraph opens a new article).
//! Converting a document to a draft and back gives the same document.

use crate::core::model::{Article, Document, Section};

/// What a block of the reading text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Title,
    Subtitle,
    Byline,
    Heading,
    Paragraph,
    EndMatter,
}

impl BlockKind {
    /// Where in an article this kind may stand: an article's blocks never go down this
    /// order (headings and paragraphs share a rank: they alternate freely).
    fn rank(self) -> u8 {
        match self {
            BlockKind::Title => 1,
            BlockKind::Subtitle => 2,
            BlockKind::Byline => 3,
            BlockKind::Heading | BlockKind::Paragraph => 4,
            BlockKind::EndMatter => 5,
        }
    }
}

/// One line of the reading text, with where its characters came from in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The reflow was unsure of it (cleared once a correction touches the block: the
    /// reader has looked at it).
    pub uncertain: bool,
    /// For each non-space char of `text`, its index in the source's non-space chars
    /// (`None` where the block could not be found in the source).
    pub origin: Option<Vec<usize>>,
}

/// An article's blocks and what it has besides them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftArticle {
    pub blocks: Vec<Block>,
    pub continued_from_page: Option<u32>,
    pub continued_marker: Option<String>,
    pub uncertain: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub articles: Vec<DraftArticle>,
    pub page_furniture: Vec<String>,
}

fn block(kind: BlockKind, text: &str, uncertain: bool) -> Block {
    Block {
        kind,
        text: text.to_string(),
        uncertain,
        origin: None,
    }
}

impl Draft {
    pub fn from_document(doc: &Document) -> Draft {
        let articles = doc
            .articles
            .iter()
            .map(|a| {
                let mut blocks = Vec::new();
                let header = [
                    (BlockKind::Title, &a.title),
                    (BlockKind::Subtitle, &a.subtitle),
                    (BlockKind::Byline, &a.byline),
                ];
                for (kind, text) in header {
                    if let Some(t) = text {
                        blocks.push(block(kind, t, false));
                    }
                }
                for s in &a.sections {
                    if let Some(h) = &s.heading {
                        blocks.push(block(BlockKind::Heading, h, s.heading_uncertain));
                    }
                    for (i, p) in s.paragraphs.iter().enumerate() {
                        let unsure = s.uncertain_paragraphs.contains(&i);
                        blocks.push(block(BlockKind::Paragraph, p, unsure));
                    }
                }
                for e in &a.end_matter {
                    blocks.push(block(BlockKind::EndMatter, e, false));
                }
                DraftArticle {
                    blocks,
                    continued_from_page: a.continued_from_page,
                    continued_marker: a.continued_marker.clone(),
                    uncertain: a.uncertain,
                }
            })
            .collect();
        Draft {
            articles,
            page_furniture: doc.page_furniture.clone(),
        }
    }

    /// Split every article where its blocks leave the order an article can hold, and
    /// drop articles left with nothing at all.
    pub fn normalize(&mut self) {
        let mut out = Vec::with_capacity(self.articles.len());
        for article in std::mem::take(&mut self.articles) {
            let has_meta = article.continued_marker.is_some();
            let mut current = DraftArticle {
                blocks: Vec::new(),
                ..article.clone()
            };
            let mut rank = 0;
            for b in article.blocks {
                let r = b.kind.rank();
                // Titles, subtitles and bylines come once each; nothing goes back up.
                if r < rank || (r == rank && r < 4) {
                    out.push(std::mem::take(&mut current));
                }
                rank = r;
                current.blocks.push(b);
            }
            if !current.blocks.is_empty() || has_meta {
                out.push(current);
            }
        }
        out.retain(|a| !a.blocks.is_empty() || a.continued_marker.is_some());
        self.articles = out;
    }

    pub fn to_document(&self) -> Document {
        let articles = self.articles.iter().map(article_of).collect();
        Document {
            articles,
            page_furniture: self.page_furniture.clone(),
        }
    }

    /// Blocks in reading order with (article, index in article).
    pub fn positions(&self) -> impl Iterator<Item = (usize, usize, &Block)> {
        self.articles
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| a.blocks.iter().enumerate().map(move |(bi, b)| (ai, bi, b)))
    }
}

/// A normalized article's blocks dealt into the fields of an `Article`.
fn article_of(d: &DraftArticle) -> Article {
    let mut a = Article {
        continued_from_page: d.continued_from_page,
        continued_marker: d.continued_marker.clone(),
        uncertain: d.uncertain,
        ..Article::default()
    };
    for b in &d.blocks {
        let text = b.text.clone();
        match b.kind {
            BlockKind::Title => a.title = Some(text),
            BlockKind::Subtitle => a.subtitle = Some(text),
            BlockKind::Byline => a.byline = Some(text),
            BlockKind::Heading => a.sections.push(Section {
                heading: Some(text),
                heading_uncertain: b.uncertain,
                ..Section::default()
            }),
            BlockKind::Paragraph => {
                if a.sections.is_empty() {
                    a.sections.push(Section::default());
                }
                if let Some(s) = a.sections.last_mut() {
                    if b.uncertain {
                        s.uncertain_paragraphs.push(s.paragraphs.len());
                    }
                    s.paragraphs.push(text);
                }
            }
            BlockKind::EndMatter => a.end_matter.push(text),
        }
    }
    a
}
