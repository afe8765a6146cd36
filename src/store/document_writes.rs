//! The documents' SQL inside one write transaction, for `crate::library` (see
//! [`Store::write_documents`](super::Store::write_documents)).

use rusqlite::Transaction;

use crate::core::annotation::AnchorStatus;
use crate::core::source::SourceMeta;

use super::{corrections, documents, sources};
use super::{Content, DocId, Failure, Source, StoredAnchor, StoredCorrection};

/// The documents' SQL inside one write transaction (see [`Store::write_documents`]).
pub(crate) struct Documents<'t> {
    pub(super) tx: &'t Transaction<'t>,
}

impl Documents<'_> {
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<(DocId, u32)>, Failure> {
        documents::find_by_hash(self.tx, hash)
    }
    pub fn find_by_path(&self, source_path: &str) -> Result<Option<DocId>, Failure> {
        documents::find_by_path(self.tx, source_path)
    }
    pub fn insert(&self, content: &Content, hash: &str, now: &str) -> Result<DocId, Failure> {
        documents::insert(self.tx, content, hash, now)
    }
    /// Returns the reading text the document had.
    pub fn update(
        &self,
        id: DocId,
        content: &Content,
        hash: &str,
        now: &str,
    ) -> Result<String, Failure> {
        documents::update(self.tx, id, content, hash, now)
    }
    pub fn anchors(&self, doc: DocId) -> Result<Vec<StoredAnchor>, Failure> {
        documents::anchors(self.tx, doc)
    }
    pub fn place_anchor(
        &self,
        id: &str,
        (start, end): (usize, usize),
        status: AnchorStatus,
        quote: Option<(&str, &str, &str)>,
    ) -> Result<(), Failure> {
        documents::place_anchor(self.tx, id, start, end, status, quote)
    }
    pub fn source(&self, id: DocId) -> Result<Option<Source>, Failure> {
        documents::source(self.tx, id)
    }
    /// Store a detected source unless the document has one (a re-import keeps it).
    pub fn set_source_if_missing(&self, id: DocId, meta: &SourceMeta) -> Result<bool, Failure> {
        sources::set_if_missing(self.tx, id, meta)
    }
    /// The document's corrections in order of application.
    pub fn corrections(&self, doc: DocId) -> Result<Vec<StoredCorrection>, Failure> {
        corrections::list(self.tx, doc)
    }
    pub fn add_correction(
        &self,
        doc: DocId,
        correction: &crate::core::corrections::Correction,
        now: &str,
    ) -> Result<StoredCorrection, Failure> {
        corrections::add(self.tx, doc, correction, now)
    }
    pub fn put_correction(&self, c: &StoredCorrection) -> Result<(), Failure> {
        corrections::put(self.tx, c)
    }
    pub fn delete_correction(&self, id: i64) -> Result<Option<StoredCorrection>, Failure> {
        corrections::delete(self.tx, id)
    }
    /// The document correction `id` belongs to.
    pub fn correction_document(&self, id: i64) -> Result<Option<DocId>, Failure> {
        corrections::document_of(self.tx, id)
    }
    /// The document's reading text as stored (what its annotations point into).
    pub fn reading_text(&self, doc: DocId) -> Result<String, Failure> {
        documents::reading_text(self.tx, doc)
    }
}
