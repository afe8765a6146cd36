//! The library's dialogs (issue 14): a document's source, and the question before
//! removing a document that has annotations.

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::session::Command;

use super::access::text as t;
use super::dialogs::{take_key, title};
use super::theme::Palette;

/// Paper, date, page and page name of a document (issue 14).
pub(super) fn source_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::SourceEditor,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    use crate::session::LibraryEdit;
    title(ui, t(ui.ctx(), "dialog.source"), palette);
    ui.label(RichText::new(&editor.title).color(palette.muted));
    let save = take_key(ui, Modifiers::NONE, Key::Enter);
    if take_key(ui, Modifiers::NONE, Key::Escape) {
        queue.push(Command::CancelEdit);
    }
    let fields = [
        ("source.paper", &mut editor.paper, "source.paper_hint"),
        ("source.date", &mut editor.date, "source.date_hint"),
        ("source.page", &mut editor.page, "source.page_hint"),
        (
            "source.page_name",
            &mut editor.page_name,
            "source.page_name_hint",
        ),
    ];
    egui::Grid::new("source-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (i, (label, value, hint)) in fields.into_iter().enumerate() {
                let label = ui.label(RichText::new(t(ui.ctx(), label)).color(palette.muted));
                let field = ui.add(
                    TextEdit::singleline(value)
                        .id(egui::Id::unique(("source-field", i)))
                        .hint_text(t(ui.ctx(), hint))
                        .desired_width(260.0),
                );
                let field = field.labelled_by(label.id);
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
        if ui.button(t(ui.ctx(), "button.save_enter")).clicked() || save {
            queue.push(Command::Library(LibraryEdit::SaveSource));
        }
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
}

/// Removing a document with annotations removes them too: say so, offer an export.
pub(super) fn confirm_remove_ui(
    ui: &mut egui::Ui,
    id: i64,
    doc_title: &str,
    count: usize,
    palette: &Palette,
    queue: &mut Vec<Command>,
) {
    title(ui, t(ui.ctx(), "remove.question"), palette);
    let lang = super::access::language(ui.ctx());
    let count = count.to_string();
    let text = crate::i18n::tr_with(
        lang,
        "remove.explain",
        &[("title", doc_title), ("count", &count)],
    );
    ui.label(RichText::new(text).color(palette.ink));
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(t(ui.ctx(), "remove.export_first")).clicked() {
            queue.push(Command::OpenDocument(id));
            queue.push(Command::ExportDialog);
        }
        if ui.button(t(ui.ctx(), "remove.anyway")).clicked() {
            queue.push(Command::Library(
                crate::session::LibraryEdit::ConfirmRemove(id),
            ));
        }
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
}

/// The document's name in the library; an empty name gives back its first title.
pub(super) fn rename_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::RenameEditor,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    use crate::session::LibraryEdit;
    title(ui, t(ui.ctx(), "rename.title"), palette);
    ui.label(RichText::new(t(ui.ctx(), "rename.hint")).color(palette.muted));
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
        .accessible_name(t(ui.ctx(), "rename.field"));
    if just_opened {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::Library(LibraryEdit::NameText(editor.name.clone())));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(t(ui.ctx(), "rename.save")).clicked() || save {
            queue.push(Command::Library(LibraryEdit::SaveName));
        }
        if ui.button(t(ui.ctx(), "rename.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
}
