//! REFI-QDA projects through the window: the Ctrl+E dialog writes a `.qdpx` (the same
//! session function as `pizhu export`), and dropping one on the window imports it.

#![cfg(feature = "gui")]

mod gui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pizhu::session::Modal;

#[test]
fn ctrl_e_writes_a_project_and_dropping_it_on_a_fresh_window_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("批注.qdpx");
    let mut h = fresh();
    press(&mut h, Key::V);
    press(&mut h, Key::S);
    press(&mut h, Key::Num3);
    let made = doc(&h).annotations.clone();
    assert_eq!(made.len(), 1);

    press_with(&mut h, Modifiers::COMMAND, Key::E);
    assert!(matches!(h.state().state.modal(), Modal::Export(_)));
    h.get_by_label("REFI-QDA project (.qdpx)").click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &out.to_string_lossy());
    press(&mut h, Key::Enter);
    let bytes = std::fs::read(&out).expect("the project was written");
    let project = pizhu::export::qdpx_import::read(&bytes).unwrap();
    assert_eq!(project.selections.len(), 1);
    assert_eq!(project.selections[0].id, made[0].id);

    let mut other = fresh();
    other
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(out)));
    other.run();
    let imported = doc(&other).annotations.clone();
    assert_eq!(
        imported.len(),
        1,
        "the project's annotation is in the open document"
    );
    assert_eq!(
        (
            imported[0].id.as_str(),
            imported[0].quote.as_str(),
            imported[0].color
        ),
        (made[0].id.as_str(), made[0].quote.as_str(), 3)
    );
}
