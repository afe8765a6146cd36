//! The bundled Noto CJK faces: a Song-style serif for the reading text and a sans for the
//! interface. Both files are collections; face 2 of each is Simplified Chinese (SC).
//! Licence: assets/fonts/OFL.txt.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

static SERIF_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSerifCJK-Regular.ttc");
static SANS_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJK-Regular.ttc");

/// Index of the SC face inside the Noto CJK `.ttc` collections.
const SC_FACE: u32 = 2;

/// The family name of the reading face.
pub const SERIF: &str = "serif";

/// Font for reading text at `size` points.
pub fn reading(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF.into()))
}

/// The font set pizhu uses: egui's defaults kept as fallbacks for symbols and emoji.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let face = |bytes: &'static [u8]| Arc::new(FontData::from_blob(Arc::new(bytes), SC_FACE));
    fonts
        .font_data
        .insert("noto-serif-sc".into(), face(SERIF_SC));
    fonts.font_data.insert("noto-sans-sc".into(), face(SANS_SC));

    let defaults = |family: FontFamily| fonts.families.get(&family).cloned().unwrap_or_default();
    let proportional = defaults(FontFamily::Proportional);
    let monospace = defaults(FontFamily::Monospace);

    let mut ui = vec!["noto-sans-sc".to_string()];
    ui.extend(proportional.iter().cloned());
    let mut text = vec!["noto-serif-sc".to_string(), "noto-sans-sc".to_string()];
    text.extend(proportional);
    let mut mono = monospace;
    mono.push("noto-sans-sc".into());

    fonts.families.insert(FontFamily::Proportional, ui);
    fonts.families.insert(FontFamily::Monospace, mono);
    fonts.families.insert(FontFamily::Name(SERIF.into()), text);
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Punctuation and marks newspapers print that a font may lack.
    const MARKS: &str = "■□“”‘’—…·";
    const SAMPLE: &str = include_str!("../../seeds/000_51e883962f205273.txt");

    #[test]
    fn fonts_cover_the_sample_and_newspaper_marks() {
        let ctx = egui::Context::default();
        install(&ctx);
        // Fonts are swapped in at the start of a pass.
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let missing = |family: FontId| -> Vec<char> {
            let mut chars: Vec<char> = SAMPLE
                .chars()
                .chain(MARKS.chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            chars.sort_unstable();
            chars.dedup();
            ctx.fonts_mut(|f| {
                chars
                    .into_iter()
                    .filter(|&c| !f.has_glyph(&family, c))
                    .collect()
            })
        };
        assert_eq!(missing(reading(20.0)), Vec::<char>::new(), "reading face");
        assert_eq!(
            missing(FontId::proportional(14.0)),
            Vec::<char>::new(),
            "interface face"
        );
    }

    #[test]
    fn the_reading_face_is_the_serif() {
        let defs = definitions();
        let family = &defs.families[&FontFamily::Name(SERIF.into())];
        assert_eq!(family[0], "noto-serif-sc");
        assert_eq!(defs.font_data["noto-serif-sc"].index, SC_FACE);
    }
}
