//! The colour codebook, reading positions and free-form key/value settings.

use rusqlite::{params, Connection, OptionalExtension};

use super::{DocId, Failure, ReadingPosition, StoreError};
use crate::core::annotation::COLOR_COUNT;

/// The codebook a fresh library starts with (colour 1 first): `crate::core::colors`'s
/// Chinese names, which migration v2 also writes.
pub const DEFAULT_COLOR_NAMES: [&str; COLOR_COUNT as usize] = {
    let mut names = [""; COLOR_COUNT as usize];
    let mut i = 0;
    while i < names.len() {
        names[i] = crate::core::colors::COLORS[i].name_zh;
        i += 1;
    }
    names
};

pub fn color_names(c: &Connection) -> Result<Vec<String>, Failure> {
    let mut names: Vec<String> = DEFAULT_COLOR_NAMES.iter().map(|s| s.to_string()).collect();
    let mut stmt = c.prepare("SELECT color, name FROM color_names")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let color: i64 = row.get(0)?;
        if let Some(slot) = usize::try_from(color - 1)
            .ok()
            .and_then(|i| names.get_mut(i))
        {
            *slot = row.get(1)?;
        }
    }
    Ok(names)
}

pub fn set_color_name(tx: &Connection, color: u8, name: &str) -> Result<(), Failure> {
    if !(1..=COLOR_COUNT).contains(&color) {
        return Err(StoreError::BadColor(color).into());
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::EmptyColorName(color).into());
    }
    tx.execute(
        "INSERT INTO color_names (color, name) VALUES (?1, ?2)
         ON CONFLICT (color) DO UPDATE SET name = excluded.name",
        params![color, name],
    )?;
    Ok(())
}

pub fn reading_position(c: &Connection, doc: DocId) -> Result<Option<ReadingPosition>, Failure> {
    let pos = c
        .query_row(
            "SELECT article, section, scroll FROM reading_positions WHERE document_id = ?1",
            [doc],
            |r| {
                Ok(ReadingPosition {
                    article: r.get::<_, i64>(0)?.max(0) as usize,
                    section: r.get::<_, i64>(1)?.max(0) as usize,
                    scroll: r.get::<_, f64>(2)? as f32,
                })
            },
        )
        .optional()?;
    Ok(pos)
}

pub fn set_reading_position(
    tx: &Connection,
    doc: DocId,
    pos: &ReadingPosition,
    now: &str,
) -> Result<(), Failure> {
    if !pos.scroll.is_finite() {
        return Err(StoreError::BadScroll {
            document: doc,
            scroll: pos.scroll,
        }
        .into());
    }
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
        [doc],
        |r| r.get(0),
    )?;
    if !known {
        return Err(StoreError::NoDocument(doc).into());
    }
    tx.execute(
        "INSERT INTO reading_positions (document_id, article, section, scroll, updated)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (document_id) DO UPDATE SET article = excluded.article,
             section = excluded.section, scroll = excluded.scroll, updated = excluded.updated",
        params![
            doc,
            pos.article as i64,
            pos.section as i64,
            pos.scroll as f64,
            now
        ],
    )?;
    Ok(())
}

pub fn setting(c: &Connection, key: &str) -> Result<Option<String>, Failure> {
    Ok(
        c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?,
    )
}

pub fn set_setting(tx: &Connection, key: &str, value: &str) -> Result<(), Failure> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
