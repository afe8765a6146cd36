//! The one table of keyboard shortcuts. Key handling, the help overlay and the menus are
//! all generated from `KEYMAP`, so what the user reads is what the keys do.

use egui::{Key, Modifiers};

use crate::core::corrections::{Action, MarkKind};
use crate::session::{CaretUnit, Command, LibraryEdit, Step};

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
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Global => "全局 Anywhere",
            KeyContext::Reading => "阅读 Reading",
            KeyContext::Caret => "光标模式 Caret mode",
            KeyContext::Outline => "目录 Outline",
            KeyContext::Library => "文库 Library",
            KeyContext::AnnotationList => "批注栏 Annotation list",
            KeyContext::Help => "帮助 Help",
        }
    }
}

/// A key with the modifiers that must be held. `shift: None` accepts either state,
/// for symbols that need Shift on some layouts (`?`, `+`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: Option<bool>,
}

const fn key(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: Some(false),
    }
}
const fn symbol(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: None,
    }
}
const fn shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: Some(true),
    }
}
const fn ctrl(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: Some(false),
    }
}
const fn ctrl_shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: Some(true),
    }
}
const fn ctrl_symbol(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: None,
    }
}
const fn alt_shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: true,
        shift: Some(true),
    }
}
const fn alt(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: true,
        shift: Some(false),
    }
}

impl Chord {
    pub fn matches(&self, pressed: Key, modifiers: Modifiers) -> bool {
        self.key == pressed
            && self.ctrl == modifiers.command
            && self.alt == modifiers.alt
            && self.shift.is_none_or(|s| s == modifiers.shift)
    }

    /// How the chord is written in the help overlay and menus: `Ctrl+Shift+Z`, `?`, `↓`.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl+");
        }
        if self.alt {
            s.push_str("Alt+");
        }
        if self.shift == Some(true) {
            s.push_str("Shift+");
        }
        let name = match self.key {
            Key::ArrowDown => "↓",
            Key::ArrowUp => "↑",
            Key::ArrowLeft => "←",
            Key::ArrowRight => "→",
            Key::Space => "Space",
            Key::Enter => "Enter",
            Key::Escape => "Esc",
            Key::Delete => "Delete",
            Key::Tab => "Tab",
            Key::PageUp => "PageUp",
            Key::PageDown => "PageDown",
            Key::Home => "Home",
            Key::End => "End",
            Key::Backslash => "\\",
            // Plain letters show as typed (`j`, `Shift+v`); with Ctrl as usual (`Ctrl+O`).
            other if self.ctrl || self.alt => other.symbol_or_name(),
            other => {
                let name = other.symbol_or_name();
                let letter = name.len() == 1 && name.chars().all(|c| c.is_ascii_alphabetic());
                return s + &if letter {
                    name.to_lowercase()
                } else {
                    name.to_string()
                };
            }
        };
        s + name
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
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// (context, key, ctrl, alt, shift): one physical chord in one context.
    type Slot = (KeyContext, Key, bool, bool, bool);

    #[test]
    fn no_two_actions_share_a_chord_in_one_context() {
        let mut seen: HashMap<Slot, &Command> = HashMap::new();
        for binding in KEYMAP {
            for chord in binding.chords {
                // A chord that accepts either Shift state claims both.
                let shifts = match chord.shift {
                    Some(s) => vec![s],
                    None => vec![false, true],
                };
                for s in shifts {
                    let slot = (binding.context, chord.key, chord.ctrl, chord.alt, s);
                    if let Some(other) = seen.insert(slot, &binding.command) {
                        panic!(
                            "{} is bound to both {other:?} and {:?}",
                            chord.display(),
                            binding.command
                        );
                    }
                }
            }
        }
    }

    fn lookup(
        contexts: &[KeyContext],
        pressed: Key,
        modifiers: Modifiers,
    ) -> Option<&'static Command> {
        super::lookup(contexts, pressed, modifiers).map(|b| &b.command)
    }

    /// A context is looked up before Global, so a key bound in both would silently
    /// take the context's meaning. (Caret over Reading is the one deliberate shadowing,
    /// and Help repeats Global's F1 with the same command.)
    #[test]
    fn no_context_binding_shadows_a_global_one() {
        for global in KEYMAP.iter().filter(|b| b.context == KeyContext::Global) {
            for binding in KEYMAP.iter().filter(|b| b.context != KeyContext::Global) {
                for chord in binding.chords {
                    let clash = global.chords.iter().any(|g| {
                        g.key == chord.key
                            && g.ctrl == chord.ctrl
                            && g.alt == chord.alt
                            && (g.shift.is_none()
                                || chord.shift.is_none()
                                || g.shift == chord.shift)
                    });
                    assert!(
                        !clash || binding.command == global.command,
                        "{} in {:?} ({:?}) shadows the global {:?}",
                        chord.display(),
                        binding.context,
                        binding.command,
                        global.command
                    );
                }
            }
        }
    }

    #[test]
    fn only_moves_repeat_while_a_key_is_held() {
        for b in KEYMAP {
            let moves = matches!(
                b.command,
                Command::ScrollDown
                    | Command::ScrollUp
                    | Command::PageDown
                    | Command::PageUp
                    | Command::MoveCaret { .. }
                    | Command::ListStep(Step::Up | Step::Down)
            );
            assert_eq!(b.repeat, moves, "{:?}", b.command);
        }
    }

    #[test]
    fn specific_contexts_win_over_broader_ones() {
        let none = Modifiers::NONE;
        let caret = [KeyContext::Caret, KeyContext::Reading, KeyContext::Global];
        let reading = [KeyContext::Reading, KeyContext::Global];
        assert_eq!(
            lookup(&reading, Key::ArrowRight, none),
            Some(&Command::NextSection)
        );
        assert!(matches!(
            lookup(&caret, Key::ArrowRight, none),
            Some(Command::MoveCaret { .. })
        ));
        assert_eq!(lookup(&caret, Key::N, none), Some(&Command::NextSection));
        assert_eq!(
            lookup(&reading, Key::Questionmark, Modifiers::SHIFT),
            Some(&Command::ToggleHelp)
        );
        assert_eq!(
            lookup(&reading, Key::Space, Modifiers::SHIFT),
            Some(&Command::PageUp)
        );
        assert_eq!(
            lookup(&reading, Key::Z, Modifiers::COMMAND),
            Some(&Command::Undo)
        );
        assert_eq!(
            lookup(&reading, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT),
            Some(&Command::Redo)
        );
        assert_eq!(lookup(&[KeyContext::Outline], Key::N, none), None);
    }

    #[test]
    fn chords_display_as_typed() {
        assert_eq!(keys_for(&Command::NextSection), "n / →");
        assert_eq!(keys_for(&Command::Redo), "Ctrl+Shift+Z / Ctrl+Y");
        assert_eq!(keys_for(&Command::ToggleOutline), "F9 / Ctrl+\\");
        assert_eq!(keys_for(&Command::ToggleHelp), "F1 / ?");
    }
}
