//! The store's calls about documents: listing, reading, sources, the search corpus,
//! removing. Each is one transaction.

use crate::core::search::{Corpus, CorpusDocument};
use crate::core::source::SourceMeta;

use super::{annotations, corrections, documents, sources, summaries};
use super::{DocId, DocumentSummary, Store, StoreError, StoredCorrection, StoredDocument};

impl Store {
    /// Whether some document was reflowed by an older build (reading it again would write).
    pub fn has_stale_documents(&self) -> Result<bool, StoreError> {
        let version = crate::core::reflow::REFLOW_VERSION;
        Ok(!self.read(|c| documents::stale_ids(c, version))?.is_empty())
    }

    /// Documents stored by a reflow older than `version`.
    pub fn stale_documents(&self, version: u32) -> Result<Vec<DocId>, StoreError> {
        self.read(|c| documents::stale_ids(c, version))
    }

    /// The text a document was made from (what corrections are anchored to).
    pub fn source_text(&self, id: DocId) -> Result<String, StoreError> {
        self.read(|c| {
            documents::source(c, id)?
                .map(|s| s.source_text)
                .ok_or(StoreError::NoDocument(id).into())
        })
    }

    /// A document's corrections in order of application.
    pub fn corrections(&self, doc: DocId) -> Result<Vec<StoredCorrection>, StoreError> {
        self.read(|c| corrections::list(c, doc))
    }

    /// All documents in import order.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        self.read(summaries::list)
    }

    pub fn document(&self, id: DocId) -> Result<StoredDocument, StoreError> {
        self.read(|c| documents::by_id(c, id)?.ok_or(StoreError::NoDocument(id).into()))
    }

    pub fn document_by_hash(&self, hash: &str) -> Result<Option<StoredDocument>, StoreError> {
        self.read(|c| documents::by_hash(c, hash))
    }

    /// Where document `id` was printed (empty when not known).
    pub fn source(&self, id: DocId) -> Result<SourceMeta, StoreError> {
        self.read(|c| {
            documents::exists(c, id)?;
            Ok(sources::get(c, id)?.unwrap_or_default())
        })
    }

    /// Set where document `id` was printed (the user's edit: it replaces what was there).
    pub fn set_source(&mut self, id: DocId, meta: &SourceMeta) -> Result<(), StoreError> {
        self.write(|tx| sources::set(tx, id, meta))
    }

    /// Documents whose source was never detected: id, source path, page furniture.
    pub fn undetected_sources(&self) -> Result<Vec<(DocId, String, Vec<String>)>, StoreError> {
        self.read(sources::undetected)
    }

    /// Store detected sources for documents that still have none, in one transaction.
    pub fn add_detected_sources(
        &mut self,
        found: &[(DocId, SourceMeta)],
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            for (id, meta) in found {
                sources::set_if_missing(tx, *id, meta)?;
            }
            Ok(())
        })
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.read(|c| Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?))
    }

    /// Everything search looks through, read in one snapshot: every document's reading
    /// text, outline (its paragraphs without their text, see `CorpusDocument`) and
    /// source, and every annotation.
    pub fn corpus(&self) -> Result<Corpus, StoreError> {
        self.read(|c| {
            let mut found = sources::all(c)?;
            let documents = documents::all_for_search(c)?
                .into_iter()
                .map(|d| {
                    let source = found.remove(&d.id).unwrap_or_default();
                    CorpusDocument::new(d.id, source, d.outline)
                })
                .collect();
            Ok(Corpus::new(documents, annotations::list(c, None)?))
        })
    }

    /// Remove a document with its annotations and reading position.
    pub fn delete_document(&mut self, id: DocId) -> Result<(), StoreError> {
        self.write(|tx| documents::delete(tx, id))
    }

    /// Give document `id` the name the user chose (`None`: its first article's title
    /// again). The name is kept by re-imports and reflows.
    pub fn rename_document(&mut self, id: DocId, name: Option<&str>) -> Result<(), StoreError> {
        self.write(|tx| summaries::rename(tx, id, name))
    }

    /// The path document `id` was imported from (what a re-import reads again).
    pub fn source_path(&self, id: DocId) -> Result<String, StoreError> {
        self.read(|c| summaries::source_path(c, id))
    }
}
