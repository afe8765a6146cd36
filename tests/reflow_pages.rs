//! The reflow on the page harness: newspaper pages typeset as PDFs in several layout
//! families and extracted by four real extractors, plus text-only layouts
//! (`tests/harness/README.md`). The model is trained on the `train` split only; the
//! `holdout` split holds pages set from articles the model never saw, and is the test of
//! generalisation. Prints a table per split, family and extractor.

mod pages_support;

use std::collections::BTreeMap;

use pages_support::{load_split, score, Page, Score};
use pizhu::core::outline::{char_slice, Outline};
use pizhu::core::reflow::reflow;

/// Scores per (family, extractor): pages, pages whole, summed score.
type Table = BTreeMap<(String, String), (usize, usize, Score)>;

fn evaluate(pages: &[Page]) -> Table {
    let mut table = Table::new();
    for page in pages {
        let doc = reflow(&page.text);
        // Offsets of the reading text select their paragraphs on every page.
        let outline = Outline::from_document(&doc);
        for p in outline
            .articles
            .iter()
            .flat_map(|a| &a.sections)
            .flat_map(|s| &s.paragraphs)
        {
            assert_eq!(
                char_slice(&outline.text, p.start, p.end),
                p.text,
                "{}",
                page.path.display()
            );
        }
        let s = score(&page.golden, &doc);
        if !s.whole() {
            eprintln!(
                "not whole: {} ({}): titles {:?} bylines {:?} headings {:?}+{} articles {:?} F1 {:.3}",
                page.path.display(),
                page.family,
                s.titles,
                s.bylines,
                s.headings,
                s.extra_headings,
                s.articles,
                s.f1()
            );
        }
        let row = table
            .entry((page.family.clone(), page.extractor.clone()))
            .or_default();
        row.0 += 1;
        row.1 += usize::from(s.whole());
        row.2.add(&s);
    }
    table
}

fn print(split: &str, table: &Table) {
    println!("\n{split}");
    println!(
        "{:<24} {:<9} {:>6} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "family", "extractor", "whole", "titles", "bylines", "headings", "subtitle", "F1"
    );
    for ((family, extractor), (n, whole, s)) in table {
        println!(
            "{family:<24} {extractor:<9} {whole:>3}/{n:<2} {:>4}/{:<3} {:>4}/{:<3} {:>4}/{:<3} {:>5}/{:<3} {:>7.3}",
            s.titles.0, s.titles.1, s.bylines.0, s.bylines.1, s.headings.0, s.headings.1,
            s.subtitles.0, s.subtitles.1, s.f1()
        );
    }
}

/// Per family (all extractors together): what must hold.
fn check(split: &str, table: &Table, min_f1: f64) -> Vec<String> {
    let mut families: BTreeMap<&str, Score> = BTreeMap::new();
    for ((family, _), (_, _, s)) in table {
        families.entry(family).or_default().add(s);
    }
    let mut problems = Vec::new();
    for (family, s) in families {
        if s.titles.0 < s.titles.1 || s.bylines.0 < s.bylines.1 || s.headings.0 < s.headings.1 {
            problems.push(format!(
                "{split}/{family}: titles {:?}, bylines {:?}, headings {:?}",
                s.titles, s.bylines, s.headings
            ));
        }
        if s.f1() < min_f1 {
            problems.push(format!(
                "{split}/{family}: paragraph F1 {:.3} < {min_f1}",
                s.f1()
            ));
        }
    }
    problems
}

#[test]
fn reflow_recovers_harness_pages() {
    let train = load_split("train");
    let holdout = load_split("holdout");
    assert!(
        train.len() >= 24 && holdout.len() >= 12,
        "the harness is missing: {} train and {} holdout pages",
        train.len(),
        holdout.len()
    );
    let (t, h) = (evaluate(&train), evaluate(&holdout));
    print("train", &t);
    print("holdout (articles the model never saw)", &h);
    let mut problems = check("train", &t, MIN_F1_TRAIN);
    problems.extend(check("holdout", &h, MIN_F1_HOLDOUT));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Paragraph F1 per family that the reflow must reach.
const MIN_F1_TRAIN: f64 = 0.97;
const MIN_F1_HOLDOUT: f64 = 0.95;
