//! Train the reflow's line labeller on the page harness and write `assets/reflow-model.txt`.
//!
//! ```sh
//! cargo run --release --example train_reflow            # train, write the model, score train
//! cargo run --release --example train_reflow -- --check # score the shipped model, write nothing
//! ```
//!
//! Training reads only `tests/fixtures/pages/train/` and the bundled sample; the holdout
//! split is never read here, so `tests/reflow_pages.rs` measures the model on pages it
//! was not trained or tuned on. Deterministic: same fixtures, same model file.

#[path = "../pages_support/mod.rs"]
mod pages_support;

use std::collections::BTreeMap;

use pages_support::{label_page, load_split, score, Page, Score};
use pizhu::core::reflow::{reflow_with, Label, Model};

const EPOCHS: usize = 12;

fn sample_page() -> Page {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("seeds/000_51e883962f205273.txt");
    let bytes = std::fs::read(&path).expect("the bundled sample");
    let golden: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/seed-outline.json")).unwrap(),
    )
    .unwrap();
    Page {
        split: "train".into(),
        name: "sample".into(),
        extractor: "text".into(),
        family: "sample".into(),
        text: pizhu::ingest::decode(&path, &bytes).unwrap().text,
        path,
        golden,
    }
}

fn main() {
    let check_only = std::env::args().any(|a| a == "--check");
    let mut pages = load_split("train");
    pages.push(sample_page());
    let model = if check_only {
        Model::shipped().clone()
    } else {
        let labelled: Vec<_> = pages.iter().map(label_page).collect();
        let unmatched: usize = labelled.iter().map(|l| l.unmatched).sum();
        let lines: usize = labelled.iter().map(|l| l.labels.len()).sum();
        let mut by_label: BTreeMap<Label, usize> = BTreeMap::new();
        for l in labelled.iter().flat_map(|l| &l.labels) {
            *by_label.entry(*l).or_default() += 1;
        }
        eprintln!(
            "{} pages, {lines} pieces ({unmatched} not found in their golden)",
            pages.len()
        );
        for (l, n) in &by_label {
            eprintln!("  {:<11} {n}", l.name());
        }
        let data: Vec<_> = labelled
            .into_iter()
            .map(|l| (l.observations, l.labels))
            .collect();
        let model = Model::train(&data, EPOCHS);
        let header = format!(
            "pizhu reflow model: averaged structured perceptron, {EPOCHS} epochs,\n\
             trained on {} pages ({lines} pieces) of tests/fixtures/pages/train and the sample.\n\
             Regenerate: cargo run --release --example train_reflow",
            pages.len()
        );
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reflow-model.txt");
        std::fs::write(&out, model.to_text(&header)).expect("write the model");
        eprintln!("wrote {}", out.display());
        model
    };
    report(&pages, &model);
}

/// Per family and extractor: pages whole, titles, bylines, headings, paragraph F1.
fn report(pages: &[Page], model: &Model) {
    let mut table: BTreeMap<(String, String), (usize, usize, Score)> = BTreeMap::new();
    for page in pages {
        let doc = reflow_with(&page.text, model);
        let s = score(&page.golden, &doc);
        let row = table
            .entry((page.family.clone(), page.extractor.clone()))
            .or_default();
        row.0 += 1;
        row.1 += usize::from(s.whole());
        row.2.add(&s);
        if std::env::var_os("VERBOSE").is_some() && !s.whole() {
            eprintln!("{}.{}: {:?} F1 {:.3}", page.name, page.extractor, s, s.f1());
        }
    }
    println!(
        "{:<22} {:<9} {:>5} {:>7} {:>7} {:>7} {:>7} {:>6}",
        "family", "extract", "whole", "titles", "bylines", "heads", "extraH", "F1"
    );
    for ((family, extractor), (n, whole, s)) in &table {
        println!(
            "{family:<22} {extractor:<9} {whole:>2}/{n:<2} {:>3}/{:<3} {:>3}/{:<3} {:>3}/{:<3} {:>7} {:>6.3}",
            s.titles.0, s.titles.1, s.bylines.0, s.bylines.1, s.headings.0, s.headings.1,
            s.extra_headings, s.f1()
        );
    }
}
