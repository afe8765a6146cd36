//! Glyphs to printed lines: glyphs that share a baseline and a size and follow each
//! other without a wide gap form one line segment. Two columns' lines sit on the same
//! baseline, so a gap wider than about an em ends a segment; XY-cut then groups segments
//! into columns.
//!
//! Fake bold is undone here: a newspaper draws heavy text by filling and then stroking
//! each glyph (render mode 2), or by drawing it twice a hair apart, so the same character
//! arrives twice at (nearly) the same spot. The copy is dropped and the survivor marked
//! heavy.

use std::sync::Arc;

use super::page::{strip_subset_prefix, Glyph};

/// One printed line segment, in page coordinates (y down).
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Median glyph size.
    pub size: f32,
    /// Most of its glyphs are heavy: stroked (fake bold) or from a bold font.
    pub heavy: bool,
    /// Font of its first glyph, subset prefix stripped.
    pub font: Arc<str>,
    pub text: String,
}

impl TextLine {
    /// Top of the line box: ascenders reach about 0.9 em above the baseline.
    pub fn top(&self) -> f32 {
        self.y - 0.9 * self.size
    }
    /// Bottom of the line box: descenders reach about 0.15 em below.
    pub fn bottom(&self) -> f32 {
        self.y + 0.15 * self.size
    }
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// A glyph with the heavy flag it ends up with after duplicates are merged.
#[derive(Clone, Copy)]
struct Mark<'a> {
    glyph: &'a Glyph,
    heavy: bool,
    right: f32,
}

/// Segments of every line of the page, top to bottom, left to right.
pub fn lines(glyphs: &[Glyph]) -> Vec<TextLine> {
    let mut order: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size > 0.5 && !g.text.trim().is_empty() || g.text == " ")
        .collect();
    order.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baseline clusters: a glyph joins the current row when its baseline is within a
    // fifth of its size of the row's first baseline.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in order {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() <= 0.2 * g.size.min(row[0].size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let marks = merge_duplicates(row);
        let mut current: Vec<Mark> = Vec::new();
        for (k, m) in marks.iter().enumerate() {
            if let Some(last) = current.last() {
                let (a, g) = (last.glyph, m.glyph);
                let gap = g.x - last.right;
                let similar = (g.size / a.size - 1.0).abs() < 0.25;
                let wide = gap > 0.9 * g.size.max(a.size);
                if !similar || (wide && !letter_spaced(&marks, k)) {
                    out.extend(segment(std::mem::take(&mut current)));
                }
            }
            current.push(*m);
        }
        out.extend(segment(current));
    }
    out
}

/// One row's glyphs (left to right) with fake-bold copies merged into heavy marks.
fn merge_duplicates(row: Vec<&Glyph>) -> Vec<Mark<'_>> {
    let mut marks: Vec<Mark> = Vec::with_capacity(row.len());
    for g in row {
        if let Some(last) = marks.last_mut() {
            // Closer than half its advance: a copy, not the next letter (`ll`).
            let near = (0.5 * g.width).min(0.3 * g.size).max(0.05 * g.size);
            let dup = last.glyph.text == g.text
                && (last.glyph.x - g.x).abs() < near
                && (last.glyph.y - g.y).abs() < 0.3 * g.size;
            if dup {
                last.heavy = true;
                continue;
            }
        }
        marks.push(Mark {
            glyph: g,
            heavy: g.stroked || g.bold,
            right: g.x + if g.width > 0.0 { g.width } else { g.size },
        });
    }
    marks
}

/// The gap before `marks[k]` is letter spacing, not a gutter: a title set `奋 力 谱 写`
/// puts its glyphs at one even pitch, so the step over the gap equals the step before or
/// after it, and it stays within a few ems. A gutter between columns is a step of three
/// ems or more between steps of about one.
fn letter_spaced(marks: &[Mark], k: usize) -> bool {
    let step = |i: usize| marks[i].glyph.x - marks[i - 1].glyph.x;
    let (g, a) = (marks[k].glyph, marks[k - 1].glyph);
    if g.font != a.font || (g.size - a.size).abs() > 0.05 * g.size {
        return false;
    }
    let here = step(k);
    if here > 2.6 * g.size {
        return false;
    }
    let even = |i: usize| {
        let s = step(i);
        let same = marks[i].glyph.size == g.size && marks[i - 1].glyph.size == g.size;
        same && (s - here).abs() < 0.05 * here
    };
    (k >= 2 && even(k - 1)) || (k + 1 < marks.len() && even(k + 1))
}

/// Build one segment from its glyphs (left to right); `None` for a segment of spaces.
fn segment(marks: Vec<Mark>) -> Option<TextLine> {
    let text: String = marks.iter().map(|m| m.glyph.text.as_str()).collect();
    let text = text.trim().to_string();
    if text.is_empty() {
        return None;
    }
    let printed: Vec<&Mark> = marks.iter().filter(|m| m.glyph.text != " ").collect();
    let mut sizes: Vec<f32> = printed.iter().map(|m| m.glyph.size).collect();
    sizes.sort_by(f32::total_cmp);
    let heavy = printed.iter().filter(|m| m.heavy).count() * 2 > printed.len();
    let first = printed[0];
    let mut baselines: Vec<f32> = printed.iter().map(|m| m.glyph.y).collect();
    baselines.sort_by(f32::total_cmp);
    Some(TextLine {
        x0: first.glyph.x,
        x1: printed.iter().map(|m| m.right).fold(f32::MIN, f32::max),
        y: baselines[baselines.len() / 2],
        size: sizes[sizes.len() / 2],
        heavy,
        font: Arc::from(strip_subset_prefix(&main_font(&printed))),
        text,
    })
}

/// The font most of a segment's glyphs are drawn in (a digit or a Latin word may come
/// from another font than the line's).
fn main_font(printed: &[&Mark]) -> Arc<str> {
    let mut counts: Vec<(&Arc<str>, usize)> = Vec::new();
    for m in printed {
        match counts.iter_mut().find(|(f, _)| **f == m.glyph.font) {
            Some((_, n)) => *n += 1,
            None => counts.push((&m.glyph.font, 1)),
        }
    }
    // The first of the most common: `max_by_key` keeps the last of equals.
    let top = counts.iter().map(|c| c.1).max().unwrap_or(0);
    counts
        .iter()
        .find(|c| c.1 == top)
        .map_or_else(|| Arc::from(""), |c| c.0.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn glyph(x: f32, y: f32, size: f32, c: char, stroked: bool) -> Glyph {
        Glyph {
            x,
            y,
            size,
            width: size,
            font: Arc::from("ABCDEF+UMing"),
            bold: false,
            stroked,
            text: c.to_string(),
        }
    }

    fn row(x: f32, y: f32, size: f32, text: &str, stroked: bool) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| glyph(x + i as f32 * size, y, size, c, stroked))
            .collect()
    }

    #[test]
    fn fake_bold_duplicates_are_merged_and_mark_the_line_heavy() {
        let mut glyphs = row(10.0, 50.0, 20.0, "标题", false);
        glyphs.extend(row(10.2, 50.0, 20.0, "标题", true));
        let lines = lines(&glyphs);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "标题");
        assert!(lines[0].heavy);
        assert_eq!(&*lines[0].font, "UMing");
    }

    #[test]
    fn two_columns_on_one_baseline_are_two_segments() {
        let mut glyphs = row(0.0, 100.0, 9.0, "第一栏文字", false);
        glyphs.extend(row(60.0, 100.3, 9.0, "第二栏", false));
        let lines = lines(&glyphs);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["第一栏文字", "第二栏"]);
        assert!(!lines[0].heavy);
    }
}
