//! Decode + reflow throughput on the bundled sample repeated to 1, 2, 5 and 10 MB,
//! to show the rate (aim: 100 MB/s) and that cost grows linearly with input.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SAMPLE: &str = include_str!("../../seeds/000_51e883962f205273.txt");

fn page_of(bytes: usize) -> Vec<u8> {
    let mut text = String::with_capacity(bytes + SAMPLE.len());
    while text.len() < bytes {
        text.push_str(SAMPLE);
        text.push('\n');
    }
    text.into_bytes()
}

fn decode_and_reflow(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode+reflow");
    group.sample_size(10);
    for mb in [1usize, 2, 5, 10] {
        let bytes = page_of(mb * 1_000_000);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    pizhu::ingest::ingest_bytes(Path::new("bench.txt"), bytes)
                        .expect("sample decodes")
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, decode_and_reflow);
criterion_main!(benches);
