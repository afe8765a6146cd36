//! Dialogs over the window: help, open file, tags, note, export. Their text fields take
//! the keys while focused; Enter, Ctrl+Enter and Esc work as labelled on their buttons.

use std::mem::discriminant;

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::session::{AppState, Command, Draft, Modal};

use super::access::text as t;
use super::file_dialogs;
use super::fonts;
use super::theme::Palette;

/// Which dialog was up last frame, so a newly opened one can focus its text field once.
#[derive(Default)]
pub struct DialogFocus {
    last: Option<std::mem::Discriminant<Modal>>,
}

pub fn ui(
    ctx: &egui::Context,
    state: &AppState,
    palette: &Palette,
    queue: &mut Vec<Command>,
    focus: &mut DialogFocus,
) {
    if *state.modal() == Modal::None {
        focus.last = None;
        return;
    }
    let kind = discriminant(state.modal());
    let just_opened = focus.last != Some(kind);
    focus.last = Some(kind);
    let frame = egui::Frame::window(&ctx.global_style())
        .fill(palette.paper)
        .inner_margin(18.0)
        .corner_radius(10.0);
    let width = match state.modal() {
        Modal::Search(_) => 720.0,
        Modal::Help => (ctx.content_rect().width() - 80.0).clamp(480.0, 1100.0),
        _ => 560.0,
    };
    // The widgets edit a copy; each change goes back as a command.
    let mut modal = state.modal().clone();
    let response = egui::Modal::new(egui::Id::unique("dialog"))
        .frame(frame)
        .show(ctx, |ui| {
            ui.set_width(width);
            match &mut modal {
                Modal::None => {}
                Modal::Help => super::help::ui(ui, state, palette, queue),
                Modal::About => super::about_box::about_ui(ui, state, palette, queue),
                Modal::OpenFile(browser) => {
                    file_dialogs::open_file_ui(ui, browser, palette, queue, just_opened)
                }
                Modal::Tags(editor) => {
                    tags_ui(ui, editor, state.tags(), palette, queue, just_opened)
                }
                Modal::Note(editor) => note_ui(ui, editor, palette, queue, just_opened),
                Modal::Codebook(names) => codebook_ui(ui, names, palette, queue, just_opened),
                Modal::Export(dialog) => {
                    file_dialogs::export_ui(ui, dialog, state.doc().is_some(), palette, queue)
                }
                Modal::Search(dialog) => {
                    super::search_ui::dialog_ui(ui, state, dialog, palette, queue, just_opened)
                }
                Modal::Source(editor) => {
                    super::library_dialogs::source_ui(ui, editor, palette, queue, just_opened)
                }
                Modal::ConfirmRemove(id, title, count) => {
                    super::library_dialogs::confirm_remove_ui(
                        ui, *id, title, *count, palette, queue,
                    )
                }
                Modal::Rename(editor) => {
                    super::library_dialogs::rename_ui(ui, editor, palette, queue, just_opened)
                }
            }
        });
    let name = super::access::dialog_name(state.modal(), state.language());
    super::access::describe(&response.response, egui::accesskit::Role::Dialog, name);
    if response.backdrop_response.clicked() {
        queue.push(Command::CancelEdit);
    }
}

pub(super) fn title(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.label(RichText::new(text).size(18.0).color(palette.ink));
    ui.add_space(6.0);
}

fn quote(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    let short: String = text.chars().take(120).collect();
    let more = if text.chars().count() > 120 {
        "…"
    } else {
        ""
    };
    egui::Frame::new()
        .fill(palette.panel)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(format!("“{short}{more}”"))
                        .font(fonts::reading(15.0))
                        .color(palette.ink),
                )
                .wrap(),
            );
        });
    ui.add_space(6.0);
}

/// Consume a key before a text field sees it.
pub(super) fn take_key(ui: &egui::Ui, modifiers: Modifiers, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(modifiers, key))
}

fn tags_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::TagEditor,
    all: &[String],
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, t(ui.ctx(), "dialog.tags"), palette);
    quote(ui, &editor.quote, palette);
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        for (i, tag) in editor.tags.iter().enumerate() {
            if ui
                .button(format!("#{tag}  ×"))
                .on_hover_text(t(ui.ctx(), "tags.remove"))
                .clicked()
            {
                remove = Some(i);
            }
        }
        if editor.tags.is_empty() {
            ui.label(RichText::new(t(ui.ctx(), "tags.none")).color(palette.muted));
        }
    });
    if let Some(i) = remove {
        queue.push(Command::EditDraft(Draft::RemoveTag(i)));
    }
    let save = take_key(ui, Modifiers::COMMAND, Key::Enter);
    let enter = take_key(ui, Modifiers::NONE, Key::Enter);
    let suggestions = editor.suggestions(all);
    if take_key(ui, Modifiers::NONE, Key::ArrowDown) {
        let next = (editor.suggestion + 1).min(suggestions.len().saturating_sub(1));
        queue.push(Command::EditDraft(Draft::TagSuggestion(next)));
    }
    if take_key(ui, Modifiers::NONE, Key::ArrowUp) {
        let previous = editor.suggestion.saturating_sub(1);
        queue.push(Command::EditDraft(Draft::TagSuggestion(previous)));
    }
    let field = ui
        .add(
            TextEdit::singleline(&mut editor.input)
                .hint_text(t(ui.ctx(), "tags.hint"))
                .desired_width(f32::INFINITY),
        )
        .accessible_name(super::access::text(ui.ctx(), "access.tag"));
    if just_opened || enter {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::EditDraft(Draft::TagInput(editor.input.clone())));
    }
    let mut done = save;
    if enter {
        queue.push(Command::EditDraft(Draft::AcceptTag));
    }
    if !suggestions.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(t(ui.ctx(), "tags.existing"))
                    .color(palette.muted)
                    .size(12.5),
            );
            for (i, s) in suggestions.iter().enumerate() {
                if ui
                    .selectable_label(i == editor.suggestion && !editor.input.is_empty(), s)
                    .clicked()
                {
                    queue.push(Command::EditDraft(Draft::AddTag(s.clone())));
                }
            }
        });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        done |= ui.button(t(ui.ctx(), "button.save_ctrl_enter")).clicked();
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
    if done {
        queue.push(Command::SetTags(editor.result()));
    }
}

fn note_ui(
    ui: &mut egui::Ui,
    editor: &mut crate::session::NoteEditor,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, t(ui.ctx(), "dialog.note"), palette);
    quote(ui, &editor.quote, palette);
    let save = take_key(ui, Modifiers::COMMAND, Key::Enter);
    let field = ui
        .add(
            TextEdit::multiline(&mut editor.text)
                .font(fonts::reading(16.0))
                .desired_rows(8)
                .desired_width(f32::INFINITY)
                .hint_text(t(ui.ctx(), "note.hint")),
        )
        .accessible_name(super::access::text(ui.ctx(), "access.note"));
    if just_opened {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::EditDraft(Draft::NoteText(editor.text.clone())));
    }
    ui.add_space(6.0);
    let mut done = save;
    ui.horizontal(|ui| {
        done |= ui.button(t(ui.ctx(), "button.save_ctrl_enter")).clicked();
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
    if done {
        queue.push(Command::SaveNote(editor.text.clone()));
    }
}

fn codebook_ui(
    ui: &mut egui::Ui,
    names: &mut [String],
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, t(ui.ctx(), "dialog.codebook"), palette);
    ui.label(
        RichText::new(t(ui.ctx(), "codebook.explain"))
            .color(palette.muted)
            .size(12.5),
    );
    ui.add_space(4.0);
    let save =
        take_key(ui, Modifiers::COMMAND, Key::Enter) | take_key(ui, Modifiers::NONE, Key::Enter);
    for (i, name) in names.iter_mut().enumerate() {
        let color = i as u8 + 1;
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(28.0, 22.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 4.0, palette.mark(color));
            ui.painter().text(
                swatch.center(),
                egui::Align2::CENTER_CENTER,
                color.to_string(),
                egui::FontId::proportional(13.0),
                palette.ink,
            );
            let field_name = crate::i18n::tr_with(
                super::access::language(ui.ctx()),
                "access.color_name",
                &[("color", &color.to_string())],
            );
            let field = ui
                .add(
                    TextEdit::singleline(name)
                        .hint_text(field_name.as_str())
                        .desired_width(240.0),
                )
                .accessible_name(field_name);
            if just_opened && i == 0 {
                field.request_focus();
            }
            if field.changed() {
                queue.push(Command::EditDraft(Draft::ColorName(i, name.clone())));
            }
        });
    }
    ui.add_space(6.0);
    let mut done = save;
    ui.horizontal(|ui| {
        done |= ui.button(t(ui.ctx(), "button.save_enter")).clicked();
        if ui.button(t(ui.ctx(), "button.cancel")).clicked() {
            queue.push(Command::CancelEdit);
        }
    });
    if done {
        queue.push(Command::SetColorNames(names.to_vec()));
    }
}
