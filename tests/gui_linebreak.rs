//! Issue 17: the reading view breaks rows by clreq's strict rules. The bundled sample is
//! laid out at several window widths and zooms, every section of it, and no row starts
//! with a closing mark or ends with an opening one; then the caret, the selection and
//! highlights are used right where one row ends and the next begins.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use gui_support::*;
use pizhu::core::charclass::{forbids_line_end, forbids_line_start};
use pizhu::session::{Command, RowGeometry};

fn apply(h: &mut App, command: Command) {
    h.state_mut().state.apply(command);
    h.run();
}

/// Row boundaries inside a block (one row ends where the next starts) of the section on
/// screen, as (last char of a row, first char of the next).
fn inner_breaks(h: &App) -> Vec<(usize, usize)> {
    let rows: &[RowGeometry] = &doc(h).reader.view.rows;
    rows.windows(2)
        .filter(|w| w[0].end == w[1].start && w[0].end > w[0].start)
        .map(|w| (w[0].end - 1, w[1].start))
        .collect()
}

#[test]
fn no_row_of_the_sample_starts_or_ends_with_forbidden_punctuation() {
    let mut h = fresh();
    let chars: Vec<char> = doc(&h).reader.outline.text.chars().collect();
    let mut checked = 0;
    let mut quotes_at_edges = 0;
    for width in [720.0, 1100.0, 1600.0] {
        for zoom_steps in [-2i32, 0, 2] {
            h.set_size(egui::vec2(width, 900.0));
            apply(&mut h, Command::ZoomReset);
            for _ in 0..zoom_steps.unsigned_abs() {
                let step = if zoom_steps > 0 {
                    Command::ZoomIn
                } else {
                    Command::ZoomOut
                };
                apply(&mut h, step);
            }
            apply(&mut h, Command::Top);
            while doc(&h).reader.flat_index() > 0 {
                apply(&mut h, Command::PreviousSection);
            }
            loop {
                for (last, first) in inner_breaks(&h) {
                    let (a, b) = (chars[last], chars[first]);
                    let at = || format!("{a}|{b} at {last} ({width} wide, zoom {zoom_steps})");
                    assert!(!forbids_line_end(a), "a row ends with {}", at());
                    assert!(!forbids_line_start(b), "a row starts with {}", at());
                    quotes_at_edges += usize::from(matches!(a, '”' | '。') || b == '“');
                    checked += 1;
                }
                let before = doc(&h).reader.flat_index();
                apply(&mut h, Command::NextSection);
                if doc(&h).reader.flat_index() == before {
                    break;
                }
            }
        }
    }
    eprintln!("{checked} row breaks checked, {quotes_at_edges} beside a quote or full stop");
    // The sample is long: hundreds of breaks, some of them right beside quotes.
    assert!(checked > 500, "only {checked} row breaks were checked");
    assert!(quotes_at_edges > 10, "{quotes_at_edges}");
}

/// The first row break of the first paragraph long enough to wrap: (last char of the
/// row, first char of the next).
fn a_break(h: &App) -> (usize, usize) {
    *inner_breaks(h)
        .iter()
        .find(|(_, first)| {
            let p = doc(h).reader.section().unwrap();
            p.paragraphs
                .iter()
                .any(|l| l.start < *first && *first < l.end)
        })
        .expect("a paragraph wraps")
}

#[test]
fn chars_at_a_row_end_and_the_next_row_start_are_where_the_rows_are() {
    let h = fresh();
    let (last, first) = a_break(&h);
    let (a, b) = (
        h.state().char_rect(last).unwrap(),
        h.state().char_rect(first).unwrap(),
    );
    assert!(
        b.top() > a.bottom() - 1.0,
        "the next char is on the next row"
    );
    assert!(
        a.left() > b.left() + 200.0,
        "the row's last char is at its right end"
    );
    assert!(a.width() > 5.0 && b.width() > 5.0, "{a:?} {b:?}");
}

#[test]
fn a_selection_and_a_highlight_across_a_row_break() {
    let mut h = fresh();
    let (last, first) = a_break(&h);
    // Drag from the left edge of the row's last char to the right edge of the next row's first.
    let from = h.state().char_rect(last).unwrap().left_center() + egui::vec2(1.0, 0.0);
    let to = h.state().char_rect(first).unwrap().right_center() - egui::vec2(1.0, 0.0);
    drag(&mut h, from, to);
    assert_eq!(doc(&h).selection.map(|s| s.span()), Some((last, first + 1)));
    press(&mut h, Key::Num2);
    let saved = h
        .state()
        .state
        .store()
        .annotations(Some(doc(&h).id))
        .unwrap();
    assert_eq!((saved[0].start, saved[0].end), (last, first + 1));
    let id = saved[0].id.clone();
    // Its highlight is painted on both rows: clicking either half selects it.
    for offset in [first, last] {
        press(&mut h, Key::Escape);
        press(&mut h, Key::Escape);
        assert_eq!(doc(&h).selected_annotation, None);
        let at = char_at(&h, offset);
        click(&mut h, at, Modifiers::NONE);
        assert_eq!(
            doc(&h).selected_annotation.as_deref(),
            Some(id.as_str()),
            "clicked char {offset}"
        );
    }
}

#[test]
fn the_caret_steps_over_a_row_break_and_double_click_picks_the_char_under_the_pointer() {
    let mut h = fresh();
    let (last, first) = a_break(&h);
    // A click on the left half of the next row's first char puts the caret before it.
    let left_half = h.state().char_rect(first).unwrap().left_center() + egui::vec2(2.0, 0.0);
    click(&mut h, left_half, Modifiers::NONE);
    assert_eq!(doc(&h).selection.map(|s| s.head), Some(first));
    // A click on the right half of the row's last char: the caret after it, which is the
    // same place as before the next row's first.
    let right_half = h.state().char_rect(last).unwrap().right_center() - egui::vec2(2.0, 0.0);
    click(&mut h, right_half, Modifiers::NONE);
    assert_eq!(doc(&h).selection.map(|s| s.head), Some(first));
    // Caret mode: Left goes back onto the row's last char, Shift+Right selects it.
    press(&mut h, Key::V);
    assert!(doc(&h).caret_mode);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(doc(&h).selection.map(|s| s.head), Some(last));
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(doc(&h).selection.map(|s| s.span()), Some((last, first)));
    press(&mut h, Key::Escape);
    // Double-clicking the row's last char selects a word holding it, not the next row's.
    let at = char_at(&h, last);
    double_click(&mut h, at);
    let (s, e) = doc(&h).selection.unwrap().span();
    assert!(s <= last && last < e, "{s}..{e} holds {last}");
}
