//! Issue 14: search over a generated library of 1,000 documents (~20 MB of reading text)
//! with 100,000 annotations: latency of 1-, 2-, 4- and 8-character queries (p50/p95 over
//! many different queries, printed; criterion times one of each), the library table's
//! filter per keystroke, and reading the corpus from a file database (what opening the
//! search dialog costs) with the process's RSS.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::Outline;
use pizhu::core::search::{search, Corpus, CorpusDocument, Query};
use pizhu::core::source::SourceMeta;
use pizhu::ingest::ingest_bytes;
use pizhu::session::{library_rows, LibraryView, SHOWN_HITS};
use pizhu::store::{DocumentSummary, Store};

const SAMPLE: &[u8] = include_bytes!("../../seeds/000_51e883962f205273.txt");
const DOCUMENTS: usize = 1_000;
const ANNOTATIONS_PER_DOC: usize = 100;
const TARGET_BYTES: usize = 20_000;
const PAPERS: [&str; 4] = ["人民日报", "内蒙古日报", "光明日报", "经济日报"];

/// Deterministic pseudo-random numbers (no dependency, same library every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn sample_paragraphs() -> Vec<String> {
    let ingested = ingest_bytes(Path::new("sample.txt"), SAMPLE).unwrap();
    ingested
        .outline
        .text
        .lines()
        .filter(|l| l.chars().count() > 8)
        .map(String::from)
        .collect()
}

/// Document `d`: sample paragraphs in a shuffled order with its number mixed in, ~20 KB.
fn generated_document(d: usize, paragraphs: &[String], rng: &mut Lcg) -> Outline {
    let mut bytes = 0;
    let mut articles = Vec::new();
    while bytes < TARGET_BYTES {
        let mut sections = Vec::new();
        for _ in 0..3 {
            let mut ps = Vec::new();
            for _ in 0..4 {
                let p = format!("{}（第{d}号）", paragraphs[rng.next(paragraphs.len())]);
                bytes += p.len();
                ps.push(p);
            }
            sections.push(Section {
                heading: Some(format!("（{}）小标题", sections.len() + 1)),
                paragraphs: ps,
                ..Default::default()
            });
        }
        articles.push(Article {
            title: Some(
                paragraphs[rng.next(paragraphs.len())]
                    .chars()
                    .take(12)
                    .collect(),
            ),
            sections,
            ..Default::default()
        });
    }
    Outline::from_document(&Document {
        articles,
        ..Default::default()
    })
}

fn source(d: usize) -> SourceMeta {
    SourceMeta {
        paper: Some(PAPERS[d % 4].into()),
        date: Some(format!(
            "20{:02}-{:02}-{:02}",
            20 + d % 6,
            1 + d % 12,
            1 + d % 28
        )),
        page: Some(1 + (d % 16) as u32),
        page_name: None,
    }
}

fn annotations(d: usize, text_chars: usize, rng: &mut Lcg) -> Vec<Annotation> {
    (0..ANNOTATIONS_PER_DOC)
        .map(|k| {
            let start = rng.next(text_chars - 20);
            Annotation {
                id: format!("{d:04}-{k:03}"),
                document_id: d as i64 + 1,
                start,
                end: start + 10,
                quote: String::new(),
                prefix: String::new(),
                suffix: String::new(),
                color: (k % 6) as u8 + 1,
                note: if k % 3 == 0 {
                    format!("第{k}条笔记：数据待核对")
                } else {
                    String::new()
                },
                tags: vec![format!("标签{}", k % 40)],
                created: String::new(),
                modified: String::new(),
                status: AnchorStatus::Anchored,
            }
        })
        .collect()
}

fn generated_corpus() -> Corpus {
    let paragraphs = sample_paragraphs();
    let mut rng = Lcg(14);
    let mut docs = Vec::new();
    let mut all = Vec::new();
    for d in 0..DOCUMENTS {
        let outline = generated_document(d, &paragraphs, &mut rng);
        all.extend(annotations(d, outline.char_len(), &mut rng));
        docs.push(CorpusDocument::new(d as i64 + 1, source(d), outline));
    }
    Corpus::new(docs, all)
}

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

fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn search_latency(c: &mut Criterion) {
    let corpus = generated_corpus();
    let bytes: usize = corpus.documents.iter().map(|d| d.outline.text.len()).sum();
    eprintln!(
        "library: {} documents, {:.1} MB of reading text, {} annotations; RSS {:.0} MB",
        corpus.documents.len(),
        bytes as f64 / 1e6,
        corpus.annotation_count(),
        rss_mb().unwrap_or(0.0)
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
    let paragraphs = sample_paragraphs();
    let mut rng = Lcg(14);
    {
        let mut store = Store::open(&db).unwrap();
        let mut all = Vec::new();
        for d in 0..DOCUMENTS {
            let outline = generated_document(d, &paragraphs, &mut rng);
            let text = outline.text.clone();
            let name = format!("rmrb_2025-01-{:02}_p{:02}_{d}.txt", 1 + d % 28, 1 + d % 16);
            let ingested = pizhu::ingest::Ingested {
                decoded: pizhu::ingest::Decoded {
                    text: text.clone(),
                    encoding: "UTF-8",
                },
                document: Document::default(),
                outline,
                reflow_version: pizhu::core::reflow::REFLOW_VERSION,
            };
            let (id, _) = pizhu::library::import(&mut store, Path::new(&name), &ingested).unwrap();
            let mut list = annotations(d, ingested.outline.char_len(), &mut rng);
            for a in &mut list {
                a.document_id = id;
                a.id = uuid_like(d, &a.id);
                a.quote = pizhu::core::outline::char_slice(&text, a.start, a.end).to_string();
            }
            all.extend(list);
        }
        store.put_annotations(&all).unwrap();
    }
    // Opening the window's state on this library: the store, the library table, the
    // document read last (the first one), its annotations (drawing is in benches/frame.rs).
    let before = rss_mb().unwrap_or(0.0);
    let t = Instant::now();
    let mut state = pizhu::session::AppState::new(Store::open(&db).unwrap());
    state.start(&[]);
    state.apply(pizhu::session::Command::OpenDocument(1));
    let rows = state.library_rows().len();
    eprintln!(
        "window state opened on the library ({rows} rows, document 1 open): {:.0} ms; RSS {before:.0} → {:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        rss_mb().unwrap_or(0.0)
    );
    drop(state);
    let before = rss_mb().unwrap_or(0.0);
    let t = Instant::now();
    let store = Store::open(&db).unwrap();
    let corpus = store.corpus().unwrap();
    eprintln!(
        "corpus read from the file database: {:.0} ms, {} documents, {} annotations; RSS {before:.0} → {:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        corpus.documents.len(),
        corpus.annotation_count(),
        rss_mb().unwrap_or(0.0)
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

fn uuid_like(d: usize, k: &str) -> String {
    let k: String = k.chars().filter(char::is_ascii_digit).collect();
    format!(
        "00000000-0000-4000-8000-{:06}{:06}",
        d,
        k.parse::<usize>().unwrap_or(0)
    )
}

criterion_group!(benches, search_latency, library_filter, corpus_from_store);
criterion_main!(benches);
