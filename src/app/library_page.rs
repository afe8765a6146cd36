//! The library page (Ctrl+L): a table of every imported document with its paper, date,
//! page, first title, articles, annotations and import; sort by a column (click its
//! header), filter as you type (`/` focuses the filter), group by paper or month; ↑↓ and
//! Enter open, `e` edits the source, F2 renames, `r` re-imports, Delete removes. Rows
//! come from `session::library_rows`.

use egui::{RichText, Sense, Stroke, TextEdit};

use crate::session::{group_key, AppState, Command, Grouping, LibraryColumn, LibraryEdit};

use super::access::text as t;
use super::fonts;
use super::keymap::keys_for;
use super::theme::Palette;

pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let avail = ui.available_width();
    let width = (avail - 48.0).clamp(300.0, 1100.0);
    let margin = ((avail - width) / 2.0).max(0.0);
    ui.add_space(20.0);
    // A column of the page's full height (a horizontal row would give the table the
    // height of one line, so it showed two rows).
    let mut column = ui.available_rect_before_wrap();
    column.min.x += margin;
    column.set_width(width);
    ui.scope_builder(egui::UiBuilder::new().max_rect(column), |ui| {
        header(ui, state, palette, queue);
        table(ui, state, palette, queue);
    });
}

fn header(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    ui.label(
        RichText::new(t(ui.ctx(), "access.library"))
            .font(fonts::reading(28.0))
            .color(palette.ink),
    );
    let hint = crate::i18n::tr_with(
        state.language(),
        "library.keys",
        &[
            ("open", &keys_for(&Command::OpenFileDialog)),
            (
                "filter",
                &keys_for(&Command::Library(LibraryEdit::FocusFilter)),
            ),
            (
                "source",
                &keys_for(&Command::Library(LibraryEdit::EditSource)),
            ),
            ("rename", &keys_for(&Command::Library(LibraryEdit::Rename))),
            (
                "reimport",
                &keys_for(&Command::Library(LibraryEdit::Reimport)),
            ),
            ("remove", &keys_for(&Command::Library(LibraryEdit::Remove))),
            ("help", &keys_for(&Command::ToggleHelp)),
        ],
    );
    ui.label(RichText::new(hint).color(palette.muted));
    ui.add_space(8.0);
    let view = state.library_view();
    ui.horizontal(|ui| {
        let mut filter = view.filter.clone();
        let filter_id = egui::Id::unique("library-filter");
        // ↑↓ and Enter still move and open while typing in the filter: taken before the
        // field sees them (a one-line field drops the focus on Enter).
        if ui.memory(|m| m.has_focus(filter_id)) {
            use egui::{Key, Modifiers};
            if super::dialogs::take_key(ui, Modifiers::NONE, Key::ArrowDown) {
                queue.push(Command::ListStep(crate::session::Step::Down));
            }
            if super::dialogs::take_key(ui, Modifiers::NONE, Key::ArrowUp) {
                queue.push(Command::ListStep(crate::session::Step::Up));
            }
            if super::dialogs::take_key(ui, Modifiers::NONE, Key::Enter) {
                queue.push(Command::ListActivate);
            }
        }
        let name = ui.label(RichText::new(t(ui.ctx(), "library.filter")).color(palette.muted));
        let field = ui
            .add(
                TextEdit::singleline(&mut filter)
                    .id(filter_id)
                    .hint_text(t(ui.ctx(), "library.filter_hint"))
                    .desired_width(280.0),
            )
            .labelled_by(name.id);
        if field.changed() {
            queue.push(Command::Library(LibraryEdit::Filter(filter)));
        }
        // `/` asked for the filter: focus it once per request.
        let seen = egui::Id::unique("library-filter-focus-seen");
        if ui.data(|d| d.get_temp::<u64>(seen)).unwrap_or(0) != view.filter_focus {
            ui.data_mut(|d| d.insert_temp(seen, view.filter_focus));
            field.request_focus();
        }
        ui.label(RichText::new(t(ui.ctx(), "library.group")).color(palette.muted));
        for (g, label) in [
            (Grouping::None, "library.group_none"),
            (Grouping::Paper, "library.group_paper"),
            (Grouping::Month, "library.group_month"),
        ] {
            if ui
                .selectable_label(view.group == g, t(ui.ctx(), label))
                .clicked()
            {
                queue.push(Command::Library(LibraryEdit::Group(g)));
            }
        }
    });
    ui.add_space(8.0);
}

/// Shares of the table's width; "Annotations" needs more room in English than 批注.
const WIDTHS: [f32; 7] = [0.13, 0.11, 0.06, 0.36, 0.08, 0.12, 0.14];

fn cells(ui: &mut egui::Ui, texts: [String; 7], color: egui::Color32, strong: bool) {
    let total = ui.available_width();
    ui.horizontal(|ui| {
        for (text, w) in texts.into_iter().zip(WIDTHS) {
            let mut rich = RichText::new(text).color(color);
            if strong {
                rich = rich.strong();
            }
            ui.add_sized(
                [total * w - 8.0, 20.0],
                egui::Label::new(rich).truncate().halign(egui::Align::LEFT),
            );
        }
    });
}

fn table(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let view = state.library_view();
    let total = ui.available_width();
    ui.horizontal(|ui| {
        for (column, w) in LibraryColumn::ALL.into_iter().zip(WIDTHS) {
            let arrow = match (view.sort == column, view.descending) {
                (true, false) => " ▲",
                (true, true) => " ▼",
                _ => "",
            };
            let label = format!("{}{arrow}", column.label(state.language()));
            // Truncated like the cells: a header wider than its column pushed the whole
            // table past the page.
            let button = egui::Button::new(RichText::new(label).color(palette.muted))
                .frame(false)
                .truncate();
            if ui.add_sized([total * w - 8.0, 20.0], button).clicked() {
                queue.push(Command::Library(LibraryEdit::SortBy(column)));
            }
        }
    });
    let library = state.library();
    if library.is_empty() {
        ui.label(RichText::new(t(ui.ctx(), "library.empty")).color(palette.muted));
        return;
    }
    let rows = state.library_rows();
    if rows.is_empty() {
        ui.label(RichText::new(t(ui.ctx(), "library.nothing_matches")).color(palette.muted));
    }
    let scroll = egui::ScrollArea::vertical()
        .id_salt("library")
        .auto_shrink(false)
        .show_rows(ui, 26.0, rows.len(), |ui, range| {
            for i in range {
                let d = &library[rows[i]];
                if view.group != Grouping::None {
                    let key = group_key(d, view.group);
                    let first = i == 0 || group_key(&library[rows[i - 1]], view.group) != key;
                    if first {
                        let heading = group_heading(d, view.group, key, state.language());
                        ui.label(RichText::new(heading).strong().color(palette.accent));
                    }
                }
                let is_cursor = i == state.library_cursor();
                let s = &d.source;
                // An unknown field shows a dash: an empty cell would be a nameless node
                // for a screen reader.
                let unknown = || "—".to_string();
                let texts = [
                    s.paper.clone().unwrap_or_else(unknown),
                    s.date.clone().unwrap_or_else(unknown),
                    s.page
                        .map(|p| {
                            let page = p.to_string();
                            crate::i18n::tr_with(
                                state.language(),
                                "library.page_n",
                                &[("page", &page)],
                            )
                        })
                        .unwrap_or_else(unknown),
                    d.title.clone(),
                    d.articles.to_string(),
                    d.annotations.to_string(),
                    d.imported_at
                        .get(..10)
                        .unwrap_or(&d.imported_at)
                        .to_string(),
                ];
                let inner = egui::Frame::new()
                    .fill(if is_cursor {
                        palette.panel
                    } else {
                        palette.paper
                    })
                    .stroke(if is_cursor {
                        Stroke::new(1.5, palette.accent)
                    } else {
                        Stroke::NONE
                    })
                    .corner_radius(4.0)
                    .show(ui, |ui| cells(ui, texts, palette.ink, false));
                let response = ui.interact(
                    inner.response.rect,
                    egui::Id::unique(("library-doc", d.id)),
                    Sense::CLICK,
                );
                if is_cursor {
                    super::scroll_to_cursor_once(ui, "library", i, &response);
                }
                if response
                    .on_hover_text(&d.source_path)
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .clicked()
                {
                    queue.push(Command::OpenDocument(d.id));
                }
            }
        });
    super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.library");
}

/// The heading of a group: its key, or what is missing in the window's language (the key
/// itself, which sorts the groups, stays the same in every language).
fn group_heading(
    d: &crate::store::DocumentSummary,
    group: Grouping,
    key: String,
    lang: crate::i18n::Lang,
) -> String {
    let month = d.source.date.as_deref().and_then(|date| date.get(..7));
    match group {
        Grouping::Paper if d.source.paper.is_none() => {
            crate::i18n::tr(lang, "library.unknown_paper").to_string()
        }
        Grouping::Month if month.is_none() => crate::i18n::tr(lang, "library.no_date").to_string(),
        _ => key,
    }
}
