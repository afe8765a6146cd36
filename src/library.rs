//! The library's domain work, UI-free, for the window and the command line alike:
//! importing a file (same content is one document; a changed file at a known path updates
//! its document and moves its annotations onto the new text) and reflowing documents
//! stored by an older reflow. Each document's change is one store transaction; the store
//! runs the SQL, this module decides and re-anchors.

use std::path::Path;

use crate::core::anchor::{quote_context, Reanchorer, TextQuote};
use crate::core::annotation::AnchorStatus;
use crate::core::outline::Outline;
use crate::core::reflow::{reflow, REFLOW_VERSION};
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
    let content = Content {
        source_path: source.to_string_lossy().into_owned(),
        source_text: &ingested.decoded.text,
        encoding: ingested.decoded.encoding,
        outline: &ingested.outline,
        reflow_version: ingested.reflow_version,
    };
    let now = crate::timestamp::now();
    store.write_documents(|docs| {
        if let Some((id, stored_version)) = docs.find_by_hash(hash)? {
            if stored_version >= content.reflow_version {
                return Ok((id, ImportOutcome::Unchanged));
            }
            return Ok((id, replace(docs, id, &content, hash, &now)?));
        }
        if let Some(id) = docs.find_by_path(&content.source_path)? {
            return Ok((id, replace(docs, id, &content, hash, &now)?));
        }
        Ok((docs.insert(&content, hash, &now)?, ImportOutcome::New))
    })
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
            let outline = Outline::from_document(&reflow(&source.source_text));
            let content = Content {
                source_path: source.source_path.clone(),
                source_text: &source.source_text,
                encoding: &source.encoding,
                outline: &outline,
                reflow_version: REFLOW_VERSION,
            };
            replace(docs, id, &content, &source.content_hash, &now)
        })?;
        done.push((id, outcome));
    }
    Ok(done)
}

/// Overwrite document `id` with `content` and move its annotations onto the new text.
fn replace(
    docs: &Documents,
    id: DocId,
    content: &Content,
    hash: &str,
    now: &str,
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
