//! Documents' SQL: find, insert, update, and read or move the anchors of their
//! annotations. Deciding what an import does, reflowing and re-anchoring are domain work
//! and live in `crate::library`, which calls these inside one transaction.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{DocId, Failure, StoreError, StoredDocument};
use crate::core::annotation::AnchorStatus;
use crate::core::outline::Outline;

/// What an import writes, borrowed from the ingested file.
pub struct Content<'a> {
    pub source_path: String,
    pub source_text: &'a str,
    pub encoding: &'a str,
    pub outline: &'a Outline,
    pub reflow_version: u32,
}

impl Content<'_> {
    fn title(&self) -> Option<&str> {
        self.outline
            .articles
            .first()?
            .title
            .as_ref()
            .map(|t| t.text.as_str())
    }
}

/// The document with this content, and the reflow version it was stored by.
pub fn find_by_hash(tx: &Connection, hash: &str) -> Result<Option<(DocId, u32)>, Failure> {
    Ok(tx
        .query_row(
            "SELECT id, reflow_version FROM documents WHERE content_hash = ?1",
            [hash],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The newest document imported from this path.
pub fn find_by_path(tx: &Connection, source_path: &str) -> Result<Option<DocId>, Failure> {
    Ok(tx
        .query_row(
            "SELECT id FROM documents WHERE source_path = ?1 ORDER BY id DESC LIMIT 1",
            [source_path],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn insert(tx: &Connection, content: &Content, hash: &str, now: &str) -> Result<DocId, Failure> {
    let row = DocumentRow::new(content, hash, now)?;
    tx.execute(
        &format!("INSERT INTO documents ({WRITTEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
        &row.values()[..],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The columns an import writes, in the order of [`DocumentRow::values`]; one list
/// for the INSERT of a new document and the UPDATE of a changed one.
const WRITTEN_COLUMNS: &str = "source_path, content_hash, imported_at, encoding, reflow_version, \
     title, article_count, char_count, reading_text, outline_json, source_text";

/// What is derived from `Content` for storage (the rest is borrowed from it).
struct DocumentRow<'a> {
    content: &'a Content<'a>,
    hash: &'a str,
    now: &'a str,
    title: Option<&'a str>,
    article_count: i64,
    char_count: i64,
    outline_json: String,
}

impl<'a> DocumentRow<'a> {
    fn new(content: &'a Content<'a>, hash: &'a str, now: &'a str) -> Result<Self, Failure> {
        Ok(DocumentRow {
            content,
            hash,
            now,
            title: content.title(),
            article_count: content.outline.articles.len() as i64,
            char_count: content.outline.char_len() as i64,
            outline_json: outline_json(content.outline)?,
        })
    }

    /// Parameter values in the order of [`WRITTEN_COLUMNS`].
    fn values(&self) -> [&dyn rusqlite::ToSql; 11] {
        [
            &self.content.source_path,
            &self.hash,
            &self.now,
            &self.content.encoding,
            &self.content.reflow_version,
            &self.title,
            &self.article_count,
            &self.char_count,
            &self.content.outline.text,
            &self.outline_json,
            &self.content.source_text,
        ]
    }
}

/// Overwrite document `id` with `content`; returns the reading text it had, which its
/// annotations still point into.
pub fn update(
    tx: &Connection,
    id: DocId,
    content: &Content,
    hash: &str,
    now: &str,
) -> Result<String, Failure> {
    let old_text: String = tx.query_row(
        "SELECT reading_text FROM documents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let row = DocumentRow::new(content, hash, now)?;
    let mut values = row.values().to_vec();
    values.push(&id);
    tx.execute(
        &format!(
            "UPDATE documents SET ({WRITTEN_COLUMNS}) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             WHERE id = ?12"
        ),
        &values[..],
    )?;
    Ok(old_text)
}

pub fn reading_text(tx: &Connection, id: DocId) -> Result<String, Failure> {
    tx.query_row(
        "SELECT reading_text FROM documents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NoDocument(id).into())
}

/// Where one annotation points, as stored.
pub struct StoredAnchor {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub status: AnchorStatus,
}

pub fn anchors(tx: &Connection, doc: DocId) -> Result<Vec<StoredAnchor>, Failure> {
    let mut stmt = tx.prepare(
        "SELECT id, start_char, end_char, quote, prefix, suffix, status
         FROM annotations WHERE document_id = ?1",
    )?;
    let rows = stmt.query_map([doc], |r| {
        let status: String = r.get(6)?;
        Ok(StoredAnchor {
            id: r.get(0)?,
            start: r.get::<_, i64>(1)? as usize,
            end: r.get::<_, i64>(2)? as usize,
            quote: r.get(3)?,
            prefix: r.get(4)?,
            suffix: r.get(5)?,
            status: match status.as_str() {
                "check" => AnchorStatus::Check,
                "orphan" => AnchorStatus::Orphan,
                _ => AnchorStatus::Anchored,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Move an annotation: new offsets and status, and (unless orphaned, which keeps what it
/// quoted) the quote and context it now has.
pub fn place_anchor(
    tx: &Connection,
    id: &str,
    start: usize,
    end: usize,
    status: AnchorStatus,
    quote: Option<(&str, &str, &str)>,
) -> Result<(), Failure> {
    match quote {
        None => tx.execute(
            "UPDATE annotations SET start_char = ?2, end_char = ?3, status = ?4 WHERE id = ?1",
            params![id, start as i64, end as i64, status.as_str()],
        )?,
        Some((quote, prefix, suffix)) => tx.execute(
            "UPDATE annotations SET start_char = ?2, end_char = ?3, quote = ?4, prefix = ?5,
                 suffix = ?6, status = ?7
             WHERE id = ?1",
            params![
                id,
                start as i64,
                end as i64,
                quote,
                prefix,
                suffix,
                status.as_str()
            ],
        )?,
    };
    Ok(())
}

/// Documents reflowed by a reflow older than `version`. Documents read from a PDF are not
/// among them: their structure came from the page layout, which the text reflow cannot
/// redo from the stored reading text (importing the PDF again updates them).
pub fn stale_ids(c: &Connection, version: u32) -> Result<Vec<DocId>, Failure> {
    let mut stmt = c.prepare(
        "SELECT id FROM documents WHERE reflow_version < ?1 AND encoding <> 'pdf' ORDER BY id",
    )?;
    let ids = stmt.query_map([version], |r| r.get(0))?;
    Ok(ids.collect::<Result<_, _>>()?)
}

/// What a document was made from: enough to reflow it again.
pub struct Source {
    pub source_path: String,
    pub source_text: String,
    pub encoding: String,
    pub content_hash: String,
    pub reflow_version: u32,
}

pub fn source(tx: &Connection, id: DocId) -> Result<Option<Source>, Failure> {
    Ok(tx
        .query_row(
            "SELECT source_path, source_text, encoding, content_hash, reflow_version
             FROM documents WHERE id = ?1",
            [id],
            |r| {
                Ok(Source {
                    source_path: r.get(0)?,
                    source_text: r.get(1)?,
                    encoding: r.get(2)?,
                    content_hash: r.get(3)?,
                    reflow_version: r.get(4)?,
                })
            },
        )
        .optional()?)
}

pub fn delete(tx: &Connection, id: DocId) -> Result<(), Failure> {
    if tx.execute("DELETE FROM documents WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NoDocument(id).into());
    }
    tx.execute(
        "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM annotation_tags)",
        [],
    )?;
    Ok(())
}

/// `NoDocument` unless document `id` exists.
pub fn exists(c: &Connection, id: DocId) -> Result<(), Failure> {
    let found: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(StoreError::NoDocument(id).into())
    }
}

/// Every document with its outline, in import order, for search: the outlines' paragraphs
/// have their offsets but not their text (search reads the reading text).
pub fn all_for_search(c: &Connection) -> Result<Vec<StoredDocument>, Failure> {
    let mut stmt = c.prepare(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id"
    ))?;
    let raw = stmt.query_map([], RawDocument::from_row)?;
    raw.map(|r| r?.parse_with(super::outline_json::from_json_without_paragraph_texts))
        .collect()
}

const DOCUMENT_COLUMNS: &str =
    "id, source_path, content_hash, imported_at, encoding, reflow_version, reading_text, outline_json";

pub fn by_id(c: &Connection, id: DocId) -> Result<Option<StoredDocument>, Failure> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?1");
    let raw = c.query_row(&sql, [id], RawDocument::from_row).optional()?;
    raw.map(RawDocument::parse).transpose()
}

pub fn by_hash(c: &Connection, hash: &str) -> Result<Option<StoredDocument>, Failure> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE content_hash = ?1");
    let raw = c
        .query_row(&sql, [hash], RawDocument::from_row)
        .optional()?;
    raw.map(RawDocument::parse).transpose()
}

/// A document row before its outline JSON is parsed (parsing can fail, rows cannot).
struct RawDocument {
    doc: StoredDocument,
    outline_json: String,
}

impl RawDocument {
    fn from_row(r: &Row) -> rusqlite::Result<RawDocument> {
        Ok(RawDocument {
            doc: StoredDocument {
                id: r.get(0)?,
                source_path: r.get(1)?,
                content_hash: r.get(2)?,
                imported_at: r.get(3)?,
                encoding: r.get(4)?,
                reflow_version: r.get(5)?,
                outline: Outline {
                    text: r.get(6)?,
                    articles: Vec::new(),
                    page_furniture: Vec::new(),
                },
            },
            outline_json: r.get(7)?,
        })
    }

    fn parse(self) -> Result<StoredDocument, Failure> {
        self.parse_with(super::outline_json::from_json)
    }

    fn parse_with(
        self,
        from_json: impl Fn(&str, String) -> serde_json::Result<Outline>,
    ) -> Result<StoredDocument, Failure> {
        let mut doc = self.doc;
        let text = std::mem::take(&mut doc.outline.text);
        doc.outline = from_json(&self.outline_json, text).map_err(|e| Failure::Corrupt {
            what: format!("the outline of document {}", doc.id),
            detail: e.to_string(),
        })?;
        Ok(doc)
    }
}

fn outline_json(outline: &Outline) -> Result<String, Failure> {
    super::outline_json::to_json(outline).map_err(|e| Failure::Corrupt {
        what: "an outline to store".into(),
        detail: e.to_string(),
    })
}
