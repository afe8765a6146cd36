//! What the menus and the help overlay say about each command: a short label and one
//! line of help, both catalogue keys (`cmd.*`, `help.*`) shown in the window's language.

use super::{CaretUnit, Command, Step};
use crate::core::corrections::{Action, MarkKind};
use crate::i18n::{tr, Lang};
use crate::session::{LibraryEdit, PanelScope};

impl Command {
    /// Short name for menus and the help overlay.
    pub fn label(&self, lang: Lang) -> &'static str {
        tr(lang, self.label_key())
    }

    /// One line of explanation for the help overlay.
    pub fn help(&self, lang: Lang) -> &'static str {
        tr(lang, self.help_key())
    }

    /// The catalogue key of [`Command::label`].
    pub fn label_key(&self) -> &'static str {
        use Command::*;
        match self {
            ScrollDown => "cmd.scroll_down",
            ScrollUp => "cmd.scroll_up",
            PageDown => "cmd.page_down",
            PageUp => "cmd.page_up",
            Top => "cmd.top",
            Bottom => "cmd.bottom",
            NextSection => "cmd.next_section",
            PreviousSection => "cmd.previous_section",
            NextArticle => "cmd.next_article",
            PreviousArticle => "cmd.previous_article",
            ScrollTo(_) => "cmd.scroll_to",
            OpenSection { .. } => "cmd.open_section",
            FocusNext => "cmd.focus_next",
            FocusPrevious => "cmd.focus_previous",
            ToggleOutline => "cmd.toggle_outline",
            ToggleAnnotationPanel => "cmd.toggle_annotation_panel",
            ToggleHelp => "cmd.toggle_help",
            ShowAbout => "cmd.show_about",
            ShowLibrary => "cmd.show_library",
            ListStep(Step::Up) => "cmd.list_up",
            ListStep(Step::Down) => "cmd.list_down",
            ListStep(Step::First) => "cmd.list_first",
            ListStep(Step::Last) => "cmd.list_last",
            ListActivate => "cmd.list_activate",
            OpenDocument(_) => "cmd.open_document",
            OpenFileDialog => "cmd.open_file_dialog",
            ImportFiles(_) => "cmd.import_files",
            ExportDialog => "cmd.export_dialog",
            Export { .. } => "cmd.export",
            Quit => "cmd.quit",
            ZoomIn => "cmd.zoom_in",
            ZoomOut => "cmd.zoom_out",
            ZoomReset => "cmd.zoom_reset",
            CycleTheme => "cmd.cycle_theme",
            TogglePunctuationCompression => "cmd.compress_punctuation",
            SetLanguage(Lang::En) => "language.en",
            SetLanguage(Lang::Zh) => "language.zh",
            EnterCaretMode => "cmd.enter_caret_mode",
            Escape => "cmd.escape",
            MoveCaret {
                unit,
                forward,
                extend,
            } => caret_key(*unit, *forward, *extend),
            SelectSentence => "cmd.select_sentence",
            SelectParagraph => "cmd.select_paragraph",
            PointerDown { .. } | PointerDrag { .. } => "cmd.pointer_select",
            SelectWordAt(_) => "cmd.select_word_at",
            SelectSentenceAt(_) => "cmd.select_sentence_at",
            ClickAnnotation(_) => "cmd.click_annotation",
            Highlight(None) => "cmd.highlight",
            Highlight(Some(_)) => "cmd.highlight_color",
            EditTags => "cmd.edit_tags",
            SetTags(_) => "cmd.set_tags",
            EditNote => "cmd.edit_note",
            EditCodebook => "cmd.edit_codebook",
            SetColorNames(_) => "cmd.set_color_names",
            SaveNote(_) => "cmd.save_note",
            CancelEdit => "cmd.cancel_edit",
            DeleteAnnotation => "cmd.delete_annotation",
            Fix(action) | FixAt { action, .. } => fix_label_key(*action),
            NextUncertain => "cmd.next_uncertain",
            Undo => "cmd.undo",
            Redo => "cmd.redo",
            NextAnnotation => "cmd.next_annotation",
            PreviousAnnotation => "cmd.previous_annotation",
            JumpToAnnotation(_) => "cmd.jump_to_annotation",
            CopyAnnotations => "cmd.copy_annotations",
            SetPanelScope(PanelScope::ThisDocument) => "cmd.panel_this",
            SetPanelScope(PanelScope::AllDocuments) => "cmd.panel_all",
            FilterColor(_) => "cmd.filter_color",
            FilterTag(_) => "cmd.filter_tag",
            FilterText(_) => "cmd.filter_text",
            Browse(_) => "cmd.browse",
            SetExportFormat(_) => "cmd.export_format",
            SetExportScope(_) => "cmd.export_scope",
            EditDraft(_) => "cmd.edit_draft",
            ReportView(_) | Revealed | ReportSizes { .. } => "cmd.window_update",
            OpenFind => "cmd.open_find",
            FindText(_) => "cmd.find_text",
            FindNext => "cmd.find_next",
            FindPrevious => "cmd.find_previous",
            CloseFind => "cmd.close_find",
            SearchEverything => "cmd.search_everything",
            EditSearch(_) => "cmd.edit_search",
            SearchStep(_) => "cmd.search_step",
            OpenSearchHit(_) => "cmd.open_search_hit",
            Library(LibraryEdit::EditSource) => "cmd.edit_source",
            Library(LibraryEdit::Remove) => "cmd.remove_document",
            Library(LibraryEdit::Rename) => "cmd.rename",
            Library(LibraryEdit::Reimport) => "cmd.reimport",
            Library(LibraryEdit::FocusFilter) => "cmd.focus_filter",
            Library(_) => "cmd.library",
        }
    }

    /// The catalogue key of [`Command::help`].
    pub fn help_key(&self) -> &'static str {
        use Command::*;
        match self {
            ScrollDown | ScrollUp => "help.scroll",
            PageDown => "help.page_down",
            PageUp => "help.page_up",
            Top | Bottom => "help.top_bottom",
            NextSection | PreviousSection => "help.sections",
            NextArticle | PreviousArticle => "help.articles",
            FocusNext | FocusPrevious => "help.focus",
            ToggleOutline => "help.toggle_outline",
            ToggleAnnotationPanel => "help.toggle_annotation_panel",
            ToggleHelp => "help.toggle_help",
            ShowAbout => "help.show_about",
            ShowLibrary => "help.show_library",
            ListStep(_) => "help.list_step",
            ListActivate => "help.list_activate",
            OpenFileDialog => "help.open_file_dialog",
            ExportDialog => "help.export_dialog",
            Quit => "help.quit",
            ZoomIn | ZoomOut | ZoomReset => "help.zoom",
            CycleTheme => "help.cycle_theme",
            TogglePunctuationCompression => "help.compress_punctuation",
            SetLanguage(_) => "help.set_language",
            EnterCaretMode => "help.enter_caret_mode",
            Escape => "help.escape",
            MoveCaret { extend: true, .. } => "help.extend",
            MoveCaret { .. } => "help.move_caret",
            SelectSentence => "help.select_sentence",
            SelectParagraph => "help.select_paragraph",
            Highlight(None) => "help.highlight",
            Highlight(Some(_)) => "help.highlight_color",
            EditTags => "help.edit_tags",
            EditNote => "help.edit_note",
            EditCodebook => "help.edit_codebook",
            DeleteAnnotation => "help.delete_annotation",
            Undo | Redo => "help.undo",
            Fix(action) | FixAt { action, .. } => fix_help_key(*action),
            NextUncertain => "help.next_uncertain",
            NextAnnotation | PreviousAnnotation => "help.annotations",
            CopyAnnotations => "help.copy_annotations",
            ScrollTo(_) => "help.scroll_to",
            OpenSection { .. } => "help.open_section",
            OpenDocument(_) => "help.open_document",
            ImportFiles(_) => "help.import_files",
            Export { .. } => "help.export",
            PointerDown { .. } | PointerDrag { .. } => "help.pointer",
            SelectWordAt(_) => "help.select_word_at",
            SelectSentenceAt(_) => "help.select_sentence_at",
            ClickAnnotation(_) => "help.click_annotation",
            SetTags(_) => "help.set_tags",
            SaveNote(_) => "help.save_note",
            SetColorNames(_) => "help.set_color_names",
            CancelEdit => "help.cancel_edit",
            JumpToAnnotation(_) => "help.jump_to_annotation",
            SetPanelScope(_) => "help.panel_scope",
            FilterColor(_) | FilterTag(_) | FilterText(_) => "help.filter",
            Browse(_) => "help.browse",
            SetExportFormat(_) | SetExportScope(_) => "help.export_settings",
            EditDraft(_) => "help.edit_draft",
            ReportView(_) | Revealed | ReportSizes { .. } => "help.window_update",
            OpenFind => "help.open_find",
            FindText(_) => "help.find_text",
            FindNext | FindPrevious => "help.find_step",
            CloseFind => "help.close_find",
            SearchEverything => "help.search_everything",
            EditSearch(_) => "help.edit_search",
            SearchStep(_) => "help.search_step",
            OpenSearchHit(_) => "help.open_search_hit",
            Library(LibraryEdit::EditSource) => "help.edit_source",
            Library(LibraryEdit::Remove) => "help.remove_document",
            Library(LibraryEdit::Rename) => "help.rename",
            Library(LibraryEdit::Reimport) => "help.reimport",
            Library(LibraryEdit::FocusFilter) => "help.focus_filter",
            Library(_) => "help.library",
        }
    }
}

fn caret_key(unit: CaretUnit, forward: bool, extend: bool) -> &'static str {
    match (unit, forward, extend) {
        (CaretUnit::Char, true, false) => "cmd.caret_right",
        (CaretUnit::Char, false, false) => "cmd.caret_left",
        (CaretUnit::Char, true, true) => "cmd.extend_char_right",
        (CaretUnit::Char, false, true) => "cmd.extend_char_left",
        (CaretUnit::Word, true, false) => "cmd.word_next",
        (CaretUnit::Word, false, false) => "cmd.word_previous",
        (CaretUnit::Word, true, true) => "cmd.extend_word_right",
        (CaretUnit::Word, false, true) => "cmd.extend_word_left",
        (CaretUnit::Row, true, false) => "cmd.caret_down",
        (CaretUnit::Row, false, false) => "cmd.caret_up",
        (CaretUnit::Row, true, true) => "cmd.extend_row_down",
        (CaretUnit::Row, false, true) => "cmd.extend_row_up",
        (CaretUnit::RowEdge, true, false) => "cmd.row_end",
        (CaretUnit::RowEdge, false, false) => "cmd.row_start",
        (CaretUnit::RowEdge, true, true) => "cmd.extend_row_end",
        (CaretUnit::RowEdge, false, true) => "cmd.extend_row_start",
    }
}

/// The catalogue key of a correction's menu label.
pub fn fix_label_key(action: Action) -> &'static str {
    match action {
        Action::Join => "fix.join",
        Action::Split => "fix.split",
        Action::NewArticle => "fix.new_article",
        Action::MergeArticle => "fix.merge_article",
        Action::TitleDown => "fix.title_down",
        Action::TitleUp => "fix.title_up",
        Action::Mark(MarkKind::Title) => "fix.mark_title",
        Action::Mark(MarkKind::Subtitle) => "fix.mark_subtitle",
        Action::Mark(MarkKind::Byline) => "fix.mark_byline",
        Action::Mark(MarkKind::Heading) => "fix.mark_heading",
        Action::Mark(MarkKind::Paragraph) => "fix.mark_paragraph",
        Action::Mark(MarkKind::EndMatter) => "fix.mark_end_matter",
        Action::Mark(MarkKind::Furniture) => "fix.mark_furniture",
    }
}

/// The catalogue key of a correction's help line.
pub fn fix_help_key(action: Action) -> &'static str {
    match action {
        Action::Join => "help.fix_join",
        Action::Split => "help.fix_split",
        Action::NewArticle => "help.fix_new_article",
        Action::MergeArticle => "help.fix_merge_article",
        Action::TitleDown | Action::TitleUp => "help.fix_title_move",
        Action::Mark(_) => "help.fix_mark",
    }
}
