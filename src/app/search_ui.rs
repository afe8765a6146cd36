//! The find bar (Ctrl+F) over the reading view and the search-everything dialog
//! (Ctrl+Shift+F), issue 14. Their text fields take the keys while focused, so Enter,
//! Shift+Enter, F3, ↑↓ and Esc are read here and sent as the same commands the keymap
//! sends.

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::core::search::HitKind;
use crate::session::{same_group, AppState, Command, SearchDialog, SearchEdit, Step};

use super::access::text as t;
use super::dialogs::{take_key, title};
use super::theme::Palette;

/// The find bar, when open. `was_open`: whether it was shown last frame (focus it once).
pub fn find_bar(
    ui: &mut egui::Ui,
    state: &AppState,
    palette: &Palette,
    queue: &mut Vec<Command>,
    was_open: &mut bool,
) {
    let Some(bar) = state.find() else {
        *was_open = false;
        return;
    };
    let Some(doc) = state.doc() else { return };
    let just_opened = !*was_open;
    *was_open = true;
    egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(16, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(t(ui.ctx(), "find.label")).color(palette.muted));
                let mut query = bar.query.clone();
                let field_id = egui::Id::unique("find-field");
                let focused = ui.memory(|m| m.has_focus(field_id));
                if focused || just_opened {
                    if take_key(ui, Modifiers::SHIFT, Key::Enter)
                        || take_key(ui, Modifiers::SHIFT, Key::F3)
                    {
                        queue.push(Command::FindPrevious);
                    }
                    if take_key(ui, Modifiers::NONE, Key::Enter)
                        || take_key(ui, Modifiers::NONE, Key::F3)
                    {
                        queue.push(Command::FindNext);
                    }
                    if take_key(ui, Modifiers::NONE, Key::Escape) {
                        queue.push(Command::CloseFind);
                    }
                }
                let field = ui.add(
                    TextEdit::singleline(&mut query)
                        .id(field_id)
                        .hint_text(t(ui.ctx(), "find.hint"))
                        .desired_width(260.0),
                );
                if just_opened {
                    field.request_focus();
                }
                if field.changed() {
                    queue.push(Command::FindText(query));
                }
                let count = match (doc.find_current, doc.find_hits.len()) {
                    (_, 0) if bar.query.is_empty() => String::new(),
                    (_, 0) => t(ui.ctx(), "find.no_match").to_string(),
                    (Some(i), n) => format!("{} / {n}", i + 1),
                    (None, n) => format!("{n}"),
                };
                ui.label(RichText::new(count).color(palette.ink));
                if ui.small_button("↑").on_hover_text("Shift+Enter").clicked() {
                    queue.push(Command::FindPrevious);
                }
                if ui.small_button("↓").on_hover_text("Enter").clicked() {
                    queue.push(Command::FindNext);
                }
                if ui.small_button("×").on_hover_text("Esc").clicked() {
                    queue.push(Command::CloseFind);
                }
            });
        });
}

/// The search-everything dialog's contents.
pub fn dialog_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    dialog: &mut SearchDialog,
    palette: &Palette,
    queue: &mut Vec<Command>,
    just_opened: bool,
) {
    title(ui, t(ui.ctx(), "dialog.search"), palette);
    if take_key(ui, Modifiers::NONE, Key::ArrowDown) {
        queue.push(Command::SearchStep(Step::Down));
    }
    if take_key(ui, Modifiers::NONE, Key::ArrowUp) {
        queue.push(Command::SearchStep(Step::Up));
    }
    if take_key(ui, Modifiers::NONE, Key::Enter) {
        queue.push(Command::OpenSearchHit(dialog.cursor));
    }
    if take_key(ui, Modifiers::NONE, Key::Escape) {
        queue.push(Command::CancelEdit);
    }
    let q = &mut dialog.query;
    let field = ui.add(
        TextEdit::singleline(&mut q.text)
            .id(egui::Id::unique("search-field"))
            .hint_text(t(ui.ctx(), "search.hint"))
            .desired_width(f32::INFINITY),
    );
    if just_opened {
        field.request_focus();
    }
    if field.changed() {
        queue.push(Command::EditSearch(SearchEdit::Text(q.text.clone())));
    }
    ui.horizontal(|ui| {
        let mut paper = q.paper.clone().unwrap_or_default();
        let name = ui.label(RichText::new(t(ui.ctx(), "search.paper")).color(palette.muted));
        if ui
            .add(TextEdit::singleline(&mut paper).desired_width(90.0))
            .labelled_by(name.id)
            .changed()
        {
            queue.push(Command::EditSearch(SearchEdit::Paper(paper)));
        }
        for (label, value, make) in [
            (
                "search.from",
                &q.from,
                SearchEdit::From as fn(String) -> SearchEdit,
            ),
            (
                "search.to",
                &q.to,
                SearchEdit::To as fn(String) -> SearchEdit,
            ),
        ] {
            let name = ui.label(RichText::new(t(ui.ctx(), label)).color(palette.muted));
            let id = egui::Id::unique(("search-date", label));
            let mut text = ui
                .data(|d| d.get_temp::<String>(id))
                .unwrap_or_else(|| value.clone().unwrap_or_default());
            let changed = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(90.0),
                )
                .labelled_by(name.id)
                .changed();
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
            if changed {
                queue.push(Command::EditSearch(make(text)));
            }
        }
        let mut notes = q.notes_only;
        if ui
            .checkbox(&mut notes, t(ui.ctx(), "search.notes_only"))
            .changed()
        {
            queue.push(Command::EditSearch(SearchEdit::NotesOnly(notes)));
        }
    });
    let results = &dialog.results;
    let shown = results.hits.len();
    let summary = if q.text.is_empty() {
        String::new()
    } else if shown < results.total {
        let (total, shown) = (results.total.to_string(), shown.to_string());
        let args = [("total", total.as_str()), ("shown", shown.as_str())];
        crate::i18n::tr_with(state.language(), "search.hits_shown", &args)
    } else {
        let total = results.total.to_string();
        crate::i18n::tr_with(state.language(), "search.hits", &[("total", &total)])
    };
    ui.label(RichText::new(summary).color(palette.muted));
    egui::ScrollArea::vertical()
        .id_salt("search-results")
        .max_height(420.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let corpus = state.corpus();
            for (i, hit) in results.hits.iter().enumerate() {
                let new_doc = i == 0 || results.hits[i - 1].document != hit.document;
                if new_doc {
                    let cite = corpus
                        .document(hit.document)
                        .and_then(|d| super::cite(&d.source, state.language()))
                        .unwrap_or_default();
                    let name = state
                        .library()
                        .iter()
                        .find(|d| d.id == hit.document)
                        .map(|d| d.title.as_str())
                        .unwrap_or("");
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(format!("{cite}  {name}"))
                            .strong()
                            .color(palette.ink),
                    );
                }
                if i == 0 || !same_group(&results.hits[i - 1], hit) {
                    let place = match (&hit.article_title, &hit.heading) {
                        (Some(title), Some(h)) => format!("《{title}》 · {h}"),
                        (Some(title), None) => format!("《{title}》"),
                        _ => String::new(),
                    };
                    ui.label(RichText::new(place).size(12.5).color(palette.muted));
                }
                let kind = match hit.kind {
                    HitKind::Text => "",
                    HitKind::Note => t(ui.ctx(), "search.in_note"),
                    HitKind::Tag => t(ui.ctx(), "search.in_tag"),
                };
                let mut job = egui::text::LayoutJob::default();
                let plain = egui::TextFormat {
                    color: palette.muted,
                    ..Default::default()
                };
                let strong = egui::TextFormat {
                    color: palette.ink,
                    background: palette.selection,
                    ..Default::default()
                };
                let flat = |s: &str| s.replace('\n', " ");
                let kind = if kind.is_empty() {
                    String::new()
                } else {
                    format!("{kind} ")
                };
                job.append(&format!("{kind}{}", flat(&hit.left)), 0.0, plain.clone());
                job.append(&flat(&hit.hit), 0.0, strong);
                job.append(&flat(&hit.right), 0.0, plain);
                let row = ui.selectable_label(i == dialog.cursor, job);
                if i == dialog.cursor {
                    super::scroll_to_cursor_once(ui, "search", i, &row);
                }
                if row.clicked() {
                    queue.push(Command::OpenSearchHit(i));
                }
            }
        });
    ui.add_space(6.0);
    ui.label(
        RichText::new(t(ui.ctx(), "search.keys"))
            .size(12.0)
            .color(palette.muted),
    );
}
