//! The schema, as numbered migrations tracked in `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes a database from version `i` to `i + 1`. A migration that has
//! shipped is frozen: never edit it, add the next one. When you add version N+1, dump a
//! database of version N with a little data into `tests/fixtures/db/vN.sql` so the
//! upgrade test keeps proving every earlier version still opens.

use rusqlite::{Connection, TransactionBehavior};

use super::identity::APPLICATION_ID;
use super::Failure;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub const MIGRATIONS: &[&str] = &[
    // v1: documents, annotations, tags.
    "
    CREATE TABLE documents (
        id             INTEGER PRIMARY KEY,
        source_path    TEXT    NOT NULL,
        content_hash   TEXT    NOT NULL UNIQUE,
        imported_at    TEXT    NOT NULL,
        encoding       TEXT    NOT NULL,
        reflow_version INTEGER NOT NULL,
        title          TEXT,
        article_count  INTEGER NOT NULL,
        char_count     INTEGER NOT NULL,
        reading_text   TEXT    NOT NULL,
        outline_json   TEXT    NOT NULL,
        source_text    TEXT    NOT NULL
    );
    CREATE INDEX documents_by_source_path ON documents(source_path);

    CREATE TABLE annotations (
        id          TEXT    PRIMARY KEY NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_char  INTEGER NOT NULL CHECK (start_char >= 0),
        end_char    INTEGER NOT NULL CHECK (end_char >= start_char),
        quote       TEXT    NOT NULL,
        prefix      TEXT    NOT NULL,
        suffix      TEXT    NOT NULL,
        color       INTEGER NOT NULL CHECK (color BETWEEN 1 AND 6),
        note        TEXT    NOT NULL DEFAULT '',
        created     TEXT    NOT NULL,
        modified    TEXT    NOT NULL
    );
    CREATE INDEX annotations_in_reading_order ON annotations(document_id, start_char, end_char);

    CREATE TABLE tags (
        id   INTEGER PRIMARY KEY,
        name TEXT    NOT NULL UNIQUE
    );
    CREATE TABLE annotation_tags (
        annotation_id TEXT    NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag_id);
    ",
    // v2: anchoring status (re-anchoring after a text change), the colour codebook,
    // reading positions and key/value settings.
    "
    ALTER TABLE annotations ADD COLUMN status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (status IN ('anchored', 'check', 'orphan'));

    CREATE TABLE color_names (
        color INTEGER PRIMARY KEY CHECK (color BETWEEN 1 AND 6),
        name  TEXT    NOT NULL
    );
    INSERT INTO color_names (color, name) VALUES
        (1, '重要'), (2, '存疑'), (3, '观点'), (4, '数据'), (5, '人物'), (6, '其他');

    CREATE TABLE reading_positions (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        article     INTEGER NOT NULL,
        section     INTEGER NOT NULL,
        scroll      REAL    NOT NULL,
        updated     TEXT    NOT NULL
    );

    CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    ",
    // v3: outlines keep offsets and flags, not the text of every paragraph (three copies
    // of each text became two: the source and the reading text). A data change only:
    // `rewrite_data` strips the texts from the stored JSON.
    "-- v3: outline_json without paragraph text (see rewrite_data)",
    // v4 (issue 14): where each document was printed, as a researcher cites it; detected on
    // import, edited by the user, kept when a re-import replaces the document's text.
    // A document without a row has not been detected yet (`library::fill_missing_sources`).
    "
    CREATE TABLE document_sources (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        paper       TEXT,
        date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        page        INTEGER CHECK (page IS NULL OR page > 0),
        page_name   TEXT
    );
    ",
    // v5 (issue 13): the reader's corrections of a document's structure, in the order
    // they were made, each a JSON `core::corrections::Correction` anchored to the source
    // text. The reading text and outline are recomputed from source + reflow + these.
    "
    CREATE TABLE corrections (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        op_json     TEXT    NOT NULL,
        created     TEXT    NOT NULL,
        UNIQUE (document_id, position)
    );
    ",
    // v6 (issue 14): the name the user gave a document in the library. NULL shows the
    // first article's title (the `title` column, which every re-import rewrites); a name
    // is the user's and survives re-imports and reflows.
    "
    ALTER TABLE documents ADD COLUMN name TEXT;
    ",
];

/// What a migration does that SQL cannot: run after `MIGRATIONS[from]`, in its transaction.
fn rewrite_data(tx: &Connection, from: usize) -> rusqlite::Result<()> {
    if from != 2 {
        return Ok(());
    }
    let rows: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, outline_json FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, json) in rows {
        // A row that is not JSON stays as it is; reading it reports it as corrupt.
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&json) else {
            continue;
        };
        super::outline_json::strip_texts(&mut value);
        tx.execute(
            "UPDATE documents SET outline_json = ?2 WHERE id = ?1",
            rusqlite::params![id, value.to_string()],
        )?;
    }
    Ok(())
}

/// Why a database cannot be brought to `SCHEMA_VERSION`.
pub enum MigrateError {
    Newer(i64),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}

impl From<MigrateError> for Failure {
    fn from(e: MigrateError) -> Self {
        match e {
            MigrateError::Sql(e) => Failure::Sql(e),
            MigrateError::Newer(found) => Failure::NewerSchema(found),
        }
    }
}

/// Bring the database up to `SCHEMA_VERSION`, all in one write transaction so a second
/// process opening the same fresh file waits and then finds the work done.
/// Also marks the file as a pizhu library (`PRAGMA application_id`), so that a later open
/// can tell it from another program's database before writing anything.
pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let version = user_version(conn)?;
    if version == SCHEMA_VERSION && application_id(conn)? == APPLICATION_ID {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let version = user_version(&tx)?;
    if !(0..=SCHEMA_VERSION).contains(&version) {
        return Err(MigrateError::Newer(version));
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        rewrite_data(&tx, from)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)?;
    }
    if application_id(&tx)? != APPLICATION_ID {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    tx.commit()?;
    Ok(())
}

fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.query_row("PRAGMA application_id", [], |row| row.get(0))
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SQL that defines every table and index, in a stable order.
    fn schema_of(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(|r| r.unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    fn at_version(n: usize) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for (i, sql) in MIGRATIONS.iter().take(n).enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", i as i64 + 1)
                .unwrap();
        }
        conn
    }

    /// Guards the rule that shipped migrations are frozen: the fixture of each earlier
    /// version must have exactly the schema its migrations produce.
    #[test]
    fn frozen_fixtures_match_their_migrations() {
        let fixtures = [
            (1, include_str!("../../tests/fixtures/db/v1.sql")),
            (2, include_str!("../../tests/fixtures/db/v2.sql")),
            (3, include_str!("../../tests/fixtures/db/v3.sql")),
            (4, include_str!("../../tests/fixtures/db/v4.sql")),
            (5, include_str!("../../tests/fixtures/db/v5.sql")),
        ];
        assert_eq!(
            fixtures.len() as i64,
            SCHEMA_VERSION - 1,
            "add a fixture for each earlier version"
        );
        for (version, sql) in fixtures {
            let fixture = Connection::open_in_memory().unwrap();
            fixture.execute_batch(sql).unwrap();
            assert_eq!(user_version(&fixture).unwrap(), version);
            assert_eq!(
                schema_of(&fixture),
                schema_of(&at_version(version as usize)),
                "v{version}"
            );
        }
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert!(migrate(&mut conn).is_ok());
        assert!(migrate(&mut conn).is_ok());
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        assert_eq!(schema_of(&conn), schema_of(&at_version(MIGRATIONS.len())));
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(
            matches!(migrate(&mut conn), Err(MigrateError::Newer(v)) if v == SCHEMA_VERSION + 1)
        );
    }
}
