//! The dictionary popup's state (issue 17): which word is looked up and what the
//! dictionary says, or that it is still loading. Looking up never touches the selection,
//! the caret or the annotations: the popup sits beside the text.
//!
//! The dictionary is parsed on a thread the window starts; until it is ready a lookup
//! waits as "loading" and the window sends [`Command::ResolveLookup`] when it is.
//!
//! [`Command::ResolveLookup`]: super::Command::ResolveLookup

use crate::core::charclass::is_han;
use crate::core::dictionary::{self, Lookup};

use super::{AppState, Page};

/// A word being shown in the popup.
#[derive(Debug, Clone, PartialEq)]
pub struct WordLookup {
    /// The char it was asked for (the pointer's or the caret's).
    pub at: usize,
    /// Opened by the pointer resting on the text (it closes when the pointer leaves the
    /// word), rather than by `d` (it stays until Esc, `d` again or a caret move).
    pub by_pointer: bool,
    /// The word and its entries; `None` while the dictionary is still loading.
    pub found: Option<Lookup>,
    /// Esc dismissed a pointer popup: not drawn until the pointer moves to another word.
    pub hidden: bool,
}

impl WordLookup {
    /// The chars the popup is about: the word found, or the char asked for.
    pub fn span(&self) -> (usize, usize) {
        self.found
            .as_ref()
            .map_or((self.at, self.at + 1), |f| (f.start, f.end))
    }
}

impl AppState {
    /// Look up the word at `at` (a char of the reading text on screen). A char that is
    /// not Han closes the popup: there is nothing to look up.
    pub(super) fn look_up(&mut self, at: Option<usize>, by_pointer: bool) {
        if self.page != Page::Reading {
            return;
        }
        let Some(doc) = self.doc.as_mut() else { return };
        let Some(at) = at else { return };
        let (start, end) = doc.reader.visible_span();
        let text = &doc.reader.outline.text;
        let han = (start..end).contains(&at) && text.chars().nth(at).is_some_and(is_han);
        if !han {
            doc.lookup = None;
            return;
        }
        let found = dictionary::loaded().and_then(|dict| dictionary::look_up_at(dict, text, at));
        doc.lookup = Some(WordLookup {
            at,
            by_pointer,
            found,
            hidden: false,
        });
    }

    /// `d`: the word at the caret (the char after it; at a line's end, the one before).
    /// Pressed again on the same word it closes the popup.
    pub(super) fn look_up_at_caret(&mut self) {
        let Some(doc) = self.doc.as_ref() else { return };
        if !doc.caret_mode {
            return;
        }
        let Some(head) = doc.selection.map(|s| s.head) else {
            return;
        };
        if let Some(open) = doc.lookup.as_ref().filter(|l| !l.by_pointer) {
            let (start, end) = open.span();
            if (start..end).contains(&head) || open.at == head.saturating_sub(1) {
                return self.close_lookup();
            }
        }
        let text = &doc.reader.outline.text;
        let at_char = |pos: usize| text.chars().nth(pos).is_some_and(is_han);
        let at = if !at_char(head) && head > 0 && at_char(head - 1) {
            head - 1
        } else {
            head
        };
        self.look_up(Some(at), false);
    }

    /// The dictionary is ready: answer the lookup that waited for it.
    pub(super) fn resolve_lookup(&mut self) {
        let Some(waiting) = self.doc.as_ref().and_then(|d| d.lookup.clone()) else {
            return;
        };
        if waiting.found.is_none() {
            self.look_up(Some(waiting.at), waiting.by_pointer);
        }
    }

    /// Esc with a popup up. The one `d` opened closes, and that is all Esc does (true). A
    /// pointer popup is hidden (it would open again at once under the resting pointer) and
    /// Esc goes on to do its usual job, since the reader may not have meant the popup.
    pub(super) fn escape_lookup(&mut self) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        match doc.lookup.as_mut() {
            Some(l) if !l.by_pointer => {
                doc.lookup = None;
                true
            }
            Some(l) => {
                l.hidden = true;
                false
            }
            None => false,
        }
    }

    pub(super) fn close_lookup(&mut self) {
        if let Some(doc) = self.doc.as_mut() {
            doc.lookup = None;
        }
    }

    /// After any command: a popup whose word is no longer on screen (another section,
    /// another page, the text changed) closes.
    pub(super) fn drop_lookup_out_of_view(&mut self) {
        let reading = self.page == Page::Reading;
        let Some(doc) = self.doc.as_mut() else { return };
        let Some(lookup) = &doc.lookup else { return };
        let (start, end) = doc.reader.visible_span();
        if !reading || !(start..end).contains(&lookup.at) {
            doc.lookup = None;
        }
    }
}

#[cfg(test)]
mod tests;
