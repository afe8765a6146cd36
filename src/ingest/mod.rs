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

/// Largest page pizhu reads: 64 MiB (a newspaper page is well under 1 MB of text).
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

/// Read a page's bytes (at most [`MAX_PAGE_BYTES`]), mapping the usual failures to messages
/// a user understands.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    read_regular_file(path, MAX_PAGE_BYTES)
}

/// Read a regular file of at most `limit` bytes. FIFOs, devices and sockets are refused
/// without blocking (the file is opened non-blocking and checked after opening, so a FIFO
/// swapped in after a check cannot hang the read); a file past `limit`, or one that grows
/// past it while read, is refused without reading more than `limit` + 1 bytes.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    use std::io::Read;
    let owned = || path.to_path_buf();
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound { path: owned() },
        _ => IngestError::Io {
            path: owned(),
            source,
        },
    };
    // Refuse what opening would block on or misread before opening it.
    let meta = std::fs::metadata(path).map_err(io)?;
    check_regular(path, &meta)?;
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check_regular(path, &meta)?;
    let too_large = |bytes| IngestError::TooLarge {
        path: owned(),
        bytes,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), IngestError> {
    let kind = file_kind(meta);
    match kind {
        "a regular file" => Ok(()),
        "a directory" => Err(IngestError::Directory {
            path: path.to_path_buf(),
        }),
        kind => Err(IngestError::NotRegular {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_file() {
        return "a regular file";
    }
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
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
                    if let Some(bad) = mostly_utf8(path, bytes) {
                        return Err(bad);
                    }
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

/// UTF-8 text with a few bad bytes (a damaged file), told apart from a legacy encoding,
/// where nearly every non-ASCII char would be invalid UTF-8: at least 8 valid multi-byte
/// chars per invalid byte. Names the first bad byte.
fn mostly_utf8(path: &Path, bytes: &[u8]) -> Option<IngestError> {
    let (mut valid_multibyte, mut invalid, mut first) = (0usize, 0usize, None);
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += chunk.invalid().len();
            first.get_or_insert((chunk.invalid()[0], offset));
        }
        offset += chunk.invalid().len();
    }
    let (byte, offset) = first?;
    (valid_multibyte >= 8 * invalid).then(|| IngestError::BadUtf8 {
        path: path.to_path_buf(),
        byte,
        offset,
        count: invalid,
    })
}

/// Text with a NUL anywhere, or many C0 control characters over the whole file, is a binary
/// file that happened to decode.
fn check_control_chars(path: &Path, text: &str) -> Result<(), IngestError> {
    if let Some(at) = text.chars().position(|c| c == '\0') {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            offset: at,
        });
    }
    let (mut chars, mut control) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        control += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    }
    if control * 20 > chars.max(1) {
        return Err(IngestError::ControlChars {
            path: path.to_path_buf(),
            control,
            chars,
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

#[cfg(test)]
mod limits_tests {
    use super::*;

    #[test]
    fn one_bad_byte_in_utf8_text_is_named() {
        let mut bytes = "新华社记者报道，内蒙古自治区全区社会消费品零售总额"
            .repeat(4)
            .into_bytes();
        bytes[30] = 0xFF;
        let err = decode(Path::new("page.txt"), &bytes)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "cannot read page.txt: not valid UTF-8 (byte 0xFF at offset 30 is not part of a \
             character; 3 bad bytes in all); re-save the file as UTF-8"
        );
    }

    #[test]
    fn gb18030_is_still_detected_not_called_bad_utf8() {
        let (gb, _, _) = GB18030.encode("新华社记者报道，内蒙古自治区全区社会消费品零售总额");
        assert_eq!(decode(Path::new("p"), &gb).unwrap().encoding, "GB18030");
    }

    #[test]
    fn a_nul_or_control_characters_after_the_first_4096_chars_are_found() {
        let mut text = "正文。".repeat(3000);
        text.push('\0');
        let err = decode(Path::new("p.txt"), text.as_bytes()).unwrap_err();
        // Byte offset: 3,000 × "正文。" is 27,000 bytes.
        assert!(
            matches!(err, IngestError::Binary { offset: 27000, .. }),
            "{err}"
        );
        // UTF-16 with a BOM decodes NULs to U+0000: still binary.
        let mut le = vec![0xFF, 0xFE];
        le.extend("正文\0".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(matches!(
            decode(Path::new("p"), &le),
            Err(IngestError::Binary { offset: 2, .. })
        ));
        let mut late = "正文。".repeat(2000);
        late.push_str(&"\u{1}\u{2}".repeat(1000));
        let err = decode(Path::new("p.txt"), late.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.contains("2000 control characters in 8000"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_at_once_naming_the_kind() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_bytes(&fifo).unwrap_err().to_string();
        assert!(
            err.ends_with("pipe.txt: it is a named pipe (FIFO), not a regular file"),
            "{err}"
        );
        let err = read_bytes(Path::new("/dev/zero")).unwrap_err().to_string();
        assert_eq!(
            err,
            "cannot read /dev/zero: it is a character device, not a regular file"
        );
        let err = read_bytes(dir.path()).unwrap_err().to_string();
        assert!(err.contains("it is a directory"), "{err}");
    }

    #[test]
    fn files_past_the_limit_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_PAGE_BYTES + 1).unwrap(); // sparse: no disk used
        let err = read_bytes(&big).unwrap_err().to_string();
        assert!(
            err.ends_with("big.txt: it is 65 MB; pizhu reads files up to 64 MB"),
            "{err}"
        );
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "正文").unwrap();
        assert!(matches!(
            read_regular_file(&small, 3),
            Err(IngestError::TooLarge { bytes: 6, .. })
        ));
        assert_eq!(read_regular_file(&small, 6).unwrap(), "正文".as_bytes());
    }
}
