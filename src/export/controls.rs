//! Control characters and bidirectional overrides in what pizhu writes for people: notes
//! and tags come from users and imported files, and may hold ESC sequences that repaint a
//! terminal, a CR that hides the start of a line, or U+202E that shows text reversed
//! ("Trojan Source"). Terminal output, Markdown and CSV show them as visible escapes
//! (`\u{1b}`) instead; line breaks and tabs stay where the format allows them.

use std::borrow::Cow;

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (C0, DEL, C1) and bidi control written as a visible
/// `\u{…}` escape, except those in `keep` (e.g. "\n\t" for multi-line output).
pub fn escape_controls<'a>(text: &'a str, keep: &str) -> Cow<'a, str> {
    let hostile = |c: char| (c.is_control() || is_bidi_control(c)) && !keep.contains(c);
    if !text.chars().any(hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_become_visible_escapes() {
        assert_eq!(escape_controls("safe\rEVIL", ""), "safe\\u{d}EVIL");
        assert_eq!(escape_controls("\x1b[2J\x07", ""), "\\u{1b}[2J\\u{7}");
        assert_eq!(escape_controls("abc\u{202E}fed", ""), "abc\\u{202e}fed");
        assert_eq!(
            escape_controls("\u{2066}x\u{2069}", ""),
            "\\u{2066}x\\u{2069}"
        );
        assert_eq!(escape_controls("\u{9b}31m", ""), "\\u{9b}31m");
        assert_eq!(escape_controls("一\n二\t三", "\n\t"), "一\n二\t三");
        assert!(matches!(
            escape_controls("普通文字 🙂", ""),
            Cow::Borrowed(_)
        ));
    }
}
