//! The six highlight colours: their default codebook names (Chinese and English), the
//! hue each one is, and its value. The one definition the window's themes, every export
//! and every importer read, so a colour is called and drawn the same everywhere.

use super::annotation::COLOR_COUNT;

/// One of the six highlight colours (keys 1–6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HighlightColor {
    /// 1-based, as stored and as typed.
    pub number: u8,
    /// Default codebook name of a Chinese library.
    pub name_zh: &'static str,
    /// Default codebook name of an English library.
    pub name_en: &'static str,
    /// The hue in plain English, for exports that describe the colour itself.
    pub hue: &'static str,
    /// The highlight drawn behind text on a light page (0xRRGGBB): what exports suggest.
    pub highlight: u32,
    /// A saturated version for swatches and underlines.
    pub strong: u32,
}

/// Colour 1 first.
pub const COLORS: [HighlightColor; COLOR_COUNT as usize] = [
    color(1, "重要", "Important", "yellow", 0xFCE8A4, 0xD9A400),
    color(2, "存疑", "Doubtful", "red", 0xF8C9C4, 0xD0463B),
    color(3, "观点", "Opinion", "blue", 0xC9DDF5, 0x3B7DD8),
    color(4, "数据", "Data", "green", 0xCFE8C3, 0x4C9A3A),
    color(5, "人物", "People", "purple", 0xE2D2F0, 0x8E5CC2),
    color(6, "其他", "Other", "orange", 0xF6D9B5, 0xE0842A),
];

const fn color(
    number: u8,
    name_zh: &'static str,
    name_en: &'static str,
    hue: &'static str,
    highlight: u32,
    strong: u32,
) -> HighlightColor {
    HighlightColor {
        number,
        name_zh,
        name_en,
        hue,
        highlight,
        strong,
    }
}

/// Colour `number` (1-based); out-of-range numbers give colour 1, as the store never holds them.
pub fn highlight_color(number: u8) -> &'static HighlightColor {
    let i = usize::from(number.clamp(1, COLOR_COUNT)) - 1;
    &COLORS[i]
}

/// `0xRRGGBB` as `#RRGGBB` (upper case, as REFI-QDA writes it).
pub fn hex(rgb: u32) -> String {
    format!("#{:06X}", rgb & 0xFF_FFFF)
}

/// Parses `#RRGGBB`, `RRGGBB`, `#RGB` or an RGB triple (`rgb(1,2,3)` or `1,2,3`), as other
/// tools write colours. `None` for anything else.
pub fn parse_color(text: &str) -> Option<u32> {
    let t = text.trim();
    let inner = t
        .strip_prefix("rgb(")
        .or_else(|| t.strip_prefix("RGB("))
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    if inner.contains(',') {
        let parts: Vec<u32> = inner
            .split(',')
            .map(|p| p.trim().parse::<u8>().map(u32::from))
            .collect::<Result<_, _>>()
            .ok()?;
        return match parts.as_slice() {
            [r, g, b] => Some(r << 16 | g << 8 | b),
            _ => None,
        };
    }
    let digits = inner.strip_prefix('#').unwrap_or(inner);
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match digits.len() {
        6 => u32::from_str_radix(digits, 16).ok(),
        3 => {
            let v = u32::from_str_radix(digits, 16).ok()?;
            let (r, g, b) = (v >> 8 & 0xF, v >> 4 & 0xF, v & 0xF);
            Some((r * 17) << 16 | (g * 17) << 8 | (b * 17))
        }
        _ => None,
    }
}

/// The highlight colour whose hue `rgb` is, if it is close to one of the six: by hue
/// angle, as other tools draw the same hue lighter or darker. Greys and near-whites
/// (no clear hue) match none.
pub fn nearest_color(rgb: u32) -> Option<u8> {
    let (hue, saturation) = hue_saturation(rgb);
    if saturation < 0.2 {
        return None;
    }
    let distance = |c: &HighlightColor| {
        let (h, _) = hue_saturation(c.strong);
        let d = (hue - h).abs();
        d.min(360.0 - d)
    };
    let best = COLORS
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))?;
    (distance(best) <= 30.0).then_some(best.number)
}

/// Hue in degrees (0–360) and HSL saturation (0–1).
fn hue_saturation(rgb: u32) -> (f32, f32) {
    let channel = |shift: u32| ((rgb >> shift) & 0xFF) as f32 / 255.0;
    let (r, g, b) = (channel(16), channel(8), channel(0));
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let delta = max - min;
    if delta < 1e-6 {
        return (0.0, 0.0);
    }
    let lightness = (max + min) / 2.0;
    let saturation = delta / (1.0 - (2.0 * lightness - 1.0).abs()).max(1e-6);
    let hue = if max == r {
        60.0 * ((g - b) / delta).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / delta + 2.0)
    } else {
        60.0 * ((r - g) / delta + 4.0)
    };
    (hue, saturation.min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_run_one_to_six_in_order() {
        for (i, c) in COLORS.iter().enumerate() {
            assert_eq!(usize::from(c.number), i + 1);
            assert_eq!(highlight_color(c.number), c);
        }
    }

    #[test]
    fn each_colour_is_nearest_to_itself_in_both_shades() {
        for c in &COLORS {
            assert_eq!(nearest_color(c.strong), Some(c.number), "{}", c.hue);
            assert_eq!(nearest_color(c.highlight), Some(c.number), "{}", c.hue);
        }
    }

    #[test]
    fn pure_hues_map_and_greys_do_not() {
        assert_eq!(nearest_color(0xFF0000), Some(2));
        assert_eq!(nearest_color(0x00FF00), Some(4));
        assert_eq!(nearest_color(0x0000FF), Some(3));
        assert_eq!(nearest_color(0xFFFF00), Some(1));
        assert_eq!(nearest_color(0xDEE2E6), None);
        assert_eq!(nearest_color(0x808080), None);
        // Cyan is between green and blue, far from both.
        assert_eq!(nearest_color(0x00FFFF), None);
    }

    #[test]
    fn colours_parse_in_the_ways_tools_write_them() {
        assert_eq!(parse_color("#FCE8A4"), Some(0xFCE8A4));
        assert_eq!(parse_color("fce8a4"), Some(0xFCE8A4));
        assert_eq!(parse_color("#f00"), Some(0xFF0000));
        assert_eq!(parse_color("rgb(252, 232, 164)"), Some(0xFCE8A4));
        assert_eq!(parse_color("252,232,164"), Some(0xFCE8A4));
        assert_eq!(parse_color("#12345"), None);
        assert_eq!(parse_color("300,0,0"), None);
        assert_eq!(parse_color("red"), None);
        assert_eq!(hex(0xFCE8A4), "#FCE8A4");
    }
}
