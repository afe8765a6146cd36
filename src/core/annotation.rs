//! Annotations as the core sees them: a highlighted range of the reading text with
//! the quote that anchors it, a colour, tags and a note.

use serde::{Deserialize, Serialize};

/// How many chars of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Number of highlight colours (keys 1–6).
pub const COLOR_COUNT: u8 = 6;

/// Whether an annotation still sits on its quoted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// Offsets select the quote.
    #[default]
    Anchored,
    /// Moved by a fuzzy match after the text changed: the user should check it.
    Check,
    /// The quote was not found in the current text: kept, listed, not drawn.
    Orphan,
}

impl AnchorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Check => "check",
            AnchorStatus::Orphan => "orphan",
        }
    }

    pub fn parse(s: &str) -> Option<AnchorStatus> {
        match s {
            "anchored" => Some(AnchorStatus::Anchored),
            "check" => Some(AnchorStatus::Check),
            "orphan" => Some(AnchorStatus::Orphan),
            _ => None,
        }
    }
}

/// A stored annotation. Offsets are Unicode code points into the document's reading text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// UUID (v4), lower-case hyphenated.
    pub id: String,
    pub document_id: i64,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    /// 1..=COLOR_COUNT
    pub color: u8,
    /// Empty when the annotation has no note.
    pub note: String,
    pub tags: Vec<String>,
    /// UTC, RFC 3339.
    pub created: String,
    pub modified: String,
    pub status: AnchorStatus,
}
