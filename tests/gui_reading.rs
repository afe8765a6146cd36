//! Reading stories, driven like a user would: keys and clicks on the real `PizhuApp`.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::app::keymap::KEYMAP;
use pizhu::app::menu::label_of;
use pizhu::session::{Command, Focus, Modal, Page, Theme};

#[test]
fn the_sample_opens_on_article_one_section_one() {
    let h = fresh();
    assert_eq!(h.state().state.page(), Page::Reading);
    assert_eq!(position(&h), (0, 0));
    let articles = doc(&h).reader.outline.articles.len();
    let sections = doc(&h).reader.outline.articles[0].sections.len();
    h.get_by_label(&format!("文章 1/{articles} · 第 1/{sections} 节"));
    assert!(
        !doc(&h).reader.view.rows.is_empty(),
        "the section was laid out and measured"
    );
}

#[test]
fn n_and_right_walk_every_section_in_order_and_stop_at_the_end() {
    let mut h = fresh();
    let expected = doc(&h).reader.outline.section_refs();
    assert_eq!(doc(&h).reader.section_count(), expected.len());
    // The sample page has ten sections once reflowed; the outline is the source of truth.
    let mut seen = vec![position(&h)];
    for i in 0..expected.len() + 2 {
        press(&mut h, if i % 2 == 0 { Key::N } else { Key::ArrowRight });
        if seen.last() != Some(&position(&h)) {
            seen.push(position(&h));
        }
    }
    assert_eq!(seen, expected, "every section once, in reading order");
    assert_eq!(
        position(&h),
        *expected.last().unwrap(),
        "stopped at the last section"
    );
    h.get_by_label_contains("已是最后一节");
    press(&mut h, Key::P);
    assert_eq!(position(&h), expected[expected.len() - 2]);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(position(&h), expected[expected.len() - 3]);
}

#[test]
fn brackets_jump_between_articles() {
    let mut h = fresh();
    let articles = doc(&h)
        .reader
        .outline
        .articles
        .iter()
        .filter(|a| !a.sections.is_empty())
        .count();
    for a in 1..articles {
        press(&mut h, Key::CloseBracket);
        assert_eq!(position(&h).1, 0, "lands on the first section");
        assert_eq!(position(&h).0, a);
    }
    press(&mut h, Key::CloseBracket);
    assert_eq!(position(&h).0, articles - 1, "stays on the last article");
    press(&mut h, Key::OpenBracket);
    assert_eq!(position(&h), (articles - 2, 0));
}

#[test]
fn the_help_overlay_lists_every_keymap_entry() {
    let mut h = fresh();
    press(&mut h, Key::F1);
    assert_eq!(*h.state().state.modal(), Modal::Help);
    for binding in KEYMAP {
        let keys: Vec<String> = binding.chords.iter().map(|c| c.display()).collect();
        let keys = keys.join(" / ");
        assert!(
            !h.query_all_by_label(&keys).collect::<Vec<_>>().is_empty(),
            "keys {keys} of {:?} are listed",
            binding.command
        );
        let label = label_of(&binding.command, &h.state().state);
        assert!(
            !h.query_all_by_label(&label).collect::<Vec<_>>().is_empty(),
            "{label} is listed"
        );
    }
    press(&mut h, Key::Escape);
    assert_eq!(*h.state().state.modal(), Modal::None);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Questionmark);
    h.run();
    assert_eq!(*h.state().state.modal(), Modal::Help, "? opens it too");
}

#[test]
fn clicking_an_outline_entry_opens_its_section() {
    let mut h = fresh();
    let (article, section, heading) = {
        let outline = &doc(&h).reader.outline;
        let (a, s) = *outline
            .section_refs()
            .iter()
            .find(|(a, s)| *s > 0 && outline.articles[*a].sections[*s].heading.is_some())
            .expect("a section with a heading");
        (
            a,
            s,
            outline.articles[a].sections[s]
                .heading
                .as_ref()
                .unwrap()
                .text
                .clone(),
        )
    };
    h.get_by_label_contains(&heading).click();
    h.run();
    assert_eq!(position(&h), (article, section));
}

#[test]
fn tab_to_the_outline_then_enter_opens_the_entry_under_the_cursor() {
    let mut h = fresh();
    press(&mut h, Key::Tab);
    assert_eq!(h.state().state.focus(), Focus::Outline);
    for _ in 0..4 {
        press(&mut h, Key::ArrowDown);
    }
    let rows = h.state().state.outline_rows();
    let row = rows[h.state().state.outline_cursor()];
    press(&mut h, Key::Enter);
    let want = match row {
        pizhu::session::OutlineRow::Section { article, section } => (article, section),
        pizhu::session::OutlineRow::Article(a) => (a, 0),
        pizhu::session::OutlineRow::Document(_) => (0, 0),
    };
    assert_eq!(position(&h), want);
    press(&mut h, Key::Tab);
    assert_eq!(h.state().state.focus(), Focus::Text);
    press(&mut h, Key::N);
    assert_ne!(position(&h), want, "keys read the text again");
}

#[test]
fn reopening_returns_to_the_section_and_scroll_position() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (place, scroll) = {
        let mut h = open_db(&db);
        press(&mut h, Key::N);
        press(&mut h, Key::N);
        // The longest sections scroll; find one that does.
        while doc(&h).reader.max_scroll() < 1.0
            && doc(&h).reader.flat_index() + 1 < doc(&h).reader.section_count()
        {
            press(&mut h, Key::N);
        }
        press(&mut h, Key::J);
        press(&mut h, Key::J);
        press_with(&mut h, Modifiers::COMMAND, Key::Equals);
        press_with(&mut h, Modifiers::COMMAND, Key::T);
        press_with(&mut h, Modifiers::COMMAND, Key::Q);
        (position(&h), doc(&h).reader.scroll)
    };
    let h = open_db(&db);
    assert_eq!(position(&h), place);
    assert!(
        (doc(&h).reader.scroll - scroll).abs() < 1.0,
        "scroll {scroll} restored, got {}",
        doc(&h).reader.scroll
    );
    assert_eq!(h.state().state.prefs().theme, Theme::Sepia);
    assert!(h.state().state.prefs().zoom > 1.0);
}

#[test]
fn paging_and_scrolling_keys_move_the_view() {
    let mut h = fresh();
    while doc(&h).reader.max_scroll() < 200.0 {
        press(&mut h, Key::N);
    }
    let section = position(&h);
    press(&mut h, Key::J);
    let after_j = doc(&h).reader.scroll;
    assert!(after_j > 0.0);
    press(&mut h, Key::Space);
    assert!(doc(&h).reader.scroll > after_j);
    press_with(&mut h, Modifiers::SHIFT, Key::Space);
    assert!((doc(&h).reader.scroll - after_j).abs() < 1.0);
    press(&mut h, Key::End);
    assert!(doc(&h).reader.at_bottom());
    press(&mut h, Key::Home);
    assert_eq!(doc(&h).reader.scroll, 0.0);
    assert_eq!(position(&h), section);
}

#[test]
fn keys_do_not_fire_while_typing_in_a_text_field() {
    let mut h = fresh();
    press(&mut h, Key::F10);
    assert!(h.state().state.prefs().annotations_visible);
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    let before = position(&h);
    press(&mut h, Key::N);
    type_text(&mut h, "n");
    assert_eq!(position(&h), before, "n typed into the search field");
    assert_eq!(h.state().state.panel().text, "n");
}

#[test]
fn zoom_theme_and_panels_follow_their_keys() {
    let mut h = fresh();
    press_with(&mut h, Modifiers::COMMAND, Key::Equals);
    assert!(h.state().state.prefs().zoom > 1.0);
    press_with(&mut h, Modifiers::COMMAND, Key::Num0);
    assert_eq!(h.state().state.prefs().zoom, 1.0);
    press_with(&mut h, Modifiers::COMMAND, Key::Minus);
    assert!(h.state().state.prefs().zoom < 1.0);
    press_with(&mut h, Modifiers::COMMAND, Key::T);
    press_with(&mut h, Modifiers::COMMAND, Key::T);
    assert_eq!(h.state().state.prefs().theme, Theme::Dark);
    press(&mut h, Key::F9);
    assert!(!h.state().state.prefs().outline_visible);
    press_with(&mut h, Modifiers::COMMAND, Key::Backslash);
    assert!(h.state().state.prefs().outline_visible);
    press_with(&mut h, Modifiers::COMMAND, Key::L);
    assert_eq!(h.state().state.page(), Page::Library);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.page(), Page::Reading);
}

#[test]
fn ctrl_o_imports_a_typed_path_and_errors_show_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.txt");
    std::fs::write(&file, "第一段文字。\n\n第二段文字。").unwrap();
    let mut h = fresh();
    press_with(&mut h, Modifiers::COMMAND, Key::O);
    assert!(matches!(h.state().state.modal(), Modal::OpenFile(_)));
    type_text(&mut h, &dir.path().join("missing.txt").to_string_lossy());
    press(&mut h, Key::Enter);
    h.get_by_label_contains("missing.txt");
    assert!(
        matches!(h.state().state.modal(), Modal::OpenFile(_)),
        "the dialog stays open to fix the path"
    );
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    assert_eq!(*h.state().state.modal(), Modal::None);
    press_with(&mut h, Modifiers::COMMAND, Key::O);
    type_text(&mut h, &file.to_string_lossy());
    press(&mut h, Key::Enter);
    assert_eq!(*h.state().state.modal(), Modal::None);
    assert!(doc(&h).reader.outline.text.contains("第二段文字"));
    assert_eq!(h.state().state.library().len(), 2);
}

#[test]
fn menus_carry_the_keymap_shortcuts() {
    let mut h = fresh();
    h.get_all_by_label("阅读")
        .next()
        .expect("the 阅读 menu")
        .click();
    h.run();
    let next = h.get_by_label_contains(Command::NextSection.label(pizhu::i18n::Lang::Zh));
    next.click();
    h.run();
    assert_ne!(position(&h), (0, 0));
}

#[test]
fn dropping_a_file_on_the_window_imports_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dropped.txt");
    std::fs::write(&file, "拖进来的文字。\n\n第二段。").unwrap();
    let mut h = fresh();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    h.run();
    assert_eq!(h.state().state.library().len(), 2);
    assert!(doc(&h).reader.outline.text.contains("拖进来的文字"));
}

/// Issue 12, item 1: a file re-imported with changed text while it is open keeps its
/// document id; the view must draw the new text, not a layout cached for the old one.
#[test]
fn reimporting_the_open_file_with_new_text_redraws_the_new_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.txt");
    let old = format!(
        "长篇旧标题\n\n{}\n",
        "这是旧版本的一段很长的正文，用来占满整个版面。".repeat(30)
    );
    std::fs::write(&file, &old).unwrap();
    let mut state = pizhu::session::AppState::new(pizhu::store::Store::open_in_memory().unwrap());
    state.set_system_language(pizhu::i18n::Lang::Zh);
    state.start(std::slice::from_ref(&file));
    let mut h = harness(state);
    let id = doc(&h).id;
    let old_end = doc(&h).reader.visible_span().1;
    assert!(
        h.state().char_rect(old_end - 2).is_some(),
        "the old text is drawn"
    );

    let new = format!(
        "新标题\n\n{}\n",
        "这是新版本的正文，比旧版本短得多。".repeat(3)
    );
    std::fs::write(&file, new).unwrap();
    h.state_mut()
        .state
        .apply(Command::ImportFiles(vec![file.clone()]));
    h.run();

    assert_eq!(doc(&h).id, id, "the same document, updated in place");
    let new_len = doc(&h).reader.outline.text.chars().count();
    assert!(new_len < old_end - 2);
    assert!(
        h.state().char_rect(old_end - 2).is_none(),
        "no char of the old, longer text is still laid out"
    );
    let rows = &doc(&h).reader.view.rows;
    assert!(!rows.is_empty(), "the new text was laid out and measured");
    assert!(
        rows.iter().all(|r| r.end <= new_len),
        "rows index the new text"
    );
    assert!(h.state().char_rect(new_len.saturating_sub(2)).is_some());
}

/// Issue 12, item 7: at a common window size the help overlay's long explanations wrap
/// inside their own row instead of running into the next one.
#[test]
fn help_rows_do_not_overlap_at_1400_by_900() {
    let mut h = fresh();
    h.set_size(egui::vec2(1400.0, 900.0));
    h.run();
    press(&mut h, Key::F1);
    let mut texts: Vec<&str> = KEYMAP
        .iter()
        .map(|b| b.command.help(pizhu::i18n::Lang::Zh))
        .collect();
    texts.retain(|t| !t.is_empty());
    texts.sort();
    texts.dedup();
    let rects: Vec<(String, egui::Rect)> = texts
        .iter()
        .flat_map(|t| {
            h.get_all_by_label(t)
                .map(|n| (t.to_string(), n.rect()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(rects.len() >= texts.len(), "every explanation is shown");
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            let overlap = ra.intersect(*rb);
            assert!(
                overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "“{a}” {ra:?} overlaps “{b}” {rb:?}"
            );
        }
    }
}
