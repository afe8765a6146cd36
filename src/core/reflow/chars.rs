//! Character classes and printed width, the raw material of every reflow signal.

/// CJK ideographs (and kana/hangul, which behave the same in a column).
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF
        | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0x3005 | 0x3007)
}

/// Full-width punctuation as set in Chinese text: it never needs a space beside it.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '■' | '□'
        | '◆' | '●' | '▲' | '★' | '☆' | '○' | '◇')
}

/// Characters that take a full em in a printed column.
pub fn is_wide(c: char) -> bool {
    // Fast paths for the two commonest cases: ASCII, and the main ideograph block.
    let u = c as u32;
    if u < 0x80 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&u) {
        return true;
    }
    is_ideograph(c)
        || is_cjk_punct(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF | 0x3100..=0x31FF)
}

/// Printed width in ems: wide characters 1, everything else (ASCII digits and
/// letters, half-width punctuation) 0.5, spaces 0 (extraction spacing is not width).
pub fn width(s: &str) -> f32 {
    let mut halves = 0u32;
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        halves += if is_wide(c) { 2 } else { 1 };
    }
    halves as f32 / 2.0
}

/// Closing quotes and brackets that may follow a sentence-final mark.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'' | '】'
    )
}

/// Does the line end a sentence: 。！？… (or ASCII . ! ?), optionally followed by
/// closing quotes or brackets?
pub fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end();
    let mut rev = line.chars().rev().skip_while(|&c| is_closer(c));
    match rev.next() {
        Some('。' | '！' | '？' | '…' | '.' | '!' | '?') => true,
        // A photo caption or dispatch ends with its credit: …（新华社记者 王五 摄）.
        Some('摄' | '电') => line.ends_with(['）', ')']),
        _ => false,
    }
}

/// Does the line end with a mark that says the sentence goes on (，、；：)?
pub fn ends_mid_sentence(line: &str) -> bool {
    matches!(
        line.trim_end().chars().last(),
        Some('，' | '、' | '；' | '：' | ',' | ';' | ':')
    )
}

/// Is the character part of a Latin word (for joining wrapped English lines)?
pub fn is_latin_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_wide(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_ascii_as_half() {
        assert_eq!(width("国内游客 833.22万人次"), 4.0 + 3.0 + 3.0);
        assert_eq!(width("“去风险”"), 5.0);
        assert_eq!(width("  "), 0.0);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("全力推动各项工作提速提质提效。"));
        assert!(ends_sentence("想都别想。我们如果这么做，将制造全球危机。”"));
        assert!(ends_sentence("名参保职工……"));
        assert!(ends_sentence("It ended."));
        assert!(!ends_sentence("的新说辞。“脱钩”是赤裸裸的反华政治"));
        assert!(ends_sentence(
            "图为牧民在草场上放牧。（新华社记者 王五 摄）"
        ));
        assert!(!ends_sentence("（新华社北京7月5日"));
        assert!(ends_mid_sentence("生态安全屏障方面，到6月29日，"));
    }
}
