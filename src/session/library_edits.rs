//! The library table's edits (issue 14): filter, sort, group; a document's source, its
//! name, re-reading it from its file, removing it. The domain work is in
//! `crate::library` and the store, which `pizhu meta`, `rename` and `reimport` call too.

use crate::core::source::{normalize_date, SourceMeta};
use crate::store::{DocId, DocumentSummary, ImportOutcome};

use super::{AppState, LibraryEdit, Modal, Page, RenameEditor, SourceEditor};

impl AppState {
    /// The document under the library cursor.
    fn library_cursor_doc(&self) -> Option<&DocumentSummary> {
        let rows = self.library_rows();
        rows.get(self.library_cursor).map(|&i| &self.library[i])
    }

    pub(super) fn edit_library(&mut self, edit: LibraryEdit) {
        match edit {
            LibraryEdit::Filter(f) => {
                self.library_view.filter = f;
                self.library_cursor = 0;
            }
            LibraryEdit::SortBy(c) => {
                let v = &mut self.library_view;
                v.descending = v.sort == c && !v.descending;
                v.sort = c;
            }
            LibraryEdit::Group(g) => self.library_view.group = g,
            LibraryEdit::EditSource => self.edit_source(),
            LibraryEdit::SourceField(field, value) => {
                if let Modal::Source(e) = &mut self.modal {
                    match field {
                        0 => e.paper = value,
                        1 => e.date = value,
                        2 => e.page = value,
                        _ => e.page_name = value,
                    }
                }
            }
            LibraryEdit::SaveSource => self.save_source(),
            LibraryEdit::Remove => self.remove_document(false),
            LibraryEdit::ConfirmRemove(id) => {
                if self.library_cursor_doc().map(|d| d.id) != Some(id) {
                    self.library_cursor = self
                        .library_rows()
                        .iter()
                        .position(|&i| self.library[i].id == id)
                        .unwrap_or(usize::MAX);
                }
                self.remove_document(true)
            }
            LibraryEdit::FocusFilter => {
                self.page = Page::Library;
                self.library_view.filter_focus += 1;
            }
            LibraryEdit::Rename => self.start_rename(),
            LibraryEdit::NameText(name) => {
                if let Modal::Rename(e) = &mut self.modal {
                    e.name = name;
                }
            }
            LibraryEdit::SaveName => self.save_name(),
            LibraryEdit::Reimport => self.reimport(),
        }
        let n = self.library_rows().len();
        self.library_cursor = self.library_cursor.min(n.saturating_sub(1));
    }

    /// What a library edit acts on: the open document while reading, else the document
    /// under the library cursor.
    fn library_target(&self) -> Option<(DocId, String)> {
        match (self.page, &self.doc) {
            (Page::Reading, Some(doc)) => Some((doc.id, doc.title.clone())),
            _ => self.library_cursor_doc().map(|d| (d.id, d.title.clone())),
        }
    }

    fn edit_source(&mut self) {
        let Some((doc, title)) = self.library_target() else {
            return;
        };
        let meta = match self.store.source(doc) {
            Ok(m) => m,
            Err(e) => return self.notify(e.to_string(), true),
        };
        self.modal = Modal::Source(SourceEditor {
            doc,
            title,
            paper: meta.paper.unwrap_or_default(),
            date: meta.date.unwrap_or_default(),
            page: meta.page.map(|p| p.to_string()).unwrap_or_default(),
            page_name: meta.page_name.unwrap_or_default(),
            problem: None,
        });
    }

    fn save_source(&mut self) {
        let lang = self.language();
        let Modal::Source(e) = &mut self.modal else {
            return;
        };
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let date = match e.date.trim() {
            "" => None,
            d => match normalize_date(d) {
                Some(d) => Some(d),
                None => {
                    e.problem = Some(crate::i18n::tr_with(
                        lang,
                        "source.bad_date",
                        &[("date", d)],
                    ));
                    return;
                }
            },
        };
        let page = match e.page.trim() {
            "" => None,
            p => match p.parse::<u32>() {
                Ok(n) if (1..1000).contains(&n) => Some(n),
                _ => {
                    e.problem = Some(crate::i18n::tr_with(
                        lang,
                        "source.bad_page",
                        &[("page", p)],
                    ));
                    return;
                }
            },
        };
        let meta = SourceMeta {
            paper: text(&e.paper),
            date,
            page,
            page_name: text(&e.page_name),
        };
        let doc = e.doc;
        if let Err(err) = self.store.set_source(doc, &meta) {
            return self.notify_error("notice.cannot_save_source", err);
        }
        self.modal = Modal::None;
        if let Some(open) = self.doc.as_mut().filter(|d| d.id == doc) {
            open.source = meta;
        }
        self.refresh_library();
    }

    /// Remove the document under the cursor. One with annotations is only removed when
    /// `confirmed`; otherwise the user is asked (and offered an export first).
    fn remove_document(&mut self, confirmed: bool) {
        let Some(d) = self.library_cursor_doc().cloned() else {
            return;
        };
        if d.annotations > 0 && !confirmed {
            self.modal = Modal::ConfirmRemove(d.id, d.title, d.annotations);
            return;
        }
        self.modal = Modal::None;
        if let Err(e) = self.store.delete_document(d.id) {
            return self.notify_error("notice.cannot_remove", e);
        }
        if self.doc.as_ref().is_some_and(|open| open.id == d.id) {
            self.doc = None;
            self.find = None;
        }
        self.page = Page::Library;
        self.refresh_library();
        self.refresh_tags();
        let text = self.tr_with("notice.removed", &[("title", &d.title)]);
        self.notify(text, false);
    }
}

impl AppState {
    fn start_rename(&mut self) {
        if let Some((doc, name)) = self.library_target() {
            self.modal = Modal::Rename(RenameEditor { doc, name });
        }
    }

    fn save_name(&mut self) {
        let Modal::Rename(e) = &self.modal else {
            return;
        };
        let doc = e.doc;
        if let Err(err) = crate::library::rename(&mut self.store, doc, &e.name) {
            return self.notify_error("notice.cannot_rename", err);
        }
        self.modal = Modal::None;
        self.refresh_library();
        let title = self
            .library
            .iter()
            .find(|d| d.id == doc)
            .map(|d| d.title.clone());
        if let (Some(open), Some(title)) = (self.doc.as_mut().filter(|d| d.id == doc), title) {
            open.title = title;
        }
    }

    /// Read the target document again from its file, as importing that file does; the
    /// open document is shown again from the new text, where the reader was.
    fn reimport(&mut self) {
        let Some((doc, title)) = self.library_target() else {
            return;
        };
        match crate::library::reimport(&mut self.store, doc) {
            Ok(outcome) => {
                let text = match outcome {
                    ImportOutcome::Updated {
                        kept,
                        moved,
                        check,
                        orphaned,
                    } => self.tr_with(
                        "notice.reimported",
                        &[
                            ("title", &title),
                            ("kept", &kept.to_string()),
                            ("moved", &moved.to_string()),
                            ("check", &check.to_string()),
                            ("orphaned", &orphaned.to_string()),
                        ],
                    ),
                    _ => self.tr_with("notice.reimport_unchanged", &[("title", &title)]),
                };
                self.notify(text, false);
            }
            Err(e) => return self.notify(e.to_string(), true),
        }
        self.refresh_library();
        self.refresh_tags();
        if self.doc.as_ref().is_some_and(|d| d.id == doc) {
            // Opened again where the reader was; the library stays as it was on screen.
            let (page, cursor) = (self.page, self.library_cursor);
            self.open_document(doc);
            (self.page, self.library_cursor) = (page, cursor);
        }
    }
}
