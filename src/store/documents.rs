//! Documents: import with content dedup, update in place when the text changes, and
//! re-anchoring of the annotations that point into the old text.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{content_hash, DocId, DocumentSummary, Failure, ImportOutcome, StoredDocument};
use crate::core::anchor;
use crate::core::annotation::AnchorStatus;
use crate::core::outline::{ArticleOutline, Outline};
use crate::core::reflow::{reflow, REFLOW_VERSION};
use crate::store::StoreError;

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

/// Same content → the existing document (reflowed again if its version is older);
/// a known source path with new content → that document, updated; else a new one.
pub fn import(
    tx: &Connection,
    content: &Content,
    now: &str,
) -> Result<(DocId, ImportOutcome), Failure> {
    let hash = content_hash(content.source_text);
    let same_content: Option<(DocId, u32)> = tx
        .query_row(
            "SELECT id, reflow_version FROM documents WHERE content_hash = ?1",
            [&hash],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, stored_version)) = same_content {
        if stored_version >= content.reflow_version {
            return Ok((id, ImportOutcome::Unchanged));
        }
        return Ok((id, replace_content(tx, id, content, &hash, now)?));
    }
    let same_path: Option<DocId> = tx
        .query_row(
            "SELECT id FROM documents WHERE source_path = ?1 ORDER BY id DESC LIMIT 1",
            [&content.source_path],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = same_path {
        return Ok((id, replace_content(tx, id, content, &hash, now)?));
    }
    let row = DocumentRow::new(content, &hash, now)?;
    tx.execute(
        &format!("INSERT INTO documents ({WRITTEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
        &row.values()[..],
    )?;
    Ok((tx.last_insert_rowid(), ImportOutcome::New))
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

/// Overwrite document `id` with `content` and move its annotations onto the new text.
fn replace_content(
    tx: &Connection,
    id: DocId,
    content: &Content,
    hash: &str,
    now: &str,
) -> Result<ImportOutcome, Failure> {
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
    reanchor_annotations(tx, id, &old_text, &content.outline.text)
}

/// Move every annotation of `doc` from `old_text` to `new_text`. None is deleted: what
/// cannot be found becomes an orphan that keeps its quote, prefix and suffix.
fn reanchor_annotations(
    tx: &Connection,
    doc: DocId,
    old_text: &str,
    new_text: &str,
) -> Result<ImportOutcome, Failure> {
    let (mut kept, mut moved, mut check, mut orphaned) = (0, 0, 0, 0);
    let mut stmt = tx.prepare(
        "SELECT id, start_char, end_char, quote, prefix, suffix, status
         FROM annotations WHERE document_id = ?1",
    )?;
    let rows = stmt
        .query_map([doc], |r| {
            Ok(Anchor {
                id: r.get(0)?,
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
                quote: r.get(3)?,
                prefix: r.get(4)?,
                suffix: r.get(5)?,
                status: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if old_text == new_text {
        // Nothing moved; statuses stand (a "check" still awaits the user).
        for a in &rows {
            match a.status.as_str() {
                "check" => check += 1,
                "orphan" => orphaned += 1,
                _ => kept += 1,
            }
        }
        return Ok(ImportOutcome::Updated {
            kept,
            moved,
            check,
            orphaned,
        });
    }
    let new_len = new_text.chars().count();
    let reanchorer = anchor::Reanchorer::new(old_text, new_text);
    for a in rows {
        let mut found = reanchorer.reanchor(a.start, a.end, &a.quote, &a.prefix, &a.suffix);
        if a.status == "check" && found.status == AnchorStatus::Anchored {
            // Its quote came from a fuzzy match the user has not confirmed yet.
            found.status = AnchorStatus::Check;
        }
        match found.status {
            AnchorStatus::Anchored if (found.start, found.end) == (a.start, a.end) => kept += 1,
            AnchorStatus::Anchored => moved += 1,
            AnchorStatus::Check => check += 1,
            AnchorStatus::Orphan => orphaned += 1,
        }
        if found.status == AnchorStatus::Orphan {
            // Keep the quote and context for a later search; keep offsets within the text.
            let end = found.end.min(new_len);
            let start = found.start.min(end);
            tx.execute(
                "UPDATE annotations SET start_char = ?2, end_char = ?3, status = 'orphan' WHERE id = ?1",
                params![a.id, start as i64, end as i64],
            )?;
        } else {
            let (quote, prefix, suffix) = anchor::quote_context(new_text, found.start, found.end);
            tx.execute(
                "UPDATE annotations SET start_char = ?2, end_char = ?3, quote = ?4, prefix = ?5,
                     suffix = ?6, status = ?7
                 WHERE id = ?1",
                params![
                    a.id,
                    found.start as i64,
                    found.end as i64,
                    quote,
                    prefix,
                    suffix,
                    found.status.as_str()
                ],
            )?;
        }
    }
    Ok(ImportOutcome::Updated {
        kept,
        moved,
        check,
        orphaned,
    })
}

struct Anchor {
    id: String,
    start: usize,
    end: usize,
    quote: String,
    prefix: String,
    suffix: String,
    status: String,
}

/// Documents reflowed by an older reflow than this build's. Documents read from a PDF are
/// not among them: their structure came from the page layout, which the text reflow cannot
/// redo from the stored reading text (importing the PDF again updates them).
pub fn stale_ids(c: &Connection) -> Result<Vec<DocId>, Failure> {
    let mut stmt = c.prepare(
        "SELECT id FROM documents WHERE reflow_version < ?1 AND encoding <> 'pdf' ORDER BY id",
    )?;
    let ids = stmt.query_map([REFLOW_VERSION], |r| r.get(0))?;
    Ok(ids.collect::<Result<_, _>>()?)
}

/// Reflow document `id` from its stored source text with this build's reflow.
pub fn reflow_again(tx: &Connection, id: DocId, now: &str) -> Result<ImportOutcome, Failure> {
    let stored: Option<(String, String, String, String, u32)> = tx
        .query_row(
            "SELECT source_path, source_text, encoding, content_hash, reflow_version
             FROM documents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (source_path, source_text, encoding, hash, version) =
        stored.ok_or(StoreError::NoDocument(id))?;
    if version >= REFLOW_VERSION {
        return Ok(ImportOutcome::Unchanged); // another process got here first
    }
    let outline = Outline::from_document(&reflow(&source_text));
    let content = Content {
        source_path,
        source_text: &source_text,
        encoding: &encoding,
        outline: &outline,
        reflow_version: REFLOW_VERSION,
    };
    replace_content(tx, id, &content, &hash, now)
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

pub fn summaries(c: &Connection) -> Result<Vec<DocumentSummary>, Failure> {
    let mut stmt = c.prepare(
        "SELECT d.id, d.title, d.article_count, d.char_count, d.source_path,
                (SELECT count(*) FROM annotations a WHERE a.document_id = d.id)
         FROM documents d ORDER BY d.id",
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
        let mut doc = self.doc;
        let parsed: Outline =
            serde_json::from_str(&self.outline_json).map_err(|e| Failure::Corrupt {
                what: format!("the outline of document {}", doc.id),
                detail: e.to_string(),
            })?;
        doc.outline.articles = parsed.articles;
        doc.outline.page_furniture = parsed.page_furniture;
        Ok(doc)
    }
}

/// The outline without its text: the reading text has its own column, no need for two
/// copies. Serialises exactly as an `Outline` whose `text` is empty.
fn outline_json(outline: &Outline) -> Result<String, Failure> {
    #[derive(serde::Serialize)]
    struct ArticlesOnly<'a> {
        text: &'a str,
        articles: &'a [ArticleOutline],
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        page_furniture: &'a [String],
    }
    let articles_only = ArticlesOnly {
        text: "",
        articles: &outline.articles,
        page_furniture: &outline.page_furniture,
    };
    serde_json::to_string(&articles_only).map_err(|e| Failure::Corrupt {
        what: "an outline to store".into(),
        detail: e.to_string(),
    })
}
