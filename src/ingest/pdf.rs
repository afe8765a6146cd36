//! A PDF's text layer as plain `core::layout::Page`s: every glyph with its position, size,
//! font and render mode, and the straight rules drawn between articles.
//!
//! This is the only file that names `hayro-interpret` (pinned to an exact version in
//! Cargo.toml): its API is young, so a change of it should touch nothing else. hayro
//! interprets each page's content stream and calls our `Device` for every glyph run, path
//! and image; we keep what layout analysis needs and count what we cannot read (glyphs
//! without Unicode, pages that are only images) so the caller can refuse with a reason
//! instead of importing a page with holes in it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};

use super::IngestError;
use crate::core::layout::{name_is_heavy, Glyph, Page, Rule};

/// More pages than a newspaper edition has: a book or a scan archive, not a page of news.
/// Refused before any page is interpreted, so time and memory stay bounded.
pub const MAX_PAGES: usize = 200;

/// Glyphs on one page beyond which the page is not newspaper text (a data dump, a chart
/// drawn with text); bounds memory per page.
pub const MAX_GLYPHS_PER_PAGE: usize = 200_000;

/// True when the bytes are a PDF: `%PDF-` within the first KiB, as readers accept it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Read every page's glyphs and rules, or say why the file cannot be read.
pub fn read_pages(path: &Path, bytes: &[u8]) -> Result<Vec<Page>, IngestError> {
    let owned = || path.to_path_buf();
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(IngestError::PdfBroken {
            path: owned(),
            reason: "it is truncated (no %%EOF at its end)",
        });
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(_)) => {
            return Err(IngestError::PdfEncrypted { path: owned() })
        }
        Err(LoadPdfError::Invalid) => {
            return Err(IngestError::PdfBroken {
                path: owned(),
                reason: "its structure cannot be parsed (damaged file?)",
            })
        }
    };
    let count = pdf.pages().len();
    if count == 0 {
        return Err(IngestError::PdfBroken {
            path: owned(),
            reason: "it has no pages",
        });
    }
    if count > MAX_PAGES {
        return Err(IngestError::PdfTooManyPages {
            path: owned(),
            pages: count,
            limit: MAX_PAGES,
        });
    }
    // hayro forbids unsafe code but may still panic on input it does not expect; a damaged
    // page must become an error message, never a crash of the window.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_all(&pdf)));
    let pages = read.map_err(|_| IngestError::PdfBroken {
        path: owned(),
        reason: "a page's content cannot be interpreted (damaged file?)",
    })?;
    check(path, pages)
}

/// What one page gave, before the checks.
struct Read {
    page: Page,
    images: usize,
    /// Glyphs without a Unicode mapping, by font name.
    unmapped: BTreeMap<String, usize>,
    too_many: bool,
}

fn read_all(pdf: &Pdf) -> Vec<Read> {
    let cache = InterpreterCache::new();
    pdf.pages()
        .iter()
        .map(|page| {
            let crop = page.crop_box();
            let mut device = Collector {
                origin: Affine::new([1.0, 0.0, 0.0, -1.0, -crop.x0, crop.y1]),
                page: Page {
                    width: crop.width() as f32,
                    height: crop.height() as f32,
                    ..Page::default()
                },
                images: 0,
                unmapped: BTreeMap::new(),
                too_many: false,
            };
            let mut context = Context::new(
                Affine::IDENTITY,
                Rect::new(0.0, 0.0, crop.width(), crop.height()),
                &cache,
                pdf.xref(),
                InterpreterSettings::default(),
            );
            interpret_page(page, &mut context, &mut device);
            Read {
                page: device.page,
                images: device.images,
                unmapped: device.unmapped,
                too_many: device.too_many,
            }
        })
        .collect()
}

/// Turn what the pages gave into pages, or the first reason to refuse the file.
fn check(path: &Path, read: Vec<Read>) -> Result<Vec<Page>, IngestError> {
    let owned = || path.to_path_buf();
    if let Some(i) = read.iter().position(|r| r.too_many) {
        return Err(IngestError::PdfTooManyGlyphs {
            path: owned(),
            page: i + 1,
            limit: MAX_GLYPHS_PER_PAGE,
        });
    }
    let mut unmapped: BTreeMap<String, usize> = BTreeMap::new();
    for r in &read {
        for (font, n) in &r.unmapped {
            *unmapped.entry(font.clone()).or_default() += n;
        }
    }
    if !unmapped.is_empty() {
        let count = unmapped.values().sum();
        let fonts = unmapped
            .iter()
            .map(|(f, n)| format!("{n} in {f}"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(IngestError::PdfUnmapped {
            path: owned(),
            count,
            fonts,
        });
    }
    let scanned: Vec<usize> = (0..read.len())
        .filter(|&i| read[i].page.glyphs.is_empty() && read[i].images > 0)
        .map(|i| i + 1)
        .collect();
    if read.iter().all(|r| r.page.glyphs.is_empty()) || !scanned.is_empty() {
        return Err(IngestError::PdfNoText {
            path: owned(),
            pages: read.len(),
            scanned,
        });
    }
    Ok(read.into_iter().map(|r| r.page).collect())
}

/// Our `Device`: keeps glyphs and rules in top-left page coordinates, counts images.
struct Collector {
    /// PDF user space (origin bottom-left, y up) → page space (top-left, y down).
    origin: Affine,
    page: Page,
    images: usize,
    unmapped: BTreeMap<String, usize>,
    too_many: bool,
}

impl Collector {
    fn glyphs(&mut self, run: &GlyphRun<'_, '_>, props: &DrawProps<'_>, stroked: bool) {
        let Some(first) = run.glyphs().first() else {
            return;
        };
        let (name, weight) = match &**first {
            hayro_interpret::font::Glyph::Outline(g) => g
                .font_data()
                .map(|d| (d.postscript_name.unwrap_or_default(), d.weight))
                .unwrap_or_default(),
            hayro_interpret::font::Glyph::Type3(_) => ("Type3".to_string(), None),
        };
        let bold = weight.is_some_and(|w| w >= 600) || name_is_heavy(&name);
        let font: Arc<str> = Arc::from(name.as_str());
        for glyph in run.glyphs() {
            if self.page.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                self.too_many = true;
                return;
            }
            let text = match glyph.as_unicode() {
                Some(BfString::Char(c)) => c.to_string(),
                Some(BfString::String(s)) => s,
                None => {
                    let label = if name.is_empty() {
                        "an unnamed font"
                    } else {
                        &name
                    };
                    *self.unmapped.entry(label.to_string()).or_default() += 1;
                    continue;
                }
            };
            // Glyph space is 1000 units to the em; the transform takes it to the page.
            let t = self.origin * props.transform * glyph.transform();
            let [a, b, c, d, _, _] = t.as_coeffs();
            let at = t * Point::ZERO;
            let size = (c.hypot(d) * 1000.0) as f32;
            let advance = match &**glyph {
                hayro_interpret::font::Glyph::Outline(g) => g.advance_width(),
                hayro_interpret::font::Glyph::Type3(g) => g.advance_width(),
            };
            let advance = advance.unwrap_or(0.0) as f64;
            self.page.glyphs.push(Glyph {
                x: at.x as f32,
                y: at.y as f32,
                size,
                width: (a.hypot(b) * advance) as f32,
                font: font.clone(),
                bold,
                stroked,
                text,
            });
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        let bbox = (self.origin * props.transform * path.clone()).bounding_box();
        let (w, h) = (bbox.width(), bbox.height());
        // Thin and long: a rule. Boxes, photos' frames and ornaments are not separators.
        if (h <= 3.0 && w >= 20.0) || (w <= 3.0 && h >= 20.0) {
            self.page.rules.push(Rule {
                x0: bbox.x0 as f32,
                y0: bbox.y0 as f32,
                x1: bbox.x1 as f32,
                y1: bbox.y1 as f32,
            });
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        self.glyphs(run, &props, matches!(mode, DrawMode::Stroke(_)));
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}
