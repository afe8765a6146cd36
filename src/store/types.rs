//! The values the store hands out and takes in.

use crate::core::outline::Outline;
use crate::core::source::SourceMeta;

/// A document's row id: stable for the life of the library.
pub type DocId = i64;

/// A document as stored: where it came from and its reading text with outline.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub id: DocId,
    pub source_path: String,
    /// sha256 hex of the decoded source text.
    pub content_hash: String,
    /// RFC 3339, UTC.
    pub imported_at: String,
    pub encoding: String,
    pub reflow_version: u32,
    /// `outline.text` is the reading text.
    pub outline: Outline,
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub id: DocId,
    /// The name the user gave it, else its first article's title, else its file name.
    pub title: String,
    pub articles: usize,
    pub chars: usize,
    pub source_path: String,
    pub annotations: usize,
    /// RFC 3339, UTC.
    pub imported_at: String,
    /// Where the page was printed (empty when not known).
    pub source: SourceMeta,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    New,
    /// The same content was already in the library.
    Unchanged,
    /// The text changed (same source path, or a newer reflow); annotations were re-anchored.
    Updated {
        kept: usize,
        moved: usize,
        check: usize,
        orphaned: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnnotation {
    pub document_id: DocId,
    pub start: usize,
    pub end: usize,
    pub color: u8,
    pub note: String,
    pub tags: Vec<String>,
}

/// A partial edit: `None` leaves the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationEdit {
    pub color: Option<u8>,
    pub note: Option<String>,
    pub tags: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadingPosition {
    pub article: usize,
    pub section: usize,
    pub scroll: f32,
}
