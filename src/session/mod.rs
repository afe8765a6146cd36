//! The window's state without the window: what is open, where the reader is, what is
//! selected, which dialog is up. Every user action arrives as a [`Command`] and
//! [`AppState::apply`] is the one place that changes state and talks to the store, so
//! tests drive the whole application without pixels.

mod annotate;
mod command;
mod corpus_prefetch;
mod dialogs;
mod exporting;
mod find;
mod fixing;
mod focus_and_lists;
mod library;
mod library_edits;
mod library_view;
mod lookup;
mod outline_list;
mod panel;
mod prefs;
mod reader;
mod selection;
mod state_access;
mod window;

use std::path::PathBuf;

pub use annotate::History;
pub use command::{Browse, CaretUnit, Command, Draft, Step};
pub use dialogs::{DirEntry, ExportDialog, ExportScope, FileBrowser, NoteEditor, TagEditor};
pub use find::{same_group, FindBar, SearchDialog, SearchEdit, SHOWN_HITS};
pub use fixing::{fix_help, fix_label, uncertain_places};
pub use library::{SAMPLE_PATH, SAMPLE_TEXT};
pub use library_view::{
    group_key, library_rows, Grouping, LibraryColumn, LibraryEdit, LibraryView, RenameEditor,
    SourceEditor,
};
pub use lookup::WordLookup;
pub use outline_list::OutlineRow;
pub use panel::{AnnotationPanel, PanelScope};
pub use prefs::{Prefs, Theme, ZOOM_MAX, ZOOM_MIN};
pub use reader::{Reader, RowGeometry, ViewMetrics};
pub use selection::Selection;

use crate::core::annotation::Annotation;
use crate::store::{DocId, DocumentSummary, Store};

/// What the window must do after a command that state alone cannot do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    CopyText(String),
}

/// Which part of the window receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Text,
    Annotations,
}

/// What the centre of the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Reading,
    Library,
}

/// A dialog over the window. Only one at a time.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Modal {
    #[default]
    None,
    Help,
    About,
    OpenFile(FileBrowser),
    Tags(TagEditor),
    Note(NoteEditor),
    /// Draft names of the six colours.
    Codebook(Vec<String>),
    Export(ExportDialog),
    /// Search everything (Ctrl+Shift+F).
    Search(SearchDialog),
    /// A document's source: paper, date, page, page name.
    Source(SourceEditor),
    /// Remove a document that has annotations? (id, title, how many annotations)
    ConfirmRemove(DocId, String, usize),
    /// A document's name in the library.
    Rename(RenameEditor),
}

/// A message shown in the window (a desktop launch has no terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// The document on screen and everything about it that changes while reading.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub id: DocId,
    pub title: String,
    pub source_path: String,
    pub content_hash: String,
    /// Where the page was printed (title bar, About, exports).
    pub source: crate::core::source::SourceMeta,
    pub reader: Reader,
    /// This document's annotations in reading order.
    pub annotations: Vec<Annotation>,
    pub selection: Option<Selection>,
    pub caret_mode: bool,
    pub selected_annotation: Option<String>,
    /// A position the view should scroll into sight at the next frame.
    pub reveal: Option<usize>,
    /// A scroll offset to apply once the section has been laid out (restored position).
    pub restore_scroll: Option<f32>,
    /// Bumped whenever what the reading view draws changes (selection, annotations).
    pub revision: u64,
    /// Which opening of a document this is, from a counter the state never resets: a
    /// document re-imported under the same id (changed text) gets a new one, so views
    /// caching the old text's layout see the change.
    pub opening: u64,
    /// The reading position changed since it was last written.
    position_dirty: bool,
    /// Find in document: every hit of the find bar's query, and the one shown.
    pub find_hits: Vec<(usize, usize)>,
    pub find_current: Option<usize>,
    /// The dictionary popup: the word looked up, if one is.
    pub lookup: Option<WordLookup>,
}

/// Fields are private: widgets read them through accessors and change them only by
/// pushing a [`Command`], so every change goes through [`AppState::apply`].
pub struct AppState {
    store: Store,
    library: Vec<DocumentSummary>,
    doc: Option<OpenDocument>,
    page: Page,
    focus: Focus,
    modal: Modal,
    prefs: Prefs,
    /// The prefs as last written, to save only what changed.
    saved_prefs: Prefs,
    notices: Vec<Notice>,
    /// Index into [`AppState::outline_rows`] of the outline's keyboard cursor.
    outline_cursor: usize,
    library_cursor: usize,
    panel: AnnotationPanel,
    /// The six colours' names (the user's codebook), colour 1 first.
    color_names: Vec<String>,
    /// Colour used by `h`: the last one chosen.
    current_color: u8,
    /// Every tag in the library, for completion.
    tags: Vec<String>,
    history: History,
    /// Documents opened so far (never reset): the source of [`OpenDocument::opening`].
    openings: u64,
    /// The find bar, while it is open.
    find: Option<FindBar>,
    /// What search-everything looks through, read when its dialog opens.
    corpus: crate::core::search::Corpus,
    /// The search dialog as it was when a hit was opened, to come back to.
    last_search: Option<SearchDialog>,
    /// The library table's filter, sort and grouping.
    library_view: LibraryView,
    /// A command since `corpus` was read may have changed documents, annotations or
    /// sources; `corpus_version` is the database's `data_version` then (other processes).
    corpus_stale: bool,
    corpus_version: Option<i64>,
    /// The corpus being read on a thread since the window started, if it still may be used.
    corpus_prefetch: Option<corpus_prefetch::Prefetch>,
    /// `PIZHU_LANG`, which wins over the remembered choice until the menu switches.
    forced_language: Option<crate::i18n::Lang>,
    /// The system locale's language, used when nothing was chosen.
    system_language: crate::i18n::Lang,
}

impl AppState {
    /// State over an opened store; nothing is shown until a document is opened.
    pub fn new(store: Store) -> AppState {
        let (prefs, trouble) = match Prefs::load(&store) {
            Ok(prefs) => (prefs, None),
            Err(e) => (Prefs::default(), Some(e)),
        };
        let mut state = AppState {
            store,
            library: Vec::new(),
            doc: None,
            page: Page::Library,
            focus: Focus::Text,
            modal: Modal::None,
            saved_prefs: prefs.clone(),
            prefs,
            notices: Vec::new(),
            outline_cursor: 0,
            library_cursor: 0,
            panel: AnnotationPanel::default(),
            color_names: Vec::new(),
            current_color: 1,
            tags: Vec::new(),
            history: History::default(),
            openings: 0,
            find: None,
            corpus: Default::default(),
            last_search: None,
            library_view: LibraryView::default(),
            corpus_stale: true,
            corpus_version: None,
            corpus_prefetch: None,
            forced_language: crate::i18n::Lang::forced(|k| std::env::var(k).ok()),
            system_language: crate::i18n::Lang::of_system(|k| std::env::var(k).ok()),
        };
        if let Some(e) = trouble {
            state.notify_error("notice.cannot_read_settings", e);
        }
        state.refresh_library();
        state.refresh_codebook();
        state
    }

    /// Carry out one user action. Returns what the window must do beyond redrawing.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        use Command::*;
        let mut effects = Vec::new();
        if !command.keeps_corpus() {
            self.corpus_stale = true;
            self.corpus_prefetch = None;
        }
        match command {
            ScrollDown | ScrollUp | PageDown | PageUp | Top | Bottom | NextSection
            | PreviousSection | NextArticle | PreviousArticle | ScrollTo(_) => {
                self.navigate(&command)
            }
            OpenSection { article, section } => self.open_section(article, section),
            FocusNext => self.cycle_focus(true),
            FocusPrevious => self.cycle_focus(false),
            ToggleOutline => {
                self.prefs.outline_visible = !self.prefs.outline_visible;
                self.fix_focus();
            }
            ToggleAnnotationPanel => {
                self.prefs.annotations_visible = !self.prefs.annotations_visible;
                if self.prefs.annotations_visible {
                    self.focus = Focus::Annotations;
                }
                self.fix_focus();
            }
            ToggleHelp => {
                self.modal = match self.modal {
                    Modal::Help => Modal::None,
                    _ => Modal::Help,
                }
            }
            ShowAbout => self.modal = Modal::About,
            ShowLibrary => self.show_library(),
            ListStep(step) => self.list_step(step),
            ListActivate => self.list_activate(),
            OpenDocument(id) => self.open_document(id),
            OpenFileDialog => self.modal = Modal::OpenFile(FileBrowser::new(self.browse_start())),
            ImportFiles(paths) => self.import_and_open(&paths),
            ExportDialog => self.open_export_dialog(),
            Quit => {
                self.flush();
                effects.push(Effect::Quit);
            }
            ZoomIn => self.prefs.zoom_in(),
            ZoomOut => self.prefs.zoom_out(),
            ZoomReset => self.prefs.zoom = 1.0,
            CycleTheme => self.prefs.theme = self.prefs.theme.next(),
            CycleScript => self.prefs.script = self.prefs.script.next(),
            LookUpWord { offset } => self.look_up(Some(offset), true),
            LookUpAtCaret => self.look_up_at_caret(),
            ResolveLookup => self.resolve_lookup(),
            CloseLookup => self.close_lookup(),
            TogglePunctuationCompression => {
                self.prefs.compress_punctuation = !self.prefs.compress_punctuation
            }
            SetLanguage(lang) => {
                self.forced_language = None;
                self.prefs.language = Some(lang);
            }
            Escape => self.escape(),
            EnterCaretMode
            | MoveCaret { .. }
            | SelectSentence
            | SelectParagraph
            | PointerDown { .. }
            | PointerDrag { .. }
            | SelectWordAt(_)
            | SelectSentenceAt(_) => self.select(command),
            ClickAnnotation(id) => self.select_annotation(&id),
            Highlight(color) => self.highlight(color),
            EditTags => self.edit_tags(),
            SetTags(tags) => self.set_tags(tags),
            EditNote => self.edit_note(),
            SaveNote(note) => self.save_note(note),
            EditCodebook => self.modal = Modal::Codebook(self.color_names.clone()),
            SetColorNames(names) => self.set_color_names(&names),
            CancelEdit => self.modal = Modal::None,
            DeleteAnnotation => self.delete_selected(),
            Fix(action) => self.fix(action, None),
            FixAt { action, pos } => self.fix(action, Some(pos)),
            NextUncertain => self.next_uncertain(),
            Undo => self.undo(),
            Redo => self.redo(),
            NextAnnotation => self.step_annotation(true),
            PreviousAnnotation => self.step_annotation(false),
            JumpToAnnotation(id) => self.jump_to_annotation(&id),
            CopyAnnotations => effects.extend(self.copy_annotations().map(Effect::CopyText)),
            Export {
                format,
                scope,
                path,
            } => self.export(format, scope, &path),
            SetPanelScope(_)
            | FilterColor(_)
            | FilterTag(_)
            | FilterText(_)
            | Browse(_)
            | SetExportFormat(_)
            | SetExportScope(_)
            | EditDraft(_)
            | ReportView(_)
            | Revealed
            | ReportSizes { .. } => self.apply_window_command(command),
            OpenFind => self.open_find(),
            FindText(query) => self.find_text(query),
            FindNext => self.find_step(true),
            FindPrevious => self.find_step(false),
            CloseFind => self.close_find(),
            SearchEverything => self.open_search(),
            EditSearch(edit) => self.edit_search(edit),
            SearchStep(step) => self.search_step(step),
            OpenSearchHit(index) => self.open_search_hit(index),
            Library(edit) => self.edit_library(edit),
        }
        self.drop_lookup_out_of_view();
        self.save_prefs();
        effects
    }

    fn select(&mut self, command: Command) {
        if self.page != Page::Reading {
            return;
        }
        self.focus = Focus::Text;
        let Some(doc) = self.doc_mut() else { return };
        // The popup belongs to the place it was opened at; selecting moves on.
        doc.lookup = None;
        match command {
            Command::EnterCaretMode => doc.enter_caret_mode(),
            Command::MoveCaret {
                unit,
                forward,
                extend,
            } => doc.move_caret(unit, forward, extend),
            Command::SelectSentence => doc.select_sentence(doc.caret_or_top()),
            Command::SelectParagraph => doc.select_paragraph(doc.caret_or_top()),
            Command::PointerDown { pos, extend } => doc.pointer_down(pos, extend),
            Command::PointerDrag { pos } => doc.pointer_drag(pos),
            Command::SelectWordAt(pos) => doc.select_word(pos),
            Command::SelectSentenceAt(pos) => doc.select_sentence(pos),
            _ => {}
        }
    }

    /// Show a message in the window.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        let text = text.into();
        if error {
            tracing::warn!("{text}");
        }
        self.notices.retain(|n| n.error);
        self.notices.push(Notice { text, error });
        if self.notices.len() > 5 {
            self.notices.remove(0);
        }
    }

    fn save_prefs(&mut self) {
        if self.prefs != self.saved_prefs {
            let prefs = self.prefs.clone();
            match prefs.save(&self.saved_prefs, &mut self.store) {
                Ok(()) => self.saved_prefs = prefs,
                Err(e) => {
                    // Remember the attempt anyway so a broken disk does not flood messages.
                    self.saved_prefs = prefs;
                    self.notify_error("notice.cannot_save_settings", e);
                }
            }
        }
    }

    /// Write what is pending (the reading position). Called on quit and periodically.
    pub fn flush(&mut self) {
        self.save_position();
        self.save_prefs();
    }

    /// Where the file dialog starts: the folder of the open document, else the home dir.
    fn browse_start(&self) -> PathBuf {
        self.doc
            .as_ref()
            .and_then(|d| PathBuf::from(&d.source_path).parent().map(PathBuf::from))
            .filter(|p| p.is_dir())
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("/"))
    }
}

#[cfg(test)]
mod tests;
