//! Joining the wrapped lines of one paragraph (or title, heading, note) into one string.

use super::chars::{is_ideograph, is_latin_word_char, is_wide};

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
