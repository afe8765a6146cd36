//! Colours of the four themes. Light, sepia and dark: paper-like backgrounds, soft ink, one
//! seal-red accent; highlight colours light enough that the text on them stays easy to
//! read. High contrast: black on white, for low vision.

use egui::{Color32, Stroke, Visuals};

use crate::core::colors::COLORS;
use crate::session::Theme;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub dark: bool,
    /// The page behind the reading text.
    pub paper: Color32,
    /// Side panels and bars, a shade off the paper.
    pub panel: Color32,
    pub ink: Color32,
    /// Secondary text: bylines, counts, hints.
    pub muted: Color32,
    pub rule: Color32,
    pub accent: Color32,
    pub selection: Color32,
    /// Background of highlights, colour 1 first.
    pub marks: [Color32; 6],
    /// Stronger versions of the marks, for swatches and overlap underlines.
    pub strong: [Color32; 6],
}

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// Each colour's own highlight (`crate::core::colors`, which exports read too).
const LIGHT_MARKS: [Color32; 6] = from_colors(false);
/// The same hues, shaded for the sepia and dark pages (same order as `COLORS`).
const SEPIA_MARKS: [Color32; 6] = [
    rgb(0xF3D98A),
    rgb(0xEDB9A9),
    rgb(0xBFD0DD),
    rgb(0xC7D9A8),
    rgb(0xD8C3D6),
    rgb(0xEBC497),
];
const DARK_MARKS: [Color32; 6] = [
    rgb(0x5E5121),
    rgb(0x6A3532),
    rgb(0x2C4563),
    rgb(0x33523A),
    rgb(0x4F3E66),
    rgb(0x654627),
];
const STRONG: [Color32; 6] = from_colors(true);

/// The six colours' highlights (or strong versions) as egui colours, colour 1 first.
const fn from_colors(strong: bool) -> [Color32; 6] {
    let mut out = [Color32::BLACK; 6];
    let mut i = 0;
    while i < 6 {
        let c = &COLORS[i];
        out[i] = rgb(if strong { c.strong } else { c.highlight });
        i += 1;
    }
    out
}

pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            dark: false,
            paper: rgb(0xFBFAF6),
            panel: rgb(0xF2F0EA),
            ink: rgb(0x262421),
            muted: rgb(0x8A847B),
            rule: rgb(0xE2DED5),
            accent: rgb(0xA23B2C),
            selection: Color32::from_rgba_unmultiplied(70, 120, 200, 70),
            marks: LIGHT_MARKS,
            strong: STRONG,
        },
        Theme::Sepia => Palette {
            dark: false,
            paper: rgb(0xF4ECD8),
            panel: rgb(0xEAE0C8),
            ink: rgb(0x433422),
            muted: rgb(0x8C7A60),
            rule: rgb(0xDCCFB2),
            accent: rgb(0x9A4A26),
            selection: Color32::from_rgba_unmultiplied(90, 110, 160, 70),
            marks: SEPIA_MARKS,
            strong: STRONG,
        },
        Theme::Dark => Palette {
            dark: true,
            paper: rgb(0x1D1E20),
            panel: rgb(0x242528),
            ink: rgb(0xD8D4CC),
            muted: rgb(0x8D8980),
            rule: rgb(0x34353A),
            accent: rgb(0xE08A6F),
            selection: Color32::from_rgba_unmultiplied(90, 130, 200, 90),
            marks: DARK_MARKS,
            strong: STRONG,
        },
        // Pure black on white; rules and muted text dark enough to read (WCAG AAA, 7:1);
        // each highlight keeps its hue, with black text on it above 12:1.
        Theme::HighContrast => Palette {
            dark: false,
            paper: Color32::WHITE,
            panel: rgb(0xF0F0F0),
            ink: Color32::BLACK,
            muted: rgb(0x3A3A3A),
            rule: Color32::BLACK,
            accent: rgb(0x0000B0),
            selection: Color32::from_rgba_unmultiplied(0, 90, 255, 110),
            marks: LIGHT_MARKS,
            strong: STRONG,
        },
    }
}

impl Palette {
    pub fn mark(&self, color: u8) -> Color32 {
        self.marks[(color.clamp(1, 6) - 1) as usize]
    }

    pub fn strong(&self, color: u8) -> Color32 {
        self.strong[(color.clamp(1, 6) - 1) as usize]
    }

    /// egui's widget colours tuned to the palette, so panels and dialogs match the page.
    pub fn visuals(&self) -> Visuals {
        let mut v = if self.dark {
            Visuals::dark()
        } else {
            Visuals::light()
        };
        v.panel_fill = self.panel;
        v.window_fill = self.paper;
        v.extreme_bg_color = if self.dark {
            rgb(0x17181A)
        } else {
            Color32::WHITE
        };
        v.faint_bg_color = self.panel;
        v.override_text_color = Some(self.ink);
        v.hyperlink_color = self.accent;
        v.selection.bg_fill = self.selection;
        v.selection.stroke = Stroke::new(1.0, self.accent);
        v.window_stroke = Stroke::new(1.0, self.rule);
        v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, self.rule);
        v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, self.ink);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let lin = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn high_contrast_text_meets_wcag_aaa_everywhere_it_is_drawn() {
        let p = palette(Theme::HighContrast);
        for background in [p.paper, p.panel].into_iter().chain(p.marks) {
            assert!(contrast(p.ink, background) >= 7.0, "{background:?}");
        }
        assert!(contrast(p.muted, p.paper) >= 7.0);
        assert!(contrast(p.accent, p.paper) >= 7.0);
        // Higher than the everyday themes, which is the point of it.
        let light = palette(Theme::Light);
        assert!(contrast(p.ink, p.paper) > contrast(light.ink, light.paper));
        assert!(contrast(p.muted, p.paper) > contrast(light.muted, light.paper));
    }

    #[test]
    fn the_window_draws_the_colours_exports_describe() {
        let light = palette(Theme::Light);
        for c in &COLORS {
            let [r, g, b, _] = light.mark(c.number).to_array();
            let rgb = u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b);
            assert_eq!(rgb, c.highlight, "colour {}", c.number);
        }
    }
}
