//! Keys become commands through the one keymap, in the contexts live this frame; a
//! text field being typed in keeps its keys.

use egui::Event;

use crate::session::{Focus, Modal, Page};

use super::keymap::{self, KeyContext};
use super::PizhuApp;

impl PizhuApp {
    /// The contexts whose keys are live, most specific first.
    fn key_contexts(&self) -> Vec<KeyContext> {
        use KeyContext::*;
        match &self.state.modal() {
            Modal::None => {}
            Modal::Help => return vec![Help, Global],
            _ => return vec![Global],
        }
        let caret = self.state.doc().is_some_and(|d| d.caret_mode);
        match (self.state.page(), self.state.focus()) {
            (Page::Library, _) => vec![Library, Global],
            (_, Focus::Outline) => vec![Outline, Global],
            (_, Focus::Annotations) => vec![AnnotationList, Global],
            (Page::Reading, Focus::Text) if caret => vec![Caret, Reading, Global],
            (Page::Reading, Focus::Text) => vec![Reading, Global],
        }
    }

    /// Keys become commands, except while a text field is being typed in.
    pub(super) fn keys(&mut self, ctx: &egui::Context) {
        if ctx.text_edit_focused() {
            return;
        }
        // Esc in the library's filter only leaves the field; the next Esc leaves the library.
        let leaving_filter = self.text_was_focused
            && self.state.page() == Page::Library
            && *self.state.modal() == Modal::None;
        let contexts = self.key_contexts();
        let pressed: Vec<(egui::Key, egui::Modifiers, bool)> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        repeat,
                        ..
                    } => Some((*key, *modifiers, *repeat)),
                    _ => None,
                })
                .collect()
        });
        for (key, modifiers, repeat) in pressed {
            if leaving_filter && key == egui::Key::Escape {
                continue;
            }
            let Some(binding) = keymap::lookup(&contexts, key, modifiers) else {
                continue;
            };
            if repeat && !binding.repeat {
                continue;
            }
            ctx.input_mut(|i| i.consume_key(modifiers, key));
            self.queue.push(binding.command.clone());
        }
    }
}

/// Buttons and list rows must not keep keyboard focus: keys belong to the keymap.
pub(super) fn release_stray_focus(ctx: &egui::Context) {
    if !ctx.text_edit_focused() {
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
    }
}
