//! Reflow: from the lines of an extracted page to articles, sections and paragraphs.
//!
//! The pipeline: split lines and clean extraction spaces (`lines`, `spacing`), estimate
//! the column width around every line, split off continuation markers and classify
//! lines into page elements (`blocks`), then assemble articles (`assemble`), joining
//! body lines into paragraphs (`paragraphs`). No rule names a particular page.

mod assemble;
mod blocks;
pub(crate) mod chars;
mod lines;
pub(crate) mod markers;
pub(crate) mod paragraphs;
pub(crate) mod spacing;

use super::model::Document;

pub use chars::width as printed_width;

/// Bumped whenever reflow output can change for some input, so stored annotations
/// know their offsets were computed against an older reading text.
pub const REFLOW_VERSION: u32 = 1;

/// Recover the structure of a page. `text` has LF line ends.
pub fn reflow(text: &str) -> Document {
    let mut lines = lines::split_lines(text);
    lines::estimate_columns(&mut lines);
    let layout = paragraphs::Layout {
        wrapped: lines::is_hard_wrapped(&lines),
        indents: lines::uses_indents(&lines),
        blank_paragraphs: lines::uses_blank_paragraphs(&lines),
    };
    let elems = blocks::classify(lines, layout.wrapped, layout.indents);
    assemble::assemble(elems, layout)
}

/// Debug view of the line analysis (width, column estimate, flags), for tuning.
#[doc(hidden)]
pub fn debug_lines(text: &str) -> Vec<String> {
    let mut lines = lines::split_lines(text);
    lines::estimate_columns(&mut lines);
    lines
        .iter()
        .map(|l| {
            format!(
                "{:5.1} {:5.1} {}{}{} {}",
                l.width,
                l.column,
                if l.blank_before { 'B' } else { ' ' },
                if l.indented { 'I' } else { ' ' },
                if l.letter_spaced { 'L' } else { ' ' },
                l.text
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
