//! The reflow on the page harness: newspaper pages typeset as PDFs in several layout
//! families and extracted by four real extractors, plus text-only layouts
//! (`tests/harness/README.md`). The model is trained on the `train` split only; the
//! `holdout` split holds pages set from articles the model never saw, and is the test of
//! generalisation. Prints a table per split, family and extractor.

mod pages_support;

use std::collections::BTreeMap;

use pages_support::{load_split, print_table, record, score, Page, Score, Table};
use pizhu::core::outline::{char_slice, Outline};
use pizhu::core::reflow::reflow;

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
        record(&mut table, page, &s);
    }
    table
}

/// Per family (all extractors together): floors that the reflow must hold. They sit just
/// under what reflow model 2 measured when this was written, so a change that makes the
/// reflow worse fails here. They are well short of issue 10's aim (every title, byline
/// and heading, F1 0.97 on every family); the closing note of issue 10 has the table.
#[derive(Clone, Copy)]
struct Floors {
    titles: f64,
    headings: f64,
    f1: f64,
}

fn check(split: &str, table: &Table, floors: Floors) -> Vec<String> {
    let mut families: BTreeMap<&str, Score> = BTreeMap::new();
    for ((family, _), (_, _, s)) in table {
        families.entry(family).or_default().add(s);
    }
    let ratio = |(a, b): (usize, usize)| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let mut problems = Vec::new();
    for (family, s) in families {
        if ratio(s.titles) < floors.titles || ratio(s.headings) < floors.headings {
            problems.push(format!(
                "{split}/{family}: titles {:?}, headings {:?}",
                s.titles, s.headings
            ));
        }
        if s.f1() < floors.f1 {
            problems.push(format!(
                "{split}/{family}: paragraph F1 {:.3} < {}",
                s.f1(),
                floors.f1
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
        train.len() >= 100 && holdout.len() >= 100,
        "the harness is missing: {} train and {} holdout pages",
        train.len(),
        holdout.len()
    );
    let (t, h) = (evaluate(&train), evaluate(&holdout));
    print_table("train", &t);
    print_table("holdout (articles the model never saw)", &h);
    // Headings 0.8: one train family (text_wrapped_first_blank) has 11 heads on two
    // pages, one head is 9 points; model 12 finds 9 (two of the sample's `X：Y` heads over
    // a paragraph's first line, see the issue-10 note).
    let mut problems = check(
        "train",
        &t,
        Floors {
            titles: 0.75,
            headings: 0.8,
            f1: 0.89,
        },
    );
    problems.extend(check(
        "holdout",
        &h,
        Floors {
            titles: 0.38,
            headings: 0.65,
            f1: 0.82,
        },
    ));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The splits nobody trained on: `fresh` (written after model 4; its byline list was read
/// once to widen the byline recogniser; changes have been chosen on it since), `blind`
/// (written by a helper that never read the code; measured on models 5, 6, 7, 11 and,
/// as a decision set, 12 and 13), `probe` (written blind in session 8, a decision set
/// since) and `blind2` (written in session 8 by another helper blind to the code;
/// measured once per session, on models 12 and 13). Floors sit under what was measured, so that a
/// change that makes the reflow worse on pages it has never seen fails here even when it
/// helps the training pages.
#[test]
fn reflow_holds_on_unseen_splits() {
    let mut problems = Vec::new();
    // Model 13 with session 9's repairs, at the weakest family: fresh titles 0.84,
    // headings 0.95; blind titles 0.85, headings 0.89. Model 14 (session 23) measures
    // above these on every split (tests/harness/README.md, "Session 23").
    let model_13 = Floors {
        titles: 0.8,
        headings: 0.8,
        f1: 0.9,
    };
    // Probe (written blind in session 8, tuned on since): questions as heads in plain
    // wrapped text (text_wrapped_first headings 0.72, F1 0.89).
    let model_13_probe = Floors {
        titles: 0.8,
        headings: 0.7,
        f1: 0.88,
    };
    // Blind2 (measured once per session): titles 0.65 (f3, side-by-side articles in
    // pdftotext), headings 0.80, F1 0.90 at the weakest family.
    let model_13_blind2 = Floors {
        titles: 0.6,
        headings: 0.75,
        f1: 0.88,
    };
    for (split, floors) in [
        ("fresh", model_13),
        ("blind", model_13),
        ("probe", model_13_probe),
        ("blind2", model_13_blind2),
    ] {
        let pages = load_split(split);
        assert!(pages.len() >= 100, "{split}: only {} pages", pages.len());
        let table = evaluate(&pages);
        print_table(split, &table);
        problems.extend(check(split, &table, floors));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `assets/reflow-model.txt` is exactly what training on the committed training pages
/// gives: the model cannot drift from its fixtures and features unnoticed (retrain with
/// `cargo run --release --example train_reflow` after changing either).
#[test]
fn the_shipped_model_is_what_training_gives() {
    let data = pages_support::training::labelled(&pages_support::training::training_pages());
    let (model, header) = pages_support::training::train(&data);
    let shipped = include_str!("../assets/reflow-model.txt");
    let trained = model.to_text(&header);
    assert!(
        trained == shipped,
        "assets/reflow-model.txt is stale: retrain with `cargo run --release --example train_reflow`"
    );
}
