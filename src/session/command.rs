//! Every user action as data. Keys, menus and the mouse all produce a `Command`;
//! `AppState::apply` is the one place that carries it out.

use std::path::PathBuf;

/// Labels and help lines of the commands, in the window's language.
pub(super) mod text;

/// How far a caret move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaretUnit {
    Char,
    Word,
    /// One visual row up or down, keeping the column.
    Row,
    /// To the start or end of the visual row.
    RowEdge,
}

/// Which way the library or a list cursor moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Up,
    Down,
    First,
    Last,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Reading
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextSection,
    PreviousSection,
    NextArticle,
    PreviousArticle,
    /// The scroll position the view was moved to with the mouse wheel or scroll bar.
    ScrollTo(f32),
    OpenSection {
        article: usize,
        section: usize,
    },

    // Focus and panels
    FocusNext,
    FocusPrevious,
    ToggleOutline,
    ToggleAnnotationPanel,
    ToggleHelp,
    ShowAbout,
    ShowLibrary,
    /// Move the cursor of whichever list has focus (outline, library, annotations).
    ListStep(Step),
    /// Enter on the focused list: open the outline item, document or annotation.
    ListActivate,
    OpenDocument(i64),

    // Files
    OpenFileDialog,
    ImportFiles(Vec<PathBuf>),
    ExportDialog,
    /// Write annotations to a file (the export dialog's button).
    Export {
        format: crate::export::Format,
        scope: super::ExportScope,
        path: PathBuf,
    },
    Quit,

    // Appearance
    ZoomIn,
    ZoomOut,
    ZoomReset,
    CycleTheme,
    /// Show the text as stored, in traditional or in simplified characters (display only).
    CycleScript,
    /// Adjacent punctuation in less room, or every mark in its full em (clreq 3.1.6).
    TogglePunctuationCompression,
    /// Switch the window's language now and remember it.
    SetLanguage(crate::i18n::Lang),

    // Selecting
    EnterCaretMode,
    /// Esc: close what is open, else clear the selection, else leave caret mode.
    Escape,
    MoveCaret {
        unit: CaretUnit,
        forward: bool,
        extend: bool,
    },
    SelectSentence,
    SelectParagraph,
    /// Mouse: press at a char position (with Shift held: extend the selection).
    PointerDown {
        pos: usize,
        extend: bool,
    },
    /// Mouse: drag the selection's moving end to a char position.
    PointerDrag {
        pos: usize,
    },
    SelectWordAt(usize),
    SelectSentenceAt(usize),
    ClickAnnotation(String),

    // The dictionary popup (issue 17); none of these changes the selection
    /// The pointer rests on the char at this position: look up its word.
    LookUpWord {
        offset: usize,
    },
    /// `d` in caret mode: look up the word at the caret (again: close it).
    LookUpAtCaret,
    /// The dictionary finished loading: answer the lookup that waited for it.
    ResolveLookup,
    CloseLookup,

    // Annotating
    /// Highlight the selection with a colour (1–6), or the current colour.
    Highlight(Option<u8>),
    EditTags,
    SetTags(Vec<String>),
    EditNote,
    SaveNote(String),
    /// Open the codebook: the names of the six colours.
    EditCodebook,
    SetColorNames(Vec<String>),
    CancelEdit,
    DeleteAnnotation,
    Undo,
    Redo,
    NextAnnotation,
    PreviousAnnotation,
    JumpToAnnotation(String),
    CopyAnnotations,

    // Correcting the structure (issue 13)
    /// A correction at the caret (the top of the screen without one).
    Fix(crate::core::corrections::Action),
    /// A correction at a char position (the paragraph's context menu).
    FixAt {
        action: crate::core::corrections::Action,
        pos: usize,
    },
    /// Caret to the next place the reflow was unsure of.
    NextUncertain,

    // The annotation panel
    SetPanelScope(super::PanelScope),
    /// Show only this colour (1–6), or every colour.
    FilterColor(Option<u8>),
    /// Show only annotations with this tag, or all.
    FilterTag(Option<String>),
    /// Show only annotations whose quote, note or tags contain this text.
    FilterText(String),

    // Dialogs: their fields and buttons
    /// The file browser of the open-file or export dialog.
    Browse(Browse),
    SetExportFormat(crate::export::Format),
    SetExportScope(super::ExportScope),
    /// A draft in the tags, note or codebook dialog changed.
    EditDraft(Draft),

    // Find and search (issue 14)
    /// Ctrl+F: the find bar over the reading view.
    OpenFind,
    /// The find bar's text (incremental: every keystroke finds again).
    FindText(String),
    FindNext,
    FindPrevious,
    CloseFind,
    /// Ctrl+Shift+F: search every document, note and tag.
    SearchEverything,
    EditSearch(super::SearchEdit),
    SearchStep(Step),
    /// Open result `.0` of the search dialog at its hit.
    OpenSearchHit(usize),
    /// The library table: filter, sort, group, edit a source, remove a document.
    Library(super::LibraryEdit),

    // What the window measured (not keys; the window reports them after drawing)
    /// The reading view laid out the section: its rows and heights.
    ReportView(super::ViewMetrics),
    /// The reading view scrolled the caret or annotation asked for into sight.
    Revealed,
    /// The window or its side panels changed size (remembered for the next run).
    ReportSizes {
        window: Option<(f32, f32)>,
        outline: Option<f32>,
        annotations: Option<f32>,
    },
}

/// What the file browser of a dialog was asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Browse {
    /// The path field was edited.
    SetPath(String),
    /// Go to the parent folder.
    Up,
    /// A row of the listing was clicked: go into the folder, or pick the file.
    Choose(super::DirEntry),
    /// Enter or the dialog's button: open the typed folder, or act on the typed file.
    Submit,
}

/// A change to a dialog's draft, before its button saves it.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    /// The tag being typed.
    TagInput(String),
    /// Highlight the completion at this index.
    TagSuggestion(usize),
    /// Add a tag (a completion clicked).
    AddTag(String),
    RemoveTag(usize),
    /// Enter in the tag field: add the highlighted completion or the typed text; with
    /// nothing typed, save the tags.
    AcceptTag,
    NoteText(String),
    /// The name of colour `.0 + 1` in the codebook dialog.
    ColorName(usize, String),
}

impl Command {
    /// Whether this command leaves documents, annotations and sources as they were, so
    /// the search corpus read before it is still right. Anything not listed may write.
    pub fn keeps_corpus(&self) -> bool {
        use super::LibraryEdit as L;
        use Command::*;
        matches!(
            self,
            ScrollDown
                | ScrollUp
                | PageDown
                | PageUp
                | Top
                | Bottom
                | NextSection
                | PreviousSection
                | NextArticle
                | PreviousArticle
                | ScrollTo(_)
                | OpenSection { .. }
                | FocusNext
                | FocusPrevious
                | ToggleOutline
                | ToggleAnnotationPanel
                | ToggleHelp
                | ShowAbout
                | ShowLibrary
                | ListStep(_)
                | ListActivate
                | OpenDocument(_)
                | ExportDialog
                | ZoomIn
                | ZoomOut
                | ZoomReset
                | CycleTheme
                | CycleScript
                | LookUpWord { .. }
                | LookUpAtCaret
                | ResolveLookup
                | CloseLookup
                | TogglePunctuationCompression
                | EnterCaretMode
                | Escape
                | MoveCaret { .. }
                | SelectSentence
                | SelectParagraph
                | PointerDown { .. }
                | PointerDrag { .. }
                | SelectWordAt(_)
                | SelectSentenceAt(_)
                | ClickAnnotation(_)
                | EditTags
                | EditNote
                | EditCodebook
                | CancelEdit
                | NextAnnotation
                | PreviousAnnotation
                | JumpToAnnotation(_)
                | CopyAnnotations
                | SetPanelScope(_)
                | FilterColor(_)
                | FilterTag(_)
                | FilterText(_)
                | SetExportFormat(_)
                | SetExportScope(_)
                | EditDraft(_)
                | ReportView(_)
                | Revealed
                | ReportSizes { .. }
                | OpenFind
                | FindText(_)
                | FindNext
                | FindPrevious
                | CloseFind
                | SearchEverything
                | EditSearch(_)
                | SearchStep(_)
                | OpenSearchHit(_)
                | Library(
                    L::Filter(_)
                        | L::SortBy(_)
                        | L::Group(_)
                        | L::EditSource
                        | L::SourceField(..)
                        | L::FocusFilter
                        | L::Rename
                        | L::NameText(_)
                        | L::SaveName
                )
        )
    }
}
