//! Stories told through `AppState::apply`: no window, the real store.

use std::path::PathBuf;

use super::*;
use crate::core::outline::char_slice;
use crate::export::Format;

fn fresh() -> AppState {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.start(&[]);
    state
}

fn position(state: &AppState) -> (usize, usize) {
    state.doc.as_ref().unwrap().reader.position().unwrap()
}

fn doc(state: &AppState) -> &OpenDocument {
    state.doc.as_ref().unwrap()
}

/// Select `[start, end)` as a mouse drag would.
fn drag(state: &mut AppState, start: usize, end: usize) {
    state.apply(Command::PointerDown {
        pos: start,
        extend: false,
    });
    state.apply(Command::PointerDrag { pos: end });
}

/// A span of `len` chars inside the first paragraph of the section on screen.
fn span_in_first_paragraph(state: &AppState, len: usize) -> (usize, usize) {
    let p = &doc(state).reader.section().unwrap().paragraphs[0];
    (p.start + 2, (p.start + 2 + len).min(p.end))
}

#[test]
fn first_run_imports_the_sample_and_opens_its_first_section() {
    let state = fresh();
    assert_eq!(state.library.len(), 1);
    assert_eq!(state.page, Page::Reading);
    assert_eq!(position(&state), (0, 0));
}

#[test]
fn n_walks_every_section_in_order_and_stops_at_the_end() {
    let mut state = fresh();
    let expected = doc(&state).reader.outline.section_refs();
    let mut seen = vec![position(&state)];
    for _ in 0..expected.len() + 3 {
        state.apply(Command::NextSection);
        if seen.last() != Some(&position(&state)) {
            seen.push(position(&state));
        }
    }
    assert_eq!(seen, expected);
    // The notice is in the window's language.
    let end = state.tr("notice.last_section");
    assert!(state.notices.iter().any(|n| n.text == end));
    state.apply(Command::PreviousSection);
    assert_eq!(position(&state), expected[expected.len() - 2]);
}

#[test]
fn brackets_jump_between_articles() {
    let mut state = fresh();
    let articles = doc(&state).reader.outline.articles.len();
    state.apply(Command::NextArticle);
    if articles > 1 {
        assert_eq!(position(&state), (1, 0));
        state.apply(Command::PreviousArticle);
    }
    assert_eq!(position(&state), (0, 0));
}

#[test]
fn paging_past_the_bottom_turns_to_the_next_section() {
    let mut state = fresh();
    state.apply(Command::ReportView(ViewMetrics {
        viewport_height: 100.0,
        content_height: 250.0,
        line_height: 20.0,
        rows: vec![],
    }));
    state.apply(Command::PageDown);
    assert_eq!(doc(&state).reader.scroll, 60.0);
    state.apply(Command::Bottom);
    state.apply(Command::PageDown);
    assert_eq!(
        position(&state),
        doc(&state).reader.outline.section_refs()[1]
    );
    assert_eq!(doc(&state).reader.scroll, 0.0);
    state.apply(Command::PageUp);
    assert_eq!(position(&state), (0, 0));
    assert_eq!(
        doc(&state).restore_scroll,
        Some(f32::MAX),
        "lands at the bottom"
    );
}

#[test]
fn reopening_returns_to_the_section_and_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let target = {
        let mut state = AppState::new(Store::open(&db).unwrap());
        state.start(&[]);
        state.apply(Command::NextSection);
        state.apply(Command::NextSection);
        state.apply(Command::ReportView(ViewMetrics {
            viewport_height: 100.0,
            content_height: 900.0,
            line_height: 20.0,
            rows: vec![],
        }));
        state.apply(Command::ScrollDown);
        state.apply(Command::ZoomIn);
        state.apply(Command::CycleTheme);
        assert!(state.prefs.compress_punctuation, "on by default");
        state.apply(Command::TogglePunctuationCompression);
        assert!(!state.prefs.compress_punctuation);
        assert_eq!(state.apply(Command::Quit), vec![Effect::Quit]);
        (
            position(&state),
            doc(&state).reader.scroll,
            state.prefs.clone(),
        )
    };
    let mut state = AppState::new(Store::open(&db).unwrap());
    state.start(&[]);
    assert_eq!(state.library.len(), 1, "the sample is imported once");
    assert_eq!(position(&state), target.0);
    assert_eq!(doc(&state).restore_scroll, Some(target.1));
    assert_eq!(state.prefs, target.2);
}

#[test]
fn opening_files_imports_them_and_reports_bad_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("page.txt");
    std::fs::write(&good, "第一段。\n\n第二段。").unwrap();
    let missing = dir.path().join("missing.txt");
    let mut state = fresh();
    state.apply(Command::ImportFiles(vec![missing.clone(), good]));
    assert_eq!(state.library.len(), 2);
    assert!(doc(&state).reader.outline.text.contains("第二段"));
    assert!(state
        .notices
        .iter()
        .any(|n| n.error && n.text.contains("missing.txt")));
}

#[test]
fn keyboard_only_highlight_tag_and_note_are_saved() {
    let mut state = fresh();
    state.apply(Command::EnterCaretMode);
    let start = doc(&state).selection.unwrap().head;
    for _ in 0..4 {
        state.apply(Command::MoveCaret {
            unit: CaretUnit::Char,
            forward: true,
            extend: true,
        });
    }
    state.apply(Command::Highlight(Some(2)));
    let saved = state.store.annotations(Some(doc(&state).id)).unwrap();
    assert_eq!(saved.len(), 1);
    let a = &saved[0];
    assert_eq!((a.start, a.end, a.color), (start, start + 4, 2));
    assert_eq!(
        a.quote,
        char_slice(&doc(&state).reader.outline.text, start, start + 4)
    );
    assert_eq!(
        doc(&state).selected_annotation.as_deref(),
        Some(a.id.as_str())
    );

    state.apply(Command::EditTags);
    assert!(matches!(state.modal, Modal::Tags(_)));
    state.apply(Command::SetTags(vec![
        "经济".into(),
        " 经济 ".into(),
        "能源".into(),
    ]));
    state.apply(Command::EditNote);
    state.apply(Command::SaveNote("第一行\n第二行".into()));
    let a = state.store.annotation(&a.id).unwrap().unwrap();
    assert_eq!(a.tags, vec!["经济", "能源"]);
    assert_eq!(a.note, "第一行\n第二行");
    assert_eq!(state.modal, Modal::None);
    assert_eq!(state.tags, vec!["经济", "能源"]);
}

#[test]
fn delete_undo_and_redo_go_through_the_store() {
    let mut state = fresh();
    let (s, e) = span_in_first_paragraph(&state, 6);
    drag(&mut state, s, e);
    state.apply(Command::Highlight(None));
    let id = doc(&state).selected_annotation.clone().unwrap();
    state.apply(Command::Highlight(Some(5)));
    assert_eq!(
        state.store.annotation(&id).unwrap().unwrap().color,
        5,
        "recoloured"
    );
    state.apply(Command::DeleteAnnotation);
    assert_eq!(state.store.annotation(&id).unwrap(), None);

    state.apply(Command::Undo);
    assert_eq!(
        state.store.annotation(&id).unwrap().unwrap().color,
        5,
        "delete undone"
    );
    state.apply(Command::Undo);
    assert_eq!(
        state.store.annotation(&id).unwrap().unwrap().color,
        1,
        "recolour undone"
    );
    state.apply(Command::Undo);
    assert_eq!(
        state.store.annotation(&id).unwrap(),
        None,
        "creation undone"
    );
    state.apply(Command::Redo);
    state.apply(Command::Redo);
    assert_eq!(state.store.annotation(&id).unwrap().unwrap().color, 5);
    state.apply(Command::Redo);
    assert_eq!(state.store.annotation(&id).unwrap(), None);
    assert!(!state.history.can_redo());
}

#[test]
fn alt_arrows_walk_annotations_across_sections() {
    let mut state = fresh();
    let (s, e) = span_in_first_paragraph(&state, 3);
    drag(&mut state, s, e);
    state.apply(Command::Highlight(Some(1)));
    state.apply(Command::NextSection);
    let second = doc(&state).reader.position();
    let (s2, e2) = span_in_first_paragraph(&state, 3);
    drag(&mut state, s2, e2);
    state.apply(Command::Highlight(Some(3)));
    state.apply(Command::Escape);
    state.apply(Command::PreviousSection);
    state.apply(Command::Escape);

    state.apply(Command::NextAnnotation);
    assert_eq!(state.selected_annotation().unwrap().start, s);
    state.apply(Command::NextAnnotation);
    assert_eq!(state.selected_annotation().unwrap().start, s2);
    assert_eq!(doc(&state).reader.position(), second);
    state.apply(Command::PreviousAnnotation);
    assert_eq!(state.selected_annotation().unwrap().start, s);
    assert_eq!(position(&state), (0, 0));
}

#[test]
fn panel_filters_by_colour_tag_and_text() {
    let mut state = fresh();
    let (s, _) = span_in_first_paragraph(&state, 0);
    for (i, color) in [1u8, 2, 2].into_iter().enumerate() {
        drag(&mut state, s + i * 4, s + i * 4 + 2);
        state.apply(Command::Highlight(Some(color)));
    }
    state.apply(Command::EditTags);
    state.apply(Command::SetTags(vec!["能源".into()]));
    assert_eq!(state.panel_annotations().len(), 3);
    state.panel.color = Some(2);
    assert_eq!(state.panel_annotations().len(), 2);
    state.panel.tag = Some("能源".into());
    assert_eq!(state.panel_annotations().len(), 1);
    state.panel = AnnotationPanel::default();
    let quote = doc(&state).annotations[0].quote.clone();
    state.panel.text = quote.clone();
    assert!(state
        .panel_annotations()
        .iter()
        .all(|a| a.quote.contains(&quote)));
    state.apply(Command::SetPanelScope(PanelScope::AllDocuments));
    assert!(!state.panel_annotations().is_empty());
}

#[test]
fn escape_clears_selection_then_leaves_caret_mode() {
    let mut state = fresh();
    state.apply(Command::EnterCaretMode);
    state.apply(Command::MoveCaret {
        unit: CaretUnit::Char,
        forward: true,
        extend: true,
    });
    state.apply(Command::Escape);
    let d = doc(&state);
    assert!(d.caret_mode && d.selection.unwrap().is_empty());
    state.apply(Command::Escape);
    assert!(!doc(&state).caret_mode && doc(&state).selection.is_none());
}

#[test]
fn copy_and_export_write_markdown_with_the_quote() {
    let mut state = fresh();
    let (s, e) = span_in_first_paragraph(&state, 5);
    drag(&mut state, s, e);
    state.apply(Command::Highlight(Some(1)));
    let quote = doc(&state).annotations[0].quote.clone();
    let effects = state.apply(Command::CopyAnnotations);
    assert!(matches!(&effects[..], [Effect::CopyText(md)] if md.contains(&quote)));

    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("notes.csv");
    state.apply(Command::ExportDialog);
    state.apply(Command::Export {
        format: Format::Csv,
        scope: ExportScope::AllDocuments,
        path: out.clone(),
    });
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains(&quote));
    assert!(matches!(&state.modal, Modal::Export(d) if d.written.as_ref() == Some(&out)));
}

#[test]
fn focus_cycles_through_visible_panels_and_enter_opens_outline_rows() {
    let mut state = fresh();
    assert_eq!(state.focus, Focus::Text);
    state.apply(Command::FocusNext);
    assert_eq!(state.focus, Focus::Outline, "wraps to the outline");
    let rows = state.outline_rows();
    let target = rows
        .iter()
        .rposition(|r| matches!(r, OutlineRow::Section { .. } | OutlineRow::Article(_)))
        .unwrap();
    state.apply(Command::ListStep(Step::Last));
    assert_eq!(state.outline_cursor, target);
    state.apply(Command::ListActivate);
    let want = match rows[target] {
        OutlineRow::Section { article, section } => (article, section),
        OutlineRow::Article(a) => (a, 0),
        OutlineRow::Document(_) => unreachable!(),
    };
    assert_eq!(position(&state), want);
    state.apply(Command::ToggleOutline);
    assert_eq!(state.focus, Focus::Text, "a hidden panel cannot keep focus");
}

#[test]
fn the_colour_codebook_is_renamed_through_the_store() {
    let mut state = fresh();
    state.apply(Command::EditCodebook);
    let Modal::Codebook(mut names) = state.modal.clone() else {
        panic!("codebook dialog")
    };
    names[1] = "待考".into();
    names[2] = "  ".into();
    state.apply(Command::SetColorNames(names));
    assert_eq!(state.modal, Modal::None);
    assert_eq!(state.color_names[1], "待考");
    assert_eq!(state.store.color_names().unwrap()[1], "待考");
    assert_ne!(
        state.color_names[2].trim(),
        "",
        "a blank name keeps the old one"
    );
}
