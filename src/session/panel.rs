//! The annotation panel: this document's annotations (or the whole library's), filtered
//! by colour, tag and text.

use crate::core::annotation::Annotation;

use super::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelScope {
    #[default]
    ThisDocument,
    AllDocuments,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationPanel {
    pub scope: PanelScope,
    /// Show only this colour (1–6).
    pub color: Option<u8>,
    /// Show only annotations carrying this tag.
    pub tag: Option<String>,
    /// Show only annotations whose quote, note or tags contain this text.
    pub text: String,
    /// Keyboard cursor in the filtered list.
    pub cursor: usize,
    /// Every annotation of the library, loaded when the scope is "all documents".
    pub all: Vec<Annotation>,
}

impl AnnotationPanel {
    pub fn matches(&self, a: &Annotation) -> bool {
        if self.color.is_some_and(|c| c != a.color) {
            return false;
        }
        if self.tag.as_ref().is_some_and(|t| !a.tags.contains(t)) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty()
            || a.quote.contains(needle)
            || a.note.contains(needle)
            || a.tags.iter().any(|t| t.contains(needle))
    }
}

impl AppState {
    /// What the panel lists, in reading order.
    pub fn panel_annotations(&self) -> Vec<&Annotation> {
        let source: &[Annotation] = match (self.panel.scope, &self.doc) {
            (PanelScope::AllDocuments, _) => &self.panel.all,
            (PanelScope::ThisDocument, Some(doc)) => &doc.annotations,
            (PanelScope::ThisDocument, None) => &[],
        };
        source.iter().filter(|a| self.panel.matches(a)).collect()
    }

    /// Filters changed: keep the cursor on the list.
    pub(super) fn panel_filter_changed(&mut self) {
        let len = self.panel_annotations().len();
        self.panel.cursor = self.panel.cursor.min(len.saturating_sub(1));
    }

    /// Read annotations again after a change (the open document's, and the library's
    /// when the panel shows all of them), and the tags in use.
    pub(super) fn reload_annotations(&mut self) {
        if let Some(doc) = self.doc.as_mut() {
            match self.store.annotations(Some(doc.id)) {
                Ok(list) => doc.annotations = list,
                Err(e) => {
                    let text = e.to_string();
                    self.notify(text, true);
                }
            }
            if let Some(doc) = self.doc.as_mut() {
                doc.revision += 1;
            }
        }
        if self.panel.scope == PanelScope::AllDocuments {
            match self.store.annotations(None) {
                Ok(all) => self.panel.all = all,
                Err(e) => self.notify_error("notice.cannot_read_annotations", e),
            }
        }
        self.refresh_tags();
        // The library's counts changed too.
        self.refresh_library();
        self.panel_filter_changed();
    }
}
