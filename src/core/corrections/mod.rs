//! Corrections of the structure the reflow found: join, split, re-label, start or merge
//! an article, move a title. The reader makes them; the store keeps them as data.
//!
//! A correction is an action and a point of the *source* text (a line, its text, and a
//! char of it), never an offset into the reading text: the reading text is recomputed
//! as reflow(source) + corrections, so it moves when the reflow improves, when the file
//! is imported again changed, or when an earlier correction is undone; the source line
//! does not. Corrections apply in order, after the reflow, deterministically
//! ([`apply`]). One that no longer fits (its line is gone, its block changed) is
//! skipped and reported as [`NotApplied`]; it stays stored, never dropped.
//!
//! Every correction changes the reading text by line breaks and labels only (a join
//! keeps the script's joining rule: nothing between CJK, a space between Latin words),
//! except that a block marked page furniture leaves the reading text and a moved title
//! moves with its article. Annotations are then re-anchored by their quotes.

mod draft;
mod ops;
mod source;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use draft::BlockKind;
use draft::Draft;
use source::SourceIndex;

use super::model::Document;

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "op", content = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// Join the block before the point with the block at it.
    Join,
    /// Split the block at the point (the point starts the second half).
    Split,
    /// The block at the point starts a new article (a heading there becomes its title).
    NewArticle,
    /// The article starting at the point joins the one before (its title a heading).
    MergeArticle,
    /// The title at the point goes to the article below.
    TitleDown,
    /// The title at the point goes to the article above.
    TitleUp,
    /// The block at the point is this kind.
    Mark(MarkKind),
}

/// What a block can be marked as: a block kind, or page furniture (out of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    Title,
    Subtitle,
    Byline,
    Heading,
    Paragraph,
    EndMatter,
    Furniture,
}

impl MarkKind {
    pub const ALL: [MarkKind; 7] = [
        MarkKind::Title,
        MarkKind::Subtitle,
        MarkKind::Byline,
        MarkKind::Heading,
        MarkKind::Paragraph,
        MarkKind::EndMatter,
        MarkKind::Furniture,
    ];

    /// The name used on the command line and in stored corrections.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Title => "title",
            MarkKind::Subtitle => "subtitle",
            MarkKind::Byline => "byline",
            MarkKind::Heading => "heading",
            MarkKind::Paragraph => "paragraph",
            MarkKind::EndMatter => "end-matter",
            MarkKind::Furniture => "furniture",
        }
    }

    pub fn from_name(name: &str) -> Option<MarkKind> {
        MarkKind::ALL.into_iter().find(|k| k.name() == name)
    }

    fn block_kind(self) -> Option<BlockKind> {
        Some(match self {
            MarkKind::Title => BlockKind::Title,
            MarkKind::Subtitle => BlockKind::Subtitle,
            MarkKind::Byline => BlockKind::Byline,
            MarkKind::Heading => BlockKind::Heading,
            MarkKind::Paragraph => BlockKind::Paragraph,
            MarkKind::EndMatter => BlockKind::EndMatter,
            MarkKind::Furniture => return None,
        })
    }
}

impl Action {
    /// The name used on the command line and in listings.
    pub fn name(&self) -> String {
        match self {
            Action::Join => "join".into(),
            Action::Split => "split".into(),
            Action::NewArticle => "new-article".into(),
            Action::MergeArticle => "merge-article".into(),
            Action::TitleDown => "title-down".into(),
            Action::TitleUp => "title-up".into(),
            Action::Mark(k) => format!("mark {}", k.name()),
        }
    }
}

/// A char of the source: its line (0-based), the line's text when the correction was
/// made (to find it again if lines moved), and which of the line's non-space chars.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourcePoint {
    pub line: usize,
    pub quote: String,
    pub column: usize,
}

/// One correction as stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Correction {
    #[serde(flatten)]
    pub action: Action,
    pub at: SourcePoint,
}

/// A stored correction that did not apply this time, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotApplied {
    /// Its index in the list of corrections.
    pub index: usize,
    pub reason: String,
}

/// Why a correction cannot be made (or re-applied) where asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfit(pub String);

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unfit {}

/// The reflowed document with corrections applied, ready for more.
pub struct Corrector {
    source: SourceIndex,
    draft: Draft,
    not_applied: Vec<NotApplied>,
}

/// The document `base` (the reflow of `source`) with `corrections` applied in order,
/// and the corrections that did not fit.
pub fn apply(
    base: &Document,
    source: &str,
    corrections: &[Correction],
) -> (Document, Vec<NotApplied>) {
    let c = Corrector::new(base, source, corrections);
    (c.document(), c.not_applied)
}

impl Corrector {
    pub fn new(base: &Document, source: &str, corrections: &[Correction]) -> Corrector {
        let source = SourceIndex::new(source);
        let mut draft = Draft::from_document(base);
        source.align(&mut draft);
        let mut not_applied = Vec::new();
        for (index, c) in corrections.iter().enumerate() {
            if let Err(Unfit(reason)) = ops::apply(&mut draft, &source, c) {
                not_applied.push(NotApplied { index, reason });
            }
        }
        Corrector {
            source,
            draft,
            not_applied,
        }
    }

    pub fn document(&self) -> Document {
        self.draft.to_document()
    }

    pub fn not_applied(&self) -> &[NotApplied] {
        &self.not_applied
    }

    /// The correction `action` at char `offset` of the current reading text, checked to
    /// apply. For a split the offset is the caret; for a join, any char of the block to
    /// join with the next; for a title move, any char of the article; otherwise any
    /// char of the block (of the article, for a merge).
    pub fn correction_at(&self, action: Action, offset: usize) -> Result<Correction, Unfit> {
        let at = ops::point_for(&self.draft, &self.source, action, offset)?;
        let correction = Correction { action, at };
        let mut trial = self.draft.clone();
        ops::apply(&mut trial, &self.source, &correction)?;
        Ok(correction)
    }

    /// Apply one more correction (already checked by [`Corrector::correction_at`]).
    pub fn push(&mut self, correction: &Correction) -> Result<(), Unfit> {
        ops::apply(&mut self.draft, &self.source, correction)
    }
}

/// Which source char each char of a reading text came from, so an annotation can be
/// carried exactly from one set of corrections to another over the same source and
/// reflow (made, undone, redone): its words are the same source chars before and after.
pub struct SourceMap {
    text: Vec<char>,
    to_source: Vec<Option<usize>>,
    from_source: std::collections::HashMap<usize, usize>,
}

impl Corrector {
    pub fn source_map(&self) -> SourceMap {
        let mut map = SourceMap {
            text: Vec::new(),
            to_source: Vec::new(),
            from_source: std::collections::HashMap::new(),
        };
        for (n, (_, _, b)) in self.draft.positions().enumerate() {
            if n > 0 {
                map.text.push('\n');
                map.to_source.push(None);
            }
            let mut k = 0;
            for c in b.text.chars() {
                let src = if c.is_whitespace() {
                    None
                } else {
                    k += 1;
                    b.origin.as_ref().and_then(|o| o.get(k - 1).copied())
                };
                if let Some(s) = src {
                    map.from_source.entry(s).or_insert(map.text.len());
                }
                map.text.push(c);
                map.to_source.push(src);
            }
        }
        map
    }
}

impl SourceMap {
    /// The span of `to`'s text holding the same source chars as `[start, end)` of this
    /// text, in the same order and with nothing but whitespace between them; `None` when
    /// some char cannot be followed (then the usual re-anchoring by quote decides).
    pub fn carry(&self, to: &SourceMap, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut placed = Vec::new();
        for k in start..end.min(self.text.len()) {
            if self.text[k].is_whitespace() {
                continue;
            }
            let src = self.to_source[k]?;
            placed.push(*to.from_source.get(&src)?);
        }
        let (&first, &last) = (placed.first()?, placed.last()?);
        if placed.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        let squeeze = |t: &[char]| -> String { t.iter().filter(|c| !c.is_whitespace()).collect() };
        (squeeze(&to.text[first..=last]) == squeeze(&self.text[start..end.min(self.text.len())]))
            .then_some((first, last + 1))
    }
}
