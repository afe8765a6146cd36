//! Notes in and out of the library, for the window and the command line alike: what an
//! export contains ([`render`]), writing it to a file ([`export_to_file`]), and merging a
//! W3C Web Annotation file back in ([`import_annotations`]). The formats themselves are
//! `crate::export`'s; the writing is [`crate::atomic_write`]'s.

use std::collections::HashMap;
use std::path::Path;

use crate::atomic_write::write_atomically;
use crate::core::anchor::{quote_context, Reanchorer, TextQuote};
use crate::core::annotation::{AnchorStatus, Annotation};
use crate::core::source::SourceMeta;
use crate::export::w3c_import::{self, ImportedAnnotation};
use crate::export::{ExportDocument, Format};
use crate::store::{DocId, Store, StoreError, StoredDocument};

/// Render, then replace `path` atomically with the result.
pub fn export_to_file(
    store: &Store,
    format: Format,
    doc: Option<DocId>,
    path: &Path,
) -> anyhow::Result<Rendered> {
    let rendered = render(store, format, doc)?;
    write_atomically(path, &rendered.bytes)?;
    Ok(rendered)
}

/// An export and what went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// UTF-8 text, except for [`Format::Qdpx`] (a zip).
    pub bytes: Vec<u8>,
    pub documents: usize,
    /// Annotations written (a `.qdpx` leaves out orphans).
    pub annotations: usize,
}

impl Rendered {
    /// The export as text (a zip's bytes would be replaced, so only for text formats).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

/// Renders the annotations of one document (`Some(id)`, even if it has none) or of
/// every document that has any (`None`), in library order.
pub fn render(store: &Store, format: Format, doc: Option<DocId>) -> Result<Rendered, StoreError> {
    let documents: Vec<StoredDocument> = match doc {
        Some(id) => vec![store.document(id)?],
        None => store
            .documents()?
            .iter()
            .filter(|d| d.annotations > 0)
            .map(|d| store.document(d.id))
            .collect::<Result<_, _>>()?,
    };
    let mut by_document: HashMap<DocId, Vec<Annotation>> = HashMap::new();
    for a in store.annotations(doc)? {
        by_document.entry(a.document_id).or_default().push(a);
    }
    let sources: Vec<SourceMeta> = documents
        .iter()
        .map(|d| store.source(d.id))
        .collect::<Result<_, _>>()?;
    let views: Vec<ExportDocument> = documents
        .iter()
        .zip(&sources)
        .map(|(d, source)| {
            let annotations = by_document
                .get(&d.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            ExportDocument::new(
                d.id,
                &d.source_path,
                &d.content_hash,
                &d.outline,
                annotations,
            )
            .with_source(source)
        })
        .collect();
    let bytes = format.render(&views, &store.color_names()?);
    let written = |a: &&Annotation| format != Format::Qdpx || a.status != AnchorStatus::Orphan;
    Ok(Rendered {
        bytes,
        documents: views.len(),
        annotations: views
            .iter()
            .map(|v| v.annotations.iter().filter(written).count())
            .sum(),
    })
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Of the added and updated: placed by a fuzzy match, to be checked by the reader.
    pub check: usize,
    /// Of the added and updated: quote not found in the text; kept, not drawn.
    pub orphaned: usize,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} added, {} updated, {} unchanged",
            self.added, self.updated, self.unchanged
        )?;
        if self.check > 0 {
            write!(f, "; {} placed by a fuzzy match (check them)", self.check)?;
        }
        if self.orphaned > 0 {
            write!(
                f,
                "; {} orphaned (quote not found in the document)",
                self.orphaned
            )?;
        }
        Ok(())
    }
}

/// Files with more annotations than this look up the stored ones in one query.
const BULK_LOOKUP_FROM: usize = 200;

/// Merges a W3C Web Annotation file into the library: an unknown id is added, a known
/// one replaced when the file's `modified` is later, anything else left alone. Every
/// annotation is checked (JSON, shape, document present) before one transaction
/// writes them all, so a bad file imports nothing.
pub fn import_annotations(store: &mut Store, json: &str) -> anyhow::Result<ImportSummary> {
    let records = w3c_import::parse(json, &store.color_names()?)?;
    merge(store, &records)
}

/// Merges parsed annotations (W3C or REFI-QDA) whose documents are in the library: each
/// is checked before one transaction writes them all.
pub(crate) fn merge(
    store: &mut Store,
    records: &[ImportedAnnotation],
) -> anyhow::Result<ImportSummary> {
    let mut documents: HashMap<String, StoredDocument> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if documents.contains_key(&r.content_hash) {
            continue;
        }
        let Some(doc) = store.document_by_hash(&r.content_hash)? else {
            anyhow::bail!(
                "annotation {} ({}) belongs to a document that is not in the library \
                 (text sha256 {}); import the page it was made on first (pizhu import FILE)",
                i + 1,
                r.original_id,
                r.content_hash
            );
        };
        documents.insert(r.content_hash.clone(), doc);
    }
    let anchors: HashMap<&str, Reanchorer> = documents
        .iter()
        .map(|(hash, d)| (hash.as_str(), Reanchorer::new("", &d.outline.text)))
        .collect();

    // One query instead of one per record: large files mostly hit the same library.
    let stored: HashMap<String, Annotation> = if records.len() > BULK_LOOKUP_FROM {
        store
            .annotations(None)?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect()
    } else {
        let mut found = HashMap::new();
        for r in records {
            if let Some(a) = store.annotation(&r.id)? {
                found.insert(a.id.clone(), a);
            }
        }
        found
    };

    let now = crate::timestamp::now();
    let mut summary = ImportSummary::default();
    let mut writes = Vec::new();
    for r in records {
        let modified = r
            .modified
            .as_deref()
            .map(|m| w3c_import::clamp_to_now(m, &now));
        match stored.get(&r.id) {
            Some(s) if !w3c_import::is_newer(modified.as_deref(), &s.modified) => {
                summary.unchanged += 1;
                continue;
            }
            // Newer in name only (a clamped future time imported again): nothing to change.
            Some(s) if s.color == r.color && s.note == r.note && s.tags == r.tags => {
                summary.unchanged += 1;
                continue;
            }
            Some(_) => summary.updated += 1,
            None => summary.added += 1,
        }
        let doc = &documents[&r.content_hash];
        let a = placed_annotation(r, doc, &anchors[r.content_hash.as_str()], &now);
        match a.status {
            AnchorStatus::Anchored => {}
            AnchorStatus::Check => summary.check += 1,
            AnchorStatus::Orphan => summary.orphaned += 1,
        }
        writes.push(a);
    }
    store.put_annotations(&writes)?;
    Ok(summary)
}

/// The record as a stored annotation, found in its document's text by its quote.
fn placed_annotation(
    r: &ImportedAnnotation,
    doc: &StoredDocument,
    anchor: &Reanchorer,
    now: &str,
) -> Annotation {
    let (start, end) = r.position.unwrap_or((0, 0));
    let found = anchor.reanchor(&TextQuote {
        start,
        end,
        quote: &r.quote,
        prefix: &r.prefix,
        suffix: &r.suffix,
    });
    let (quote, prefix, suffix) = match found.status {
        // The passage as it reads now, with fresh context.
        AnchorStatus::Anchored | AnchorStatus::Check => {
            quote_context(&doc.outline.text, found.start, found.end)
        }
        // Nothing in the text to quote: keep what the file remembered.
        AnchorStatus::Orphan => (r.quote.clone(), r.prefix.clone(), r.suffix.clone()),
    };
    // Times from the file are clamped to the import time: a `modified` in the far future
    // would otherwise win every later merge (README, import-annotations).
    let clamp = |t: &String| w3c_import::clamp_to_now(t, now);
    let created = r
        .created
        .as_ref()
        .or(r.modified.as_ref())
        .map(clamp)
        .unwrap_or_else(|| now.to_string());
    let modified = r
        .modified
        .as_ref()
        .map(clamp)
        .unwrap_or_else(|| created.clone());
    Annotation {
        id: r.id.clone(),
        document_id: doc.id,
        start: found.start,
        end: found.end,
        quote,
        prefix,
        suffix,
        color: r.color,
        note: r.note.clone(),
        tags: r.tags.clone(),
        created,
        modified,
        status: found.status,
    }
}
