//! `pizhu outline FILE [--json]`: the recovered structure, without touching a database.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::core::outline::{Located, Outline};
use crate::ingest::ingest_path;

pub fn run(file: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let ingested = ingest_path(file)?;
    if as_json {
        let value = outline_json(
            &ingested.outline,
            ingested.decoded.encoding,
            ingested.reflow_version,
        );
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
    } else {
        write_tree(&ingested.outline, out)?;
    }
    Ok(())
}

/// `pizhu outline --doc DOC [--json]`: a stored document's outline, corrections applied,
/// in the same form as for a file.
pub fn run_stored(
    cli: &super::Cli,
    doc: i64,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let store = super::library::open_store_to_read(cli)?;
    let doc = store.document(doc)?;
    if as_json {
        let value = outline_json(&doc.outline, &doc.encoding, doc.reflow_version);
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
    } else {
        write_tree(&doc.outline, out)?;
    }
    Ok(())
}

/// The JSON contract of `pizhu outline --json` (issue 3).
pub fn outline_json(outline: &Outline, encoding: &str, reflow_version: u32) -> serde_json::Value {
    let text = |l: &Option<Located>| l.as_ref().map(|l| l.text.clone());
    // `"uncertain": true` only where the reflow was unsure; absent otherwise.
    let mark = |value: &mut serde_json::Value, uncertain: bool| {
        if uncertain {
            value["uncertain"] = json!(true);
        }
    };
    let articles: Vec<_> = outline
        .articles
        .iter()
        .map(|a| {
            let sections: Vec<_> = a
                .sections
                .iter()
                .map(|s| {
                    let paragraphs: Vec<_> = s
                        .paragraphs
                        .iter()
                        .map(|p| {
                            let mut v = json!({"text": p.text, "start": p.start, "end": p.end});
                            mark(&mut v, p.uncertain);
                            v
                        })
                        .collect();
                    let mut v = json!({"heading": text(&s.heading), "paragraphs": paragraphs});
                    mark(&mut v, s.heading.as_ref().is_some_and(|h| h.uncertain));
                    v
                })
                .collect();
            let mut v = json!({
                "title": text(&a.title),
                "subtitle": text(&a.subtitle),
                "byline": text(&a.byline),
                "continued_from_page": a.continued_from_page,
                "continued_marker": a.continued_marker,
                "end_matter": a.end_matter.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
                "sections": sections,
            });
            mark(&mut v, a.uncertain);
            v
        })
        .collect();
    json!({
        "text": outline.text,
        "encoding": encoding,
        "reflow_version": reflow_version,
        "page_furniture": outline.page_furniture,
        "articles": articles,
    })
}

/// A readable indented outline for people.
pub(super) fn write_tree(outline: &Outline, out: &mut dyn Write) -> std::io::Result<()> {
    for (i, a) in outline.articles.iter().enumerate() {
        writeln!(out, "文章 {}: {}", i + 1, a.display_title())?;
        if let Some(s) = &a.subtitle {
            writeln!(out, "  副题: {}", s.text)?;
        }
        if let Some(b) = &a.byline {
            writeln!(out, "  署名: {}", b.text)?;
        }
        if let Some(m) = &a.continued_marker {
            writeln!(out, "  续自: {m}")?;
        }
        for (j, s) in a.sections.iter().enumerate() {
            let heading = s
                .heading
                .as_ref()
                .map(|h| h.text.as_str())
                .unwrap_or("（无小标题）");
            writeln!(out, "  第 {} 节: {}", j + 1, heading)?;
            for p in &s.paragraphs {
                writeln!(out, "    [{}..{}] {}", p.start, p.end, p.text)?;
            }
        }
        for e in &a.end_matter {
            writeln!(out, "  文末: {}", e.text)?;
        }
    }
    Ok(())
}
