//! The one place that says what a character is: Han ideographs, CJK punctuation,
//! sentence ends, closing and opening brackets, printed width, Latin word characters, and
//! grapheme clusters. Reflow, selection (`segment`) and the window all ask here, so they
//! cannot disagree (they did: `；` ended a sentence for selection but not for reflow).
//!
//! `；` does not end a sentence: it joins clauses of one sentence (as `，` does, only
//! stronger), which is how reflow has always read it.

use unicode_segmentation::UnicodeSegmentation;

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

/// Marks that Chinese fonts set a full em wide and Latin fonts half an em: curly quotes
/// and the dash (`width` counts them full). A line holding them measures only roughly.
pub fn width_varies_by_font(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '—')
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

/// Han ideographs: the unified blocks, compatibility ideographs, the supplementary
/// planes' extensions, and 〇.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{30000}'..='\u{323AF}' | '〇')
}

/// Closing quotes and brackets that may follow a sentence-final mark.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'' | '】'
    )
}

/// Opening quotes and brackets: the partners of [`is_closer`] (the ASCII quotes open and
/// close alike).
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '『' | '（' | '(' | '《' | '"' | '\'' | '【'
    )
}

/// Marks that may not begin a line, by the strict rules of Chinese typesetting (W3C
/// clreq 3.1.7): closing quotes and brackets, pause and stop marks, the dash and the
/// ellipsis (they belong to what they follow), and signs that belong to a number before
/// them. The ASCII quotes are left out: they open and close alike, so their side is unknown.
pub fn forbids_line_start(c: char) -> bool {
    (is_closer(c) && !matches!(c, '"' | '\'')) || NO_LINE_START.contains(c)
}

/// [`forbids_line_start`] beyond the closers: stops and pauses (full and half width), the
/// ellipsis, dash and middle dots, the brackets `is_closer` does not list, iteration marks,
/// and signs that follow a number.
const NO_LINE_START: &str = "。，、；：？！,.;:?!…‥—·・〕〉〗〙〛｝］]}〞〟々〻%％‰℃°";

/// Marks that may not end a line (clreq 3.1.7): opening quotes and brackets, which belong
/// to what comes after them. The ASCII quotes are left out, as in [`forbids_line_start`].
pub fn forbids_line_end(c: char) -> bool {
    (is_opener(c) && !matches!(c, '"' | '\'')) || "〔〈〖〘〚｛［[{〝".contains(c)
}

/// Which half of its em a full-width punctuation mark leaves blank in a Simplified
/// Chinese face: the blank half is what punctuation compression takes away (clreq 3.1.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlankHalf {
    /// Opening brackets and quotes sit in the right half of their em.
    Left,
    /// Closing brackets and quotes, and the pause and stop marks 。，、；： sit in the left.
    Right,
}

/// The blank half of a full-width mark, if it has one that may be compressed. `？！` are
/// left alone: they are set full width even beside other marks.
pub fn blank_half(c: char) -> Option<BlankHalf> {
    if c.is_ascii() {
        return None;
    }
    if forbids_line_end(c) {
        Some(BlankHalf::Left)
    } else if is_closer(c) || "。，、；：〕〉〗〙〛｝］".contains(c) {
        Some(BlankHalf::Right)
    } else {
        None
    }
}

/// Does the text open with a dash (`——`)? A deck line that does introduces the subtitle
/// (副题), never a title's wrapped second line or a head.
pub fn opens_with_dash(text: &str) -> bool {
    text.trim_start().starts_with('—')
}

/// The value of a circled number `①` to `⑳` (1 to 20); `None` for any other character.
pub fn circled_number(c: char) -> Option<u32> {
    ('\u{2460}'..='\u{2473}')
        .contains(&c)
        .then(|| c as u32 - 0x2460 + 1)
}

/// Marks that end a sentence: 。！？… and ASCII . ! ? (a `.` only where a caller has
/// ruled out a number or an abbreviation). Not `；`: see the module doc.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '.' | '!' | '?')
}

/// The last character of the line that is not a closing quote or bracket.
pub fn last_before_closers(line: &str) -> Option<char> {
    line.trim_end().chars().rev().find(|&c| !is_closer(c))
}

/// Does the line end a sentence: 。！？… (or ASCII . ! ?), optionally followed by
/// closing quotes or brackets?
pub fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end();
    if ends_in_decimal_point(line) {
        return false;
    }
    match last_before_closers(line) {
        Some(c) if is_sentence_end(c) => true,
        // A photo caption or dispatch ends with its credit: …（新华社记者 王五 摄）.
        Some('摄' | '电') => line.ends_with(['）', ')']),
        _ => false,
    }
}

/// Does the line end with a full stop 。 (closing quotes and brackets aside)? Titles,
/// headings and bylines never do.
pub fn ends_with_full_stop(line: &str) -> bool {
    last_before_closers(line) == Some('。')
}

/// Does the line end with a mark that says the sentence goes on (，、；：)?
pub fn ends_mid_sentence(line: &str) -> bool {
    matches!(
        line.trim_end().chars().last(),
        Some('，' | '、' | '；' | '：' | ',' | ';' | ':')
    ) || ends_in_decimal_point(line.trim_end())
}

/// `…占全院择期手术的31.` / `2%。`: a number broken at its decimal point. Chinese text
/// ends its sentences with 。, so an ASCII point right after a digit at the end of a
/// line is inside a number, not a full stop.
fn ends_in_decimal_point(line: &str) -> bool {
    let mut tail = line.chars().rev();
    tail.next() == Some('.')
        && tail
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Is the character part of a Latin word (for joining wrapped English lines)?
pub fn is_latin_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_wide(c)
}

/// The grapheme clusters (what a reader sees as one character: a letter with its accents,
/// a flag, a Hangul syllable from jamo, an emoji with its modifiers) that cover
/// `chars[lo..hi]`, as `[start, end)` char ranges, the first and last widened to whole
/// clusters. Extended grapheme clusters of Unicode (UAX #29), by `unicode-segmentation`.
pub fn clusters(chars: &[char], lo: usize, hi: usize) -> Vec<(usize, usize)> {
    // A cluster is rarely longer than a few chars; start far enough back to find the
    // boundary before `lo` (an emoji family with modifiers is about a dozen).
    const REACH: usize = 32;
    let from = lo.saturating_sub(REACH);
    let to = (hi + REACH).min(chars.len());
    let text: String = chars[from..to].iter().collect();
    let mut out = Vec::new();
    let mut start = from;
    for g in text.graphemes(true) {
        let end = start + g.chars().count();
        if end > lo && start < hi {
            out.push((start, end));
        }
        if end >= hi {
            break;
        }
        start = end;
    }
    out
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
    fn circled_numbers_have_their_values() {
        assert_eq!(circled_number('①'), Some(1));
        assert_eq!(circled_number('⑳'), Some(20));
        assert_eq!(circled_number('㉑'), None);
        assert_eq!(circled_number('1'), None);
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
        assert!(!ends_sentence("是的；"), "；: see the module doc");
        assert!(ends_mid_sentence("是的；"));
        // A number broken at its decimal point goes on in the next line.
        assert!(!ends_sentence("占全院择期手术的31."));
        assert!(ends_mid_sentence("占全院择期手术的31."));
        assert!(ends_sentence("It ended in 2024 at last."));
    }

    #[test]
    fn clreq_line_start_and_end_classes() {
        for c in "。，、；：？！）」』》〉”’…—%".chars() {
            assert!(forbids_line_start(c), "{c} may not start a line");
            assert!(!forbids_line_end(c), "{c} may end a line");
        }
        for c in "（「『《〈“‘【".chars() {
            assert!(forbids_line_end(c), "{c} may not end a line");
            assert!(!forbids_line_start(c), "{c} may start a line");
            assert_eq!(blank_half(c), Some(BlankHalf::Left));
        }
        for c in "中a1\"'".chars() {
            assert!(!forbids_line_start(c) && !forbids_line_end(c), "{c}");
        }
        assert_eq!(blank_half('。'), Some(BlankHalf::Right));
        assert_eq!(blank_half('”'), Some(BlankHalf::Right));
        assert_eq!(blank_half('？'), None);
        assert_eq!(blank_half(')'), None, "half-width marks have no blank half");
    }

    #[test]
    fn clusters_keep_flags_hangul_jamo_accents_and_emoji_whole() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        // Two regional indicators make one flag.
        let flags = chars("🇨🇳🇯🇵");
        assert_eq!(clusters(&flags, 0, 4), vec![(0, 2), (2, 4)]);
        assert_eq!(
            clusters(&flags, 1, 2),
            vec![(0, 2)],
            "widened to the whole flag"
        );
        // Conjoining jamo (L V T) make one syllable.
        let hangul = chars("\u{1100}\u{1161}\u{11A8}가");
        assert_eq!(clusters(&hangul, 0, 4), vec![(0, 3), (3, 4)]);
        let accented = chars("e\u{301}中👍🏽");
        assert_eq!(clusters(&accented, 0, 5), vec![(0, 2), (2, 3), (3, 5)]);
    }
}
