//! The status line: which document, "文章 2/5 · 第 3/4 节", how far down the section,
//! and the mode the keys are in.

use crate::i18n::{tr, tr_with};
use egui::RichText;

use crate::session::{AppState, Focus, Page};

use super::theme::Palette;

/// "文章 2/5 · 第 3/4 节" for the section on screen.
pub fn position_text(state: &AppState) -> Option<String> {
    let doc = state.doc()?;
    let (a, s) = doc.reader.position()?;
    let articles = doc.reader.outline.articles.len();
    let sections = doc.reader.outline.articles[a].sections.len();
    let n = |x: usize| x.to_string();
    Some(tr_with(
        state.language(),
        "status.position",
        &[
            ("article", &n(a + 1)),
            ("articles", &n(articles)),
            ("section", &n(s + 1)),
            ("sections", &n(sections)),
        ],
    ))
}

pub fn bar_ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette) {
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(12, 4));
    egui::Panel::bottom("status")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| {
            let lang = state.language();
            ui.horizontal(|ui| {
                let muted = |t: String| RichText::new(t).color(palette.muted).size(12.5);
                if let Some(doc) = &state.doc() {
                    ui.label(RichText::new(&doc.title).size(12.5).color(palette.ink));
                    if let Some(p) = position_text(state) {
                        ui.label(muted(p));
                    }
                    let r = &doc.reader;
                    let percent = if r.max_scroll() > 0.0 {
                        (r.scroll / r.max_scroll() * 100.0).round()
                    } else {
                        100.0
                    };
                    ui.label(muted(format!("{percent:.0}%")));
                } else {
                    ui.label(muted(tr(lang, "status.no_document").into()));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(muted(tr(lang, "status.help").into()));
                    ui.label(muted(format!(
                        "{} · {:.0}%",
                        theme_label(lang, state.prefs().theme),
                        state.prefs().zoom * 100.0
                    )));
                    let mode = match (
                        state.page(),
                        state.focus(),
                        state.doc().is_some_and(|d| d.caret_mode),
                    ) {
                        (Page::Library, _, _) => tr(lang, "status.mode_library"),
                        (_, Focus::Outline, _) => tr(lang, "status.mode_outline"),
                        (_, Focus::Annotations, _) => tr(lang, "status.mode_annotations"),
                        (_, Focus::Text, true) => tr(lang, "status.mode_caret"),
                        (_, Focus::Text, false) => tr(lang, "status.mode_reading"),
                    };
                    ui.label(RichText::new(mode).color(palette.accent).size(12.5));
                    if let Some(a) = state.selected_annotation() {
                        let name = crate::export::color_name(state.color_names(), a.color);
                        ui.label(muted(tr_with(lang, "status.selected", &[("name", &name)])));
                    } else if state.doc().and_then(|d| d.selected_span()).is_some() {
                        ui.label(muted(tr(lang, "status.selection").into()));
                    }
                });
            });
        });
}

/// The theme's name in the window's language.
fn theme_label(lang: crate::i18n::Lang, theme: crate::session::Theme) -> &'static str {
    theme.label(lang)
}
