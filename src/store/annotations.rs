//! Annotations and their tags. Tags are shared across documents and linked in the
//! order the user gave them; a tag no annotation uses any more is removed.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{AnnotationEdit, DocId, Failure, NewAnnotation, StoreError};
use crate::core::anchor::quote_context;
use crate::core::annotation::{AnchorStatus, Annotation, TagError, COLOR_COUNT};

const COLUMNS: &str = "id, document_id, start_char, end_char, quote, prefix, suffix, color, note,
     created, modified, status";

pub fn add(
    tx: &Connection,
    id: &str,
    new: &NewAnnotation,
    now: &str,
) -> Result<Annotation, Failure> {
    check_color(new.color)?;
    let tags = clean_tags(&new.tags)?;
    let text = reading_text(tx, new.document_id)?;
    check_range(new.document_id, new.start, new.end, text.chars().count())?;
    if new.start == new.end {
        return Err(StoreError::EmptyRange {
            start: new.start,
            end: new.end,
        }
        .into());
    }
    let (quote, prefix, suffix) = quote_context(&text, new.start, new.end);
    let annotation = Annotation {
        id: id.to_string(),
        document_id: new.document_id,
        start: new.start,
        end: new.end,
        quote,
        prefix,
        suffix,
        color: new.color,
        note: new.note.clone(),
        tags,
        created: now.to_string(),
        modified: now.to_string(),
        status: AnchorStatus::Anchored,
    };
    upsert(tx, &annotation)?;
    Ok(annotation)
}

pub fn update(
    tx: &Connection,
    id: &str,
    edit: &AnnotationEdit,
    now: &str,
) -> Result<Annotation, Failure> {
    let mut a = by_id(tx, id)?.ok_or_else(|| StoreError::NoAnnotation(id.to_string()))?;
    if let Some(color) = edit.color {
        check_color(color)?;
        a.color = color;
    }
    if let Some(note) = &edit.note {
        a.note = note.clone();
    }
    if let Some(tags) = &edit.tags {
        a.tags = clean_tags(tags)?;
    }
    a.modified = now.to_string();
    upsert(tx, &a)?;
    Ok(a)
}

pub fn delete(tx: &Connection, id: &str) -> Result<Annotation, Failure> {
    let a = by_id(tx, id)?.ok_or_else(|| StoreError::NoAnnotation(id.to_string()))?;
    tx.execute("DELETE FROM annotations WHERE id = ?1", [id])?;
    drop_unused_tags(tx)?;
    Ok(a)
}

/// Insert or replace the whole record. The range must fit the document unless the
/// annotation is an orphan (its offsets then only say where it used to be).
pub fn put(tx: &Connection, a: &Annotation) -> Result<(), Failure> {
    check_color(a.color)?;
    let text = reading_text(tx, a.document_id)?;
    let chars = if a.status == AnchorStatus::Orphan {
        usize::MAX
    } else {
        text.chars().count()
    };
    check_range(a.document_id, a.start, a.end, chars)?;
    let tags = clean_tags(&a.tags)?;
    upsert(tx, &Annotation { tags, ..a.clone() })
}

fn upsert(tx: &Connection, a: &Annotation) -> Result<(), Failure> {
    tx.execute(
        "INSERT INTO annotations (id, document_id, start_char, end_char, quote, prefix, suffix,
             color, note, created, modified, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET
             document_id = excluded.document_id, start_char = excluded.start_char,
             end_char = excluded.end_char, quote = excluded.quote, prefix = excluded.prefix,
             suffix = excluded.suffix, color = excluded.color, note = excluded.note,
             created = excluded.created, modified = excluded.modified, status = excluded.status",
        params![
            a.id,
            a.document_id,
            a.start as i64,
            a.end as i64,
            a.quote,
            a.prefix,
            a.suffix,
            a.color,
            a.note,
            a.created,
            a.modified,
            a.status.as_str()
        ],
    )?;
    set_tags(tx, &a.id, &a.tags)
}

fn set_tags(tx: &Connection, id: &str, tags: &[String]) -> Result<(), Failure> {
    tx.execute("DELETE FROM annotation_tags WHERE annotation_id = ?1", [id])?;
    for (position, tag) in tags.iter().enumerate() {
        tx.execute(
            "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [tag],
        )?;
        tx.execute(
            "INSERT INTO annotation_tags (annotation_id, tag_id, position)
             SELECT ?1, id, ?3 FROM tags WHERE name = ?2",
            params![id, tag, position as i64],
        )?;
    }
    drop_unused_tags(tx)
}

fn drop_unused_tags(tx: &Connection) -> Result<(), Failure> {
    tx.execute(
        "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM annotation_tags WHERE tag_id = tags.id)",
        [],
    )?;
    Ok(())
}

pub fn by_id(c: &Connection, id: &str) -> Result<Option<Annotation>, Failure> {
    let sql = format!("SELECT {COLUMNS} FROM annotations WHERE id = ?1");
    let Some(mut a) = c.query_row(&sql, [id], from_row).optional()? else {
        return Ok(None);
    };
    a.tags = tags_of(c, "WHERE l.annotation_id = ?1", [id])?
        .remove(id)
        .unwrap_or_default();
    Ok(Some(a))
}

/// Reading order: document, start, end; ties broken by creation so the order is stable.
pub fn list(c: &Connection, doc: Option<DocId>) -> Result<Vec<Annotation>, Failure> {
    let order = "ORDER BY document_id, start_char, end_char, created, id";
    let (mut annotations, mut tags) = match doc {
        Some(doc) => {
            reading_text(c, doc)?; // an unknown document is an error, not an empty list
            let sql = format!("SELECT {COLUMNS} FROM annotations WHERE document_id = ?1 {order}");
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt
                .query_map([doc], from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            let join = "JOIN annotations a ON a.id = l.annotation_id WHERE a.document_id = ?1";
            (rows, tags_of(c, join, [doc])?)
        }
        None => {
            let mut stmt = c.prepare(&format!("SELECT {COLUMNS} FROM annotations {order}"))?;
            let rows = stmt
                .query_map([], from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            (rows, tags_of(c, "", [])?)
        }
    };
    for a in &mut annotations {
        a.tags = tags.remove(&a.id).unwrap_or_default();
    }
    Ok(annotations)
}

/// Tags by annotation id, in the order they were given, for the links `filter` selects
/// (`l` is the link table).
fn tags_of<P: rusqlite::Params>(
    c: &Connection,
    filter: &str,
    params: P,
) -> Result<HashMap<String, Vec<String>>, Failure> {
    let sql = format!(
        "SELECT l.annotation_id, t.name FROM annotation_tags l JOIN tags t ON t.id = l.tag_id
         {filter} ORDER BY l.annotation_id, l.position"
    );
    let mut stmt = c.prepare(&sql)?;
    let mut rows = stmt.query(params)?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    while let Some(row) = rows.next()? {
        map.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    Ok(map)
}

pub fn tags(c: &Connection) -> Result<Vec<String>, Failure> {
    let mut stmt = c.prepare(
        "SELECT name FROM tags WHERE EXISTS (SELECT 1 FROM annotation_tags WHERE tag_id = tags.id)
         ORDER BY name",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

fn from_row(r: &Row) -> rusqlite::Result<Annotation> {
    let status: String = r.get(11)?;
    Ok(Annotation {
        id: r.get(0)?,
        document_id: r.get(1)?,
        start: r.get::<_, i64>(2)? as usize,
        end: r.get::<_, i64>(3)? as usize,
        quote: r.get(4)?,
        prefix: r.get(5)?,
        suffix: r.get(6)?,
        color: r.get(7)?,
        note: r.get(8)?,
        tags: Vec::new(),
        created: r.get(9)?,
        modified: r.get(10)?,
        // The schema's CHECK admits only the three names.
        status: AnchorStatus::parse(&status).unwrap_or(AnchorStatus::Orphan),
    })
}

fn reading_text(c: &Connection, doc: DocId) -> Result<String, Failure> {
    c.query_row(
        "SELECT reading_text FROM documents WHERE id = ?1",
        [doc],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NoDocument(doc).into())
}

fn check_color(color: u8) -> Result<(), StoreError> {
    if (1..=COLOR_COUNT).contains(&color) {
        Ok(())
    } else {
        Err(StoreError::BadColor(color))
    }
}

fn check_range(document: DocId, start: usize, end: usize, chars: usize) -> Result<(), StoreError> {
    if start > end {
        return Err(StoreError::InvertedOffsets { start, end });
    }
    if end > chars {
        let offset = if start > chars { start } else { end };
        return Err(StoreError::PastEnd {
            offset,
            document,
            chars,
        });
    }
    Ok(())
}

/// Trim each tag, drop repeats (first one wins), refuse blank, control-character, overlong
/// and too many tags (see [`crate::core::annotation::clean_tags`]).
fn clean_tags(tags: &[String]) -> Result<Vec<String>, StoreError> {
    crate::core::annotation::clean_tags(tags).map_err(|e| match e {
        TagError::Empty(tag) => StoreError::EmptyTag(tag),
        other => StoreError::Tag(other),
    })
}
