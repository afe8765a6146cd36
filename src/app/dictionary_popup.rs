//! The dictionary popup (issue 17): pinyin and English glosses of the word under the
//! pointer (after it rests a moment) or at the caret (`d`), drawn below the word. The
//! state lives in the session ([`crate::session::WordLookup`]); this file only watches
//! the pointer, sends commands, and draws what the state holds. It never sends a
//! selection command, so the popup cannot change what is selected.

use std::time::Duration;

use egui::{Event, Id, LayerId, Order, Pos2, Rect, RichText, UiBuilder, Vec2};

use crate::core::dictionary::{self, Lookup};
use crate::core::script::{self, DisplayScript};
use crate::session::{Command, OpenDocument, WordLookup};

use super::access::text as t;
use super::reading::layout::SectionLayout;
use super::theme::Palette;

/// How long the pointer rests on a char before its word is looked up: long enough that
/// moving across the text to select or click does not flash popups.
const DWELL: f32 = 0.35;
/// How often to look again while the dictionary loads on its thread.
const LOADING_POLL: Duration = Duration::from_millis(50);
const POPUP_WIDTH: f32 = 340.0;

/// Where the reading view drew the section, and in which script.
pub(super) struct Place<'a> {
    pub layout: &'a SectionLayout,
    /// Screen position of the layout's origin.
    pub column: Pos2,
    pub script: DisplayScript,
}

/// Watch the pointer over the reading text and draw the popup of the open lookup.
pub(super) fn show(
    ui: &mut egui::Ui,
    response: &egui::Response,
    place: &Place,
    doc: &OpenDocument,
    palette: &Palette,
    queue: &mut Vec<Command>,
) {
    let (layout, column) = (place.layout, place.column);
    follow_pointer(ui, response, layout, column, doc, queue);
    let Some(lookup) = doc.lookup.as_ref().filter(|l| !l.hidden) else {
        return;
    };
    if lookup.found.is_none() {
        if dictionary::loaded().is_some() {
            queue.push(Command::ResolveLookup);
        } else {
            ui.ctx().request_repaint_after(LOADING_POLL);
        }
    }
    let (start, end) = lookup.span();
    let mut rects = Vec::new();
    layout.range_rects(start, end, layout.font_size * 1.3, &mut rects);
    let Some(first) = rects.first() else { return };
    // Underline the word the popup is about, so it is clear which one jieba chose.
    let stroke = egui::Stroke::new(1.5, palette.accent);
    for r in &rects {
        let r = r.translate(column.to_vec2());
        ui.painter().hline(r.x_range(), r.bottom(), stroke);
    }
    let below = column + first.left_bottom().to_vec2() + Vec2::new(0.0, 6.0);
    // A child Ui on a layer above the text rather than an `Area`: an area measures itself
    // in an extra invisible frame, and the popup should appear in the frame it is asked
    // for. It takes no input, so clicks and drags go to the text under it.
    let layer = LayerId::new(Order::Foreground, Id::unique("dictionary-popup"));
    let room = Rect::from_min_size(below, Vec2::new(POPUP_WIDTH + 24.0, 800.0));
    let mut popup = ui.new_child(UiBuilder::new().layer_id(layer).max_rect(room));
    popup.set_clip_rect(ui.ctx().content_rect());
    egui::Frame::popup(popup.style())
        .fill(palette.panel)
        .show(&mut popup, |ui| {
            ui.set_max_width(POPUP_WIDTH);
            contents(ui, lookup, place.script, palette);
        });
}

/// Whether the pointer came to rest on the text by moving there, rather than after a
/// click, a drag or a key: only then does resting open a popup, so annotating (select,
/// click a highlight, press keys) with the pointer lying on the text does not.
fn hover_armed(ui: &egui::Ui) -> bool {
    let id = Id::unique("dictionary-hover-armed");
    let (moved, acted) = ui.input(|i| {
        let acted = i.pointer.any_down()
            || i.pointer.any_released()
            || i.events
                .iter()
                .any(|e| matches!(e, Event::Key { .. } | Event::Text(_)));
        (i.pointer.delta() != Vec2::ZERO, acted)
    });
    let was = ui.ctx().data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    let armed = !acted && (moved || was);
    ui.ctx().data_mut(|d| d.insert_temp(id, armed));
    armed
}

/// Open the popup of the word the pointer rests on; close a pointer popup when the
/// pointer leaves its word. A popup opened with `d` is left to the keys.
fn follow_pointer(
    ui: &egui::Ui,
    response: &egui::Response,
    layout: &SectionLayout,
    column: Pos2,
    doc: &OpenDocument,
    queue: &mut Vec<Command>,
) {
    let armed = hover_armed(ui);
    let keyed = doc.lookup.as_ref().is_some_and(|l| !l.by_pointer);
    if keyed {
        return;
    }
    let over = response
        .hover_pos()
        .filter(|_| !response.is_pointer_button_down_on() && !response.dragged())
        .and_then(|p| char_at(layout, p - column.to_vec2()));
    let open = doc.lookup.as_ref().map(WordLookup::span);
    let inside_open = |c: usize| open.is_some_and(|(s, e)| (s..e).contains(&c));
    match over {
        Some(c) if inside_open(c) => {}
        Some(c) => {
            if open.is_some() {
                queue.push(Command::CloseLookup);
            }
            if !armed {
                return;
            }
            let rested = ui.input(|i| i.pointer.time_since_last_movement());
            if rested >= DWELL {
                queue.push(Command::LookUpWord { offset: c });
            } else {
                // No event may come while the pointer rests: wake up when it has.
                let wait = (DWELL - rested).max(0.01);
                ui.ctx()
                    .request_repaint_after(Duration::from_secs_f32(wait));
            }
        }
        None if open.is_some() => queue.push(Command::CloseLookup),
        None => {}
    }
}

/// The char whose glyph is under `local` (column coordinates), not merely the nearest.
fn char_at(layout: &SectionLayout, local: Pos2) -> Option<usize> {
    let c = layout.char_under(local)?;
    let mut rects = Vec::new();
    layout.range_rects(c, c + 1, layout.font_size * 1.4, &mut rects);
    rects.iter().any(|r| r.contains(local)).then_some(c)
}

fn contents(ui: &mut egui::Ui, lookup: &WordLookup, shown: DisplayScript, palette: &Palette) {
    let Some(found) = &lookup.found else {
        ui.label(RichText::new(t(ui.ctx(), "dict.loading")).color(palette.muted));
        return;
    };
    headword(ui, found, shown, palette);
    if found.is_unknown() {
        ui.label(RichText::new(t(ui.ctx(), "dict.unknown")).color(palette.muted));
        return;
    }
    for entry in &found.entries {
        ui.add_space(2.0);
        ui.label(
            RichText::new(&entry.pinyin)
                .size(15.0)
                .strong()
                .color(palette.accent),
        );
        ui.add(egui::Label::new(RichText::new(entry.glosses.join("; ")).color(palette.ink)).wrap());
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(t(ui.ctx(), "dict.source"))
            .size(10.5)
            .color(palette.muted),
    );
}

/// The word as the view shows it, then its other forms as the dictionary writes them
/// (銀行 beside 银行, and the other way round).
fn headword(ui: &mut egui::Ui, found: &Lookup, shown: DisplayScript, palette: &Palette) {
    let word = script::display(&found.word, shown);
    let mut forms: Vec<&str> = Vec::new();
    for e in &found.entries {
        for form in [e.simplified.as_str(), e.traditional.as_str()] {
            if form != word && !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(word.as_ref())
                .font(super::fonts::reading(22.0))
                .color(palette.ink),
        );
        if !forms.is_empty() {
            ui.label(
                RichText::new(forms.join(" "))
                    .font(super::fonts::reading(16.0))
                    .color(palette.muted),
            );
        }
    });
}
