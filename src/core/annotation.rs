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

/// Most different tags one annotation may carry.
pub const MAX_TAGS: usize = 64;
/// Longest tag, in chars.
pub const MAX_TAG_CHARS: usize = 100;

/// Why a list of tags was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    #[error("tag {0:?} is empty; a tag needs at least one visible character")]
    Empty(String),
    #[error(
        "tag {tag:?} contains the control character {code}; a tag is one line of visible text"
    )]
    Control { tag: String, code: String },
    #[error("tag {start:?}… is {chars} characters long; a tag has at most {MAX_TAG_CHARS}")]
    TooLong { start: String, chars: usize },
    #[error("more than {MAX_TAGS} different tags on one annotation; an annotation has at most {MAX_TAGS}")]
    TooMany,
}

/// Whether `c` shows nothing by itself: whitespace, control characters and format characters
/// (zero-width spaces and joiners, bidirectional controls, the byte-order mark, soft hyphen).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Trim each tag, drop repeats (first one wins), and refuse blank tags, tags with control
/// characters (NUL, BEL, ESC, line breaks…), overlong tags and more than [`MAX_TAGS`] tags.
/// Linear in the number of tags.
pub fn clean_tags(tags: &[String]) -> Result<Vec<String>, TagError> {
    let mut seen = std::collections::HashSet::new();
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let trimmed = tag.trim();
        if let Some(c) = trimmed.chars().find(|c| c.is_control()) {
            return Err(TagError::Control {
                tag: tag.clone(),
                code: format!("U+{:04X}", c as u32),
            });
        }
        if trimmed.chars().all(is_invisible) {
            return Err(TagError::Empty(tag.clone()));
        }
        let chars = trimmed.chars().count();
        if chars > MAX_TAG_CHARS {
            return Err(TagError::TooLong {
                start: trimmed.chars().take(20).collect(),
                chars,
            });
        }
        if seen.insert(trimmed) {
            if clean.len() == MAX_TAGS {
                return Err(TagError::TooMany);
            }
            clean.push(trimmed.to_string());
        }
    }
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated_in_order() {
        assert_eq!(
            clean_tags(&tags(&[" 经济 ", "政治", "经济"])),
            Ok(tags(&["经济", "政治"]))
        );
    }

    #[test]
    fn tags_without_a_visible_character_are_refused() {
        for t in [
            "",
            "  ",
            "\u{200B}",
            "\u{200B}\u{200D}",
            "\u{202E}",
            "\u{FEFF}",
        ] {
            assert_eq!(
                clean_tags(&tags(&[t])),
                Err(TagError::Empty(t.into())),
                "{t:?}"
            );
        }
    }

    #[test]
    fn tags_with_control_characters_are_refused() {
        for (t, code) in [
            ("a\0b", "U+0000"),
            ("\u{7}", "U+0007"),
            ("a\x1b[31m", "U+001B"),
            ("a\rb", "U+000D"),
        ] {
            let err = clean_tags(&tags(&[t])).unwrap_err();
            assert_eq!(
                err,
                TagError::Control {
                    tag: t.into(),
                    code: code.into()
                }
            );
            assert!(err.to_string().contains(code));
        }
    }

    #[test]
    fn tag_count_and_length_are_capped() {
        let many: Vec<String> = (0..=MAX_TAGS).map(|i| format!("t{i}")).collect();
        assert_eq!(clean_tags(&many), Err(TagError::TooMany));
        assert_eq!(clean_tags(&many[..MAX_TAGS]).unwrap().len(), MAX_TAGS);
        // Repeats do not count against the cap.
        let repeated = vec!["同一".to_string(); 100_000];
        assert_eq!(clean_tags(&repeated), Ok(tags(&["同一"])));
        let long = "长".repeat(MAX_TAG_CHARS + 1);
        assert!(
            matches!(clean_tags(&[long]), Err(TagError::TooLong { chars, .. }) if chars == MAX_TAG_CHARS + 1)
        );
        assert!(clean_tags(&["长".repeat(MAX_TAG_CHARS)]).is_ok());
    }
}
