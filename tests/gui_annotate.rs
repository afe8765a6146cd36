//! Annotation stories on the real window: select with the mouse or the keyboard,
//! highlight, tag, write a note, filter, jump, delete, undo and redo, then check what the
//! store holds.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Event, Key, Modifiers, OutputCommand};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::core::outline::char_slice;
use pizhu::core::segment;
use pizhu::session::Modal;

/// A span inside the first paragraph of the section on screen: `len` chars from `skip`.
fn span(h: &App, skip: usize, len: usize) -> (usize, usize) {
    let p = &doc(h).reader.section().unwrap().paragraphs[0];
    assert!(p.end - p.start >= skip + len, "paragraph long enough");
    (p.start + skip, p.start + skip + len)
}

fn stored(h: &App) -> Vec<pizhu::core::annotation::Annotation> {
    let state = &h.state().state;
    state.store().annotations(Some(doc(h).id)).unwrap()
}

/// Drag from the left edge of char `start` to the right edge of char `end - 1`.
fn drag_select(h: &mut App, start: usize, end: usize) {
    let from = h.state().char_rect(start).unwrap().left_center() + egui::vec2(1.0, 0.0);
    let to = h.state().char_rect(end - 1).unwrap().right_center() - egui::vec2(1.0, 0.0);
    drag(h, from, to);
}

#[test]
fn mouse_drag_then_a_colour_key_saves_a_highlight() {
    let mut h = fresh();
    let (start, end) = span(&h, 3, 6);
    drag_select(&mut h, start, end);
    assert_eq!(doc(&h).selection.map(|s| s.span()), Some((start, end)));
    press(&mut h, Key::Num3);
    let saved = stored(&h);
    assert_eq!(saved.len(), 1);
    let a = &saved[0];
    assert_eq!((a.start, a.end, a.color), (start, end, 3));
    assert_eq!(
        a.quote,
        char_slice(&doc(&h).reader.outline.text, start, end)
    );
    assert_eq!(doc(&h).selected_annotation.as_deref(), Some(a.id.as_str()));
}

#[test]
fn keyboard_only_highlight_tags_and_note() {
    let mut h = fresh();
    press(&mut h, Key::V);
    assert!(doc(&h).caret_mode);
    let caret = doc(&h).selection.unwrap().head;
    press_with(
        &mut h,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    press_with(
        &mut h,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    let (start, end) = doc(&h).selection.unwrap().span();
    assert_eq!(start, caret);
    assert!(end > start + 1, "two words selected");
    press(&mut h, Key::H);
    assert_eq!(stored(&h).len(), 1);

    press(&mut h, Key::T);
    assert!(matches!(h.state().state.modal(), Modal::Tags(_)));
    type_text(&mut h, "经济");
    press(&mut h, Key::Enter);
    type_text(&mut h, "能源");
    press_with(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);

    press(&mut h, Key::Enter);
    assert!(matches!(h.state().state.modal(), Modal::Note(_)));
    type_text(&mut h, "第一行");
    press(&mut h, Key::Enter);
    type_text(&mut h, "“第二行”, 含逗号");
    press_with(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);

    let a = &stored(&h)[0];
    assert_eq!((a.start, a.end, a.color), (start, end, 1));
    assert_eq!(a.tags, vec!["经济", "能源"]);
    assert_eq!(a.note, "第一行\n“第二行”, 含逗号");
}

#[test]
fn tag_completion_offers_tags_from_other_annotations() {
    let mut h = fresh();
    let (s, e) = span(&h, 0, 2);
    drag_select(&mut h, s, e);
    press(&mut h, Key::T);
    type_text(&mut h, "经济政策");
    press_with(&mut h, Modifiers::COMMAND, Key::Enter);
    let (s, e) = span(&h, 5, 2);
    drag_select(&mut h, s, e);
    press(&mut h, Key::T);
    type_text(&mut h, "经");
    h.get_by_label("经济政策");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    assert_eq!(
        stored(&h)[1].tags,
        vec!["经济政策"],
        "Enter took the completion, then saved"
    );
}

#[test]
fn escape_cancels_the_note_editor() {
    let mut h = fresh();
    let (s, e) = span(&h, 0, 4);
    drag_select(&mut h, s, e);
    press(&mut h, Key::Enter);
    type_text(&mut h, "不要保存");
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert_eq!(stored(&h)[0].note, "");
}

#[test]
fn clicking_a_highlight_selects_it_and_delete_undo_redo_round_trip() {
    let mut h = fresh();
    let (start, end) = span(&h, 2, 5);
    drag_select(&mut h, start, end);
    press(&mut h, Key::Num2);
    let id = stored(&h)[0].id.clone();
    press(&mut h, Key::Escape);
    assert_eq!(doc(&h).selected_annotation, None);
    let inside = char_at(&h, start + 2);
    click(&mut h, inside, Modifiers::NONE);
    assert_eq!(doc(&h).selected_annotation.as_deref(), Some(id.as_str()));

    press(&mut h, Key::Delete);
    assert!(stored(&h).is_empty());
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(stored(&h).len(), 1);
    assert_eq!(stored(&h)[0].id, id, "the same annotation came back");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(stored(&h).is_empty(), "its creation undone too");
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(stored(&h).len(), 1);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(stored(&h).is_empty());
}

#[test]
fn double_click_selects_a_chinese_word_and_triple_click_the_sentence() {
    let mut h = fresh();
    let p = doc(&h).reader.section().unwrap().paragraphs[0].clone();
    let text = doc(&h).reader.outline.text.clone();
    // A position inside a word of two or more chars, away from the paragraph's start.
    let pos = (p.start + 4..p.end)
        .find(|&i| {
            let (s, e) = segment::word_at(&text, i);
            e - s >= 2 && s < i && char_slice(&text, s, e).chars().all(|c| c.is_alphabetic())
        })
        .expect("a multi-char word");
    let word = segment::word_at(&text, pos);
    let at = char_at(&h, pos);
    double_click(&mut h, at);
    let selected = doc(&h).selection.unwrap().span();
    assert_eq!(
        selected,
        word,
        "selected {:?}",
        char_slice(&text, selected.0, selected.1)
    );
    let sentence = segment::sentence_at(&text, pos);
    assert!(
        sentence.1 - sentence.0 > word.1 - word.0,
        "a word, not the clause"
    );

    h.step();
    h.step();
    let at = char_at(&h, pos);
    triple_click(&mut h, at);
    assert_eq!(doc(&h).selection.unwrap().span(), sentence);
}

#[test]
fn shift_click_extends_the_selection() {
    let mut h = fresh();
    let (start, _) = span(&h, 1, 1);
    let (_, end) = span(&h, 9, 1);
    let first = h.state().char_rect(start).unwrap().left_center() + egui::vec2(1.0, 0.0);
    let last = h.state().char_rect(end - 1).unwrap().right_center() - egui::vec2(1.0, 0.0);
    click(&mut h, first, Modifiers::NONE);
    click(&mut h, last, Modifiers::SHIFT);
    assert_eq!(doc(&h).selection.unwrap().span(), (start, end));
}

#[test]
fn the_panel_filters_and_jumps_to_an_annotation_in_another_section() {
    let mut h = fresh();
    let (s1, e1) = span(&h, 0, 4);
    drag_select(&mut h, s1, e1);
    press(&mut h, Key::Num1);
    press(&mut h, Key::N);
    press(&mut h, Key::N);
    let far_section = position(&h);
    let (s2, e2) = span(&h, 2, 4);
    drag_select(&mut h, s2, e2);
    press(&mut h, Key::Num2);
    let far_quote = stored(&h)
        .iter()
        .find(|a| a.color == 2)
        .unwrap()
        .quote
        .clone();
    press(&mut h, Key::OpenBracket);
    press(&mut h, Key::OpenBracket);
    assert_eq!(position(&h), (0, 0));

    press(&mut h, Key::F10);
    assert_eq!(h.state().state.panel_annotations().len(), 2);
    let codebook = h.state().state.color_names().to_vec();
    h.get_by_role_and_label(egui::accesskit::Role::Button, &codebook[1])
        .click();
    h.run();
    assert_eq!(
        h.state().state.panel_annotations().len(),
        1,
        "only colour 2"
    );
    h.get_by_label(&far_quote).click();
    h.run();
    assert_eq!(position(&h), far_section, "jumped to its section");
    let selected = doc(&h).selected_annotation.clone().unwrap();
    assert_eq!(
        stored(&h).iter().find(|a| a.id == selected).unwrap().quote,
        far_quote
    );

    h.get_by_role_and_label(egui::accesskit::Role::Button, &codebook[1])
        .click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    type_text(&mut h, &far_quote);
    assert_eq!(h.state().state.panel_annotations().len(), 1, "text filter");
}

#[test]
fn alt_arrows_walk_annotations_in_reading_order() {
    let mut h = fresh();
    let (s1, e1) = span(&h, 0, 2);
    drag_select(&mut h, s1, e1);
    press(&mut h, Key::Num4);
    press(&mut h, Key::N);
    let second = position(&h);
    let (s2, e2) = span(&h, 0, 2);
    drag_select(&mut h, s2, e2);
    press(&mut h, Key::Num5);
    press(&mut h, Key::OpenBracket);
    press(&mut h, Key::Escape);
    press_with(&mut h, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(h.state().state.selected_annotation().unwrap().start, s1);
    press_with(&mut h, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(position(&h), second);
    assert_eq!(h.state().state.selected_annotation().unwrap().start, s2);
    press_with(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(h.state().state.selected_annotation().unwrap().start, s1);
}

#[test]
fn ctrl_shift_c_copies_the_selected_annotation_as_markdown() {
    let mut h = fresh();
    let (s, e) = span(&h, 0, 5);
    drag_select(&mut h, s, e);
    press(&mut h, Key::H);
    let quote = stored(&h)[0].quote.clone();
    h.event(Event::Key {
        key: Key::C,
        pressed: true,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
        repeat: false,
        physical_key: None,
    });
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    let copied = copied.expect("something was copied");
    assert!(
        copied.contains(&quote) && copied.starts_with('#'),
        "{copied}"
    );
}

#[test]
fn ctrl_e_exports_to_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("批注.csv");
    let mut h = fresh();
    let (s, e) = span(&h, 0, 5);
    drag_select(&mut h, s, e);
    press(&mut h, Key::H);
    press_with(&mut h, Modifiers::COMMAND, Key::E);
    assert!(matches!(h.state().state.modal(), Modal::Export(_)));
    h.get_by_label("CSV").click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &out.to_string_lossy());
    press(&mut h, Key::Enter);
    let csv = std::fs::read_to_string(&out).expect("the export was written");
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    assert!(csv.contains(&stored(&h)[0].quote));
    h.get_by_label_contains("已写入");
}

#[test]
fn ctrl_k_renames_a_colour_and_the_keys_use_the_new_name() {
    let mut h = fresh();
    press_with(&mut h, Modifiers::COMMAND, Key::K);
    assert!(matches!(h.state().state.modal(), Modal::Codebook(_)));
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "要点");
    press(&mut h, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert_eq!(h.state().state.store().color_names().unwrap()[0], "要点");
    h.get_by_label("批注").click();
    h.run();
    h.get_by_label_contains("标注为 1 · 要点");
}
