//! The list of the annotation panel: one card per annotation, all the same height, so
//! only the cards in sight are laid out (a library may hold thousands).

use egui::{Pos2, Rect, RichText, Sense, Stroke, UiBuilder};

use crate::core::annotation::{AnchorStatus, Annotation};
use crate::session::{AppState, Command, Focus, PanelScope};

use super::annotation_panel::shorten;
use super::fonts;
use super::theme::Palette;

/// Height of a card: quote, colour and tags, note — one line each.
const CARD_HEIGHT: f32 = 78.0;

pub fn ui(ui: &mut egui::Ui, state: &AppState, palette: &Palette, queue: &mut Vec<Command>) {
    let list = state.panel_annotations();
    if list.is_empty() {
        ui.add_space(12.0);
        let hint = super::access::text(ui.ctx(), "panel.empty");
        ui.label(RichText::new(hint).color(palette.muted));
        return;
    }
    let focused = state.focus() == Focus::Annotations;
    let selected = state.doc().and_then(|d| d.selected_annotation.clone());
    let cursor = state.panel().cursor.min(list.len() - 1);

    // Bring the cursor into sight once when it moves off screen (then the wheel is free).
    let memory = egui::Id::unique("annotation-list-view");
    let (last_cursor, first, last): (usize, usize, usize) = ui
        .data(|d| d.get_temp(memory))
        .unwrap_or((usize::MAX, 0, 0));
    let row = CARD_HEIGHT + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("annotation-list")
        .auto_shrink(false);
    if cursor != last_cursor && (cursor < first || cursor + 1 >= last) {
        area = area.vertical_scroll_offset((cursor as f32 * row - row).max(0.0));
    }
    let all_docs = state.panel().scope == PanelScope::AllDocuments;
    let scroll = area.show_rows(ui, CARD_HEIGHT, list.len(), |ui, range| {
        ui.data_mut(|d| d.insert_temp(memory, (cursor, range.start, range.end)));
        for i in range {
            let a = list[i];
            let doc_title = all_docs
                .then(|| state.library().iter().find(|d| d.id == a.document_id))
                .flatten()
                .map(|d| d.title.as_str());
            let flags = (
                focused && i == cursor,
                selected.as_deref() == Some(a.id.as_str()),
            );
            if card_ui(ui, state, a, doc_title, palette, flags).clicked() {
                queue.push(Command::JumpToAnnotation(a.id.clone()));
            }
        }
    });
    super::access::name_scroll_bars(ui.ctx(), scroll.id, "access.annotations");
}

fn card_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    a: &Annotation,
    doc_title: Option<&str>,
    palette: &Palette,
    (is_cursor, is_selected): (bool, bool),
) -> egui::Response {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, CARD_HEIGHT), Sense::hover());
    // The keyboard cursor gets the accent outline; the selected annotation its colour.
    let stroke = if is_cursor {
        Stroke::new(1.5, palette.accent)
    } else {
        Stroke::new(1.0, palette.rule)
    };
    let fill = if is_selected {
        palette.mark(a.color).gamma_multiply(0.55)
    } else {
        palette.paper
    };
    let painter = ui.painter();
    painter.rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
    let bar = Rect::from_min_size(
        rect.min + egui::vec2(4.0, 8.0),
        egui::vec2(4.0, rect.height() - 16.0),
    );
    painter.rect_filled(bar, 2.0, palette.strong(a.color));

    let inner = Rect::from_min_max(
        Pos2::new(rect.left() + 14.0, rect.top() + 6.0),
        rect.max - egui::vec2(10.0, 6.0),
    );
    let mut content = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    content.spacing_mut().item_spacing.y = 2.0;
    let quote = RichText::new(shorten(&a.quote, 60))
        .font(fonts::reading(15.0))
        .color(palette.ink);
    content.add(egui::Label::new(quote).truncate());
    content.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        if let Some(title) = doc_title {
            ui.label(
                RichText::new(shorten(title, 12))
                    .size(11.5)
                    .color(palette.muted),
            );
        }
        let name = crate::export::color_name(state.color_names(), a.color);
        ui.label(
            RichText::new(name)
                .size(11.5)
                .color(palette.strong(a.color)),
        );
        match a.status {
            AnchorStatus::Check => {
                let text = super::access::text(ui.ctx(), "panel.check");
                ui.label(RichText::new(text).size(11.5).color(palette.accent));
            }
            AnchorStatus::Orphan => {
                let text = super::access::text(ui.ctx(), "panel.orphan");
                ui.label(RichText::new(text).size(11.5).color(palette.accent));
            }
            AnchorStatus::Anchored => {}
        }
        if !a.tags.is_empty() {
            let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
            ui.add(
                egui::Label::new(RichText::new(tags.join(" ")).size(11.5).color(palette.ink))
                    .truncate(),
            );
        }
    });
    if !a.note.is_empty() {
        let note = RichText::new(shorten(&a.note, 80))
            .size(12.5)
            .color(palette.muted);
        content.add(egui::Label::new(note).truncate());
    }
    // Sensed after the labels, so a click anywhere on the card (text included) is the card's.
    let response = ui
        .interact(
            rect,
            egui::Id::unique(("annotation-card", &a.id)),
            Sense::CLICK,
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    let name = crate::export::color_name(state.color_names(), a.color);
    let mut spoken = format!("{name}: {}", a.quote);
    if !a.tags.is_empty() {
        spoken.push_str(&format!("; #{}", a.tags.join(" #")));
    }
    if !a.note.is_empty() {
        spoken.push_str(&format!("; {}", shorten(&a.note, 200)));
    }
    super::access::describe(&response, egui::accesskit::Role::ListItem, &spoken);
    response
}
