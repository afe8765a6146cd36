//! What the line labeller sees of each piece: a handful of small categorical
//! observations (how full the line is against its column, how it starts and ends, blank
//! lines around it, recognisers for bylines, end matter and page furniture, where it sits
//! on the page, whether the extraction printed it twice, what its shortfall says against
//! how the next line opens), and the feature templates that combine them with the
//! neighbours'.
//!
//! A feature is a template and a value, `end=stop` or `p:end|p:width=stop|minus2`; its id
//! is `template * VALUES + value`. Names exist so that the model file can be read by a
//! person; the labeller itself only ever sees ids.

use super::classes::{
    block_positions, byline_class, dateline_as_printed, end_class, furniture_class, len_bucket,
    page_kind, position, shortfall_class, start_class, width_bucket,
};
use super::lines::Line;
use super::markers::{is_editor_credit, is_end_matter, opens_end_matter, Direction};
use super::pieces::Piece;
use crate::core::parallel;
use crate::core::segment::break_cuts_word;

mod templates;
pub use templates::{feature_id, feature_ids, feature_name, features, TEMPLATE_COUNT};

/// Values a template may take (ids are `template * VALUES + value`).
pub const VALUES: usize = 1024;

/// One categorical observation of a piece: its name and value names.
struct Atom {
    name: &'static str,
    values: &'static [&'static str],
}

macro_rules! atoms {
    ($($id:ident = $name:literal [$($v:literal),*];)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        enum A { $($id),* }
        const ATOMS: &[Atom] = &[$(Atom { name: $name, values: &[$($v),*] }),*];
    };
}

atoms! {
    KIND = "kind" ["line", "from", "to", "none"];
    WIDTH = "width" ["full", "near", "minus2", "short", "half", "tiny", "over", "spaced", "-"];
    END = "end" ["stop", "mid", "dash", "closer", "han", "latin", "other", "credit", "-"];
    START = "start" ["han", "quote", "bracket", "dash", "digit", "latin", "ornament", "other", "label", "-"];
    BLANK = "blank" ["none", "before", "after", "both"];
    INDENT = "indent" ["no", "yes"];
    LEN = "len" ["1", "2", "3-4", "5-8", "9-14", "15-24", "25-40", "41+", "-"];
    STOPS = "stops" ["none", "comma", "stop"];
    BYLINE = "byline" ["no", "credit", "ornament-name", "short-han"];
    ENDM = "endm" ["no", "whole", "opens", "editor"];
    FURN = "furn" ["no", "date", "page", "paper", "number"];
    NUMBERED = "numbered" ["no", "yes"];
    QUOTED = "quoted" ["no", "yes"];
    POS = "pos" ["first", "head", "middle", "tail", "last"];
    BLOCK = "block" ["alone", "first", "middle", "last"];
    BLOCKLEN = "blocklen" ["1", "2", "3", "4-6", "7+"];
    SAMELEN = "samelen" ["no", "yes"];
    PAGE = "page" ["blanks", "blankless", "unwrapped"];
    OPENER = "opener" ["no", "dateline"];
    ORDER = "order" ["title-first", "body-first", "unclear"];
    RELW = "relw" ["shorter", "same", "longer", "-"];
    WORD = "word" ["whole", "cut", "-"];
    DRAWN = "drawn" ["once", "twice"];
    FALL = "fall" ["pushed", "indent", "short", "-"];
}

/// The observations of one piece, indexed by `A`.
#[derive(Clone, Copy, Debug)]
pub struct Obs([u8; ATOMS.len()]);

impl Obs {
    fn get(&self, a: A) -> usize {
        self.0[a as usize] as usize
    }
}

fn value_count(atom: A) -> usize {
    ATOMS[atom as usize].values.len()
}

/// Observe every piece of the page.
pub fn observe(pieces: &[Piece]) -> Vec<Obs> {
    let page = page_kind(pieces);
    let blocks = block_positions(pieces);
    let n = pieces.len();
    let char_counts: Vec<usize> = parallel::map_indexed(pieces, |_, p| {
        p.line().map_or(0, |l| l.text.chars().count())
    });
    // Each piece is observed alone (its neighbours only read): `parallel` splits the work.
    let mut obs: Vec<Obs> = parallel::map_indexed(pieces, |i, piece| {
        let mut o = [0u8; ATOMS.len()];
        let set = |o: &mut [u8; ATOMS.len()], a: A, v: usize| o[a as usize] = v as u8;
        set(&mut o, A::PAGE, page);
        set(&mut o, A::POS, position(i, n));
        let (block, block_len) = blocks[i];
        set(&mut o, A::BLOCK, block);
        set(&mut o, A::BLOCKLEN, block_len);
        let blank_after = pieces
            .get(i + 1)
            .is_some_and(|p| p.line().is_some_and(|l| l.blank_before));
        match piece {
            Piece::Marker(m) => {
                let kind = if m.direction == Direction::From { 1 } else { 2 };
                set(&mut o, A::KIND, kind);
                for a in [
                    A::WIDTH,
                    A::END,
                    A::START,
                    A::LEN,
                    A::RELW,
                    A::WORD,
                    A::FALL,
                ] {
                    set(&mut o, a, value_count(a) - 1);
                }
                set(&mut o, A::BLANK, 2 * usize::from(blank_after));
            }
            Piece::Line(l) => {
                observe_line(&mut o, l, char_counts[i], blank_after);
                let prev = i.checked_sub(1).and_then(|k| pieces[k].line());
                let same = prev.is_some() && char_counts[i - 1] == char_counts[i];
                set(&mut o, A::SAMELEN, usize::from(same));
                set(
                    &mut o,
                    A::RELW,
                    relative_width(l.width, prev.map(|p| p.width)),
                );
                set(&mut o, A::WORD, word_at_break(prev, l));
                let next = pieces.get(i + 1).and_then(Piece::line);
                set(&mut o, A::FALL, shortfall_class(l, next));
            }
        }
        Obs(o)
    });
    let order = page_order(&obs);
    for o in &mut obs {
        o.0[A::ORDER as usize] = order as u8;
    }
    obs
}

/// Does the page print titles before their bodies or after them? Decided once per page
/// from its two ends (running heads, credits and end matter set aside): a page that
/// opens with a title-like line (short, no sentence punctuation, not indented, not a
/// byline) and closes with body text is title-first; one that opens with body text, a
/// byline or a marker and closes with a title-like line prints titles after bodies.
/// Anything else is left to the other features (`unclear`).
fn page_order(obs: &[Obs]) -> usize {
    let content = |o: &&Obs| o.get(A::KIND) == 0 && o.get(A::FURN) == 0 && o.get(A::ENDM) == 0;
    let title_like = |o: &Obs| {
        o.get(A::STOPS) == 0
            && (2..=6).contains(&o.get(A::LEN))
            && o.get(A::INDENT) == 0
            && o.get(A::BYLINE) == 0
            && !matches!(o.get(A::END), 0 | 1 | 7)
    };
    let first = obs.iter().find(content).is_some_and(title_like);
    let last = obs.iter().rev().find(content).is_some_and(title_like);
    match (first, last) {
        (true, false) => 0,
        (false, true) => 1,
        _ => 2,
    }
}

fn observe_line(o: &mut [u8; ATOMS.len()], l: &Line, chars: usize, blank_after: bool) {
    let mut set = |a: A, v: usize| o[a as usize] = v as u8;
    let text = l.text.as_str();
    set(A::KIND, 0);
    set(A::WIDTH, width_bucket(l));
    set(A::END, end_class(text));
    set(A::START, start_class(text));
    set(
        A::BLANK,
        usize::from(l.blank_before) + 2 * usize::from(blank_after),
    );
    set(A::INDENT, usize::from(l.indented));
    set(A::LEN, len_bucket(chars));
    let inner: &str = text
        .char_indices()
        .last()
        .map_or("", |(last, _)| &text[..last]);
    let stops = if inner.contains(['。', '！', '？']) {
        2
    } else if inner.contains(['，', '、', '；']) {
        1
    } else {
        0
    };
    set(A::STOPS, stops);
    set(A::BYLINE, byline_class(text));
    let endm = if is_editor_credit(text) {
        3
    } else if is_end_matter(text) {
        1
    } else if opens_end_matter(text) {
        2
    } else {
        0
    };
    set(A::ENDM, endm);
    set(A::FURN, furniture_class(text));
    set(A::NUMBERED, usize::from(super::markers::is_numbered(text)));
    let quoted = text.starts_with(['“', '「', '《']) && text.ends_with(['”', '」', '》']);
    set(A::QUOTED, usize::from(quoted));
    set(A::OPENER, usize::from(dateline_as_printed(text)));
    set(A::DRAWN, usize::from(l.drawn_twice));
}

/// Does the break between `prev` and `line` cut a word: `whole`, `cut`, or `-` (no line
/// before, one that fills its column, or no Han character on one side of the break). A
/// full line's break says little (paragraphs wrap anywhere), and asking the dictionary at
/// every line would cost a fifth of the reflow's speed; what the question tells apart is
/// a short line that ends an element (a title, a head) from one that only looks short (an
/// indented first line, a title wrapped early).
fn word_at_break(prev: Option<&Line>, line: &Line) -> usize {
    match prev {
        Some(p) if (2..=5).contains(&width_bucket(p)) => {
            break_cuts_word(&p.text, &line.text).map_or(2, usize::from)
        }
        _ => 2,
    }
}

/// A line's printed width against the line before it: `shorter`, `same` (within one
/// em), `longer`, or `-` when there is no line before it.
fn relative_width(width: f32, prev: Option<f32>) -> usize {
    match prev {
        None => 3,
        Some(p) if width < p - 1.0 => 0,
        Some(p) if width > p + 1.0 => 2,
        Some(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_patterns() {
        assert_eq!(furniture_class("2025年1月2日 星期四"), 1);
        assert_eq!(furniture_class("第5版"), 2);
        assert_eq!(furniture_class("人民日报"), 3);
        assert_eq!(furniture_class("5"), 4);
        assert_eq!(furniture_class("■上接第1版"), 0);
        assert_eq!(furniture_class("今年以来，全区社会消费品零售总额增长"), 0);
    }
}
