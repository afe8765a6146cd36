//! Structure corrections on the real window (issue 13): join, split, re-label, new
//! article, move a title, undo and redo, each from the keyboard (one from the paragraph's
//! context menu), then the outline on screen and the annotations in the store checked.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::outline::{char_slice, Outline};

fn outline(h: &App) -> Outline {
    doc(h).reader.outline.clone()
}

fn stored(h: &App) -> Vec<Annotation> {
    let state = &h.state().state;
    state.store().annotations(Some(doc(h).id)).unwrap()
}

fn paragraphs(o: &Outline) -> Vec<String> {
    o.articles
        .iter()
        .flat_map(|a| a.sections.iter())
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone()))
        .collect()
}

/// Put the caret before char `pos` with a click at the char's left edge.
fn caret_at(h: &mut App, pos: usize) {
    let at = h.state().char_rect(pos).unwrap().left_center() + egui::vec2(1.0, 0.0);
    click(h, at, Modifiers::NONE);
    assert_eq!(doc(h).selection.map(|s| s.head), Some(pos));
}

/// Highlight `[start, end)` with the mouse and colour 2; returns the stored annotation.
fn highlight(h: &mut App, start: usize, end: usize) -> Annotation {
    let from = h.state().char_rect(start).unwrap().left_center() + egui::vec2(1.0, 0.0);
    let to = h.state().char_rect(end - 1).unwrap().right_center() - egui::vec2(1.0, 0.0);
    drag(h, from, to);
    press(h, Key::Num2);
    let saved = stored(h);
    saved.into_iter().find(|a| a.start == start).expect("saved")
}

/// The annotation is where its words are in the current text, anchored.
fn still_on_its_words(h: &App, was: &Annotation) {
    let now = stored(h)
        .into_iter()
        .find(|a| a.id == was.id)
        .expect("not lost");
    assert_eq!(now.status, AnchorStatus::Anchored);
    let text = &doc(h).reader.outline.text;
    assert_eq!(
        char_slice(text, now.start, now.end).replace('\n', ""),
        was.quote
    );
}

fn first_paragraphs(h: &App) -> (usize, usize, usize) {
    let s = doc(h).reader.section().unwrap();
    assert!(s.paragraphs.len() >= 3, "a section with three paragraphs");
    (
        s.paragraphs[0].start,
        s.paragraphs[1].start,
        s.paragraphs[2].start,
    )
}

#[test]
fn join_two_paragraphs_with_alt_j() {
    let mut h = fresh();
    let before = outline(&h);
    let (p0, p1, _) = first_paragraphs(&h);
    let note = highlight(&mut h, p1 + 2, p1 + 8);
    caret_at(&mut h, p0 + 3);
    press_with(&mut h, Modifiers::ALT, Key::J);
    let after = outline(&h);
    let (old, new) = (paragraphs(&before), paragraphs(&after));
    assert_eq!(new.len(), old.len() - 1);
    assert_eq!(new[0], format!("{}{}", old[0], old[1]));
    assert_eq!(after.text.replace('\n', ""), before.text.replace('\n', ""));
    still_on_its_words(&h, &note);
    // The caret stayed on the same words.
    assert_eq!(doc(&h).caret_or_top(), p0 + 3);
}

#[test]
fn split_a_paragraph_from_the_context_menu_and_with_alt_s() {
    let mut h = fresh();
    let before = outline(&h);
    let (p0, _, _) = first_paragraphs(&h);
    let note = highlight(&mut h, p0 + 4, p0 + 12);
    // Right-click inside the highlight's words, then the menu entry.
    let at = h.state().char_rect(p0 + 8).unwrap().left_center() + egui::vec2(1.0, 0.0);
    h.hover_at(at);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.get_by_label("在光标处分段").click();
    h.run();
    let after = outline(&h);
    let (old, new) = (paragraphs(&before), paragraphs(&after));
    assert_eq!(new.len(), old.len() + 1);
    assert_eq!(new[0], old[0].chars().take(8).collect::<String>());
    still_on_its_words(&h, &note);

    // Alt+S at the caret splits the second half again.
    caret_at(&mut h, p0 + 9 + 6);
    press_with(&mut h, Modifiers::ALT, Key::S);
    assert_eq!(paragraphs(&outline(&h)).len(), old.len() + 2);
    still_on_its_words(&h, &note);
}

#[test]
fn relabel_a_paragraph_as_a_heading_with_alt_h() {
    let mut h = fresh();
    let before = outline(&h);
    let (_, _, p2) = first_paragraphs(&h);
    let text = doc(&h).reader.section().unwrap().paragraphs[2].text.clone();
    let note = highlight(&mut h, p2 + 3, p2 + 8);
    caret_at(&mut h, p2 + 1);
    press_with(&mut h, Modifiers::ALT, Key::H);
    let after = outline(&h);
    assert_eq!(after.text, before.text, "a label changes no text");
    let headings: Vec<&str> = after.articles[0]
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|l| l.text.as_str()))
        .collect();
    assert!(headings.contains(&text.as_str()));
    let stored_now = stored(&h);
    assert_eq!(
        (stored_now[0].start, stored_now[0].end),
        (note.start, note.end)
    );
}

#[test]
fn new_article_then_move_the_title_down_and_undo_both() {
    let mut h = fresh();
    let before = outline(&h);
    let title = before.articles[0]
        .title
        .clone()
        .expect("the sample has a title");
    let (_, p1, _) = first_paragraphs(&h);
    let note = highlight(&mut h, title.start + 2, title.start + 4);
    caret_at(&mut h, p1 + 2);
    press_with(&mut h, Modifiers::ALT, Key::A);
    let split = outline(&h);
    assert_eq!(split.articles.len(), before.articles.len() + 1);
    assert!(split.articles[1].title.is_none());

    // Back to the first article's title and give it to the article below.
    press(&mut h, Key::OpenBracket);
    caret_at(&mut h, 0);
    press_with(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowDown);
    let moved = outline(&h);
    assert_eq!(moved.articles[0].title, None);
    assert_eq!(
        moved.articles[1].title.as_ref().map(|t| &t.text),
        Some(&title.text)
    );
    still_on_its_words(&h, &note);

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(outline(&h), before);
    still_on_its_words(&h, &note);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(outline(&h).articles.len(), before.articles.len() + 1);
    let listed = h.state().state.store().corrections(doc(&h).id).unwrap();
    assert_eq!(listed.len(), 1, "redo put the correction back");
}

#[test]
fn undo_of_a_split_restores_outline_and_annotation() {
    let mut h = fresh();
    let before = outline(&h);
    let (p0, _, _) = first_paragraphs(&h);
    let note = highlight(&mut h, p0 + 2, p0 + 9);
    caret_at(&mut h, p0 + 12);
    press_with(&mut h, Modifiers::ALT, Key::S);
    assert_ne!(outline(&h), before);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(outline(&h), before);
    let now = stored(&h);
    assert_eq!((now[0].start, now[0].end), (note.start, note.end));
    assert_eq!(now[0].quote, note.quote);
    // Undo once more removes the highlight itself: one stack for both.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(stored(&h).is_empty());
}

#[test]
fn u_jumps_to_the_next_uncertain_place() {
    let mut h = fresh();
    let places = pizhu::session::uncertain_places(&outline(&h));
    press(&mut h, Key::U);
    match places.first() {
        Some(&first) => {
            assert_eq!(doc(&h).selection.map(|s| s.head), Some(first));
            // Scrolled into sight.
            for _ in 0..4 {
                h.run();
            }
            let y = h.state().char_rect(first).expect("laid out").center().y;
            assert!(
                (0.0..900.0).contains(&y),
                "the uncertain place is on screen (y = {y})"
            );
        }
        // The notice in the window's language ("No uncertain places" / "没有存疑之处").
        None => assert!(h
            .state()
            .state
            .notices()
            .iter()
            .any(|n| n.text.contains("uncertain") || n.text.contains("存疑"))),
    }
}
