//! Word, sentence and line boundaries for selecting text, in char offsets.
//!
//! Words: a run of Han characters is cut into words by jieba (a double-click on 风 in
//! “去风险” selects a word, not the clause); letters and digits form words as usual (with an
//! apostrophe between letters and a point or comma between digits); a run of whitespace, or
//! of one repeated punctuation mark (…… ——), is a unit of its own; every other char is
//! its own unit. A grapheme cluster (a letter with its accents, a flag, a Hangul syllable,
//! an emoji sequence) is never split. Character classes come from `core::charclass`.
//!
//! Only a window of text around the position is examined, so these calls cost the same on
//! a 100k-char text as on a line.

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::charclass::{self, is_closer, is_han, is_sentence_end};

/// Loading jieba's dictionary takes a noticeable moment; do it once, on first use.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Load jieba's dictionary now (about a quarter of a second in a release build), for
/// example on a background thread at startup, so that the first double-click does not wait.
pub fn preload() {
    LazyLock::force(&JIEBA);
}

/// How far from the position a run of one kind of text is followed. Longer runs are cut
/// there; a word boundary this far away does not affect the word at the position.
const WINDOW: usize = 256;

/// The word (or whitespace run, or punctuation mark) containing `pos`, as `[start, end)`.
/// A position at or past the end selects the last unit; an empty text gives `(0, 0)`.
pub fn word_at(text: &str, pos: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return (0, 0);
    }
    unit_at(&chars, pos.min(chars.len() - 1))
}

/// Where Ctrl+→ goes: past any whitespace (newlines included), then to the end of the
/// next word.
pub fn next_word_boundary(text: &str, pos: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = pos.min(chars.len());
    while pos < chars.len() && chars[pos].is_whitespace() {
        pos += 1;
    }
    if pos < chars.len() {
        pos = unit_at(&chars, pos).1;
    }
    pos
}

/// Where Ctrl+← goes: back over any whitespace, then to the start of the previous word.
pub fn prev_word_boundary(text: &str, pos: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = pos.min(chars.len());
    while pos > 0 && chars[pos - 1].is_whitespace() {
        pos -= 1;
    }
    if pos > 0 {
        pos = unit_at(&chars, pos - 1).0;
    }
    pos
}

/// Where each word (as [`word_at`] cuts them) begins: `chars.len() + 1` answers, true at
/// both ends. For breaking a headline between words rather than inside one.
pub fn word_starts(chars: &[char]) -> Vec<bool> {
    let mut starts = vec![false; chars.len() + 1];
    starts[0] = true;
    let mut i = 0;
    while i < chars.len() {
        let end = unit_at(chars, i).1.max(i + 1);
        starts[end] = true;
        i = end;
    }
    starts
}

/// Does a line break between `before` and `after` fall inside a word? The reflow asks
/// it of wrapped lines: a typesetter breaks a paragraph's lines anywhere, inside words
/// too, while a title, head or byline ends where its last word ends. The test: a word of
/// jieba's dictionary of two or three characters runs across the break (`街道用` /
/// `房改造`: 用房). Three lookups rather than a segmentation of the break's
/// surroundings: the reflow asks this of most lines that are not full, and a cut costs
/// many lookups' time.
///
/// `None` when the break is not between two Han characters (a mark, a digit or a letter
/// on either side): then there is no word to cut, and nothing to say.
pub fn break_cuts_word(before: &str, after: &str) -> Option<bool> {
    let mut left = before.char_indices().rev();
    let mut right = after.char_indices();
    let (Some((a, ca)), Some((_, cb))) = (left.next(), right.next()) else {
        return None;
    };
    if !is_han(ca) || !is_han(cb) {
        return None;
    }
    let b_end = cb.len_utf8();
    let mut word = String::with_capacity(12);
    let mut is_word = |from: usize, to: usize| {
        word.clear();
        word.push_str(&before[from..]);
        word.push_str(&after[..to]);
        JIEBA.has_word(&word)
    };
    if is_word(a, b_end) {
        return Some(true);
    }
    let before_a = left.next().filter(|&(_, c)| is_han(c));
    let after_b = right.next().filter(|&(_, c)| is_han(c));
    Some(
        before_a.is_some_and(|(i, _)| is_word(i, b_end))
            || after_b.is_some_and(|(i, c)| is_word(a, i + c.len_utf8())),
    )
}

/// The line containing `pos`, without its newline. A position on a newline belongs to the
/// line that newline ends.
pub fn line_at(text: &str, pos: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = line_bounds(&chars, pos.min(chars.len()));
    (start, end)
}

/// The sentence containing `pos`, within its line. A sentence ends after 。！？… or after
/// ? ! (and . before a space or the line end; `；` does not end one, see `charclass`), with any run of these and any closing quotes
/// or brackets that follow. Surrounding whitespace is left out unless `pos` is in it.
pub fn sentence_at(text: &str, pos: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let pos = pos.min(chars.len());
    let (line_start, line_end) = line_bounds(&chars, pos);
    let mut start = line_start;
    let mut i = line_start;
    while i < line_end {
        let end = sentence_end_after(&chars[..line_end], i);
        match end {
            Some(end) if pos < end => return trimmed(&chars, start, end, pos),
            Some(end) => {
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    trimmed(&chars, start, line_end, pos)
}

fn line_bounds(chars: &[char], pos: usize) -> (usize, usize) {
    let start = chars[..pos]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    let end = chars[pos..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |i| pos + i);
    (start, end)
}

/// If a sentence ends with the terminator at `i`, where the next one begins: after the
/// terminators, closers and whitespace that follow.
fn sentence_end_after(line: &[char], i: usize) -> Option<usize> {
    if !is_sentence_end(line[i]) {
        return None;
    }
    let mut j = i;
    while j < line.len() && is_sentence_end(line[j]) {
        j += 1;
    }
    // A full stop only ends a sentence before a space, a closer or the line end, so that
    // 3.5 and U.S.A stay whole; a run like "?." is decided by its first char.
    let only_full_stops = line[i..j].iter().all(|&c| c == '.');
    while j < line.len() && is_closer(line[j]) {
        j += 1;
    }
    if only_full_stops && j < line.len() && !line[j].is_whitespace() && line[j - 1] == '.' {
        return None;
    }
    while j < line.len() && line[j].is_whitespace() {
        j += 1;
    }
    Some(j)
}

/// `[start, end)` without leading and trailing whitespace, unless that would leave `pos` out.
fn trimmed(chars: &[char], start: usize, end: usize, pos: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if (s..=e).contains(&pos) {
        (s, e)
    } else {
        (start, end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Newline,
    Space,
    Han,
    Word,
    /// Punctuation, symbols, emoji: one unit per char, or per run of one repeated char.
    Other,
}

fn kind(c: char) -> Kind {
    if c == '\n' {
        Kind::Newline
    } else if c.is_whitespace() {
        Kind::Space
    } else if is_han(c) {
        Kind::Han
    } else if c.is_alphanumeric() || c == '_' {
        Kind::Word
    } else {
        Kind::Other
    }
}

/// A grapheme cluster: `[start, end)` and its first char's kind.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    start: usize,
    end: usize,
    base: char,
    kind: Kind,
}

/// The clusters covering `[lo, hi)`, widened to cluster boundaries.
fn clusters(chars: &[char], lo: usize, hi: usize) -> Vec<Cluster> {
    charclass::clusters(chars, lo, hi)
        .into_iter()
        .map(|(start, end)| Cluster {
            start,
            end,
            base: chars[start],
            kind: kind(chars[start]),
        })
        .collect()
}

/// Whether `c`, between the clusters `before` and `after`, holds a word together:
/// an apostrophe inside a Latin word (don't), a point or comma inside a number (3.5, 1,000).
fn joins_word(before: char, c: char, after: char) -> bool {
    match c {
        '\'' | '’' => before.is_alphabetic() && after.is_alphabetic() && !is_han(before),
        '.' | ',' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// The unit containing char `i` (which must be `< chars.len()`).
fn unit_at(chars: &[char], i: usize) -> (usize, usize) {
    let lo = i.saturating_sub(WINDOW);
    let hi = (i + WINDOW).min(chars.len());
    let cl = clusters(chars, lo, hi);
    // Group clusters into runs of one kind; return the run (or jieba word) holding `i`.
    let mut k = 0;
    while k < cl.len() {
        let mut end = k + 1;
        while end < cl.len() {
            let (prev, next) = (cl[end - 1], cl[end]);
            let same_run = match (cl[k].kind, next.kind) {
                (Kind::Space, Kind::Space) | (Kind::Han, Kind::Han) | (Kind::Word, Kind::Word) => {
                    true
                }
                (Kind::Word, Kind::Other) => cl
                    .get(end + 1)
                    .is_some_and(|after| joins_word(prev.base, next.base, after.base)),
                (Kind::Other, Kind::Other) => next.base == cl[k].base,
                _ => false,
            };
            if !same_run {
                break;
            }
            end += 1;
        }
        let (start, stop) = (cl[k].start, cl[end - 1].end);
        if (start..stop).contains(&i) {
            if cl[k].kind == Kind::Han {
                return han_word_at(chars, start, stop, i);
            }
            return (start, stop);
        }
        k = end;
    }
    // Unreachable for i < chars.len(): the clusters cover it. Fall back to the char itself.
    (i, i + 1)
}

/// The jieba word containing `i` within the Han run `[start, end)`.
fn han_word_at(chars: &[char], start: usize, end: usize, i: usize) -> (usize, usize) {
    let run: String = chars[start..end].iter().collect();
    let mut word_start = start;
    let mut pos = start;
    for token in JIEBA.cut(&run, true) {
        pos += token.chars().count();
        // jieba splits combining marks off as tokens of their own; keep them with the word.
        if pos > start && pos < end && !is_cluster_boundary(chars, pos) {
            continue;
        }
        if i < pos {
            return (word_start, pos);
        }
        word_start = pos;
    }
    // jieba covers its input; should it not, fall back to the single char.
    (i, i + 1)
}

/// Is there a grapheme cluster boundary before char `pos`?
fn is_cluster_boundary(chars: &[char], pos: usize) -> bool {
    charclass::clusters(chars, pos, pos + 1)
        .first()
        .is_none_or(|&(start, _)| start == pos)
}

#[cfg(test)]
mod tests;
