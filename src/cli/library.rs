//! Library subcommands: `import`, `list`, `rename`, `reimport`, `text`, `annotate`,
//! `annotations`.
//! Their output is a contract for scripts: ids one per line, tab-separated lists,
//! reading text byte for byte, annotations as JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{Cli, Subcommand};
use crate::core::annotation::{AnchorStatus, Annotation};
use crate::export::controls::escape_controls;
use crate::ingest::ingest_path;
use crate::store::{ImportOutcome, NewAnnotation, Store};

/// Run one of the library subcommands (the dispatcher routes only these here).
pub fn run(cli: &Cli, command: &Subcommand, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut store = match command {
        Subcommand::List | Subcommand::Text { .. } | Subcommand::Annotations { .. } => {
            open_store_to_read(cli)?
        }
        _ => open_store(cli)?,
    };
    match command {
        Subcommand::Import { files } => import(&mut store, files, out),
        Subcommand::List => list(&store, out),
        Subcommand::Rename { doc, name } => Ok(crate::library::rename(&mut store, *doc, name)?),
        Subcommand::Reimport { doc } => {
            let outcome = crate::library::reimport(&mut store, *doc)?;
            writeln!(out, "{doc}\t{}", describe(outcome))?;
            if let ImportOutcome::Updated { .. } = outcome {
                tell_missed_corrections(&store, *doc)?;
            }
            Ok(())
        }
        Subcommand::Text { doc } => {
            let doc = store.document(*doc)?;
            out.write_all(doc.outline.text.as_bytes())?;
            Ok(())
        }
        Subcommand::Annotate {
            doc,
            start,
            end,
            color,
            tags,
            note,
        } => {
            let new = NewAnnotation {
                document_id: *doc,
                start: *start,
                end: *end,
                color: *color,
                note: note.clone().unwrap_or_default(),
                tags: tags.clone(),
            };
            let added = store.add_annotation(&new)?;
            writeln!(out, "{}", added.id)?;
            Ok(())
        }
        Subcommand::Annotations { doc, json } => annotations(&store, *doc, *json, out),
        other => anyhow::bail!("not a library command: {other:?}"),
    }
}

/// The database named by `--db` / `PIZHU_DB`, else the default one; documents reflowed
/// by an older build are brought up to date first so offsets match what is printed.
pub fn open_store(cli: &Cli) -> anyhow::Result<Store> {
    let path: PathBuf = match &cli.db {
        Some(path) => path.clone(),
        None => Store::default_path()?,
    };
    let mut store = Store::open(&path)?;
    crate::library::fill_missing_sources(&mut store)?;
    for (id, outcome) in crate::library::reflow_stale(&mut store)? {
        super::tell(format_args!(
            "pizhu: document {id} reflowed with this version: {}",
            describe(outcome)
        ));
    }
    Ok(store)
}

/// The library for a command that only reads: opened read-only (works in a read-only folder
/// or on a full disk, creates nothing), unless documents reflowed by an older build must be
/// brought up to date first, which writes.
pub fn open_store_to_read(cli: &Cli) -> anyhow::Result<Store> {
    let path: PathBuf = match &cli.db {
        Some(path) => path.clone(),
        None => Store::default_path()?,
    };
    let store = Store::open_read_only(&path)?;
    if store.has_stale_documents()? || !store.undetected_sources()?.is_empty() {
        drop(store);
        return open_store(cli);
    }
    Ok(store)
}

/// Import each file in its own transaction; a file that fails leaves nothing behind and
/// does not stop the others, but makes the command fail.
fn import(store: &mut Store, files: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<()> {
    let mut failures = Vec::new();
    for file in files {
        match import_one(store, file) {
            Ok(id) => {
                writeln!(out, "{id}")?;
                out.flush()?;
            }
            Err(e) if files.len() == 1 => return Err(e),
            Err(e) => {
                super::tell(format_args!("pizhu: {e:#}"));
                failures.push(file.display().to_string());
            }
        }
    }
    if !failures.is_empty() {
        anyhow::bail!(
            "{} of {} files not imported: {}",
            failures.len(),
            files.len(),
            failures.join(", ")
        );
    }
    Ok(())
}

fn import_one(store: &mut Store, file: &Path) -> anyhow::Result<i64> {
    let ingested = ingest_path(file)?;
    let (id, outcome) = crate::library::import(store, file, &ingested)
        .with_context(|| format!("cannot import {}", file.display()))?;
    if let ImportOutcome::Updated { .. } = outcome {
        super::tell(format_args!(
            "pizhu: {} changed; document {id} updated: {}",
            file.display(),
            describe(outcome)
        ));
        tell_missed_corrections(store, id)?;
    }
    Ok(id)
}

/// After a document's text changed: say which of its corrections no longer apply.
fn tell_missed_corrections(store: &Store, id: i64) -> anyhow::Result<()> {
    let missed = crate::fix::list(store, id)?
        .iter()
        .filter(|l| l.not_applied.is_some())
        .count();
    if missed > 0 {
        super::tell(format_args!(
            "pizhu: {missed} correction(s) of document {id} no longer apply; see `pizhu fix {id} --list`"
        ));
    }
    Ok(())
}

fn describe(outcome: ImportOutcome) -> String {
    match outcome {
        ImportOutcome::New => "new".into(),
        ImportOutcome::Unchanged => "unchanged".into(),
        ImportOutcome::Updated {
            kept,
            moved,
            check,
            orphaned,
        } => format!(
            "annotations: {kept} kept, {moved} moved, {check} to check, {orphaned} orphaned"
        ),
    }
}

/// `id  title  articles  chars`, tab-separated, under a header line.
fn list(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "id\ttitle\tarticles\tchars")?;
    for d in store.documents()? {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            d.id,
            one_line(&d.title),
            d.articles,
            d.chars
        )?;
    }
    Ok(())
}

fn annotations(
    store: &Store,
    doc: Option<i64>,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let annotations = store.annotations(doc)?;
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &annotations)?;
        writeln!(out)?;
        return Ok(());
    }
    let names = store.color_names()?;
    for a in &annotations {
        write_readable(a, &names, out)?;
    }
    Ok(())
}

/// One annotation for people: a header line, the quote, then the note, indented.
fn write_readable(a: &Annotation, names: &[String], out: &mut dyn Write) -> std::io::Result<()> {
    let colour = names
        .get(usize::from(a.color).saturating_sub(1))
        .map(String::as_str)
        .unwrap_or("");
    let status = match a.status {
        AnchorStatus::Anchored => "",
        AnchorStatus::Check => "  [check]",
        AnchorStatus::Orphan => "  [orphan]",
    };
    write!(
        out,
        "{}  doc {}  {}..{}  colour {} {}{status}",
        a.id,
        a.document_id,
        a.start,
        a.end,
        a.color,
        escape_controls(colour, "")
    )?;
    if !a.tags.is_empty() {
        write!(out, "  tags: {}", escape_controls(&a.tags.join(", "), ""))?;
    }
    writeln!(out)?;
    writeln!(out, "    「{}」", one_line(&a.quote))?;
    for line in a.note.lines() {
        writeln!(out, "    > {}", escape_controls(line, "\t"))?;
    }
    Ok(())
}

/// Tabs and line breaks would break a tab-separated row or an indented block; other control
/// characters and bidi overrides (ESC sequences, a CR that hides the line's start, U+202E)
/// are shown as escapes rather than obeyed by the terminal.
fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if matches!(c, '\t' | '\n') { ' ' } else { c })
        .collect();
    escape_controls(&flat, "").into_owned()
}
