//! Shared by the window tests: a kittest harness around the real `PizhuApp`.

#![allow(dead_code)]

use egui::{Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use pizhu::app::{setup_context, PizhuApp};
use pizhu::i18n::Lang;
use pizhu::session::{AppState, OpenDocument};
use pizhu::store::Store;

pub type App = Harness<'static, PizhuApp>;

pub fn harness(state: AppState) -> App {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        // A frame per event at 60 Hz, so two clicks in a row are a double-click.
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(setup_context)
        .build_ui_state(|ui, app: &mut PizhuApp| app.show(ui), PizhuApp::new(state));
    h.run();
    h
}

/// A first run on an empty library: the sample is imported and opened.
pub fn fresh() -> App {
    fresh_in(Lang::Zh)
}

/// A first run with the system language `lang` (the other tests read the Chinese window).
pub fn fresh_in(lang: Lang) -> App {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.set_system_language(lang);
    state.start(&[]);
    harness(state)
}

pub fn open_db(path: &std::path::Path) -> App {
    open_db_in(path, Lang::Zh)
}

pub fn open_db_in(path: &std::path::Path, lang: Lang) -> App {
    let mut state = AppState::new(Store::open(path).unwrap());
    state.set_system_language(lang);
    state.start(&[]);
    harness(state)
}

pub fn doc(h: &App) -> &OpenDocument {
    h.state().state.doc().expect("a document is open")
}

pub fn position(h: &App) -> (usize, usize) {
    doc(h).reader.position().expect("a section is shown")
}

pub fn press(h: &mut App, key: Key) {
    h.key_press(key);
    h.run();
}

pub fn press_with(h: &mut App, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Type text into whatever has keyboard focus.
pub fn type_text(h: &mut App, text: &str) {
    h.event(Event::Text(text.to_string()));
    h.run();
}

/// The centre of char `offset` on screen.
pub fn char_at(h: &App, offset: usize) -> Pos2 {
    h.state()
        .char_rect(offset)
        .unwrap_or_else(|| panic!("char {offset} is not on screen"))
        .center()
}

fn button(h: &App, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// Press at `from`, move to `to` in steps, release: a mouse drag.
pub fn drag(h: &mut App, from: Pos2, to: Pos2) {
    h.hover_at(from);
    button(h, from, true, Modifiers::NONE);
    for i in 1..=4 {
        h.hover_at(from + (to - from) * (i as f32 / 4.0));
    }
    button(h, to, false, Modifiers::NONE);
    h.run();
}

pub fn click(h: &mut App, pos: Pos2, modifiers: Modifiers) {
    h.hover_at(pos);
    h.event(Event::ModifiersChanged(modifiers));
    button(h, pos, true, modifiers);
    button(h, pos, false, modifiers);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

pub fn double_click(h: &mut App, pos: Pos2) {
    h.hover_at(pos);
    for _ in 0..2 {
        button(h, pos, true, Modifiers::NONE);
        button(h, pos, false, Modifiers::NONE);
    }
    h.run();
}

pub fn triple_click(h: &mut App, pos: Pos2) {
    h.hover_at(pos);
    for _ in 0..3 {
        button(h, pos, true, Modifiers::NONE);
        button(h, pos, false, Modifiers::NONE);
    }
    h.run();
}

/// A file dropped on the window, as the platform layer reports it.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The Chinese window with `files` (name, text) written to `dir` and imported, on the
/// library page (Ctrl+L).
pub fn library_window(dir: &std::path::Path, files: &[(&str, &str)]) -> App {
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.set_system_language(Lang::Zh);
    state.start(&paths);
    let mut h = harness(state);
    press_with(&mut h, Modifiers::COMMAND, Key::L);
    assert_eq!(h.state().state.page(), pizhu::session::Page::Library);
    h
}

/// The titles of the library's rows, in the order shown.
pub fn library_titles(h: &App) -> Vec<String> {
    let state = &h.state().state;
    state
        .library_rows()
        .iter()
        .map(|&i| state.library()[i].title.clone())
        .collect()
}
