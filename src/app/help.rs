//! The help overlay (F1 or ?): every entry of the keymap, grouped by where it works,
//! and the colour codebook.

use egui::RichText;

use crate::session::{AppState, Command};

use super::access::text as t;
use super::keymap::{KeyContext, KEYMAP};
use super::menu::label_of;
use super::theme::Palette;

const COLUMNS: [&[KeyContext]; 2] = [
    &[
        KeyContext::Global,
        KeyContext::Outline,
        KeyContext::Library,
        KeyContext::AnnotationList,
        KeyContext::Help,
    ],
    &[KeyContext::Reading, KeyContext::Caret],
];

pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(t(ui.ctx(), "help_overlay.title"))
                .size(19.0)
                .color(palette.ink),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(ui.ctx(), "button.close")).clicked() {
                queue.push(Command::ToggleHelp);
            }
        });
    });
    ui.label(
        RichText::new(t(ui.ctx(), "help_overlay.mouse"))
            .color(palette.muted)
            .size(12.5),
    );
    ui.add_space(6.0);
    let max_height = ui.ctx().content_rect().height() - 160.0;
    let height = max_height.max(200.0);
    let scroll = egui::ScrollArea::vertical()
        .max_height(height)
        .min_scrolled_height(height)
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                for (column, contexts) in columns.iter_mut().zip(COLUMNS) {
                    for &context in contexts {
                        context_ui(column, context, state, palette);
                    }
                }
            });
            ui.add_space(6.0);
            ui.label(
                RichText::new(t(ui.ctx(), "help_overlay.colours"))
                    .color(palette.muted)
                    .size(12.5),
            );
            ui.horizontal_wrapped(|ui| {
                for c in 1..=6u8 {
                    let name = crate::export::color_name(state.color_names(), c);
                    egui::Frame::new()
                        .fill(palette.mark(c))
                        .corner_radius(4.0)
                        .inner_margin(egui::Margin::symmetric(8, 2))
                        .show(ui, |ui| {
                            ui.label(RichText::new(format!("{c} {name}")).color(palette.ink))
                        });
                }
            });
        });
    super::access::name_scroll_bars(ui.ctx(), scroll.id, "dialog.help");
}

fn context_ui(ui: &mut egui::Ui, context: KeyContext, state: &AppState, palette: &Palette) {
    ui.add_space(4.0);
    ui.label(
        RichText::new(context.title(state.language()))
            .color(palette.accent)
            .size(13.5),
    );
    egui::Grid::new(("help", context as u8))
        .num_columns(2)
        .spacing([12.0, 3.0])
        .striped(false)
        .show(ui, |ui| {
            for binding in KEYMAP.iter().filter(|b| b.context == context) {
                let keys: Vec<String> = binding.chords.iter().map(|c| c.display()).collect();
                ui.label(
                    RichText::new(keys.join(" / "))
                        .monospace()
                        .color(palette.ink)
                        .size(12.5),
                );
                let label = label_of(&binding.command, state);
                let help = binding.command.help(state.language());
                // The name, with the explanation wrapped below it: a grid row is as tall
                // as what it holds, so a long explanation cannot run into the next row
                // (side by side and wrapped, it did at 1400×900).
                ui.vertical(|ui| {
                    ui.set_max_width(ui.available_width());
                    ui.label(RichText::new(label).size(13.0).color(palette.ink));
                    if !help.is_empty() {
                        ui.add(
                            egui::Label::new(RichText::new(help).size(11.5).color(palette.muted))
                                .wrap(),
                        );
                    }
                });
                ui.end_row();
            }
        });
}
