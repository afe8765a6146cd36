//! Laying out one section as a column of text blocks (title, byline, heading,
//! paragraphs, end matter). The rows are broken by `core::linebreak` (clreq's rules,
//! balanced headlines, punctuation compression), not by egui: each row is its own galley
//! whose chars sit where the breaker put them. Mapping between char offsets and positions
//! is in `mapping.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Rect, Vec2};

use crate::app::fonts;
use crate::core::linebreak::{self, Setting};
use crate::core::outline::Located;
use crate::core::script::DisplayScript;
use crate::session::Reader;

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

/// One row of a block: which chars, where each is drawn, and the galley that draws them.
#[derive(Debug, Clone)]
pub struct LaidRow {
    /// Chars `[start, end)` of the block.
    pub start: usize,
    pub end: usize,
    /// Left edge of each char and the right edge of the last (`end - start + 1` values),
    /// relative to the block's origin.
    pub xs: Vec<f32>,
    /// Top of the row relative to the block's origin.
    pub top: f32,
    pub height: f32,
    /// Laid out without wrapping, its glyphs at the `xs`; drawn at the block's origin
    /// moved down by `top`.
    pub galley: Arc<Galley>,
}

/// One block of the section and where it sits in the column.
#[derive(Debug, Clone)]
pub struct LaidBlock {
    /// Offset of the block's first char in the reading text (`None` for `Continued`).
    pub start: Option<usize>,
    pub chars: usize,
    pub rows: Vec<LaidRow>,
    /// Top-left of the block relative to the column's top-left.
    pub origin: Vec2,
    /// The block's box relative to its origin.
    bounds: Rect,
}

impl LaidBlock {
    pub fn rect(&self) -> Rect {
        self.bounds.translate(self.origin)
    }

    pub(super) fn range(&self) -> Option<(usize, usize)> {
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

/// Lay out the section for a column `width` points wide, text at `size` points, with
/// adjacent punctuation compressed or not, in the script chosen for display.
// Each argument is one thing the layout depends on (the cache key's fields).
#[allow(clippy::too_many_arguments)]
pub fn lay_out(
    fonts_view: &mut egui::epaint::text::FontsView<'_>,
    reader: &Reader,
    width: f32,
    size: f32,
    ink: Ink,
    lang: crate::i18n::Lang,
    script: DisplayScript,
    compress: bool,
) -> SectionLayout {
    let mut blocks = Vec::new();
    let mut y = size * 0.8;
    let mut previous: Option<BlockKind> = None;
    for (kind, start, text) in blocks_of(reader, lang, script) {
        let style = BlockStyle::of(kind, size, ink);
        y += style.space_before(kind, previous);
        let chars: Vec<char> = text.chars().collect();
        let mut block = lay_out_block(fonts_view, &chars, &style, kind, width, compress);
        block.start = start;
        block.origin = Vec2::new(0.0, y);
        y += block.bounds.height() + style.space_after;
        blocks.push(block);
        previous = Some(kind);
    }
    SectionLayout {
        blocks,
        height: y + size * 3.0,
        font_size: size,
    }
}

/// How the breaker sets each kind of block: paragraphs justified and indented two ems,
/// as Chinese is printed; titles and headings balanced.
fn setting_of(kind: BlockKind, style: &BlockStyle, compress: bool) -> Setting {
    let align = match (kind, style.align) {
        (BlockKind::Paragraph, _) => linebreak::Align::Justify,
        (_, Align::Center) => linebreak::Align::Centre,
        (_, Align::Max) => linebreak::Align::End,
        _ => linebreak::Align::Start,
    };
    Setting {
        align,
        balance: matches!(
            kind,
            BlockKind::Title | BlockKind::Subtitle | BlockKind::Heading
        ),
        first_indent: if kind == BlockKind::Paragraph {
            style.size * 2.0
        } else {
            0.0
        },
        compress,
        em: style.size,
    }
}

fn lay_out_block(
    fonts_view: &mut egui::epaint::text::FontsView<'_>,
    chars: &[char],
    style: &BlockStyle,
    kind: BlockKind,
    width: f32,
    compress: bool,
) -> LaidBlock {
    let font = fonts::reading(style.size);
    // A section repeats few distinct chars: measure each once.
    let mut measured: HashMap<char, f32> = HashMap::new();
    let advances: Vec<f32> = chars
        .iter()
        .map(|&c| {
            *measured
                .entry(c)
                .or_insert_with(|| advance_of(fonts_view, &font, c))
        })
        .collect();
    let setting = setting_of(kind, style, compress);
    let mut rows = Vec::new();
    let mut top = 0.0;
    let broken = if setting.balance {
        // Headlines end their rows between words (jieba's); asked only when one wraps.
        let words = || crate::core::segment::word_starts(chars);
        linebreak::break_rows_between_words(chars, &advances, width, &setting, words)
    } else {
        linebreak::break_rows(chars, &advances, width, &setting)
    };
    for row in broken {
        let (s, e) = (row.start, row.end);
        let job = row_job(&chars[s..e], &row.xs, &advances[s..e], style);
        rows.push(LaidRow {
            start: s,
            end: e,
            xs: row.xs,
            top,
            height: style.line_height,
            galley: fonts_view.layout_job(job),
        });
        top += style.line_height;
    }
    // Rows of paragraphs and left-aligned blocks start at the column's edge (the indent
    // is inside the first row); centred and right-aligned ones where their text starts.
    let left = match style.align {
        Align::Min => 0.0,
        _ => rows.iter().map(|r| r.xs[0]).fold(width, f32::min),
    };
    let right = rows
        .iter()
        .map(|r| r.xs.last().copied().unwrap_or(0.0))
        .fold(left, f32::max);
    LaidBlock {
        start: None,
        chars: chars.len(),
        rows,
        origin: Vec2::ZERO,
        bounds: Rect::from_x_y_ranges(left..=right, 0.0..=top),
    }
}

/// The advance of `c`: line feeds and other controls take no room.
fn advance_of(fonts_view: &mut egui::epaint::text::FontsView<'_>, font: &FontId, c: char) -> f32 {
    if c.is_control() {
        0.0
    } else {
        fonts_view.glyph_width(font, c)
    }
}

/// One row as a galley: each char's section starts with the space that puts it at its x
/// (egui adds a section's leading space before its first glyph; chars with no extra
/// space before them join the previous section).
fn row_job(chars: &[char], xs: &[f32], advances: &[f32], style: &BlockStyle) -> LayoutJob {
    let format = TextFormat {
        font_id: fonts::reading(style.size),
        color: style.color,
        line_height: Some(style.line_height),
        valign: Align::Center,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut pen = 0.0;
    let mut utf8 = [0u8; 4];
    for (i, &c) in chars.iter().enumerate() {
        // A line feed would start a new row inside the galley: drawn as a space.
        let shown = if c.is_control() { ' ' } else { c };
        let lead = xs[i] - pen;
        let lead = if lead.abs() < 0.01 { 0.0 } else { lead };
        job.append(shown.encode_utf8(&mut utf8), lead, format.clone());
        pen = xs[i] + advances[i];
    }
    job.wrap.max_width = f32::INFINITY;
    job.halign = Align::LEFT;
    job
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
