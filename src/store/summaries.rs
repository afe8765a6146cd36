//! The library list: one summary per document (its name, counts, source), and the name
//! the user gives a document.

use rusqlite::Connection;

use super::{DocId, DocumentSummary, Failure, StoreError};
use crate::core::source::SourceMeta;

/// Every document in import order, named by the user's name, else its first article's
/// title, else its file name.
pub fn list(c: &Connection) -> Result<Vec<DocumentSummary>, Failure> {
    let mut stmt = c.prepare(
        "SELECT d.id, coalesce(d.name, d.title), d.article_count, d.char_count, d.source_path,
                (SELECT count(*) FROM annotations a WHERE a.document_id = d.id),
                d.imported_at, s.paper, s.date, s.page, s.page_name
         FROM documents d LEFT JOIN document_sources s ON s.document_id = d.id
         ORDER BY d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let source_path: String = r.get(4)?;
        let title: Option<String> = r.get(1)?;
        Ok(DocumentSummary {
            id: r.get(0)?,
            title: title.unwrap_or_else(|| file_name(&source_path)),
            articles: r.get::<_, i64>(2)? as usize,
            chars: r.get::<_, i64>(3)? as usize,
            source_path,
            annotations: r.get::<_, i64>(5)? as usize,
            imported_at: r.get(6)?,
            source: SourceMeta {
                paper: r.get(7)?,
                date: r.get(8)?,
                page: r.get(9)?,
                page_name: r.get(10)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Give document `id` a name (`None`: show its first article's title again).
pub fn rename(tx: &Connection, id: DocId, name: Option<&str>) -> Result<(), Failure> {
    if tx.execute(
        "UPDATE documents SET name = ?2 WHERE id = ?1",
        rusqlite::params![id, name],
    )? == 0
    {
        return Err(StoreError::NoDocument(id).into());
    }
    Ok(())
}

/// The path document `id` was imported from.
pub fn source_path(c: &Connection, id: DocId) -> Result<String, Failure> {
    use rusqlite::OptionalExtension;
    c.query_row(
        "SELECT source_path FROM documents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NoDocument(id).into())
}
