//! The annotation panel on the right: this document's annotations (or all), filtered by
//! colour, tag and text; click or Enter jumps to one in the text.

use egui::{RichText, Stroke};

use crate::session::{AppState, Command, PanelScope};

use super::theme::Palette;

/// Draws the panel; returns its width so it can be remembered.
pub fn ui(
    ui: &mut egui::Ui,
    state: &mut AppState,
    palette: &Palette,
    queue: &mut Vec<Command>,
) -> f32 {
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(12, 10));
    let response = egui::Panel::right("annotations")
        .resizable(true)
        .default_size(state.prefs.annotations_width)
        .size_range(200.0..=720.0)
        .frame(frame)
        .show(ui, |ui| {
            filters_ui(ui, state, palette);
            ui.add_space(6.0);
            super::annotation_list::ui(ui, state, palette, queue);
        });
    response.response.rect.width()
}

fn filters_ui(ui: &mut egui::Ui, state: &mut AppState, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("批注").color(palette.muted).size(12.5));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut scope = state.panel.scope;
            ui.selectable_value(&mut scope, PanelScope::AllDocuments, "全部文档");
            ui.selectable_value(&mut scope, PanelScope::ThisDocument, "本文");
            if scope != state.panel.scope {
                state.set_panel_scope(scope);
            }
        });
    });
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        changed |= ui
            .selectable_label(
                state.panel.color.is_none(),
                RichText::new("全部颜色").size(12.5),
            )
            .clicked();
        if changed {
            state.panel.color = None;
        }
        for c in 1..=6u8 {
            let name = crate::export::color_name(&state.color_names, c);
            let on = state.panel.color == Some(c);
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
                state.panel.color = if on { None } else { Some(c) };
                changed = true;
            }
        }
    });
    if !state.tags.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.label(RichText::new("标签").size(12.5).color(palette.muted));
            let all =
                ui.selectable_label(state.panel.tag.is_none(), RichText::new("全部").size(12.5));
            if all.clicked() {
                state.panel.tag = None;
                changed = true;
            }
            for tag in state.tags.clone() {
                let on = state.panel.tag.as_deref() == Some(tag.as_str());
                if ui
                    .selectable_label(on, RichText::new(format!("#{tag}")).size(12.5))
                    .clicked()
                {
                    state.panel.tag = if on { None } else { Some(tag) };
                    changed = true;
                }
            }
        });
    }
    let search = egui::TextEdit::singleline(&mut state.panel.text)
        .hint_text("搜索引文、笔记、标签")
        .desired_width(f32::INFINITY);
    changed |= ui.add(search).changed();
    if changed {
        state.panel_filter_changed();
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
