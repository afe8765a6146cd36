//! `pizhu export` and `pizhu import-annotations`: thin wrappers over [`crate::notes`],
//! which the window calls too.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{Cli, ExportFormat};
use crate::export::Format;
use crate::notes;
use crate::store::DocId;

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::W3cJson,
            ExportFormat::Qdpx => Format::Qdpx,
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
    match out_path {
        None => {
            if !Format::from(format).is_text() {
                anyhow::bail!("a REFI-QDA project is a zip file, not text; pass --out FILE.qdpx");
            }
            if !stdout_is_open() {
                anyhow::bail!("cannot write the export to stdout: it is closed; pass --out FILE");
            }
            let rendered = notes::render(&store, format.into(), doc)?;
            out.write_all(&rendered.bytes)
                .and_then(|()| out.flush())
                .context("cannot write the export to stdout")?
        }
        Some(path) => {
            let rendered = notes::export_to_file(&store, format.into(), doc, path)?;
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

/// `pizhu import-annotations FILE.json` or `FILE.qdpx` (a REFI-QDA project).
pub fn import_file(cli: &Cli, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    if crate::notes_qdpx::is_qdpx(file) {
        let mut store = super::library::open_store(cli)?;
        let summary = crate::notes_qdpx::import_qdpx_file(&mut store, file)?;
        writeln!(out, "{summary}")?;
        return Ok(());
    }
    let json = read_json(file)?;
    let mut store = super::library::open_store(cli)?;
    let summary = notes::import_annotations(&mut store, &json)
        .with_context(|| format!("cannot import {}", file.display()))?;
    writeln!(out, "{summary}")?;
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
