//! The window in English and in Chinese: what the locale picks, the menu switch (at once,
//! remembered), each dialog's title in both, a new library's colour names.

#![cfg(feature = "gui")]

mod gui_support;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_support::*;
use pizhu::i18n::{tr, Lang};
use pizhu::session::{Command, Modal};

fn labels(h: &App) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .collect()
}

fn shows(h: &App, text: &str) -> bool {
    labels(h).iter().any(|l| l == text)
}

fn apply(h: &mut App, command: Command) {
    h.state_mut().state.apply(command);
    h.run();
    h.run();
}

#[test]
fn the_system_language_picks_the_menus_and_a_new_librarys_colour_names() {
    let en = fresh_in(Lang::of_system(|k| {
        (k == "LANG").then(|| "en_US.UTF-8".into())
    }));
    assert!(shows(&en, "File") && shows(&en, "Annotate"));
    assert!(!shows(&en, "文件"));
    assert_eq!(en.state().state.color_names()[0], "Important");
    assert_eq!(en.state().state.color_names()[5], "Other");

    let zh = fresh_in(Lang::of_system(|k| {
        (k == "LANG").then(|| "zh_CN.UTF-8".into())
    }));
    assert!(shows(&zh, "文件") && shows(&zh, "批注"));
    assert!(!shows(&zh, "File"));
    assert_eq!(zh.state().state.color_names()[0], "重要");
}

#[test]
fn the_menu_switches_the_language_at_once_and_it_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    {
        let mut h = open_db_in(&db, Lang::Zh);
        assert!(shows(&h, "文件"));
        h.get_by_label("语言").click();
        h.run();
        h.get_by_label_contains(Command::SetLanguage(Lang::En).label())
            .click();
        h.run();
        h.run();
        assert_eq!(h.state().state.language(), Lang::En);
        assert!(shows(&h, "File"), "switched at once");
        apply(&mut h, Command::Quit);
    }
    // The next start, on a Chinese system, keeps the choice.
    let h = open_db_in(&db, Lang::Zh);
    assert_eq!(h.state().state.language(), Lang::En);
    assert!(shows(&h, "File"));
}

#[test]
fn every_dialog_renders_in_both_languages() {
    for lang in Lang::ALL {
        let mut h = fresh_in(lang);
        apply(&mut h, Command::EnterCaretMode);
        apply(&mut h, Command::SelectSentence);
        apply(&mut h, Command::Highlight(Some(1)));
        let dialogs = [
            (Command::ToggleHelp, "dialog.help"),
            (Command::ShowAbout, "dialog.about"),
            (Command::OpenFileDialog, "dialog.open"),
            (Command::ExportDialog, "dialog.export"),
            (Command::EditTags, "dialog.tags"),
            (Command::EditNote, "dialog.note"),
            (Command::EditCodebook, "dialog.codebook"),
        ];
        for (command, key) in dialogs {
            apply(&mut h, command);
            assert_ne!(h.state().state.modal(), &Modal::None);
            let names: Vec<String> = h
                .root()
                .children_recursive()
                .filter(|n| n.accesskit_node().role() == Role::Dialog)
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            assert_eq!(names, vec![tr(lang, key).to_string()], "{lang:?} {key}");
            apply(&mut h, Command::Escape);
        }
    }
}
