//! Every user action as data. Keys, menus and the mouse all produce a `Command`;
//! `AppState::apply` is the one place that carries it out.

use std::path::PathBuf;

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

    /// Short name for menus and the help overlay.
    pub fn label(&self) -> &'static str {
        use Command::*;
        match self {
            ScrollDown => "向下滚动",
            ScrollUp => "向上滚动",
            PageDown => "下一页",
            PageUp => "上一页",
            Top => "本节开头",
            Bottom => "本节末尾",
            NextSection => "下一节",
            PreviousSection => "上一节",
            NextArticle => "下一篇文章",
            PreviousArticle => "上一篇文章",
            ScrollTo(_) => "滚动",
            OpenSection { .. } => "打开章节",
            FocusNext => "下一个区域",
            FocusPrevious => "上一个区域",
            ToggleOutline => "目录栏",
            ToggleAnnotationPanel => "批注栏",
            ToggleHelp => "快捷键帮助",
            ShowAbout => "关于 pizhu",
            ShowLibrary => "文库",
            ListStep(Step::Up) => "上移",
            ListStep(Step::Down) => "下移",
            ListStep(Step::First) => "到第一项",
            ListStep(Step::Last) => "到最后一项",
            ListActivate => "打开所选项",
            OpenDocument(_) => "打开文档",
            OpenFileDialog => "打开文件…",
            ImportFiles(_) => "导入文件",
            ExportDialog => "导出批注…",
            Export { .. } => "导出",
            Quit => "退出",
            ZoomIn => "放大",
            ZoomOut => "缩小",
            ZoomReset => "原始大小",
            CycleTheme => "切换主题",
            SetLanguage(crate::i18n::Lang::En) => "English",
            SetLanguage(crate::i18n::Lang::Zh) => "中文",
            EnterCaretMode => "光标模式",
            Escape => "取消 / 退出光标模式",
            MoveCaret {
                unit,
                forward,
                extend,
            } => caret_label(*unit, *forward, *extend),
            SelectSentence => "选择整句",
            SelectParagraph => "选择整段",
            PointerDown { .. } | PointerDrag { .. } => "选择",
            SelectWordAt(_) => "选择词语",
            SelectSentenceAt(_) => "选择句子",
            ClickAnnotation(_) => "选中批注",
            Highlight(None) => "用当前颜色标注",
            Highlight(Some(c)) => COLOR_LABELS[(*c as usize).clamp(1, 6) - 1],
            EditTags => "标签…",
            SetTags(_) => "设置标签",
            EditNote => "笔记…",
            EditCodebook => "颜色名称…",
            SetColorNames(_) => "保存颜色名称",
            SaveNote(_) => "保存笔记",
            CancelEdit => "取消编辑",
            DeleteAnnotation => "删除批注",
            Fix(action) | FixAt { action, .. } => super::fix_label(*action),
            NextUncertain => "下一处存疑",
            Undo => "撤销",
            Redo => "重做",
            NextAnnotation => "下一条批注",
            PreviousAnnotation => "上一条批注",
            JumpToAnnotation(_) => "跳到批注",
            CopyAnnotations => "复制批注为 Markdown",
            SetPanelScope(super::PanelScope::ThisDocument) => "批注栏：本文",
            SetPanelScope(super::PanelScope::AllDocuments) => "批注栏：全部文档",
            FilterColor(_) => "按颜色筛选",
            FilterTag(_) => "按标签筛选",
            FilterText(_) => "搜索批注",
            Browse(_) => "浏览文件",
            SetExportFormat(_) => "导出格式",
            SetExportScope(_) => "导出范围",
            EditDraft(_) => "编辑",
            ReportView(_) | Revealed | ReportSizes { .. } => "窗口更新",
            OpenFind => "在本文中查找…",
            FindText(_) => "查找",
            FindNext => "下一个匹配",
            FindPrevious => "上一个匹配",
            CloseFind => "关闭查找",
            SearchEverything => "全文搜索…",
            EditSearch(_) => "搜索条件",
            SearchStep(_) => "移动搜索结果",
            OpenSearchHit(_) => "打开搜索结果",
            Library(super::LibraryEdit::EditSource) => "编辑出处…",
            Library(super::LibraryEdit::Remove) => "移除文档…",
            Library(super::LibraryEdit::Rename) => "重命名…",
            Library(super::LibraryEdit::Reimport) => "从原文件重新导入",
            Library(super::LibraryEdit::FocusFilter) => "筛选文库",
            Library(_) => "文库",
        }
    }

    /// One line of explanation for the help overlay.
    pub fn help(&self) -> &'static str {
        use Command::*;
        match self {
            ScrollDown | ScrollUp => "Scroll the section by one line",
            PageDown => "Next screenful; at the bottom, the next section",
            PageUp => "Previous screenful; at the top, the previous section",
            Top | Bottom => "Jump to the top or bottom of the section",
            NextSection | PreviousSection => "Sections in reading order, across articles",
            NextArticle | PreviousArticle => "First section of the next or previous article",
            FocusNext | FocusPrevious => "Move keyboard focus: outline, text, annotations",
            ToggleOutline => "Show or hide the outline on the left",
            ToggleAnnotationPanel => "Show or hide the annotation list on the right",
            ToggleHelp => "Show or hide this list of keys",
            ShowAbout => "Version, where data and logs live, font licences",
            ShowLibrary => "All imported documents",
            ListStep(_) => "Move in the focused list",
            ListActivate => "Open the outline item, document or annotation",
            OpenFileDialog => "Import a text file and open it",
            ExportDialog => "Write annotations as Markdown, CSV or Web Annotation JSON",
            Quit => "Close pizhu (everything is already saved)",
            ZoomIn | ZoomOut | ZoomReset => "Size of the reading text",
            CycleTheme => "Light, sepia, dark, high contrast",
            SetLanguage(_) => "The window's language (remembered)",
            EnterCaretMode => "Show a caret in the text to select with the keyboard",
            Escape => "Close a dialog, clear the selection or leave caret mode",
            MoveCaret { extend: true, .. } => "Extend the selection",
            MoveCaret { .. } => "Move the caret",
            SelectSentence => "Select the sentence around the caret",
            SelectParagraph => "Select the paragraph around the caret",
            Highlight(None) => "Highlight the selection in the current colour",
            Highlight(Some(_)) => "Highlight the selection (or recolour the annotation)",
            EditTags => "Add tags to the selected annotation",
            EditNote => "Write a note on the selected annotation",
            EditCodebook => "Name the six colours (your codebook, shared by all documents)",
            DeleteAnnotation => "Remove the selected annotation",
            Undo | Redo => "Every create, edit, delete and correction can be undone",
            Fix(action) | FixAt { action, .. } => super::fix_help(*action),
            NextUncertain => "Caret to the next place the reflow was unsure of (marked ┆)",
            NextAnnotation | PreviousAnnotation => "Annotations in reading order",
            CopyAnnotations => "Copy the selected annotation(s) to the clipboard as Markdown",
            ScrollTo(_) => "Scroll with the mouse wheel or the scroll bar",
            OpenSection { .. } => "Open a section from the outline",
            OpenDocument(_) => "Open a document from the library",
            ImportFiles(_) => "Import files (also by dropping them on the window)",
            Export { .. } => "Write the export dialog's file",
            PointerDown { .. } | PointerDrag { .. } => "Drag to select; Shift+click extends",
            SelectWordAt(_) => "Double-click selects a word",
            SelectSentenceAt(_) => "Triple-click selects a sentence",
            ClickAnnotation(_) => "Click a highlight to select its annotation",
            SetTags(_) => "Save the tags dialog",
            SaveNote(_) => "Save the note dialog",
            SetColorNames(_) => "Save the colour names",
            CancelEdit => "Close the dialog without saving",
            JumpToAnnotation(_) => "Show an annotation from the list in the text",
            SetPanelScope(_) => "The annotation list shows this document or all",
            FilterColor(_) | FilterTag(_) | FilterText(_) => "Narrow the annotation list",
            Browse(_) => "Move through folders in a file dialog",
            SetExportFormat(_) | SetExportScope(_) => "What the export dialog writes",
            EditDraft(_) => "Type in a dialog",
            ReportView(_) | Revealed | ReportSizes { .. } => {
                "The window reports what it measured (not a key)"
            }
            OpenFind => "Find in this document: every hit highlighted, Enter / Shift+Enter to step",
            FindText(_) => "Type in the find bar",
            FindNext | FindPrevious => "Next or previous hit, across sections and articles",
            CloseFind => "Close the find bar",
            SearchEverything => "Search every document's text, notes and tags",
            EditSearch(_) => "Change the search or its filters",
            SearchStep(_) => "Move in the search results",
            OpenSearchHit(_) => "Open the document at the hit",
            Library(super::LibraryEdit::EditSource) => {
                "Paper, date, page and page name of the document (cited in exports)"
            }
            Library(super::LibraryEdit::Remove) => {
                "Remove the document (asks first if it has annotations)"
            }
            Library(super::LibraryEdit::Rename) => "Name the document in the library",
            Library(super::LibraryEdit::Reimport) => {
                "Read the document's file again; annotations follow the text"
            }
            Library(super::LibraryEdit::FocusFilter) => "Type in the library's filter",
            Library(_) => "Filter, sort and group the library",
        }
    }
}

/// Default names of the six colours (the user can rename them in the store).
pub const COLOR_LABELS: [&str; 6] = ["颜色 1", "颜色 2", "颜色 3", "颜色 4", "颜色 5", "颜色 6"];

fn caret_label(unit: CaretUnit, forward: bool, extend: bool) -> &'static str {
    match (unit, forward, extend) {
        (CaretUnit::Char, true, false) => "光标右移",
        (CaretUnit::Char, false, false) => "光标左移",
        (CaretUnit::Char, true, true) => "向右扩展一字",
        (CaretUnit::Char, false, true) => "向左扩展一字",
        (CaretUnit::Word, true, false) => "下一个词",
        (CaretUnit::Word, false, false) => "上一个词",
        (CaretUnit::Word, true, true) => "向右扩展一词",
        (CaretUnit::Word, false, true) => "向左扩展一词",
        (CaretUnit::Row, true, false) => "光标下移一行",
        (CaretUnit::Row, false, false) => "光标上移一行",
        (CaretUnit::Row, true, true) => "向下扩展一行",
        (CaretUnit::Row, false, true) => "向上扩展一行",
        (CaretUnit::RowEdge, true, false) => "到行尾",
        (CaretUnit::RowEdge, false, false) => "到行首",
        (CaretUnit::RowEdge, true, true) => "扩展到行尾",
        (CaretUnit::RowEdge, false, true) => "扩展到行首",
    }
}
