//! Reflow: from the lines of an extracted page to articles, sections and paragraphs.
//!
//! The pipeline, after the way GROBID reads scholarly PDFs (label every line with a
//! sequence model over layout features, then assemble):
//! 1. `lines`, `spacing`: split lines, drop the spaces extraction invented, measure each
//!    line's printed width and estimate the column it was set in;
//! 2. `pieces`: split continuation markers (■上接第1版, （下转第八版）) off their lines;
//! 3. `features`: observe each piece (fullness against its column, first and last
//!    characters, blank lines around, indent, recognisers for bylines, end matter and
//!    page furniture, position, block, whether the break before a line cuts a word,
//!    whether a short line's shortfall is the typesetter's, because the next line opens
//!    with what could not have been set at its end) and combine with the neighbours'
//!    observations;
//! 4. `model`: label every piece (title, subtitle, byline, heading, paragraph start,
//!    paragraph continuation, end matter, furniture) with a linear-chain model whose
//!    weights were learned from the page harness (`assets/reflow-model.txt`; retrain with
//!    `cargo run --release --example train_reflow`); Viterbi decoding, with a margin per
//!    piece that flags what the model was unsure of;
//! 5. `assemble`: runs of labels become elements; `repair` mends what a page's grammar
//!    rules out and one line at a time cannot see (a short bare line opening a paragraph
//!    that goes on is a head, a byline's wrapped rest, a subtitle's wrapped rest, a head
//!    that leaves a quote open, a paragraph interrupted by a title, a titles-after page's
//!    last title printed inside its body, a numbered line in the series of the heads
//!    around it (`numbered_heads`), a deck line in the title's face by its width or by
//!    the blank lines the extractor sets where the type size changes, a dash line under
//!    a title wrapped into its deck (`deck_lines`)); elements become articles;
//! 6. `title_match`: titles an extractor printed one after another before their
//!    side-by-side bodies are dealt back to the bodies that repeat their words, with
//!    the bylines printed stacked under them (`stacked_bylines`); a byline printed
//!    inside its article's body goes back to it (`displaced_bylines`).
//!
//! No rule names a particular page; what the rules of the old reflow knew (bylines,
//! markers, end matter) survives as features whose weight the training decides.

mod assemble;
pub(crate) mod bylines;
mod classes;
mod deck_lines;
mod displaced_bylines;
mod elements;
// The character classes moved to `core::charclass`; the old name keeps `super::chars` paths.
use crate::core::charclass as chars;
mod features;
mod head_repair;
mod line_repair;
mod lines;
pub(crate) mod markers;
mod model;
mod numbered_heads;
pub(crate) mod paragraphs;
mod pieces;
mod repair;
mod spacing;
mod stacked_bylines;
mod title_match;
mod title_repair;

use super::model::Document;
use crate::core::parallel;

pub use chars::width as printed_width;
pub use lines::Doubling;
pub use model::{Label, Model, Observation};

/// Bumped whenever reflow output can change for some input, so stored annotations
/// know their offsets were computed against an older reading text.
pub const REFLOW_VERSION: u32 = 21;

/// Recover the structure of a page. `text` has LF line ends.
pub fn reflow(text: &str) -> Document {
    reflow_with(text, Model::shipped())
}

/// Reflow with a given model (the trainer evaluates models it has not written yet).
pub fn reflow_with(text: &str, model: &Model) -> Document {
    let (pieces, obs) = observe(text);
    // Scored as observed: each piece's feature list lives only while it is scored.
    let scores = parallel::map_indexed(&pieces, |i, piece| {
        model.scores(&observation(&obs, i, piece, features::feature_ids))
    });
    let labels = model.decode_scores(&scores);
    assemble::assemble(pieces, &labels, model.unsure_margin)
}

/// A page made ready for labelling.
pub struct Prepared {
    pieces: Vec<pieces::Piece>,
    pub observations: Vec<Observation>,
}

impl Prepared {
    /// Each piece's cleaned text (a marker as printed), for aligning with a golden.
    pub fn texts(&self) -> Vec<&str> {
        self.pieces
            .iter()
            .map(|p| match p {
                pieces::Piece::Line(l) => l.text.as_str(),
                pieces::Piece::Marker(m) => m.printed.as_str(),
            })
            .collect()
    }
}

/// Split, clean and observe a page: everything before the model decides.
pub fn prepare(text: &str) -> Prepared {
    let (pieces, obs) = observe(text);
    let observations = parallel::map_indexed(&pieces, |i, piece| {
        observation(&obs, i, piece, features::features)
    });
    Prepared {
        pieces,
        observations,
    }
}

/// The page's pieces and what is observed of each.
fn observe(text: &str) -> (Vec<pieces::Piece>, Vec<features::Obs>) {
    let mut lines = lines::split_lines(text);
    lines::estimate_columns(&mut lines);
    let pieces = pieces::pieces(lines);
    let obs = features::observe(&pieces);
    (pieces, obs)
}

/// Piece `i` as the model sees it.
fn observation<F>(
    obs: &[features::Obs],
    i: usize,
    piece: &pieces::Piece,
    feature_ids: impl Fn(&[features::Obs], usize) -> F,
) -> Observation<F> {
    Observation {
        features: feature_ids(obs, i),
        forced: forced_label(piece),
        full_stop: piece
            .line()
            .is_some_and(|l| chars::ends_with_full_stop(&l.text)),
    }
}

/// Labels the grammar decides, not the model: continuation markers, and the two kinds
/// of page furniture no article line looks like (a running head with a full date and
/// weekday, an editor's credit such as 责任编辑：张三).
fn forced_label(piece: &pieces::Piece) -> Option<Label> {
    match piece {
        pieces::Piece::Marker(m) => Some(match m.direction {
            markers::Direction::From => Label::MarkerFrom,
            markers::Direction::To => Label::MarkerTo,
        }),
        pieces::Piece::Line(l) => (classes::is_running_head(&l.text)
            || markers::is_editor_credit(&l.text))
        .then_some(Label::Furniture),
    }
}

/// Debug view of the labelling: label, margin, printed width against the column
/// (`*` when drawn twice) and text of every piece, for tuning.
#[doc(hidden)]
pub fn debug_labels(text: &str, model: &Model) -> Vec<String> {
    let page = prepare(text);
    let labels = model.decode(&page.observations);
    page.pieces
        .iter()
        .zip(page.texts())
        .zip(&labels)
        .map(|((piece, t), (l, m))| {
            let shape = piece.line().map_or(String::new(), |line| {
                let twice = if line.drawn_twice { "*" } else { "" };
                format!("{:4.1}/{:4.1}{twice}", line.width, line.column)
            });
            format!("{:<11} {:6.1} {shape:<10} {t}", l.name(), m)
        })
        .collect()
}

#[cfg(test)]
mod tests;
