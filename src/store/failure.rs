//! What can go wrong inside a transaction, and retrying while another process holds the
//! write lock.

use std::time::{Duration, Instant};

use rusqlite::ErrorCode;

use super::{schema, StoreError};

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
    pub(super) fn is_busy(&self) -> bool {
        matches!(self, Failure::Sql(e)
            if matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)))
    }

    pub(super) fn into_store_error(self, db: &str) -> StoreError {
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
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Run `attempt` again while SQLite reports the database busy or locked.
pub(super) fn retry_busy<T>(mut attempt: impl FnMut() -> Result<T, Failure>) -> Result<T, Failure> {
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
