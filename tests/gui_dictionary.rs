//! Issue 17 on the real window: the dictionary popup (pointer resting on a word, `d` at
//! the caret) leaves the selection alone; the traditional view keeps offsets, so an
//! annotation made in it lands on the same chars of the stored text; find in document
//! takes a query in either script.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::core::dictionary::{self, Lookup};
use pizhu::core::script::{self, DisplayScript};
use pizhu::core::search::find_all;

/// A two-char (or longer) dictionary word in the first paragraph on screen whose
/// traditional form differs (so the traditional view changes it): a char of it, and
/// what the dictionary says.
fn a_word(h: &App) -> (usize, Lookup) {
    let doc = doc(h);
    let p = &doc.reader.section().unwrap().paragraphs[0];
    let text = &doc.reader.outline.text;
    (p.start + 2..p.end)
        .find_map(|at| {
            let l = dictionary::look_up_at(dictionary::wait(), text, at)?;
            let long = l.end - l.start >= 2 && !l.is_unknown();
            (long && script::to_traditional(&l.word) != l.word).then_some((at, l))
        })
        .expect("the sample's first paragraph has such a word")
}

/// Let the pointer rest (the popup waits for it): frames of 1/60 s.
fn rest(h: &mut App) {
    for _ in 0..30 {
        h.step();
    }
    h.run();
}

#[test]
fn a_pointer_resting_on_a_word_opens_its_popup_and_keeps_the_selection() {
    dictionary::preload();
    let mut h = fresh();
    let (at, word) = a_word(&h);
    // Select some other text first: the popup must leave it alone.
    let p = doc(&h).reader.section().unwrap().paragraphs[0].clone();
    let from = char_at(&h, p.start);
    let to = char_at(&h, p.start + 1);
    drag(&mut h, from, to);
    let selection = doc(&h).selection;
    assert!(selection.is_some_and(|s| !s.is_empty()));

    let on_word = char_at(&h, at);
    h.hover_at(on_word);
    rest(&mut h);
    let lookup = doc(&h).lookup.clone().expect("the popup opened");
    assert!(lookup.by_pointer);
    assert_eq!(lookup.found.as_ref(), Some(&word));
    h.get_by_label(&word.entries[0].pinyin);
    h.get_by_label(&word.word);
    assert_eq!(doc(&h).selection, selection, "the selection is unchanged");

    // Off the word (onto the page margin): the popup closes, the selection stays.
    h.hover_at(egui::pos2(5.0, 450.0));
    h.run();
    assert_eq!(doc(&h).lookup, None);
    assert!(h.query_by_label(&word.entries[0].pinyin).is_none());
    assert_eq!(doc(&h).selection, selection);
}

#[test]
fn d_at_the_caret_shows_the_word_and_the_caret_stays() {
    dictionary::preload();
    let mut h = fresh();
    let (at, word) = a_word(&h);
    press(&mut h, Key::V);
    let on_word = char_at(&h, at);
    click(&mut h, on_word, Modifiers::NONE);
    let caret = doc(&h).selection;
    assert!(doc(&h).caret_mode && caret.is_some_and(|s| s.is_empty()));
    press(&mut h, Key::D);
    let lookup = doc(&h).lookup.clone().expect("d opened the popup");
    assert_eq!(lookup.span(), (word.start, word.end));
    h.get_by_label(&word.entries[0].pinyin);
    assert_eq!(doc(&h).selection, caret);
    press(&mut h, Key::Escape);
    assert_eq!(doc(&h).lookup, None, "Esc closes the popup first");
    assert_eq!(doc(&h).selection, caret, "and keeps the caret");
}

#[test]
fn an_annotation_made_in_the_traditional_view_covers_the_same_stored_chars() {
    let mut h = fresh();
    let (_, word) = a_word(&h);
    let stored_before = doc(&h).reader.outline.text.clone();
    // Where the word was drawn in the stored script.
    let before = h.state().char_rect(word.start).unwrap();
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert_eq!(h.state().state.prefs().script, DisplayScript::Traditional);
    // One char for one char: the word is drawn at the same place.
    let after = h.state().char_rect(word.start).unwrap();
    assert!((before.center() - after.center()).length() < 1.0);

    let from = after.left_center() + egui::vec2(1.0, 0.0);
    let to = h.state().char_rect(word.end - 1).unwrap().right_center() - egui::vec2(1.0, 0.0);
    drag(&mut h, from, to);
    press(&mut h, Key::Num2);
    let saved = h
        .state()
        .state
        .store()
        .annotations(Some(doc(&h).id))
        .unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].start, saved[0].end), (word.start, word.end));
    assert_eq!(saved[0].quote, word.word, "the quote is the stored text");
    assert_ne!(script::to_traditional(&saved[0].quote), saved[0].quote);
    assert_eq!(
        doc(&h).reader.outline.text,
        stored_before,
        "stored text unchanged"
    );

    // The switch goes on to simplified and back to the page as printed.
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert_eq!(h.state().state.prefs().script, DisplayScript::Simplified);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert_eq!(h.state().state.prefs().script, DisplayScript::AsStored);
}

#[test]
fn find_takes_a_query_typed_in_traditional_characters() {
    let mut h = fresh();
    let (_, word) = a_word(&h);
    let hits = find_all(&doc(&h).reader.outline.text, &word.word);
    press_with(&mut h, Modifiers::COMMAND, Key::F);
    type_text(&mut h, &script::to_traditional(&word.word));
    assert_eq!(doc(&h).find_hits, hits);
    assert!(doc(&h).find_hits.contains(&(word.start, word.end)));
}
