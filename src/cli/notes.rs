//! `pizhu export` and `pizhu import-annotations`: annotations out of the library as
//! Markdown, CSV or W3C JSON-LD, and W3C JSON-LD back in.
//!
//! The window calls the same functions: [`render_library`] for its export dialog and
//! [`write_atomically`] to save, [`import_annotations`] to merge a file.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{Cli, ExportFormat};
use crate::core::anchor::{quote_context, Reanchorer};
use crate::core::annotation::{AnchorStatus, Annotation};
use crate::export::w3c_import::{self, ImportedAnnotation};
use crate::export::{ExportDocument, Format};
use crate::store::{DocId, Store, StoreError, StoredDocument};

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::W3cJson,
        }
    }
}

/// `pizhu export --format F [--doc DOC] [--out FILE]`: to stdout, or to FILE replaced
/// atomically (a reader never sees half a file, a failure leaves the old one).
pub fn export(
    cli: &Cli,
    format: ExportFormat,
    doc: Option<DocId>,
    out_path: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let store = super::library::open_store_to_read(cli)?;
    let rendered = render_library(&store, format.into(), doc)?;
    match out_path {
        None => {
            if !stdout_is_open() {
                anyhow::bail!("cannot write the export to stdout: it is closed; pass --out FILE");
            }
            out.write_all(rendered.text.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write the export to stdout")?
        }
        Some(path) => {
            write_atomically(path, rendered.text.as_bytes())?;
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            super::tell(format_args!(
                "pizhu: wrote {} from {} to {}",
                plural(rendered.annotations, "annotation", "annotations"),
                plural(rendered.documents, "document", "documents"),
                path.display()
            ));
        }
    }
    Ok(())
}

/// Whether stdout leads somewhere. A closed descriptor 1 (`>&-`) is reopened on `/dev/null`
/// read-write by Rust's runtime before `main`, so an export would "succeed" having written
/// nothing. A shell's `>/dev/null` opens it write-only, so read-write `/dev/null` on
/// descriptor 1 is taken as closed.
fn stdout_is_open() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: fstat and fcntl(F_GETFL) only read the descriptor's state into `st`.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(1, &mut st) != 0 {
                return false;
            }
            let dev_null = (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
                && libc::major(st.st_rdev) == 1
                && libc::minor(st.st_rdev) == 3;
            let flags = libc::fcntl(1, libc::F_GETFL);
            !(dev_null && flags != -1 && (flags & libc::O_ACCMODE) == libc::O_RDWR)
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// An export and what went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub documents: usize,
    pub annotations: usize,
}

/// Renders the annotations of one document (`Some(id)`, even if it has none) or of
/// every document that has any (`None`), in library order.
pub fn render_library(
    store: &Store,
    format: Format,
    doc: Option<DocId>,
) -> Result<Rendered, StoreError> {
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
    let views: Vec<ExportDocument> = documents
        .iter()
        .map(|d| {
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
        })
        .collect();
    let text = format.render(&views, &store.color_names()?);
    Ok(Rendered {
        text,
        documents: views.len(),
        annotations: views.iter().map(|v| v.annotations.len()).sum(),
    })
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames
/// it over `path`. On any failure the temporary file is removed and `path` untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("cannot write {}: not a file name", path.display()))?;
    let temp: PathBuf = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let attempt = || -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    };
    attempt().map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        anyhow::anyhow!("cannot write {}: {e}", path.display())
    })
}

/// `pizhu import-annotations FILE.json`.
pub fn import_file(cli: &Cli, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let json = read_json(file)?;
    let mut store = super::library::open_store(cli)?;
    let summary = import_annotations(&mut store, &json)
        .with_context(|| format!("cannot import {}", file.display()))?;
    writeln!(out, "{summary}")?;
    Ok(())
}

/// Largest W3C annotation file `import-annotations` reads: 256 MiB.
pub const MAX_ANNOTATION_FILE_BYTES: u64 = 256 << 20;

/// A JSON file's text: a regular file within [`MAX_ANNOTATION_FILE_BYTES`], UTF-8 (the first bad
/// byte named), a leading byte-order mark dropped.
fn read_json(file: &Path) -> anyhow::Result<String> {
    let bytes = crate::ingest::read_regular_file(file, MAX_ANNOTATION_FILE_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "cannot read {}: not valid UTF-8 (byte 0x{:02X} at offset {offset}); JSON files are UTF-8",
            file.display(),
            e.as_bytes()[offset]
        )
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
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
        for r in &records {
            if let Some(a) = store.annotation(&r.id)? {
                found.insert(a.id.clone(), a);
            }
        }
        found
    };

    // The store's fixed-width form, so that stored times compare as strings too.
    let now = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        ))
        .unwrap_or_default();
    let mut summary = ImportSummary::default();
    let mut writes = Vec::new();
    for r in &records {
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
    let found = anchor.reanchor(start, end, &r.quote, &r.prefix, &r.suffix);
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
