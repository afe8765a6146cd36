//! Issue 17: the clreq line breaker on the sample's longest section, every block of it
//! (paragraphs justified with their indent, compression on), at 38 chars a line (aim: under
//! 2 ms). Advances are 1 em for wide chars and half for the rest, as the reading face
//! measures them; the window adds one egui galley per row on top (see the `frame` bench).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::core::charclass::is_wide;
use pizhu::core::linebreak::{break_rows, Align, Setting};

/// The blocks (title, headings, paragraphs...) of the sample's longest section, as chars.
fn longest_section() -> Vec<Vec<char>> {
    let ingested =
        pizhu::ingest::ingest_bytes(Path::new("sample.txt"), pizhu::session::SAMPLE_TEXT)
            .expect("the sample reads");
    let outline = ingested.outline;
    let (a, s) = outline
        .section_refs()
        .into_iter()
        .max_by_key(|&(a, s)| {
            let (start, end) = outline.articles[a].sections[s].span();
            end - start
        })
        .expect("the sample has sections");
    let section = &outline.articles[a].sections[s];
    section
        .heading
        .iter()
        .chain(&section.paragraphs)
        .map(|l| l.text.chars().collect())
        .collect()
}

fn lay_out_longest_section(c: &mut Criterion) {
    let blocks = longest_section();
    let chars: usize = blocks.iter().map(Vec::len).sum();
    let advances: Vec<Vec<f32>> = blocks
        .iter()
        .map(|b| {
            b.iter()
                .map(|&c| if is_wide(c) { 20.0 } else { 10.0 })
                .collect()
        })
        .collect();
    let setting = Setting {
        align: Align::Justify,
        balance: false,
        first_indent: 40.0,
        compress: true,
        em: 20.0,
    };
    let rows: usize = blocks
        .iter()
        .zip(&advances)
        .map(|(b, a)| break_rows(b, a, 38.0 * 20.0, &setting).len())
        .sum();
    eprintln!(
        "longest section: {} blocks, {chars} chars, {rows} rows",
        blocks.len()
    );
    c.bench_function("linebreak_longest_section_38_chars", |b| {
        b.iter(|| {
            for (block, adv) in blocks.iter().zip(&advances) {
                black_box(break_rows(block, adv, 38.0 * 20.0, &setting));
            }
        })
    });
}

criterion_group!(benches, lay_out_longest_section);
criterion_main!(benches);
