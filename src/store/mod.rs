//! The library on disk: documents, annotations, tags, the colour codebook, reading
//! positions and settings, in one SQLite file. All SQL in pizhu lives under this module.
//!
//! Every mutating call is one `BEGIN IMMEDIATE` transaction, committed before it returns,
//! so what the UI shows as saved survives SIGKILL. Several processes may share one file:
//! WAL lets readers run beside a writer, `busy_timeout` waits for the write lock, and a
//! retry loop covers the cases SQLite reports as busy without waiting.

mod annotations;
mod corrections;
mod documents;
mod error;
pub mod identity;
mod outline_json;
pub mod schema;
mod settings;
mod sources;
mod types;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::core::annotation::{AnchorStatus, Annotation};
use crate::core::search::{Corpus, CorpusDocument};
use crate::core::source::SourceMeta;

pub use corrections::StoredCorrection;
pub(crate) use documents::{Content, Source, StoredAnchor};
pub use error::StoreError;
pub use settings::DEFAULT_COLOR_NAMES;
pub use types::{
    AnnotationEdit, DocId, DocumentSummary, ImportOutcome, NewAnnotation, ReadingPosition,
    StoredDocument,
};

/// Failures inside a transaction; `Store` adds the database name when it reports them.
#[derive(Debug)]
pub(crate) enum Failure {
    Sql(rusqlite::Error),
    Corrupt { what: String, detail: String },
    NewerSchema(i64),
    Store(StoreError),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Failure {
    fn is_busy(&self) -> bool {
        matches!(self, Failure::Sql(e)
            if matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)))
    }

    fn into_store_error(self, db: &str) -> StoreError {
        let db = db.to_string();
        match self {
            Failure::Sql(source) => StoreError::Sqlite { db, source },
            Failure::Corrupt { what, detail } => StoreError::Corrupt { db, what, detail },
            Failure::NewerSchema(found) => StoreError::NewerSchema {
                db,
                found,
                supported: schema::SCHEMA_VERSION,
            },
            Failure::Store(e) => e,
        }
    }
}

/// How long a write keeps retrying after SQLite said busy (on top of `busy_timeout`).
const RETRY_FOR: Duration = Duration::from_secs(30);
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Run `attempt` again while SQLite reports the database busy or locked.
fn retry_busy<T>(mut attempt: impl FnMut() -> Result<T, Failure>) -> Result<T, Failure> {
    let deadline = Instant::now() + RETRY_FOR;
    let mut pause = Duration::from_millis(2);
    loop {
        match attempt() {
            Err(e) if e.is_busy() && Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

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
    /// Open (creating it and its folder if needed) and migrate the database at `path`.
    ///
    /// The file is first checked read-only (see [`identity`]): another program's SQLite
    /// file, a damaged file, or a library of a newer or impossible schema version is
    /// refused with a message and left byte for byte as it was. Before a migration, the
    /// library is copied (`VACUUM INTO`) to `<file>.v<N>-<unix time>.bak` beside it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        let refused = |reason| StoreError::Refused {
            db: label.clone(),
            reason,
        };
        let found = identity::identify(path).map_err(refused)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            db: label.clone(),
            source,
        })?;
        let backup_from = match found {
            identity::Identity::Ours { version }
                if (1..schema::SCHEMA_VERSION).contains(&version) =>
            {
                Some(version)
            }
            _ => None,
        };
        if let Some(version) = backup_from {
            backup(&conn, path, version).map_err(|source| StoreError::Sqlite {
                db: label.clone(),
                source,
            })?;
        }
        Store::configure(conn, Some(path.to_path_buf()), label, true)
    }

    /// Open the library at `path` for a command that only reads: nothing is created or
    /// written, so it works in a read-only folder or on a full disk. A missing library reads
    /// as an empty one; a library that needs a migration is opened as [`Store::open`] does.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        let found = identity::identify(path).map_err(|reason| StoreError::Refused {
            db: label.clone(),
            reason,
        })?;
        match found {
            identity::Identity::New => {
                let mut store = Store::open_in_memory()?;
                store.label = label;
                Ok(store)
            }
            identity::Identity::Ours { version } if version != schema::SCHEMA_VERSION => {
                Store::open(path)
            }
            identity::Identity::Ours { .. } => {
                // A read-only folder cannot hold the `-shm` file WAL readers need; the file
                // is then read as immutable (nothing can write it there either).
                let conn = identity::open_read_only(path, false)
                    .and_then(|c| {
                        c.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
                            .map(|_| c)
                    })
                    .or_else(|_| identity::open_read_only(path, true))
                    .map_err(|source| StoreError::Open {
                        db: label.clone(),
                        source,
                    })?;
                conn.busy_timeout(BUSY_TIMEOUT)
                    .map_err(|source| StoreError::Sqlite {
                        db: label.clone(),
                        source,
                    })?;
                Ok(Store {
                    conn,
                    path: Some(path.to_path_buf()),
                    label,
                })
            }
        }
    }

    /// Whether some document was reflowed by an older build (reading it again would write).
    pub fn has_stale_documents(&self) -> Result<bool, StoreError> {
        let version = crate::core::reflow::REFLOW_VERSION;
        Ok(!self.read(|c| documents::stale_ids(c, version))?.is_empty())
    }

    /// A private database that vanishes with the value (tests, previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let label = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            db: label.clone(),
            source,
        })?;
        Store::configure(conn, None, label, false)
    }

    fn configure(
        mut conn: Connection,
        path: Option<PathBuf>,
        label: String,
        on_disk: bool,
    ) -> Result<Store, StoreError> {
        let setup = |conn: &mut Connection| -> Result<(), Failure> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            conn.pragma_update(None, "foreign_keys", true)?;
            if on_disk {
                let mode: String = retry_busy(|| {
                    Ok(conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?)
                })?;
                if !mode.eq_ignore_ascii_case("wal") {
                    // Some network file systems cannot share WAL memory; the rollback
                    // journal still gives transactions and busy waiting, only slower.
                    tracing::warn!("database {label}: journal mode {mode}, not WAL");
                }
                // FULL: a commit is on disk (WAL fsync) before the call returns, so a
                // power cut keeps it too, not only a killed process.
                conn.pragma_update(None, "synchronous", "FULL")?;
            }
            retry_busy(|| Ok(schema::migrate(conn)?))
        };
        match setup(&mut conn) {
            Ok(()) => Ok(Store { conn, path, label }),
            Err(e) => Err(e.into_store_error(&label)),
        }
    }

    /// `$XDG_DATA_HOME/pizhu/pizhu.sqlite3` on Linux (the platform's data dir elsewhere).
    pub fn default_path() -> Result<PathBuf, StoreError> {
        let dirs = directories::ProjectDirs::from("", "", "pizhu").ok_or(StoreError::NoDataDir)?;
        Ok(dirs.data_dir().join("pizhu.sqlite3"))
    }

    /// The database file, `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

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
        self.read(documents::summaries)
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
    /// text, outline and source, and every annotation.
    pub fn corpus(&self) -> Result<Corpus, StoreError> {
        self.read(|c| {
            let mut found = sources::all(c)?;
            let documents = documents::all(c)?
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

    /// The six colour names, colour 1 first.
    pub fn color_names(&self) -> Result<Vec<String>, StoreError> {
        self.read(settings::color_names)
    }

    pub fn set_color_name(&mut self, color: u8, name: &str) -> Result<(), StoreError> {
        self.write(|tx| settings::set_color_name(tx, color, name))
    }

    pub fn reading_position(&self, doc: DocId) -> Result<Option<ReadingPosition>, StoreError> {
        self.read(|c| settings::reading_position(c, doc))
    }

    pub fn set_reading_position(
        &mut self,
        doc: DocId,
        pos: &ReadingPosition,
    ) -> Result<(), StoreError> {
        let now = crate::timestamp::now();
        self.write(|tx| settings::set_reading_position(tx, doc, pos, &now))
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| settings::setting(c, key))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(|tx| settings::set_setting(tx, key, value))
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of problems.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?.join("\n"))
        })
    }
}

/// The documents' SQL inside one write transaction (see [`Store::write_documents`]).
pub(crate) struct Documents<'t> {
    tx: &'t Transaction<'t>,
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

/// Copy the library to `<file>.v<version>-<unix time>.bak` before migrating it.
fn backup(conn: &Connection, path: &Path, version: i64) -> rusqlite::Result<()> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}-{secs}.bak"));
    let target = path.with_file_name(name);
    if target.exists() {
        return Ok(());
    }
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    tracing::info!(
        "backed up {} to {} before migrating",
        path.display(),
        target.display()
    );
    Ok(())
}

/// sha256 hex of the decoded source text: the identity of a document's content.
pub fn content_hash(source_text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(source_text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
