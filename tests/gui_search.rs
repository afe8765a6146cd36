//! Issue 14 stories in the window: find in document, search everything, the library
//! table. Keys and typing on the real `PizhuApp`; results checked against the same
//! `core::search` the CLI uses.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::core::search::{find_all, search, HitKind, Query};
use pizhu::session::{AppState, Command, LibraryColumn, LibraryEdit, Modal, Page};
use pizhu::store::{NewAnnotation, Store};

/// A string with hits in more than one section of the sample page.
fn spread_query(h: &App) -> (String, Vec<(usize, usize)>) {
    let outline = &doc(h).reader.outline;
    for q in ["发展", "内蒙古", "能源", "的"] {
        let hits = find_all(&outline.text, q);
        let sections: std::collections::BTreeSet<_> =
            hits.iter().filter_map(|h| outline.locate(h.0)).collect();
        if sections.len() >= 3 {
            return (q.to_string(), hits);
        }
    }
    panic!("no query spreads over three sections of the sample");
}

#[test]
fn find_in_document_steps_through_hits_across_sections() {
    let mut h = fresh();
    let (q, hits) = spread_query(&h);
    press_with(&mut h, Modifiers::COMMAND, Key::F);
    assert!(
        h.state().state.find().is_some(),
        "Ctrl+F opens the find bar"
    );
    type_text(&mut h, &q);
    assert_eq!(doc(&h).find_hits, hits, "every hit of the reading text");
    assert_eq!(doc(&h).find_current, Some(0));
    h.get_by_label(&format!("1 / {}", hits.len()));
    let outline = doc(&h).reader.outline.clone();
    let mut visited = vec![position(&h)];
    for (i, hit) in hits.iter().enumerate().skip(1) {
        press(&mut h, Key::Enter);
        assert_eq!(doc(&h).find_current, Some(i));
        let here = outline.locate(hit.0).unwrap();
        assert_eq!(position(&h), here, "the hit's section is shown");
        visited.push(here);
    }
    visited.dedup();
    assert!(visited.len() >= 3, "crossed sections: {visited:?}");
    h.get_by_label(&format!("{} / {}", hits.len(), hits.len()));
    press(&mut h, Key::Enter);
    assert_eq!(doc(&h).find_current, Some(0), "wraps to the first");
    press_with(&mut h, Modifiers::SHIFT, Key::Enter);
    assert_eq!(
        doc(&h).find_current,
        Some(hits.len() - 1),
        "Shift+Enter goes back"
    );
    press_with(&mut h, Modifiers::SHIFT, Key::F3);
    assert_eq!(doc(&h).find_current, Some(hits.len() - 2));
    press(&mut h, Key::F3);
    assert_eq!(doc(&h).find_current, Some(hits.len() - 1));
    press(&mut h, Key::Escape);
    assert!(h.state().state.find().is_none(), "Esc closes the bar");
    assert!(doc(&h).find_hits.is_empty(), "and its highlights");
}

#[test]
fn search_everything_then_enter_jumps_to_the_hit() {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.set_system_language(pizhu::i18n::Lang::Zh);
    state.start(&[]);
    let mut h = harness(state);
    let (q, _) = spread_query(&h);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert!(matches!(h.state().state.modal(), Modal::Search(_)));
    type_text(&mut h, &q);
    let Modal::Search(dialog) = h.state().state.modal().clone() else {
        panic!("the search dialog is up")
    };
    // The window's results are the CLI's: the same function on the same corpus.
    let corpus = h.state().state.store().corpus().unwrap();
    let expected = search(
        &corpus,
        &Query {
            text: q.clone(),
            ..Default::default()
        },
        usize::MAX,
    );
    assert_eq!(dialog.results.hits, expected.hits);
    assert!(dialog.results.hits.len() > 3);
    // Third result, Enter: the document opens at that hit, highlighted.
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    let hit = &expected.hits[2];
    assert_eq!(hit.kind, HitKind::Text);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert_eq!(h.state().state.page(), Page::Reading);
    let d = doc(&h);
    assert_eq!(d.id, hit.document);
    let current = d.find_hits[d.find_current.unwrap()];
    assert_eq!(current, (hit.start, hit.end));
    assert_eq!(position(&h), d.reader.outline.locate(hit.start).unwrap());
    // It is on screen after the frame scrolled to it.
    h.run();
    assert!(h.state().char_rect(hit.start).is_some());
}

#[test]
fn search_finds_notes_and_opens_their_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let id = {
        let mut s = AppState::new(Store::open(&db).unwrap());
        s.set_system_language(pizhu::i18n::Lang::Zh);
        s.start(&[]);
        s.doc().unwrap().id
    };
    Store::open(&db)
        .unwrap()
        .add_annotation(&NewAnnotation {
            document_id: id,
            start: 2,
            end: 6,
            color: 2,
            note: "值得比较的一句".into(),
            tags: vec!["比较研究".into()],
        })
        .unwrap();
    let mut h = open_db(&db);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    // The results list lays itself out over a few frames; let it settle.
    h.event(egui::Event::Text("比较".into()));
    h.run_steps(8);
    h.get_by_label("只搜笔记和标签").click();
    h.run();
    let Modal::Search(dialog) = h.state().state.modal().clone() else {
        panic!("the search dialog is up")
    };
    let kinds: Vec<HitKind> = dialog.results.hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [HitKind::Note, HitKind::Tag]);
    press(&mut h, Key::Enter);
    let d = doc(&h);
    assert_eq!(
        d.selected_annotation.as_deref(),
        dialog.results.hits[0].annotation.as_deref()
    );
}

fn library_with_three() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "rmrb_2025-01-02_p05.txt",
            "春耕时节田间忙\n\n　　农民在田间劳作。\n",
        ),
        (
            "内蒙古日报20230706第2版.txt",
            "草原上的春天\n\n　　牧民忙着接羔。\n",
        ),
        (
            "gmrb_2024-03-09_p01.txt",
            "科技创新引领发展\n\n　　科研人员攻关。\n",
        ),
    ];
    let h = library_window(dir.path(), &files);
    (dir, h)
}

#[test]
fn library_sorts_filters_and_edits_a_source() {
    let (_dir, mut h) = library_with_three();
    h.get_by_label("人民日报");
    h.get_by_label("第2版");
    // Sort by date: click the column header; again for descending.
    h.get_by_label("日期").click();
    h.run();
    assert_eq!(
        library_titles(&h),
        ["草原上的春天", "科技创新引领发展", "春耕时节田间忙"]
    );
    h.get_by_label("日期 ▲").click();
    h.run();
    assert_eq!(
        library_titles(&h),
        ["春耕时节田间忙", "科技创新引领发展", "草原上的春天"]
    );
    // Filter as you type.
    h.get_by_label("筛选").click();
    h.run();
    type_text(&mut h, "日报");
    assert_eq!(
        library_titles(&h),
        ["春耕时节田间忙", "科技创新引领发展", "草原上的春天"]
    );
    type_text(&mut h, "第9");
    assert_eq!(h.state().state.library_view().filter, "日报第9");
    assert!(library_titles(&h).is_empty());
    h.state_mut()
        .state
        .apply(Command::Library(LibraryEdit::Filter("光明".into())));
    h.run();
    assert_eq!(library_titles(&h), ["科技创新引领发展"]);
    // Edit its source with `e` (keys go to the table once the filter lets go of them).
    h.state_mut()
        .state
        .apply(Command::Library(LibraryEdit::SortBy(LibraryColumn::Title)));
    release_focus(&mut h);
    press(&mut h, Key::E);
    assert!(matches!(h.state().state.modal(), Modal::Source(_)));
    for _ in 0..3 {
        press(&mut h, Key::Tab);
    }
    type_text(&mut h, "要闻");
    press(&mut h, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);
    let doc = &h.state().state.library()[h.state().state.library_rows()[0]];
    assert_eq!(doc.source.page_name.as_deref(), Some("要闻"));
    let stored = h.state().state.store().source(doc.id).unwrap();
    assert_eq!(stored.page_name.as_deref(), Some("要闻"));
    assert_eq!(stored.paper.as_deref(), Some("光明日报"));
    // Enter opens it; the title bar cites it.
    release_focus(&mut h);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.page(), Page::Reading);
    let title = pizhu::app::window_title(&h.state().state);
    assert!(
        title.contains("《光明日报》2024年3月9日 第1版 要闻"),
        "{title}"
    );
}

#[test]
fn removing_a_document_with_annotations_asks_first() {
    let (_dir, mut h) = library_with_three();
    let first = h.state().state.library()[h.state().state.library_rows()[0]].id;
    {
        let state = &mut h.state_mut().state;
        state.apply(Command::OpenDocument(first));
        state.apply(Command::PointerDown {
            pos: 0,
            extend: false,
        });
        state.apply(Command::PointerDrag { pos: 2 });
        state.apply(Command::Highlight(Some(1)));
        state.apply(Command::ShowLibrary);
    }
    h.run();
    release_focus(&mut h);
    press(&mut h, Key::Home);
    press(&mut h, Key::Delete);
    assert!(matches!(h.state().state.modal(), Modal::ConfirmRemove(id, _, 1) if *id == first));
    assert_eq!(h.state().state.library().len(), 3, "nothing removed yet");
    h.get_by_label("仍然移除").click();
    h.run();
    assert_eq!(h.state().state.library().len(), 2);
    assert!(h.state().state.library().iter().all(|d| d.id != first));
}

/// Move keyboard focus off a text field, as a click on the page would.
fn release_focus(h: &mut App) {
    h.state_mut();
    h.run();
    let ctx = h.ctx.clone();
    if let Some(id) = ctx.memory(|m| m.focused()) {
        ctx.memory_mut(|m| m.surrender_focus(id));
    }
    h.run();
}

/// The search dialog keeps what it read while nothing changed, and sees a new note.
#[test]
fn search_sees_a_note_written_since_it_last_opened() {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.set_system_language(pizhu::i18n::Lang::Zh);
    state.start(&[]);
    let look = |state: &mut AppState| {
        state.apply(Command::SearchEverything);
        state.apply(Command::EditSearch(pizhu::session::SearchEdit::Text(
            "独一无二的笔记".into(),
        )));
        let Modal::Search(d) = state.modal().clone() else {
            panic!("the search dialog is up")
        };
        state.apply(Command::CancelEdit);
        d.results.total
    };
    assert_eq!(look(&mut state), 0);
    state.apply(Command::PointerDown {
        pos: 0,
        extend: false,
    });
    state.apply(Command::PointerDrag { pos: 2 });
    state.apply(Command::Highlight(Some(1)));
    state.apply(Command::EditNote);
    state.apply(Command::SaveNote("独一无二的笔记".into()));
    assert_eq!(look(&mut state), 1);
    assert_eq!(state.corpus().annotation_count(), 1);
}
