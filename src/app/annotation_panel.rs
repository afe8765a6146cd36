//! The annotation panel on the right: this document's annotations (or all), filtered by
//! colour, tag and text; click or Enter jumps to one in the text.

use egui::{RichText, Sense, Stroke};

use crate::core::annotation::{AnchorStatus, Annotation};
use crate::session::{AppState, Command, Focus, PanelScope};

use super::fonts;
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
            egui::ScrollArea::vertical()
                .id_salt("annotation-list")
                .auto_shrink(false)
                .show(ui, |ui| {
                    list_ui(ui, state, palette, queue);
                });
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

fn list_ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let list = state.panel_annotations();
    if list.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("还没有批注。选中文字后按 h 或 1–6 标注。").color(palette.muted));
        return;
    }
    let selected = state
        .doc
        .as_ref()
        .and_then(|d| d.selected_annotation.clone());
    let focused = state.focus == Focus::Annotations;
    let all_docs = state.panel.scope == PanelScope::AllDocuments;
    for (i, a) in list.into_iter().enumerate() {
        let is_cursor = focused && i == state.panel.cursor;
        let is_selected = selected.as_deref() == Some(a.id.as_str());
        let doc_title = all_docs
            .then(|| {
                state
                    .library
                    .iter()
                    .find(|d| d.id == a.document_id)
                    .map(|d| d.title.as_str())
            })
            .flatten();
        let response = card_ui(ui, state, a, doc_title, palette, (is_cursor, is_selected));
        if is_cursor {
            super::scroll_to_cursor_once(ui, "annotations", i, &response);
        }
        if response.clicked() {
            queue.push(Command::JumpToAnnotation(a.id.clone()));
        }
        ui.add_space(4.0);
    }
}

fn card_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    a: &Annotation,
    doc_title: Option<&str>,
    palette: &Palette,
    (is_cursor, is_selected): (bool, bool),
) -> egui::Response {
    // The keyboard cursor gets the accent outline; the selected annotation its colour.
    let stroke = if is_cursor {
        Stroke::new(1.5, palette.accent)
    } else {
        Stroke::new(1.0, palette.rule)
    };
    let fill = if is_selected {
        palette.mark(a.color).gamma_multiply(0.55)
    } else {
        palette.paper
    };
    let inner = egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin {
            left: 14,
            right: 10,
            top: 8,
            bottom: 8,
        })
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(title) = doc_title {
                ui.label(RichText::new(title).size(11.5).color(palette.muted));
            }
            let quote = shorten(&a.quote, 90);
            ui.add(
                egui::Label::new(
                    RichText::new(quote)
                        .font(fonts::reading(15.0))
                        .color(palette.ink),
                )
                .wrap(),
            );
            let name = crate::export::color_name(&state.color_names, a.color);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                ui.label(
                    RichText::new(name)
                        .size(11.5)
                        .color(palette.strong(a.color)),
                );
                for tag in &a.tags {
                    chip(ui, tag, palette);
                }
                match a.status {
                    AnchorStatus::Check => {
                        ui.label(RichText::new("待核对").size(11.5).color(palette.accent));
                    }
                    AnchorStatus::Orphan => {
                        ui.label(RichText::new("未能定位").size(11.5).color(palette.accent));
                    }
                    AnchorStatus::Anchored => {}
                }
            });
            if !a.note.is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(shorten(&a.note, 160))
                            .size(13.0)
                            .color(palette.muted),
                    )
                    .wrap(),
                );
            }
        });
    let rect = inner.response.rect;
    // The colour bar along the left edge.
    let bar = egui::Rect::from_min_size(
        rect.min + egui::vec2(4.0, 6.0),
        egui::vec2(4.0, rect.height() - 12.0),
    );
    ui.painter().rect_filled(bar, 2.0, palette.strong(a.color));
    ui.interact(
        rect,
        egui::Id::unique(("annotation-card", &a.id)),
        Sense::CLICK,
    )
    .on_hover_cursor(egui::CursorIcon::PointingHand)
}

fn chip(ui: &mut egui::Ui, tag: &str, palette: &Palette) {
    egui::Frame::new()
        .fill(palette.panel)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("#{tag}"))
                    .size(11.5)
                    .color(palette.ink),
            )
        });
}

/// At most `max` chars, with an ellipsis when cut; line breaks shown as spaces.
fn shorten(text: &str, max: usize) -> String {
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
