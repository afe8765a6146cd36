//! Making, editing and removing annotations, each saved by the store before it returns,
//! and the undo history over those store calls.

use crate::core::annotation::{AnchorStatus, Annotation, COLOR_COUNT};
use crate::store::{AnnotationEdit, NewAnnotation, StoreError};

use super::{AppState, Modal, NoteEditor, Page, TagEditor};

/// One undoable change: an annotation before and after (`None` = did not exist), or a
/// correction of the structure made (`made`) or removed.
// Undo entries are few (one per user action); boxing the larger variant buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Change {
    Annotation {
        before: Option<Annotation>,
        after: Option<Annotation>,
    },
    /// A correction (issue 13): undo removes it, redo puts it back.
    Correction(crate::store::StoredCorrection),
}

/// Undo and redo stacks, shared by annotations and corrections. A new change clears
/// what could be redone.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub(super) undo: Vec<Change>,
    pub(super) redo: Vec<Change>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn record(&mut self, before: Option<Annotation>, after: Option<Annotation>) {
        self.push(Change::Annotation { before, after });
    }

    pub(super) fn push(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }
}

impl AppState {
    /// The annotation a command like `t` or Delete acts on.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        let doc = self.doc.as_ref()?;
        let id = doc.selected_annotation.as_ref()?;
        doc.annotations.iter().find(|a| &a.id == id)
    }

    /// Highlight the selection; with no selection, recolour the selected annotation.
    pub(super) fn highlight(&mut self, color: Option<u8>) {
        if let Some(c) = color {
            self.current_color = c.clamp(1, COLOR_COUNT);
        }
        let color = self.current_color;
        if self.create_from_selection(color).is_some() {
            return;
        }
        match self.selected_annotation().map(|a| a.id.clone()) {
            Some(id) => {
                let edit = AnnotationEdit {
                    color: Some(color),
                    ..Default::default()
                };
                self.edit_annotation(&id, &edit);
            }
            None => self.notify(self.tr("notice.select_first"), false),
        }
    }

    /// Make an annotation of the selected text, select it and return its id.
    fn create_from_selection(&mut self, color: u8) -> Option<String> {
        let doc = self.doc.as_ref()?;
        let (start, end) = doc.selected_span()?;
        let new = NewAnnotation {
            document_id: doc.id,
            start,
            end,
            color,
            note: String::new(),
            tags: Vec::new(),
        };
        match self.store.add_annotation(&new) {
            Ok(a) => {
                let id = a.id.clone();
                self.history.record(None, Some(a));
                self.reload_annotations();
                if let Some(doc) = self.doc.as_mut() {
                    let head = doc.selection.map(|s| s.head).unwrap_or(end);
                    doc.selection = doc.caret_mode.then_some(super::Selection::caret(head));
                    doc.selected_annotation = Some(id.clone());
                    doc.revision += 1;
                }
                Some(id)
            }
            Err(e) => {
                self.report(e);
                None
            }
        }
    }

    /// The annotation to edit: the selected one, or a new one made of the selection.
    fn annotation_to_edit(&mut self) -> Option<Annotation> {
        if self.doc.as_ref().and_then(|d| d.selected_span()).is_some() {
            let id = self.create_from_selection(self.current_color)?;
            return self
                .doc
                .as_ref()?
                .annotations
                .iter()
                .find(|a| a.id == id)
                .cloned();
        }
        let found = self.selected_annotation().cloned();
        if found.is_none() {
            self.notify(self.tr("notice.select_text_or_annotation"), false);
        }
        found
    }

    pub(super) fn edit_tags(&mut self) {
        if let Some(a) = self.annotation_to_edit() {
            self.modal = Modal::Tags(TagEditor::new(&a));
        }
    }

    pub(super) fn edit_note(&mut self) {
        if let Some(a) = self.annotation_to_edit() {
            self.modal = Modal::Note(NoteEditor::new(&a));
        }
    }

    pub(super) fn set_tags(&mut self, tags: Vec<String>) {
        let Modal::Tags(editor) = std::mem::take(&mut self.modal) else {
            return;
        };
        let mut clean: Vec<String> = Vec::new();
        for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !clean.iter().any(|c| c == t) {
                clean.push(t.to_string());
            }
        }
        self.edit_annotation(
            &editor.annotation_id,
            &AnnotationEdit {
                tags: Some(clean),
                ..Default::default()
            },
        );
    }

    pub(super) fn save_note(&mut self, note: String) {
        let Modal::Note(editor) = std::mem::take(&mut self.modal) else {
            return;
        };
        self.edit_annotation(
            &editor.annotation_id,
            &AnnotationEdit {
                note: Some(note),
                ..Default::default()
            },
        );
    }

    /// The stored annotation `id`; `None` (with a message) when it is gone or unreadable.
    fn existing_annotation(&mut self, id: &str) -> Option<Annotation> {
        match self.store.annotation(id) {
            Ok(Some(a)) => Some(a),
            Ok(None) => {
                let text = self.tr_with("notice.annotation_gone", &[("id", id)]);
                self.notify(text, true);
                None
            }
            Err(e) => {
                self.report(e);
                None
            }
        }
    }

    fn edit_annotation(&mut self, id: &str, edit: &AnnotationEdit) {
        let Some(before) = self.existing_annotation(id) else {
            return;
        };
        match self.store.update_annotation(id, edit) {
            Ok(after) if after != before => {
                self.history.record(Some(before), Some(after));
                self.reload_annotations();
            }
            Ok(_) => {}
            Err(e) => self.report(e),
        }
    }

    pub(super) fn delete_selected(&mut self) {
        let id = match (self.focus, self.panel_annotations().get(self.panel.cursor)) {
            (super::Focus::Annotations, Some(a)) => Some(a.id.clone()),
            _ => self.selected_annotation().map(|a| a.id.clone()),
        };
        let Some(id) = id else {
            return self.notify(self.tr("notice.no_annotation_selected"), false);
        };
        match self.store.delete_annotation(&id) {
            Ok(deleted) => {
                self.history.record(Some(deleted), None);
                if let Some(doc) = self.doc.as_mut() {
                    doc.selected_annotation = None;
                }
                self.reload_annotations();
            }
            Err(e) => self.report(e),
        }
    }

    pub(super) fn undo(&mut self) {
        let Some(change) = self.history.undo.pop() else {
            return self.notify(self.tr("notice.nothing_to_undo"), false);
        };
        if self.carry_out(&change, false) {
            self.history.redo.push(change);
        } else {
            self.history.undo.push(change);
        }
    }

    pub(super) fn redo(&mut self) {
        let Some(change) = self.history.redo.pop() else {
            return self.notify(self.tr("notice.nothing_to_redo"), false);
        };
        if self.carry_out(&change, true) {
            self.history.undo.push(change);
        } else {
            self.history.redo.push(change);
        }
    }

    /// Redo (`forward`) or undo one change; false when the store refused.
    fn carry_out(&mut self, change: &Change, forward: bool) -> bool {
        match change {
            Change::Annotation { before, after } if forward => {
                self.restore(before.as_ref(), after.as_ref())
            }
            Change::Annotation { before, after } => self.restore(after.as_ref(), before.as_ref()),
            Change::Correction(c) => self.redo_correction(c, forward),
        }
    }

    /// Put the store back to `target` (from `current`); selects what was restored.
    fn restore(&mut self, current: Option<&Annotation>, target: Option<&Annotation>) -> bool {
        let target = target.map(|t| self.placed_in_current_text(t));
        let target = target.as_ref();
        let result = match (current, target) {
            (_, Some(t)) => self.store.put_annotation(t),
            (Some(c), None) => self.store.delete_annotation(&c.id).map(|_| ()),
            (None, None) => Ok(()),
        };
        if let Err(e) = result {
            self.report(e);
            return false;
        }
        self.reload_annotations();
        if let Some(doc) = self.doc.as_mut() {
            doc.selected_annotation = target
                .filter(|t| t.document_id == doc.id)
                .map(|t| t.id.clone());
            if let Some(t) = target.filter(|t| t.document_id == doc.id) {
                if doc.reader.go_to_offset(t.start) {
                    doc.reveal = Some(t.start);
                }
            }
            doc.revision += 1;
        }
        true
    }

    pub(super) fn select_annotation(&mut self, id: &str) {
        let Some(doc) = self.doc.as_mut() else { return };
        if doc.annotations.iter().any(|a| a.id == id) {
            doc.selected_annotation = Some(id.to_string());
            if !doc.caret_mode {
                doc.selection = None;
            }
            doc.revision += 1;
        }
        let list = self.panel_annotations();
        if let Some(i) = list.iter().position(|a| a.id == id) {
            self.panel.cursor = i;
        }
    }

    /// Alt+↓ / Alt+↑: the next annotation in reading order after the selected one (or
    /// after the top of the screen), opening its section.
    pub(super) fn step_annotation(&mut self, forward: bool) {
        let Some(doc) = self.doc.as_ref() else { return };
        let placed: Vec<&Annotation> = doc
            .annotations
            .iter()
            .filter(|a| a.status != AnchorStatus::Orphan)
            .collect();
        let here = self
            .selected_annotation()
            .map(|a| (a.start, a.end, a.id.clone()));
        let target = match &here {
            Some((start, end, id)) => {
                let i = placed.iter().position(|a| &a.id == id);
                match (i, forward) {
                    (Some(i), true) => placed.get(i + 1),
                    (Some(i), false) => i.checked_sub(1).and_then(|j| placed.get(j)),
                    (None, true) => placed.iter().find(|a| (a.start, a.end) > (*start, *end)),
                    (None, false) => placed
                        .iter()
                        .rev()
                        .find(|a| (a.start, a.end) < (*start, *end)),
                }
            }
            None => {
                let top = doc.caret_or_top();
                if forward {
                    placed.iter().find(|a| a.end > top)
                } else {
                    placed.iter().rev().find(|a| a.start < top)
                }
            }
        };
        match target.map(|a| a.id.clone()) {
            Some(id) => self.jump_to_annotation(&id),
            None => self.notify(self.tr("notice.no_more_annotations"), false),
        }
    }

    /// Open the annotation's document and section, select it and scroll it into view.
    pub(super) fn jump_to_annotation(&mut self, id: &str) {
        let Some(a) = self.existing_annotation(id) else {
            return;
        };
        if self.doc.as_ref().map(|d| d.id) != Some(a.document_id) {
            self.open_document(a.document_id);
        }
        self.page = Page::Reading;
        if a.status == AnchorStatus::Orphan {
            let text = self.tr_with("notice.orphaned", &[("quote", &a.quote)]);
            return self.notify(text, false);
        }
        let changed = match self.doc.as_mut() {
            Some(doc) => {
                let before = doc.reader.position();
                doc.reader.go_to_offset(a.start);
                before != doc.reader.position()
            }
            None => false,
        };
        if changed {
            self.section_changed();
        }
        if let Some(doc) = self.doc.as_mut() {
            doc.selected_annotation = Some(a.id.clone());
            doc.selection = doc.caret_mode.then_some(super::Selection::caret(a.start));
            doc.reveal = Some(a.start);
            doc.revision += 1;
        }
        self.select_annotation(&a.id);
    }

    /// Show a failure: the catalogue message `key` with `{error}` filled in.
    pub(super) fn notify_error(&mut self, key: &'static str, error: impl std::fmt::Display) {
        let text = self.tr_with(key, &[("error", &error.to_string())]);
        self.notify(text, true);
    }

    /// Show a store failure to the user.
    pub(super) fn report(&mut self, e: StoreError) {
        let text = self.tr_with("notice.not_saved", &[("error", &e.to_string())]);
        self.notify(text, true);
    }
}
