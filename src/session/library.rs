//! Documents: importing files, opening one, moving through its sections, and
//! remembering where the reader left it.

use std::path::{Path, PathBuf};

use crate::ingest::{ingest_bytes, ingest_path};
use crate::store::{DocId, ImportOutcome, ReadingPosition};

use super::{AppState, Command, Focus, Modal, OpenDocument, Page, Reader};

/// The bundled sample page, imported on first run so there is something to read at once.
pub const SAMPLE_TEXT: &[u8] = include_bytes!("../../seeds/000_51e883962f205273.txt");
/// The name the sample is stored under (it has no file on disk).
pub const SAMPLE_PATH: &str = "bundled-sample/000_51e883962f205273.txt";

const LAST_DOCUMENT: &str = "session.last_document";

impl AppState {
    /// What the window shows at launch: the given files (imported, the first opened);
    /// else on first run the bundled sample; else the document read last.
    pub fn start(&mut self, files: &[PathBuf]) {
        self.reflow_stale();
        if !files.is_empty() {
            self.import_and_open(files);
            if self.doc.is_some() {
                return;
            }
        }
        if self.library.is_empty() {
            self.name_colours_in_my_language();
            self.import_sample();
            return;
        }
        let last = match self.store.setting(LAST_DOCUMENT) {
            Ok(value) => value.and_then(|s| s.parse::<DocId>().ok()),
            Err(e) => {
                let text = self.tr_with("notice.cannot_read_last", &[("error", &e.to_string())]);
                self.notify(text, true);
                None
            }
        };
        match last.filter(|id| self.library.iter().any(|d| d.id == *id)) {
            Some(id) => self.open_document(id),
            None => self.show_library(),
        }
    }

    /// A new library's codebook in the window's language: the Chinese defaults become the
    /// English ones in an English window (names the user chose are left alone).
    fn name_colours_in_my_language(&mut self) {
        if self.language() != crate::i18n::Lang::En {
            return;
        }
        let untouched = self
            .color_names
            .iter()
            .zip(crate::core::colors::COLORS.iter())
            .all(|(name, c)| name == c.name_zh);
        if untouched {
            let english: Vec<String> = crate::core::colors::COLORS
                .iter()
                .map(|c| c.name_en.to_string())
                .collect();
            self.set_color_names(&english);
        }
    }

    /// Documents stored by an older reflow are reflowed again, their annotations re-anchored;
    /// documents stored before sources were detected get theirs.
    fn reflow_stale(&mut self) {
        if let Err(e) = crate::library::fill_missing_sources(&mut self.store) {
            let text = self.tr_with("notice.cannot_detect_sources", &[("error", &e.to_string())]);
            self.notify(text, true);
        }
        match crate::library::reflow_stale(&mut self.store) {
            Ok(done) => {
                for (id, outcome) in done {
                    if let ImportOutcome::Updated {
                        moved,
                        check,
                        orphaned,
                        ..
                    } = outcome
                    {
                        if moved + check + orphaned > 0 {
                            let text = self.tr_with(
                                "notice.reflowed",
                                &[
                                    ("id", &id.to_string()),
                                    ("moved", &moved.to_string()),
                                    ("check", &check.to_string()),
                                    ("orphaned", &orphaned.to_string()),
                                ],
                            );
                            self.notify(text, false);
                        }
                    }
                }
                self.refresh_library();
            }
            Err(e) => {
                let text = self.tr_with("notice.cannot_update", &[("error", &e.to_string())]);
                self.notify(text, true)
            }
        }
    }

    /// Import the bundled sample and open it.
    pub(super) fn import_sample(&mut self) {
        let imported = ingest_bytes(Path::new(SAMPLE_PATH), SAMPLE_TEXT)
            .map_err(|e| e.to_string())
            .and_then(|ingested| {
                crate::library::import(&mut self.store, Path::new(SAMPLE_PATH), &ingested)
                    .map_err(|e| e.to_string())
            });
        match imported {
            Ok((id, _)) => {
                self.refresh_library();
                self.open_document(id);
            }
            Err(e) => {
                let text = self.tr_with("notice.cannot_import_sample", &[("error", &e)]);
                self.notify(text, true)
            }
        }
    }

    /// Import files (each error shown, naming its file) and open the first that worked.
    pub(super) fn import_and_open(&mut self, paths: &[PathBuf]) {
        let mut first = None;
        for path in paths {
            if crate::notes_qdpx::is_qdpx(path) {
                if let Some(id) = self.import_project(path) {
                    first.get_or_insert(id);
                }
                continue;
            }
            let result = ingest_path(path)
                .map_err(|e| e.to_string())
                .and_then(|ingested| {
                    crate::library::import(&mut self.store, path, &ingested)
                        .map_err(|e| e.to_string())
                });
            match result {
                Ok((id, outcome)) => {
                    first.get_or_insert(id);
                    if let ImportOutcome::Updated {
                        moved,
                        check,
                        orphaned,
                        ..
                    } = outcome
                    {
                        let text = self.tr_with(
                            "notice.updated",
                            &[
                                ("path", &path.display().to_string()),
                                ("moved", &moved.to_string()),
                                ("check", &check.to_string()),
                                ("orphaned", &orphaned.to_string()),
                            ],
                        );
                        self.notify(text, false);
                    }
                }
                Err(e) => self.notify(e, true),
            }
        }
        self.refresh_library();
        if let Some(id) = first {
            self.modal = Modal::None;
            self.open_document(id);
        }
    }

    pub(super) fn refresh_library(&mut self) {
        match self.store.documents() {
            Ok(docs) => self.library = docs,
            Err(e) => self.notify_error("notice.cannot_read_library", e),
        }
        self.library_cursor = self
            .library_cursor
            .min(self.library.len().saturating_sub(1));
    }

    /// Rename the colours whose names changed (blank names are left as they were).
    pub(super) fn set_color_names(&mut self, names: &[String]) {
        for (i, name) in names.iter().enumerate().take(6) {
            let name = name.trim();
            if !name.is_empty() && self.color_names.get(i).map(String::as_str) != Some(name) {
                if let Err(e) = self.store.set_color_name(i as u8 + 1, name) {
                    self.notify_error("notice.cannot_save_color_name", e);
                }
            }
        }
        self.modal = Modal::None;
        self.refresh_codebook();
    }

    pub(super) fn refresh_codebook(&mut self) {
        match self.store.color_names() {
            Ok(names) => self.color_names = names,
            Err(e) => self.notify_error("notice.cannot_read_color_names", e),
        }
        self.refresh_tags();
    }

    /// Every tag in use, for completion; a store error is shown and the old list kept.
    pub(super) fn refresh_tags(&mut self) {
        match self.store.tags() {
            Ok(tags) => self.tags = tags,
            Err(e) => self.notify_error("notice.cannot_read_tags", e),
        }
    }

    /// Open a document from the library at the section where it was left.
    pub(super) fn open_document(&mut self, id: DocId) {
        self.save_position();
        let stored = match self.store.document(id) {
            Ok(d) => d,
            Err(e) => return self.notify(e.to_string(), true),
        };
        let annotations = self.store.annotations(Some(id)).unwrap_or_else(|e| {
            self.notify(e.to_string(), true);
            Vec::new()
        });
        let title = self
            .library
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| {
                stored
                    .outline
                    .articles
                    .first()
                    .map(|a| a.display_title().to_string())
                    .unwrap_or_default()
            });
        self.openings += 1;
        let source = self.store.source(id).unwrap_or_else(|e| {
            self.notify(e.to_string(), true);
            Default::default()
        });
        let mut doc = OpenDocument {
            id,
            title,
            source_path: stored.source_path,
            content_hash: stored.content_hash,
            source,
            reader: Reader::new(stored.outline),
            annotations,
            selection: None,
            caret_mode: false,
            selected_annotation: None,
            reveal: None,
            restore_scroll: None,
            revision: 0,
            opening: self.openings,
            position_dirty: false,
            find_hits: Vec::new(),
            find_current: None,
            lookup: None,
        };
        if let Ok(Some(pos)) = self.store.reading_position(id) {
            if doc.reader.go_to(pos.article, pos.section) {
                doc.restore_scroll = Some(pos.scroll);
            }
        }
        self.doc = Some(doc);
        self.page = Page::Reading;
        if self.focus != Focus::Outline {
            self.focus = Focus::Text;
        }
        self.outline_cursor = self.current_outline_row();
        self.library_cursor = self.library.iter().position(|d| d.id == id).unwrap_or(0);
        self.panel.cursor = 0;
        if let Err(e) = self.store.set_setting(LAST_DOCUMENT, &id.to_string()) {
            self.notify(e.to_string(), true);
        }
    }

    pub(super) fn show_library(&mut self) {
        self.page = Page::Library;
        self.modal = Modal::None;
        if let Some(doc) = &self.doc {
            self.library_cursor = self
                .library
                .iter()
                .position(|d| d.id == doc.id)
                .unwrap_or(0);
        }
    }

    pub(super) fn open_section(&mut self, article: usize, section: usize) {
        let Some(doc) = self.doc.as_mut() else { return };
        self.page = Page::Reading;
        if doc.reader.go_to(article, section) {
            self.section_changed();
        }
    }

    /// Scrolling and turning pages in the reading view.
    pub(super) fn navigate(&mut self, command: &Command) {
        let Some(doc) = self.doc.as_mut() else { return };
        if self.page != Page::Reading {
            return;
        }
        let r = &mut doc.reader;
        let line = r.view.line_height.max(8.0);
        let before = (r.position(), r.scroll);
        let mut hint = None;
        match command {
            Command::ScrollDown => r.scroll_by(line),
            Command::ScrollUp => r.scroll_by(-line),
            Command::ScrollTo(y) => r.scroll_to(*y),
            Command::Top => r.scroll_to(0.0),
            Command::Bottom => r.scroll_to(f32::MAX),
            Command::PageDown => {
                if !r.at_bottom() {
                    r.scroll_by(r.page_height());
                } else if !r.next_section() {
                    hint = Some("notice.last_section");
                }
            }
            Command::PageUp => {
                if r.scroll > 0.5 {
                    r.scroll_by(-r.page_height());
                } else if r.previous_section() {
                    // Paging back lands at the bottom of the previous section.
                    doc.restore_scroll = Some(f32::MAX);
                }
            }
            Command::NextSection if !r.next_section() => hint = Some("notice.last_section"),
            Command::PreviousSection if !r.previous_section() => {
                hint = Some("notice.first_section")
            }
            Command::NextArticle if !r.next_article() => hint = Some("notice.last_article"),
            Command::PreviousArticle if !r.previous_article() => {
                hint = Some("notice.first_article")
            }
            _ => {}
        }
        let after = (r.position(), r.scroll);
        if before.0 != after.0 {
            self.section_changed();
        } else if before.1 != after.1 {
            doc.position_dirty = true;
        }
        if let Some(key) = hint {
            self.notify(self.tr(key), false);
        }
    }

    /// After the section on screen changed: selection belongs to the old one; save the place.
    pub(super) fn section_changed(&mut self) {
        if let Some(doc) = self.doc.as_mut() {
            doc.selection = None;
            if doc.caret_mode {
                let start = doc.reader.visible_span().0;
                doc.selection = Some(super::Selection::caret(start));
            }
            doc.revision += 1;
            doc.position_dirty = true;
        }
        self.notices.retain(|n| n.error);
        self.outline_cursor = self.current_outline_row();
        self.save_position();
    }

    /// Write the reading position of the open document if it changed.
    pub(super) fn save_position(&mut self) {
        let Some(doc) = self.doc.as_mut() else { return };
        if !doc.position_dirty {
            return;
        }
        let Some((article, section)) = doc.reader.position() else {
            return;
        };
        let pos = ReadingPosition {
            article,
            section,
            scroll: doc.reader.scroll,
        };
        doc.position_dirty = false;
        if let Err(e) = self.store.set_reading_position(doc.id, &pos) {
            let text = self.tr_with("notice.cannot_save_position", &[("error", &e.to_string())]);
            self.notify(text, true);
        }
    }
}
