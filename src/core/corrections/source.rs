//! Where the reading text came from: the source's lines, and which source characters
//! each block of the reading text is made of.
//!
//! The reflow only removes whitespace (extraction spaces, line breaks) and puts blocks
//! in reading order, so a block's non-space characters appear, in order and unbroken,
//! among the source's non-space characters. Finding them there ties every character of
//! the reading text to a source line, without asking the reflow how it got there: a
//! correction anchored to a source line is found again whatever reflow version or
//! correction came before it.

use super::draft::Draft;

/// The source's lines, their non-space characters run together.
pub struct SourceIndex {
    /// Each line as in the source (untrimmed).
    lines: Vec<String>,
    /// Non-space characters of the whole source, in order.
    chars: String,
    /// Byte offset in `chars` of each char (and the end), for converting `find` results.
    byte_of: Vec<usize>,
    /// For each char of `chars`: its line.
    line_of: Vec<usize>,
    /// For each line: the index in `chars` of its first char.
    line_start: Vec<usize>,
}

/// The non-space characters of a text.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

impl SourceIndex {
    pub fn new(source: &str) -> SourceIndex {
        let mut index = SourceIndex {
            lines: Vec::new(),
            chars: String::with_capacity(source.len()),
            byte_of: Vec::new(),
            line_of: Vec::new(),
            line_start: Vec::new(),
        };
        for (n, line) in source.split('\n').enumerate() {
            index.line_start.push(index.line_of.len());
            for c in line.chars().filter(|c| !c.is_whitespace()) {
                index.byte_of.push(index.chars.len());
                index.chars.push(c);
                index.line_of.push(n);
            }
            index.lines.push(line.to_string());
        }
        index.byte_of.push(index.chars.len());
        index
    }

    /// The line a source char is on, and its position among the line's non-space chars.
    pub fn line_and_column(&self, pos: usize) -> Option<(usize, usize)> {
        let line = *self.line_of.get(pos)?;
        Some((line, pos - self.line_start[line]))
    }

    pub fn line(&self, n: usize) -> Option<&str> {
        self.lines.get(n).map(String::as_str)
    }

    /// Index of the first non-space char of line `n` plus `column`, if the line has it.
    pub fn position(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.line_start.get(line)?;
        let end = self
            .line_start
            .get(line + 1)
            .copied()
            .unwrap_or(self.line_of.len());
        (start + column < end).then_some(start + column)
    }

    /// The line whose non-space text is `quote`'s, nearest to `near` (the line itself
    /// when it still matches): a changed file may have moved it.
    pub fn find_line(&self, quote: &str, near: usize) -> Option<usize> {
        let wanted = squeeze(quote);
        if wanted.is_empty() {
            return None;
        }
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| squeeze(l) == wanted)
            .map(|(n, _)| n)
            .min_by_key(|&n| n.abs_diff(near))
    }

    fn char_index(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|&b| b < byte)
    }

    /// Where `needle` (non-space chars) occurs: the first place at or after `from`, else
    /// the first place before it.
    fn find(&self, needle: &str, from: usize) -> Option<usize> {
        if needle.is_empty() {
            return None;
        }
        let from_byte = self.byte_of[from.min(self.byte_of.len() - 1)];
        if let Some(b) = self.chars[from_byte..].find(needle) {
            return Some(self.char_index(from_byte + b));
        }
        self.chars.find(needle).map(|b| self.char_index(b))
    }

    /// Give every block of the draft its `origin`, searching the source in reading order
    /// (so of two equal blocks, each finds its own copy).
    pub fn align(&self, draft: &mut Draft) {
        let mut cursor = 0;
        for article in &mut draft.articles {
            for block in &mut article.blocks {
                let needle = squeeze(&block.text);
                block.origin = match self.find(&needle, cursor) {
                    Some(start) => {
                        let n = needle.chars().count();
                        cursor = start + n;
                        Some((start..start + n).collect())
                    }
                    None => self.find_in_pieces(&needle, &mut cursor),
                };
            }
        }
    }

    /// A block whose lines are not one run of the source (a heading drawn twice and
    /// printed twice by the extractor; a title whose lines a subtitle stands between):
    /// its longest head found in the source, then the longest head of the rest, and so
    /// on. Pieces of one char are not trusted (they are found anywhere).
    fn find_in_pieces(&self, needle: &str, cursor: &mut usize) -> Option<Vec<usize>> {
        let chars: Vec<char> = needle.chars().collect();
        let mut origin = Vec::with_capacity(chars.len());
        let mut at = 0;
        let mut from = *cursor;
        while at < chars.len() {
            // The longest head of the rest that occurs (occurring is monotone in length).
            let (mut lo, mut hi) = (0, chars.len() - at);
            let mut found = None;
            while lo < hi {
                let mid = (lo + hi).div_ceil(2);
                let head: String = chars[at..at + mid].iter().collect();
                match self.find(&head, from) {
                    Some(p) => {
                        lo = mid;
                        found = Some(p);
                    }
                    None => hi = mid - 1,
                }
            }
            if lo < 2 && chars.len() - at > 1 {
                return None;
            }
            let head: String = chars[at..at + lo].iter().collect();
            let start = self.find(&head, from).or(found)?;
            origin.extend(start..start + lo);
            at += lo;
            from = start + lo;
        }
        *cursor = from;
        Some(origin)
    }
}
