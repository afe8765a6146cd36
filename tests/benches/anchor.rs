//! Re-anchoring 500 annotations after an edit of a ~100k-char reading text: what importing
//! a changed document costs. Scenarios: distinct text with an insertion and a deletion
//! (through `Reanchorer`, through the one-shot `reanchor`, and with the old text unknown);
//! the bundled sample repeated (every quote has many identical copies); and every quote
//! edited, which sends all 500 through the fuzzy stage.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pizhu::core::anchor::{quote_context, reanchor, Reanchored, Reanchorer, TextQuote};
use pizhu::core::annotation::AnchorStatus;

const SAMPLE: &str = include_str!("../../seeds/000_51e883962f205273.txt");
const TEXT_CHARS: usize = 100_000;
const ANNOTATIONS: usize = 500;

/// Deterministic pseudo-Chinese text: sentences of common Han characters, so that passages
/// are distinct as in a real 100k-char document.
fn distinct_text() -> Vec<char> {
    let alphabet: Vec<char> =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut text = Vec::with_capacity(TEXT_CHARS + 64);
    while text.len() < TEXT_CHARS {
        for _ in 0..8 + next() % 30 {
            text.push(alphabet[next() % alphabet.len()]);
        }
        text.push(['，', '。', '；', '！'][next() % 4]);
        if next() % 6 == 0 {
            text.push('\n');
        }
    }
    text
}

fn repeated_sample() -> Vec<char> {
    SAMPLE.chars().cycle().take(TEXT_CHARS).collect()
}

/// start, end, quote, prefix, suffix
type Note = (usize, usize, String, String, String);

/// 500 annotations of 2–31 chars spread evenly over the text.
fn annotations(text: &str) -> Vec<Note> {
    let n = text.chars().count();
    (0..ANNOTATIONS)
        .map(|i| {
            let start = i * (n - 40) / ANNOTATIONS + i % 7;
            let end = start + 2 + (i * 13) % 30;
            let (quote, prefix, suffix) = quote_context(text, start, end);
            (start, end, quote, prefix, suffix)
        })
        .collect()
}

/// A 40-char sentence inserted in the middle and 30 chars deleted at a quarter.
fn edited(text: &[char]) -> String {
    let mut out = text.to_vec();
    let middle = out.len() / 2;
    out.splice(
        middle..middle,
        "这是在文章中间插入的一句新的话，用来改变后面所有批注的位置。".chars(),
    );
    let quarter = out.len() / 4;
    out.drain(quarter..quarter + 30);
    out.into_iter().collect()
}

/// One char replaced inside every annotation's quote.
fn every_quote_edited(text: &[char], annotations: &[Note]) -> String {
    let mut out = text.to_vec();
    for (start, end, ..) in annotations {
        out[(start + end) / 2] = '改';
    }
    out.into_iter().collect()
}

fn run_all(batch: &Reanchorer, annotations: &[Note]) -> Vec<Reanchored> {
    annotations
        .iter()
        .map(|(s, e, q, p, x)| {
            batch.reanchor(&TextQuote {
                start: *s,
                end: *e,
                quote: q,
                prefix: p,
                suffix: x,
            })
        })
        .collect()
}

/// Printed once per scenario so the report can say what the timed work decided.
fn summary(name: &str, results: &[Reanchored]) {
    let count = |status| results.iter().filter(|r| r.status == status).count();
    eprintln!(
        "{name}: {} anchored, {} check, {} orphan",
        count(AnchorStatus::Anchored),
        count(AnchorStatus::Check),
        count(AnchorStatus::Orphan)
    );
}

fn reanchoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("reanchor 500 annotations in 100k chars");
    group.sample_size(10);

    let distinct = distinct_text();
    let old: String = distinct.iter().collect();
    let new = edited(&distinct);
    let notes = annotations(&old);
    let fuzzy_new = every_quote_edited(&distinct, &notes);
    let sample = repeated_sample();
    let sample_old: String = sample.iter().collect();
    let sample_new = edited(&sample);
    let sample_notes = annotations(&sample_old);
    let scenarios: [(&str, &str, &str, &[Note]); 4] = [
        ("insert+delete", &old, &new, &notes),
        ("import, old text unknown", "", &new, &notes),
        (
            "repeated sample, insert+delete",
            &sample_old,
            &sample_new,
            &sample_notes,
        ),
        ("every quote edited (fuzzy)", &old, &fuzzy_new, &notes),
    ];

    for (name, old_text, new_text, notes) in scenarios {
        summary(name, &run_all(&Reanchorer::new(old_text, new_text), notes));
        group.bench_with_input(BenchmarkId::new("Reanchorer", name), &notes, |b, notes| {
            b.iter(|| run_all(&Reanchorer::new(old_text, new_text), notes))
        });
    }
    // The one-shot function rebuilds the text tables for every annotation.
    group.bench_function(BenchmarkId::new("reanchor() each", "insert+delete"), |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|(s, e, q, p, x)| {
                    reanchor(
                        &old,
                        &new,
                        &TextQuote {
                            start: *s,
                            end: *e,
                            quote: q,
                            prefix: p,
                            suffix: x,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(benches, reanchoring);
criterion_main!(benches);
