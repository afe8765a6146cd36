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
    let store = super::library::open_store(cli)?;
    match out_path {
        None => out
            .write_all(notes::render(&store, format.into(), doc)?.text.as_bytes())
            .context("cannot write the export to stdout")?,
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

/// `pizhu import-annotations FILE.json`.
pub fn import_file(cli: &Cli, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let json =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut store = super::library::open_store(cli)?;
    let summary = notes::import_annotations(&mut store, &json)
        .with_context(|| format!("cannot import {}", file.display()))?;
    writeln!(out, "{summary}")?;
    Ok(())
}
