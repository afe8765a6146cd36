//! Issue 11, item 1: the window opens a newspaper PDF the ways it opens a text file:
//! Ctrl+O with its path typed, and dropped on the window. Both go through the one import
//! path (`ingest::ingest_path`), which tells a PDF by its content.

#![cfg(feature = "gui")]

mod gui_support;

use std::path::PathBuf;

use egui::{Key, Modifiers};
use gui_support::*;
use pizhu::session::Modal;

/// A typeset newspaper page: one article across six columns.
fn page_pdf() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/pages/six_columns.pdf")
}

/// The first title of the page as its golden structure gives it.
fn first_title() -> String {
    let golden = page_pdf().with_file_name("six_columns.golden.json");
    let golden: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
    golden["articles"][0]["title"].as_str().unwrap().to_string()
}

#[test]
fn ctrl_o_opens_a_pdf_page_with_its_articles() {
    let mut h = fresh();
    let before = h.state().state.library().len();
    press_with(&mut h, Modifiers::COMMAND, Key::O);
    assert!(matches!(h.state().state.modal(), Modal::OpenFile(_)));
    type_text(&mut h, &page_pdf().to_string_lossy());
    press(&mut h, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert_eq!(h.state().state.library().len(), before + 1);
    let text = &doc(&h).reader.outline.text;
    assert!(
        text.starts_with(&first_title()),
        "the reading text opens with the page's first title: {}",
        text.chars().take(40).collect::<String>()
    );
}

#[test]
fn a_pdf_dropped_on_the_window_is_imported_and_opened() {
    let mut h = fresh();
    let before = h.state().state.library().len();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(page_pdf())));
    h.run();
    assert_eq!(h.state().state.library().len(), before + 1);
    assert!(doc(&h).reader.outline.text.starts_with(&first_title()));
}

/// "Open with": the desktop entry (`Exec=pizhu %F`, `MimeType=…;application/pdf;`) hands
/// the PDF to `pizhu FILE`, whose window starts with `AppState::start(&[FILE])`.
#[test]
fn a_pdf_given_at_launch_opens_in_the_first_frame() {
    let mut state = pizhu::session::AppState::new(pizhu::store::Store::open_in_memory().unwrap());
    state.set_system_language(pizhu::i18n::Lang::Zh);
    state.start(&[page_pdf()]);
    let h = harness(state);
    assert_eq!(
        h.state().state.library().len(),
        1,
        "no sample next to the PDF"
    );
    assert!(doc(&h).reader.outline.text.starts_with(&first_title()));
}
