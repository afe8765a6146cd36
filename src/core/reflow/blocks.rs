//! From lines to page elements: markers, bylines, end matter, heading-like blocks
//! (titles, subtitles, section headings) and body lines.

use super::chars::{ends_mid_sentence, ends_sentence};
use super::lines::Line;
use super::markers::{
    is_byline, is_editor_credit, is_end_matter, leading_marker, opens_end_matter, trailing_marker,
    Direction, Marker,
};
use super::paragraphs::join_lines;

#[derive(Debug, Clone)]
pub enum Elem {
    Marker(Marker),
    Byline(String),
    EndMatter(String),
    /// A short isolated block without sentence punctuation: a title (with its
    /// subtitle), or a section heading. `boundary`: what follows marks an article
    /// boundary (a 上接 marker, a byline, the end of the page). `title_like`: it carries
    /// a subtitle, or is one line as wide as the column (headings wrap narrower).
    Heading {
        title: String,
        subtitle: Option<String>,
        boundary: bool,
        title_like: bool,
        numbered: bool,
    },
    Body(Line),
}

/// A line, or a continuation marker split off a line (`Taken` once classified).
enum Piece {
    Marker(Marker),
    Line(Line),
    Taken,
}

/// Split continuation markers off the lines that carry them.
fn pieces(lines: Vec<Line>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some((marker, rest)) = leading_marker(line.raw()) {
            out.push(Piece::Marker(marker));
            if !rest.is_empty() {
                let mut tail = Line::new(rest, false, false);
                tail.column = line.column;
                out.push(Piece::Line(tail));
            }
        } else if let Some((body, marker)) = trailing_marker(line.raw()) {
            let mut head = Line::new(body, line.indented, line.blank_before);
            head.column = line.column;
            out.push(Piece::Line(head));
            out.push(Piece::Marker(marker));
        } else {
            out.push(Piece::Line(line));
        }
    }
    out
}

struct Classifier {
    pieces: Vec<Piece>,
    /// Does piece `i` begin a block (after a blank line, a marker, or the page start)?
    /// On pages without hard wrapping every line is a block of its own.
    starts: Vec<bool>,
    /// A hard-wrapped page with (almost) no blank lines: headings and titles stand out
    /// only by being short.
    blankless: bool,
    wrapped: bool,
    indents: bool,
    elems: Vec<Elem>,
}

/// Classify every line of the page. `wrapped`: the page is hard-wrapped into columns;
/// `indents`: the page marks paragraphs by indentation.
pub fn classify(lines: Vec<Line>, wrapped: bool, indents: bool) -> Vec<Elem> {
    let pieces = pieces(lines);
    let starts = (0..pieces.len())
        .map(|i| match &pieces[i] {
            Piece::Line(l) => {
                !wrapped || i == 0 || l.blank_before || !matches!(pieces[i - 1], Piece::Line(_))
            }
            _ => true,
        })
        .collect();
    let blanks = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Line(l) if l.blank_before))
        .count();
    let blankless = wrapped && blanks * 50 <= pieces.len();
    let mut c = Classifier {
        elems: Vec::with_capacity(pieces.len()),
        pieces,
        starts,
        blankless,
        wrapped,
        indents,
    };
    let mut i = 0;
    while i < c.pieces.len() {
        i = c.step(i);
    }
    c.elems
}

impl Classifier {
    fn line(&self, i: usize) -> Option<&Line> {
        match self.pieces.get(i) {
            Some(Piece::Line(l)) => Some(l),
            _ => None,
        }
    }

    fn starts_block(&self, i: usize) -> bool {
        self.starts.get(i).copied().unwrap_or(true)
    }

    /// Did the text before piece `i` finish (a sentence end, or a non-body element)?
    fn after_finished_text(&self) -> bool {
        match self.elems.last() {
            Some(Elem::Body(l)) => ends_sentence(&l.text) || !self.wrapped,
            _ => true,
        }
    }

    /// End of the block that starts at `i` (exclusive). On pages without hard wrapping a
    /// block is one line, plus a following `——` subtitle line.
    fn block_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        if !self.wrapped {
            let subtitle = self
                .line(j)
                .is_some_and(|l| l.text.starts_with("——") && !ends_sentence(&l.text));
            return j + usize::from(subtitle);
        }
        // A byline directly under a title ends the title's block. Headings are at most
        // three lines, so there is no need to walk a long block to its end.
        while j < self.pieces.len()
            && j <= i + MAX_HEADING_LINES
            && !self.starts_block(j)
            && !self.line(j).is_some_and(|l| is_byline(&l.text))
        {
            j += 1;
        }
        j
    }

    fn step(&mut self, i: usize) -> usize {
        let Some(line) = self.line(i) else {
            if let Piece::Marker(m) = std::mem::replace(&mut self.pieces[i], Piece::Taken) {
                self.elems.push(Elem::Marker(m));
            }
            return i + 1;
        };
        let fresh = self.starts_block(i) || !matches!(self.elems.last(), Some(Elem::Body(_)));
        if fresh && self.after_finished_text() && is_byline(&line.text) {
            let byline = Elem::Byline(line.text.clone());
            self.elems.push(byline);
            return i + 1;
        }
        if is_editor_credit(&line.text) {
            let credit = Elem::EndMatter(line.text.clone());
            self.elems.push(credit);
            return i + 1;
        }
        if let Some((text, next)) = self.end_matter_at(i) {
            self.elems.push(Elem::EndMatter(text));
            return next;
        }
        if let Some((elem, next)) = self.heading_at(i) {
            self.elems.push(elem);
            return next;
        }
        if let Piece::Line(line) = std::mem::replace(&mut self.pieces[i], Piece::Taken) {
            self.elems.push(Elem::Body(line));
        }
        i + 1
    }

    /// A parenthesised credit note, possibly over several lines of one block.
    fn end_matter_at(&self, i: usize) -> Option<(String, usize)> {
        let first = self.line(i)?;
        if !opens_end_matter(&first.text) || !(self.starts_block(i) || self.after_finished_text()) {
            return None;
        }
        let mut texts = vec![first.text.as_str()];
        let mut j = i + 1;
        while !texts.last().is_some_and(|t| t.ends_with(['）', ')'])) {
            let next = self.line(j).filter(|_| texts.len() < 6)?;
            if next.blank_before && self.wrapped && !ends_mid_sentence(texts.last()?) {
                return None;
            }
            texts.push(&next.text);
            j += 1;
        }
        let joined = join_lines(&texts);
        is_end_matter(&joined).then_some((joined, j))
    }

    /// A short isolated block without sentence punctuation: a title or a heading.
    /// Isolated by blank lines, or, on pages without them, a run of short lines after a
    /// finished sentence.
    fn heading_at(&self, i: usize) -> Option<(Elem, usize)> {
        if !self.after_finished_text() {
            return None;
        }
        let blank_isolated = self
            .starts_block(i)
            .then(|| self.heading_in(i, self.block_end(i), true))
            .flatten();
        let unisolated = || {
            // Not right after a marker: the text after an inline marker is short too.
            let after_marker = matches!(self.elems.last(), Some(Elem::Marker(_)));
            (self.blankless && !after_marker)
                .then(|| self.heading_in(i, self.short_run_end(i), false))
                .flatten()
        };
        blank_isolated.or_else(unisolated)
    }

    /// End of the run of short unfinished lines (at most three) starting at `i`: the
    /// lines of a heading set without blank lines around it.
    fn short_run_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < i + MAX_HEADING_LINES {
            match self.line(j) {
                Some(l)
                    if !self.starts_block(j)
                        && !is_byline(&l.text)
                        && !ends_sentence(&l.text)
                        && (l.text.starts_with("——")
                            || l.width <= UNISOLATED_HEADING * l.column) =>
                {
                    j += 1
                }
                _ => break,
            }
        }
        j
    }

    /// Is lines `i..end` a heading (or a title with its subtitle)? Without blank lines
    /// around it (`isolated` false) every title line must be short.
    fn heading_in(&self, i: usize, end: usize, isolated: bool) -> Option<(Elem, usize)> {
        if end - i > MAX_HEADING_LINES {
            return None;
        }
        let lines: Vec<&Line> = (i..end).map(|k| self.line(k)).collect::<Option<_>>()?;
        let split = lines
            .iter()
            .skip(1)
            .position(|l| l.text.starts_with("——"))
            .map_or(lines.len(), |p| p + 1);
        let (title, subtitle) = lines.split_at(split);
        if title.iter().chain(subtitle).any(|l| ends_sentence(&l.text))
            || ends_mid_sentence(&title.last()?.text)
            || (self.indents && title[0].indented)
        {
            return None;
        }
        let boundary = self.boundary_follows(end);
        let title_like = !subtitle.is_empty()
            || (isolated
                && self.wrapped
                && title.len() == 1
                && title[0].width >= title[0].column - 0.5);
        // Long titles are allowed where an article boundary follows (or, when blank
        // lines isolate them, where they look like titles).
        let strong = boundary || (isolated && title_like);
        let title_text = join_lines(&title.iter().map(|l| l.text.as_str()).collect::<Vec<_>>());
        let numbered = is_numbered(&title_text);
        // Headings are short; a numbered one (（二）…) may fill the column on all but
        // its last line. Titles followed by an article boundary may be long.
        let fits = |(k, l): (usize, &&Line)| {
            let limit = match (self.wrapped, isolated) {
                (true, true) => heading_limit(l),
                (true, false) => UNISOLATED_HEADING * l.column,
                (false, _) => 40.0,
            };
            let wrapped_numbered = numbered && k + 1 < title.len() && l.width <= l.column + 0.5;
            l.width <= limit || wrapped_numbered || (strong && l.width <= 3.0 * l.column.max(20.0))
        };
        if !title.iter().enumerate().all(fits) {
            return None;
        }
        let subtitle_text = (!subtitle.is_empty())
            .then(|| join_lines(&subtitle.iter().map(|l| l.text.as_str()).collect::<Vec<_>>()));
        Some((
            Elem::Heading {
                title: title_text,
                subtitle: subtitle_text,
                boundary,
                title_like,
                numbered,
            },
            end,
        ))
    }

    /// After piece `i`: the page ends (or its editor credit follows), or a new article
    /// starts (a 上接 marker, a byline).
    fn boundary_follows(&self, i: usize) -> bool {
        match self.pieces.get(i) {
            None => true,
            Some(Piece::Marker(m)) => m.direction == Direction::From,
            Some(Piece::Line(l)) => is_byline(&l.text) || is_editor_credit(&l.text),
            Some(Piece::Taken) => false,
        }
    }
}

/// Titles and headings wrap over at most this many lines.
const MAX_HEADING_LINES: usize = 3;

/// Without blank lines to isolate it, a heading line must be this much shorter than
/// its column, so that a paragraph's first line (two characters short) never passes.
const UNISOLATED_HEADING: f32 = 0.65;

/// The widest a heading line in a hard-wrapped column may be: clearly shorter than a
/// full line, and than a first line that lost its indent.
fn heading_limit(l: &Line) -> f32 {
    (0.8 * l.column).min(l.column - 3.0)
}

/// Headings numbered like （一）, 一、, 1. or 第一部分 are section headings, not titles.
pub fn is_numbered(title: &str) -> bool {
    let t = title.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(numeral),
        Some(c) if numeral(c) => {
            let rest: String = chars.take_while(|&c| numeral(c)).collect();
            let after = t.chars().nth(1 + rest.chars().count());
            matches!(after, Some('、' | '.' | '．'))
        }
        Some('第') => chars.next().is_some_and(numeral),
        _ => false,
    }
}
