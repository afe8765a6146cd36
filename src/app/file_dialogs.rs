//! The dialogs with a file browser: open a file (Ctrl+O) and export (Ctrl+E). Every click
//! and keystroke becomes a command; the browser's state lives in the session.

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::export::Format;
use crate::session::{Browse, Command, ExportScope, FileBrowser};

use super::access::text as t;
use super::dialogs::{take_key, title};
use super::theme::Palette;

fn browser_listing_ui(
    ui: &mut egui::Ui,
    browser: &FileBrowser,
    palette: &Palette,
    height: f32,
    queue: &mut Vec<Command>,
) -> Option<std::path::PathBuf> {
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui.button(t(ui.ctx(), "files.up")).clicked() {
            queue.push(Command::Browse(Browse::Up));
        }
        ui.label(
            RichText::new(browser.dir.display().to_string())
                .color(palette.muted)
                .size(12.5),
        );
    });
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, palette.rule))
        .corner_radius(4.0)
        .inner_margin(4.0)
        .show(ui, |ui| {
            let scroll = egui::ScrollArea::vertical()
                .max_height(height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let entries = browser.entries.clone();
                    for entry in &entries {
                        let text = if entry.is_dir {
                            format!("📁 {}", entry.name)
                        } else {
                            format!("    {}", entry.name)
                        };
                        let response = ui.selectable_label(
                            browser.path.ends_with(&entry.name) && !entry.is_dir,
                            text,
                        );
                        if response.double_clicked() && !entry.is_dir {
                            picked = Some(browser.dir.join(&entry.name));
                        } else if response.clicked() {
                            queue.push(Command::Browse(Browse::Choose(entry.clone())));
                        }
                    }
                    if entries.is_empty() {
                        ui.label(RichText::new(t(ui.ctx(), "files.empty")).color(palette.muted));
                    }
                });
            super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.folder");
        });
    if let Some(e) = &browser.error {
        ui.label(RichText::new(e).color(palette.accent));
    }
    picked
}

pub(super) fn open_file_ui(
    ui: &mut egui::Ui,
    browser: &mut FileBrowser,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, t(ui.ctx(), "files.open_title"), palette);
    let enter = take_key(ui, Modifiers::NONE, Key::Enter);
    let field = ui
        .add(
            TextEdit::singleline(&mut browser.path)
                .hint_text(t(ui.ctx(), "files.path_hint"))
                .desired_width(f32::INFINITY),
        )
        .accessible_name(super::access::text(ui.ctx(), "access.path"));
    if just_opened {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::Browse(Browse::SetPath(browser.path.clone())));
    }
    let mut open = enter && field.has_focus();
    if let Some(path) = browser_listing_ui(ui, browser, palette, 300.0, queue) {
        queue.push(Command::ImportFiles(vec![path]));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        open |= ui.button(t(ui.ctx(), "button.open_enter")).clicked();
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
    if open {
        queue.push(Command::Browse(Browse::Submit));
    }
}

pub(super) fn export_ui(
    ui: &mut egui::Ui,
    dialog: &mut crate::session::ExportDialog,
    has_doc: bool,
    palette: &Palette,
    queue: &mut Vec<Command>,
) {
    title(ui, t(ui.ctx(), "dialog.export"), palette);
    ui.horizontal(|ui| {
        ui.label(t(ui.ctx(), "export.format"));
        for format in Format::ALL {
            if ui.radio(dialog.format == format, format.label()).clicked() {
                queue.push(Command::SetExportFormat(format));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(t(ui.ctx(), "export.scope"));
        ui.add_enabled_ui(has_doc, |ui| {
            if ui
                .radio(
                    dialog.scope == ExportScope::ThisDocument,
                    t(ui.ctx(), "export.this_document"),
                )
                .clicked()
            {
                queue.push(Command::SetExportScope(ExportScope::ThisDocument));
            }
        });
        if ui
            .radio(
                dialog.scope == ExportScope::AllDocuments,
                t(ui.ctx(), "export.all_documents"),
            )
            .clicked()
        {
            queue.push(Command::SetExportScope(ExportScope::AllDocuments));
        }
    });
    ui.add_space(4.0);
    ui.label(
        RichText::new(t(ui.ctx(), "export.save_to"))
            .color(palette.muted)
            .size(12.5),
    );
    browser_listing_ui(ui, &dialog.browser, palette, 180.0, queue);
    let enter = take_key(ui, Modifiers::NONE, Key::Enter);
    let field = ui
        .add(
            TextEdit::singleline(&mut dialog.browser.path)
                .hint_text(t(ui.ctx(), "access.file_name"))
                .desired_width(f32::INFINITY),
        )
        .accessible_name(super::access::text(ui.ctx(), "access.file_name"));
    if field.changed() {
        queue.push(Command::Browse(Browse::SetPath(
            dialog.browser.path.clone(),
        )));
    }
    ui.add_space(6.0);
    let mut go = enter && field.has_focus();
    ui.horizontal(|ui| {
        go |= ui.button(t(ui.ctx(), "button.export_enter")).clicked();
        if ui.button(t(ui.ctx(), "button.close")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
    if let Some(path) = &dialog.written {
        let path = path.display().to_string();
        let lang = super::access::language(ui.ctx());
        let text = crate::i18n::tr_with(lang, "export.written", &[("path", &path)]);
        ui.label(RichText::new(text).color(palette.accent));
    }
    if go {
        queue.push(Command::Export {
            format: dialog.format,
            scope: dialog.scope,
            path: dialog.destination(),
        });
    }
}
