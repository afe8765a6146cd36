//! Exporting 100,000 annotations (10 documents × 10,000) in each format.
//! Peak memory of the whole command is measured separately (see `examples/fill_annotations.rs`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use pizhu::core::annotation::{AnchorStatus, Annotation, CONTEXT_CHARS};
use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::{char_slice, Outline};
use pizhu::export::{ExportDocument, Format};

const DOCUMENTS: usize = 10;
const PER_DOCUMENT: usize = 10_000;

/// A page of 8 articles × 4 sections × 6 paragraphs of newspaper-like text.
fn outline() -> Outline {
    let paragraph = |a: usize, s: usize, p: usize| {
        format!("第{a}篇第{s}节第{p}段：今年以来，全区社会消费品零售总额增长8.5%，“日子越过越红火！”村民说。")
    };
    let articles = (0..8)
        .map(|a| Article {
            title: Some(format!("城乡融合发展迈出新步伐（{a}）")),
            byline: Some("□本报记者 张三 李四".into()),
            continued_from_page: (a % 2 == 1).then_some(1),
            sections: (0..4)
                .map(|s| Section {
                    heading: (s > 0).then(|| format!("（{s}）合力助推产业升级")),
                    paragraphs: (0..6).map(|p| paragraph(a, s, p)).collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    Outline::from_document(&Document {
        articles,
        ..Default::default()
    })
}

fn annotations(outline: &Outline, document_id: i64) -> Vec<Annotation> {
    let chars = outline.char_len();
    (0..PER_DOCUMENT)
        .map(|i| {
            let start = (i * 37) % (chars - 40);
            let end = start + 5 + i % 30;
            let text = &outline.text;
            Annotation {
                id: format!("00000000-0000-4000-8000-{:06}{i:06}", document_id),
                document_id,
                start,
                end,
                quote: char_slice(text, start, end).into(),
                prefix: char_slice(text, start.saturating_sub(CONTEXT_CHARS), start).into(),
                suffix: char_slice(text, end, end + CONTEXT_CHARS).into(),
                color: (i % 6) as u8 + 1,
                note: if i % 3 == 0 {
                    format!("第{i}条批注，含逗号, \"引号\"\n第二行 🙂")
                } else {
                    String::new()
                },
                tags: (0..i % 4).map(|t| format!("标签{t}")).collect(),
                created: "2024-05-01T08:00:00.000Z".into(),
                modified: "2024-05-02T09:30:00.000Z".into(),
                status: AnchorStatus::Anchored,
            }
        })
        .collect()
}

fn export(c: &mut Criterion) {
    let outline = outline();
    let names: Vec<String> = ["重要", "存疑", "观点", "数据", "人物", "其他"]
        .map(String::from)
        .to_vec();
    let per_doc: Vec<Vec<Annotation>> = (1..=DOCUMENTS as i64)
        .map(|d| annotations(&outline, d))
        .collect();
    let hashes: Vec<String> = (0..DOCUMENTS).map(|d| format!("{d:064x}")).collect();
    let paths: Vec<String> = (0..DOCUMENTS)
        .map(|d| format!("/data/page-{d}.txt"))
        .collect();
    let docs: Vec<ExportDocument> = (0..DOCUMENTS)
        .map(|d| ExportDocument::new(d as i64 + 1, &paths[d], &hashes[d], &outline, &per_doc[d]))
        .collect();

    let mut group = c.benchmark_group("export 100k annotations");
    group.sample_size(10);
    group.throughput(Throughput::Elements((DOCUMENTS * PER_DOCUMENT) as u64));
    for format in Format::ALL {
        group.bench_function(format.extension(), |b| {
            b.iter(|| format.render(&docs, &names).len())
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
