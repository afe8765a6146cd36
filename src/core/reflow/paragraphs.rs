//! Joining wrapped lines into paragraphs, and deciding where paragraphs break.

use super::chars::{ends_sentence, is_ideograph, is_latin_word_char, is_wide};
use super::lines::Line;

/// Join wrapped lines of one paragraph: CJK lines join with nothing between, Latin
/// lines with a space, and a word hyphenated at a line end is rejoined.
pub fn join_lines(lines: &[&str]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len()).sum());
    for line in lines {
        push_line(&mut out, line);
    }
    out
}

/// Append one wrapped line to a paragraph being built.
pub fn push_line(out: &mut String, line: &str) {
    let (Some(x), Some(y)) = (out.chars().last(), line.chars().next()) else {
        out.push_str(line);
        return;
    };
    if x == '-' && y.is_lowercase() && is_latin_word_char(y) {
        let before = out.chars().rev().nth(1);
        if before.is_some_and(|c| c.is_alphabetic() && !is_wide(c)) {
            out.pop();
            out.push_str(line);
            return;
        }
    }
    let latin_end = !is_wide(x) && (is_latin_word_char(x) || ",.;:!?)\"'".contains(x));
    let latin_start = is_latin_word_char(y) || "(\"'".contains(y);
    if latin_end && latin_start && mostly_latin(out) {
        out.push(' ');
    }
    out.push_str(line);
}

/// Is the tail of this text Latin script (so a line break in it was a space)?
fn mostly_latin(text: &str) -> bool {
    let tail = text.chars().rev().take(40);
    let (mut ideographs, mut letters) = (0, 0);
    for c in tail {
        if is_ideograph(c) {
            ideographs += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > ideographs
}

/// How a page sets its paragraphs, which decides what a line break means.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Hard-wrapped into a column (a line break is usually not a paragraph break).
    pub wrapped: bool,
    /// First lines are indented.
    pub indents: bool,
    /// Paragraphs are separated by blank lines (most clear paragraph ends are followed
    /// by one), so a blank line after a finished sentence is a paragraph break even
    /// when the line before it is full.
    pub blank_paragraphs: bool,
}

/// Does a new paragraph start at `next`, given the line before it? `prev_opens` says
/// `prev` is the first line of its paragraph, whose indent (lost in extraction) took
/// two characters of its column.
pub fn breaks_before(prev: &Line, prev_opens: bool, next: &Line, layout: Layout) -> bool {
    if !layout.wrapped {
        return true;
    }
    if layout.indents && next.indented {
        return true;
    }
    let finished = ends_sentence(&prev.text);
    if finished && next.text.starts_with("——") {
        return true;
    }
    let latin = prev.text.chars().last().is_some_and(|c| !is_wide(c)) && mostly_latin(&prev.text);
    if next.blank_before && latin {
        // Plain Latin text: blank lines separate paragraphs.
        return true;
    }
    if !finished {
        // A sentence running on: even across a blank line, which is then a column break.
        return false;
    }
    let indent = if prev_opens { 2.0 } else { 0.0 };
    if !prev.letter_spaced && prev.width <= prev.column - 1.5 - indent {
        return true;
    }
    // A full line that ends a sentence: a paragraph break only when the next line
    // looks like a first line that lost its indent (or, after a blank, is not full).
    if next.blank_before {
        // A full line after the blank cannot be a first line (its indent would have
        // taken two characters): the blank was a column break at a sentence end.
        let next_full = next.letter_spaced || next.width >= next.column - 0.5;
        !next_full && (layout.blank_paragraphs || next.is_short() || next.looks_like_first_line())
    } else {
        next.looks_like_first_line() && !ends_sentence(&next.text)
    }
}

/// Group a run of body lines into paragraphs.
pub fn paragraphs(lines: &[Line], layout: Layout) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut prev_opens = true;
    for (k, line) in lines.iter().enumerate() {
        let opens = k > 0 && breaks_before(&lines[k - 1], prev_opens, line, layout);
        if opens {
            out.push(std::mem::take(&mut current));
        }
        prev_opens = opens || k == 0;
        push_line(&mut current, &line.text);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_by_script() {
        assert_eq!(
            join_lines(&["发展的画卷，在壮阔行进中铺展；", "时代的荣光"]),
            "发展的画卷，在壮阔行进中铺展；时代的荣光"
        );
        assert_eq!(
            join_lines(&["The quick brown", "fox jumps"]),
            "The quick brown fox jumps"
        );
        assert_eq!(join_lines(&["a hyphen-", "ated word"]), "a hyphenated word");
        assert_eq!(join_lines(&["well-", "Known"]), "well-Known");
        assert_eq!(
            join_lines(&["呼和浩特市43", "家银企"]),
            "呼和浩特市43家银企"
        );
        assert_eq!(
            join_lines(&["参与记者：邓茜 宋盈 朱瑞", "卿 熊茂伶"]),
            "参与记者：邓茜 宋盈 朱瑞卿 熊茂伶"
        );
    }
}
