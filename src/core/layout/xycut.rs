//! Reading order by recursive XY-cut: split a region at a whitespace gap that crosses it
//! completely, top part before bottom part and left part before right part, and recurse
//! until no gap is left; the leaves, in the order found, are columns of one article.
//!
//! Which cut comes first matters on a newspaper page. A gutter-wide vertical gap may run
//! down a whole page whose titles are centred over fewer columns than their articles
//! have, so plain gutters are cut last, after the horizontal gaps between bands and
//! between a title and its body. Only a vertical gap wider than a gutter (or holding a
//! vertical rule) is cut first: it parts side-by-side articles, whose titles share a row.
//! A horizontal rule drawn across a vertical gap closes it. Horizontal gaps must be
//! wider than the leading between two rows of body text (rows of neighbouring columns
//! share baselines, so their projection has a small gap under every row); a drawn rule in
//! a gap makes any gap a cut.
//! Thresholds are relative to the page's body size, so the page's scale does not matter.

use super::lines::TextLine;
use super::page::Rule;

/// Gap widths as multiples of the body size.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    pub body: f32,
}

impl Thresholds {
    /// Narrowest column gutter: justified text never leaves a gap this wide inside a line.
    fn vertical(&self) -> f32 {
        0.8 * self.body
    }
    /// Narrowest gap between blocks stacked one above the other: wider than leading.
    fn horizontal(&self) -> f32 {
        0.75 * self.body
    }
    /// A vertical gap wider than a column gutter: it parts side-by-side articles, so it
    /// is cut before any horizontal gap (which would part their titles from their bodies).
    /// A gutter (up to about three ems) beside a column whose every line is a paragraph's
    /// indented first line (two ems) is not one.
    fn wide(&self) -> f32 {
        5.2 * self.body
    }
}

/// Indices into `lines`, grouped into blocks in reading order.
pub fn order(lines: &[TextLine], rules: &[Rule], t: Thresholds) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let all: Vec<usize> = (0..lines.len()).collect();
    cut(lines, rules, t, all, &mut out, 0);
    out
}

fn cut(
    lines: &[TextLine],
    rules: &[Rule],
    t: Thresholds,
    region: Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    depth: usize,
) {
    if region.len() <= 1 || depth > 256 {
        if !region.is_empty() {
            out.push(sorted_rows(lines, region));
        }
        return;
    }
    // Gaps are judged against the region's own body size: articles on one page may be set
    // in different sizes, and their gutters scale with them.
    let t = Thresholds {
        body: super::roles::Measures::of_lines(region.iter().map(|&i| &lines[i])).max(t.body * 0.5),
    };
    let xs = |i: usize| (lines[i].x0, lines[i].x1);
    let ys = |i: usize| (lines[i].top(), lines[i].bottom());
    let (top, bottom) = region
        .iter()
        .map(|&i| ys(i))
        .fold((f32::MAX, f32::MIN), |(a, b), (t, u)| (a.min(t), b.max(u)));
    // A horizontal rule drawn across a vertical gap closes it: the gap is only a gutter
    // between columns of the band above or below the rule.
    let crossed = |a: f32, b: f32| {
        rules
            .iter()
            .any(|r| r.is_horizontal() && r.x0 < a && r.x1 > b && r.y0 > top && r.y1 < bottom)
    };
    // A vertical rule down the whole region parts blocks; rules between the columns of
    // one article stop under its title and do not.
    let vertical_rule = |a: f32, b: f32| {
        rules.iter().any(|r| {
            let full = r.y0 <= top + t.body && r.y1 >= bottom - t.body;
            !r.is_horizontal() && r.x0 >= a && r.x1 <= b && full
        })
    };
    let vertical: Vec<Gap> = gaps(&region, xs, t.vertical(), vertical_rule)
        .into_iter()
        .filter(|g| !crossed(g.from, g.to))
        .collect();
    let (left, right) = region
        .iter()
        .map(|&i| xs(i))
        .fold((f32::MAX, f32::MIN), |(a, b), (l, r)| (a.min(l), b.max(r)));
    // A rule parts stacked blocks only where it is drawn over this region (a rule in the
    // next block over, at the same height, says nothing about this one).
    let horizontal = gaps(&region, ys, t.horizontal(), |a, b| {
        rules.iter().any(|r| {
            let inside = r.x1.min(right) - r.x0.max(left);
            r.is_horizontal() && r.y0 >= a && r.y1 <= b && inside >= 0.5 * (r.x1 - r.x0)
        })
    });
    let wide: Vec<f32> = vertical
        .iter()
        .filter(|g| g.ruled || g.to - g.from >= t.wide())
        .map(Gap::middle)
        .collect();
    let parts = if !wide.is_empty() {
        sidebars_last(lines, split(&region, xs, &wide))
    } else if !horizontal.is_empty() {
        // Rules between articles first; else only the widest gap, so that a band of
        // side-by-side articles stays one region until its wide vertical gap is cut.
        let ruled: Vec<f32> = horizontal
            .iter()
            .filter(|g| g.ruled)
            .map(Gap::middle)
            .collect();
        let cuts = if ruled.is_empty() {
            let widest = horizontal.iter().map(|g| g.to - g.from).fold(0.0, f32::max);
            horizontal
                .iter()
                .filter(|g| g.to - g.from >= widest - 0.5)
                .map(Gap::middle)
                .collect()
        } else {
            ruled
        };
        split(&region, ys, &cuts)
    } else if !vertical.is_empty() {
        let cuts: Vec<f32> = vertical.iter().map(Gap::middle).collect();
        split(&region, xs, &cuts)
    } else {
        out.push(sorted_rows(lines, region));
        return;
    };
    for part in parts {
        cut(lines, rules, t, part, out, depth + 1);
    }
}

/// Side-by-side parts read left to right, except a narrow column beside a block at least
/// three times as wide (a column of briefs next to the main stories): the wide block is
/// the page's lead and reads first, wherever the column stands.
fn sidebars_last(lines: &[TextLine], mut parts: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let width = |part: &Vec<usize>| {
        let (l, r) = part.iter().fold((f32::MAX, f32::MIN), |(a, b), &i| {
            (a.min(lines[i].x0), b.max(lines[i].x1))
        });
        r - l
    };
    let largest = |part: &Vec<usize>| part.iter().map(|&i| lines[i].size).fold(0.0, f32::max);
    let Some(main) = parts.iter().max_by(|a, b| width(a).total_cmp(&width(b))) else {
        return parts;
    };
    let (widest, headline) = (width(main), largest(main));
    // A briefs column is much narrower than the main block, or narrower and headed only
    // by small titles (two narrow columns of briefs beside a lead story's large headline).
    let sidebar = |p: &Vec<usize>| {
        let w = width(p);
        3.0 * w < widest || (w < 0.6 * widest && largest(p) < 0.8 * headline)
    };
    // A stable sort: the order among main parts and among sidebars is kept.
    parts.sort_by_key(sidebar);
    parts
}

/// An empty stretch of a region's projection.
struct Gap {
    from: f32,
    to: f32,
    /// A rule is drawn in it.
    ruled: bool,
}

impl Gap {
    fn middle(&self) -> f32 {
        (self.from + self.to) / 2.0
    }
}

/// The gaps in the projection of `region` that are at least `min` wide, or that hold a
/// rule (`ruled(a, b)`) and are not empty.
fn gaps(
    region: &[usize],
    span: impl Fn(usize) -> (f32, f32),
    min: f32,
    ruled: impl Fn(f32, f32) -> bool,
) -> Vec<Gap> {
    let mut spans: Vec<(f32, f32)> = region.iter().map(|&i| span(i)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut reach = spans[0].1;
    for &(a, b) in &spans[1..] {
        if a > reach {
            let ruled = ruled(reach, a);
            if a - reach >= min || ruled {
                out.push(Gap {
                    from: reach,
                    to: a,
                    ruled,
                });
            }
        }
        reach = reach.max(b);
    }
    out
}

/// Partition `region` by the cut positions, in increasing coordinate order.
fn split(region: &[usize], span: impl Fn(usize) -> (f32, f32), cuts: &[f32]) -> Vec<Vec<usize>> {
    let mut parts = vec![Vec::new(); cuts.len() + 1];
    for &i in region {
        let start = span(i).0;
        let k = cuts.iter().take_while(|&&c| c < start).count();
        parts[k].push(i);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// A leaf: its lines top to bottom, then left to right.
fn sorted_rows(lines: &[TextLine], mut region: Vec<usize>) -> Vec<usize> {
    region.sort_by(|&a, &b| {
        let (la, lb) = (&lines[a], &lines[b]);
        let same_row = (la.y - lb.y).abs() < 0.3 * la.size.min(lb.size);
        if same_row {
            la.x0.total_cmp(&lb.x0)
        } else {
            la.y.total_cmp(&lb.y)
        }
    });
    region
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn line(x0: f32, y: f32, size: f32, text: &str) -> TextLine {
        TextLine {
            x0,
            x1: x0 + size * text.chars().count() as f32,
            y,
            size,
            heavy: false,
            font: Arc::from("F"),
            text: text.into(),
        }
    }

    #[test]
    fn title_then_two_columns_then_side_by_side() {
        let t = Thresholds { body: 10.0 };
        let lines = vec![
            line(0.0, 20.0, 20.0, "大标题在两栏之上"), // 0: spans both columns
            line(0.0, 40.0, 10.0, "左栏一左栏一左栏一"), // 1
            line(100.0, 40.0, 10.0, "右栏一右栏一右栏一"), // 2
            line(0.0, 53.0, 10.0, "左栏二左栏二左栏二"), // 3
            line(100.0, 53.0, 10.0, "右栏二"),         // 4
        ];
        let order: Vec<usize> = order(&lines, &[], t).concat();
        assert_eq!(order, [0, 1, 3, 2, 4]);
    }

    #[test]
    fn a_briefs_column_reads_after_the_main_block_beside_it() {
        let t = Thresholds { body: 10.0 };
        let mut lines = vec![line(0.0, 20.0, 10.0, "简讯栏")]; // 0: the narrow column
        for x in [100.0, 230.0, 360.0] {
            // 1..=3: three 10-em columns of the main block.
            lines.push(line(x, 20.0, 10.0, "主块文字主块文字主块"));
        }
        let rule = Rule {
            x0: 80.0,
            y0: 0.0,
            x1: 80.5,
            y1: 40.0,
        };
        let order: Vec<usize> = order(&lines, &[rule], t).concat();
        assert_eq!(order, [1, 2, 3, 0]);
    }
}
