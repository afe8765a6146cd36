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

use pages_support::{label_page, load_reflow_fixtures, load_split, score, Page, Score};
use pizhu::core::reflow::{reflow_with, Label, Model};

const EPOCHS: usize = 30;

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

/// The sample's articles re-set in 13 of the 74 layouts (`pages_support::resets`).
fn sample_resets(sample: &Page) -> Vec<Page> {
    let expected = pages_support::resets::expected();
    // Every sixth: enough to teach narrow and wide columns without letting one page's
    // articles outweigh the harness.
    pages_support::resets::layouts()
        .into_iter()
        .step_by(6)
        .map(|layout| Page {
            name: format!("{layout:?}"),
            family: "sample-reset".into(),
            text: pages_support::resets::render(&expected, layout),
            ..sample.clone()
        })
        .collect()
}

fn main() {
    let check_only = std::env::args().any(|a| a == "--check");
    let mut pages = load_split("train");
    pages.extend(load_reflow_fixtures());
    pages.push(sample_page());
    pages.extend(sample_resets(&pages[pages.len() - 1]));
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
        let mut model = Model::train(&data, EPOCHS);
        model.unsure_margin = calibrate(&data, &model);
        confusion(&pages, &data, &model);
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
    if std::env::args().any(|a| a == "--holdout") {
        // Aggregate numbers only: the holdout measures, it does not tune.
        let holdout = load_split("holdout");
        let data: Vec<_> = holdout
            .iter()
            .map(label_page)
            .map(|l| (l.observations, l.labels))
            .collect();
        std::env::remove_var("VERBOSE");
        confusion(&holdout, &data, &model);
        report(&holdout, &model);
    }
}

/// The margin below which 80% of the model's remaining mistakes on its training pages
/// fall: pieces labelled with less margin are reported as uncertain.
fn calibrate(data: &[(Vec<pizhu::core::reflow::Observation>, Vec<Label>)], model: &Model) -> f32 {
    let (mut wrong, mut right) = (Vec::new(), Vec::new());
    for (obs, gold) in data {
        for ((label, margin), want) in model.decode(obs).iter().zip(gold) {
            if margin.is_finite() {
                if label == want {
                    right.push(*margin)
                } else {
                    wrong.push(*margin)
                }
            }
        }
    }
    wrong.sort_by(f32::total_cmp);
    let threshold = wrong.get(wrong.len() * 8 / 10).copied().unwrap_or(0.0);
    let flagged = right.iter().filter(|m| **m < threshold).count();
    eprintln!(
        "uncertain below margin {threshold:.1}: flags {} of {} mistakes and {flagged} of {} right labels",
        wrong.iter().filter(|m| **m < threshold).count(),
        wrong.len(),
        right.len()
    );
    threshold
}

/// Which labels the model confuses on its own training pages, with examples
/// (`VERBOSE=1`): the place to look for a missing feature.
fn confusion(
    pages: &[Page],
    data: &[(Vec<pizhu::core::reflow::Observation>, Vec<Label>)],
    model: &Model,
) {
    let mut counts: BTreeMap<(Label, Label), usize> = BTreeMap::new();
    let verbose = std::env::var_os("VERBOSE").is_some();
    for (page, (obs, gold)) in pages.iter().zip(data) {
        let decoded = model.decode(obs);
        let texts = pizhu::core::reflow::prepare(&page.text);
        let texts = texts.texts();
        for (i, ((label, margin), want)) in decoded.iter().zip(gold).enumerate() {
            if label != want {
                *counts.entry((*want, *label)).or_default() += 1;
                if verbose {
                    let around = |k: usize| texts.get(k).copied().unwrap_or("");
                    eprintln!(
                        "{}.{} #{i}: want {} got {} ({margin:.1}): {} ⟨{}⟩ {}",
                        page.name,
                        page.extractor,
                        want.name(),
                        label.name(),
                        if i > 0 { around(i - 1) } else { "" },
                        around(i),
                        around(i + 1)
                    );
                }
            }
        }
    }
    eprintln!("confusions (want -> got):");
    for ((want, got), n) in &counts {
        eprintln!("  {:<11} -> {:<11} {n}", want.name(), got.name());
    }
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
