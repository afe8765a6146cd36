//! Laying out one section as a column of text blocks (title, byline, heading,
//! paragraphs, end matter), and mapping between char offsets and positions in it.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, Galley, Pos2, Rect, Vec2};

use crate::app::fonts;
use crate::core::outline::Located;
use crate::core::script::DisplayScript;
use crate::session::{Reader, RowGeometry};

/// Reading text size at zoom 1, in points.
pub const BASE_SIZE: f32 = 20.0;
/// Line height as a multiple of the text size: airy, as printed books are.
pub const LINE_HEIGHT: f32 = 1.85;
/// Characters per line at most: a comfortable measure for Chinese.
pub const MEASURE_CHARS: f32 = 38.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Subtitle,
    Byline,
    /// "续自第N版": not part of the reading text, so it cannot be selected.
    Continued,
    /// The page's running heads and feet, dimmed above the first article; not part of
    /// the reading text either.
    Furniture,
    Heading,
    Paragraph,
    EndMatter,
}

/// One block of the section and where it sits in the column.
#[derive(Debug, Clone)]
pub struct LaidBlock {
    /// Offset of the block's first char in the reading text (`None` for `Continued`).
    pub start: Option<usize>,
    pub chars: usize,
    /// Invisible chars laid out before the text (the first-line indent), not in the reading text.
    pub prefix: usize,
    pub galley: Arc<Galley>,
    /// Top-left of the galley relative to the column's top-left.
    pub origin: Vec2,
}

impl LaidBlock {
    pub fn rect(&self) -> Rect {
        self.galley.rect.translate(self.origin)
    }

    fn range(&self) -> Option<(usize, usize)> {
        self.start.map(|s| (s, s + self.chars))
    }
}

/// The laid-out section: blocks top to bottom.
#[derive(Debug, Clone, Default)]
pub struct SectionLayout {
    pub blocks: Vec<LaidBlock>,
    pub height: f32,
    pub font_size: f32,
}

/// The blocks of the section on screen, in order, with their text as `script` shows it
/// (one char for one char, so offsets into the stored text stay right).
pub fn blocks_of(
    reader: &Reader,
    lang: crate::i18n::Lang,
    script: DisplayScript,
) -> Vec<(BlockKind, Option<usize>, String)> {
    let mut out = Vec::new();
    let Some((ai, si)) = reader.position() else {
        return out;
    };
    let article = &reader.outline.articles[ai];
    let section = &article.sections[si];
    let mut push = |kind, l: &Located| {
        let shown = crate::core::script::display(&l.text, script).into_owned();
        out.push((kind, Some(l.start), shown));
    };
    if si == 0 {
        article.title.iter().for_each(|l| push(BlockKind::Title, l));
        article
            .subtitle
            .iter()
            .for_each(|l| push(BlockKind::Subtitle, l));
        article
            .byline
            .iter()
            .for_each(|l| push(BlockKind::Byline, l));
    }
    section
        .heading
        .iter()
        .for_each(|l| push(BlockKind::Heading, l));
    section
        .paragraphs
        .iter()
        .for_each(|l| push(BlockKind::Paragraph, l));
    if si + 1 == article.sections.len() {
        article
            .end_matter
            .iter()
            .for_each(|l| push(BlockKind::EndMatter, l));
    }
    if (ai, si) == (0, 0) && !reader.outline.page_furniture.is_empty() {
        let furniture = reader.outline.page_furniture.join("  ·  ");
        out.insert(0, (BlockKind::Furniture, None, furniture));
    }
    if si == 0 {
        if let Some(page) = article.continued_from_page {
            let at = out.iter().position(|b| {
                !matches!(
                    b.0,
                    BlockKind::Title
                        | BlockKind::Subtitle
                        | BlockKind::Byline
                        | BlockKind::Furniture
                )
            });
            out.insert(
                at.unwrap_or(out.len()),
                (
                    BlockKind::Continued,
                    None,
                    crate::i18n::tr_with(lang, "reading.continued", &[("page", &page.to_string())]),
                ),
            );
        }
    }
    out
}

/// Colours the layout needs (text is drawn in these; highlights are painted under it).
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub text: Color32,
    pub muted: Color32,
}

/// Lay out the section for a column `width` points wide, text at `size` points.
pub fn lay_out(
    fonts_view: &mut egui::epaint::text::FontsView<'_>,
    reader: &Reader,
    width: f32,
    size: f32,
    ink: Ink,
    lang: crate::i18n::Lang,
    script: DisplayScript,
) -> SectionLayout {
    let mut blocks = Vec::new();
    let mut y = size * 0.8;
    let mut previous: Option<BlockKind> = None;
    for (kind, start, text) in blocks_of(reader, lang, script) {
        let style = BlockStyle::of(kind, size, ink);
        y += style.space_before(kind, previous);
        let chars = text.chars().count();
        let paragraph = kind == BlockKind::Paragraph;
        let job = job_for(text, &style, width, paragraph);
        let galley = fonts_view.layout_job(job);
        // Centred and right-aligned galleys are laid out around x = 0 and ending at x = 0.
        let x = match style.align {
            Align::Min => 0.0,
            Align::Center => width * 0.5,
            Align::Max => width,
        };
        let origin = Vec2::new(x, y);
        y += galley.rect.height() + style.space_after;
        let prefix = if paragraph { INDENT.chars().count() } else { 0 };
        blocks.push(LaidBlock {
            start,
            chars,
            prefix,
            galley,
            origin,
        });
        previous = Some(kind);
    }
    SectionLayout {
        blocks,
        height: y + size * 3.0,
        font_size: size,
    }
}

struct BlockStyle {
    size: f32,
    color: Color32,
    align: Align,
    space_after: f32,
    line_height: f32,
}

impl BlockStyle {
    fn of(kind: BlockKind, base: f32, ink: Ink) -> BlockStyle {
        let (scale, color, align) = match kind {
            BlockKind::Title => (1.45, ink.text, Align::Center),
            BlockKind::Subtitle => (1.05, ink.muted, Align::Center),
            BlockKind::Byline => (0.85, ink.muted, Align::Center),
            BlockKind::Continued => (0.75, ink.muted, Align::Center),
            BlockKind::Furniture => (0.7, ink.muted, Align::Center),
            BlockKind::Heading => (1.1, ink.text, Align::LEFT),
            BlockKind::Paragraph => (1.0, ink.text, Align::LEFT),
            BlockKind::EndMatter => (0.85, ink.muted, Align::RIGHT),
        };
        let size = (base * scale).round();
        let line = if kind == BlockKind::Title {
            1.5
        } else {
            LINE_HEIGHT
        };
        BlockStyle {
            size,
            color,
            align,
            space_after: base
                * if kind == BlockKind::Paragraph {
                    0.45
                } else {
                    0.3
                },
            line_height: (size * line).round(),
        }
    }

    /// Extra room that separates the article head from the body and sets headings off.
    fn space_before(&self, kind: BlockKind, previous: Option<BlockKind>) -> f32 {
        match (kind, previous) {
            (
                _,
                None
                | Some(
                    BlockKind::Title
                    | BlockKind::Subtitle
                    | BlockKind::Byline
                    | BlockKind::Continued,
                ),
            ) => 0.0,
            (_, Some(BlockKind::Furniture)) => self.size * 0.8,
            (BlockKind::Heading, _) => self.size,
            (BlockKind::EndMatter, _) => self.size * 0.6,
            _ => 0.0,
        }
    }
}

/// The first-line indent of a paragraph: two full-width chars drawn invisibly. (egui's
/// justification drops leading space, and Chinese is printed justified and indented.)
const INDENT: &str = "\u{56FD}\u{56FD}";

/// Paragraphs are justified, as Chinese is printed: every full row ends flush.
fn job_for(text: String, style: &BlockStyle, width: f32, paragraph: bool) -> LayoutJob {
    let format = TextFormat {
        font_id: fonts::reading(style.size),
        color: style.color,
        line_height: Some(style.line_height),
        valign: Align::Center,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    if paragraph {
        job.append(
            INDENT,
            0.0,
            TextFormat {
                color: Color32::TRANSPARENT,
                ..format.clone()
            },
        );
    }
    job.append(&text, 0.0, format);
    job.wrap.max_width = width;
    job.halign = style.align;
    job.justify = paragraph;
    job
}

impl SectionLayout {
    /// The caret position nearest to `pos` (column coordinates), if any block holds text there.
    pub fn offset_at(&self, pos: Pos2) -> Option<usize> {
        let candidates = self.blocks.iter().filter(|b| b.start.is_some());
        // The block under the pointer, else the nearest one vertically.
        let block = candidates.min_by(|a, b| {
            let da = distance_y(a.rect(), pos.y);
            let db = distance_y(b.rect(), pos.y);
            da.total_cmp(&db)
        })?;
        let local = pos - block.origin;
        let cursor = block.galley.cursor_from_pos(local.to_vec2());
        Some(block.start? + cursor.index.0.saturating_sub(block.prefix).min(block.chars))
    }

    /// The char under `pos` (column coordinates), unlike `offset_at` which gives the
    /// nearest gap between chars: double-clicking the right half of a char picks that char.
    pub fn char_under(&self, pos: Pos2) -> Option<usize> {
        let caret = self.offset_at(pos)?;
        let block = self.block_holding(caret)?;
        let start = block.start?;
        let left_of_caret = self.caret_rect(caret).is_some_and(|r| pos.x < r.left());
        let last = start + block.chars.saturating_sub(1);
        Some(if left_of_caret && caret > start {
            caret - 1
        } else {
            caret.min(last)
        })
    }

    /// The rectangle of a caret before char `offset` (column coordinates).
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let block = self.block_holding(offset)?;
        let local = offset - block.start? + block.prefix;
        Some(
            block
                .galley
                .pos_from_cursor(CCursor::new(local))
                .translate(block.origin),
        )
    }

    fn block_holding(&self, offset: usize) -> Option<&LaidBlock> {
        self.blocks
            .iter()
            .find(|b| b.range().is_some_and(|(s, e)| offset >= s && offset <= e))
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
            // Galley indices: past the invisible indent.
            let (ls, le) = (
                start.max(bs) - bs + block.prefix,
                end.min(be) - bs + block.prefix,
            );
            let mut row_start = 0;
            for row in &block.galley.rows {
                let n = row.glyphs.len();
                let (rs, re) = (ls.max(row_start), le.min(row_start + n));
                if rs < re {
                    let x0 = row.glyphs[rs - row_start].pos.x;
                    let x1 = row.glyphs[re - 1 - row_start].max_x();
                    let centre = row.pos.y + row.size.y * 0.5;
                    let rect = Rect::from_x_y_ranges(
                        row.pos.x + x0..=row.pos.x + x1,
                        centre - band * 0.5..=centre + band * 0.5,
                    );
                    out.push(rect.translate(block.origin));
                }
                row_start += n + usize::from(row.ends_with_newline);
                if row_start >= le {
                    break;
                }
            }
        }
    }

    /// Every row of selectable text, for caret moves by row and for paging.
    pub fn row_geometry(&self) -> Vec<RowGeometry> {
        let mut rows = Vec::new();
        for block in &self.blocks {
            let Some(start) = block.start else { continue };
            // Galley index of the row's first glyph; the indent's glyphs are skipped.
            let mut g = 0;
            for row in &block.galley.rows {
                let n = row.glyphs.len();
                let skip = block.prefix.saturating_sub(g).min(n);
                let x = block.origin.x + row.pos.x;
                let mut xs: Vec<f32> = row.glyphs[skip..].iter().map(|g| x + g.pos.x).collect();
                xs.push(x + row.glyphs.last().map_or(0.0, |g| g.max_x()));
                let top = block.origin.y + row.pos.y;
                let first = start + (g + skip) - block.prefix;
                rows.push(RowGeometry {
                    start: first,
                    end: first + n - skip,
                    top,
                    bottom: top + row.size.y,
                    xs,
                });
                g += n + usize::from(row.ends_with_newline);
            }
        }
        rows
    }
}

fn distance_y(rect: Rect, y: f32) -> f32 {
    if y < rect.top() {
        rect.top() - y
    } else if y > rect.bottom() {
        y - rect.bottom()
    } else {
        0.0
    }
}
