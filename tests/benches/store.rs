//! Committing one annotation to a file database (WAL, synchronous=FULL): the cost a user
//! pays for "saved the moment it is made" (issue 5 aims under 5 ms).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::ingest::ingest_bytes;
use pizhu::store::{NewAnnotation, Store};

const SAMPLE: &[u8] = include_bytes!("../../seeds/000_51e883962f205273.txt");

fn commit_one_annotation(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    let ingested = ingest_bytes(Path::new("sample.txt"), SAMPLE).unwrap();
    let (doc, _) = pizhu::library::import(&mut store, Path::new("sample.txt"), &ingested).unwrap();
    let len = ingested.outline.char_len();
    let mut i = 0usize;
    c.bench_function("store: commit one annotation (file, WAL)", |b| {
        b.iter(|| {
            i += 1;
            let start = (i * 13) % (len - 20);
            let new = NewAnnotation {
                document_id: doc,
                start,
                end: start + 12,
                color: (i % 6) as u8 + 1,
                note: "一条批注".into(),
                tags: vec!["数据".into(), format!("t{}", i % 50)],
            };
            store.add_annotation(&new).unwrap()
        })
    });
}

criterion_group!(benches, commit_one_annotation);
criterion_main!(benches);
