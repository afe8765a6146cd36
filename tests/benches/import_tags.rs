//! Importing one W3C annotation with 10,000 tagging bodies (issue 16: 100,000 took 42.6 s,
//! a `contains` on a Vec per body). Two files: 10,000 bodies naming 50 tags (imported, the
//! repeats dropped) and 10,000 different tags (refused whole: more than the per-annotation
//! cap), each into an in-memory library holding the sample page.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::ingest::ingest_bytes;
use pizhu::notes::import_annotations;
use pizhu::store::Store;

const SAMPLE: &[u8] = include_bytes!("../../seeds/000_51e883962f205273.txt");

fn annotation_with_tags(hash: &str, quote: &str, tags: impl Iterator<Item = String>) -> String {
    let bodies: Vec<serde_json::Value> = tags
        .map(|t| serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
        .collect();
    serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:6f1c2d3e-4a5b-4c6d-8e7f-901234567890",
        "type": "Annotation",
        "body": bodies,
        "target": {"source": format!("urn:sha256:{hash}"),
                   "selector": {"type": "TextQuoteSelector", "exact": quote}}
    })
    .to_string()
}

fn import_tags(c: &mut Criterion) {
    let mut group = c.benchmark_group("import one annotation with 10,000 tags");
    group.sample_size(10);
    let ingested = ingest_bytes(Path::new("sample.txt"), SAMPLE).unwrap();
    let quote: String = ingested.outline.text.chars().skip(40).take(20).collect();
    let mut store = Store::open_in_memory().unwrap();
    pizhu::library::import(&mut store, Path::new("sample.txt"), &ingested).unwrap();
    let hash = pizhu::store::content_hash(&ingested.decoded.text);

    let repeats = annotation_with_tags(
        &hash,
        &quote,
        (0..10_000).map(|i| format!("标签{}", i % 50)),
    );
    let distinct = annotation_with_tags(&hash, &quote, (0..10_000).map(|i| format!("标签{i}")));
    let refused = import_annotations(&mut store, &distinct).unwrap_err();
    eprintln!("10,000 distinct tags: {refused:#}");

    group.bench_function("10,000 bodies, 50 distinct tags (imported)", |b| {
        b.iter(|| {
            // A new id each time would need a new file; deleting keeps the work the same.
            let _ = store.delete_annotation("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
            import_annotations(&mut store, &repeats).unwrap()
        })
    });
    group.bench_function("10,000 distinct tags (refused, over the cap)", |b| {
        b.iter(|| import_annotations(&mut store, &distinct).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, import_tags);
criterion_main!(benches);
