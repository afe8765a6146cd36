//! Bytes to text: encoding detection, newline normalisation, and the clear errors a user
//! sees when a file is not something pizhu can read. A PDF (recognised by its `%PDF-`
//! header, whatever the file is called) goes through `pdf` and `core::layout` instead.

mod decode;
pub mod pdf;
mod read;

pub use decode::{decode, normalize_newlines};
pub use read::{read_bytes, read_regular_file, MAX_PAGE_BYTES};

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::layout;
use crate::core::model::Document;
use crate::core::outline::Outline;
use crate::core::reflow::{reflow, REFLOW_VERSION};

/// Why a file could not be read as text. Every message names the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {}: no such file", .path.display())]
    NotFound { path: PathBuf },
    #[error("cannot read {}: it is a directory, not a text file", .path.display())]
    Directory { path: PathBuf },
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {}: it is {kind}, not a regular file", .path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("cannot read {}: it is {} MB; pizhu reads files up to {} MB", .path.display(), .bytes.div_ceil(1 << 20), .limit >> 20)]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    #[error("cannot read {}: the file is empty", .path.display())]
    Empty { path: PathBuf },
    #[error("cannot read {}: not a text file (NUL byte at offset {offset})", .path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("cannot read {}: not a text file ({control} control characters in {chars})", .path.display())]
    ControlChars {
        path: PathBuf,
        control: usize,
        chars: usize,
    },
    #[error("cannot read {}: not valid UTF-8 (byte 0x{byte:02X} at offset {offset} is not part of a character; {count} bad bytes in all); re-save the file as UTF-8", .path.display())]
    BadUtf8 {
        path: PathBuf,
        byte: u8,
        offset: usize,
        count: usize,
    },
    #[error("cannot read {}: the bytes are not valid {encoding} (tried UTF-8, UTF-16, GB18030, Big5)", .path.display())]
    Undecodable {
        path: PathBuf,
        encoding: &'static str,
    },
    #[error("cannot read {}: the PDF is encrypted and needs a password; remove it first (e.g. `qpdf --decrypt in.pdf out.pdf`)", .path.display())]
    PdfEncrypted { path: PathBuf },
    #[error("cannot read {}: not a readable PDF, {reason}", .path.display())]
    PdfBroken { path: PathBuf, reason: &'static str },
    #[error("cannot read {}: the PDF has {pages} pages; pizhu reads newspaper PDFs of at most {limit} pages (split it, e.g. `qpdf --split-pages`)", .path.display())]
    PdfTooManyPages {
        path: PathBuf,
        pages: usize,
        limit: usize,
    },
    #[error("cannot read {}: page {page} has more than {limit} characters; it is not a newspaper page", .path.display())]
    PdfTooManyGlyphs {
        path: PathBuf,
        page: usize,
        limit: usize,
    },
    #[error("cannot read {}: {}", .path.display(), no_text_reason(*.pages, .scanned))]
    PdfNoText {
        path: PathBuf,
        pages: usize,
        scanned: Vec<usize>,
    },
    #[error("cannot read {}: {count} characters cannot be mapped to Unicode ({fonts}); the PDF's fonts have no ToUnicode table, so its text cannot be read reliably", .path.display())]
    PdfUnmapped {
        path: PathBuf,
        count: usize,
        fonts: String,
    },
}

/// The no-text-layer message: which pages are only images, and what would help.
fn no_text_reason(pages: usize, scanned: &[usize]) -> String {
    let which = match scanned {
        [] => format!("none of its {pages} pages has text"),
        [one] if pages == 1 => format!("its page {one} is an image without text"),
        _ => {
            let list: Vec<String> = scanned.iter().map(usize::to_string).collect();
            format!(
                "pages {} of {pages} are images without text",
                list.join(", ")
            )
        }
    };
    format!("the PDF has no text to read: {which} (a scan?); pizhu needs a PDF with a text layer (OCR is not supported yet)")
}

/// Text decoded from a file, with LF line ends, and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5".
    pub encoding: &'static str,
}

/// A file turned into a document: what the store keeps and the outline command prints.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub decoded: Decoded,
    pub document: Document,
    pub outline: Outline,
    pub reflow_version: u32,
}

/// Read, decode and reflow one file. The file's bytes are dropped once decoded, so the peak
/// is the decoded text, the reflowed document and its outline (see README, "Limits").
pub fn ingest_path(path: &Path) -> Result<Ingested, IngestError> {
    let bytes = read_bytes(path)?;
    if pdf::is_pdf(&bytes) {
        return ingest_pdf(path, &bytes);
    }
    let decoded = decode(path, &bytes)?;
    drop(bytes);
    Ok(reflow_decoded(decoded))
}

/// Decode and reflow bytes; `path` only names the source in errors. PDFs are recognised
/// by content, not by the file's name.
pub fn ingest_bytes(path: &Path, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if pdf::is_pdf(bytes) {
        return ingest_pdf(path, bytes);
    }
    Ok(reflow_decoded(decode(path, bytes)?))
}

fn reflow_decoded(decoded: Decoded) -> Ingested {
    let document = reflow(&decoded.text);
    let outline = Outline::from_document(&document);
    Ingested {
        decoded,
        document,
        outline,
        reflow_version: REFLOW_VERSION,
    }
}

/// Read a PDF's text layer and lay its pages out. The reading text is built from the
/// document exactly as for text, and it is what the store keeps as the source text (and
/// hashes): the same PDF gives the same text, so importing it again finds the same
/// document.
pub fn ingest_pdf(path: &Path, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let pages = pdf::read_pages(path, bytes)?;
    if std::env::var_os("PIZHU_LAYOUT_DEBUG").is_some() {
        for (i, page) in pages.iter().enumerate() {
            let mut dump = layout::debug_page(page).join("\n");
            if std::env::var_os("PIZHU_LAYOUT_DEBUG").is_some_and(|v| v == "glyphs") {
                for g in &page.glyphs {
                    dump.push_str(&format!("\n{g:?}"));
                }
            }
            if std::env::var_os("PIZHU_LAYOUT_DEBUG").is_some_and(|v| v == "rules") {
                for r in &page.rules {
                    dump.push_str(&format!("\n{r:?}"));
                }
            }
            let _ = writeln!(std::io::stderr(), "page {}:\n{dump}", i + 1);
        }
    }
    let document = layout::analyse(&pages);
    let outline = Outline::from_document(&document);
    if outline.text.trim().is_empty() {
        return Err(IngestError::PdfNoText {
            path: path.to_path_buf(),
            pages: pages.len(),
            scanned: Vec::new(),
        });
    }
    Ok(Ingested {
        decoded: Decoded {
            text: outline.text.clone(),
            encoding: PDF_ENCODING,
        },
        document,
        outline,
        reflow_version: REFLOW_VERSION,
    })
}

/// The `encoding` of a document read from a PDF: its text came from glyphs, not bytes.
pub const PDF_ENCODING: &str = "pdf";
