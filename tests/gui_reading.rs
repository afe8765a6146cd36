//! The reading window driven like a user would: keys and clicks on the real `PizhuApp`.

#![cfg(feature = "gui")]

use egui::Key;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use pizhu::app::{setup_context, PizhuApp};
use pizhu::session::AppState;
use pizhu::store::Store;

fn harness(state: AppState) -> Harness<'static, PizhuApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_context_setup(setup_context)
        .build_ui_state(|ui, app: &mut PizhuApp| app.show(ui), PizhuApp::new(state))
}

fn fresh() -> Harness<'static, PizhuApp> {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.start(&[]);
    let mut h = harness(state);
    h.run();
    h
}

fn position(h: &Harness<'_, PizhuApp>) -> (usize, usize) {
    h.state()
        .state
        .doc
        .as_ref()
        .unwrap()
        .reader
        .position()
        .unwrap()
}

#[test]
fn the_sample_opens_on_article_one_section_one() {
    let h = fresh();
    assert_eq!(position(&h), (0, 0));
    h.get_by_label_contains("文章 1/");
    let doc = h.state().state.doc.as_ref().unwrap();
    assert!(!doc.reader.view.rows.is_empty(), "the section was laid out");
}
