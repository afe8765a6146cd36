//! The generated library of issue 14's measurements, shared by `benches/search.rs` and
//! `examples/library_open.rs`: 1,000 documents of ~20 KB of reading text (the sample
//! page's paragraphs shuffled, each document's number mixed in) and 100 annotations each
//! (a third with a note, each with a tag). Deterministic: the same library every run.

#![allow(dead_code)]

use std::path::Path;

use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::Outline;
use pizhu::core::search::{Corpus, CorpusDocument};
use pizhu::core::source::SourceMeta;
use pizhu::ingest::ingest_bytes;
use pizhu::store::Store;

const SAMPLE: &[u8] = include_bytes!("../../../seeds/000_51e883962f205273.txt");
pub const DOCUMENTS: usize = 1_000;
pub const ANNOTATIONS_PER_DOC: usize = 100;
const TARGET_BYTES: usize = 20_000;
const PAPERS: [&str; 4] = ["人民日报", "内蒙古日报", "光明日报", "经济日报"];

/// Deterministic pseudo-random numbers (no dependency, same library every run).
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

pub fn sample_paragraphs() -> Vec<String> {
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
pub fn generated_document(d: usize, paragraphs: &[String], rng: &mut Lcg) -> Outline {
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

pub fn source(d: usize) -> SourceMeta {
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

pub fn annotations(d: usize, text_chars: usize, rng: &mut Lcg) -> Vec<Annotation> {
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

/// The library in memory, as search sees it.
pub fn generated_corpus() -> Corpus {
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

/// The same library imported into the database file `db` (as `pizhu import` stores it),
/// with its annotations.
pub fn build_file_library(db: &Path) {
    let paragraphs = sample_paragraphs();
    let mut rng = Lcg(14);
    let mut store = Store::open(db).unwrap();
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

fn uuid_like(d: usize, k: &str) -> String {
    let k: String = k.chars().filter(char::is_ascii_digit).collect();
    format!(
        "00000000-0000-4000-8000-{:06}{:06}",
        d,
        k.parse::<usize>().unwrap_or(0)
    )
}

/// Resident memory now and at its peak (VmRSS, VmHWM), in MB, from /proc (Linux).
pub fn rss_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .unwrap_or(0.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
