//! Escaping text for XML 1.0. Notes and tags come from users and other tools and may
//! hold characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF): those
//! are written as visible `\u{…}` escapes, as `controls` does for terminals.

use std::borrow::Cow;

/// Whether XML 1.0 can hold `c` (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn escape(s: &str, in_attribute: bool) -> Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r') || !is_xml_char(c) || {
            in_attribute && matches!(c, '"' | '\n' | '\t')
        }
    };
    if !s.chars().any(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            // A parser turns raw CR into LF, and raw LF or tab in an attribute into spaces.
            '\r' => out.push_str("&#13;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c if !is_xml_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` escaped for element content.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// `s` escaped for a double-quoted attribute value.
pub fn attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_line_breaks_are_escaped_where_a_parser_would_change_them() {
        assert_eq!(text("a < b & \"c\" > d"), "a &lt; b &amp; \"c\" &gt; d");
        assert_eq!(
            attr("say \"hi\"\nthen\tgo"),
            "say &quot;hi&quot;&#10;then&#9;go"
        );
        assert_eq!(text("one\ntwo\r\n"), "one\ntwo&#13;\n");
        assert_eq!(text("\u{1b}[2J\u{FFFE}"), "\\u{1b}[2J\\u{fffe}");
        assert!(matches!(text("普通 🙂 text"), Cow::Borrowed(_)));
    }
}
