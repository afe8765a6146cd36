//! Is this file a pizhu library? Decided read-only, before anything writes to it.
//!
//! Opening a database read-write and setting `journal_mode = WAL` already rewrites its header,
//! so a file that is not ours (another program's SQLite file, a damaged file, a library from
//! a newer pizhu) must be refused before that. Our files carry [`APPLICATION_ID`] in the
//! header; libraries written before it was set have id 0 and pizhu's tables.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::schema::SCHEMA_VERSION;

/// `PRAGMA application_id` of a pizhu library: "PZHU" in ASCII.
pub const APPLICATION_ID: i32 = 0x505A_4855;

/// What the file at a path is, as far as opening it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// No file, or an empty one: a new library may be created there.
    New,
    /// A pizhu library at this schema version (0 for an initialised but empty SQLite file).
    Ours { version: i64 },
}

/// Why a file is refused. The messages complete "cannot open the database PATH: ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("it is not an SQLite database (it may be damaged, or another kind of file); pizhu left it unchanged")]
    NotSqlite,
    #[error("it is damaged ({0}); pizhu left it unchanged")]
    Corrupt(String),
    #[error("it belongs to another program (application id {0:#010x}); pizhu left it unchanged. Pass another --db")]
    Foreign(i32),
    #[error("it is another program's SQLite database (tables: {0}); pizhu left it unchanged. Pass another --db")]
    ForeignTables(String),
    #[error("it has schema version {0}, which no pizhu ever wrote; pizhu left it unchanged")]
    BadVersion(i64),
    #[error("it has schema version {found}, newer than this pizhu understands ({SCHEMA_VERSION}); update pizhu or pass another --db. pizhu left it unchanged")]
    Newer { found: i64 },
    #[error("{0}")]
    Io(String),
}

/// Versions past this are not "newer", they are nonsense.
const MAX_PLAUSIBLE_VERSION: i64 = 1000;

/// Look at the file at `path` without writing to it (nor creating `-wal` / `-shm` files where
/// none exist: the check opens the file `immutable`, safe because it only reads the header,
/// `PRAGMA`s and the schema table, which a concurrent pizhu only ever changes by migrating).
pub fn identify(path: &Path) -> Result<Identity, Refusal> {
    // An immutable read takes no locks, so it can see a page torn by another pizhu's
    // checkpoint at that moment: a damaged-looking file is looked at again before refusing.
    let mut tries = 0;
    loop {
        match identify_once(path) {
            Err(Refusal::Corrupt(_) | Refusal::NotSqlite) if tries < 3 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(30));
            }
            result => return result,
        }
    }
}

fn identify_once(path: &Path) -> Result<Identity, Refusal> {
    let mut header = [0u8; 16];
    let read = match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Identity::New),
        Err(e) => return Err(Refusal::Io(e.to_string())),
        Ok(mut f) => read_up_to(&mut f, &mut header).map_err(|e| Refusal::Io(e.to_string()))?,
    };
    if read == 0 {
        return Ok(Identity::New);
    }
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(Refusal::NotSqlite);
    }
    let conn = open_read_only(path, true).map_err(classify)?;
    let (app_id, version, tables) = read_identity(&conn).map_err(classify)?;
    check(app_id, version, &tables).map(|version| Identity::Ours { version })
}

/// The refusal, if any, for these header values and table names; else the version.
fn check(app_id: i32, version: i64, tables: &[String]) -> Result<i64, Refusal> {
    if app_id != APPLICATION_ID && app_id != 0 {
        return Err(Refusal::Foreign(app_id));
    }
    if !(0..=MAX_PLAUSIBLE_VERSION).contains(&version) {
        return Err(Refusal::BadVersion(version));
    }
    if version > SCHEMA_VERSION {
        return Err(Refusal::Newer { found: version });
    }
    if app_id == APPLICATION_ID && version == 0 && !tables.is_empty() {
        // Our tables without a version: the version was reset, not never set.
        return Err(Refusal::BadVersion(0));
    }
    if app_id == 0 {
        // Written before pizhu set an application id: pizhu's tables, or none at all.
        let ours =
            tables.iter().any(|t| t == "documents") && tables.iter().any(|t| t == "annotations");
        let empty = tables.is_empty() && version == 0;
        let known = empty || (ours && version >= 1);
        if !known {
            let mut names = tables.join(", ");
            if names.is_empty() {
                names = "none".into();
            }
            if names.chars().count() > 80 {
                names = names.chars().take(80).collect::<String>() + "…";
            }
            return Err(Refusal::ForeignTables(names));
        }
    }
    Ok(version)
}

/// A read-only connection. `immutable` also avoids creating `-shm` files (for a check, or a
/// library in a read-only folder).
pub fn open_read_only(path: &Path, immutable: bool) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if immutable {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
}

/// `path` percent-encoded for a `file:` URI.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn read_identity(conn: &Connection) -> rusqlite::Result<(i32, i64, Vec<String>)> {
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?;
    let tables = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((app_id, version, tables))
}

fn classify(e: rusqlite::Error) -> Refusal {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Refusal::NotSqlite,
        Some(ErrorCode::DatabaseCorrupt) => Refusal::Corrupt(e.to_string()),
        _ => Refusal::Io(e.to_string()),
    }
}

fn read_up_to(f: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn our_files_and_pre_id_libraries_pass() {
        let ours = names(&["annotation_tags", "annotations", "documents", "tags"]);
        assert_eq!(
            check(APPLICATION_ID, SCHEMA_VERSION, &ours),
            Ok(SCHEMA_VERSION)
        );
        assert_eq!(check(0, 1, &ours), Ok(1));
        assert_eq!(check(0, 0, &[]), Ok(0));
        assert_eq!(check(APPLICATION_ID, 0, &[]), Ok(0));
        assert_eq!(check(APPLICATION_ID, 0, &ours), Err(Refusal::BadVersion(0)));
    }

    #[test]
    fn foreign_newer_negative_and_absurd_versions_are_refused() {
        assert_eq!(check(0x1234, 1, &[]), Err(Refusal::Foreign(0x1234)));
        assert_eq!(
            check(0, 0, &names(&["moz_places"])),
            Err(Refusal::ForeignTables("moz_places".into()))
        );
        assert_eq!(
            check(0, 1, &names(&["moz_places"])),
            Err(Refusal::ForeignTables("moz_places".into()))
        );
        assert_eq!(check(APPLICATION_ID, -1, &[]), Err(Refusal::BadVersion(-1)));
        assert_eq!(
            check(APPLICATION_ID, 1 << 40, &[]),
            Err(Refusal::BadVersion(1 << 40))
        );
        assert_eq!(
            check(APPLICATION_ID, SCHEMA_VERSION + 1, &[]),
            Err(Refusal::Newer {
                found: SCHEMA_VERSION + 1
            })
        );
    }

    #[test]
    fn uri_paths_escape_what_a_uri_would_misread() {
        assert!(uri_path(Path::new("/tmp/a b?c#d%.db")).ends_with("/tmp/a%20b%3Fc%23d%25.db"));
    }
}
