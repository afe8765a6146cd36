//! The About box (F12): the open document and where it was printed, version, where the
//! library and logs live, the bundled fonts' licence, in the window's language.

use egui::RichText;

use crate::session::{AppState, Command};

use super::access::text as t;
use super::dialogs::title;
use super::theme::Palette;

pub(super) fn about_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    palette: &Palette,
    queue: &mut Vec<Command>,
) {
    title(ui, t(ui.ctx(), "dialog.about"), palette);
    let db = state
        .store()
        .path()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| ":memory:".into());
    let about = crate::about::about(&db);
    if let Some(doc) = state.doc() {
        // The open document and where it was printed, as exports cite it.
        let cite = super::cite(&doc.source, state.language())
            .unwrap_or_else(|| t(ui.ctx(), "about.source_unknown").into());
        let lang = state.language();
        let line = crate::i18n::tr_with(
            lang,
            "about.document",
            &[("title", &doc.title), ("cite", &cite)],
        );
        ui.label(RichText::new(line).color(palette.ink));
        ui.label(
            RichText::new(&doc.source_path)
                .size(12.0)
                .color(palette.muted),
        );
        ui.add_space(6.0);
    }
    let text = about_text(&about, state.language());
    ui.add(egui::Label::new(RichText::new(text).color(palette.ink)).wrap());
    ui.add_space(6.0);
    egui::CollapsingHeader::new(t(ui.ctx(), "about.fonts_licence")).show(ui, |ui| {
        let scroll = egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(about.fonts_licence)
                        .size(11.5)
                        .color(palette.muted),
                );
            });
        super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.fonts");
    });
    ui.add_space(6.0);
    if ui.button(t(ui.ctx(), "button.close")).clicked() {
        queue.push(Command::CancelEdit);
    }
}

/// The About facts in the window's language (`About::text` is the command line's English).
fn about_text(about: &crate::about::About, lang: crate::i18n::Lang) -> String {
    let log_file = about.log_file.as_ref().map(|p| p.display().to_string());
    let no_log = crate::i18n::tr(lang, "about.no_log");
    crate::i18n::tr_with(
        lang,
        "about.body",
        &[
            ("version", about.version),
            ("db", &about.db_path.display().to_string()),
            ("data", &about.data_dir.display().to_string()),
            ("logs", &about.log_dir.display().to_string()),
            ("log_file", log_file.as_deref().unwrap_or(no_log)),
            ("fonts", &about.fonts.join(", ")),
            ("dictionary", about.dictionary),
        ],
    )
    .replace("\\n", "\n")
}
