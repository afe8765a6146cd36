//! Markdown for pasting into a paper: documents → articles → sections in reading
//! order, each annotation a blockquote of its quote followed by colour, tags, note and
//! a locator a reader can cite.
//!
//! All user text is escaped so that a note reading `# heading` or `- item` stays a
//! note, and multi-line notes stay inside their list item (CommonMark).

use std::fmt::Write;

use crate::core::annotation::AnchorStatus;

use super::{color_name, placed, ExportDocument, Placed};

/// Renders every document's annotations as one Markdown file.
pub fn render(docs: &[ExportDocument], color_names: &[String]) -> String {
    let mut out = String::from("# 批注\n");
    for doc in docs {
        render_document(&mut out, doc, color_names);
    }
    // Notes, tags and titles may carry ESC, CR or bidi overrides: shown, not obeyed.
    match super::controls::escape_controls(&out, "\n\t") {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

fn render_document(out: &mut String, doc: &ExportDocument, color_names: &[String]) {
    let _ = write!(out, "\n## {}\n", escape_line(doc.name));
    let placed = placed(doc);
    if placed.is_empty() {
        out.push_str("\n（没有批注）\n");
        return;
    }
    let mut current: Option<Option<(usize, usize)>> = None;
    for p in &placed {
        let (article, section) = match p.place {
            Some(place) => place,
            None => (usize::MAX, usize::MAX),
        };
        let previous = current.flatten();
        if current != Some(p.place) {
            match p.place {
                None => out.push_str("\n### 未能定位的批注（原文已改，引文不在当前文本中）\n"),
                Some(_) => {
                    if previous.map(|(a, _)| a) != Some(article) {
                        let title = p.article_title(doc.outline).unwrap_or_default();
                        let _ = write!(out, "\n### {}\n", escape_line(title));
                    }
                    if let Some(heading) = p.section_heading(doc.outline) {
                        let _ = write!(out, "\n#### {}\n", escape_line(heading));
                    } else if section > 0 {
                        let _ = write!(out, "\n#### 第 {} 节\n", section + 1);
                    }
                }
            }
            current = Some(p.place);
        }
        render_annotation(out, doc, p, color_names);
    }
}

fn render_annotation(out: &mut String, doc: &ExportDocument, p: &Placed, color_names: &[String]) {
    let a = p.annotation;
    out.push('\n');
    // Each reading-text line is a paragraph: keep them apart inside the quote.
    for (i, line) in lines(&a.quote).filter(|l| !l.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(">\n");
        }
        let _ = writeln!(out, "> {}", escape_line(line));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "- 颜色：{}",
        escape_line(&color_name(color_names, a.color))
    );
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| escape_line(t)).collect();
        let _ = writeln!(out, "- 标签：{}", tags.join("；"));
    }
    if !a.note.is_empty() {
        out.push_str("- 批注：");
        push_list_text(out, &a.note);
    }
    let _ = writeln!(out, "- 出处：{}", escape_line(&locator(doc, p)));
}

/// "《人民日报》2025年1月2日 第5版 · 《标题》 · （二）小标题 · 续自第1版 · 字符 120–135"
/// (the file name when the source is not known).
fn locator(doc: &ExportDocument, p: &Placed) -> String {
    let a = p.annotation;
    let mut parts = vec![doc.citation().unwrap_or_else(|| doc.name.to_string())];
    if let Some(title) = p.article_title(doc.outline) {
        parts.push(format!("《{title}》"));
    }
    if let Some(heading) = p.section_heading(doc.outline) {
        parts.push(heading.to_string());
    }
    if let Some(page) = p.continued_from_page(doc.outline) {
        parts.push(format!("续自第{page}版"));
    }
    let range = format!("字符 {}–{}", a.start, a.end);
    parts.push(match a.status {
        AnchorStatus::Anchored => range,
        AnchorStatus::Check => format!("{range}（位置待核对）"),
        AnchorStatus::Orphan => format!("原位置 {range}（引文已不在文中）"),
    });
    parts.join(" · ")
}

/// Writes multi-line text as the content of a list item: continuation lines indented
/// under the item, a hard break (`\`) where the author broke a line, blank lines kept
/// as paragraph breaks inside the item.
fn push_list_text(out: &mut String, text: &str) {
    let lines: Vec<&str> = lines(text).collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 && !line.is_empty() {
            out.push_str("  ");
        }
        out.push_str(&escape_line(line));
        let next_is_text = lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if !line.is_empty() && next_is_text {
            out.push('\\');
        }
        out.push('\n');
    }
}

/// Splits on LF, CRLF and CR alike.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
}

/// Escapes one line of user text so it renders literally wherever it is placed:
/// inline syntax everywhere, block syntax at the line start, and leading blanks
/// (which could open a code block) as character references.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let body = line.trim_start_matches([' ', '\t']);
    for c in line[..line.len() - body.len()].chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_start = i == 0;
        let needs_escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' => true,
            '-' | '+' | '=' => at_start,
            // "1." or "1)" at the start would open an ordered list.
            '.' | ')' => digits > 0 && i == digits,
            // Only an entity-looking `&` is special.
            '&' => chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if needs_escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    #[test]
    fn snapshot() {
        let f = Fixture::new();
        insta::assert_snapshot!(render(&[f.document()], &f.color_names));
    }

    #[test]
    fn block_syntax_is_escaped_only_at_line_start() {
        assert_eq!(escape_line("- a-b"), "\\- a-b");
        assert_eq!(escape_line("12. 条"), "12\\. 条");
        assert_eq!(escape_line("第12. 条"), "第12. 条");
        assert_eq!(escape_line("# 题 #2"), "\\# 题 \\#2");
        assert_eq!(escape_line("\t  缩进"), "&#9;&#32;&#32;缩进");
        assert_eq!(escape_line("R&D &amp; a & b"), "R\\&D \\&amp; a & b");
        assert_eq!(escape_line("=SUM(A1)"), "\\=SUM(A1)");
    }

    #[test]
    fn multi_line_notes_stay_in_their_list_item() {
        let mut out = String::new();
        push_list_text(&mut out, "一\n二\r\n\n三\r四");
        assert_eq!(out, "一\\\n  二\n\n  三\\\n  四\n");
    }

    #[test]
    fn documents_without_annotations_say_so() {
        let f = Fixture::new();
        let doc = ExportDocument {
            annotations: &[],
            ..f.document()
        };
        assert!(render(&[doc], &f.color_names).contains("（没有批注）"));
    }
}
