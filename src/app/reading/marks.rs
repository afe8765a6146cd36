//! What is painted under and over the letters: highlights, the selection, the caret and
//! note markers, computed once per change and reused while scrolling.
//!
//! Overlapping highlights stay legible by nesting: an annotation that starts inside
//! another is drawn as a slightly narrower band on top of it, so both colours show and
//! the text is never covered by more than a light tint.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use egui::{Color32, Pos2, Rect};

use crate::app::theme::Palette;
use crate::core::annotation::{AnchorStatus, Annotation};
use crate::session::OpenDocument;

use super::layout::SectionLayout;

/// One painted highlight rectangle and the annotation it belongs to.
#[derive(Debug, Clone)]
pub struct MarkRect {
    pub rect: Rect,
    pub color: Color32,
    /// Index into the document's annotations.
    pub annotation: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// In paint order: outer highlights first.
    pub highlights: Vec<MarkRect>,
    /// Under the selected annotation: a rule in the accent colour.
    pub selected: Vec<Rect>,
    /// Annotations whose place must be checked get a dotted rule.
    pub check: Vec<Rect>,
    pub selection: Vec<Rect>,
    pub caret: Option<Rect>,
    /// Where a small dot says "this annotation has a note", with its colour.
    pub notes: Vec<(Pos2, Color32)>,
    /// Hits of the find bar: every one outlined, the current one filled.
    pub found: Vec<Rect>,
    pub found_current: Vec<Rect>,
    /// Blocks the reflow was unsure of (issue 13): a quiet rule in the margin says
    /// "check this break or label"; `u` jumps to the next.
    pub uncertain: Vec<Rect>,
}

/// Nesting depth of each annotation in reading order (0 = not inside another).
fn depths(annotations: &[&Annotation]) -> Vec<usize> {
    let mut ends: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    annotations
        .iter()
        .map(|a| {
            while ends.peek().is_some_and(|Reverse(e)| *e <= a.start) {
                ends.pop();
            }
            let depth = ends.len();
            ends.push(Reverse(a.end));
            depth
        })
        .collect()
}

pub fn compute(layout: &SectionLayout, doc: &OpenDocument, palette: &Palette) -> Marks {
    let mut marks = Marks::default();
    let unsure = crate::session::uncertain_places(&doc.reader.outline);
    marks.uncertain = layout
        .blocks
        .iter()
        .filter(|b| b.start.is_some_and(|s| unsure.binary_search(&s).is_ok()))
        .map(|b| b.rect())
        .collect();
    let band = (layout.font_size * 1.36).round();
    let (span_start, span_end) = doc.reader.visible_span();
    // Annotations on screen, in reading order (the store keeps them sorted).
    let visible: Vec<(usize, &Annotation)> = doc
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.status != AnchorStatus::Orphan && a.end > span_start && a.start < span_end
        })
        .collect();
    let refs: Vec<&Annotation> = visible.iter().map(|(_, a)| *a).collect();
    let depth = depths(&refs);
    let mut order: Vec<usize> = (0..visible.len()).collect();
    order.sort_by_key(|&i| depth[i]);

    let mut rects = Vec::new();
    for i in order {
        let (index, a) = visible[i];
        rects.clear();
        let shrink = (depth[i] as f32 * 0.16).min(0.5);
        layout.range_rects(a.start, a.end, band * (1.0 - shrink), &mut rects);
        let color = palette.mark(a.color);
        marks.highlights.extend(rects.iter().map(|&rect| MarkRect {
            rect,
            color,
            annotation: index,
        }));
        if doc.selected_annotation.as_deref() == Some(a.id.as_str()) {
            marks.selected.extend(rects.iter().copied());
        }
        if a.status == AnchorStatus::Check {
            marks.check.extend(rects.iter().copied());
        }
        if !a.note.is_empty() {
            if let Some(last) = rects.last() {
                marks
                    .notes
                    .push((last.right_top(), palette.strong(a.color)));
            }
        }
    }
    let current = doc.find_current.and_then(|i| doc.find_hits.get(i)).copied();
    let first = doc.find_hits.partition_point(|h| h.1 <= span_start);
    for &(s, e) in doc.find_hits[first..].iter().take_while(|h| h.0 < span_end) {
        if Some((s, e)) == current {
            layout.range_rects(s, e, band, &mut marks.found_current);
        } else {
            layout.range_rects(s, e, band, &mut marks.found);
        }
    }
    if let Some(sel) = doc.selection {
        let (s, e) = sel.span();
        if s < e {
            layout.range_rects(s, e, band, &mut marks.selection);
        }
        if doc.caret_mode {
            marks.caret = layout.caret_rect(sel.head);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(start: usize, end: usize) -> Annotation {
        Annotation {
            id: format!("{start}-{end}"),
            document_id: 1,
            start,
            end,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            color: 1,
            note: String::new(),
            tags: vec![],
            created: String::new(),
            modified: String::new(),
            status: AnchorStatus::Anchored,
        }
    }

    #[test]
    fn nested_and_overlapping_annotations_get_deeper_bands() {
        let list = [a(0, 10), a(2, 5), a(3, 4), a(6, 12), a(20, 22)];
        let refs: Vec<&Annotation> = list.iter().collect();
        assert_eq!(depths(&refs), vec![0, 1, 2, 1, 0]);
    }
}
