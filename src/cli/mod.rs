//! The command line: one binary, a window by default, subcommands for scripting.
//! Each subcommand's contract is fixed by the issues; other tools rely on it.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

mod desktop;
mod fix;
mod library;
mod lookup;
mod notes;
mod outline;
mod search;

#[derive(Debug, Parser)]
#[command(
    name = "pizhu",
    version,
    about = "批注 — read and annotate Chinese newspaper text extracted from PDFs"
)]
pub struct Cli {
    /// Database file (default: the user data dir's pizhu/pizhu.sqlite3).
    #[arg(long, global = true, env = "PIZHU_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Subcommand>,

    /// Files to import and open in the window.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// A subcommand of the binary (the window's actions are `session::Command`).
#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Print the structure recovered from a file (no database touched), or with
    /// `--doc DOC` the stored document's, its corrections applied.
    Outline {
        #[arg(required_unless_present = "doc", conflicts_with = "doc")]
        file: Option<PathBuf>,
        /// A document in the library instead of a file.
        #[arg(long)]
        doc: Option<i64>,
        /// Machine-readable JSON instead of an indented outline.
        #[arg(long)]
        json: bool,
    },
    /// Correct a stored document's structure at code-point offset N of `pizhu text DOC`:
    /// join the block with the next, split at N, start or merge an article, move a
    /// title down or up, or mark the block as KIND. `--list` shows the corrections,
    /// `--undo` removes the last one.
    Fix {
        doc: i64,
        #[arg(value_enum, required_unless_present_any = ["list", "undo"])]
        action: Option<fix::FixAction>,
        /// For `mark`: title, subtitle, byline, heading, paragraph, end-matter, furniture.
        #[arg(value_enum)]
        kind: Option<fix::FixKind>,
        #[arg(long, value_name = "N")]
        at: Option<usize>,
        #[arg(long, conflicts_with_all = ["action", "undo"])]
        list: bool,
        /// With --list: JSON.
        #[arg(long, requires = "list")]
        json: bool,
        #[arg(long, conflicts_with = "action")]
        undo: bool,
    },
    /// Import files into the library; prints one document id per file.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the documents in the library.
    List,
    /// Name a document in the library ("" gives back its first article's title).
    Rename { doc: i64, name: String },
    /// Read a document again from the file it was imported from: reflowed, its
    /// annotations re-anchored, its source and name kept.
    Reimport { doc: i64 },
    /// Print a document's reading text exactly (the text annotation offsets point into).
    Text { doc: i64 },
    /// Add an annotation by code-point offsets; prints its id.
    Annotate {
        doc: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=6))]
        color: u8,
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// List annotations, of one document or of all.
    Annotations {
        doc: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Export annotations as Markdown, CSV, W3C Web Annotation JSON-LD or a REFI-QDA
    /// project (qdpx, for NVivo, ATLAS.ti, MAXQDA, QualCoder; needs --out).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        doc: Option<i64>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Merge annotations from a W3C Web Annotation JSON file or a REFI-QDA project (.qdpx).
    ImportAnnotations { file: PathBuf },
    /// Find a string in every document's text and in notes and tags (any length, exact).
    Search {
        query: String,
        /// Only this document.
        #[arg(long)]
        doc: Option<i64>,
        /// Only documents whose paper contains this.
        #[arg(long)]
        paper: Option<String>,
        /// Only documents dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only documents dated on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only notes and tags, not the documents' text.
        #[arg(long)]
        notes: bool,
        /// An array of hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a document's source (paper, date, page); the options set it ("" clears).
    Meta {
        doc: i64,
        #[arg(long)]
        paper: Option<String>,
        /// YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=999))]
        page: Option<u32>,
        #[arg(long)]
        page_name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Pinyin and English glosses (CC-CEDICT) of the word at char N of TEXT (default 0),
    /// as the window's dictionary popup shows them. No database touched.
    Lookup {
        text: String,
        #[arg(long, value_name = "N", default_value_t = 0)]
        at: usize,
        /// The word, its span and entries as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Install (or remove) the desktop entry and icons for this user.
    InstallDesktop {
        #[arg(long)]
        uninstall: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Json,
    Qdpx,
}

/// Tell the user something on stderr. Unlike `eprintln!`, never panics when stderr is
/// closed (a desktop launch, `2>&-`): the message is then only in the log.
pub(crate) fn tell(message: std::fmt::Arguments) {
    use std::io::Write;
    tracing::info!("{message}");
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// An error and its causes as one line: each cause once (a message that already quotes its
/// cause, as `cannot open X: unable to open database file` does, is not followed by it
/// again), line breaks as spaces.
pub fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let message = cause.to_string();
        if line.contains(&message) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&message);
    }
    line.replace(['\r', '\n'], " ")
}

/// Run a subcommand. `None` means "open the window", which the binary handles.
pub fn run(cli: &Cli, command: &Subcommand) -> anyhow::Result<()> {
    let out = &mut std::io::stdout().lock();
    match command {
        Subcommand::Outline {
            file: Some(file),
            json,
            ..
        } => outline::run(file, *json, out),
        Subcommand::Outline {
            file: None,
            doc,
            json,
        } => outline::run_stored(cli, doc.unwrap_or_default(), *json, out),
        Subcommand::Fix {
            doc,
            action,
            kind,
            at,
            list,
            json,
            undo,
        } => fix::run(
            cli,
            &fix::FixArgs {
                doc: *doc,
                action: *action,
                kind: *kind,
                at: *at,
                list: *list,
                json: *json,
                undo: *undo,
            },
            out,
        ),
        Subcommand::InstallDesktop { uninstall } => desktop::run(*uninstall, out),
        Subcommand::Lookup { text, at, json } => lookup::run(text, *at, *json, out),
        Subcommand::Import { .. }
        | Subcommand::List
        | Subcommand::Rename { .. }
        | Subcommand::Reimport { .. }
        | Subcommand::Text { .. }
        | Subcommand::Annotate { .. }
        | Subcommand::Annotations { .. } => library::run(cli, command, out),
        Subcommand::Export {
            format,
            doc,
            out: out_path,
        } => notes::export(cli, *format, *doc, out_path.as_deref(), out),
        Subcommand::ImportAnnotations { file } => notes::import_file(cli, file, out),
        Subcommand::Search {
            query,
            doc,
            paper,
            from,
            to,
            notes,
            json,
        } => {
            let args = search::SearchArgs {
                query,
                doc: *doc,
                paper: paper.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                notes: *notes,
                json: *json,
            };
            search::run_search(cli, &args, out)
        }
        Subcommand::Meta {
            doc,
            paper,
            date,
            page,
            page_name,
            json,
        } => {
            let args = search::MetaArgs {
                doc: *doc,
                paper: paper.as_deref(),
                date: date.as_deref(),
                page: *page,
                page_name: page_name.as_deref(),
                json: *json,
            };
            search::run_meta(cli, &args, out)
        }
    }
    .map(|_| {
        let _ = cli;
    })
}

/// No subcommand: open the window (import `cli.files` first). Without the `gui`
/// feature, print the outline of the bundled sample or the given files instead.
pub fn open_window(cli: &Cli) -> anyhow::Result<()> {
    #[cfg(feature = "gui")]
    {
        let db = match &cli.db {
            Some(path) => path.clone(),
            None => crate::store::Store::default_path()?,
        };
        crate::app::run(db, cli.files.clone())
    }
    #[cfg(not(feature = "gui"))]
    {
        tell(format_args!(
            "pizhu: this build has no window (built without the `gui` feature); \
             printing the outline instead. Build with default features to read in a window."
        ));
        let out = &mut std::io::stdout().lock();
        if cli.files.is_empty() {
            let sample = std::path::Path::new(crate::session::SAMPLE_PATH);
            let ingested = crate::ingest::ingest_bytes(sample, crate::session::SAMPLE_TEXT)?;
            outline::write_tree(&ingested.outline, out)?;
            return Ok(());
        }
        for file in &cli.files {
            outline::run(file, false, out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod error_line_tests {
    use super::error_line;

    #[test]
    fn each_cause_is_printed_once_on_one_line() {
        let io = std::io::Error::other("unable to open database file");
        let e = anyhow::Error::new(io).context("cannot open x.db: unable to open database file");
        assert_eq!(
            error_line(&e),
            "cannot open x.db: unable to open database file"
        );
        let e = anyhow::anyhow!("disk full").context("cannot write\nout.md");
        assert_eq!(error_line(&e), "cannot write out.md: disk full");
    }
}
