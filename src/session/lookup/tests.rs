//! The popup through `AppState::apply`: what it shows, and that it leaves the selection,
//! the caret and the annotations alone.

use crate::core::dictionary;
use crate::session::{AppState, CaretUnit, Command, Selection};
use crate::store::Store;

fn reading() -> AppState {
    dictionary::preload();
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.start(&[]);
    state
}

/// A Han char of the first paragraph on screen that is part of a two-char (or longer)
/// dictionary word, and that word's span.
fn a_word_on_screen(state: &AppState) -> (usize, (usize, usize)) {
    let doc = state.doc().unwrap();
    let p = &doc.reader.section().unwrap().paragraphs[0];
    let text = &doc.reader.outline.text;
    (p.start..p.end)
        .find_map(|at| {
            let l = dictionary::look_up_at(dictionary::wait(), text, at)?;
            (l.end - l.start >= 2 && !l.is_unknown()).then_some((at, (l.start, l.end)))
        })
        .expect("the sample's first paragraph has words")
}

#[test]
fn hovering_a_word_shows_it_and_leaves_the_selection_as_it_was() {
    let mut state = reading();
    let (at, word) = a_word_on_screen(&state);
    state.apply(Command::PointerDown {
        pos: word.1 + 3,
        extend: false,
    });
    state.apply(Command::PointerDrag { pos: word.1 + 7 });
    let before = state.doc().unwrap().clone();
    state.apply(Command::LookUpWord { offset: at });
    let doc = state.doc().unwrap();
    let lookup = doc.lookup.as_ref().expect("the popup is open");
    assert!(lookup.by_pointer);
    assert_eq!(lookup.span(), word);
    let found = lookup.found.as_ref().unwrap();
    assert!(!found.entries[0].pinyin.is_empty() && !found.entries[0].glosses.is_empty());
    assert_eq!(doc.selection, before.selection);
    assert_eq!(doc.selected_annotation, before.selected_annotation);
    assert_eq!(doc.annotations, before.annotations);
    assert_eq!(doc.caret_mode, before.caret_mode);
    // Punctuation closes it: nothing to look up there.
    let text = &doc.reader.outline.text;
    let comma = text.chars().position(|c| c == '，').unwrap();
    state.apply(Command::LookUpWord { offset: comma });
    assert_eq!(state.doc().unwrap().lookup, None);
}

#[test]
fn d_in_caret_mode_looks_up_the_word_at_the_caret_and_toggles() {
    let mut state = reading();
    let (at, word) = a_word_on_screen(&state);
    state.apply(Command::LookUpAtCaret);
    assert_eq!(state.doc().unwrap().lookup, None, "only in caret mode");
    state.apply(Command::EnterCaretMode);
    state.apply(Command::PointerDown {
        pos: at,
        extend: false,
    });
    let caret = state.doc().unwrap().selection;
    assert_eq!(caret, Some(Selection::caret(at)));
    state.apply(Command::LookUpAtCaret);
    let doc = state.doc().unwrap();
    assert_eq!(doc.lookup.as_ref().unwrap().span(), word);
    assert!(!doc.lookup.as_ref().unwrap().by_pointer);
    assert_eq!(doc.selection, caret, "the caret stays");
    state.apply(Command::LookUpAtCaret);
    assert_eq!(state.doc().unwrap().lookup, None, "d again closes it");
    // A caret move closes it too.
    state.apply(Command::LookUpAtCaret);
    state.apply(Command::MoveCaret {
        unit: CaretUnit::Char,
        forward: true,
        extend: false,
    });
    assert_eq!(state.doc().unwrap().lookup, None);
}

#[test]
fn esc_closes_a_d_popup_alone_and_hides_a_pointer_popup_on_the_way() {
    let mut state = reading();
    let (at, _) = a_word_on_screen(&state);
    state.apply(Command::EnterCaretMode);
    // Selected backwards, so the caret (the head) is on the word.
    state.apply(Command::PointerDown {
        pos: at + 4,
        extend: false,
    });
    state.apply(Command::PointerDrag { pos: at });
    state.apply(Command::LookUpAtCaret);
    assert!(state.doc().unwrap().lookup.is_some());
    state.apply(Command::Escape);
    let doc = state.doc().unwrap();
    assert_eq!(doc.lookup, None);
    assert!(
        doc.selection.is_some_and(|s| !s.is_empty()),
        "Esc did only that"
    );

    state.apply(Command::LookUpWord { offset: at });
    state.apply(Command::Escape);
    let doc = state.doc().unwrap();
    assert!(doc.lookup.as_ref().is_some_and(|l| l.hidden));
    assert!(
        doc.selection.is_some_and(|s| s.is_empty()),
        "and Esc went on"
    );
}

#[test]
fn another_section_closes_the_popup() {
    let mut state = reading();
    let (at, _) = a_word_on_screen(&state);
    state.apply(Command::LookUpWord { offset: at });
    assert!(state.doc().unwrap().lookup.is_some());
    state.apply(Command::NextSection);
    assert_eq!(state.doc().unwrap().lookup, None);
}

#[test]
fn a_lookup_made_while_loading_is_answered_when_the_dictionary_is_ready() {
    let mut state = reading();
    let (at, word) = a_word_on_screen(&state);
    // As the window sees it before the thread is done: the word asked for, no answer yet.
    state.doc.as_mut().unwrap().lookup = Some(super::WordLookup {
        at,
        by_pointer: true,
        found: None,
        hidden: false,
    });
    assert_eq!(
        state.doc().unwrap().lookup.as_ref().unwrap().span(),
        (at, at + 1)
    );
    state.apply(Command::ResolveLookup);
    let lookup = state.doc().unwrap().lookup.clone().unwrap();
    assert_eq!(lookup.span(), word);
    assert!(lookup.by_pointer);
}

#[test]
fn the_script_switch_is_remembered_and_leaves_the_stored_text_alone() {
    use crate::core::script::DisplayScript;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("script-switch.sqlite3");
    let text = {
        let mut state = AppState::new(Store::open(&db).unwrap());
        state.start(&[]);
        let text = state.doc().unwrap().reader.outline.text.clone();
        state.apply(Command::CycleScript);
        assert_eq!(state.prefs().script, DisplayScript::Traditional);
        assert_eq!(state.doc().unwrap().reader.outline.text, text);
        text
    };
    let mut state = AppState::new(Store::open(&db).unwrap());
    state.start(&[]);
    assert_eq!(state.prefs().script, DisplayScript::Traditional);
    assert_eq!(state.doc().unwrap().reader.outline.text, text);
}
