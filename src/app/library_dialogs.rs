//! The library's dialogs (issue 14): a document's source, its name, and the question
//! before removing a document with annotations.

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::session::{Command, LibraryEdit};

use super::dialogs::{take_key, title};
use super::theme::Palette;

/// Paper, date, page and page name of a document (issue 14).
pub fn source_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::SourceEditor,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, "出处 · Source", palette);
    ui.label(RichText::new(&editor.title).color(palette.muted));
    let save = take_key(ui, Modifiers::NONE, Key::Enter);
    if take_key(ui, Modifiers::NONE, Key::Escape) {
        queue.push(Command::CancelEdit);
    }
    let fields = [
        ("报纸 Paper", &mut editor.paper, "人民日报"),
        ("日期 Date", &mut editor.date, "YYYY-MM-DD"),
        ("版次 Page", &mut editor.page, "5"),
        ("版名 Page name", &mut editor.page_name, "评论"),
    ];
    egui::Grid::new("source-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (i, (label, value, hint)) in fields.into_iter().enumerate() {
                ui.label(RichText::new(label).color(palette.muted));
                let field = ui.add(
                    TextEdit::singleline(value)
                        .id(egui::Id::unique(("source-field", i)))
                        .hint_text(hint)
                        .desired_width(260.0),
                );
                if just_opened && i == 0 {
                    field.request_focus();
                }
                if field.changed() {
                    queue.push(Command::Library(LibraryEdit::SourceField(i, value.clone())));
                }
                ui.end_row();
            }
        });
    if let Some(problem) = &editor.problem {
        ui.label(RichText::new(problem).color(palette.accent));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("保存 (Enter)").clicked() || save {
            queue.push(Command::Library(LibraryEdit::SaveSource));
        }
        if ui.button("取消 (Esc)").clicked() {
            queue.push(Command::CancelEdit);
        }
    });
}

/// Removing a document with annotations removes them too: say so, offer an export.
pub fn confirm_remove_ui(
    ui: &mut egui::Ui,
    id: i64,
    doc_title: &str,
    count: usize,
    palette: &Palette,
    queue: &mut Vec<Command>,
) {
    title(ui, "移除文档？ · Remove the document?", palette);
    ui.label(
        RichText::new(format!(
            "《{doc_title}》有 {count} 条批注，移除文档会一并删除它们。建议先导出批注。"
        ))
        .color(palette.ink),
    );
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("先导出批注…").clicked() {
            queue.push(Command::OpenDocument(id));
            queue.push(Command::ExportDialog);
        }
        if ui.button("仍然移除").clicked() {
            queue.push(Command::Library(LibraryEdit::ConfirmRemove(id)));
        }
        if ui.button("取消 (Esc)").clicked() {
            queue.push(Command::CancelEdit);
        }
    });
}

/// The document's name in the library; an empty name gives back its first title.
pub fn rename_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::RenameEditor,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    let ctx = ui.ctx().clone();
    title(ui, super::access::text(&ctx, "rename.title"), palette);
    ui.label(RichText::new(super::access::text(&ctx, "rename.hint")).color(palette.muted));
    let save = take_key(ui, Modifiers::NONE, Key::Enter);
    if take_key(ui, Modifiers::NONE, Key::Escape) {
        queue.push(Command::CancelEdit);
    }
    let field = ui
        .add(
            TextEdit::singleline(&mut editor.name)
                .id(egui::Id::unique("rename-field"))
                .desired_width(f32::INFINITY),
        )
        .accessible_name(super::access::text(&ctx, "rename.field"));
    if just_opened {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::Library(LibraryEdit::NameText(editor.name.clone())));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button(super::access::text(&ctx, "rename.save"))
            .clicked()
            || save
        {
            queue.push(Command::Library(LibraryEdit::SaveName));
        }
        if ui
            .button(super::access::text(&ctx, "rename.cancel"))
            .clicked()
        {
            queue.push(Command::CancelEdit);
        }
    });
}
