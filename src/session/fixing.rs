//! Corrections of the document's structure from the window (issue 13): each goes
//! through `crate::fix` like the command line's `pizhu fix`, is recorded on the undo
//! stack shared with annotations, and reopens the document on the same words.

use crate::core::anchor::{reanchor, TextQuote};
use crate::core::annotation::{AnchorStatus, Annotation};
use crate::core::corrections::Action;
use crate::core::outline::{char_slice, Outline};
use crate::i18n::{tr, Lang};
use crate::store::StoredCorrection;

use super::annotate::Change;
use super::command::text::{fix_help_key, fix_label_key};
use super::{AppState, Page, Selection};

/// Menu name of a correction, in `lang`.
pub fn fix_label(action: Action, lang: Lang) -> &'static str {
    tr(lang, fix_label_key(action))
}

/// Help line of a correction, in `lang`.
pub fn fix_help(action: Action, lang: Lang) -> &'static str {
    tr(lang, fix_help_key(action))
}

/// How many non-space chars come before char `pos`: the same words before and after a
/// correction, which changes line breaks and labels only.
fn words_before(text: &str, pos: usize) -> usize {
    text.chars()
        .take(pos)
        .filter(|c| !c.is_whitespace())
        .count()
}

fn offset_of_word(text: &str, words: usize) -> usize {
    text.chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .nth(words)
        .map(|(i, _)| i)
        .unwrap_or_else(|| text.chars().count())
}

impl AppState {
    /// Make a correction at `pos`, or at the caret (the top of the screen without one).
    pub(super) fn fix(&mut self, action: Action, pos: Option<usize>) {
        if self.page != Page::Reading {
            return;
        }
        let Some(doc) = self.doc.as_ref() else { return };
        let pos = pos.unwrap_or_else(|| doc.caret_or_top());
        let id = doc.id;
        let words = words_before(&doc.reader.outline.text, pos);
        match crate::fix::fix(&mut self.store, id, action, pos) {
            Ok(stored) => {
                self.history.push(Change::Correction(stored));
                self.reopen_at_words(words);
            }
            Err(e) => {
                let text = self.tr_with("notice.cannot_correct", &[("error", &e.to_string())]);
                self.notify(text, true)
            }
        }
    }

    /// Undo (`!forward`) or redo a correction; false when the store refused.
    pub(super) fn redo_correction(&mut self, c: &StoredCorrection, forward: bool) -> bool {
        let words = self
            .doc
            .as_ref()
            .filter(|d| d.id == c.document_id)
            .map(|d| words_before(&d.reader.outline.text, d.caret_or_top()));
        let result = if forward {
            crate::fix::restore(&mut self.store, c)
        } else {
            crate::fix::remove(&mut self.store, c.id).map(|_| ())
        };
        if let Err(e) = result {
            self.report(e);
            return false;
        }
        match words {
            Some(words) => self.reopen_at_words(words),
            None => {
                self.refresh_library();
                self.open_document(c.document_id);
            }
        }
        true
    }

    /// Read the open document again from the store (its text and outline changed) and
    /// put the caret and view back on the same words.
    fn reopen_at_words(&mut self, words: usize) {
        let Some(id) = self.doc.as_ref().map(|d| d.id) else {
            return;
        };
        let caret_mode = self.doc.as_ref().is_some_and(|d| d.caret_mode);
        let had_caret = self.doc.as_ref().is_some_and(|d| d.selection.is_some());
        self.refresh_library();
        self.open_document(id);
        if let Some(doc) = self.doc.as_mut() {
            let pos = offset_of_word(&doc.reader.outline.text, words);
            doc.reader.go_to_offset(pos);
            doc.restore_scroll = None;
            doc.caret_mode = caret_mode;
            doc.selection = (caret_mode || had_caret).then_some(Selection::caret(pos));
            doc.reveal = Some(pos);
            doc.revision += 1;
        }
        self.outline_cursor = self.current_outline_row();
    }

    /// An annotation to put back (undo, redo) placed on the document's current text:
    /// a correction made since may have moved its words.
    pub(super) fn placed_in_current_text(&self, a: &Annotation) -> Annotation {
        let text = match self.doc.as_ref().filter(|d| d.id == a.document_id) {
            Some(d) => d.reader.outline.text.clone(),
            None => match self.store.document(a.document_id) {
                Ok(d) => d.outline.text,
                Err(_) => return a.clone(),
            },
        };
        if char_slice(&text, a.start, a.end) == a.quote {
            return a.clone();
        }
        let found = reanchor(
            "",
            &text,
            &TextQuote {
                start: a.start,
                end: a.end,
                quote: &a.quote,
                prefix: &a.prefix,
                suffix: &a.suffix,
            },
        );
        let mut placed = a.clone();
        if found.status != AnchorStatus::Orphan {
            placed.start = found.start;
            placed.end = found.end;
        }
        placed
    }

    /// Jump to the next place the reflow was unsure of after the caret (wrapping).
    pub(super) fn next_uncertain(&mut self) {
        let Some(doc) = self.doc.as_ref() else { return };
        let here = doc.caret_or_top();
        let places = uncertain_places(&doc.reader.outline);
        let target = places
            .iter()
            .find(|&&p| p > here)
            .or(places.first())
            .copied();
        let Some(pos) = target else {
            return self.notify(self.tr("notice.no_uncertain"), false);
        };
        let moved = self.doc.as_mut().is_some_and(|doc| {
            let before = doc.reader.position();
            doc.reader.go_to_offset(pos);
            before != doc.reader.position()
        });
        if moved {
            self.section_changed();
        }
        if let Some(doc) = self.doc.as_mut() {
            doc.caret_mode = true;
            doc.selection = Some(Selection::caret(pos));
            doc.reveal = Some(pos);
            doc.revision += 1;
        }
    }
}

/// Starts of the outline's uncertain parts, in reading order: articles whose start or
/// title the reflow doubted, doubtful headings, paragraphs whose break it doubted.
pub fn uncertain_places(outline: &Outline) -> Vec<usize> {
    let mut out = Vec::new();
    for a in &outline.articles {
        if a.uncertain {
            let first = [&a.title, &a.subtitle, &a.byline]
                .into_iter()
                .flatten()
                .map(|l| l.start)
                .chain(a.sections.first().map(|s| s.span().0))
                .min();
            out.extend(first);
        }
        for s in &a.sections {
            out.extend(s.heading.iter().filter(|h| h.uncertain).map(|h| h.start));
            out.extend(s.paragraphs.iter().filter(|p| p.uncertain).map(|p| p.start));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
