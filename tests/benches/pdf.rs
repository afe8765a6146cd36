//! Pages per second for a six-column newspaper page PDF (aim: under 50 ms a page):
//! reading the text layer with hayro (`ingest::pdf`) and the layout analysis
//! (`core::layout`) timed apart and together. Peak memory: see README (measured with
//! `/usr/bin/time -v target/release/pizhu outline tests/fixtures/pdf/pages/six_columns.pdf`).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/pdf/pages/six_columns.pdf"
);

fn six_column_page(c: &mut Criterion) {
    let bytes = std::fs::read(PAGE).expect("fixture page; run tests/fixtures/pdf/make_pages.py");
    let path = Path::new("six_columns.pdf");
    let pages = pizhu::ingest::pdf::read_pages(path, &bytes).expect("page reads");
    let mut group = c.benchmark_group("pdf six-column page");
    group.sample_size(20);
    group.throughput(Throughput::Elements(1));
    group.bench_function("read glyphs", |b| {
        b.iter(|| pizhu::ingest::pdf::read_pages(path, &bytes).expect("page reads"))
    });
    group.bench_function("layout", |b| {
        b.iter(|| pizhu::core::layout::analyse(&pages))
    });
    group.bench_function("whole ingest", |b| {
        b.iter(|| pizhu::ingest::ingest_bytes(path, &bytes).expect("page ingests"))
    });
    group.finish();
}

criterion_group!(benches, six_column_page);
criterion_main!(benches);
