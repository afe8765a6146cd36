//! Corrections of a stored document's structure (issue 13), UI-free, for the window and
//! the command line alike: make one at a reading-text offset, undo it, put it back, list
//! them with what no longer applies. Each is one store transaction that changes the
//! list of corrections and then recomputes the reading text and outline from source +
//! reflow + corrections, moving the annotations onto the new text through the same
//! re-anchoring as a re-import (`library::replace`).

use crate::core::corrections::{self, Action, Corrector, MarkKind, NotApplied};
use crate::core::model::Document;
use crate::core::outline::Outline;
use crate::core::reflow::{reflow, REFLOW_VERSION};
use crate::ingest::PDF_ENCODING;
use crate::store::{
    Content, DocId, Documents, Failure, ImportOutcome, Store, StoreError, StoredCorrection,
};

/// A stored correction and, when it did not apply this time, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub stored: StoredCorrection,
    pub not_applied: Option<String>,
}

fn unfit(document: DocId, reason: impl Into<String>) -> Failure {
    StoreError::Unfit {
        document,
        reason: reason.into(),
    }
    .into()
}

/// Document `id`'s outline: `base` (the reflow of `source_text`) with its corrections
/// applied, and those that did not fit. `None` when it has no corrections.
pub(crate) fn corrected_outline(
    docs: &Documents,
    id: DocId,
    base: &Document,
    source_text: &str,
) -> Result<Option<(Outline, Vec<NotApplied>)>, Failure> {
    let stored = docs.corrections(id)?;
    if stored.is_empty() {
        return Ok(None);
    }
    let list: Vec<_> = stored.into_iter().map(|s| s.correction).collect();
    let (doc, missed) = corrections::apply(base, source_text, &list);
    for m in &missed {
        tracing::warn!(
            "document {id}: correction {} no longer applies: {}",
            m.index + 1,
            m.reason
        );
    }
    Ok(Some((Outline::from_document(&doc), missed)))
}

/// Recompute document `id` from its source, the current reflow and its corrections,
/// which were `before` until now. Annotations are carried by the source chars of their
/// words from the text `before` gave (when the store holds that text: the document was
/// not stale) to the new one; the rest are re-anchored by quote as on a re-import.
fn recompute(
    docs: &Documents,
    id: DocId,
    before: &[crate::core::corrections::Correction],
) -> Result<ImportOutcome, Failure> {
    let source = docs.source(id)?.ok_or(StoreError::NoDocument(id))?;
    let base = reflow(&source.source_text);
    let now_list: Vec<_> = docs
        .corrections(id)?
        .into_iter()
        .map(|s| s.correction)
        .collect();
    let old = Corrector::new(&base, &source.source_text, before);
    let new = Corrector::new(&base, &source.source_text, &now_list);
    let outline = Outline::from_document(&new.document());
    let content = Content {
        source_path: source.source_path.clone(),
        source_text: &source.source_text,
        encoding: &source.encoding,
        outline: &outline,
        reflow_version: REFLOW_VERSION,
    };
    let now = crate::timestamp::now();
    let (old_map, new_map) = (old.source_map(), new.source_map());
    let stored_text = docs.reading_text(id)?;
    let old_text: String = Outline::from_document(&old.document()).text;
    let carry = |start: usize, end: usize| old_map.carry(&new_map, start, end);
    let carry: Option<crate::library::Carry> =
        (source.reflow_version == REFLOW_VERSION && stored_text == old_text).then_some(&carry);
    crate::library::replace_carrying(docs, id, &content, &source.content_hash, &now, carry)
}

/// Make correction `action` at char `offset` of document `id`'s reading text, store it
/// and recompute the document. Refused (nothing written) where it does not fit.
pub fn fix(
    store: &mut Store,
    id: DocId,
    action: Action,
    offset: usize,
) -> Result<StoredCorrection, StoreError> {
    store.write_documents(|docs| {
        let source = docs.source(id)?.ok_or(StoreError::NoDocument(id))?;
        if source.encoding == PDF_ENCODING {
            return Err(unfit(
                id,
                "documents read from a PDF cannot be corrected yet (their structure comes from the page layout)",
            ));
        }
        let base = reflow(&source.source_text);
        let done: Vec<_> = docs
            .corrections(id)?
            .into_iter()
            .map(|s| s.correction)
            .collect();
        let corrector = Corrector::new(&base, &source.source_text, &done);
        let correction = corrector
            .correction_at(action, offset)
            .map_err(|e| unfit(id, e.0))?;
        if action == Action::Mark(MarkKind::Furniture) {
            refuse_annotated_block(docs, id, &corrector.document(), offset)?;
        }
        let stored = docs.add_correction(id, &correction, &crate::timestamp::now())?;
        recompute(docs, id, &done)?;
        Ok(stored)
    })
}

/// Page furniture leaves the reading text: refused where an annotation would go with it.
fn refuse_annotated_block(
    docs: &Documents,
    id: DocId,
    current: &Document,
    offset: usize,
) -> Result<(), Failure> {
    let text = Outline::from_document(current).text;
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.chars().count();
        if offset <= end {
            let annotated = docs.anchors(id)?.iter().any(|a| {
                a.status != crate::core::annotation::AnchorStatus::Orphan
                    && a.start < end
                    && a.end > start
            });
            if annotated {
                return Err(unfit(
                    id,
                    "an annotation lies in this block; as page furniture it would leave the text (delete the annotation first)",
                ));
            }
            return Ok(());
        }
        start = end + 1;
    }
    Ok(())
}

/// Remove the correction `correction_id` (undo) and recompute its document; returns it.
pub fn remove(store: &mut Store, correction_id: i64) -> Result<StoredCorrection, StoreError> {
    store.write_documents(|docs| {
        let doc = docs
            .correction_document(correction_id)?
            .ok_or_else(|| StoreError::Unfit {
                document: 0,
                reason: format!("no correction {correction_id}"),
            })?;
        let before = plain(docs.corrections(doc)?);
        let removed = docs
            .delete_correction(correction_id)?
            .ok_or(StoreError::NoDocument(doc))?;
        recompute(docs, doc, &before)?;
        Ok(removed)
    })
}

/// Undo document `id`'s last correction; `None` when it has none.
pub fn undo_last(store: &mut Store, id: DocId) -> Result<Option<StoredCorrection>, StoreError> {
    let Some(last) = store.corrections(id)?.pop() else {
        return Ok(None);
    };
    remove(store, last.id).map(Some)
}

/// Put back a removed correction as it was (redo) and recompute its document.
pub fn restore(store: &mut Store, stored: &StoredCorrection) -> Result<(), StoreError> {
    store.write_documents(|docs| {
        let before = plain(docs.corrections(stored.document_id)?);
        docs.put_correction(stored)?;
        recompute(docs, stored.document_id, &before)?;
        Ok(())
    })
}

fn plain(stored: Vec<StoredCorrection>) -> Vec<crate::core::corrections::Correction> {
    stored.into_iter().map(|s| s.correction).collect()
}

/// Document `id`'s corrections in order, each with why it did not apply, if it did not.
pub fn list(store: &Store, id: DocId) -> Result<Vec<Listed>, StoreError> {
    let doc = store.document(id)?;
    let stored = store.corrections(id)?;
    let source = store.source_text(id)?;
    let missed = if stored.is_empty() || doc.encoding == PDF_ENCODING {
        Vec::new()
    } else {
        let list: Vec<_> = stored.iter().map(|s| s.correction.clone()).collect();
        corrections::apply(&reflow(&source), &source, &list).1
    };
    Ok(stored
        .into_iter()
        .enumerate()
        .map(|(i, stored)| Listed {
            stored,
            not_applied: missed
                .iter()
                .find(|m| m.index == i)
                .map(|m| m.reason.clone()),
        })
        .collect())
}
