//! The evidence re-anchoring weighs: how much of the stored context a candidate place
//! still has, and how near it is to where the annotation was expected.

use super::{PROXIMITY_SCALE, PROXIMITY_WEIGHT};

pub(super) struct ExactHit {
    pub start: usize,
    pub distance: usize,
    pub full_context: bool,
}

pub(super) struct ExactScan {
    /// The best-scoring occurrence with enough evidence.
    pub best: Option<ExactHit>,
    /// All occurrences seen, with or without evidence, and the last of them.
    pub occurrences: usize,
    pub last: usize,
}

pub(super) struct Query<'q> {
    pub quote: &'q [char],
    pub prefix: &'q [char],
    pub suffix: &'q [char],
}

/// Bonus for being near the expected position: `PROXIMITY_WEIGHT` at distance 0, halving
/// at `PROXIMITY_SCALE`.
pub(super) fn proximity(distance: usize) -> f64 {
    PROXIMITY_WEIGHT / (1.0 + distance as f64 / PROXIMITY_SCALE)
}

/// Consecutive chars of the stored prefix (read backwards from the quote) and suffix that
/// the text around `[start, end)` still has.
pub(super) fn context_agreement(
    text: &[char],
    start: usize,
    end: usize,
    q: &Query,
) -> (usize, usize) {
    let before = text[..start].iter().rev();
    let pa = before
        .zip(q.prefix.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let sa = text[end..]
        .iter()
        .zip(q.suffix)
        .take_while(|(a, b)| a == b)
        .count();
    (pa, sa)
}

pub(super) fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

pub(super) fn common_prefix_rev(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
