//! The library page (Ctrl+L): every imported document; Enter or click opens one.

use egui::{RichText, Sense, Stroke};

use crate::session::{AppState, Command};

use super::fonts;
use super::keymap::keys_for;
use super::theme::Palette;

pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let scroll = egui::ScrollArea::vertical()
        .id_salt("library")
        .auto_shrink(false)
        .show(ui, |ui| {
            let avail = ui.available_width();
            let width = (avail - 48.0).clamp(200.0, 760.0);
            let margin = ((avail - width) / 2.0).max(0.0);
            ui.add_space(28.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.label(
                        RichText::new("文库")
                            .font(fonts::reading(28.0))
                            .color(palette.ink),
                    );
                    let hint = format!(
                        "{} 打开文件 · 拖放文本文件到窗口 · ↑↓ 选择 · Enter 打开 · {} 帮助",
                        keys_for(&Command::OpenFileDialog),
                        keys_for(&Command::ToggleHelp)
                    );
                    ui.label(RichText::new(hint).color(palette.muted));
                    ui.add_space(16.0);
                    if state.library().is_empty() {
                        ui.label(
                            RichText::new("文库是空的。按 Ctrl+O 导入一个文本文件。")
                                .color(palette.muted),
                        );
                    }
                    for (i, d) in state.library().iter().enumerate() {
                        let is_cursor = i == state.library_cursor();
                        let stroke = if is_cursor {
                            Stroke::new(1.5, palette.accent)
                        } else {
                            Stroke::new(1.0, palette.rule)
                        };
                        let inner = egui::Frame::new()
                            .fill(palette.paper)
                            .stroke(stroke)
                            .corner_radius(6.0)
                            .inner_margin(egui::Margin::symmetric(16, 10))
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(
                                    RichText::new(&d.title)
                                        .font(fonts::reading(18.0))
                                        .color(palette.ink),
                                );
                                let meta = format!(
                                    "{} 篇文章 · {} 字 · {} 条批注",
                                    d.articles, d.chars, d.annotations
                                );
                                ui.label(RichText::new(meta).size(12.5).color(palette.muted));
                                ui.label(
                                    RichText::new(&d.source_path)
                                        .size(11.5)
                                        .color(palette.muted),
                                );
                            });
                        let response = ui.interact(
                            inner.response.rect,
                            egui::Id::unique(("library-doc", d.id)),
                            Sense::CLICK,
                        );
                        if is_cursor {
                            super::scroll_to_cursor_once(ui, "library", i, &response);
                        }
                        if response
                            .on_hover_cursor(egui::CursorIcon::PointingHand)
                            .clicked()
                        {
                            queue.push(Command::OpenDocument(d.id));
                        }
                        ui.add_space(6.0);
                    }
                });
            });
        });
    super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.library");
}
