//! Opening a library file: checked before anything is written, backed up before a
//! migration, configured for several processes (WAL, busy timeout).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::failure::{retry_busy, BUSY_TIMEOUT};
use super::{identity, schema, Failure, Store, StoreError};

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
