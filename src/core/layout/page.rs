//! What layout analysis reads: the glyphs and rules of one printed page, in page
//! coordinates. Plain data, so `core` never names a PDF library; `ingest::pdf` fills it.

use std::sync::Arc;

/// One drawn character. Coordinates are PDF points with the origin at the page's top-left
/// corner and y growing downwards, so "above" means a smaller `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge of the glyph box.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in points (the height of the em square on the page).
    pub size: f32,
    /// Advance width in points (0 when the font does not say).
    pub width: f32,
    /// Font name as the PDF gives it, subset prefix (`ABCDEF+`) included.
    pub font: Arc<str>,
    /// The font itself is heavy (weight ≥ 600 or a bold name).
    pub bold: bool,
    /// Drawn by stroking its outline: fake bold (render mode 2 arrives as a fill and a
    /// stroke of the same glyph) or outline text.
    pub stroked: bool,
    /// Unicode text of the glyph (usually one character, more for ligatures).
    pub text: String,
}

/// A straight line drawn on the page (a rule between articles or under a running head),
/// as the box it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 > self.y1 - self.y0
    }
}

/// One page of glyphs and rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// Font name without the subset tag a PDF writer puts in front (`ABCDEF+SimSun` → `SimSun`).
pub fn strip_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// A font name that says the face is heavy.
pub fn name_is_heavy(name: &str) -> bool {
    let lower = strip_subset_prefix(name).to_ascii_lowercase();
    [
        "bold", "heavy", "black", "semibold", "demibold", "-demi", "-w7", "-w8", "-w9",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_prefixes_are_stripped_only_when_they_are_tags() {
        assert_eq!(strip_subset_prefix("ABCDEF+SimSun"), "SimSun");
        assert_eq!(strip_subset_prefix("SimSun"), "SimSun");
        assert_eq!(strip_subset_prefix("Abcdef+SimSun"), "Abcdef+SimSun");
        assert!(name_is_heavy("QWERTY+FZXiaoBiaoSong-B05S-Bold"));
        assert!(!name_is_heavy("QWERTY+SimSun"));
    }
}
