//! The corrections of each document's structure (issue 13), in the order they were
//! made. Each row holds one `core::corrections::Correction` as JSON; what they do is
//! decided in `crate::library`, which reads and writes them inside its transactions.

use rusqlite::{params, Connection, OptionalExtension};

use super::{DocId, Failure};
use crate::core::corrections::Correction;

/// One stored correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCorrection {
    pub id: i64,
    pub document_id: DocId,
    /// Order of application within the document (gaps allowed).
    pub position: i64,
    pub correction: Correction,
    /// RFC 3339, UTC.
    pub created: String,
}

fn parse(id: i64, json: &str) -> Result<Correction, Failure> {
    serde_json::from_str(json).map_err(|e| Failure::Corrupt {
        what: format!("correction {id}"),
        detail: e.to_string(),
    })
}

pub fn list(c: &Connection, doc: DocId) -> Result<Vec<StoredCorrection>, Failure> {
    let mut stmt = c.prepare(
        "SELECT id, position, op_json, created FROM corrections
         WHERE document_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([doc], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, position, json, created) = row?;
        out.push(StoredCorrection {
            id,
            document_id: doc,
            position,
            correction: parse(id, &json)?,
            created,
        });
    }
    Ok(out)
}

/// Append a correction after the document's others.
pub fn add(
    tx: &Connection,
    doc: DocId,
    correction: &Correction,
    now: &str,
) -> Result<StoredCorrection, Failure> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM corrections WHERE document_id = ?1",
        [doc],
        |r| r.get(0),
    )?;
    let stored = StoredCorrection {
        id: 0,
        document_id: doc,
        position,
        correction: correction.clone(),
        created: now.to_string(),
    };
    put(tx, &stored)?;
    Ok(StoredCorrection {
        id: tx.last_insert_rowid(),
        ..stored
    })
}

/// Insert a whole record as given (redo puts back what undo removed; id 0 = new id).
pub fn put(tx: &Connection, c: &StoredCorrection) -> Result<(), Failure> {
    let json = serde_json::to_string(&c.correction).map_err(|e| Failure::Corrupt {
        what: "a correction to store".into(),
        detail: e.to_string(),
    })?;
    let id = (c.id != 0).then_some(c.id);
    tx.execute(
        "INSERT INTO corrections (id, document_id, position, op_json, created)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, c.document_id, c.position, json, c.created],
    )?;
    Ok(())
}

/// Remove one correction; returns it, or `None` if there was none with that id.
pub fn delete(tx: &Connection, id: i64) -> Result<Option<StoredCorrection>, Failure> {
    let row = tx
        .query_row(
            "SELECT document_id, position, op_json, created FROM corrections WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, DocId>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((document_id, position, json, created)) = row else {
        return Ok(None);
    };
    tx.execute("DELETE FROM corrections WHERE id = ?1", [id])?;
    Ok(Some(StoredCorrection {
        id,
        document_id,
        position,
        correction: parse(id, &json)?,
        created,
    }))
}

pub fn document_of(c: &Connection, id: i64) -> Result<Option<DocId>, Failure> {
    Ok(c.query_row(
        "SELECT document_id FROM corrections WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?)
}
