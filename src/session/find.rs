//! Find in this document (Ctrl+F) and search everything (Ctrl+Shift+F), issue 14. Both
//! call `core::search`, as `pizhu search` does, so the window and the CLI agree.

use crate::core::search::{find_all, search, Corpus, Hit, Query, Results};

use super::{AppState, Modal, Page};

/// Most hits the search dialog lists (the total is still counted and shown).
pub const SHOWN_HITS: usize = 2000;

/// The find bar over the reading view: its query; the hits live on the open document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindBar {
    pub query: String,
}

/// The search-everything dialog: the query with its filters, and what it found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDialog {
    pub query: Query,
    pub results: Results,
    /// Index into `results.hits` of the keyboard cursor.
    pub cursor: usize,
}

/// A change to the search dialog's query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchEdit {
    Text(String),
    Paper(String),
    From(String),
    To(String),
    NotesOnly(bool),
}

impl AppState {
    /// Ctrl+F: show the find bar (keeping the last query and its hits).
    pub(super) fn open_find(&mut self) {
        if self.doc.is_none() {
            return;
        }
        self.page = Page::Reading;
        if self.find.is_none() {
            self.find = Some(FindBar::default());
        }
    }

    /// The find bar's text changed: find every hit and show the first from here on.
    pub(super) fn find_text(&mut self, query: String) {
        let Some(doc) = self.doc.as_mut() else { return };
        let hits = find_all(&doc.reader.outline.text, &query);
        let here = doc.reader.visible_span().0;
        doc.find_current =
            (!hits.is_empty()).then(|| hits.iter().position(|h| h.0 >= here).unwrap_or(0));
        doc.find_hits = hits;
        doc.revision += 1;
        self.find = Some(FindBar { query });
        self.show_find_hit();
    }

    /// Enter / F3 (forward), Shift+Enter / Shift+F3: the next or previous hit, across
    /// sections and articles, wrapping at the ends.
    pub(super) fn find_step(&mut self, forward: bool) {
        let Some(doc) = self.doc.as_mut() else { return };
        let n = doc.find_hits.len();
        if n == 0 {
            return;
        }
        doc.find_current = Some(match doc.find_current {
            None => 0,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        });
        self.page = Page::Reading;
        self.show_find_hit();
    }

    /// Esc in the find bar: close it, and its highlights with it.
    pub(super) fn close_find(&mut self) {
        self.find = None;
        if let Some(doc) = self.doc.as_mut() {
            doc.find_hits.clear();
            doc.find_current = None;
            doc.revision += 1;
        }
    }

    /// Turn to the section of the current hit and scroll it into sight.
    fn show_find_hit(&mut self) {
        let Some(doc) = self.doc.as_mut() else { return };
        let Some(&(start, _)) = doc.find_current.and_then(|i| doc.find_hits.get(i)) else {
            return;
        };
        let before = doc.reader.position();
        doc.reader.go_to_offset(start);
        let changed = before != doc.reader.position();
        if changed {
            self.section_changed();
        }
        if let Some(doc) = self.doc.as_mut() {
            doc.reveal = Some(start);
            doc.revision += 1;
        }
    }

    /// Ctrl+Shift+F: the search dialog over a fresh snapshot of the library.
    pub(super) fn open_search(&mut self) {
        // Read again only when something may have changed: a command of this window that
        // writes, or a commit by another process (the database's data_version).
        let version = self.store.data_version().ok();
        let stale = self.corpus_stale || version.is_none() || version != self.corpus_version;
        if stale && !self.take_prefetched_corpus(version) {
            match self.store.corpus() {
                Ok(corpus) => self.corpus = corpus,
                Err(e) => {
                    let text =
                        self.tr_with("notice.cannot_read_library", &[("error", &e.to_string())]);
                    return self.notify(text, true);
                }
            }
            self.corpus_stale = false;
            self.corpus_version = version;
        }
        let mut dialog = match &self.modal {
            Modal::Search(d) => d.clone(),
            _ => self.last_search.clone().unwrap_or_default(),
        };
        dialog.results = search(&self.corpus, &dialog.query, SHOWN_HITS);
        dialog.cursor = 0;
        self.modal = Modal::Search(dialog);
    }

    pub(super) fn edit_search(&mut self, edit: SearchEdit) {
        let Modal::Search(dialog) = &mut self.modal else {
            return;
        };
        let optional = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let q = &mut dialog.query;
        match edit {
            SearchEdit::Text(t) => q.text = t,
            SearchEdit::Paper(p) => q.paper = optional(p),
            // A date being typed filters once it is a whole date.
            SearchEdit::From(d) => q.from = crate::core::source::normalize_date(&d),
            SearchEdit::To(d) => q.to = crate::core::source::normalize_date(&d),
            SearchEdit::NotesOnly(on) => q.notes_only = on,
        }
        dialog.results = search(&self.corpus, &dialog.query, SHOWN_HITS);
        dialog.cursor = 0;
    }

    pub(super) fn search_step(&mut self, step: super::Step) {
        let Modal::Search(dialog) = &mut self.modal else {
            return;
        };
        let n = dialog.results.hits.len();
        if n == 0 {
            return;
        }
        dialog.cursor = match step {
            super::Step::Up => dialog.cursor.saturating_sub(1),
            super::Step::Down => (dialog.cursor + 1).min(n - 1),
            super::Step::First => 0,
            super::Step::Last => n - 1,
        };
    }

    /// Enter on a result (or a click): open its document at the hit, highlighted; a note
    /// or tag hit selects its annotation.
    pub(super) fn open_search_hit(&mut self, index: usize) {
        let Modal::Search(dialog) = &self.modal else {
            return;
        };
        let Some(hit) = dialog.results.hits.get(index).cloned() else {
            return;
        };
        let mut kept = dialog.clone();
        kept.cursor = index;
        self.last_search = Some(kept);
        self.modal = Modal::None;
        if let Some(id) = &hit.annotation {
            return self.jump_to_annotation(id);
        }
        if self.doc.as_ref().map(|d| d.id) != Some(hit.document) {
            self.open_document(hit.document);
        }
        let query = hit.hit.clone();
        self.find_text(query);
        if let Some(doc) = self.doc.as_mut() {
            doc.find_current = doc.find_hits.iter().position(|h| h.0 == hit.start);
        }
        self.show_find_hit();
    }

    /// What the search dialog searched (read when it opened); its documents' sources.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }
}

/// Hits of one document and article, for drawing results grouped.
pub fn same_group(a: &Hit, b: &Hit) -> bool {
    a.document == b.document && a.article == b.article
}
