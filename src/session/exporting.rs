//! Annotations leaving the window: the export dialog (Ctrl+E) writes a file through
//! `crate::notes` (as `pizhu export` does); Ctrl+Shift+C copies the selected annotations as Markdown.
//! And a REFI-QDA project entering it (Ctrl+O, drag and drop), as `pizhu import-annotations` does.

use std::path::{Path, PathBuf};

use crate::core::annotation::Annotation;
use crate::export::{ExportDocument, Format};
use crate::notes;

use super::{AppState, ExportDialog, ExportScope, Modal};

impl AppState {
    pub(super) fn open_export_dialog(&mut self) {
        let (scope, stem) = match &self.doc {
            Some(doc) => {
                let name = Path::new(&doc.source_path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned());
                let name = name.unwrap_or_else(|| "pizhu".into());
                let stem = self.tr_with("export.file_stem", &[("name", &name)]);
                (ExportScope::ThisDocument, stem)
            }
            None => (
                ExportScope::AllDocuments,
                self.tr_with("export.file_stem", &[("name", "pizhu")]),
            ),
        };
        let dir = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        self.modal = Modal::Export(ExportDialog::new(dir, scope, &stem));
    }

    /// Render and write through [`crate::notes`], as `pizhu export` does; the dialog then
    /// shows where the file went.
    pub(super) fn export(&mut self, format: Format, scope: ExportScope, path: &Path) {
        let doc = match (scope, &self.doc) {
            (ExportScope::ThisDocument, Some(doc)) => Some(doc.id),
            (ExportScope::ThisDocument, None) => {
                return self.notify(self.tr("notice.no_document"), true)
            }
            (ExportScope::AllDocuments, _) => None,
        };
        match notes::export_to_file(&self.store, format, doc, path) {
            Ok(_) => {
                if let Modal::Export(dialog) = &mut self.modal {
                    dialog.written = Some(path.to_path_buf());
                }
                let path = path.display().to_string();
                self.notify(self.tr_with("notice.exported", &[("path", &path)]), false);
            }
            Err(e) => self.notify(e.to_string(), true),
        }
    }

    /// Import a REFI-QDA project through [`crate::notes_qdpx`]; the document to open, if any.
    pub(super) fn import_project(&mut self, path: &Path) -> Option<crate::store::DocId> {
        let result = crate::notes_qdpx::import_qdpx_file(&mut self.store, path);
        self.refresh_tags();
        match result {
            Ok(summary) => {
                self.notify(format!("{}: {summary}", path.display()), false);
                summary.first_document
            }
            Err(e) => {
                self.notify(crate::cli::error_line(&e), true);
                None
            }
        }
    }

    /// The selected annotations as Markdown: those under the text selection, else the
    /// selected one. `None` (with a message) when nothing is selected.
    pub(super) fn copy_annotations(&mut self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        let chosen: Vec<Annotation> = match doc.selected_span() {
            Some((start, end)) => doc
                .annotations
                .iter()
                .filter(|a| a.start < end && a.end > start)
                .cloned()
                .collect(),
            None => self.selected_annotation().cloned().into_iter().collect(),
        };
        if chosen.is_empty() {
            self.notify(self.tr("notice.no_annotation_selected"), false);
            return None;
        }
        let view = ExportDocument::new(
            doc.id,
            &doc.source_path,
            &doc.content_hash,
            &doc.reader.outline,
            &chosen,
        )
        .with_source(&doc.source);
        let markdown = crate::export::markdown::render(&[view], &self.color_names);
        let n = chosen.len();
        let text = self.tr_with("notice.copied", &[("n", &n.to_string())]);
        self.notify(text, false);
        Some(markdown)
    }
}
