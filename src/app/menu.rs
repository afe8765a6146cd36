//! The menu bar. Entries are commands; their shortcuts come from the keymap, so a menu
//! never shows a key that does something else.

use egui::{Button, RichText};

use crate::core::corrections::{Action, MarkKind};
use crate::i18n::{tr, Lang};
use crate::session::{AppState, CaretUnit, Command, LibraryEdit};

use super::keymap::keys_for;
use super::theme::Palette;

/// Menus (their titles' catalogue keys) and their commands, in order. `None` draws a separator.
pub static MENUS: &[(&str, &[Option<Command>])] = &[
    (
        "menu.file",
        &[
            Some(Command::OpenFileDialog),
            Some(Command::ShowLibrary),
            Some(Command::Library(LibraryEdit::EditSource)),
            Some(Command::Library(LibraryEdit::Rename)),
            Some(Command::Library(LibraryEdit::Reimport)),
            None,
            Some(Command::ExportDialog),
            Some(Command::CopyAnnotations),
            None,
            Some(Command::Quit),
        ],
    ),
    (
        "menu.read",
        &[
            Some(Command::NextSection),
            Some(Command::PreviousSection),
            Some(Command::NextArticle),
            Some(Command::PreviousArticle),
            None,
            Some(Command::OpenFind),
            Some(Command::FindNext),
            Some(Command::FindPrevious),
            Some(Command::SearchEverything),
            None,
            Some(Command::PageDown),
            Some(Command::PageUp),
            Some(Command::Top),
            Some(Command::Bottom),
        ],
    ),
    (
        "menu.select",
        &[
            Some(Command::EnterCaretMode),
            Some(Command::SelectSentence),
            Some(Command::SelectParagraph),
            Some(Command::MoveCaret {
                unit: CaretUnit::Word,
                forward: true,
                extend: true,
            }),
            Some(Command::MoveCaret {
                unit: CaretUnit::Word,
                forward: false,
                extend: true,
            }),
            Some(Command::Escape),
        ],
    ),
    (
        "menu.annotate",
        &[
            Some(Command::Highlight(None)),
            Some(Command::Highlight(Some(1))),
            Some(Command::Highlight(Some(2))),
            Some(Command::Highlight(Some(3))),
            Some(Command::Highlight(Some(4))),
            Some(Command::Highlight(Some(5))),
            Some(Command::Highlight(Some(6))),
            None,
            Some(Command::EditTags),
            Some(Command::EditNote),
            Some(Command::EditCodebook),
            Some(Command::DeleteAnnotation),
            None,
            Some(Command::Undo),
            Some(Command::Redo),
            None,
            Some(Command::NextAnnotation),
            Some(Command::PreviousAnnotation),
        ],
    ),
    ("menu.structure", STRUCTURE),
    (
        "menu.view",
        &[
            Some(Command::ToggleOutline),
            Some(Command::ToggleAnnotationPanel),
            None,
            Some(Command::ZoomIn),
            Some(Command::ZoomOut),
            Some(Command::ZoomReset),
            Some(Command::CycleTheme),
            Some(Command::CycleScript),
            Some(Command::TogglePunctuationCompression),
        ],
    ),
    (
        "menu.language",
        &[
            Some(Command::SetLanguage(Lang::En)),
            Some(Command::SetLanguage(Lang::Zh)),
        ],
    ),
    (
        "menu.help",
        &[Some(Command::ToggleHelp), Some(Command::ShowAbout)],
    ),
];

/// The corrections of the structure (issue 13), at the caret: the Structure menu and the
/// paragraph's context menu (there at the clicked char).
pub static STRUCTURE: &[Option<Command>] = &[
    Some(Command::Fix(Action::Split)),
    Some(Command::Fix(Action::Join)),
    None,
    Some(Command::Fix(Action::Mark(MarkKind::Title))),
    Some(Command::Fix(Action::Mark(MarkKind::Subtitle))),
    Some(Command::Fix(Action::Mark(MarkKind::Byline))),
    Some(Command::Fix(Action::Mark(MarkKind::Heading))),
    Some(Command::Fix(Action::Mark(MarkKind::Paragraph))),
    Some(Command::Fix(Action::Mark(MarkKind::EndMatter))),
    Some(Command::Fix(Action::Mark(MarkKind::Furniture))),
    None,
    Some(Command::Fix(Action::NewArticle)),
    Some(Command::Fix(Action::MergeArticle)),
    Some(Command::Fix(Action::TitleDown)),
    Some(Command::Fix(Action::TitleUp)),
    None,
    Some(Command::NextUncertain),
];

/// A command's label, with the user's colour names for the six highlight colours.
pub fn label_of(command: &Command, state: &AppState) -> String {
    match command {
        Command::Highlight(Some(c)) => {
            let name = crate::export::color_name(state.color_names(), *c);
            let args = [("n", c.to_string()), ("name", name.to_string())];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            crate::i18n::tr_with(state.language(), "menu.highlight_as", &args)
        }
        other => other.label(state.language()).to_string(),
    }
}

/// Whether a menu entry that switches something is on (drawn selected).
fn switched_on(command: &Command, state: &AppState) -> bool {
    match command {
        Command::TogglePunctuationCompression => state.prefs().compress_punctuation,
        _ => false,
    }
}

pub fn bar_ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(8, 2));
    egui::Panel::top("menu")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                for (title, commands) in MENUS {
                    let title = tr(state.language(), title);
                    ui.menu_button(RichText::new(title).color(palette.muted), |ui| {
                        ui.set_min_width(240.0);
                        for command in commands.iter() {
                            match command {
                                None => {
                                    ui.separator();
                                }
                                Some(command) => {
                                    let button = Button::new(label_of(command, state))
                                        .shortcut_text(
                                            RichText::new(keys_for(command)).color(palette.muted),
                                        )
                                        .selected(switched_on(command, state));
                                    if ui.add(button).clicked() {
                                        queue.push(command.clone());
                                    }
                                }
                            }
                        }
                    });
                }
            });
        });
}
