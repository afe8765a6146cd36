//! A database pizhu refuses is never changed (issue 16.4): foreign SQLite files, damaged
//! files, libraries of a newer, negative or absurd schema version. Each is refused with a
//! message naming the file and the reason, and its bytes (sha256) are the same afterwards,
//! with no `-wal` or `-shm` file left beside it. Our own files carry an application id, and a
//! migration first leaves a backup copy.

use std::path::{Path, PathBuf};

use pizhu::store::identity::APPLICATION_ID;
use pizhu::store::schema::SCHEMA_VERSION;
use pizhu::store::Store;
use sha2::{Digest, Sha256};

fn hash(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

fn sqlite_file(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    path
}

/// Refused by both opens, message naming the file and containing `reason`, bytes unchanged.
fn assert_refused_unchanged(path: &Path, reason: &str) {
    let before = hash(path);
    for (how, result) in [
        ("open", Store::open(path)),
        ("open_read_only", Store::open_read_only(path)),
    ] {
        let err = result.expect_err(how).to_string();
        assert!(err.contains(&path.display().to_string()), "{how}: {err}");
        assert!(err.contains(reason), "{how}: {err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }
    assert_eq!(hash(path), before, "{} was changed", path.display());
    for extra in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(extra);
        assert!(
            !Path::new(&p).exists(),
            "{extra} created beside {}",
            path.display()
        );
    }
}

#[test]
fn foreign_sqlite_files_are_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let other_app = sqlite_file(
        dir.path(),
        "places.sqlite",
        "CREATE TABLE moz_places (url TEXT); PRAGMA application_id = 1234;",
    );
    assert_refused_unchanged(&other_app, "belongs to another program");
    let no_id = sqlite_file(dir.path(), "notes.db", "CREATE TABLE notes (body TEXT);");
    assert_refused_unchanged(&no_id, "another program's SQLite database (tables: notes)");
    // Even with a user_version pizhu once used.
    let versioned = sqlite_file(
        dir.path(),
        "v1-lookalike.db",
        "CREATE TABLE notes (body TEXT); PRAGMA user_version = 1;",
    );
    assert_refused_unchanged(&versioned, "tables: notes");
}

#[test]
fn damaged_and_non_sqlite_files_are_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("page.txt");
    std::fs::write(&text, "这不是数据库").unwrap();
    assert_refused_unchanged(&text, "not an SQLite database");

    // A real library with its pages scrambled after the header.
    let lib = dir.path().join("damaged.sqlite3");
    drop(Store::open(&lib).unwrap());
    let mut bytes = std::fs::read(&lib).unwrap();
    for b in bytes.iter_mut().skip(100) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(&lib, &bytes).unwrap();
    assert_refused_unchanged(&lib, "pizhu left it unchanged");

    // Truncated to a header's worth.
    let short = dir.path().join("short.sqlite3");
    std::fs::write(&short, &bytes[..20]).unwrap();
    assert_refused_unchanged(&short, "pizhu left it unchanged");
}

#[test]
fn newer_negative_and_absurd_versions_are_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let lib = |name: &str, version: i64| {
        let path = dir.path().join(name);
        drop(Store::open(&path).unwrap());
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        path
    };
    assert_refused_unchanged(
        &lib("newer.sqlite3", SCHEMA_VERSION + 1),
        &format!(
            "schema version {}, newer than this pizhu",
            SCHEMA_VERSION + 1
        ),
    );
    assert_refused_unchanged(
        &lib("negative.sqlite3", -3),
        "schema version -3, which no pizhu ever wrote",
    );
    // user_version is a 32-bit integer in the file header.
    assert_refused_unchanged(
        &lib("absurd.sqlite3", i32::MAX.into()),
        &format!("schema version {}, which no pizhu ever wrote", i32::MAX),
    );
    assert_refused_unchanged(
        &lib("reset.sqlite3", 0),
        "schema version 0, which no pizhu ever wrote",
    );
}

#[test]
fn new_libraries_carry_the_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
}

#[test]
fn a_migration_leaves_a_backup_of_the_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let sql = std::fs::read_to_string("tests/fixtures/db/v1.sql").unwrap();
    let path = sqlite_file(dir.path(), "old.sqlite3", &sql);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.annotations(None).unwrap().len(), 3);
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("old.sqlite3.v1-") && p.to_string_lossy().ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let copy = rusqlite::Connection::open(&backups[0]).unwrap();
    let (version, annotations): (i64, i64) = copy
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM annotations)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((version, annotations), (1, 3));
}

#[test]
fn reading_commands_open_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    // A missing library reads as empty and is not created.
    let missing = dir.path().join("missing.sqlite3");
    assert!(Store::open_read_only(&missing)
        .unwrap()
        .documents()
        .unwrap()
        .is_empty());
    assert!(!missing.exists());
    // An existing one in a folder that cannot be written.
    let path = dir.path().join("ro").join("lib.sqlite3");
    drop(Store::open(&path).unwrap());
    let before = hash(&path);
    let folder = path.parent().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = Store::open_read_only(&path).and_then(|s| s.documents());
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(result.unwrap().is_empty());
    assert_eq!(hash(&path), before);
}
