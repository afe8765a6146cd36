//! Colours of the three themes. Paper-like backgrounds, soft ink, one seal-red accent;
//! highlight colours light enough that the text on them stays easy to read.

use egui::{Color32, Stroke, Visuals};

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

/// 重要 yellow, 存疑 red, 观点 blue, 数据 green, 人物 purple, 其他 orange.
const LIGHT_MARKS: [Color32; 6] = [
    rgb(0xFCE8A4),
    rgb(0xF8C9C4),
    rgb(0xC9DDF5),
    rgb(0xCFE8C3),
    rgb(0xE2D2F0),
    rgb(0xF6D9B5),
];
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
const STRONG: [Color32; 6] = [
    rgb(0xD9A400),
    rgb(0xD0463B),
    rgb(0x3B7DD8),
    rgb(0x4C9A3A),
    rgb(0x8E5CC2),
    rgb(0xE0842A),
];

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
