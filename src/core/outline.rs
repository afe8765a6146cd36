//! The reading text: one canonical string per document, and where every part of the
//! outline sits in it, as Unicode code-point (Rust `char`) offsets.
//!
//! Annotations point into this string, so its construction must never change for a
//! given `REFLOW_VERSION`: title, subtitle, byline, each section's heading and
//! paragraphs, then end matter, one per line, joined by `\n`, no trailing newline.

use serde::{Deserialize, Serialize};

use super::model::Document;

/// A piece of the reading text and its half-open char range `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    /// Absent from the stored outline, which keeps only offsets (see store::outline_json).
    #[serde(default)]
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The reflow was unsure of this piece (a heading that may be a paragraph, a
    /// paragraph break that may be a column break), so a reader may want to check it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionOutline {
    pub heading: Option<Located>,
    pub paragraphs: Vec<Located>,
}

impl SectionOutline {
    /// Char range covering the heading and every paragraph of this section.
    pub fn span(&self) -> (usize, usize) {
        let first = self.heading.as_ref().or(self.paragraphs.first());
        let last = self.paragraphs.last().or(self.heading.as_ref());
        match (first, last) {
            (Some(f), Some(l)) => (f.start, l.end),
            _ => (0, 0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleOutline {
    pub title: Option<Located>,
    pub subtitle: Option<Located>,
    pub byline: Option<Located>,
    pub continued_from_page: Option<u32>,
    pub continued_marker: Option<String>,
    pub sections: Vec<SectionOutline>,
    pub end_matter: Vec<Located>,
    /// The reflow was unsure where this article starts or which title is its own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
}

impl ArticleOutline {
    /// The title as a plain string, or a placeholder for untitled articles.
    pub fn display_title(&self) -> &str {
        self.title
            .as_ref()
            .map(|t| t.text.as_str())
            .unwrap_or("（无题）")
    }
}

/// A document laid out as reading text with offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    pub text: String,
    pub articles: Vec<ArticleOutline>,
    /// Running heads and feet, page numbers: shown apart, not part of `text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_furniture: Vec<String>,
}

/// Appends lines to the reading text while counting chars, so offsets are exact.
struct Builder {
    text: String,
    chars: usize,
}

impl Builder {
    fn push(&mut self, line: &str) -> Located {
        if !self.text.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        let start = self.chars;
        self.text.push_str(line);
        self.chars += line.chars().count();
        Located {
            text: line.to_string(),
            start,
            end: self.chars,
            uncertain: false,
        }
    }

    fn push_opt(&mut self, line: &Option<String>) -> Option<Located> {
        line.as_deref().map(|l| self.push(l))
    }
}

impl Outline {
    /// Lays a document out as reading text. Deterministic: same document, same text.
    pub fn from_document(doc: &Document) -> Outline {
        let mut b = Builder {
            text: String::new(),
            chars: 0,
        };
        let articles = doc
            .articles
            .iter()
            .map(|a| ArticleOutline {
                title: b.push_opt(&a.title),
                subtitle: b.push_opt(&a.subtitle),
                byline: b.push_opt(&a.byline),
                continued_from_page: a.continued_from_page,
                continued_marker: a.continued_marker.clone(),
                sections: a
                    .sections
                    .iter()
                    .map(|s| {
                        let mut heading = b.push_opt(&s.heading);
                        if let Some(h) = &mut heading {
                            h.uncertain = s.heading_uncertain;
                        }
                        let mut paragraphs: Vec<Located> =
                            s.paragraphs.iter().map(|p| b.push(p)).collect();
                        for &k in &s.uncertain_paragraphs {
                            if let Some(p) = paragraphs.get_mut(k) {
                                p.uncertain = true;
                            }
                        }
                        SectionOutline {
                            heading,
                            paragraphs,
                        }
                    })
                    .collect(),
                end_matter: a.end_matter.iter().map(|e| b.push(e)).collect(),
                uncertain: a.uncertain,
            })
            .collect();
        Outline {
            text: b.text,
            articles,
            page_furniture: doc.page_furniture.clone(),
        }
    }

    /// Total length of the reading text in chars.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// All sections in reading order as (article index, section index).
    pub fn section_refs(&self) -> Vec<(usize, usize)> {
        self.articles
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| (0..a.sections.len()).map(move |si| (ai, si)))
            .collect()
    }

    /// The article and section that contain char offset `pos`. An article's title,
    /// subtitle and byline belong to its first section, its end matter to its last.
    pub fn locate(&self, pos: usize) -> Option<(usize, usize)> {
        let mut found = None;
        for (ai, a) in self.articles.iter().enumerate() {
            let header_start = [&a.title, &a.subtitle, &a.byline]
                .into_iter()
                .flatten()
                .map(|l| l.start)
                .min();
            for (si, s) in a.sections.iter().enumerate() {
                let start = match (si, header_start) {
                    (0, Some(h)) => h,
                    _ => s.span().0,
                };
                if pos >= start {
                    found = Some((ai, si));
                }
            }
        }
        found
    }
}

/// Slice `text` by char offsets `[start, end)`. Out-of-range offsets are clamped.
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = indices.by_ref().nth(start).unwrap_or(text.len());
    let e = if end > start {
        indices.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    &text[s..e]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Article, Section};

    fn sample() -> Document {
        Document {
            articles: vec![Article {
                title: Some("标题".into()),
                byline: Some("□本报记者".into()),
                sections: vec![
                    Section {
                        heading: None,
                        paragraphs: vec!["第一段。".into(), "第二段。".into()],
                        ..Default::default()
                    },
                    Section {
                        heading: Some("（二）小标题".into()),
                        paragraphs: vec!["三。".into()],
                        ..Default::default()
                    },
                ],
                end_matter: vec!["（新华社电）".into()],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn offsets_select_their_text() {
        let o = Outline::from_document(&sample());
        assert_eq!(
            o.text,
            "标题\n□本报记者\n第一段。\n第二段。\n（二）小标题\n三。\n（新华社电）"
        );
        for a in &o.articles {
            for s in &a.sections {
                for p in s.paragraphs.iter().chain(s.heading.iter()) {
                    assert_eq!(char_slice(&o.text, p.start, p.end), p.text);
                }
            }
        }
        assert_eq!(o.char_len(), o.text.chars().count());
    }

    #[test]
    fn locate_finds_sections() {
        let o = Outline::from_document(&sample());
        assert_eq!(o.locate(0), Some((0, 0)));
        let heading = o.articles[0].sections[1].heading.as_ref().unwrap();
        assert_eq!(o.locate(heading.start), Some((0, 1)));
        assert_eq!(o.section_refs(), vec![(0, 0), (0, 1)]);
    }

    #[test]
    fn char_slice_clamps() {
        assert_eq!(char_slice("甲乙丙", 1, 2), "乙");
        assert_eq!(char_slice("甲乙丙", 2, 9), "丙");
        assert_eq!(char_slice("甲乙丙", 5, 9), "");
        assert_eq!(char_slice("甲乙丙", 2, 1), "");
    }
}
