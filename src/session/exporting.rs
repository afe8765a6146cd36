//! Annotations leaving the window: the export dialog (Ctrl+E) writes a file through
//! `crate::export`; Ctrl+Shift+C copies the selected annotations as Markdown.

use std::path::{Path, PathBuf};

use crate::core::annotation::Annotation;
use crate::export::{ExportDocument, Format};
use crate::store::StoredDocument;

use super::{AppState, ExportDialog, ExportScope, Modal};

impl AppState {
    pub(super) fn open_export_dialog(&mut self) {
        let (scope, stem) = match &self.doc {
            Some(doc) => {
                let name = Path::new(&doc.source_path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned());
                (
                    ExportScope::ThisDocument,
                    format!("{}-批注", name.unwrap_or_else(|| "pizhu".into())),
                )
            }
            None => (ExportScope::AllDocuments, "pizhu-批注".to_string()),
        };
        let dir = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        self.modal = Modal::Export(ExportDialog::new(dir, scope, &stem));
    }

    /// Render and write; the dialog then shows where the file went.
    pub(super) fn export(&mut self, format: Format, scope: ExportScope, path: &Path) {
        let result = self
            .render_export(format, scope)
            .and_then(|text| write_atomically(path, &text));
        match result {
            Ok(()) => {
                if let Modal::Export(dialog) = &mut self.modal {
                    dialog.written = Some(path.to_path_buf());
                }
                self.notify(format!("已导出到 {} (exported)", path.display()), false);
            }
            Err(e) => self.notify(e, true),
        }
    }

    fn render_export(&self, format: Format, scope: ExportScope) -> Result<String, String> {
        let docs: Vec<(StoredDocument, Vec<Annotation>)> = match (scope, &self.doc) {
            (ExportScope::ThisDocument, Some(doc)) => {
                vec![(self.stored(doc.id)?, doc.annotations.clone())]
            }
            (ExportScope::ThisDocument, None) => {
                return Err("没有打开的文档 (no document is open)".into())
            }
            (ExportScope::AllDocuments, _) => {
                let mut all = Vec::new();
                for summary in &self.library {
                    let annotations = self
                        .store
                        .annotations(Some(summary.id))
                        .map_err(|e| e.to_string())?;
                    all.push((self.stored(summary.id)?, annotations));
                }
                all
            }
        };
        let views: Vec<ExportDocument> = docs
            .iter()
            .map(|(d, a)| ExportDocument::new(d.id, &d.source_path, &d.content_hash, &d.outline, a))
            .collect();
        Ok(format.render(&views, &self.color_names))
    }

    fn stored(&self, id: i64) -> Result<StoredDocument, String> {
        self.store.document(id).map_err(|e| e.to_string())
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
            self.notify("没有选中的批注 (no annotation selected)", false);
            return None;
        }
        let view = ExportDocument::new(
            doc.id,
            &doc.source_path,
            &doc.content_hash,
            &doc.reader.outline,
            &chosen,
        );
        let markdown = Format::Markdown.render(&[view], &self.color_names);
        let n = chosen.len();
        self.notify(format!("已复制 {n} 条批注 (copied as Markdown)"), false);
        Some(markdown)
    }
}

/// Write through a temporary file in the same folder, so a failed export never leaves
/// half a file where a good one was.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.is_dir() {
        return Err(format!(
            "cannot write {}: it is a folder; type a file name",
            path.display()
        ));
    }
    let mut tmp = tempfile_in(dir).map_err(fail)?;
    use std::io::Write;
    tmp.1.write_all(text.as_bytes()).map_err(fail)?;
    tmp.1.sync_all().map_err(fail)?;
    std::fs::rename(&tmp.0, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp.0);
        fail(e)
    })
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = format!(".pizhu-export-{}.tmp", uuid::Uuid::new_v4());
    let path = dir.join(name);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, file))
}
