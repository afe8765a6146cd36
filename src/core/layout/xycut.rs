//! Reading order by recursive XY-cut: split a region at a whitespace gap that crosses it
//! completely, top part before bottom part and left part before right part, and recurse
//! until no gap is left; the leaves, in the order found, are columns of one article.
//!
//! Which cut comes first matters on a newspaper page. A vertical gap that crosses a whole
//! region separates side-by-side articles (their titles included), so vertical cuts are
//! tried first; a title spanning its columns leaves no such gap, and the horizontal cut
//! under it comes first there. Horizontal gaps must be wider than the leading between two
//! rows of body text (rows of neighbouring columns share baselines, so their projection
//! has a small gap under every row); a drawn rule in a gap makes any gap a cut.
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
    if region.len() <= 1 || depth > 64 {
        if !region.is_empty() {
            out.push(sorted_rows(lines, region));
        }
        return;
    }
    let xs = |i: usize| (lines[i].x0, lines[i].x1);
    let ys = |i: usize| (lines[i].top(), lines[i].bottom());
    let vertical = gaps(&region, xs, t.vertical(), |a, b| {
        rules.iter().any(|r| !r.is_horizontal() && r.x0 >= a && r.x1 <= b)
    });
    let parts = if !vertical.is_empty() {
        split(&region, xs, &vertical)
    } else {
        let horizontal = gaps(&region, ys, t.horizontal(), |a, b| {
            rules.iter().any(|r| r.is_horizontal() && r.y0 >= a && r.y1 <= b)
        });
        if horizontal.is_empty() {
            out.push(sorted_rows(lines, region));
            return;
        }
        split(&region, ys, &horizontal)
    };
    for part in parts {
        cut(lines, rules, t, part, out, depth + 1);
    }
}

/// Cut positions: the middles of the gaps in the projection of `region` that are at
/// least `min` wide, or that hold a rule (`ruled(a, b)`) and are not empty.
fn gaps(
    region: &[usize],
    span: impl Fn(usize) -> (f32, f32),
    min: f32,
    ruled: impl Fn(f32, f32) -> bool,
) -> Vec<f32> {
    let mut spans: Vec<(f32, f32)> = region.iter().map(|&i| span(i)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cuts = Vec::new();
    let mut reach = spans[0].1;
    for &(a, b) in &spans[1..] {
        if a > reach && (a - reach >= min || ruled(reach, a)) {
            cuts.push((reach + a) / 2.0);
        }
        reach = reach.max(b);
    }
    cuts
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
            line(100.0, 53.0, 10.0, "右栏二"),       // 4
        ];
        let order: Vec<usize> = order(&lines, &[], t).concat();
        assert_eq!(order, [0, 1, 3, 2, 4]);
    }
}
