//! Bytes to text: encoding detection, newline normalisation, and the clear errors a user
//! sees when a file is not something pizhu can read. A PDF (recognised by its `%PDF-`
//! header, whatever the file is called) goes through `pdf` and `core::layout` instead.

pub mod pdf;

use std::io::Write;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

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
    #[error("cannot read {}: the file is empty", .path.display())]
    Empty { path: PathBuf },
    #[error("cannot read {}: not a text file (NUL byte at offset {offset})", .path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("cannot read {}: not a text file ({control} control characters in the first {sampled})", .path.display())]
    ControlChars {
        path: PathBuf,
        control: usize,
        sampled: usize,
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

/// Read, decode and reflow one file.
pub fn ingest_path(path: &Path) -> Result<Ingested, IngestError> {
    let bytes = read_bytes(path)?;
    ingest_bytes(path, &bytes)
}

/// Decode and reflow bytes; `path` only names the source in errors. PDFs are recognised
/// by content, not by the file's name.
pub fn ingest_bytes(path: &Path, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if pdf::is_pdf(bytes) {
        return ingest_pdf(path, bytes);
    }
    let decoded = decode(path, bytes)?;
    let document = reflow(&decoded.text);
    let outline = Outline::from_document(&document);
    Ok(Ingested {
        decoded,
        document,
        outline,
        reflow_version: REFLOW_VERSION,
    })
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

/// Read a file's bytes, mapping the usual failures to messages a user understands.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    let owned = || path.to_path_buf();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(IngestError::NotFound { path: owned() })
        }
        Err(source) => {
            return Err(IngestError::Io {
                path: owned(),
                source,
            })
        }
        Ok(m) if m.is_dir() => return Err(IngestError::Directory { path: owned() }),
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|source| IngestError::Io {
        path: owned(),
        source,
    })
}

/// Detect the encoding of `bytes` and decode them to text with LF line ends.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, IngestError> {
    let owned = || path.to_path_buf();
    if bytes.is_empty() {
        return Err(IngestError::Empty { path: owned() });
    }
    let undecodable = |encoding| IngestError::Undecodable {
        path: owned(),
        encoding: canonical_name(encoding),
    };
    let decode_as = |encoding: &'static Encoding, body| {
        encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| undecodable(encoding))
    };
    let (encoding, text) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, decode_as(encoding, &bytes[bom_len..])?),
        None => {
            if bytes.contains(&0) {
                let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
                return Err(IngestError::Binary {
                    path: owned(),
                    offset,
                });
            }
            match std::str::from_utf8(bytes) {
                Ok(utf8) => (UTF_8, std::borrow::Cow::Borrowed(utf8)),
                Err(_) => {
                    let encoding = sniff_legacy(bytes);
                    (encoding, decode_as(encoding, bytes)?)
                }
            }
        }
    };
    check_control_chars(path, &text)?;
    let text = normalize_newlines(&text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: owned() });
    }
    Ok(Decoded {
        text,
        encoding: canonical_name(encoding),
    })
}

/// Guess the encoding of BOM-less bytes that are not UTF-8: what chardetng says,
/// widening GBK to its superset GB18030.
fn sniff_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    }
}

fn canonical_name(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_8 {
        "UTF-8"
    } else if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == GB18030 || encoding == encoding_rs::GBK {
        "GB18030"
    } else if encoding == BIG5 {
        "Big5"
    } else {
        encoding.name()
    }
}

/// Text with many C0 control characters is a binary file that happened to decode.
fn check_control_chars(path: &Path, text: &str) -> Result<(), IngestError> {
    let sampled = text.chars().take(4096).count();
    let control = text
        .chars()
        .take(4096)
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 20 > sampled.max(1) {
        return Err(IngestError::ControlChars {
            path: path.to_path_buf(),
            control,
            sampled,
        });
    }
    Ok(())
}

/// CRLF and lone CR become LF; form feeds (page breaks in pdftotext output) too.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains(['\r', '\u{c}']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{c}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("page.txt")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(p(), "新华社\r\n记者\r".as_bytes()).unwrap();
        assert_eq!(
            plain,
            Decoded {
                text: "新华社\n记者\n".into(),
                encoding: "UTF-8"
            }
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("新华社".as_bytes());
        assert_eq!(decode(p(), &bom).unwrap().text, "新华社");
    }

    #[test]
    fn utf16_with_bom() {
        let text = "上接第1版\r\n内蒙古";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(
            decode(p(), &le).unwrap(),
            Decoded {
                text: "上接第1版\n内蒙古".into(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(decode(p(), &be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn gb18030_and_big5() {
        let text = "深入学习贯彻习近平总书记考察内蒙古重要指示精神，推动自治区党委十一届六次全会各项任务落到实处。";
        let (gb, _, _) = GB18030.encode(text);
        let d = decode(p(), &gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        let trad = "深入學習貫徹總書記考察內蒙古重要指示精神，推動自治區黨委十一屆六次全會各項任務落到實處。";
        let (big5, _, _) = BIG5.encode(trad);
        let d = decode(p(), &big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (trad, "Big5"));
    }

    #[test]
    fn bad_inputs_name_the_file_and_reason() {
        let msg = |e: IngestError| e.to_string();
        assert_eq!(
            msg(decode(p(), b"").unwrap_err()),
            "cannot read page.txt: the file is empty"
        );
        assert_eq!(
            msg(decode(p(), b" \n\n").unwrap_err()),
            "cannot read page.txt: the file is empty"
        );
        assert_eq!(
            msg(decode(p(), b"ab\x00cd").unwrap_err()),
            "cannot read page.txt: not a text file (NUL byte at offset 2)"
        );
        let controls: Vec<u8> = (1u8..9).cycle().take(200).collect();
        assert!(msg(decode(p(), &controls).unwrap_err()).contains("not a text file"));
        let mut bad16 = vec![0xFF, 0xFE];
        bad16.extend_from_slice(&[0x00, 0xD8, 0x41, 0x00]); // lone surrogate
        assert!(msg(decode(p(), &bad16).unwrap_err())
            .starts_with("cannot read page.txt: the bytes are not valid UTF-16LE"));
    }
}
