//! Between char offsets of the reading text and positions in the laid-out section (column
//! coordinates): hit testing, the caret, highlight rectangles, and the rows the session
//! moves the caret and pages by. All of it reads the rows the line breaker made.

use egui::{Pos2, Rect};

use super::layout::{LaidBlock, LaidRow, SectionLayout};
use crate::session::RowGeometry;

impl SectionLayout {
    /// The caret position nearest to `pos` (column coordinates), if any block holds text there.
    pub fn offset_at(&self, pos: Pos2) -> Option<usize> {
        let (block, row) = self.row_near(pos)?;
        let k = nearest_edge(&row.xs, pos.x - block.origin.x);
        Some(block.start? + row.start + k)
    }

    /// The char under `pos` (column coordinates), unlike `offset_at` which gives the
    /// nearest gap between chars: double-clicking the right half of a char picks that char.
    pub fn char_under(&self, pos: Pos2) -> Option<usize> {
        let (block, row) = self.row_near(pos)?;
        let x = pos.x - block.origin.x;
        let n = row.end - row.start;
        // The last char whose left edge is left of the pointer (the first when none is).
        let k = row.xs[..n.max(1)]
            .iter()
            .rposition(|&left| left <= x)
            .unwrap_or(0);
        let offset = block.start? + (row.start + k).min(block.chars.saturating_sub(1));
        Some(offset)
    }

    /// The block nearest `pos` vertically that holds reading text, and its row nearest `pos`.
    fn row_near(&self, pos: Pos2) -> Option<(&LaidBlock, &LaidRow)> {
        let block = self
            .blocks
            .iter()
            .filter(|b| b.start.is_some())
            .min_by(|a, b| {
                let span = |r: Rect| (r.top(), r.bottom());
                let da = distance_y(span(a.rect()), pos.y);
                let db = distance_y(span(b.rect()), pos.y);
                da.total_cmp(&db)
            })?;
        let y = pos.y - block.origin.y;
        let span = |r: &LaidRow| (r.top, r.top + r.height);
        let row = block.rows.iter().min_by(|a, b| {
            let da = distance_y(span(a), y);
            let db = distance_y(span(b), y);
            da.total_cmp(&db)
        })?;
        Some((block, row))
    }

    /// The rectangle of a caret before char `offset` (column coordinates): a caret where
    /// one row ends and the next begins is drawn at the start of the next (the session's
    /// rows agree: see `Reader::row_index_of`).
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let (block, row) = self.row_holding(offset)?;
        let k = offset - block.start? - row.start;
        let x = block.origin.x + row.xs[k];
        let top = block.origin.y + row.top;
        Some(Rect::from_x_y_ranges(x..=x, top..=top + row.height))
    }

    /// Where char `offset` is drawn (column coordinates): from its left edge to the next
    /// char's, or the row's end.
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        let (block, row) = self.row_holding(offset)?;
        let k = offset - block.start? - row.start;
        let (left, right) = (row.xs[k], *row.xs.get(k + 1)?);
        let top = block.origin.y + row.top;
        Some(Rect::from_x_y_ranges(
            block.origin.x + left..=block.origin.x + right,
            top..=top + row.height,
        ))
    }

    fn row_holding(&self, offset: usize) -> Option<(&LaidBlock, &LaidRow)> {
        let block = self
            .blocks
            .iter()
            .find(|b| b.range().is_some_and(|(s, e)| offset >= s && offset <= e))?;
        let local = offset - block.start?;
        let row = block
            .rows
            .iter()
            .find(|r| local >= r.start && local < r.end)
            .or(block.rows.last())?;
        Some((block, row))
    }

    /// Rectangles covering chars `[start, end)`: one per row, `band` points tall, centred
    /// on the row (highlights sit behind the letters, not the whole line box).
    pub fn range_rects(&self, start: usize, end: usize, band: f32, out: &mut Vec<Rect>) {
        for block in &self.blocks {
            let Some((bs, be)) = block.range() else {
                continue;
            };
            if end <= bs || start >= be {
                continue;
            }
            let (ls, le) = (start.max(bs) - bs, end.min(be) - bs);
            for row in &block.rows {
                let (rs, re) = (ls.max(row.start), le.min(row.end));
                if rs >= re {
                    continue;
                }
                let x0 = row.xs[rs - row.start];
                let x1 = row.xs[re - row.start];
                let centre = row.top + row.height * 0.5;
                let rect =
                    Rect::from_x_y_ranges(x0..=x1, centre - band * 0.5..=centre + band * 0.5);
                out.push(rect.translate(block.origin));
            }
        }
    }

    /// Every row of selectable text, for caret moves by row and for paging.
    pub fn row_geometry(&self) -> Vec<RowGeometry> {
        let mut rows = Vec::new();
        for block in &self.blocks {
            let Some(start) = block.start else { continue };
            for row in &block.rows {
                let top = block.origin.y + row.top;
                rows.push(RowGeometry {
                    start: start + row.start,
                    end: start + row.end,
                    top,
                    bottom: top + row.height,
                    xs: row.xs.iter().map(|x| block.origin.x + x).collect(),
                });
            }
        }
        rows
    }
}

/// The index of the edge in `xs` nearest to `x`.
fn nearest_edge(xs: &[f32], x: f32) -> usize {
    xs.iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
        .map_or(0, |(i, _)| i)
}

/// How far `y` is from the span `(top, bottom)` (0 inside it).
fn distance_y((top, bottom): (f32, f32), y: f32) -> f32 {
    if y < top {
        top - y
    } else if y > bottom {
        y - bottom
    } else {
        0.0
    }
}
