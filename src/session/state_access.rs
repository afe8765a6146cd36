//! What the window and tests read of the state. Read-only on purpose: a change is a
//! [`super::Command`] given to [`AppState::apply`].

use super::{AnnotationPanel, AppState, Focus, History, Modal, Notice, OpenDocument, Page, Prefs};
use crate::store::{DocumentSummary, Store};

impl AppState {
    /// The library database (for reading; writes go through commands).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Every document, in import order.
    pub fn library(&self) -> &[DocumentSummary] {
        &self.library
    }

    /// The document being read, if any.
    pub fn doc(&self) -> Option<&OpenDocument> {
        self.doc.as_ref()
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn modal(&self) -> &Modal {
        &self.modal
    }

    /// The window's language: `PIZHU_LANG`, else the menu's choice, else the system's.
    pub fn language(&self) -> crate::i18n::Lang {
        self.forced_language
            .or(self.prefs.language)
            .unwrap_or(self.system_language)
    }

    /// Follow `lang` as the system language (what the locale said at start).
    pub fn set_system_language(&mut self, lang: crate::i18n::Lang) {
        self.system_language = lang;
        self.forced_language = None;
    }

    /// The window's string `key` in the window's language (notices are made in it).
    pub fn tr(&self, key: &'static str) -> &'static str {
        crate::i18n::tr(self.language(), key)
    }

    /// [`AppState::tr`] with each `{name}` filled in.
    pub fn tr_with(&self, key: &'static str, args: &[(&str, &str)]) -> String {
        crate::i18n::tr_with(self.language(), key, args)
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Index into [`AppState::outline_rows`] of the outline's keyboard cursor.
    pub fn outline_cursor(&self) -> usize {
        self.outline_cursor
    }

    pub fn library_cursor(&self) -> usize {
        self.library_cursor
    }

    /// The annotation panel's scope, filters and cursor.
    pub fn panel(&self) -> &AnnotationPanel {
        &self.panel
    }

    /// The six colours' names (the user's codebook), colour 1 first.
    pub fn color_names(&self) -> &[String] {
        &self.color_names
    }

    /// Colour used by `h`: the last one chosen.
    pub fn current_color(&self) -> u8 {
        self.current_color
    }

    /// Every tag in the library, for completion.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The library table's filter, sort and grouping.
    pub fn library_view(&self) -> &super::LibraryView {
        &self.library_view
    }

    /// The find bar, while it is open.
    pub fn find(&self) -> Option<&super::FindBar> {
        self.find.as_ref()
    }
}
