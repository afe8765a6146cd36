//! The bundled sample's articles set again in other layouts (column widths 12 to 32,
//! titles before or after the body, blank-line or solid paragraphs, column breaks every
//! few lines, one indented paragraph per line). Used as training pages by the reflow
//! trainer and checked by `tests/reflow_layouts.rs`; they are re-settings of the
//! sample, so they say nothing about pages of other papers (`tests/reflow_pages.rs`
//! holds that test).

use pizhu::core::model::{Article, Document, Section};

#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub width: usize,
    pub title_first: bool,
    pub blank_paragraphs: bool,
    /// A blank line (column break) every this many body lines; 0 for none.
    pub column_lines: usize,
    /// One paragraph per line, indented with two ideographic spaces.
    pub per_line: bool,
}

/// Half-em widths: CJK 2, ASCII 1.
fn half_ems(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// Characters that may not start a line in Chinese typesetting: they hang instead.
const NO_LINE_START: &str = "，。、；：？！”’）》…—";

/// Wrap like a typesetter: `first` ems on the first line (its indent is lost in
/// extraction), `width` after, hanging closing punctuation.
fn wrap(text: &str, width: usize, first: usize) -> Vec<String> {
    let (mut lines, mut line, mut used, mut cap) = (Vec::new(), String::new(), 0, first * 2);
    for c in text.chars() {
        if used + half_ems(c) > cap && !line.is_empty() && !NO_LINE_START.contains(c) {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
            cap = width * 2;
        }
        if line.is_empty() && c == ' ' {
            continue;
        }
        line.push(c);
        used += half_ems(c);
    }
    lines.push(line);
    lines
}

pub fn render(doc: &Document, l: Layout) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut body_lines = 0;
    let heading_width = (l.width * 6 / 10).max(6);
    for a in &doc.articles {
        let header = |out: &mut Vec<String>| {
            out.push(String::new());
            out.extend(a.title.clone());
            out.extend(a.subtitle.clone());
            out.push(String::new());
        };
        if l.title_first {
            header(&mut out);
        }
        if let Some(page) = a.continued_from_page {
            out.push(format!("■上接第{page}版"));
        }
        if let Some(b) = &a.byline {
            out.extend([b.clone(), String::new()]);
        }
        for s in &a.sections {
            if let Some(h) = &s.heading {
                out.push(String::new());
                out.extend(if l.per_line {
                    vec![h.clone()]
                } else {
                    wrap(h, heading_width, heading_width)
                });
                out.push(String::new());
            }
            for p in &s.paragraphs {
                if l.per_line {
                    out.push(format!("\u{3000}\u{3000}{p}"));
                    continue;
                }
                if l.blank_paragraphs && out.last().is_some_and(|x| !x.is_empty()) {
                    out.push(String::new());
                }
                for line in wrap(p, l.width, l.width - 2) {
                    let column_break =
                        l.column_lines > 0 && body_lines > 0 && body_lines % l.column_lines == 0;
                    if column_break && out.last().is_some_and(|x| !x.is_empty()) {
                        out.push(String::new());
                    }
                    out.push(line);
                    body_lines += 1;
                }
            }
        }
        for e in &a.end_matter {
            out.push(String::new());
            out.extend(if l.per_line {
                vec![e.clone()]
            } else {
                wrap(e, l.width, l.width)
            });
        }
        if !l.title_first {
            header(&mut out);
        }
    }
    out.join("\n")
}

pub fn expected() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-outline.json"
    );
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = |v: &serde_json::Value| v.as_str().map(String::from);
    let strings = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(text)
            .collect::<Vec<_>>()
    };
    let articles = spec["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| Article {
            title: text(&a["title"]),
            subtitle: text(&a["subtitle"]),
            byline: text(&a["byline"]),
            continued_from_page: a["continued_from_page"].as_u64().map(|p| p as u32),
            continued_marker: a["continued_from_page"]
                .as_u64()
                .map(|p| format!("■上接第{p}版")),
            end_matter: strings(&a["end_matter"]),
            sections: a["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| Section {
                    heading: text(&s["heading"]),
                    paragraphs: strings(&s["paragraphs"]),
                    ..Section::default()
                })
                .collect(),
            ..Article::default()
        })
        .collect();
    Document {
        articles,
        ..Document::default()
    }
}

/// Every layout the sample is re-set in.
pub fn layouts() -> Vec<Layout> {
    let mut layouts = Vec::new();
    for title_first in [false, true] {
        for blank_paragraphs in [true, false] {
            for width in [12, 14, 17, 20, 26, 32] {
                for column_lines in [0, 9, 23] {
                    layouts.push(Layout {
                        width,
                        title_first,
                        blank_paragraphs,
                        column_lines,
                        per_line: false,
                    });
                }
            }
        }
        layouts.push(Layout {
            width: 30,
            title_first,
            blank_paragraphs: false,
            column_lines: 0,
            per_line: true,
        });
    }
    layouts
}
