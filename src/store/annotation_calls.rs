//! The store's calls about annotations and tags. Each is one transaction.

use crate::core::annotation::Annotation;

use super::annotations;
use super::{AnnotationEdit, DocId, NewAnnotation, Store, StoreError};

impl Store {
    /// Validate the range against the document, quote it, and save it.
    pub fn add_annotation(&mut self, new: &NewAnnotation) -> Result<Annotation, StoreError> {
        let now = crate::timestamp::now();
        let id = uuid::Uuid::new_v4().to_string();
        self.write(|tx| annotations::add(tx, &id, new, &now))
    }

    pub fn update_annotation(
        &mut self,
        id: &str,
        edit: &AnnotationEdit,
    ) -> Result<Annotation, StoreError> {
        let now = crate::timestamp::now();
        self.write(|tx| annotations::update(tx, id, edit, &now))
    }

    /// Returns what was deleted, so the caller can undo with `put_annotation`.
    pub fn delete_annotation(&mut self, id: &str) -> Result<Annotation, StoreError> {
        self.write(|tx| annotations::delete(tx, id))
    }

    /// Insert or replace a whole record as given (undo, import of annotations).
    pub fn put_annotation(&mut self, a: &Annotation) -> Result<(), StoreError> {
        self.write(|tx| annotations::put(tx, a))
    }

    /// Insert or replace many whole records in one transaction: all land or none
    /// (import of an annotation file).
    pub fn put_annotations(&mut self, all: &[Annotation]) -> Result<(), StoreError> {
        self.write(|tx| all.iter().try_for_each(|a| annotations::put(tx, a)))
    }

    pub fn annotation(&self, id: &str) -> Result<Option<Annotation>, StoreError> {
        self.read(|c| annotations::by_id(c, id))
    }

    /// Annotations of one document (or all) in reading order: document, start, end.
    pub fn annotations(&self, doc: Option<DocId>) -> Result<Vec<Annotation>, StoreError> {
        self.read(|c| annotations::list(c, doc))
    }

    /// Every tag in use, sorted.
    pub fn tags(&self) -> Result<Vec<String>, StoreError> {
        self.read(annotations::tags)
    }
}
