//! Which part of the window has the keys, and the keyboard cursors of its lists (the
//! outline, the library table, the annotation panel); Esc, which backs out of whatever
//! is up.

use super::{AppState, Focus, Modal, Page, Selection, Step};

impl AppState {
    /// Esc: close the dialog, else clear the selection, else leave caret mode, else
    /// deselect the annotation, else dismiss messages, else leave the library.
    pub(super) fn escape(&mut self) {
        if self.modal != Modal::None {
            self.modal = Modal::None;
            return;
        }
        if self.escape_lookup() {
            return;
        }
        if self.find.is_some() {
            return self.close_find();
        }
        if self.page == Page::Library && self.doc.is_some() {
            self.page = Page::Reading;
            return;
        }
        if let Some(doc) = self.doc.as_mut() {
            doc.revision += 1;
            if let Some(s) = doc.selection.filter(|s| !s.is_empty()) {
                doc.selection = doc.caret_mode.then_some(Selection::caret(s.head));
                return;
            }
            if doc.caret_mode {
                doc.caret_mode = false;
                doc.selection = None;
                return;
            }
            doc.selection = None;
            if doc.selected_annotation.take().is_some() {
                return;
            }
        }
        self.notices.clear();
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = Vec::new();
        if self.prefs.outline_visible {
            order.push(Focus::Outline);
        }
        order.push(Focus::Text);
        if self.prefs.annotations_visible {
            order.push(Focus::Annotations);
        }
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        if self.focus == Focus::Outline {
            self.outline_cursor = self.current_outline_row();
        }
    }

    /// Keep focus off a panel that was just hidden.
    pub(super) fn fix_focus(&mut self) {
        let hidden = match self.focus {
            Focus::Outline => !self.prefs.outline_visible,
            Focus::Annotations => !self.prefs.annotations_visible,
            Focus::Text => false,
        };
        if hidden {
            self.focus = Focus::Text;
        }
    }

    pub(super) fn list_step(&mut self, step: Step) {
        let (cursor, len) = match (self.page, self.focus) {
            (Page::Library, _) => {
                let len = self.library_rows().len();
                (&mut self.library_cursor, len)
            }
            (_, Focus::Outline) => {
                let len = self.outline_rows().len();
                (&mut self.outline_cursor, len)
            }
            (_, Focus::Annotations) => {
                let len = self.panel_annotations().len();
                (&mut self.panel.cursor, len)
            }
            _ => return,
        };
        if len == 0 {
            return;
        }
        *cursor = match step {
            Step::Up => cursor.saturating_sub(1),
            Step::Down => (*cursor + 1).min(len - 1),
            Step::First => 0,
            Step::Last => len - 1,
        };
    }

    pub(super) fn list_activate(&mut self) {
        match (self.page, self.focus) {
            (Page::Library, _) => {
                let rows = self.library_rows();
                if let Some(id) = rows.get(self.library_cursor).map(|&i| self.library[i].id) {
                    self.open_document(id);
                }
            }
            (_, Focus::Outline) => self.activate_outline_row(self.outline_cursor),
            (_, Focus::Annotations) => {
                if let Some(id) = self
                    .panel_annotations()
                    .get(self.panel.cursor)
                    .map(|a| a.id.clone())
                {
                    self.jump_to_annotation(&id);
                }
            }
            _ => {}
        }
    }
}
