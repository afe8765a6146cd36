//! What can go wrong in the store. Every message names the database, the document or
//! the value at fault, so a user reading it on a status line knows what to fix.

use std::path::PathBuf;

use super::DocId;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot find a data directory for pizhu; pass --db PATH or set PIZHU_DB")]
    NoDataDir,
    #[error("cannot create the folder {} for the database: {source}", .path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {db}: {source}")]
    Open { db: String, source: rusqlite::Error },
    #[error("cannot open the database {db}: {reason}")]
    Refused {
        db: String,
        reason: super::identity::Refusal,
    },
    #[error("database {db}: {source}")]
    Sqlite { db: String, source: rusqlite::Error },
    #[error(
        "database {db} has schema version {found}, newer than this pizhu understands ({supported}); \
         update pizhu or pass another --db"
    )]
    NewerSchema {
        db: String,
        found: i64,
        supported: i64,
    },
    #[error("no document {0} in the library")]
    NoDocument(DocId),
    #[error("no annotation {0}")]
    NoAnnotation(String),
    #[error("offsets {start}..{end} are inverted (start must be before end)")]
    InvertedOffsets { start: usize, end: usize },
    #[error("offsets {start}..{end} select no text")]
    EmptyRange { start: usize, end: usize },
    #[error("offset {offset} is past the end of document {document} ({chars} characters)")]
    PastEnd {
        offset: usize,
        document: DocId,
        chars: usize,
    },
    #[error("document {document}: {reason}")]
    Unfit { document: DocId, reason: String },
    #[error("colour {0} is not one of 1–6")]
    BadColor(u8),
    #[error("tag {0:?} is empty; a tag needs at least one visible character")]
    EmptyTag(String),
    #[error(transparent)]
    Tag(crate::core::annotation::TagError),
    #[error("the name of colour {0} is empty")]
    EmptyColorName(u8),
    #[error("reading position of document {document} has a bad scroll value {scroll}")]
    BadScroll { document: DocId, scroll: f32 },
    #[error("database {db}: {what} is unreadable: {detail}")]
    Corrupt {
        db: String,
        what: String,
        detail: String,
    },
}
