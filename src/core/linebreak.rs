//! Breaking a block of Chinese text into rows by the strict rules of the W3C "Requirements
//! for Chinese Text Layout" (clreq), and placing every char of each row: justification,
//! balanced headlines, and compression where two punctuation marks meet.
//!
//! Pure: the caller measures each char's advance (the window asks its font) and draws the
//! rows; here only widths and char indices are known.
//!
//! Where a row may end comes from Unicode line breaking (UAX #14, `unicode-linebreak`),
//! tightened by clreq: no row starts with a closing mark (charclass::forbids_line_start)
//! or ends with an opening one (charclass::forbids_line_end); `——` and `……` stay whole
//! (UAX #14 already keeps them, and neither may start a row); Latin words and numbers stay
//! whole (UAX #14). UAX #14 does not let a curly quote break from Chinese on either side
//! (its quotes are ambiguous); in Chinese their side is known, so there they are opened.
//!
//! When a forbidden break falls where the row is full, the row first tries to *push in*
//! (clreq 3.1.7): if the one mark that may not start the next row fits once the row's
//! punctuation gives up its blank halves, it stays on this row. Otherwise the row *pushes
//! out*: it ends at the last allowed break, and the short row is justified, first by
//! giving back the space that compression took, then by spreading the rest evenly.

use crate::core::charclass::{self, BlankHalf};

/// How a block's rows sit in the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Centre,
    End,
    /// Every row but the last fills the width, as Chinese paragraphs are printed.
    Justify,
}

/// How to set one block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting {
    pub align: Align,
    /// Split into rows of similar length instead of filling each row (headlines).
    pub balance: bool,
    /// Space before the first row's first char (a paragraph's 2-em indent).
    pub first_indent: f32,
    /// Set two adjacent punctuation marks in less than two ems (clreq 3.1.6).
    pub compress: bool,
    /// The em of the block's font: a mark counts as full width when its advance is near it.
    pub em: f32,
}

/// One row: chars `[start, end)` of the block, and where each is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Pen x of each char from the column's left edge, then the right edge of the last
    /// (`end - start + 1` values, never decreasing).
    pub xs: Vec<f32>,
}

/// Rows of `chars` (each `advances[i]` wide) set in a column `width` wide.
pub fn break_rows(chars: &[char], advances: &[f32], width: f32, setting: &Setting) -> Vec<Row> {
    rows_of(chars, advances, width, setting, None::<fn() -> Vec<bool>>)
}

/// [`break_rows`] for a balanced headline whose rows should end between words:
/// `word_starts` (`chars.len() + 1` answers: does a word begin before char i?) is asked
/// only when the headline wraps. Among the measures that give as few rows, the narrowest
/// whose breaks all fall between words wins; if none does, the narrowest.
pub fn break_rows_between_words(
    chars: &[char],
    advances: &[f32],
    width: f32,
    setting: &Setting,
    word_starts: impl FnOnce() -> Vec<bool>,
) -> Vec<Row> {
    rows_of(chars, advances, width, setting, Some(word_starts))
}

fn rows_of(
    chars: &[char],
    advances: &[f32],
    width: f32,
    setting: &Setting,
    word_starts: Option<impl FnOnce() -> Vec<bool>>,
) -> Vec<Row> {
    debug_assert_eq!(chars.len(), advances.len());
    if chars.is_empty() {
        return vec![Row {
            start: 0,
            end: 0,
            xs: vec![setting.first_indent],
        }];
    }
    let text = Text::new(chars, advances, setting);
    let mut ends = text.greedy_ends(width);
    if setting.balance && ends.len() > 1 {
        ends = text.balanced_ends(width, ends, word_starts.map(|f| f()));
    }
    let mut start = 0;
    let rows = ends.len();
    ends.iter()
        .enumerate()
        .map(|(i, &end)| {
            let last = i + 1 == rows || text.breaks[end] == Break::Mandatory;
            let row = text.place(start, end, width, last);
            start = end;
            row
        })
        .collect()
}

/// May a row end before a char?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    Never,
    Allowed,
    /// After a line feed.
    Mandatory,
}

/// `n + 1` answers for `n` chars: before each char, and at the end (always `Mandatory`).
pub fn opportunities(chars: &[char]) -> Vec<Break> {
    let text: String = chars.iter().collect();
    let mut breaks = vec![Break::Never; chars.len() + 1];
    let mut char_at_byte = text.char_indices().map(|(b, _)| b).enumerate();
    let mut index = |byte: usize| {
        char_at_byte
            .by_ref()
            .find(|&(_, b)| b == byte)
            .map_or(chars.len(), |(i, _)| i)
    };
    for (byte, kind) in unicode_linebreak::linebreaks(&text) {
        breaks[index(byte)] = match kind {
            unicode_linebreak::BreakOpportunity::Mandatory => Break::Mandatory,
            unicode_linebreak::BreakOpportunity::Allowed => Break::Allowed,
        };
    }
    for i in 1..chars.len() {
        if breaks[i] == Break::Mandatory {
            continue;
        }
        let (before, after) = (chars[i - 1], chars[i]);
        let curly = |c: char| matches!(c, '“' | '”' | '‘' | '’');
        if charclass::forbids_line_start(after) || charclass::forbids_line_end(before) {
            breaks[i] = Break::Never;
        } else if (curly(before) && charclass::is_wide(after))
            || (curly(after) && charclass::is_wide(before))
        {
            // A quote between Chinese chars: its side is known, and the checks above
            // have kept it with its words.
            breaks[i] = Break::Allowed;
        }
    }
    breaks[chars.len()] = Break::Mandatory;
    breaks
}

/// A block being set: its chars, widths, breaks and the compression between neighbours.
struct Text<'a> {
    chars: &'a [char],
    advances: &'a [f32],
    setting: &'a Setting,
    breaks: Vec<Break>,
    /// `squeeze[i]`: how much closer char `i` is set to char `i - 1` than their advances
    /// say (punctuation compression); 0 for `i == 0`.
    squeeze: Vec<f32>,
    /// `slack[i]`: how much of char `i`'s blank half is still there to give up when a row
    /// must shrink (push in).
    slack: Vec<f32>,
}

impl<'a> Text<'a> {
    fn new(chars: &'a [char], advances: &'a [f32], setting: &'a Setting) -> Text<'a> {
        let n = chars.len();
        let full = |i: usize| advances[i] >= setting.em * 0.9;
        let half =
            |i: usize| -> Option<BlankHalf> { charclass::blank_half(chars[i]).filter(|_| full(i)) };
        let mut squeeze = vec![0.0; n];
        let mut slack: Vec<f32> = (0..n)
            .map(|i| half(i).map_or(0.0, |_| advances[i] * 0.5))
            .collect();
        if setting.compress {
            for i in 1..n {
                // Facing blanks: `。”` `）、` `”“` `（“`. One blank between two marks is taken
                // away, the one of the first mark when it has one on its right.
                let (a, b) = (half(i - 1), half(i));
                let punct_b = b.is_some() || charclass::is_cjk_punct(chars[i]);
                if a == Some(BlankHalf::Right) && punct_b && full(i) {
                    squeeze[i] = slack[i - 1];
                    slack[i - 1] = 0.0;
                } else if b == Some(BlankHalf::Left)
                    && (a.is_some() || charclass::is_cjk_punct(chars[i - 1]))
                    && full(i - 1)
                {
                    squeeze[i] = slack[i];
                    slack[i] = 0.0;
                }
            }
        }
        Text {
            chars,
            advances,
            setting,
            breaks: opportunities(chars),
            squeeze,
            slack,
        }
    }

    /// Width of chars `[start, end)` set on one row (trailing spaces hang past the edge).
    fn natural(&self, start: usize, end: usize) -> f32 {
        let end = self.trimmed_end(start, end);
        (start..end)
            .map(|i| self.advances[i] - if i > start { self.squeeze[i] } else { 0.0 })
            .sum()
    }

    fn trimmed_end(&self, start: usize, mut end: usize) -> usize {
        while end > start && self.chars[end - 1].is_whitespace() {
            end -= 1;
        }
        end
    }

    /// What the row `[start, end)` can give up by compressing its marks' blank halves.
    fn shrinkable(&self, start: usize, end: usize) -> f32 {
        (start..end).map(|i| self.slack_in_row(i, start)).sum()
    }

    /// The blank half char `i` may give up in a row starting at `start`: not the blank
    /// before an opening mark that starts the row (the row's text would leave its edge).
    fn slack_in_row(&self, i: usize, start: usize) -> f32 {
        let opens = charclass::blank_half(self.chars[i]) == Some(BlankHalf::Left);
        if i == start && opens {
            0.0
        } else {
            self.slack[i]
        }
    }

    fn room(&self, start: usize, width: f32) -> f32 {
        if start == 0 {
            width - self.setting.first_indent
        } else {
            width
        }
    }

    /// Row ends filling each row as far as it goes (clreq's order: push in, then push out).
    fn greedy_ends(&self, width: f32) -> Vec<usize> {
        let n = self.chars.len();
        let mut ends = Vec::new();
        let mut start = 0;
        while start < n {
            let room = self.room(start, width);
            // The furthest end that fits, stopping at a mandatory break.
            let mut fit = start + 1;
            let mut used = self.advances[start];
            while fit < n && self.breaks[fit] != Break::Mandatory {
                let next = used + self.advances[fit] - self.squeeze[fit];
                let counted = if self.chars[fit].is_whitespace() {
                    used
                } else {
                    next
                };
                if counted > room + 0.01 {
                    break;
                }
                used = next;
                fit += 1;
            }
            let end = if fit == n || self.breaks[fit] != Break::Never {
                fit
            } else {
                self.forced_end(start, fit, room)
            };
            ends.push(end);
            start = end;
        }
        ends
    }

    /// The row from `start` is full at `fit`, where it may not end: push in the closing
    /// marks up to the next break if they fit once the row's marks are compressed, else
    /// push out to the last allowed break, else (one unbreakable run wider than the row)
    /// cut at `fit`.
    fn forced_end(&self, start: usize, fit: usize, room: f32) -> usize {
        let n = self.chars.len();
        let next = (fit + 1..=n).find(|&i| self.breaks[i] != Break::Never);
        let only_closing = |e: usize| {
            self.chars[fit..e]
                .iter()
                .all(|&c| charclass::forbids_line_start(c))
        };
        if let Some(next) = next.filter(|&e| e - fit <= 2 && only_closing(e)) {
            if self.natural(start, next) - self.shrinkable(start, next) <= room + 0.01 {
                return next;
            }
        }
        (start + 1..fit)
            .rev()
            .find(|&i| self.breaks[i] != Break::Never)
            .unwrap_or(fit)
    }

    /// The narrowest measure that still gives as many rows as `greedy`, so the rows come
    /// out of similar length and the last is not a lone char; with `words`, the narrowest
    /// such measure whose rows all end between words, if there is one.
    fn balanced_ends(
        &self,
        width: f32,
        greedy: Vec<usize>,
        words: Option<Vec<bool>>,
    ) -> Vec<usize> {
        let rows = greedy.len();
        let (mut lo, mut hi) = (width / rows as f32 * 0.5, width);
        let mut best = greedy;
        // Bisection to a tenth of a point: a dozen layouts of a short headline.
        while hi - lo > 0.1 {
            let mid = (lo + hi) * 0.5;
            let ends = self.greedy_ends(mid);
            if ends.len() <= rows {
                hi = mid;
                best = ends;
            } else {
                lo = mid;
            }
        }
        words
            .filter(|w| w.len() == self.chars.len() + 1)
            .and_then(|w| self.balanced_between_words(width, rows, &w))
            .unwrap_or(best)
    }

    /// `rows` rows that end only where a break is allowed and a word begins, with the
    /// longest row as short as can be (a small dynamic programme: headlines are short).
    fn balanced_between_words(
        &self,
        width: f32,
        rows: usize,
        words: &[bool],
    ) -> Option<Vec<usize>> {
        let n = self.chars.len();
        let mut stops: Vec<usize> = (1..n)
            .filter(|&i| words[i] && self.breaks[i] != Break::Never)
            .collect();
        stops.push(n);
        // best[j][k]: (longest row, previous stop) for j + 1 rows ending at stops[k].
        let mut best = vec![vec![None::<(f32, Option<usize>)>; stops.len()]; rows];
        for (k, &end) in stops.iter().enumerate() {
            let w = self.natural(0, end);
            if w <= self.room(0, width) + 0.01 {
                best[0][k] = Some((w, None));
            }
        }
        for j in 1..rows {
            for k in 0..stops.len() {
                for p in 0..k {
                    let Some((longest, _)) = best[j - 1][p] else {
                        continue;
                    };
                    let w = self.natural(stops[p], stops[k]);
                    if w > self.room(stops[p], width) + 0.01 {
                        continue;
                    }
                    let candidate = longest.max(w);
                    if best[j][k].is_none_or(|(b, _)| candidate < b) {
                        best[j][k] = Some((candidate, Some(p)));
                    }
                }
            }
        }
        let mut ends = vec![n];
        let (mut j, mut k) = (rows - 1, stops.len() - 1);
        best[j][k]?;
        while let Some((_, Some(p))) = best[j][k] {
            ends.push(stops[p]);
            (j, k) = (j - 1, p);
        }
        ends.reverse();
        (ends.len() == rows).then_some(ends)
    }

    /// Places the chars of row `[start, end)`.
    fn place(&self, start: usize, end: usize, width: f32, last: bool) -> Row {
        let room = self.room(start, width);
        let mut gaps: Vec<f32> = (start..end)
            .map(|i| if i > start { -self.squeeze[i] } else { 0.0 })
            .collect();
        let mut extra = room - self.natural(start, end);
        let justify = self.setting.align == Align::Justify && !last;
        if extra < 0.0 {
            // Pushed in (or a run too long to break): marks give up their blank halves,
            // each as much of its share as the row needs.
            let shrinkable = self.shrinkable(start, end);
            if shrinkable > 0.0 {
                let share = (-extra / shrinkable).min(1.0);
                for (k, i) in (start..end).enumerate() {
                    // A mark's blank half is on one side; taking it moves what follows.
                    let take = self.slack_in_row(i, start) * share;
                    let side = charclass::blank_half(self.chars[i]);
                    let at = if side == Some(BlankHalf::Left) {
                        k
                    } else {
                        k + 1
                    };
                    if let Some(g) = gaps.get_mut(at) {
                        *g -= take;
                    }
                    extra += take;
                }
            }
        } else if justify && extra > 0.0 {
            // Space goes first to the punctuation that compression had narrowed...
            for g in gaps.iter_mut().skip(1) {
                let back = (-*g).min(extra);
                *g += back;
                extra -= back;
            }
            // ...then evenly between chars, but never inside a Latin word or number.
            let trimmed = self.trimmed_end(start, end);
            let stretch: Vec<usize> = (start + 1..trimmed)
                .filter(|&i| self.stretches(i))
                .map(|i| i - start)
                .collect();
            if !stretch.is_empty() && extra > 0.0 {
                let each = extra / stretch.len() as f32;
                stretch.iter().for_each(|&k| gaps[k] += each);
                extra = 0.0;
            }
        }
        let lead = match self.setting.align {
            Align::Start | Align::Justify => 0.0,
            Align::Centre => (extra * 0.5).max(0.0),
            Align::End => extra.max(0.0),
        };
        let mut x = lead
            + if start == 0 {
                self.setting.first_indent
            } else {
                0.0
            };
        let mut xs = Vec::with_capacity(end - start + 1);
        for (k, i) in (start..end).enumerate() {
            x += gaps[k];
            xs.push(x);
            x += self.advances[i];
        }
        xs.push(x);
        Row { start, end, xs }
    }

    /// May the space before char `i` grow when a row is justified? Not inside a run of
    /// Latin letters or digits (a word or number keeps its spacing).
    fn stretches(&self, i: usize) -> bool {
        let (a, b) = (self.chars[i - 1], self.chars[i]);
        let latin = |c: char| !charclass::is_wide(c) && !c.is_whitespace();
        !(latin(a) && latin(b))
    }
}

#[cfg(test)]
#[path = "linebreak_tests.rs"]
mod tests;
