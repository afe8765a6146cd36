//! Issue 14: search over a generated library of 1,000 documents (~20 MB of reading text)
//! with 100,000 annotations: latency of 1-, 2-, 4- and 8-character queries (p50/p95 over
//! many different queries, printed; criterion times one of each), the library table's
//! filter per keystroke, and reading the corpus from a file database (what opening the
//! search dialog costs) with the process's RSS.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::core::search::{search, Corpus, Query};
use pizhu::session::{library_rows, LibraryView, SHOWN_HITS};
use pizhu::store::{DocumentSummary, Store};

#[path = "support/generated_library.rs"]
mod generated_library;
use generated_library::*;

/// Queries of `len` chars cut from random places of the texts (each has a hit).
fn queries(corpus: &Corpus, len: usize, n: usize) -> Vec<String> {
    let mut rng = Lcg(len as u64);
    let mut out = Vec::new();
    while out.len() < n {
        let text = &corpus.documents[rng.next(corpus.documents.len())]
            .outline
            .text;
        let chars: Vec<char> = text.chars().collect();
        let at = rng.next(chars.len() - len);
        let q: String = chars[at..at + len].iter().collect();
        if !q.contains('\n') {
            out.push(q);
        }
    }
    out
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
    )
}

fn search_latency(c: &mut Criterion) {
    let corpus = generated_corpus();
    let bytes: usize = corpus.documents.iter().map(|d| d.outline.text.len()).sum();
    eprintln!(
        "library: {} documents, {:.1} MB of reading text, {} annotations; RSS {:.0} MB",
        corpus.documents.len(),
        bytes as f64 / 1e6,
        corpus.annotation_count(),
        rss_mb().0
    );
    for len in [1, 2, 4, 8] {
        let qs = queries(&corpus, len, 100);
        for (limit, label) in [(usize::MAX, "all hits (CLI)"), (SHOWN_HITS, "window")] {
            let mut times = Vec::new();
            let mut hits = 0;
            for q in &qs {
                let query = Query {
                    text: q.clone(),
                    ..Default::default()
                };
                let t = Instant::now();
                let r = search(&corpus, &query, limit);
                times.push(t.elapsed());
                hits += r.total;
            }
            let (p50, p95) = percentiles(times);
            eprintln!(
                "search {len} chars, {label}: p50 {p50:.2} ms, p95 {p95:.2} ms (mean {} hits)",
                hits / qs.len()
            );
        }
        let query = Query {
            text: qs[0].clone(),
            ..Default::default()
        };
        c.bench_function(&format!("search: {len}-char query, 20 MB, all hits"), |b| {
            b.iter(|| search(black_box(&corpus), black_box(&query), usize::MAX))
        });
    }
}

fn library_filter(c: &mut Criterion) {
    let docs: Vec<DocumentSummary> = (0..DOCUMENTS)
        .map(|d| DocumentSummary {
            id: d as i64 + 1,
            title: format!("城乡融合发展迈出新步伐之{d}"),
            articles: 8,
            chars: 6_000,
            source_path: format!("/home/reader/papers/page-{d}.txt"),
            annotations: ANNOTATIONS_PER_DOC,
            imported_at: "2025-01-02T03:04:05Z".into(),
            source: source(d),
        })
        .collect();
    // Typing 人民日报 one keystroke at a time, with the table sorted by date.
    let mut times = Vec::new();
    for _ in 0..50 {
        for typed in ["人", "人民", "人民日", "人民日报"] {
            let view = LibraryView {
                filter: typed.into(),
                sort: pizhu::session::LibraryColumn::Date,
                ..Default::default()
            };
            let t = Instant::now();
            black_box(library_rows(&docs, &view));
            times.push(t.elapsed());
        }
    }
    let (p50, p95) = percentiles(times);
    eprintln!("library filter per keystroke, 1,000 documents: p50 {p50:.3} ms, p95 {p95:.3} ms");
    let view = LibraryView {
        filter: "人民".into(),
        sort: pizhu::session::LibraryColumn::Date,
        ..Default::default()
    };
    c.bench_function("library: filter + sort 1,000 documents", |b| {
        b.iter(|| library_rows(black_box(&docs), black_box(&view)))
    });
}

/// The corpus read from a file database of the same size: what the search dialog pays
/// when it opens (once; typing then searches memory).
fn corpus_from_store(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.sqlite3");
    build_file_library(&db);
    // Opening the window's state on this library: the store, the library table, the
    // document read last (the first one), its annotations (drawing is in benches/frame.rs).
    let before = rss_mb().0;
    let t = Instant::now();
    let mut state = pizhu::session::AppState::new(Store::open(&db).unwrap());
    state.start(&[]);
    state.apply(pizhu::session::Command::OpenDocument(1));
    let rows = state.library_rows().len();
    eprintln!(
        "window state opened on the library ({rows} rows, document 1 open): {:.0} ms; RSS {before:.0} → {:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        rss_mb().0
    );
    drop(state);
    let before = rss_mb().0;
    let t = Instant::now();
    let store = Store::open(&db).unwrap();
    let corpus = store.corpus().unwrap();
    eprintln!(
        "corpus read from the file database: {:.0} ms, {} documents, {} annotations; RSS {before:.0} → {:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        corpus.documents.len(),
        corpus.annotation_count(),
        rss_mb().0
    );
    drop(corpus);
    let t = Instant::now();
    let summaries = store.documents().unwrap();
    eprintln!(
        "library list (1,000 summaries with sources): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(summaries.len(), DOCUMENTS);
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function(
        "store: read the search corpus (1,000 docs, 100k annotations)",
        |b| b.iter(|| store.corpus().unwrap()),
    );
    group.finish();
}

criterion_group!(benches, search_latency, library_filter, corpus_from_store);
criterion_main!(benches);
