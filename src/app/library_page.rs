//! The library page (Ctrl+L): a table of every imported document with its paper, date,
//! page, first title, articles, annotations and import; sort by a column (click its
//! header), filter as you type (`/` focuses the filter), group by paper or month; ↑↓ and
//! Enter open, `e` edits the source, F2 renames, `r` re-imports, Delete removes. Rows
//! come from `session::library_rows`.

use egui::{RichText, Sense, Stroke, TextEdit};

use crate::session::{group_key, AppState, Command, Grouping, LibraryColumn, LibraryEdit};

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
        RichText::new("文库")
            .font(fonts::reading(28.0))
            .color(palette.ink),
    );
    let hint = format!(
        "{} 打开文件 · 拖放文本文件到窗口 · ↑↓ 选择 · Enter 打开 · {} 筛选 · {} 出处 · {} 重命名 · {} 重新导入 · {} 移除 · {} 帮助",
        keys_for(&Command::OpenFileDialog),
        keys_for(&Command::Library(LibraryEdit::FocusFilter)),
        keys_for(&Command::Library(LibraryEdit::EditSource)),
        keys_for(&Command::Library(LibraryEdit::Rename)),
        keys_for(&Command::Library(LibraryEdit::Reimport)),
        keys_for(&Command::Library(LibraryEdit::Remove)),
        keys_for(&Command::ToggleHelp)
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
        let name = ui.label(RichText::new("筛选 Filter").color(palette.muted));
        let field = ui
            .add(
                TextEdit::singleline(&mut filter)
                    .id(filter_id)
                    .hint_text("标题、报纸、日期…")
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
        ui.label(RichText::new("分组").color(palette.muted));
        for (g, label) in [
            (Grouping::None, "不分组"),
            (Grouping::Paper, "按报纸"),
            (Grouping::Month, "按月份"),
        ] {
            if ui.selectable_label(view.group == g, label).clicked() {
                queue.push(Command::Library(LibraryEdit::Group(g)));
            }
        }
    });
    ui.add_space(8.0);
}

const WIDTHS: [f32; 7] = [0.13, 0.11, 0.06, 0.40, 0.08, 0.08, 0.14];

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
            let label = format!("{}{arrow}", column.label());
            let button = egui::Button::new(RichText::new(label).color(palette.muted)).frame(false);
            if ui.add_sized([total * w - 8.0, 20.0], button).clicked() {
                queue.push(Command::Library(LibraryEdit::SortBy(column)));
            }
        }
    });
    let library = state.library();
    if library.is_empty() {
        ui.label(RichText::new("文库是空的。按 Ctrl+O 导入一个文本文件。").color(palette.muted));
        return;
    }
    let rows = state.library_rows();
    if rows.is_empty() {
        ui.label(RichText::new("没有符合筛选的文档 (nothing matches)").color(palette.muted));
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
                        ui.label(RichText::new(key).strong().color(palette.accent));
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
                    s.page.map(|p| format!("第{p}版")).unwrap_or_else(unknown),
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
