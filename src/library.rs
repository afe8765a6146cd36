//! The library's domain work, UI-free, for the window and the command line alike:
//! importing a file (same content is one document; a changed file at a known path updates
//! its document and moves its annotations onto the new text) and reflowing documents
//! stored by an older reflow. Each document's change is one store transaction; the store
//! runs the SQL, this module decides and re-anchors.

use std::path::Path;

use crate::core::anchor::{quote_context, Reanchorer, TextQuote};
use crate::core::annotation::AnchorStatus;
use crate::core::model::Document;
use crate::core::outline::Outline;
use crate::core::reflow::{reflow, REFLOW_VERSION};
use crate::core::source::SourceMeta;
use crate::ingest::Ingested;
use crate::store::{content_hash, Content, DocId, Documents, ImportOutcome, Store, StoreError};

/// Add a document, or find it if its content is already here (reflowed again when it was
/// stored by an older reflow), or update the one imported from the same path.
pub fn import(
    store: &mut Store,
    source_path: &Path,
    ingested: &Ingested,
) -> Result<(DocId, ImportOutcome), StoreError> {
    import_as(
        store,
        source_path,
        ingested,
        &content_hash(&ingested.decoded.text),
    )
}

/// [`import`], the document identified by `hash` rather than by its text's: a text that a
/// pizhu REFI-QDA export carried keeps the identity of the page it was read from.
pub fn import_as(
    store: &mut Store,
    source_path: &Path,
    ingested: &Ingested,
    hash: &str,
) -> Result<(DocId, ImportOutcome), StoreError> {
    let source = std::fs::canonicalize(source_path).unwrap_or_else(|_| source_path.to_path_buf());
    let content = content_of(source.to_string_lossy().into_owned(), ingested);
    let now = crate::timestamp::now();
    // A source the document already has (detected before, or edited) is kept.
    let detected = detect_source(&content.source_path, &ingested.outline.page_furniture);
    store.write_documents(|docs| {
        let (id, outcome) = if let Some((id, stored_version)) = docs.find_by_hash(hash)? {
            let outcome = refresh(docs, id, stored_version, &content, ingested, hash, &now)?;
            (id, outcome)
        } else if let Some(id) = docs.find_by_path(&content.source_path)? {
            (
                id,
                replace_corrected(docs, id, &content, &ingested.document, hash, &now)?,
            )
        } else {
            (docs.insert(&content, hash, &now)?, ImportOutcome::New)
        };
        docs.set_source_if_missing(id, &detected)?;
        Ok((id, outcome))
    })
}

/// Why a document could not be imported again from its file.
#[derive(Debug, thiserror::Error)]
pub enum ReimportError {
    /// The file is gone, unreadable or not text; the message names it.
    #[error("cannot re-import document {id}: {source}")]
    Read {
        id: DocId,
        source: crate::ingest::IngestError,
    },
    #[error("cannot re-import document {id}: {path} now holds the same text as document {other}")]
    SameAs {
        id: DocId,
        path: String,
        other: DocId,
    },
    #[error("cannot re-import document {id}: {source}")]
    Store { id: DocId, source: StoreError },
}

/// Read document `id`'s file again (the path it was imported from) and update the
/// document as importing that file does: reflowed, its corrections applied, its
/// annotations re-anchored, its source and name kept. A file that now holds the text of
/// another document is refused rather than merged.
pub fn reimport(store: &mut Store, id: DocId) -> Result<ImportOutcome, ReimportError> {
    let failed = |source| ReimportError::Store { id, source };
    let path = store.source_path(id).map_err(failed)?;
    let ingested = crate::ingest::ingest_path(Path::new(&path))
        .map_err(|source| ReimportError::Read { id, source })?;
    let hash = content_hash(&ingested.decoded.text);
    let content = content_of(path.clone(), &ingested);
    let now = crate::timestamp::now();
    let detected = detect_source(&path, &ingested.outline.page_furniture);
    let written = store
        .write_documents(|docs| {
            let outcome = match docs.find_by_hash(&hash)? {
                Some((other, _)) if other != id => return Ok(Err(other)),
                Some((_, stored_version)) => {
                    refresh(docs, id, stored_version, &content, &ingested, &hash, &now)?
                }
                None => replace_corrected(docs, id, &content, &ingested.document, &hash, &now)?,
            };
            docs.set_source_if_missing(id, &detected)?;
            Ok(Ok(outcome))
        })
        .map_err(failed)?;
    written.map_err(|other| ReimportError::SameAs { id, path, other })
}

/// Give document `id` the name `name` (trimmed, line breaks as spaces); an empty name
/// gives it back its first article's title. The window and `pizhu rename` call this.
pub fn rename(store: &mut Store, id: DocId, name: &str) -> Result<(), StoreError> {
    let flat: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let name = flat.trim();
    store.rename_document(id, (!name.is_empty()).then_some(name))
}

/// What an import writes, borrowed from the ingested file.
fn content_of(source_path: String, ingested: &Ingested) -> Content<'_> {
    Content {
        source_path,
        source_text: &ingested.decoded.text,
        encoding: ingested.decoded.encoding,
        outline: &ingested.outline,
        reflow_version: ingested.reflow_version,
    }
}

/// The document already holds this content: unchanged, unless an older reflow stored it.
fn refresh(
    docs: &Documents,
    id: DocId,
    stored_version: u32,
    content: &Content,
    ingested: &Ingested,
    hash: &str,
    now: &str,
) -> Result<ImportOutcome, crate::store::Failure> {
    if stored_version >= content.reflow_version {
        Ok(ImportOutcome::Unchanged)
    } else {
        replace_corrected(docs, id, content, &ingested.document, hash, now)
    }
}

/// Paper, date and page from the page furniture, else from the file name.
fn detect_source(source_path: &str, furniture: &[String]) -> SourceMeta {
    let name = Path::new(source_path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::core::source::detect(&name, furniture)
}

/// Detect the source of documents stored before sources were (a library from an older
/// version). Cheap when every document has one.
pub fn fill_missing_sources(store: &mut Store) -> Result<usize, StoreError> {
    let found: Vec<(DocId, SourceMeta)> = store
        .undetected_sources()?
        .into_iter()
        .map(|(id, path, furniture)| (id, detect_source(&path, &furniture)))
        .collect();
    if !found.is_empty() {
        store.add_detected_sources(&found)?;
    }
    Ok(found.len())
}

/// Reflow again, from their stored source text, the documents whose reflow version is
/// older than this build's, re-anchoring their annotations. Cheap when none are.
pub fn reflow_stale(store: &mut Store) -> Result<Vec<(DocId, ImportOutcome)>, StoreError> {
    let stale = store.stale_documents(REFLOW_VERSION)?;
    let mut done = Vec::with_capacity(stale.len());
    for id in stale {
        let now = crate::timestamp::now();
        let outcome = store.write_documents(|docs| {
            let source = docs.source(id)?.ok_or(StoreError::NoDocument(id))?;
            if source.reflow_version >= REFLOW_VERSION {
                return Ok(ImportOutcome::Unchanged); // another process got here first
            }
            let base = reflow(&source.source_text);
            let outline = Outline::from_document(&base);
            let content = Content {
                source_path: source.source_path.clone(),
                source_text: &source.source_text,
                encoding: &source.encoding,
                outline: &outline,
                reflow_version: REFLOW_VERSION,
            };
            replace_corrected(docs, id, &content, &base, &source.content_hash, &now)
        })?;
        done.push((id, outcome));
    }
    Ok(done)
}

/// [`replace`], with the document's stored corrections (issue 13) applied to `base`, the
/// reflowed document `content.outline` was laid out from. Corrections of documents read
/// from a PDF are not made (see `fix::fix`), so their outline is taken as it is.
fn replace_corrected(
    docs: &Documents,
    id: DocId,
    content: &Content,
    base: &Document,
    hash: &str,
    now: &str,
) -> Result<ImportOutcome, crate::store::Failure> {
    if content.encoding == crate::ingest::PDF_ENCODING {
        return replace(docs, id, content, hash, now);
    }
    match crate::fix::corrected_outline(docs, id, base, content.source_text)? {
        None => replace(docs, id, content, hash, now),
        Some((outline, _)) => {
            let corrected = Content {
                source_path: content.source_path.clone(),
                outline: &outline,
                ..*content
            };
            replace(docs, id, &corrected, hash, now)
        }
    }
}

/// Overwrite document `id` with `content` and move its annotations onto the new text.
pub(crate) fn replace(
    docs: &Documents,
    id: DocId,
    content: &Content,
    hash: &str,
    now: &str,
) -> Result<ImportOutcome, crate::store::Failure> {
    replace_carrying(docs, id, content, hash, now, None)
}

/// Where an annotation's span of the old text is in the new one, when that is known
/// exactly (a correction: same source, same reflow; see `core::corrections::SourceMap`).
pub(crate) type Carry<'a> = &'a dyn Fn(usize, usize) -> Option<(usize, usize)>;

/// [`replace`], placing each annotation with `carry` where it knows the place, and by
/// re-anchoring its quote (exact match first) where it does not.
pub(crate) fn replace_carrying(
    docs: &Documents,
    id: DocId,
    content: &Content,
    hash: &str,
    now: &str,
    carry: Option<Carry>,
) -> Result<ImportOutcome, crate::store::Failure> {
    let old_text = docs.update(id, content, hash, now)?;
    let new_text = &content.outline.text;
    let (mut kept, mut moved, mut check, mut orphaned) = (0, 0, 0, 0);
    let anchors = docs.anchors(id)?;
    if old_text == *new_text {
        // Nothing moved; statuses stand (a "check" still awaits the user).
        for a in &anchors {
            match a.status {
                AnchorStatus::Check => check += 1,
                AnchorStatus::Orphan => orphaned += 1,
                AnchorStatus::Anchored => kept += 1,
            }
        }
        return Ok(ImportOutcome::Updated {
            kept,
            moved,
            check,
            orphaned,
        });
    }
    // None is deleted: what cannot be found becomes an orphan that keeps its quote.
    let new_len = new_text.chars().count();
    let reanchorer = Reanchorer::new(&old_text, new_text);
    for a in anchors {
        let carried = carry
            .filter(|_| a.status != AnchorStatus::Orphan)
            .and_then(|f| f(a.start, a.end));
        if let Some((start, end)) = carried {
            let status = a.status;
            match status {
                AnchorStatus::Anchored if (start, end) == (a.start, a.end) => kept += 1,
                AnchorStatus::Anchored => moved += 1,
                _ => check += 1,
            }
            let (quote, prefix, suffix) = quote_context(new_text, start, end);
            docs.place_anchor(
                &a.id,
                (start, end),
                status,
                Some((&quote, &prefix, &suffix)),
            )?;
            continue;
        }
        let mut found = reanchorer.reanchor(&TextQuote {
            start: a.start,
            end: a.end,
            quote: &a.quote,
            prefix: &a.prefix,
            suffix: &a.suffix,
        });
        if a.status == AnchorStatus::Check && found.status == AnchorStatus::Anchored {
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
            docs.place_anchor(&a.id, (start, end), found.status, None)?;
        } else {
            let (quote, prefix, suffix) = quote_context(new_text, found.start, found.end);
            docs.place_anchor(
                &a.id,
                (found.start, found.end),
                found.status,
                Some((&quote, &prefix, &suffix)),
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
