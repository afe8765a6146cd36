//! The outline on the left: documents, and under the open one its articles and
//! sections, each with its annotation count. Click or Enter opens an entry.

use egui::{Button, RichText, Sense, Stroke};

use crate::session::{AppState, Command, Focus, OutlineRow, Page};

use super::theme::Palette;

/// Draws the panel; returns its width so it can be remembered.
pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) -> f32 {
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(10, 10));
    let response = egui::Panel::left("outline")
        .resizable(true)
        .default_size(state.prefs().outline_width)
        .size_range(160.0..=640.0)
        .frame(frame)
        .show(ui, |ui| {
            ui.label(
                RichText::new(super::access::text(ui.ctx(), "panel.outline"))
                    .color(palette.muted)
                    .size(12.5),
            );
            ui.add_space(4.0);
            let scroll = egui::ScrollArea::vertical()
                .id_salt("outline")
                .auto_shrink(false)
                .show(ui, |ui| rows_ui(ui, state, palette, queue));
            super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.outline");
        });
    response.response.rect.width()
}

fn rows_ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let counts = state.section_counts();
    let current = state.current_outline_row();
    let focused = state.focus() == Focus::Outline && state.page() == Page::Reading;
    let open_id = state.doc().map(|d| d.id);
    for (i, row) in state.outline_rows().into_iter().enumerate() {
        let (label, count) = state.outline_row_label(row, &counts);
        let spoken = match count {
            0 => label.to_string(),
            n => format!("{label} ({n})"),
        };
        let (indent, size, color) = match row {
            OutlineRow::Document(d) if Some(state.library()[d].id) == open_id => {
                (0.0, 14.5, palette.ink)
            }
            OutlineRow::Document(_) => (0.0, 14.5, palette.muted),
            OutlineRow::Article(_) => (10.0, 14.0, palette.ink),
            OutlineRow::Section { .. } => (24.0, 13.5, palette.ink),
        };
        let is_current = i == current && state.page() == Page::Reading;
        let count_text = if count > 0 {
            count.to_string()
        } else {
            String::new()
        };
        let response = ui
            .horizontal(|ui| {
                ui.add_space(indent);
                let text = RichText::new(label).size(size).color(if is_current {
                    palette.accent
                } else {
                    color
                });
                let button = Button::new(text)
                    .frame_when_inactive(is_current)
                    .fill(if is_current {
                        palette.paper
                    } else {
                        egui::Color32::TRANSPARENT
                    })
                    .right_text(RichText::new(count_text).size(12.0).color(palette.muted))
                    .wrap()
                    .sense(Sense::CLICK)
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                let response = ui.add(button);
                super::access::describe(&response, egui::accesskit::Role::TreeItem, &spoken);
                response
            })
            .inner;
        if focused && i == state.outline_cursor() {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                4.0,
                Stroke::new(1.5, palette.accent),
                egui::StrokeKind::Outside,
            );
            super::scroll_to_cursor_once(ui, "outline", i, &response);
        }
        if response.clicked() {
            queue.push(match row {
                OutlineRow::Document(d) => Command::OpenDocument(state.library()[d].id),
                OutlineRow::Article(article) => Command::OpenSection {
                    article,
                    section: 0,
                },
                OutlineRow::Section { article, section } => {
                    Command::OpenSection { article, section }
                }
            });
        }
    }
}
