//! The reading view: one section at a time in a centred column, highlights painted
//! under the letters, selection with the mouse. Layout and marks are cached, so a frame
//! while scrolling only paints.

pub mod layout;
mod mapping;
mod marks;
#[cfg(test)]
mod script_view_tests;

use egui::{CursorIcon, Pos2, Rect, Sense, Stroke, Vec2};

use crate::app::theme::Palette;
use crate::session::{AppState, Command, Focus, OpenDocument, Theme, ViewMetrics};

use layout::{Ink, SectionLayout, BASE_SIZE, MEASURE_CHARS};
use marks::Marks;

/// What the layout depends on; when it is unchanged the cached layout is reused.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LayoutKey {
    doc: i64,
    /// Changes when the document is opened again, e.g. after a re-import changed its text.
    opening: u64,
    section: usize,
    width: f32,
    size: f32,
    theme: Theme,
    /// The "continued from page N" line is in the window's language.
    lang: crate::i18n::Lang,
    script: crate::core::script::DisplayScript,
    /// Adjacent punctuation set in less room (the View menu's switch).
    compress: bool,
}

#[derive(Default)]
pub struct ReadingView {
    layout: Option<(LayoutKey, SectionLayout)>,
    /// Marks for (layout generation, document revision).
    marks: Option<((u64, u64), Marks)>,
    generation: u64,
    /// The scroll offset the view and the state last agreed on.
    synced_scroll: f32,
    /// Screen position of the column's top-left in the last frame (moves with scrolling).
    column_origin: Option<Pos2>,
    /// Viewport height last reported to the state.
    reported: Option<(u64, f32)>,
    /// The char the paragraph's context menu was opened on.
    menu_at: Option<usize>,
}

impl ReadingView {
    /// Drop cached layouts (e.g. after the fonts changed).
    /// Where char `offset` of the section on screen was drawn in the last frame (screen
    /// coordinates), for pointing at text (tests, tooltips).
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        let (_, layout) = self.layout.as_ref()?;
        let rect = layout.char_rect(offset)?;
        Some(rect.translate(self.column_origin?.to_vec2()))
    }

    pub fn invalidate(&mut self) {
        self.layout = None;
        self.marks = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        palette: &Palette,
        queue: &mut Vec<Command>,
    ) {
        let Some(doc) = state.doc() else {
            return;
        };
        let size = (BASE_SIZE * state.prefs().zoom).round();
        let margin = size * 2.0;
        let avail = ui.available_width();
        let width = (avail - 2.0 * margin).clamp(size * 8.0, size * MEASURE_CHARS);
        let key = LayoutKey {
            doc: doc.id,
            opening: doc.opening,
            section: doc.reader.flat_index(),
            width,
            size,
            theme: state.prefs().theme,
            lang: state.language(),
            script: state.prefs().script,
            compress: state.prefs().compress_punctuation,
        };
        self.ensure_layout(ui, doc, key, palette);
        let (_, layout) = self.layout.as_ref().expect("layout was just ensured");
        let marks_key = (self.generation, doc.revision);
        if self.marks.as_ref().map(|(k, _)| *k) != Some(marks_key) {
            self.marks = Some((marks_key, marks::compute(layout, doc, palette)));
        }

        let forced = (doc.reader.scroll - self.synced_scroll).abs() > 0.5;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("reading")
            .auto_shrink(false)
            .scroll_source(
                egui::containers::scroll_area::ScrollSource::MOUSE_WHEEL
                    | egui::containers::scroll_area::ScrollSource::SCROLL_BAR,
            );
        if forced {
            area = area.vertical_scroll_offset(doc.reader.scroll);
        }
        let focused = state.focus() == Focus::Text;
        let output = area.show_viewport(ui, |ui, viewport| {
            let content = Vec2::new(ui.available_width(), layout.height);
            let (rect, response) = ui.allocate_exact_size(content, Sense::CLICK | Sense::DRAG);
            crate::app::access::reading_text(&response, doc, state.language());
            let column = Pos2::new(
                rect.left() + ((rect.width() - width) * 0.5).round(),
                rect.top(),
            );
            let marks = &self.marks.as_ref().expect("marks were just computed").1;
            paint(
                ui,
                layout,
                marks,
                column,
                viewport.translate(rect.min.to_vec2()),
                palette,
            );
            pointer(ui, &response, layout, marks, column, doc, queue);
            structure_menu(&response, layout, column, &mut self.menu_at, queue);
            hover_ui(&response, marks, column, doc, state.color_names(), palette);
            let script = state.prefs().script;
            let popup = crate::app::dictionary_popup::Place {
                layout,
                column,
                script,
            };
            crate::app::dictionary_popup::show(ui, &response, &popup, doc, palette, queue);
            if focused && doc.caret_mode {
                response.ctx.set_cursor_icon(CursorIcon::Text);
            }
            column
        });
        self.column_origin = Some(output.inner);
        crate::app::access::name_scroll_bars(ui.ctx(), output.id, "menu.read");

        let offset = output.state.clamped_offset().y;
        let viewport_height = output.inner_rect.height();
        if !forced && (offset - doc.reader.scroll).abs() > 0.5 {
            queue.push(Command::ScrollTo(offset));
        }
        self.synced_scroll = if forced { doc.reader.scroll } else { offset };

        // Tell the state what was measured when it changed (or a saved scroll waits for it),
        // before any scroll below: a scroll into a newly opened section is clamped to it.
        let report = (self.generation, viewport_height);
        if self.reported != Some(report) || doc.restore_scroll.is_some() {
            let metrics = ViewMetrics {
                viewport_height,
                content_height: layout.height,
                line_height: size * layout::LINE_HEIGHT,
                rows: layout.row_geometry(),
            };
            queue.push(Command::ReportView(metrics));
            self.reported = Some(report);
        }
        // Scroll a caret or a jumped-to annotation into sight.
        if let Some(pos) = doc.reveal {
            if let Some(r) = layout.caret_rect(pos) {
                let (top, bottom) = (doc.reader.scroll, doc.reader.scroll + viewport_height);
                if r.top() < top + size || r.bottom() > bottom - size {
                    queue.push(Command::ScrollTo(
                        (r.top() - viewport_height / 3.0).max(0.0),
                    ));
                }
            }
        }
        if doc.reveal.is_some() {
            queue.push(Command::Revealed);
        }
    }

    fn ensure_layout(
        &mut self,
        ui: &egui::Ui,
        doc: &OpenDocument,
        key: LayoutKey,
        palette: &Palette,
    ) {
        if self.layout.as_ref().map(|(k, _)| *k) == Some(key) {
            return;
        }
        let ink = Ink {
            text: palette.ink,
            muted: palette.muted,
        };
        let laid = ui.fonts_mut(|f| {
            let (width, size) = (key.width, key.size);
            let (lang, script, compress) = (key.lang, key.script, key.compress);
            layout::lay_out(f, &doc.reader, width, size, ink, lang, script, compress)
        });
        self.layout = Some((key, laid));
        self.generation += 1;
    }
}

fn paint(
    ui: &egui::Ui,
    layout: &SectionLayout,
    marks: &Marks,
    column: Pos2,
    visible: Rect,
    palette: &Palette,
) {
    let painter = ui.painter();
    let at = column.to_vec2();
    let seen = |r: &Rect| r.max.y + at.y >= visible.min.y && r.min.y + at.y <= visible.max.y;
    let corner = 2.0;
    for m in marks.highlights.iter().filter(|m| seen(&m.rect)) {
        painter.rect_filled(m.rect.translate(at), corner, m.color);
    }
    for r in marks.selection.iter().filter(|r| seen(r)) {
        painter.rect_filled(r.translate(at), corner, palette.selection);
    }
    for r in marks.found.iter().filter(|r| seen(r)) {
        let stroke = Stroke::new(1.5, palette.accent);
        painter.rect_stroke(r.translate(at), corner, stroke, egui::StrokeKind::Outside);
    }
    for r in marks.found_current.iter().filter(|r| seen(r)) {
        painter.rect_filled(r.translate(at), corner, palette.accent.gamma_multiply(0.35));
        let stroke = Stroke::new(2.0, palette.accent);
        painter.rect_stroke(r.translate(at), corner, stroke, egui::StrokeKind::Outside);
    }
    for r in marks.selected.iter().filter(|r| seen(r)) {
        let r = r.translate(at);
        painter.line_segment(
            [r.left_bottom(), r.right_bottom()],
            Stroke::new(2.0, palette.accent),
        );
    }
    for r in marks.check.iter().filter(|r| seen(r)) {
        let r = r.translate(at);
        let dots = egui::Shape::dotted_line(
            &[r.left_bottom(), r.right_bottom()],
            palette.accent,
            4.0,
            1.0,
        );
        painter.extend(dots);
    }
    for block in layout.blocks.iter().filter(|b| seen(&b.rect())) {
        for row in &block.rows {
            let at = block.origin + Vec2::new(0.0, row.top);
            if !seen(&Rect::from_min_size(
                at.to_pos2(),
                Vec2::new(1.0, row.height),
            )) {
                continue;
            }
            // Lay out again through egui's cache (a hash lookup): when the font atlas is
            // rebuilt, old galleys point at glyphs that are gone, while their geometry stays.
            let galley = ui.fonts_mut(|f| f.layout_job((*row.galley.job).clone()));
            painter.galley(column + at, galley, palette.ink);
        }
    }
    for r in marks.uncertain.iter().filter(|r| seen(r)) {
        // A dotted rule left of the block, in the muted ink: noticed when looked for.
        let x = r.left() + at.x - layout.font_size * 0.6;
        let dots = egui::Shape::dotted_line(
            &[
                Pos2::new(x, r.top() + at.y + 4.0),
                Pos2::new(x, r.bottom() + at.y - 4.0),
            ],
            palette.muted,
            5.0,
            1.2,
        );
        painter.extend(dots);
    }
    for &(p, color) in &marks.notes {
        painter.circle_filled(p + at + Vec2::new(1.0, 1.0), 3.0, color);
    }
    if let Some(c) = marks.caret {
        let c = c.translate(at);
        let h = layout.font_size * 1.2;
        let mid = c.center().y;
        let x = c.left().round();
        painter.line_segment(
            [Pos2::new(x, mid - h / 2.0), Pos2::new(x, mid + h / 2.0)],
            Stroke::new(2.0, palette.accent),
        );
    }
}

/// Hovering a highlight shows its colour name, tags and note.
fn hover_ui(
    response: &egui::Response,
    marks: &Marks,
    column: Pos2,
    doc: &OpenDocument,
    color_names: &[String],
    palette: &Palette,
) {
    let Some(p) = response.hover_pos() else {
        return;
    };
    if response.is_pointer_button_down_on() {
        return;
    }
    let local = p - column.to_vec2();
    let Some(m) = marks
        .highlights
        .iter()
        .rev()
        .find(|m| m.rect.contains(local))
    else {
        return;
    };
    let a = &doc.annotations[m.annotation];
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(320.0);
        let name = crate::export::color_name(color_names, a.color);
        ui.label(
            egui::RichText::new(name)
                .color(palette.strong(a.color))
                .size(12.5),
        );
        if !a.tags.is_empty() {
            let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
            ui.label(egui::RichText::new(tags.join("  ")).size(12.5));
        }
        if !a.note.is_empty() {
            ui.label(egui::RichText::new(&a.note).size(13.0));
        }
    });
}

/// Right-click on the text: the corrections of the structure (the "结构" menu), made
/// at the char clicked.
fn structure_menu(
    response: &egui::Response,
    layout: &SectionLayout,
    column: Pos2,
    menu_at: &mut Option<usize>,
    queue: &mut Vec<Command>,
) {
    if response.secondary_clicked() {
        *menu_at = response
            .interact_pointer_pos()
            .and_then(|p| layout.offset_at(Pos2::new(p.x - column.x, p.y - column.y)));
    }
    let Some(pos) = *menu_at else { return };
    response.context_menu(|ui| {
        for command in crate::app::menu::STRUCTURE.iter() {
            match command {
                None => {
                    ui.separator();
                }
                Some(Command::Fix(action)) => {
                    let lang = super::access::language(ui.ctx());
                    if ui
                        .button(crate::session::fix_label(*action, lang))
                        .clicked()
                    {
                        queue.push(Command::FixAt {
                            action: *action,
                            pos,
                        });
                        ui.close();
                    }
                }
                Some(other) => {
                    let label = other.label(super::access::language(ui.ctx()));
                    if ui.button(label).clicked() {
                        queue.push(other.clone());
                        ui.close();
                    }
                }
            }
        }
    });
}

/// Mouse selection: drag, Shift+click, double-click a word, triple-click a sentence,
/// click a highlight to select its annotation.
fn pointer(
    ui: &egui::Ui,
    response: &egui::Response,
    layout: &SectionLayout,
    marks: &Marks,
    column: Pos2,
    doc: &OpenDocument,
    queue: &mut Vec<Command>,
) {
    let to_offset = |p: Pos2| layout.offset_at(Pos2::new(p.x - column.x, p.y - column.y));
    let shift = ui.input(|i| i.modifiers.shift);
    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    let hit = |p: Pos2| {
        let local = p - column.to_vec2();
        marks
            .highlights
            .iter()
            .rev()
            .find(|m| m.rect.contains(local))
            .map(|m| m.annotation)
    };
    if response.drag_started_by(egui::PointerButton::Primary) {
        let origin = ui.input(|i| i.pointer.press_origin());
        if let Some(pos) = origin.and_then(to_offset) {
            queue.push(Command::PointerDown { pos, extend: shift });
        }
    }
    if response.dragged_by(egui::PointerButton::Primary) {
        if let Some(pos) = response.interact_pointer_pos().and_then(to_offset) {
            queue.push(Command::PointerDrag { pos });
        }
    }
    let Some(p) = response.interact_pointer_pos() else {
        return;
    };
    let char_under = |p: Pos2| layout.char_under(Pos2::new(p.x - column.x, p.y - column.y));
    if response.triple_clicked() {
        queue.extend(char_under(p).map(Command::SelectSentenceAt));
    } else if response.double_clicked() {
        queue.extend(char_under(p).map(Command::SelectWordAt));
    } else if response.clicked() {
        match (shift, hit(p)) {
            (false, Some(i)) => queue.push(Command::ClickAnnotation(doc.annotations[i].id.clone())),
            _ => queue.extend(to_offset(p).map(|pos| Command::PointerDown { pos, extend: shift })),
        }
    }
}
