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
}

impl Command {
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
            Undo => "撤销",
            Redo => "重做",
            NextAnnotation => "下一条批注",
            PreviousAnnotation => "上一条批注",
            JumpToAnnotation(_) => "跳到批注",
            CopyAnnotations => "复制批注为 Markdown",
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
            CycleTheme => "Light, sepia, dark",
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
            Undo | Redo => "Every create, edit and delete can be undone",
            NextAnnotation | PreviousAnnotation => "Annotations in reading order",
            CopyAnnotations => "Copy the selected annotation(s) to the clipboard as Markdown",
            _ => "",
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
