//! Where each document was printed (issue 14): the `document_sources` row beside the
//! document. A document without a row has not been detected yet; a row with every field
//! empty is a document the user said nothing about (and stays so).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::{DocId, Failure, StoreError};
use crate::core::source::SourceMeta;

pub fn get(c: &Connection, id: DocId) -> Result<Option<SourceMeta>, Failure> {
    Ok(c.query_row(
        "SELECT paper, date, page, page_name FROM document_sources WHERE document_id = ?1",
        [id],
        row_to_meta,
    )
    .optional()?)
}

/// Every stored source, by document.
pub fn all(c: &Connection) -> Result<HashMap<DocId, SourceMeta>, Failure> {
    let mut stmt =
        c.prepare("SELECT paper, date, page, page_name, document_id FROM document_sources")?;
    let rows = stmt.query_map([], |r| Ok((r.get(4)?, row_to_meta(r)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn row_to_meta(r: &rusqlite::Row) -> rusqlite::Result<SourceMeta> {
    Ok(SourceMeta {
        paper: r.get(0)?,
        date: r.get(1)?,
        page: r.get(2)?,
        page_name: r.get(3)?,
    })
}

/// Insert or replace the source of document `id`.
pub fn set(tx: &Connection, id: DocId, meta: &SourceMeta) -> Result<(), Failure> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(StoreError::NoDocument(id).into());
    }
    tx.execute(
        "INSERT INTO document_sources (document_id, paper, date, page, page_name)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (document_id) DO UPDATE SET
             paper = excluded.paper, date = excluded.date, page = excluded.page,
             page_name = excluded.page_name",
        params![id, meta.paper, meta.date, meta.page, meta.page_name],
    )?;
    Ok(())
}

/// Store a detected source unless the document already has one (kept across re-imports).
pub fn set_if_missing(tx: &Connection, id: DocId, meta: &SourceMeta) -> Result<bool, Failure> {
    let added = tx.execute(
        "INSERT INTO document_sources (document_id, paper, date, page, page_name)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (document_id) DO NOTHING",
        params![id, meta.paper, meta.date, meta.page, meta.page_name],
    )?;
    Ok(added > 0)
}

/// Documents with no source row: their path and page furniture, to detect from.
pub fn undetected(c: &Connection) -> Result<Vec<(DocId, String, Vec<String>)>, Failure> {
    let mut stmt = c.prepare(
        "SELECT d.id, d.source_path, d.outline_json FROM documents d
         WHERE NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id)
         ORDER BY d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, DocId>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, path, json) = row?;
        // Only the furniture is needed; a corrupt outline just gives none.
        let furniture = serde_json::from_str::<serde_json::Value>(&json)
            .ok()
            .and_then(|v| {
                serde_json::from_value::<Vec<String>>(v.get("page_furniture")?.clone()).ok()
            })
            .unwrap_or_default();
        out.push((id, path, furniture));
    }
    Ok(out)
}
