//! Commands from the window's widgets rather than its keys: the annotation panel's scope
//! and filters, the dialogs' fields and file browsers, and what the window measured.
//! They go through [`AppState::apply`] like every other action, so the state has one
//! door and tests can drive the dialogs without pixels.

use super::command::{Browse, Draft};
use super::{AppState, Command, Modal, PanelScope, ViewMetrics};

impl AppState {
    /// Carry out one of the commands listed in this module's doc.
    pub(super) fn apply_window_command(&mut self, command: Command) {
        match command {
            Command::SetPanelScope(scope) => self.set_panel_scope(scope),
            Command::FilterColor(color) => {
                self.panel.color = color;
                self.panel_filter_changed();
            }
            Command::FilterTag(tag) => {
                self.panel.tag = tag;
                self.panel_filter_changed();
            }
            Command::FilterText(text) => {
                self.panel.text = text;
                self.panel_filter_changed();
            }
            Command::Browse(action) => self.browse(action),
            Command::SetExportFormat(format) => {
                if let Modal::Export(dialog) = &mut self.modal {
                    dialog.set_format(format);
                }
            }
            Command::SetExportScope(scope) => {
                if let Modal::Export(dialog) = &mut self.modal {
                    dialog.scope = scope;
                }
            }
            Command::EditDraft(draft) => self.edit_draft(draft),
            Command::ReportView(view) => self.update_view(view),
            Command::Revealed => {
                if let Some(doc) = self.doc.as_mut() {
                    doc.reveal = None;
                }
            }
            Command::ReportSizes {
                window,
                outline,
                annotations,
            } => {
                if let Some((w, h)) = window {
                    self.prefs.window_size = Some((w.round(), h.round()));
                }
                if let Some(w) = outline {
                    self.prefs.outline_width = w.round();
                }
                if let Some(w) = annotations {
                    self.prefs.annotations_width = w.round();
                }
            }
            other => tracing::warn!("not a window command: {other:?}"),
        }
    }

    /// Switch the panel between this document and the whole library.
    fn set_panel_scope(&mut self, scope: PanelScope) {
        self.panel.scope = scope;
        self.panel.cursor = 0;
        self.reload_annotations();
    }

    fn browse(&mut self, action: Browse) {
        let browser = match &mut self.modal {
            Modal::OpenFile(browser) => browser,
            Modal::Export(dialog) => &mut dialog.browser,
            _ => return,
        };
        match action {
            Browse::SetPath(path) => browser.path = path,
            Browse::Up => browser.up(),
            Browse::Choose(entry) => browser.choose(&entry),
            Browse::Submit => {
                let picked = browser.submit();
                match (&self.modal, picked) {
                    (Modal::OpenFile(_), Some(path)) => self.import_and_open(&[path]),
                    (Modal::Export(dialog), Some(_)) => {
                        let command = Command::Export {
                            format: dialog.format,
                            scope: dialog.scope,
                            path: dialog.destination(),
                        };
                        self.apply(command);
                    }
                    _ => {}
                }
            }
        }
    }

    fn edit_draft(&mut self, draft: Draft) {
        let tags = self.tags.clone();
        match (&mut self.modal, draft) {
            (Modal::Tags(editor), Draft::TagInput(text)) => {
                editor.input = text;
                editor.suggestion = 0;
            }
            (Modal::Tags(editor), Draft::TagSuggestion(i)) => editor.suggestion = i,
            (Modal::Tags(editor), Draft::AddTag(tag)) => editor.add(tag),
            (Modal::Tags(editor), Draft::RemoveTag(i)) if i < editor.tags.len() => {
                editor.tags.remove(i);
            }
            (Modal::Tags(editor), Draft::AcceptTag) => {
                // Nothing typed: Enter means done.
                let done = !editor.accept(&tags);
                let result = editor.result();
                if done {
                    self.set_tags(result);
                }
            }
            (Modal::Note(editor), Draft::NoteText(text)) => editor.text = text,
            (Modal::Codebook(names), Draft::ColorName(i, name)) => {
                if let Some(slot) = names.get_mut(i) {
                    *slot = name;
                }
            }
            // A draft for a dialog that has closed meanwhile: nothing to edit.
            _ => {}
        }
    }

    /// The window reports its measurements after laying out the section.
    fn update_view(&mut self, view: ViewMetrics) {
        if let Some(doc) = self.doc.as_mut() {
            doc.reader.view = view;
            if let Some(y) = doc.restore_scroll.take() {
                doc.reader.scroll_to(y);
            } else {
                let before = doc.reader.scroll;
                doc.reader.scroll_to(before);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::export::Format;

    /// The dialogs and the panel, driven only by commands (what their widgets push).
    #[test]
    fn dialogs_and_panel_filters_change_only_through_commands() {
        let mut state = AppState::new(Store::open_in_memory().unwrap());
        state.start(&[]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();

        state.apply(Command::ExportDialog);
        state.apply(Command::SetExportFormat(Format::Csv));
        state.apply(Command::SetExportScope(ExportScope::AllDocuments));
        state.apply(Command::Browse(Browse::SetPath(
            dir.path().join("sub").display().to_string(),
        )));
        state.apply(Command::Browse(Browse::Submit));
        let Modal::Export(dialog) = state.modal() else {
            panic!("the export dialog is open")
        };
        assert_eq!(
            (dialog.format, dialog.scope),
            (Format::Csv, ExportScope::AllDocuments)
        );
        assert_eq!(
            dialog.browser.dir,
            dir.path().join("sub"),
            "a folder is entered"
        );
        state.apply(Command::Browse(Browse::SetPath("notes.csv".into())));
        state.apply(Command::Browse(Browse::Submit));
        assert!(dir.path().join("sub/notes.csv").is_file(), "Enter exports");

        state.apply(Command::CancelEdit);
        state.apply(Command::FilterColor(Some(3)));
        state.apply(Command::FilterText("经济".into()));
        state.apply(Command::SetPanelScope(PanelScope::AllDocuments));
        let panel = state.panel();
        assert_eq!(
            (panel.color, panel.text.as_str(), panel.scope),
            (Some(3), "经济", PanelScope::AllDocuments)
        );
    }
}
