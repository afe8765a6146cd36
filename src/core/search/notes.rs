//! The notes and tags of one document's annotations as one string, so a search scans
//! them with one `memmem` pass instead of one per field (100,000 annotations made the
//! per-field scans cost more than 20 MB of text).

use super::forms::Forms;
use super::HitKind;
use crate::core::annotation::Annotation;

/// Between fields. A query without it cannot match across two fields; a query with it is
/// searched field by field.
const SEPARATOR: char = '\0';

/// Where one note or tag sits in [`NotesText::text`] (bytes), and whose it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    pub start: usize,
    pub end: usize,
    /// Index into the document's annotations (in reading order).
    pub annotation: usize,
    pub kind: HitKind,
}

#[derive(Debug, Clone, Default)]
pub(super) struct NotesText {
    pub text: String,
    fields: Vec<Field>,
}

impl NotesText {
    /// Every non-empty note and tag, in order: each annotation's note, then its tags.
    pub fn new(annotations: &[Annotation]) -> NotesText {
        let mut n = NotesText::default();
        for (i, a) in annotations.iter().enumerate() {
            let fields = std::iter::once((HitKind::Note, a.note.as_str()))
                .chain(a.tags.iter().map(|t| (HitKind::Tag, t.as_str())));
            for (kind, field) in fields.filter(|(_, f)| !f.is_empty()) {
                if !n.text.is_empty() {
                    n.text.push(SEPARATOR);
                }
                let start = n.text.len();
                n.text.push_str(field);
                n.fields.push(Field {
                    start,
                    end: n.text.len(),
                    annotation: i,
                    kind,
                });
            }
        }
        n
    }

    /// Every match of the query's forms, in order, as (field, byte range in the field):
    /// leftmost and non-overlapping within each field.
    pub fn find(&self, forms: &Forms) -> Vec<(Field, usize, usize)> {
        if forms.contains(SEPARATOR) {
            return self
                .fields
                .iter()
                .flat_map(|f| {
                    forms
                        .find(&self.text.as_bytes()[f.start..f.end])
                        .into_iter()
                        .map(move |(b, e)| (*f, b, e))
                })
                .collect();
        }
        forms
            .find(self.text.as_bytes())
            .into_iter()
            .map(|(byte, end)| {
                let i = self.fields.partition_point(|f| f.start <= byte) - 1;
                let f = self.fields[i];
                (f, byte - f.start, end - f.start)
            })
            .collect()
    }
}
