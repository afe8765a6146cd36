//! Selecting text in the reading view: with the mouse (press, drag, Shift+click, double-
//! and triple-click) or with a keyboard caret. Positions are char offsets into the
//! reading text and never leave the section on screen.

use crate::core::segment;

use super::command::CaretUnit;
use super::{AppState, OpenDocument};

/// A selection: `anchor` stays where it started, `head` moves (and is the caret).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    pub fn caret(pos: usize) -> Selection {
        Selection {
            anchor: pos,
            head: pos,
        }
    }

    pub fn range(pos: (usize, usize)) -> Selection {
        Selection {
            anchor: pos.0,
            head: pos.1,
        }
    }

    /// `[start, end)` in reading order.
    pub fn span(&self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }

    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }
}

impl OpenDocument {
    fn clamp(&self, pos: usize) -> usize {
        let (start, end) = self.reader.visible_span();
        pos.clamp(start, end)
    }

    /// Where a caret appears when none is set: the start of the first row on screen.
    fn first_visible_pos(&self) -> usize {
        let r = &self.reader;
        r.view
            .rows
            .iter()
            .find(|row| row.bottom > r.scroll + 1.0)
            .map(|row| row.start)
            .unwrap_or_else(|| r.visible_span().0)
    }

    /// The position keyboard selection starts from: the caret, else the top of the screen.
    pub fn caret_or_top(&self) -> usize {
        self.selection
            .map(|s| s.head)
            .unwrap_or_else(|| self.first_visible_pos())
    }

    fn set_selection(&mut self, s: Selection) {
        let s = Selection {
            anchor: self.clamp(s.anchor),
            head: self.clamp(s.head),
        };
        self.selection = Some(s);
        self.selected_annotation = None;
        self.reveal = Some(s.head);
        self.revision += 1;
    }

    pub fn enter_caret_mode(&mut self) {
        self.caret_mode = true;
        let head = self.caret_or_top();
        let keep = self.selection.filter(|s| s.head == head);
        self.set_selection(keep.unwrap_or(Selection::caret(head)));
    }

    pub fn move_caret(&mut self, unit: CaretUnit, forward: bool, extend: bool) {
        if !self.caret_mode {
            self.enter_caret_mode();
        }
        let head = self.caret_or_top();
        let text = &self.reader.outline.text;
        let target = match unit {
            CaretUnit::Char if forward => head + 1,
            CaretUnit::Char => head.saturating_sub(1),
            CaretUnit::Word if forward => segment::next_word_boundary(text, head),
            CaretUnit::Word => segment::prev_word_boundary(text, head),
            CaretUnit::Row => self.row_neighbour(head, forward),
            CaretUnit::RowEdge => self.row_edge(head, forward),
        };
        let anchor = match self.selection {
            Some(s) if extend => s.anchor,
            _ => target,
        };
        self.set_selection(Selection {
            anchor,
            head: target,
        });
    }

    /// Same column, one visual row up or down (stays put on the first or last row).
    fn row_neighbour(&self, pos: usize, down: bool) -> usize {
        let rows = &self.reader.view.rows;
        let Some(i) = self.reader.row_index_of(pos) else {
            return pos;
        };
        let x = rows[i].x_of(pos);
        let target = if down { i + 1 } else { i.wrapping_sub(1) };
        rows.get(target).map(|row| row.pos_at_x(x)).unwrap_or(pos)
    }

    fn row_edge(&self, pos: usize, end: bool) -> usize {
        match self.reader.row_index_of(pos) {
            Some(i) if end => self.reader.view.rows[i].end,
            Some(i) => self.reader.view.rows[i].start,
            None => pos,
        }
    }

    pub fn select_sentence(&mut self, pos: usize) {
        let range = segment::sentence_at(&self.reader.outline.text, pos);
        self.set_selection(Selection::range(range));
    }

    pub fn select_paragraph(&mut self, pos: usize) {
        let range = segment::line_at(&self.reader.outline.text, pos);
        self.set_selection(Selection::range(range));
    }

    pub fn select_word(&mut self, pos: usize) {
        let range = segment::word_at(&self.reader.outline.text, pos);
        self.set_selection(Selection::range(range));
    }

    pub fn pointer_down(&mut self, pos: usize, extend: bool) {
        match self.selection {
            Some(s) if extend => self.set_selection(Selection {
                anchor: s.anchor,
                head: pos,
            }),
            _ => self.set_selection(Selection::caret(pos)),
        }
        // A mouse press is not a request to scroll.
        self.reveal = None;
    }

    pub fn pointer_drag(&mut self, pos: usize) {
        let anchor = self.selection.map(|s| s.anchor).unwrap_or(pos);
        self.set_selection(Selection { anchor, head: pos });
        self.reveal = None;
    }

    /// The selected text trimmed of the line breaks between paragraphs at either end:
    /// what an annotation made now would cover. `None` when nothing is selected.
    pub fn selected_span(&self) -> Option<(usize, usize)> {
        let (mut start, mut end) = self.selection?.span();
        let chars: Vec<char> =
            crate::core::outline::char_slice(&self.reader.outline.text, start, end)
                .chars()
                .collect();
        let mut lo = 0;
        let mut hi = chars.len();
        while lo < hi && chars[lo].is_whitespace() {
            lo += 1;
        }
        while hi > lo && chars[hi - 1].is_whitespace() {
            hi -= 1;
        }
        end = start + hi;
        start += lo;
        (start < end).then_some((start, end))
    }
}

impl AppState {
    /// The open document, if any, for selection commands.
    pub(super) fn doc_mut(&mut self) -> Option<&mut OpenDocument> {
        self.doc.as_mut()
    }
}
