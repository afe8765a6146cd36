//! The library on disk: documents, annotations, tags, the colour codebook, reading
//! positions and settings, in one SQLite file. All SQL in pizhu lives under this module.
//!
//! Every mutating call is one `BEGIN IMMEDIATE` transaction, committed before it returns,
//! so what the UI shows as saved survives SIGKILL. Several processes may share one file:
//! WAL lets readers run beside a writer, `busy_timeout` waits for the write lock, and a
//! retry loop covers the cases SQLite reports as busy without waiting.

mod annotation_calls;
mod annotations;
mod corrections;
mod document_calls;
mod document_writes;
mod documents;
mod error;
mod failure;
pub mod identity;
mod open;
mod outline_json;
pub mod schema;
mod setting_calls;
mod settings;
mod sources;
mod summaries;
mod types;

use std::path::PathBuf;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use corrections::StoredCorrection;
pub(crate) use document_writes::Documents;
pub(crate) use documents::{Content, Source, StoredAnchor};
pub use error::StoreError;
use failure::retry_busy;
pub(crate) use failure::Failure;
pub use settings::DEFAULT_COLOR_NAMES;
pub use types::{
    AnnotationEdit, DocId, DocumentSummary, ImportOutcome, NewAnnotation, ReadingPosition,
    StoredDocument,
};

/// The library. One connection; cheap calls; not shared between threads.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The path as shown in messages, or ":memory:".
    label: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("db", &self.label).finish()
    }
}

impl Store {
    /// Run `work` in one write transaction, retried as a whole while the database is busy.
    fn write<T>(
        &mut self,
        mut work: impl FnMut(&Transaction) -> Result<T, Failure>,
    ) -> Result<T, StoreError> {
        let conn = &mut self.conn;
        retry_busy(|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .map_err(|e| e.into_store_error(&self.label))
    }

    /// Run `work` in one read transaction, so several queries see one snapshot.
    fn read<T>(
        &self,
        mut work: impl FnMut(&Connection) -> Result<T, Failure>,
    ) -> Result<T, StoreError> {
        retry_busy(|| {
            let tx = self.conn.unchecked_transaction()?;
            work(&tx)
        })
        .map_err(|e| e.into_store_error(&self.label))
    }

    /// Run `work` on the documents in one write transaction (retried as a whole while
    /// the database is busy). For `crate::library`, which decides what an import or a
    /// reflow does; the store only runs the SQL.
    pub(crate) fn write_documents<T>(
        &mut self,
        mut work: impl FnMut(&Documents) -> Result<T, Failure>,
    ) -> Result<T, StoreError> {
        self.write(|tx| work(&Documents { tx }))
    }
}

/// sha256 hex of the decoded source text: the identity of a document's content.
pub fn content_hash(source_text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(source_text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
