//! `pizhu fix DOC ACTION --at N`, `pizhu fix DOC mark KIND --at N`, `pizhu fix DOC --list
//! [--json]`, `pizhu fix DOC --undo` (issue 13): correct a stored document's structure.
//! Success prints nothing; an offset that does not fit the action is an error (exit 1).

use std::io::Write;

use clap::ValueEnum;
use serde_json::json;

use super::Cli;
use crate::core::corrections::{Action, MarkKind};
use crate::fix::Listed;

/// What `pizhu fix` does at `--at N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FixAction {
    Join,
    Split,
    NewArticle,
    MergeArticle,
    TitleDown,
    TitleUp,
    Mark,
}

/// What `pizhu fix DOC mark KIND` marks a block as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FixKind {
    Title,
    Subtitle,
    Byline,
    Heading,
    Paragraph,
    EndMatter,
    Furniture,
}

impl From<FixKind> for MarkKind {
    fn from(k: FixKind) -> MarkKind {
        match k {
            FixKind::Title => MarkKind::Title,
            FixKind::Subtitle => MarkKind::Subtitle,
            FixKind::Byline => MarkKind::Byline,
            FixKind::Heading => MarkKind::Heading,
            FixKind::Paragraph => MarkKind::Paragraph,
            FixKind::EndMatter => MarkKind::EndMatter,
            FixKind::Furniture => MarkKind::Furniture,
        }
    }
}

/// The arguments of `pizhu fix`, as parsed.
pub struct FixArgs {
    pub doc: i64,
    pub action: Option<FixAction>,
    pub kind: Option<FixKind>,
    pub at: Option<usize>,
    pub list: bool,
    pub json: bool,
    pub undo: bool,
}

pub fn run(cli: &Cli, args: &FixArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.list {
        let store = super::library::open_store_to_read(cli)?;
        let listed = crate::fix::list(&store, args.doc)?;
        return write_list(&listed, args.json, out);
    }
    let mut store = super::library::open_store(cli)?;
    if args.undo {
        if crate::fix::undo_last(&mut store, args.doc)?.is_none() {
            anyhow::bail!("document {} has no corrections to undo", args.doc);
        }
        return Ok(());
    }
    let Some(action) = args.action else {
        anyhow::bail!(
            "say what to do: pizhu fix DOC join|split|new-article|merge-article|title-down|title-up|mark KIND --at N, or --list, or --undo"
        );
    };
    let action = match (action, args.kind) {
        (FixAction::Mark, Some(kind)) => Action::Mark(kind.into()),
        (FixAction::Mark, None) => anyhow::bail!(
            "mark needs a KIND: title, subtitle, byline, heading, paragraph, end-matter or furniture"
        ),
        (_, Some(_)) => anyhow::bail!("only mark takes a KIND"),
        (FixAction::Join, None) => Action::Join,
        (FixAction::Split, None) => Action::Split,
        (FixAction::NewArticle, None) => Action::NewArticle,
        (FixAction::MergeArticle, None) => Action::MergeArticle,
        (FixAction::TitleDown, None) => Action::TitleDown,
        (FixAction::TitleUp, None) => Action::TitleUp,
    };
    let Some(at) = args.at else {
        anyhow::bail!(
            "--at N is needed: a code-point offset into `pizhu text {}`",
            args.doc
        );
    };
    crate::fix::fix(&mut store, args.doc, action, at)?;
    Ok(())
}

fn write_list(listed: &[Listed], as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if as_json {
        let rows: Vec<_> = listed
            .iter()
            .map(|l| {
                let c = &l.stored.correction;
                let mut v = json!({
                    "id": l.stored.id,
                    "action": c.action.name(),
                    "line": c.at.line + 1,
                    "quote": c.at.quote,
                    "column": c.at.column,
                    "created": l.stored.created,
                    "applied": l.not_applied.is_none(),
                });
                if let Some(reason) = &l.not_applied {
                    v["reason"] = json!(reason);
                }
                v
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    for (i, l) in listed.iter().enumerate() {
        let c = &l.stored.correction;
        let status = match &l.not_applied {
            None => "applied".to_string(),
            Some(reason) => format!("NOT APPLIED: {reason}"),
        };
        writeln!(
            out,
            "{}\t{}\tline {} «{}»\t{}",
            i + 1,
            c.action.name(),
            c.at.line + 1,
            c.at.quote,
            status
        )?;
    }
    Ok(())
}
