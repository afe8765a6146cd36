//! Importing a REFI-QDA project (`.qdpx`) into the library, for the window (Ctrl+O, drag
//! and drop) and `pizhu import-annotations` alike: its text sources become documents
//! (reflowed as usual, but a text pizhu exported keeps its lines as paragraphs; one
//! already in the library is found again), its selections
//! annotations re-anchored from their quoted text, merged as a W3C import is.
//!
//! The whole project is read and checked before anything is written, so a bad file
//! imports nothing. The documents are then written one transaction each and the
//! annotations in one more: only a failing disk can leave the documents without them.

use std::path::Path;

use anyhow::Context;

use crate::core::anchor::quote_context;
use crate::core::keep_lines::keep_lines;
use crate::core::outline::Outline;
use crate::export::qdpx_import::{self, Selection, Source};
use crate::export::w3c_import::ImportedAnnotation;
use crate::notes::{merge, ImportSummary};
use crate::store::{content_hash, Store, StoredDocument};

/// Largest `.qdpx` read: 256 MiB.
pub const MAX_QDPX_BYTES: u64 = 256 << 20;

/// What a project import did: the documents it added and the annotations' merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QdpxSummary {
    pub documents_added: usize,
    pub documents_found: usize,
    pub skipped_sources: usize,
    pub annotations: ImportSummary,
    /// The project's first text source as a library document, to open.
    pub first_document: Option<crate::store::DocId>,
}

impl std::fmt::Display for QdpxSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents added, {} already in the library; annotations: {}",
            self.documents_added, self.documents_found, self.annotations
        )?;
        if self.skipped_sources > 0 {
            write!(
                f,
                "; {} non-text sources skipped (pizhu reads text)",
                self.skipped_sources
            )?;
        }
        Ok(())
    }
}

/// Whether `path` names a REFI-QDA project (by its extension, as other tools name them).
pub fn is_qdpx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx"))
}

/// Reads `file` (a regular file within [`MAX_QDPX_BYTES`]) and imports it.
pub fn import_qdpx_file(store: &mut Store, file: &Path) -> anyhow::Result<QdpxSummary> {
    let bytes = crate::ingest::read_regular_file(file, MAX_QDPX_BYTES)?;
    import_qdpx(store, file, &bytes).with_context(|| format!("cannot import {}", file.display()))
}

/// Imports a project's bytes; `file` names the documents it brings (`FILE#source`).
pub fn import_qdpx(store: &mut Store, file: &Path, bytes: &[u8]) -> anyhow::Result<QdpxSummary> {
    let project = qdpx_import::read(bytes).map_err(anyhow::Error::msg)?;
    // Each source's reflow is checked before the first write.
    let mut prepared = Vec::with_capacity(project.sources.len());
    for source in &project.sources {
        prepared.push(prepare(store, file, source)?);
    }
    let mut summary = QdpxSummary {
        skipped_sources: project.skipped_sources,
        ..QdpxSummary::default()
    };
    let mut documents: Vec<StoredDocument> = Vec::with_capacity(prepared.len());
    for p in prepared {
        let doc = match p {
            Prepared::Found(doc) => {
                summary.documents_found += 1;
                doc
            }
            Prepared::New {
                path,
                ingested,
                hash,
            } => {
                let (id, _) = crate::library::import_as(store, Path::new(&path), &ingested, &hash)?;
                summary.documents_added += 1;
                store.document(id)?
            }
        };
        documents.push(doc);
    }
    summary.first_document = documents.first().map(|d| d.id);
    let records: Vec<ImportedAnnotation> = project
        .selections
        .iter()
        .map(|s| record(s, &project.sources[s.source], &documents[s.source]))
        .collect();
    summary.annotations = merge(store, &records)?;
    Ok(summary)
}

enum Prepared {
    Found(StoredDocument),
    New {
        path: String,
        ingested: crate::ingest::Ingested,
        hash: String,
    },
}

/// The library document a source is, or what to import for it: found by the identity a
/// pizhu export recorded, else by its text.
fn prepare(store: &Store, file: &Path, source: &Source) -> anyhow::Result<Prepared> {
    let text_hash = content_hash(&source.text);
    for hash in source.pizhu_hash.iter().chain([&text_hash]) {
        if let Some(doc) = store.document_by_hash(hash)? {
            return Ok(Prepared::Found(doc));
        }
    }
    let label = if source.name.trim().is_empty() {
        format!("{}.txt", source.guid)
    } else {
        source.name.clone()
    };
    let path = format!("{}#{label}", file.display());
    let mut ingested = crate::ingest::ingest_bytes(Path::new(&path), source.text.as_bytes())
        .with_context(|| format!("source {label:?} of the project"))?;
    // pizhu's own reading text: one paragraph per line, which the reflow may join.
    if source.pizhu_hash.is_some() {
        if let Some(document) = keep_lines(&ingested.document, &source.text) {
            ingested.outline = Outline::from_document(&document);
            ingested.document = document;
        }
    }
    let hash = source.pizhu_hash.clone().unwrap_or(text_hash);
    Ok(Prepared::New {
        path,
        ingested,
        hash,
    })
}

/// A selection as an annotation record of `doc`, its context taken from the source text.
fn record(s: &Selection, source: &Source, doc: &StoredDocument) -> ImportedAnnotation {
    let (quote, prefix, suffix) = quote_context(&source.text, s.start, s.end);
    // The quote as the file's offsets select it; the re-anchoring finds it in the reflowed text.
    let quote = if quote.is_empty() {
        s.quote.clone()
    } else {
        quote
    };
    ImportedAnnotation {
        id: s.id.clone(),
        original_id: s.original_guid.clone(),
        content_hash: doc.content_hash.clone(),
        position: Some((s.start, s.end)),
        quote,
        prefix,
        suffix,
        color: s.color,
        note: s.note.clone(),
        tags: s.tags.clone(),
        created: s.created.clone(),
        modified: s.modified.clone(),
    }
}
