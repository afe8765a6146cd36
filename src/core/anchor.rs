//! Re-anchoring annotations when a document's reading text changes.
//!
//! An annotation remembers its range (a W3C `TextPositionSelector`) and its quote with up to
//! [`CONTEXT_CHARS`] chars of prefix and suffix (a `TextQuoteSelector`). When the reading text
//! changes, [`reanchor`] finds where the quote went, in this order:
//!
//! 1. the same offsets still hold the quote with its context → keep (`Anchored`);
//! 2. exact occurrences of the quote, scored by how much prefix/suffix agrees and how close they
//!    are to where the old position maps in the new text → move (`Anchored`), but only with
//!    enough evidence that it is the same passage (a short quote needs its context);
//! 3. a bounded-edit-distance match in small windows near the expected place and near where
//!    the prefix, suffix or the quote's own head and tail still occur → move and mark `Check`,
//!    only above a strict similarity;
//! 4. otherwise `Orphan`: the old offsets, clamped, and never a guess.
//!
//! All offsets are char (Unicode code point) offsets. Exact search is a linear substring search
//! over the whole text; edit distances run only in windows about the quote's length for short
//! quotes, and for long ones (a window table past [`seeded::WORK_CAP`] / windows cells) only
//! between exact seed chunks, with a hard cap on work per annotation (see `seeded`). So
//! re-anchoring hundreds of annotations in a 100k-char text stays in milliseconds, and a
//! 40,000-char quote after a one-char edit takes milliseconds too, not seconds.

mod evidence;
mod fuzzy;
mod seeded;

use std::cell::OnceCell;

use evidence::{
    common_prefix, common_prefix_rev, context_agreement, proximity, ExactHit, ExactScan, Query,
};

use crate::core::annotation::{AnchorStatus, CONTEXT_CHARS};

/// Where an annotation sits in the new text, and how sure we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reanchored {
    pub start: usize,
    pub end: usize,
    pub status: AnchorStatus,
}

/// The quote at `[start, end)` and up to [`CONTEXT_CHARS`] chars on each side, as
/// `(quote, prefix, suffix)`. Out-of-range or inverted offsets are clamped.
pub fn quote_context(text: &str, start: usize, end: usize) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    (
        chars[start..end].iter().collect(),
        chars[from..start].iter().collect(),
        chars[end..to].iter().collect(),
    )
}

/// Where an annotation was and what it quoted there: the W3C TextPositionSelector
/// (`start`, `end`, code points) and TextQuoteSelector (`quote` with its `prefix` and
/// `suffix` context) of one annotation, as re-anchoring reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextQuote<'a> {
    pub start: usize,
    pub end: usize,
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
}

/// Move one annotation from `old_text` to `new_text`. `old_text` may be empty when unknown
/// (imported annotations); the stored offsets then serve as the expected position.
///
/// For many annotations of one document, build a [`Reanchorer`] once instead.
pub fn reanchor(old_text: &str, new_text: &str, was: &TextQuote) -> Reanchored {
    Reanchorer::new(old_text, new_text).reanchor(was)
}

/// An exact match needs this many consecutive chars (quote plus agreeing context) to be
/// trusted as the same passage, unless all the stored context agrees.
const MIN_EVIDENCE_CHARS: usize = 16;
/// A unique exact occurrence of a quote at least this long is kept, marked `Check`, even when
/// its context has changed.
const MIN_UNIQUE_QUOTE_CHARS: usize = 8;
/// Fuzzy matches below this similarity (1 − edits / quote length, whitespace aside) are
/// never used.
pub const MIN_FUZZY_SIMILARITY: f64 = 0.8;
/// Agreeing context is worth a little more than closeness; this is the weight of being at
/// exactly the expected position, in chars of context.
const PROXIMITY_WEIGHT: f64 = 2.0;
/// Distance (chars) at which the proximity bonus has halved.
const PROXIMITY_SCALE: f64 = 64.0;
/// Exact searches look this many chars either side of the expected position before they
/// search the whole text.
const SEARCH_WINDOW: usize = 4096;
/// At most this many places are examined with edit distances per annotation.
const MAX_FUZZY_WINDOWS: usize = 8;

/// Re-anchors many annotations from one old text to one new text, sharing the work that
/// depends only on the texts (char tables, the unchanged head and tail of the text).
pub struct Reanchorer<'a> {
    new_text: &'a str,
    new_chars: Vec<char>,
    /// Byte offset of each char of the new text, and its byte length last, to turn search
    /// hits (bytes) into char offsets and windows (chars) into byte ranges.
    byte_starts: Vec<u32>,
    old_len: usize,
    /// Chars equal at the start of both texts (0 when the old text is unknown).
    same_head: usize,
    /// Chars equal at the end of both texts. Head and tail may overlap when the edit is
    /// ambiguous (inserting "ab" into "abab"): each alone proves its part of the text unchanged.
    same_tail: usize,
    old_known: bool,
    /// The new text without whitespace, for long quotes; built on first use.
    stripped: OnceCell<seeded::Stripped>,
}

impl<'a> Reanchorer<'a> {
    pub fn new(old_text: &str, new_text: &'a str) -> Reanchorer<'a> {
        let new_chars: Vec<char> = new_text.chars().collect();
        let byte_starts: Vec<u32> = new_text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(new_text.len()))
            .map(|b| u32::try_from(b).expect("reading text under 4 GiB"))
            .collect();
        let old_known = !old_text.is_empty();
        let (old_len, same_head, same_tail) = if old_known {
            let old_chars: Vec<char> = old_text.chars().collect();
            let head = common_prefix(&old_chars, &new_chars);
            let tail = common_prefix_rev(&old_chars, &new_chars);
            (old_chars.len(), head, tail)
        } else {
            (0, 0, 0)
        };
        Reanchorer {
            new_text,
            new_chars,
            byte_starts,
            old_len,
            same_head,
            same_tail,
            old_known,
            stripped: OnceCell::new(),
        }
    }

    /// See [`reanchor`].
    pub fn reanchor(&self, was: &TextQuote) -> Reanchored {
        let quote: Vec<char> = was.quote.chars().collect();
        let prefix: Vec<char> = was.prefix.chars().collect();
        let suffix: Vec<char> = was.suffix.chars().collect();
        let (start, end) = (was.start.min(was.end), was.start.max(was.end));
        let q = Query {
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        };

        if quote.is_empty() {
            return self.orphan_or_empty(start, end);
        }
        if let Some(kept) = self.still_in_place(start, end, &q) {
            return kept;
        }
        let expected = self.expected_position(start);
        if let Some(found) = self.exact(&q, expected) {
            return found;
        }
        if let Some(found) = self.fuzzy(&q, expected) {
            return found;
        }
        self.orphan(start, end)
    }

    /// The quote is where it was: the same offsets hold it and nothing says it is another copy
    /// (the range lies in the unchanged head of the text, or all stored context agrees), or the
    /// range lies in the unchanged tail and the quote is there, shifted by the length change.
    fn still_in_place(&self, start: usize, end: usize, q: &Query) -> Option<Reanchored> {
        let m = q.quote.len();
        let holds_quote = |at: usize| self.new_chars.get(at..at + m) == Some(q.quote);
        let kept = |start: usize| Reanchored {
            start,
            end: start + m,
            status: AnchorStatus::Anchored,
        };
        if end - start == m && holds_quote(start) {
            if self.old_known && end <= self.same_head {
                return Some(kept(start));
            }
            let (pa, sa) = context_agreement(&self.new_chars, start, end, q);
            if pa == q.prefix.len() && sa == q.suffix.len() {
                return Some(kept(start));
            }
        }
        if self.old_known && start >= self.old_len - self.same_tail && end <= self.old_len {
            let shifted = (start + self.new_chars.len()).checked_sub(self.old_len)?;
            if holds_quote(shifted) {
                return Some(kept(shifted));
            }
        }
        None
    }

    /// Where the old start offset most likely is in the new text.
    fn expected_position(&self, old_start: usize) -> usize {
        let new_len = self.new_chars.len();
        if !self.old_known {
            return old_start.min(new_len);
        }
        // Split the overlap of an ambiguous edit so that head and tail do not overlap.
        let tail = self
            .same_tail
            .min(self.old_len.min(new_len) - self.same_head);
        let old_changed_end = self.old_len - tail;
        let new_changed_end = new_len - tail;
        if old_start <= self.same_head {
            old_start
        } else if old_start >= old_changed_end {
            (old_start + new_len)
                .saturating_sub(self.old_len)
                .min(new_len)
        } else {
            // Inside the changed middle: scale linearly across it.
            let old_span = (old_changed_end - self.same_head).max(1) as f64;
            let new_span = (new_changed_end - self.same_head) as f64;
            let into = (old_start - self.same_head) as f64;
            self.same_head + (into * new_span / old_span).round() as usize
        }
    }

    /// The best exact occurrence of the quote among those with enough evidence of being the
    /// same passage; failing that, a lone occurrence of a longer quote, to be checked.
    fn exact(&self, q: &Query, expected: usize) -> Option<Reanchored> {
        let m = q.quote.len();
        let anchored = |start| Reanchored {
            start,
            end: start + m,
            status: AnchorStatus::Anchored,
        };
        // Look near the expected place first: a hit there with all its context agreeing
        // outscores any hit farther away, so the whole text need not be searched.
        let (from, to) = (
            expected.saturating_sub(SEARCH_WINDOW),
            expected + SEARCH_WINDOW,
        );
        let near = self.scan_exact(q, expected, from, to);
        if let Some(best) = near.best.filter(|b| b.full_context) {
            return Some(anchored(best.start));
        }
        let all = self.scan_exact(q, expected, 0, self.new_chars.len());
        match all.best {
            Some(best) => Some(anchored(best.start)),
            None if all.occurrences == 1 && m >= MIN_UNIQUE_QUOTE_CHARS => Some(Reanchored {
                start: all.last,
                end: all.last + m,
                status: AnchorStatus::Check,
            }),
            None => None,
        }
    }

    /// Score the quote's exact occurrences starting in `[from, to)`.
    fn scan_exact(&self, q: &Query, expected: usize, from: usize, to: usize) -> ExactScan {
        let m = q.quote.len();
        let mut scan = ExactScan {
            best: None,
            occurrences: 0,
            last: 0,
        };
        let mut best_score = f64::NEG_INFINITY;
        for start in self.occurrences(q.quote, from, to) {
            scan.occurrences += 1;
            scan.last = start;
            let (pa, sa) = context_agreement(&self.new_chars, start, start + m, q);
            let full_context = pa == q.prefix.len() && sa == q.suffix.len();
            if !full_context && m + pa + sa < MIN_EVIDENCE_CHARS {
                continue;
            }
            let distance = start.abs_diff(expected);
            let score = (pa + sa) as f64 + proximity(distance);
            let better = match &scan.best {
                None => true,
                Some(b) => score > best_score || (score == best_score && distance < b.distance),
            };
            if better {
                best_score = score;
                scan.best = Some(ExactHit {
                    start,
                    distance,
                    full_context,
                });
            }
        }
        scan
    }

    /// Char offsets of the occurrences of `needle` that start in `[from, to)`, overlapping
    /// ones included (a duplicated passage may overlap itself), in increasing order.
    fn occurrences(&self, needle: &[char], from: usize, to: usize) -> Vec<usize> {
        let n = self.new_chars.len();
        let (from, to) = (from.min(n), to.min(n));
        if needle.is_empty() || from >= to {
            return Vec::new();
        }
        let needle: String = needle.iter().collect();
        let first_byte = self.byte_starts[from] as usize;
        let last_byte = self.byte_starts[(to + needle.chars().count() - 1).min(n)] as usize;
        let hay = &self.new_text[..last_byte];
        let mut found = Vec::new();
        let mut byte = first_byte;
        while let Some(at) = hay[byte..].find(&needle) {
            let at = byte + at;
            let char_at = self.byte_starts.partition_point(|&b| (b as usize) < at);
            found.push(char_at);
            // Step one char past the match start so overlapping matches are found too.
            byte = self.byte_starts[char_at + 1] as usize;
        }
        found
    }

    /// A close, not exact, copy of the quote near a place where it is likely to be.
    fn fuzzy(&self, q: &Query, expected: usize) -> Option<Reanchored> {
        let m = q.quote.len();
        // Whitespace edits are free, so only the quote's other chars are evidence.
        let weight = q.quote.iter().filter(|c| !c.is_whitespace()).count();
        if weight == 0 {
            return None;
        }
        let slack = m / 4 + 8;
        let window_cells = m.saturating_mul(m + 2 * slack);
        let found: Vec<fuzzy::Match> = if window_cells <= seeded::WORK_CAP / MAX_FUZZY_WINDOWS {
            self.window_matches(q, expected, slack)
        } else {
            // Long quote: seeds and banded verification, bounded work (see `seeded`).
            let max_edits = ((1.0 - MIN_FUZZY_SIMILARITY) * weight as f64).floor() as usize;
            let stripped = self
                .stripped
                .get_or_init(|| seeded::Stripped::new(&self.new_chars));
            seeded::candidates(q.quote, stripped, max_edits)
                .into_iter()
                .map(|c| fuzzy::Match {
                    start: c.start,
                    end: c.end,
                    // An unverified candidate (work cap reached) counts as just similar enough.
                    edits: c.edits.min(max_edits),
                })
                .collect()
        };
        let mut best: Option<(fuzzy::Match, f64, usize)> = None; // (match, score, distance)
        for found in found {
            let similarity = 1.0 - found.edits as f64 / weight as f64;
            if similarity < MIN_FUZZY_SIMILARITY {
                continue;
            }
            let context = self.fuzzy_context_chars(found.start, found.end, q);
            let stored_context = q.prefix.len() + q.suffix.len();
            let all_context_agrees = stored_context > 0 && context == stored_context;
            let agreeing = weight.saturating_sub(found.edits) + context;
            if agreeing < MIN_EVIDENCE_CHARS && !all_context_agrees {
                continue;
            }
            let distance = found.start.abs_diff(expected);
            let score = agreeing as f64 + proximity(distance);
            let better = match &best {
                None => true,
                Some((_, s, d)) => score > *s || (score == *s && distance < *d),
            };
            if better {
                best = Some((found, score, distance));
            }
        }
        best.map(|(found, _, _)| Reanchored {
            start: found.start,
            end: found.end,
            status: AnchorStatus::Check,
        })
    }

    /// Best edit-distance matches in windows around the likely starts (short quotes).
    fn window_matches(&self, q: &Query, expected: usize, slack: usize) -> Vec<fuzzy::Match> {
        let m = q.quote.len();
        let mut out = Vec::new();
        for guess in self.likely_starts(q, expected) {
            let from = guess.saturating_sub(slack);
            let to = (guess + m + slack).min(self.new_chars.len());
            if from >= to {
                continue;
            }
            let Some(found) = fuzzy::best_substring(q.quote, &self.new_chars[from..to]) else {
                continue;
            };
            out.push(fuzzy::Match {
                start: found.start + from,
                end: found.end + from,
                ..found
            });
        }
        out
    }

    /// Candidate start positions for the fuzzy search: the expected position, right after the
    /// prefix, right before the suffix, and where the quote's head or tail still occurs —
    /// nearest to the expected position first, a few of each.
    fn likely_starts(&self, q: &Query, expected: usize) -> Vec<usize> {
        const PIECE: usize = 12;
        const PER_PIECE: usize = 3;
        let m = q.quote.len();
        let mut starts = vec![expected];
        let mut add = |piece: &[char], to_start: &dyn Fn(usize) -> Option<usize>| {
            if piece.len() < 2 {
                return;
            }
            let (from, to) = (
                expected.saturating_sub(SEARCH_WINDOW),
                expected + SEARCH_WINDOW,
            );
            let mut hits = self.occurrences(piece, from, to);
            if hits.is_empty() {
                hits = self.occurrences(piece, 0, self.new_chars.len());
            }
            let mut found: Vec<usize> = hits.into_iter().filter_map(to_start).collect();
            found.sort_by_key(|s| s.abs_diff(expected));
            starts.extend(found.into_iter().take(PER_PIECE));
        };
        let p_tail = &q.prefix[q.prefix.len().saturating_sub(PIECE)..];
        add(p_tail, &|at| Some(at + p_tail.len()));
        let s_head = &q.suffix[..q.suffix.len().min(PIECE)];
        add(s_head, &|at| at.checked_sub(m));
        if m >= 2 * PIECE {
            add(&q.quote[..PIECE], &|at| Some(at));
            add(&q.quote[m - PIECE..], &|at| (at + PIECE).checked_sub(m));
        }
        // Drop guesses whose windows would overlap one already taken.
        let mut kept: Vec<usize> = Vec::new();
        for s in starts {
            if kept.len() == MAX_FUZZY_WINDOWS {
                break;
            }
            if kept.iter().all(|k| k.abs_diff(s) > m / 8 + 2) {
                kept.push(s);
            }
        }
        kept
    }

    /// How many chars of stored context agree with the text around a fuzzy match, allowing
    /// edits (the match edges may be off by a char or two).
    fn fuzzy_context_chars(&self, start: usize, end: usize, q: &Query) -> usize {
        let before = &self.new_chars[start.saturating_sub(q.prefix.len())..start];
        let after = &self.new_chars[end..(end + q.suffix.len()).min(self.new_chars.len())];
        let p = q
            .prefix
            .len()
            .saturating_sub(fuzzy::edit_distance(q.prefix, before));
        let s = q
            .suffix
            .len()
            .saturating_sub(fuzzy::edit_distance(q.suffix, after));
        p + s
    }

    fn orphan(&self, start: usize, end: usize) -> Reanchored {
        let len = self.new_chars.len();
        Reanchored {
            start: start.min(len),
            end: end.min(len),
            status: AnchorStatus::Orphan,
        }
    }

    /// An empty quote carries nothing to search for: it stays if its offset still exists.
    fn orphan_or_empty(&self, start: usize, end: usize) -> Reanchored {
        if end <= self.new_chars.len() {
            Reanchored {
                start,
                end,
                status: AnchorStatus::Anchored,
            }
        } else {
            self.orphan(start, end)
        }
    }
}

#[cfg(test)]
mod tests;
