//! The annotation panel on the right: this document's annotations (or all), filtered by
//! colour, tag and text; click or Enter jumps to one in the text.

use egui::{RichText, Stroke};

use crate::session::{AppState, Command, PanelScope};

use super::theme::Palette;

/// Draws the panel; returns its width so it can be remembered.
pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) -> f32 {
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(12, 10));
    let response = egui::Panel::right("annotations")
        .resizable(true)
        .default_size(state.prefs().annotations_width)
        .size_range(200.0..=720.0)
        .frame(frame)
        .show(ui, |ui| {
            filters_ui(ui, state, palette, queue);
            ui.add_space(6.0);
            super::annotation_list::ui(ui, state, palette, queue);
        });
    response.response.rect.width()
}

fn filters_ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let panel = state.panel();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(super::access::text(ui.ctx(), "panel.annotations"))
                .color(palette.muted)
                .size(12.5),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut scope = panel.scope;
            ui.selectable_value(
                &mut scope,
                PanelScope::AllDocuments,
                super::access::text(ui.ctx(), "panel.scope_all"),
            );
            ui.selectable_value(
                &mut scope,
                PanelScope::ThisDocument,
                super::access::text(ui.ctx(), "panel.scope_this"),
            );
            if scope != panel.scope {
                queue.push(Command::SetPanelScope(scope));
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let all = ui.selectable_label(
            panel.color.is_none(),
            RichText::new(super::access::text(ui.ctx(), "panel.all_colours")).size(12.5),
        );
        if all.clicked() {
            queue.push(Command::FilterColor(None));
        }
        for c in 1..=6u8 {
            let name = crate::export::color_name(state.color_names(), c);
            let on = panel.color == Some(c);
            let text = RichText::new(name).size(12.5).color(palette.ink);
            let button = egui::Button::new(text)
                .fill(if on {
                    palette.strong(c).gamma_multiply(0.5)
                } else {
                    palette.mark(c)
                })
                .stroke(if on {
                    Stroke::new(1.5, palette.strong(c))
                } else {
                    Stroke::NONE
                });
            if ui.add(button).clicked() {
                queue.push(Command::FilterColor(if on { None } else { Some(c) }));
            }
        }
    });
    if !state.tags().is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.label(
                RichText::new(super::access::text(ui.ctx(), "panel.tags"))
                    .size(12.5)
                    .color(palette.muted),
            );
            let all = ui.selectable_label(
                panel.tag.is_none(),
                RichText::new(super::access::text(ui.ctx(), "panel.all_tags")).size(12.5),
            );
            if all.clicked() {
                queue.push(Command::FilterTag(None));
            }
            for tag in state.tags() {
                let on = panel.tag.as_deref() == Some(tag.as_str());
                if ui
                    .selectable_label(on, RichText::new(format!("#{tag}")).size(12.5))
                    .clicked()
                {
                    queue.push(Command::FilterTag((!on).then(|| tag.clone())));
                }
            }
        });
    }
    let mut text = panel.text.clone();
    let search = egui::TextEdit::singleline(&mut text)
        .hint_text(super::access::text(ui.ctx(), "panel.search_hint"))
        .desired_width(f32::INFINITY);
    if ui
        .add(search)
        .accessible_name(super::access::text(ui.ctx(), "access.search"))
        .changed()
    {
        queue.push(Command::FilterText(text));
    }
}

/// At most `max` chars, with an ellipsis when cut; line breaks shown as spaces.
pub(super) fn shorten(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        flat.chars().take(max).collect::<String>() + "…"
    }
}
