//! Annotations leaving (and re-entering) pizhu: Markdown for papers, CSV for
//! spreadsheets, W3C Web Annotation JSON-LD for other tools, REFI-QDA projects for
//! qualitative-analysis software.
//!
//! Everything here is pure: renderers take documents and annotations already read
//! from the store and return text; the importer takes text and returns typed records.
//! `crate::notes` does the reading and writing, for the window and the command line.

use std::path::Path;

use crate::core::annotation::{AnchorStatus, Annotation};
use crate::core::outline::Outline;
use crate::core::source::SourceMeta;

pub mod controls;
pub mod csv;
pub mod markdown;
pub mod qdpx;
pub mod qdpx_import;
pub mod w3c;
pub mod w3c_import;
pub mod xml;
pub mod xml_tree;

/// One document and the annotations to export from it.
#[derive(Debug, Clone, Copy)]
pub struct ExportDocument<'a> {
    pub id: i64,
    /// File name of `source_path`: what a reader recognises and cites.
    pub name: &'a str,
    pub source_path: &'a str,
    /// SHA-256 hex of the decoded source text; identifies the document across libraries.
    pub content_hash: &'a str,
    pub outline: &'a Outline,
    /// In any order; renderers sort them into reading order.
    pub annotations: &'a [Annotation],
    /// Where the page was printed, when known: cited in every format.
    pub source: Option<&'a SourceMeta>,
}

impl<'a> ExportDocument<'a> {
    /// Builds the view, taking the document's name from the last component of its path.
    pub fn new(
        id: i64,
        source_path: &'a str,
        content_hash: &'a str,
        outline: &'a Outline,
        annotations: &'a [Annotation],
    ) -> ExportDocument<'a> {
        let name = Path::new(source_path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(source_path);
        ExportDocument {
            id,
            name,
            source_path,
            content_hash,
            outline,
            annotations,
            source: None,
        }
    }

    /// The same view citing the page's source.
    pub fn with_source(self, source: &'a SourceMeta) -> ExportDocument<'a> {
        ExportDocument {
            source: Some(source),
            ..self
        }
    }

    /// `《人民日报》2025年1月2日 第5版`, when the source is known.
    pub fn citation(&self) -> Option<String> {
        self.source.and_then(SourceMeta::citation)
    }
}

/// The export formats, for menus and the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Csv,
    W3cJson,
    /// REFI-QDA project: a zip, not text.
    Qdpx,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Csv, Format::W3cJson, Format::Qdpx];

    /// Renders `docs` in this format. `color_names` is the user's codebook (colour 1 first).
    pub fn render(self, docs: &[ExportDocument], color_names: &[String]) -> Vec<u8> {
        match self {
            Format::Markdown => markdown::render(docs, color_names).into_bytes(),
            Format::Csv => csv::render(docs, color_names).into_bytes(),
            Format::W3cJson => w3c::render(docs, color_names).into_bytes(),
            Format::Qdpx => qdpx::render(docs, color_names),
        }
    }

    /// Whether the output is text (it can go to a terminal).
    pub fn is_text(self) -> bool {
        self != Format::Qdpx
    }

    /// File-name extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::W3cJson => "json",
            Format::Qdpx => "qdpx",
        }
    }

    /// Short label for a format picker.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::W3cJson => "W3C Web Annotation (JSON-LD)",
            Format::Qdpx => "REFI-QDA project (.qdpx)",
        }
    }
}

/// The codebook name of colour `color` (1-based), or a neutral label when the codebook
/// has no entry for it, so an export never fails over a missing name.
pub fn color_name(color_names: &[String], color: u8) -> String {
    usize::from(color)
        .checked_sub(1)
        .and_then(|i| color_names.get(i))
        .filter(|n| !n.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| format!("颜色 {color}"))
}

/// Where an annotation sits in its document's outline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'a> {
    pub annotation: &'a Annotation,
    /// (article, section) indices, `None` for orphans and offsets outside every article.
    pub place: Option<(usize, usize)>,
}

impl<'a> Placed<'a> {
    pub fn article_title(&self, outline: &'a Outline) -> Option<&'a str> {
        let (a, _) = self.place?;
        outline.articles.get(a).map(|a| a.display_title())
    }

    pub fn section_heading(&self, outline: &'a Outline) -> Option<&'a str> {
        let (a, s) = self.place?;
        let section = outline.articles.get(a)?.sections.get(s)?;
        section.heading.as_ref().map(|h| h.text.as_str())
    }

    pub fn continued_from_page(&self, outline: &Outline) -> Option<u32> {
        let (a, _) = self.place?;
        outline.articles.get(a)?.continued_from_page
    }
}

/// The document's annotations in reading order, each located in the outline.
/// Orphans (whose quote is no longer in the text) come last: their offsets are stale.
pub(crate) fn placed<'a>(doc: &ExportDocument<'a>) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed<'a>> = doc
        .annotations
        .iter()
        .map(|a| Placed {
            annotation: a,
            place: match a.status {
                AnchorStatus::Orphan => None,
                _ => doc.outline.locate(a.start),
            },
        })
        .collect();
    placed.sort_by(|x, y| {
        let (a, b) = (x.annotation, y.annotation);
        let orphan = |a: &Annotation| a.status == AnchorStatus::Orphan;
        (orphan(a), a.start, a.end, &a.id).cmp(&(orphan(b), b.start, b.end, &b.id))
    });
    placed
}

/// The fixture of the notes tests, unit and integration alike (small; public for them).
#[doc(hidden)]
pub mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_names_fall_back_to_a_label() {
        let names = vec!["重要".to_string(), " ".to_string()];
        assert_eq!(color_name(&names, 1), "重要");
        assert_eq!(color_name(&names, 2), "颜色 2");
        assert_eq!(color_name(&names, 6), "颜色 6");
        assert_eq!(color_name(&names, 0), "颜色 0");
    }

    #[test]
    fn name_is_the_file_name() {
        let outline = Outline {
            text: String::new(),
            articles: vec![],
            page_furniture: vec![],
        };
        let doc = ExportDocument::new(1, "/data/报纸/page-3.txt", "ab", &outline, &[]);
        assert_eq!(doc.name, "page-3.txt");
    }

    #[test]
    fn orphans_sort_last_and_have_no_place() {
        let f = fixture::Fixture::new();
        let doc = f.document();
        let placed = placed(&doc);
        let last = placed.last().unwrap();
        assert_eq!(last.annotation.status, AnchorStatus::Orphan);
        assert!(last.place.is_none());
        assert!(placed[..placed.len() - 1]
            .windows(2)
            .all(|w| w[0].annotation.start <= w[1].annotation.start));
    }
}
