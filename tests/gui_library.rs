//! Issue 14 stories in the library table: rename a document and re-import it from its
//! file, by keys only, on the real `PizhuApp`; `/` puts the keys in the filter. The
//! window calls the same `library::rename` / `library::reimport` as `pizhu rename` and
//! `pizhu reimport` (tests/cli_rename_reimport.rs).

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use gui_support::*;
use pizhu::session::{AppState, Command, Modal, Page};

const PAGE: &str = "rmrb_2025-01-02_p05.txt";
const TEXT: &str = "春耕时节田间忙\n\n　　农民在田间劳作。\n";

/// A library of two pages imported from files in a temporary folder, shown as the table.
fn library_of_two() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (PAGE, TEXT),
        (
            "内蒙古日报20230706第2版.txt",
            "草原上的春天\n\n　　牧民忙着接羔。\n",
        ),
    ];
    let h = library_window(dir.path(), &files);
    (dir, h)
}

fn text_field_focused(h: &App) -> bool {
    h.ctx.text_edit_focused()
}

#[test]
fn slash_filters_and_f2_renames_the_document_under_the_cursor() {
    let (_dir, mut h) = library_of_two();
    assert!(!text_field_focused(&h));
    press(&mut h, Key::Slash);
    assert!(text_field_focused(&h), "`/` puts the keys in the filter");
    type_text(&mut h, "草原");
    assert_eq!(h.state().state.library_view().filter, "草原");
    assert_eq!(library_titles(&h), ["草原上的春天"]);
    press(&mut h, Key::Escape);
    assert!(!text_field_focused(&h), "Esc leaves the filter…");
    assert_eq!(
        h.state().state.page(),
        Page::Library,
        "…and not the library"
    );
    assert_eq!(h.state().state.library_view().filter, "草原");

    press(&mut h, Key::F2);
    let Modal::Rename(editor) = h.state().state.modal().clone() else {
        panic!("F2 opens the rename dialog: {:?}", h.state().state.modal())
    };
    assert_eq!(editor.name, "草原上的春天", "starts from the current name");
    assert!(text_field_focused(&h), "the name field takes the keys");
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "接羔 札记");
    press(&mut h, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert!(library_titles(&h).is_empty(), "no longer matches 草原");
    let id = editor.doc;
    let stored = h.state().state.store().documents().unwrap();
    assert_eq!(
        stored.iter().find(|d| d.id == id).unwrap().title,
        "接羔 札记",
        "stored, not only shown"
    );
    // Filtered by its new name, Enter in the filter opens it; the title bar names it so.
    assert!(!text_field_focused(&h), "the dialog closed with its field");
    press(&mut h, Key::Slash);
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "接羔");
    assert_eq!(library_titles(&h), ["接羔 札记"]);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.page(), Page::Reading);
    let title = pizhu::app::window_title(&h.state().state);
    assert!(title.starts_with("接羔 札记 · "), "{title}");
}

#[test]
fn r_reimports_the_changed_file_keeping_annotations_source_and_name() {
    let (dir, mut h) = library_of_two();
    let state = &mut h.state_mut().state;
    let id = state
        .library()
        .iter()
        .find(|d| d.source_path.ends_with(PAGE))
        .unwrap()
        .id;
    state.apply(Command::OpenDocument(id));
    let text = doc_text(state);
    let start = text.chars().position(|c| c == '农').unwrap();
    state.apply(Command::PointerDown {
        pos: start,
        extend: false,
    });
    state.apply(Command::PointerDrag { pos: start + 7 });
    state.apply(Command::Highlight(Some(2)));
    state.apply(Command::Library(pizhu::session::LibraryEdit::Rename));
    state.apply(Command::Library(pizhu::session::LibraryEdit::NameText(
        "春耕札记".into(),
    )));
    state.apply(Command::Library(pizhu::session::LibraryEdit::SaveName));
    state.apply(Command::ShowLibrary);
    h.run();

    // The file changes on disk: a paragraph before the annotated one.
    let path = dir.path().join(PAGE);
    std::fs::write(
        &path,
        TEXT.replace("　　农民", "　　今年春耕来得早。\n\n　　农民"),
    )
    .unwrap();
    press(&mut h, Key::Home);
    let cursor = h.state().state.library_rows()[h.state().state.library_cursor()];
    assert_eq!(h.state().state.library()[cursor].id, id);
    press(&mut h, Key::R);
    let state = &h.state().state;
    let notice = &state.notices().last().expect("a message").text;
    assert!(notice.contains("1 条移动"), "{notice}");
    let text = state.store().document(id).unwrap().outline.text;
    assert!(text.contains("今年春耕来得早"));
    let a = &state.store().annotations(Some(id)).unwrap()[0];
    assert_eq!(a.quote, "农民在田间劳作");
    let moved = text.chars().position(|c| c == '农').unwrap();
    assert_eq!((a.start, a.end), (moved, moved + 7), "on the same words");
    let open = state.doc().expect("still open behind the library");
    assert_eq!(
        open.reader.outline.text, text,
        "the open document shows the new text"
    );
    assert_eq!(open.annotations[0].start, moved);
    assert_eq!(open.title, "春耕札记", "the name is kept");
    assert_eq!(
        state.store().source(id).unwrap().paper.as_deref(),
        Some("人民日报")
    );
    assert_eq!(state.page(), Page::Library);

    // The file is gone: the message names it, nothing changes.
    std::fs::remove_file(&path).unwrap();
    press(&mut h, Key::R);
    let state = &h.state().state;
    let notice = state.notices().last().expect("a message");
    assert!(notice.error);
    assert!(
        notice.text.contains(PAGE) && notice.text.contains("no such file"),
        "{}",
        notice.text
    );
    assert_eq!(state.store().document(id).unwrap().outline.text, text);
}

fn doc_text(state: &AppState) -> String {
    state.doc().unwrap().reader.outline.text.clone()
}
