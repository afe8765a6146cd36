//! The one table of keyboard shortcuts. Key handling, the help overlay and the menus are
//! all generated from `KEYMAP`, so what the user reads is what the keys do.

use egui::{Key, Modifiers};

use crate::core::corrections::{Action, MarkKind};
use crate::session::{CaretUnit, Command, LibraryEdit, Step};

mod chord;
pub use chord::Chord;
use chord::{alt, alt_shift, ctrl, ctrl_shift, ctrl_symbol, key, shift, symbol};

/// Where keyboard focus is. A key is looked up in the most specific context first
/// (e.g. Caret, then Reading, then Global), so a context may reuse a key of a broader one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    Global,
    Reading,
    Caret,
    Outline,
    Library,
    AnnotationList,
    Help,
}

impl KeyContext {
    /// The heading of the context's keys in the help overlay, in `lang`.
    pub fn title(self, lang: crate::i18n::Lang) -> &'static str {
        let key = match self {
            KeyContext::Global => "keys.global",
            KeyContext::Reading => "keys.reading",
            KeyContext::Caret => "keys.caret",
            KeyContext::Outline => "keys.outline",
            KeyContext::Library => "keys.library",
            KeyContext::AnnotationList => "keys.annotation_list",
            KeyContext::Help => "keys.help",
        };
        crate::i18n::tr(lang, key)
    }
}

/// One action with its keys in one context.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: KeyContext,
    pub chords: &'static [Chord],
    pub command: Command,
    /// Holding the key repeats the command (scrolling, moving a caret or cursor). Off
    /// for the rest: a held key must not toggle, create or delete again and again.
    pub repeat: bool,
}

const fn bind(context: KeyContext, chords: &'static [Chord], command: Command) -> Binding {
    Binding {
        context,
        chords,
        command,
        repeat: false,
    }
}

/// A binding whose command repeats while the key is held.
const fn held(context: KeyContext, chords: &'static [Chord], command: Command) -> Binding {
    Binding {
        context,
        chords,
        command,
        repeat: true,
    }
}

use KeyContext::{AnnotationList, Caret, Global, Help, Library, Outline, Reading};

const fn caret(unit: CaretUnit, forward: bool, extend: bool) -> Command {
    Command::MoveCaret {
        unit,
        forward,
        extend,
    }
}

/// Every shortcut of pizhu. Add an action here and it appears in the help and menus.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Anywhere
    bind(Global, &[ctrl(Key::O)], Command::OpenFileDialog),
    bind(Global, &[ctrl(Key::L)], Command::ShowLibrary),
    bind(Global, &[ctrl(Key::E)], Command::ExportDialog),
    bind(Global, &[ctrl(Key::Q)], Command::Quit),
    bind(Global, &[key(Key::F1), symbol(Key::Questionmark)], Command::ToggleHelp),
    bind(Global, &[key(Key::F9), ctrl(Key::Backslash)], Command::ToggleOutline),
    bind(Global, &[key(Key::F10)], Command::ToggleAnnotationPanel),
    bind(Global, &[key(Key::F12)], Command::ShowAbout),
    bind(Global, &[key(Key::Tab)], Command::FocusNext),
    bind(Global, &[shift(Key::Tab)], Command::FocusPrevious),
    bind(Global, &[ctrl(Key::Equals), ctrl_symbol(Key::Plus)], Command::ZoomIn),
    bind(Global, &[ctrl(Key::Minus)], Command::ZoomOut),
    bind(Global, &[ctrl(Key::Num0)], Command::ZoomReset),
    bind(Global, &[ctrl(Key::T)], Command::CycleTheme),
    bind(Global, &[ctrl_shift(Key::T)], Command::CycleScript),
    bind(Global, &[ctrl(Key::Z)], Command::Undo),
    bind(Global, &[ctrl_shift(Key::Z), ctrl(Key::Y)], Command::Redo),
    bind(Global, &[ctrl_shift(Key::C)], Command::CopyAnnotations),
    bind(Global, &[ctrl(Key::K)], Command::EditCodebook),
    bind(Global, &[alt(Key::ArrowDown)], Command::NextAnnotation),
    bind(Global, &[alt(Key::ArrowUp)], Command::PreviousAnnotation),
    bind(Global, &[key(Key::Escape)], Command::Escape),
    bind(Global, &[ctrl(Key::F)], Command::OpenFind),
    bind(Global, &[ctrl_shift(Key::F)], Command::SearchEverything),
    bind(Global, &[key(Key::F3)], Command::FindNext),
    bind(Global, &[shift(Key::F3)], Command::FindPrevious),
    // Reading a section
    held(Reading, &[key(Key::J), key(Key::ArrowDown)], Command::ScrollDown),
    held(Reading, &[key(Key::K), key(Key::ArrowUp)], Command::ScrollUp),
    held(Reading, &[key(Key::Space), key(Key::PageDown)], Command::PageDown),
    held(Reading, &[shift(Key::Space), key(Key::PageUp)], Command::PageUp),
    bind(Reading, &[key(Key::N), key(Key::ArrowRight)], Command::NextSection),
    bind(Reading, &[key(Key::P), key(Key::ArrowLeft)], Command::PreviousSection),
    bind(Reading, &[symbol(Key::CloseBracket)], Command::NextArticle),
    bind(Reading, &[symbol(Key::OpenBracket)], Command::PreviousArticle),
    bind(Reading, &[key(Key::Home)], Command::Top),
    bind(Reading, &[key(Key::End)], Command::Bottom),
    bind(Reading, &[key(Key::V), key(Key::I)], Command::EnterCaretMode),
    held(Reading, &[shift(Key::ArrowRight)], caret(CaretUnit::Char, true, true)),
    held(Reading, &[shift(Key::ArrowLeft)], caret(CaretUnit::Char, false, true)),
    held(Reading, &[shift(Key::ArrowDown)], caret(CaretUnit::Row, true, true)),
    held(Reading, &[shift(Key::ArrowUp)], caret(CaretUnit::Row, false, true)),
    held(Reading, &[ctrl_shift(Key::ArrowRight)], caret(CaretUnit::Word, true, true)),
    held(Reading, &[ctrl_shift(Key::ArrowLeft)], caret(CaretUnit::Word, false, true)),
    bind(Reading, &[key(Key::S)], Command::SelectSentence),
    bind(Reading, &[shift(Key::V)], Command::SelectParagraph),
    bind(Reading, &[key(Key::H)], Command::Highlight(None)),
    bind(Reading, &[key(Key::Num1)], Command::Highlight(Some(1))),
    bind(Reading, &[key(Key::Num2)], Command::Highlight(Some(2))),
    bind(Reading, &[key(Key::Num3)], Command::Highlight(Some(3))),
    bind(Reading, &[key(Key::Num4)], Command::Highlight(Some(4))),
    bind(Reading, &[key(Key::Num5)], Command::Highlight(Some(5))),
    bind(Reading, &[key(Key::Num6)], Command::Highlight(Some(6))),
    bind(Reading, &[key(Key::T)], Command::EditTags),
    bind(Reading, &[key(Key::Enter)], Command::EditNote),
    bind(Reading, &[key(Key::Delete)], Command::DeleteAnnotation),
    // Correcting the structure at the caret (issue 13)
    bind(Reading, &[alt(Key::J)], Command::Fix(Action::Join)),
    bind(Reading, &[alt(Key::S)], Command::Fix(Action::Split)),
    bind(Reading, &[alt(Key::T)], Command::Fix(Action::Mark(MarkKind::Title))),
    bind(Reading, &[alt_shift(Key::T)], Command::Fix(Action::Mark(MarkKind::Subtitle))),
    bind(Reading, &[alt(Key::B)], Command::Fix(Action::Mark(MarkKind::Byline))),
    bind(Reading, &[alt(Key::H)], Command::Fix(Action::Mark(MarkKind::Heading))),
    bind(Reading, &[alt(Key::P)], Command::Fix(Action::Mark(MarkKind::Paragraph))),
    bind(Reading, &[alt(Key::E)], Command::Fix(Action::Mark(MarkKind::EndMatter))),
    bind(Reading, &[alt(Key::F)], Command::Fix(Action::Mark(MarkKind::Furniture))),
    bind(Reading, &[alt(Key::A)], Command::Fix(Action::NewArticle)),
    bind(Reading, &[alt(Key::M)], Command::Fix(Action::MergeArticle)),
    bind(Reading, &[alt_shift(Key::ArrowDown)], Command::Fix(Action::TitleDown)),
    bind(Reading, &[alt_shift(Key::ArrowUp)], Command::Fix(Action::TitleUp)),
    bind(Reading, &[key(Key::U)], Command::NextUncertain),
    // Caret mode: arrows move the caret instead of turning pages
    held(Caret, &[key(Key::ArrowRight)], caret(CaretUnit::Char, true, false)),
    held(Caret, &[key(Key::ArrowLeft)], caret(CaretUnit::Char, false, false)),
    held(Caret, &[key(Key::ArrowDown)], caret(CaretUnit::Row, true, false)),
    held(Caret, &[key(Key::ArrowUp)], caret(CaretUnit::Row, false, false)),
    held(Caret, &[ctrl(Key::ArrowRight)], caret(CaretUnit::Word, true, false)),
    held(Caret, &[ctrl(Key::ArrowLeft)], caret(CaretUnit::Word, false, false)),
    held(Caret, &[key(Key::Home)], caret(CaretUnit::RowEdge, false, false)),
    held(Caret, &[key(Key::End)], caret(CaretUnit::RowEdge, true, false)),
    held(Caret, &[shift(Key::Home)], caret(CaretUnit::RowEdge, false, true)),
    held(Caret, &[shift(Key::End)], caret(CaretUnit::RowEdge, true, true)),
    bind(Caret, &[key(Key::D)], Command::LookUpAtCaret),
    // Lists: the outline, the library and the annotation panel
    held(Outline, &[key(Key::ArrowDown), key(Key::J)], Command::ListStep(Step::Down)),
    held(Outline, &[key(Key::ArrowUp), key(Key::K)], Command::ListStep(Step::Up)),
    bind(Outline, &[key(Key::Home)], Command::ListStep(Step::First)),
    bind(Outline, &[key(Key::End)], Command::ListStep(Step::Last)),
    bind(Outline, &[key(Key::Enter), key(Key::Space)], Command::ListActivate),
    held(Library, &[key(Key::ArrowDown), key(Key::J)], Command::ListStep(Step::Down)),
    held(Library, &[key(Key::ArrowUp), key(Key::K)], Command::ListStep(Step::Up)),
    bind(Library, &[key(Key::Home)], Command::ListStep(Step::First)),
    bind(Library, &[key(Key::End)], Command::ListStep(Step::Last)),
    bind(Library, &[key(Key::Enter)], Command::ListActivate),
    bind(Library, &[key(Key::E)], Command::Library(LibraryEdit::EditSource)),
    bind(Library, &[key(Key::Delete)], Command::Library(LibraryEdit::Remove)),
    bind(Library, &[key(Key::F2)], Command::Library(LibraryEdit::Rename)),
    bind(Library, &[key(Key::R)], Command::Library(LibraryEdit::Reimport)),
    bind(Library, &[symbol(Key::Slash)], Command::Library(LibraryEdit::FocusFilter)),
    held(AnnotationList, &[key(Key::ArrowDown), key(Key::J)], Command::ListStep(Step::Down)),
    held(AnnotationList, &[key(Key::ArrowUp), key(Key::K)], Command::ListStep(Step::Up)),
    bind(AnnotationList, &[key(Key::Home)], Command::ListStep(Step::First)),
    bind(AnnotationList, &[key(Key::End)], Command::ListStep(Step::Last)),
    bind(AnnotationList, &[key(Key::Enter)], Command::ListActivate),
    bind(AnnotationList, &[key(Key::Delete)], Command::DeleteAnnotation),
    bind(AnnotationList, &[key(Key::T)], Command::EditTags),
    bind(AnnotationList, &[key(Key::N)], Command::EditNote),
    // The help overlay closes with the keys that opened it (and Esc, from Global)
    bind(Help, &[key(Key::F1), symbol(Key::Questionmark)], Command::ToggleHelp),
];

/// The command bound to `pressed` in the first of `contexts` (most specific first) that has it.
pub fn lookup(
    contexts: &[KeyContext],
    pressed: Key,
    modifiers: Modifiers,
) -> Option<&'static Binding> {
    contexts.iter().find_map(|&context| {
        KEYMAP
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.chords.iter().any(|c| c.matches(pressed, modifiers)))
    })
}

/// The keys of a command as shown next to menu entries: "n / →".
pub fn keys_for(command: &Command) -> String {
    let mut shown: Vec<String> = Vec::new();
    for binding in KEYMAP.iter().filter(|b| &b.command == command) {
        for chord in binding.chords {
            let text = chord.display();
            if !shown.contains(&text) {
                shown.push(text);
            }
        }
    }
    shown.join(" / ")
}

#[cfg(test)]
mod tests;
