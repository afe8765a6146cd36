//! Issue 17: the dictionary popup and the script switch. Dictionary start-up (parsing the
//! embedded CC-CEDICT, what the window's thread does once) with the memory it takes;
//! one popup's lookup (jieba word plus entries) at many places of the sample; the
//! traditional view of the sample's longest paragraph and of the whole page.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::core::dictionary::{self, look_up_at, Cedict};
use pizhu::core::script::{self, DisplayScript};
use pizhu::core::segment;

const SAMPLE: &str = include_str!("../../seeds/000_51e883962f205273.txt");

/// Resident memory now, in MB (VmRSS from /proc; Linux).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn start_up(c: &mut Criterion) {
    // Once, as the window does it, with what it costs in memory.
    let before = rss_mb();
    let started = Instant::now();
    let dict = dictionary::wait();
    let took = started.elapsed();
    let after = rss_mb();
    eprintln!(
        "dictionary start-up: {:.0} ms; RSS {before:.0} MB -> {after:.0} MB (+{:.0} MB)",
        took.as_secs_f64() * 1000.0,
        after - before
    );
    black_box(dict);
    let mut group = c.benchmark_group("dictionary");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("load CC-CEDICT", |b| b.iter(|| black_box(Cedict::load())));
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let dict = dictionary::wait();
    segment::preload();
    script::preload();
    let han: Vec<usize> = SAMPLE
        .chars()
        .enumerate()
        .filter(|(_, c)| pizhu::core::charclass::is_han(*c))
        .map(|(i, _)| i)
        .step_by(7)
        .collect();
    // The slowest of all these, as a popup would wait for it.
    let mut worst = Duration::ZERO;
    for &at in &han {
        let t = Instant::now();
        black_box(look_up_at(dict, SAMPLE, at));
        worst = worst.max(t.elapsed());
    }
    eprintln!(
        "popup lookup: slowest of {} places of the sample {:.2} ms",
        han.len(),
        worst.as_secs_f64() * 1000.0
    );
    let mut i = 0;
    c.bench_function("popup lookup in the sample page", |b| {
        b.iter(|| {
            i = (i + 1) % han.len();
            black_box(look_up_at(dict, SAMPLE, han[i]))
        })
    });
}

fn traditional_view(c: &mut Criterion) {
    script::preload();
    // The page as the reading view has it: reflowed into paragraphs.
    let page = pizhu::core::reflow::reflow(SAMPLE);
    let outline = pizhu::core::outline::Outline::from_document(&page);
    let longest = outline
        .articles
        .iter()
        .flat_map(|a| &a.sections)
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.as_str())
        .max_by_key(|t| t.chars().count())
        .unwrap();
    eprintln!("longest paragraph: {} chars", longest.chars().count());
    c.bench_function("traditional view of the longest paragraph", |b| {
        b.iter(|| black_box(script::display(longest, DisplayScript::Traditional)))
    });
    c.bench_function("traditional view of the whole page", |b| {
        b.iter(|| black_box(script::display(&outline.text, DisplayScript::Traditional)))
    });
}

criterion_group!(benches, start_up, lookup, traditional_view);
criterion_main!(benches);
