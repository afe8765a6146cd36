//! Train the reflow's line labeller on the page harness and write `assets/reflow-model.txt`.
//!
//! ```sh
//! cargo run --release --example train_reflow            # train, write the model, score train
//! cargo run --release --example train_reflow -- --check # score the shipped model, write nothing
//! cargo run --release --example train_reflow -- --check --split fresh  # and score a held-out split
//! ```
//!
//! Training reads only `tests/fixtures/pages/train/`, `tests/fixtures/reflow/`, the bundled
//! sample and some of its re-settings (`pages_support::training`); the holdout split is
//! never read for training, so `tests/reflow_pages.rs` measures the model on pages it
//! was not trained or tuned on. Deterministic: same fixtures, same model file.

#[path = "../pages_support/mod.rs"]
mod pages_support;

use std::collections::BTreeMap;

use pages_support::training::{train, training_pages};
use pages_support::{label_page, load_split, print_table, record, score, Page, Table};
use pizhu::core::reflow::{reflow_with, Label, Model};

fn main() {
    let check_only = std::env::args().any(|a| a == "--check");
    let pages = training_pages();
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
        let (model, header) = train(&data);
        confusion(&pages, &data, &model);
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reflow-model.txt");
        std::fs::write(&out, model.to_text(&header)).expect("write the model");
        eprintln!("wrote {}", out.display());
        model
    };
    report(&pages, &model);
    let args: Vec<String> = std::env::args().collect();
    let scored = if args.iter().any(|a| a == "--holdout") {
        Some("holdout")
    } else {
        args.iter()
            .position(|a| a == "--split")
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    if let Some(split) = scored {
        // Aggregate numbers only: the holdout (and the fresh split) measure, they do not tune.
        let holdout = load_split(split);
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
    let mut table = Table::new();
    for page in pages {
        let s = score(&page.golden, &reflow_with(&page.text, model));
        if std::env::var_os("VERBOSE").is_some() && !s.whole() {
            eprintln!("{}.{}: {:?} F1 {:.3}", page.name, page.extractor, s, s.f1());
        }
        record(&mut table, page, &s);
    }
    print_table("", &table);
}
