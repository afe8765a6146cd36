//! What each printed line is, from how it is printed: size against the page's body size,
//! weight, indent against its column, and position on the page; the text recognisers of
//! `reflow::markers` decide what only the words can tell (bylines, continuation markers,
//! editors' credits).

use super::lines::TextLine;
use super::page::Rule;
use crate::core::reflow::bylines::is_byline;
use crate::core::reflow::markers::{is_editor_credit, leading_marker};

/// The role of one line, before articles are assembled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Running head or foot, page number, editors' credit: the page's, not an article's.
    Furniture,
    Title,
    /// Between body and title size: a kicker (引题) above a title or a subtitle under it.
    Deck,
    /// `——…` under a title.
    Subtitle,
    /// Text of a byline (`□新华社记者`, `本报记者 刘军`).
    Byline,
    /// `■上接第1版` alone on its line.
    Marker,
    /// An editor's credit (`责任编辑：钟晓`) set right under an article's last lines, in
    /// its column: that article's end matter (one at the page's foot is furniture).
    Credit,
    /// Body size, heavy: a section heading, or a byline when it comes before any paragraph.
    Heavy,
    /// Body text; `indented` marks a paragraph's first line.
    Body {
        indented: bool,
        full: bool,
        /// How far it stops short of the column's edge, in half ems (0 when full or when
        /// the block has no edge).
        short_by: u8,
        /// Flush but for about a space's width: a space stood at the line break (between
        /// two names of a credit, say) and the typesetter dropped it.
        spaced: bool,
        /// Starts about a space's width in from the column's edge: the space stood at the
        /// start of the line (between two names of a credit, say).
        space_before: bool,
    },
}

/// Page-wide measures every decision is relative to.
#[derive(Debug, Clone, Copy)]
pub struct Measures {
    /// Median size of the page's glyphs, weighted by characters: the body text size.
    pub body: f32,
    pub height: f32,
}

impl Measures {
    pub fn of(lines: &[TextLine], height: f32) -> Self {
        Measures {
            body: Self::of_lines(lines.iter()),
            height,
        }
    }

    /// Median size of `lines`, weighted by characters.
    pub fn of_lines<'a>(lines: impl Iterator<Item = &'a TextLine>) -> f32 {
        let mut sizes: Vec<(f32, usize)> = lines.map(|l| (l.size, l.chars())).collect();
        sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: usize = sizes.iter().map(|s| s.1).sum();
        let mut seen = 0;
        let mut body = sizes.first().map_or(10.0, |s| s.0);
        for (size, n) in sizes {
            seen += n;
            if seen * 2 >= total {
                body = size;
                break;
            }
        }
        body
    }

    pub fn is_title_size(&self, l: &TextLine) -> bool {
        l.size >= 1.25 * self.body
    }
}

/// The lines outside the article area: above the rule under the running head and below
/// the rule over the running foot (a rule counts when a running head's few lines lie
/// beyond it, in the outer 15% of the page), and page numbers and editors' credits
/// anywhere. Without rules, position alone is no evidence: a kicker, a title or the last
/// lines of a column may sit at the page's edge.
pub fn furniture(lines: &[TextLine], rules: &[Rule], m: Measures, width: f32) -> Vec<bool> {
    let positional = running_heads_and_feet(lines, rules, m, width);
    lines
        .iter()
        .zip(positional)
        .map(|(l, by_position)| by_position || is_credit(&l.text) || is_page_number(&l.text))
        .collect()
}

/// `责编：王芳`, `（责任编辑：钟晓）`.
pub fn is_credit(text: &str) -> bool {
    is_editor_credit(
        text.trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']),
    )
}

/// A line that follows the line before it in its block at the column's line pitch, in
/// the same face and size, within the column: more of that column (its last character run
/// past the rule under the columns, or an editor's credit closing the article).
pub fn continues_column(line: &TextLine, above: &TextLine, block: &Block) -> bool {
    line.font == above.font
        && (line.size - above.size).abs() <= 0.03 * above.size
        && line.y > above.y
        && line.y - above.y <= 1.8 * above.size
        && line.x0 >= block.left - 0.5 * line.size
        && line.x1 <= block.right + 0.5 * line.size
}

/// Lines above the rule under a running head or below the rule over a running foot.
fn running_heads_and_feet(
    lines: &[TextLine],
    rules: &[Rule],
    m: Measures,
    width: f32,
) -> Vec<bool> {
    let wide: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.is_horizontal() && r.x1 - r.x0 >= 0.5 * width)
        .collect();
    // Running heads and feet are a few short lines of names, dates and numbers; lines of
    // sentences beyond a rule are an article set above (or below) it.
    let few_between = |a: f32, b: f32| {
        let beyond = || lines.iter().filter(|l| l.y > a && l.y < b);
        let sentences = beyond().any(|l| l.text.contains(['。', '，']));
        (1..=6).contains(&beyond().count()) && !sentences
    };
    let head = wide
        .iter()
        .map(|r| r.y0)
        .filter(|&y| y < 0.15 * m.height && few_between(0.0, y))
        .fold(None, |acc: Option<f32>, y| {
            Some(acc.map_or(y, |a| a.max(y)))
        });
    let foot = wide
        .iter()
        .map(|r| r.y1)
        .filter(|&y| y > 0.85 * m.height && few_between(y, m.height))
        .fold(None, |acc: Option<f32>, y| {
            Some(acc.map_or(y, |a| a.min(y)))
        });
    lines
        .iter()
        .map(|l| head.is_some_and(|y| l.y < y) || foot.is_some_and(|y| l.y > y))
        .collect()
}

/// `5`, `第5版`, `- 5 -`: a page number alone on its line.
pub fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '-' || c == '—' || c.is_whitespace());
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix(['版', '页']).unwrap_or(t);
    !t.is_empty() && t.chars().count() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// What a line's role is judged against besides the body size: its block.
pub struct Block<'a> {
    /// Where the block's body text starts and ends.
    pub left: f32,
    pub right: f32,
    /// The block holds a title (a headline set apart from the body by a gap or a rule).
    pub deck: bool,
    /// Where the block's title is centred, if it holds one.
    pub title_centre: Option<f32>,
    /// The face most of the page's text is set in.
    pub body_face: &'a str,
}

/// Role of a line of `block`.
pub fn role(l: &TextLine, m: Measures, block: &Block) -> Role {
    let (left, right, deck) = (block.left, block.right, block.deck);
    let text = l.text.as_str();
    if text.starts_with('—') && l.chars() > 2 {
        return Role::Subtitle;
    }
    if m.is_title_size(l) {
        return Role::Title;
    }
    if leading_marker(text).is_some_and(|(_, rest)| rest.is_empty()) {
        return Role::Marker;
    }
    let indent = l.x0 - left;
    let indented = indent >= 1.4 * m.body && indent <= 2.8 * m.body;
    // Justified lines end flush (a space dropped at the break leaves half an em); a
    // paragraph's last line stops an em or more short.
    let full = l.x1 >= right - 0.6 * m.body;
    // A paragraph's first line may read like a credit (`本报南京4月12日电 记者从…`); a
    // byline is never indented.
    if !indented && (is_byline(text) || is_ornamented_name(text)) {
        return Role::Byline;
    }
    // Deck lines are centred or short; a justified or indented line is body text set
    // larger than its neighbours' (a lead paragraph).
    if l.size >= 1.1 * m.body && !l.heavy && !indented && !full {
        return Role::Deck;
    }
    // Beside a title, apart from the body, a line of about body size is a kicker or a
    // subtitle (a 副题 may be set in the body face, barely larger).
    if deck && l.size >= 0.95 * m.body && !indented {
        return Role::Deck;
    }
    // A short deck line centred under its title sits two ems in from the longer deck
    // lines beside it and looks indented; a paragraph's indented first line runs to the
    // column's edge, so its centre is an em off the title's.
    let centred = block
        .title_centre
        .is_some_and(|c| ((l.x0 + l.x1) / 2.0 - c).abs() < 0.5 * m.body);
    if deck && centred && !full && !l.heavy && l.size >= 0.95 * m.body {
        return Role::Deck;
    }
    if l.heavy && l.size >= 0.85 * m.body {
        return Role::Heavy;
    }
    // A short line of about body size in another face than the body's (a 黑体 name under
    // 宋体 text), not a sentence: a byline before the body, a heading within it.
    let other_face = &*l.font != block.body_face;
    let body_sized = l.size >= 0.85 * m.body && l.size <= 1.05 * m.body;
    let sentence = reads_as_sentence(text);
    if other_face && body_sized && !indented && !full && !sentence && l.chars() <= 24 {
        return Role::Heavy;
    }
    let short = right - l.x1;
    // Not after punctuation: a closing mark set half-width leaves the same gap.
    let ends_in_word = text.chars().last().is_some_and(char::is_alphanumeric);
    let spaced = full && short >= 0.3 * m.body && right < f32::MAX && ends_in_word;
    // Likewise a space set at the start of a line: a third to two thirds of an em in (an
    // indent is two ems), not before punctuation.
    let starts_in_word = text.chars().next().is_some_and(char::is_alphanumeric);
    let space_before =
        left > f32::MIN && (0.3 * m.body..0.7 * m.body).contains(&indent) && starts_in_word;
    let short_by = if right < f32::MAX && right > f32::MIN && !full {
        ((right - l.x1) / (0.5 * m.body)).round().clamp(0.0, 255.0) as u8
    } else {
        0
    };
    Role::Body {
        indented,
        full,
        short_by,
        spaced,
        space_before,
    }
}

/// Sentence punctuation: a heading or byline has none.
pub fn reads_as_sentence(text: &str) -> bool {
    text.chars().any(|c| "，。；！？,;!?".contains(c))
}

/// `□王晓明`, `■本报评论员`: an ornament, then a few characters and no punctuation.
fn is_ornamented_name(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['□', '■']) else {
        return false;
    };
    let rest = rest.trim();
    let n = rest.chars().filter(|c| !c.is_whitespace()).count();
    (2..=12).contains(&n)
        && !rest
            .chars()
            .any(|c| "，。；：！？、,.;:!?（）()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert!(is_page_number("5"));
        assert!(is_page_number("第5版"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("2023"));
        assert!(!is_page_number("第5版 评论"));
    }
}
