//! `pizhu search` (issue 14): every match of a string in the documents' reading text and
//! in notes and tags, as keyword-in-context lines or JSON; and `pizhu meta`, a document's
//! source (paper, date, page), printed or set. The window's search calls the same
//! `core::search::search` on the same corpus.

use std::io::Write;

use anyhow::Context;

use super::library::{open_store, open_store_to_read};
use super::Cli;
use crate::core::search::{search, Hit, HitKind, Query};
use crate::core::source::{normalize_date, SourceMeta};
use crate::export::controls::escape_controls;

/// What `pizhu search` was asked.
pub struct SearchArgs<'a> {
    pub query: &'a str,
    pub doc: Option<i64>,
    pub paper: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub notes: bool,
    pub json: bool,
}

pub fn run_search(cli: &Cli, args: &SearchArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.query.is_empty() {
        anyhow::bail!("the query is empty: give the text to search for");
    }
    let date = |flag: &str, value: Option<&str>| -> anyhow::Result<Option<String>> {
        value
            .map(|v| {
                normalize_date(v)
                    .with_context(|| format!("{flag} {v:?} is not a date (use YYYY-MM-DD)"))
            })
            .transpose()
    };
    let query = Query {
        text: args.query.to_string(),
        document: args.doc,
        paper: args.paper.map(str::to_string),
        from: date("--from", args.from)?,
        to: date("--to", args.to)?,
        notes_only: args.notes,
    };
    let store = open_store_to_read(cli)?;
    let corpus = store.corpus()?;
    if let Some(id) = args.doc {
        corpus
            .document(id)
            .with_context(|| format!("no document {id} in the library"))?;
    }
    let results = search(&corpus, &query, usize::MAX);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &results.hits)?;
        writeln!(out)?;
        return Ok(());
    }
    let mut last_doc = None;
    let mut last_place = None;
    for hit in &results.hits {
        if last_doc != Some(hit.document) {
            let doc = corpus.document(hit.document);
            let cite = doc.and_then(|d| d.source.citation()).unwrap_or_default();
            writeln!(out, "文档 {}  {}", hit.document, flat(&cite))?;
            last_doc = Some(hit.document);
            last_place = None;
        }
        let place = (hit.article, hit.heading.clone());
        if last_place.as_ref() != Some(&place) {
            let title = hit.article_title.as_deref().unwrap_or("（无题）");
            match &hit.heading {
                Some(h) => writeln!(out, "  《{}》 · {}", flat(title), flat(h))?,
                None => writeln!(out, "  《{}》", flat(title))?,
            }
            last_place = Some(place);
        }
        writeln!(out, "    {}  {}", where_found(hit), kwic(hit))?;
    }
    writeln!(out, "{} 处 (hits)", results.total)?;
    Ok(())
}

fn where_found(hit: &Hit) -> String {
    let id = hit.annotation.as_deref().unwrap_or("");
    let short = id.get(..8).unwrap_or(id);
    match hit.kind {
        HitKind::Text => format!("{}–{}", hit.start, hit.end),
        HitKind::Note => format!("笔记 {short}"),
        HitKind::Tag => format!("标签 {short}"),
    }
}

/// `left【hit】right` on one line.
fn kwic(hit: &Hit) -> String {
    flat(&format!("{}【{}】{}", hit.left, hit.hit, hit.right))
}

fn flat(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| if matches!(c, '\n' | '\t') { ' ' } else { c })
        .collect();
    escape_controls(&one, "").into_owned()
}

/// What `pizhu meta` was asked: each `Some` replaces that field ("" clears it).
pub struct MetaArgs<'a> {
    pub doc: i64,
    pub paper: Option<&'a str>,
    pub date: Option<&'a str>,
    pub page: Option<u32>,
    pub page_name: Option<&'a str>,
    pub json: bool,
}

pub fn run_meta(cli: &Cli, args: &MetaArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let editing = args.paper.is_some()
        || args.date.is_some()
        || args.page.is_some()
        || args.page_name.is_some();
    let meta = if editing {
        let mut store = open_store(cli)?;
        let mut meta = store.source(args.doc)?;
        let text = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        if let Some(p) = args.paper {
            meta.paper = text(p);
        }
        if let Some(d) = args.date {
            meta.date = match d.trim() {
                "" => None,
                d => Some(
                    normalize_date(d)
                        .with_context(|| format!("--date {d:?} is not a date (use YYYY-MM-DD)"))?,
                ),
            };
        }
        if let Some(p) = args.page {
            meta.page = (p > 0).then_some(p);
        }
        if let Some(n) = args.page_name {
            meta.page_name = text(n);
        }
        store.set_source(args.doc, &meta)?;
        meta
    } else {
        open_store_to_read(cli)?.source(args.doc)?
    };
    write_meta(args.doc, &meta, args.json, out)
}

fn write_meta(doc: i64, m: &SourceMeta, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if json {
        let value = serde_json::json!({
            "document": doc,
            "paper": m.paper,
            "date": m.date,
            "page": m.page,
            "page_name": m.page_name,
        });
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
        return Ok(());
    }
    let field = |v: Option<String>| flat(&v.unwrap_or_default());
    writeln!(out, "paper\t{}", field(m.paper.clone()))?;
    writeln!(out, "date\t{}", field(m.date.clone()))?;
    writeln!(out, "page\t{}", field(m.page.map(|p| p.to_string())))?;
    writeln!(out, "page_name\t{}", field(m.page_name.clone()))?;
    Ok(())
}
