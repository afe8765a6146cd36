//! Where the layout analysis of the harness PDFs goes wrong, by class of failure: per page
//! the titles, subtitles, bylines and headings missing or extra, and the paragraphs cut
//! in two (`split`), run together (`merged`) or otherwise wrong; then the counts per class
//! and the outline score per family (titles, bylines, headings found; paragraph F1).
//!
//! `cargo run --example pdf_diff -- [train|holdout|DIR] [--quiet] [--only NAME]`
//!
//! DIR: any directory of PDFs with `NAME.golden.json` beside them, e.g. the extra split
//! typeset with its PDFs kept (`KEEP_PDFS["extra"] = True` in make_pages.py, `OUT` set to
//! a scratch directory): pages the layout analysis was never tuned on.
//!
//! Comparison as in `tests/pdf_pages.rs`: titles, subtitles, bylines and headings without
//! whitespace and □/■, paragraphs and end matter letter for letter. The score per family
//! is `outline_score.py`'s (whitespace removed everywhere).

#[path = "../pages_support/mod.rs"]
mod pages_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pages_support::{score, squash, Score};
use pizhu::core::model::Document;
use serde_json::Value;

/// The comparable items of an outline: (class, squeezed text).
fn items(doc: &Value) -> Vec<(&'static str, String)> {
    let sq = |v: &Value| squash(v.as_str().unwrap_or(""));
    // Paragraphs and end matter letter for letter, as tests/pdf_pages.rs compares them.
    let text = |v: &Value| {
        let v = if v.is_string() { v } else { &v["text"] };
        v.as_str().unwrap_or("").trim().to_string()
    };
    let mut out = Vec::new();
    for a in doc["articles"].as_array().into_iter().flatten() {
        for (key, class) in [
            ("title", "title"),
            ("subtitle", "subtitle"),
            ("byline", "byline"),
        ] {
            if !a[key].is_null() {
                out.push((class, sq(&a[key])));
            }
        }
        for s in a["sections"].as_array().into_iter().flatten() {
            if !s["heading"].is_null() {
                out.push(("heading", sq(&s["heading"])));
            }
            for p in s["paragraphs"].as_array().into_iter().flatten() {
                out.push(("paragraph", text(p)));
            }
        }
        for e in a["end_matter"].as_array().into_iter().flatten() {
            out.push(("end", text(e)));
        }
    }
    out
}

/// Multiset difference: items of `a` not matched in `b`.
fn minus<'a>(
    a: &'a [(&'static str, String)],
    b: &[(&'static str, String)],
) -> Vec<&'a (&'static str, String)> {
    let mut left: Vec<Option<&(&str, String)>> = b.iter().map(Some).collect();
    a.iter()
        .filter(
            |x| match left.iter().position(|y| y.is_some_and(|y| y == *x)) {
                Some(i) => {
                    left[i] = None;
                    false
                }
                None => true,
            },
        )
        .collect()
}

/// Name a wrong paragraph: cut out of a golden one, several golden ones run together, a
/// golden one with a heading, title or byline run into it, or other.
fn paragraph_class(text: &str, gold: &[(&'static str, String)]) -> &'static str {
    let paras = || gold.iter().filter(|g| matches!(g.0, "paragraph" | "end"));
    if paras().any(|g| squash(&g.1) == squash(text)) {
        return "para spacing";
    }
    if paras().any(|g| g.1.contains(text)) {
        return "para split";
    }
    let inside = paras().filter(|g| text.contains(g.1.as_str())).count();
    if inside >= 2 {
        return "para merged";
    }
    if gold
        .iter()
        .any(|g| !matches!(g.0, "paragraph" | "end") && text.contains(g.1.as_str()))
    {
        return "para has head";
    }
    if inside == 1 {
        return "para + piece";
    }
    "para other"
}

fn pdfs(split: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = pages_support::pages_dir().join(split);
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let stem = name.split('.').next()?;
            let golden = dir.join(format!("{stem}.golden.json"));
            golden.exists().then_some((p, golden))
        })
        .collect();
    out.sort();
    out
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "train".into());
    let quiet = args.iter().any(|a| a == "--quiet");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let mut classes: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut families: BTreeMap<String, (usize, usize, Score)> = BTreeMap::new();
    let (mut exact, mut total) = (0, 0);
    for (pdf, golden_path) in pdfs(&split) {
        if only.is_some_and(|o| !name(&pdf).starts_with(o.as_str())) {
            continue;
        }
        let golden: Value =
            serde_json::from_str(&std::fs::read_to_string(&golden_path).unwrap()).unwrap();
        let doc: Document = match pizhu::ingest::ingest_path(&pdf) {
            Ok(i) => i.document,
            Err(e) => {
                println!("{}: {e}", name(&pdf));
                continue;
            }
        };
        let got = items(&serde_json::to_value(&doc).unwrap());
        let want = items(&golden);
        total += 1;
        let s = score(&golden, &doc);
        let family = golden["family"].as_str().unwrap_or("?").to_string();
        let row = families.entry(family).or_default();
        row.0 += 1;
        if got == want {
            exact += 1;
            row.1 += 1;
            row.2.add(&s);
            continue;
        }
        row.2.add(&s);
        let missing = minus(&want, &got);
        let extra = minus(&got, &want);
        let mut page_classes: Vec<String> = Vec::new();
        for (class, text) in &missing {
            let c = format!("{class} missing");
            page_classes.push(c.clone());
            if !quiet {
                println!("{}  - {class}: {text}", name(&pdf));
            }
        }
        for (class, text) in &extra {
            let c = if *class == "paragraph" || *class == "end" {
                paragraph_class(text, &want).to_string()
            } else {
                format!("{class} extra")
            };
            if !quiet {
                println!("{}  + {c}: {text}", name(&pdf));
            }
            page_classes.push(c);
        }
        if missing.is_empty() && extra.is_empty() {
            page_classes.push("order".into());
            if !quiet {
                println!("{}  order differs", name(&pdf));
            }
        }
        let mut seen: Vec<String> = Vec::new();
        for c in page_classes {
            let e = classes.entry(c.clone()).or_default();
            e.0 += 1;
            if !seen.contains(&c) {
                e.1 += 1;
                seen.push(c);
            }
        }
    }
    println!("\n{split}: {exact} of {total} PDFs exact");
    println!("{:<18} {:>6} {:>6}", "class", "items", "pages");
    for (c, (n, pages)) in &classes {
        println!("{c:<18} {n:>6} {pages:>6}");
    }
    println!(
        "\n{:<6} {:>7} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "family", "exact", "titles", "bylines", "headings", "subtitle", "F1"
    );
    let mut sum = Score::default();
    for (f, (n, whole, s)) in &families {
        sum.add(s);
        println!(
            "{f:<6} {whole:>3}/{n:<3} {:>4}/{:<3} {:>4}/{:<3} {:>4}/{:<3} {:>5}/{:<3} {:>7.3}",
            s.titles.0,
            s.titles.1,
            s.bylines.0,
            s.bylines.1,
            s.headings.0,
            s.headings.1,
            s.subtitles.0,
            s.subtitles.1,
            s.f1()
        );
    }
    println!(
        "{:<6} {exact:>3}/{total:<3} {:>4}/{:<3} {:>4}/{:<3} {:>4}/{:<3} {:>5}/{:<3} {:>7.3}  extra headings {}",
        "all",
        sum.titles.0,
        sum.titles.1,
        sum.bylines.0,
        sum.bylines.1,
        sum.headings.0,
        sum.headings.1,
        sum.subtitles.0,
        sum.subtitles.1,
        sum.f1(),
        sum.extra_headings
    );
}
